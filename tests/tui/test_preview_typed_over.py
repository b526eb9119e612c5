"""The preview of a new list's first row belongs to that list: a key typed
while it loads cancels it, and a preview that arrives late is not shown."""

from __future__ import annotations

import threading

from reader.tui.widgets.article import ArticleView
from reader.tui.widgets.results import ResultsList
from tests.tui.conftest import settle


async def test_a_preview_loading_when_a_key_is_typed_is_not_shown(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        archive = app.screen.archive
        real_get, gate, loading = archive.get, threading.Event(), threading.Event()
        loaded: list[str] = []

        def slow_get(article_id):  # type: ignore[no-untyped-def]
            if not gate.is_set():
                loading.set()
                gate.wait(10)
            loaded.append(article_id)
            return real_get(article_id)

        monkeypatch.setattr(archive, "get", slow_get)
        await pilot.press("slash", *"ferry")
        for _ in range(100):  # the first row's preview is loading (no time asserted: polled)
            if loading.is_set():
                break
            await pilot.pause(0.02)
        assert loading.is_set()
        await pilot.press(*"qqz")  # typed while it loads: "ferryqqz" finds nothing
        gate.set()
        await settle(pilot)
        assert app.screen.query_one(ResultsList).hits == []
        assert app.screen.query_one(ArticleView).page is None  # no article beside an empty list
