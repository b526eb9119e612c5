"""The last query belongs to the archive it was typed in: another archive (the
demo's, say) opens on its own last query, not on one that finds nothing there."""

from __future__ import annotations

from pathlib import Path

from reader.config import Config
from reader.tui.screens.main import SearchBox
from tests.tui.conftest import settle


async def test_an_archive_opens_on_its_own_last_query(make_app, filled_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = Config()
    config.remember_query(tmp_path / "another-archive", "ferry")
    app = make_app(config=config, save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == ""
        await pilot.press("slash", *"sauna")
        await settle(pilot)
        await app.action_quit()
    assert config.query_for(filled_dir) == "sauna"
    assert config.query_for(tmp_path / "another-archive") == "ferry"

    app = make_app(config=config, save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(SearchBox).value == "sauna"
