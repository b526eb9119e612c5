from __future__ import annotations

from pathlib import Path

from reader.config import REMEMBERED_ARCHIVES, Config


def test_round_trip(tmp_path: Path) -> None:
    config = Config(theme="textual-light", keymap={"quit": "ctrl+q"})
    config.remember_query(tmp_path / "archive", 'border "fence"\tnew')
    config.save(tmp_path)
    assert Config.load(tmp_path) == config
    assert Config.load(tmp_path).query_for(tmp_path / "archive") == 'border "fence"\tnew'


def test_only_the_latest_archives_queries_are_kept(tmp_path: Path) -> None:
    config = Config()
    for n in range(REMEMBERED_ARCHIVES + 5):
        config.remember_query(tmp_path / str(n), f"query {n}")
    config.remember_query(tmp_path / "0", "again")
    assert len(config.last_queries) == REMEMBERED_ARCHIVES
    assert config.query_for(tmp_path / "0") == "again" and config.query_for(tmp_path / "5") == ""


def test_damaged_or_missing_config_gives_defaults(tmp_path: Path) -> None:
    assert Config.load(tmp_path) == Config()
    (tmp_path / "config.toml").write_text("theme = [unclosed")
    assert Config.load(tmp_path) == Config()


def test_wrong_types_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('theme = 3\nshow_quotes = false\n[last_queries]\n"/a" = 4\n"/b" = "x"\n')
    loaded = Config.load(tmp_path)
    assert loaded.theme == Config().theme and loaded.show_quotes is False
    assert loaded.last_queries == {"/b": "x"}
