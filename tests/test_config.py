from __future__ import annotations

from pathlib import Path

from reader.config import Config


def test_round_trip(tmp_path: Path) -> None:
    config = Config(theme="textual-light", last_query='border "fence"\tnew', keymap={"quit": "ctrl+q"})
    config.save(tmp_path)
    assert Config.load(tmp_path) == config


def test_damaged_or_missing_config_gives_defaults(tmp_path: Path) -> None:
    assert Config.load(tmp_path) == Config()
    (tmp_path / "config.toml").write_text("theme = [unclosed")
    assert Config.load(tmp_path) == Config()


def test_wrong_types_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('theme = 3\nlast_query = "x"\n')
    loaded = Config.load(tmp_path)
    assert loaded.theme == Config().theme and loaded.last_query == "x"
