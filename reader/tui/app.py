"""The reader app: opens the archive, shows the main screen, runs app-wide actions."""

from __future__ import annotations

import asyncio
from multiprocessing import resource_tracker
from pathlib import Path

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen

from reader.archive import Archive, ArchiveBusy, ArchiveReadOnly
from reader.config import Config
from reader.model import SearchFilters
from reader.tui import heap, read_only
from reader.tui.commands import FOOTER_NAMES, ArchiveCommands, bindings
from reader.tui.screens.import_screen import ImportFinished, ImportScreen
from reader.tui.screens.main import MainScreen
from reader.tui.widgets.search_box import StatusLine


class NewsReaderApp(App[None]):
    """A keyboard-driven reader over one archive directory."""

    TITLE = "newsreader"
    CSS_PATH = "newsreader.tcss"
    BINDINGS = bindings("app")
    COMMANDS = App.COMMANDS | {ArchiveCommands}

    def __init__(
        self, data_dir: Path, *, config: Config | None = None, save_config: bool = True, settle_heap: bool = False
    ) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.config = config or Config.load()
        self.save_config = save_config
        self.archive = Archive(self.data_dir)
        # Imports and rebuilds start processes (analysis workers, the index
        # writer's helpers), and the first one starts multiprocessing's resource
        # tracker, handing it stderr's file descriptor. While the app runs,
        # stderr is Textual's capture, whose fileno() is -1, and the import
        # stopped with "bad value(s) in fds_to_keep"; started now, before the
        # app takes over stderr, the tracker gets the real one.
        resource_tracker.ensure_running()
        # Start-up's objects frozen out of the garbage collector's work once
        # the first screen is up (heap.py). Not in tests, which run many apps
        # in one process: freezing is for the whole process.
        self.settle_heap = settle_heap

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast, as plain text whatever the caller asks: ours name saved
        searches, tags, entities and files as typed or found ("[/b]" as markup
        stopped the app; widgets' notify passes Textual's markup=True on)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def get_key_display(self, binding: Binding) -> str:
        """F1 and Esc in the footers as help writes them (Textual: f1, esc)."""
        if not binding.key_display and binding.key in FOOTER_NAMES:
            return FOOTER_NAMES[binding.key]
        return super().get_key_display(binding)

    def on_mount(self) -> None:
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.push_screen(MainScreen(self.archive, self.config.query_for(self.data_dir)))
        if self.archive.read_only:
            self.notify(read_only.NOTE, severity="warning", timeout=8)
        self.check_index()

    def on_ready(self) -> None:
        if self.settle_heap:
            heap.set_aside_startup()

    @work(thread=True, exclusive=True, group="reindex")
    def check_index(self) -> None:
        """Open the index, rebuilding it behind a progress screen if missing or damaged."""
        from reader.tui.screens.rebuild import RebuildScreen

        screen: RebuildScreen | None = None

        def progress(done: int, total: int) -> None:
            nonlocal screen
            if screen is None:
                screen = RebuildScreen(self.archive.index_rebuild_reason)
                self.call_from_thread(self.push_screen, screen)
            self.call_from_thread(screen.progress, done, total)

        try:
            self.archive.index(on_rebuild=progress)
        except (ArchiveBusy, ArchiveReadOnly) as exc:  # read-only: an index that cannot be rebuilt there
            self.call_from_thread(self.notify, str(exc), severity="warning")
        finally:
            if screen is not None:
                self.call_from_thread(screen.dismiss)
                self.call_from_thread(self._refresh_main)

    def _status(self, message: str) -> None:
        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.query_one(StatusLine).say(message)

    # -- actions -----------------------------------------------------------

    def action_help(self) -> None:
        from reader.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def _main(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    async def action_open_entities(self) -> None:
        from reader.tui.screens.browsers import QUERY_MARK, EntityBrowser

        def chosen(name: str | None) -> None:
            main = self._main()
            if name and main is not None and name.startswith(QUERY_MARK):
                main.search_for(name.removeprefix(QUERY_MARK))  # a period of the entity's timeline
            elif name and main is not None:
                main.search_for(SearchFilters(entity=name).query_text())

        browser = EntityBrowser(self.archive)
        await self.push_screen(browser, chosen)
        await browser.filled()  # the keys behind E move the list filled (priority: they wait)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # i and Q are acted on as they arrive (priority), and so reach past a
        # modal screen: over help or a dialog they stay that screen's, as before.
        # Keys that open a screen with a box to type in are priority and their
        # actions await the screen's mount: the keys behind them wait meanwhile
        # and then find the box focused, instead of reaching the screen below
        # or the new screen before its box has focus (and being lost).
        return not (action in ("open_import", "open_quotes", "open_entities") and isinstance(self.screen, ModalScreen))

    async def action_open_quotes(self) -> None:
        from reader.tui.screens.browsers import QuoteBrowser

        def chosen(key: str | None) -> None:
            main = self._main()
            if key and main is not None:
                article_id, quote = key.split("\n", 1)
                main.open_at_quote(article_id, quote)

        await self.push_screen(QuoteBrowser(self.archive), chosen)

    async def action_open_import(self) -> None:
        if not isinstance(self.screen, ImportScreen) and not read_only.refused(self, self.archive):
            await self.push_screen(ImportScreen(self.data_dir))

    @work(thread=True, exclusive=True, group="reindex")
    def action_reindex(self) -> None:
        def progress(done: int, total: int) -> None:
            self.call_from_thread(self._status, f"Reindexing: {done}/{total}")

        def analysing(done: int, total: int) -> None:
            self.call_from_thread(self._status, f"Finding entities and quotes again: {done}/{total}")

        try:
            count = self.archive.reindex(progress=progress, analysing=analysing)
        except (ArchiveBusy, ArchiveReadOnly) as exc:
            self.call_from_thread(self.notify, str(exc), severity="warning")
            return
        self.call_from_thread(self.notify, f"Reindexed {count} articles")
        self.call_from_thread(self._refresh_main)

    @on(ImportFinished)
    def _imported(self, event: ImportFinished) -> None:
        self._refresh_main()

    def _refresh_main(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.refresh_results()

    def watch_theme(self, theme: str) -> None:
        self.config.theme = theme

    async def action_quit(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ImportScreen) and screen.running:
                # Stop after the file being read and let the importer commit
                # and index what it finished, off the event loop; then go.
                await asyncio.to_thread(screen.stop_and_wait)
        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is not None:
            self.config.remember_query(self.data_dir, main.search.text)
            reader = main.query_one("#reader")
            if reader.article_id and not self.archive.read_only:  # type: ignore[attr-defined]
                self.archive.set_position(reader.article_id, reader.position)  # type: ignore[attr-defined]
        if self.save_config:
            self.config.save()
        self.exit()

    def on_unmount(self) -> None:
        self.archive.close()


def run_app(data_dir: Path) -> int:
    NewsReaderApp(data_dir, settle_heap=True).run()
    return 0
