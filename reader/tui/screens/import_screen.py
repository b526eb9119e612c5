"""The import screen: choose a folder, import it in a worker, see progress and failures."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.suggester import Suggester
from textual.widgets import Button, DirectoryTree, Input, Label, ProgressBar, Static

from reader.archive import Archive, ArchiveBusy
from reader.archive.import_report import summary_lines
from reader.archive.importer import ImportReport, Progress
from reader.plural import plural
from reader.sanitize import clean_line
from reader.tui.commands import bindings
from reader.tui.screens.dialogs import FORM_KEYS
from reader.tui.widgets.key_footer import KeyFooter
from reader.tui.widgets.scrolling import InstantScroll

log = logging.getLogger(__name__)
UPDATE_EVERY_S = 0.05  # progress redraws at most 20 times a second


class ImportFinished(Message):
    """An import ended; the main screen refreshes its results."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__()
        self.report = report


class PathSuggester(Suggester):
    """Completes the last component of a path to an existing folder."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        expanded = os.path.expanduser(value)
        parent, stem = os.path.split(expanded)
        try:
            names = sorted(e.name for e in os.scandir(parent or ".") if e.is_dir() and not e.name.startswith("."))
        except OSError:
            return None
        for name in names:
            if name.startswith(stem) and name != stem:
                return value + name[len(stem) :] + "/"
        return None


class FolderTree(DirectoryTree):
    """Folders only: files are picked by the importer itself."""

    def filter_paths(self, paths):  # type: ignore[no-untyped-def]
        return [p for p in paths if p.is_dir() and not p.name.startswith(".")]


class ImportScreen(Screen[None]):
    BINDINGS = [*bindings("import"), *FORM_KEYS]  # Tab as the dialogs': acted on as it arrives

    def __init__(self, archive_root: Path, start: str | None = None) -> None:
        super().__init__()
        self.archive_root = archive_root
        self.start_path = start or os.getcwd()
        self.running = False
        self.import_root = self.start_path
        self.report: ImportReport | None = None
        # Set by Cancel (and by quitting): the worker stops after the file it is
        # reading; the importer commits and indexes what it finished.
        self.stop_requested = threading.Event()
        self.stopped = threading.Event()  # the worker is done with the archive
        self.stopped.set()
        self.quitting = False

    def compose(self) -> ComposeResult:
        with Vertical(id="import"):
            yield Label(
                "Import a folder of saved pages, PDFs, EPUBs, web archives and exports; Tab to the tree, Enter to start"
            )
            with Horizontal(id="import-path-row"):
                yield Input(self.start_path, suggester=PathSuggester(), id="import-path")
                # Not in the Tab order ("Tab to the tree", the screen says): Enter
                # in the path box starts the import, ctrl+c cancels; a click works.
                go = Button("Import", id="import-go", variant="primary")
                # "Cancel (ctrl+c)" left no room for the button's edges at 80 columns.
                cancel = Button("Cancel (^c)", id="import-cancel", variant="error", disabled=True)
                go.can_focus = cancel.can_focus = False
                yield go
                yield cancel
            yield FolderTree(self.start_path, id="import-tree")
            # Hidden (its room kept) until an import starts: idle, it pulsed at
            # "--%" as if something were being imported.
            yield ProgressBar(id="import-progress", show_eta=False, classes="-idle")
            yield Static("", id="import-phase")
            yield Static("", id="import-current")
            yield Static("", id="import-counts")
            # Its own scrolling pane: at 80x24 a summary of many failures ran
            # past the screen's bottom, out of reach.
            with InstantScroll(id="import-summary-box"):
                yield Static("", id="import-summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#import-path", Input))  # at once: the keys behind i may be queued already

    @on(DirectoryTree.DirectorySelected)
    def _chosen(self, event: DirectoryTree.DirectorySelected) -> None:
        self.query_one("#import-path", Input).value = str(event.path)

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import-go")
    def action_start(self) -> None:
        if self.running:
            return
        path = os.path.expanduser(self.query_one("#import-path", Input).value.strip())
        if not path or not os.path.exists(path):
            self.query_one("#import-summary", Static).update(Text(f"⚠ No such folder: {clean_line(path)}"))
            return
        self.running = True
        self.import_root = path
        self.stop_requested.clear()
        self.stopped.clear()
        self.query_one("#import-summary", Static).update("")
        bar = self.query_one("#import-progress", ProgressBar)
        bar.remove_class("-idle")
        bar.update(total=None, progress=0)  # pulsing while the files are listed; the last import's 100 % gone
        self._set_running(True)
        self.run_import(path)

    def _set_running(self, running: bool) -> None:
        """While importing: the Cancel button is live and has the focus (so
        ctrl+c reaches it, not the path box); the path and Import are not."""
        cancel = self.query_one("#import-cancel", Button)
        cancel.disabled = not running
        self.query_one("#import-go", Button).disabled = running
        self.query_one("#import-path", Input).disabled = running
        if running:
            cancel.focus()
        else:
            self.query_one("#import-path", Input).focus()

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        if not self.running:
            self.notify("No import is running", timeout=2)
            return
        self.stop_requested.set()
        self.query_one("#import-current", Static).update(Text("Stopping after the file being read…"))

    def stop_and_wait(self, timeout: float = 60.0) -> None:
        """Quitting: stop the import as Cancel does and wait until what it
        finished is committed (no message: the app is going)."""
        self.quitting = True
        self.stop_requested.set()
        self.stopped.wait(timeout)

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, path: str) -> None:
        """Import on a separate Archive (its own connection), so searching stays free."""
        app = self.app
        report = ImportReport()
        last = 0.0

        def tell(callback: Callable[..., object], *args: object) -> None:
            # Quitting, the app is going: nothing to show, and no traceback
            # (it was NoActiveAppError from here).
            if self.quitting or not app.is_running:
                return
            try:
                app.call_from_thread(callback, *args)
            except Exception:  # noqa: BLE001 - the app closed meanwhile
                log.debug("import screen gone", exc_info=True)

        error: str | None = None
        cancelled = False
        try:
            with Archive(self.archive_root) as archive:
                stage = None
                steps = archive.import_paths([path], report)
                try:
                    for step in steps:
                        indexing = step.outcome == "indexing"
                        if self.stop_requested.is_set() and not indexing:
                            # Closing the importer commits the files it
                            # finished and indexes them; the rest are not read.
                            cancelled = True
                            break
                        now = time.monotonic()
                        # Throttled, but each stage of the index pass shows as it starts.
                        new_stage = indexing and step.path != stage
                        if new_stage or now - last >= UPDATE_EVERY_S or step.done == step.total:
                            last = now
                            stage = step.path if indexing else stage
                            tell(self._progress, step, report)
                finally:
                    steps.close()
        except ArchiveBusy as exc:
            error = str(exc)
        except Exception as exc:  # noqa: BLE001 - an import bug must not take the reader down
            log.exception("import failed")
            error = f"import stopped: {type(exc).__name__}: {exc}"
        finally:
            self.stopped.set()
        tell(self._finished, report, error, cancelled)

    def _relative(self, path: str) -> str:
        """Paths under the imported folder are shown relative to it."""
        root = os.path.realpath(self.import_root)
        real = os.path.realpath(path)
        return os.path.relpath(real, root) if real.startswith(root + os.sep) else path

    def _progress(self, step: Progress, report: ImportReport) -> None:
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=max(step.total, 1), progress=step.done)
        self.query_one("#import-phase", Static).update(Text(step.describe()))
        current = self.query_one("#import-current", Static)
        if step.outcome == "indexing":
            current.update("")
        else:
            current.update(Text(f"{step.outcome}: {clean_line(self._relative(step.path))}"))
        self.query_one("#import-counts", Static).update(Text(_counts(report)))

    def _finished(self, report: ImportReport, error: str | None, cancelled: bool = False) -> None:
        self.running = False
        self.report = report
        self._set_running(False)
        self.query_one("#import-phase", Static).update("")  # "Done." or "Cancelled." below says the rest
        summary = self.query_one("#import-summary", Static)
        if error:
            summary.update(Text("⚠ " + error))
            return
        if cancelled:
            self.query_one("#import-counts", Static).update(Text(_counts(report)))
            kept = report.added + report.updated
            self.query_one("#import-current", Static).update(
                Text(
                    f"Cancelled. Kept the {plural(kept, 'article')} imported before the stop; "
                    "the other files were not read (importing the folder again adds them)."
                )
            )
            summary.update("")
            self.app.post_message(ImportFinished(report))
            return
        bar = self.query_one("#import-progress", ProgressBar)
        if bar.total is None:
            bar.update(total=1, progress=1)
        self.query_one("#import-counts", Static).update(Text(_counts(report)))
        self.query_one("#import-current", Static).update(Text("Done."))
        text = Text()
        marks = {
            "duplicate": ("= duplicate ", "dim"),
            "skipped": ("– skipped ", "yellow"),
            "failed": ("✗ ", "bold red"),
        }
        for kind, line in summary_lines(report, str(self.import_root)):
            if kind in marks:
                mark, style = marks[kind]
                text.append(mark, style=style)
            text.append(clean_line(line) + "\n")
        summary.update(text)
        self.app.post_message(ImportFinished(report))

    def action_close(self) -> None:
        if self.running:
            # Hidden, it would go on while the list said "0 articles".
            self.notify("An import is running: ctrl+c (or Cancel) stops it; what it imported stays", timeout=3)
            return
        self.app.pop_screen()


def _counts(report: ImportReport) -> str:
    return " · ".join(f"{n} {name}" for name, n in report.counts().items())
