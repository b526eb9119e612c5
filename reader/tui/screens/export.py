"""Export from the app (X): the article being read or the search's articles, in
one of `newsreader export`'s formats, to a path; written off the UI thread
through the Archive, which never writes into the archive folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from reader.archive import Archive, IndexDamaged, NothingToExport, QueryError
from reader.archive.safe_write import TargetRefused
from reader.model import SearchFilters
from reader.plural import plural
from reader.sanitize import clean_line
from reader.tui.screens.dialogs import FORM_KEYS

# (format, label, default name in the folder the app was started from)
FORMATS = (
    ("json", "JSON", "newsreader-export.json"),
    ("markdown", "Markdown", "newsreader-export-markdown"),
    ("html", "HTML", "newsreader-export-html"),
    ("epub", "EPUB", "newsreader-export.epub"),
)
ONE_FILE = ("json", "epub")  # the others write a folder of files


@dataclass(frozen=True)
class ExportRequest:
    """What to write: the articles a query (with its filters) finds, in a format, where."""

    query: str
    filters: SearchFilters
    typed: bool  # the query's last word completed, as the results list runs it
    fmt: str
    target: Path


@dataclass(frozen=True)
class Choices:
    """What the dialog offers: the article being read (id, title) and the list's search."""

    article: tuple[str, str] | None
    query: str
    filters: SearchFilters
    typed: bool
    reading: bool  # the reader has focus: the article is the first choice


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Which articles, which format, which path; Enter in the path box writes."""

    BINDINGS = [("escape", "cancel", "Cancel"), *FORM_KEYS]

    def __init__(self, choices: Choices, folder: str | None = None) -> None:
        super().__init__()
        self.choices = choices
        self.folder = Path(folder or os.getcwd())
        self.fmt = "json"

    def compose(self) -> ComposeResult:
        c = self.choices
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label("Export (Enter in the path writes, Esc cancels; no file is replaced)")
            with RadioSet(id="export-what"):
                if c.article is not None:
                    yield RadioButton(
                        Text(f"This article: {clean_line(c.article[1])}"), value=c.reading, id="export-article"
                    )
                yield RadioButton(
                    Text(_search_words(c.query, c.filters)),
                    value=c.article is None or not c.reading,
                    id="export-search",
                )
            with RadioSet(id="export-format"):
                for fmt, label, _ in FORMATS:
                    yield RadioButton(label, value=fmt == self.fmt, id=f"export-{fmt}")
            yield Label("To: a file for JSON (it imports back) and EPUB, a folder for Markdown and HTML")
            yield Input(str(self._default_path(self.fmt)), id="export-path")
            yield Static("", id="export-problem")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#export-path", Input))  # at once: the keys behind X may be queued

    def _default_path(self, fmt: str) -> Path:
        """The format's name in the folder, numbered past any that exist
        ("newsreader-export-2.json"): no file is replaced, so offering one that
        exists made the second X, Enter in a folder only say so."""
        name = Path(next(name for f, _, name in FORMATS if f == fmt))
        path, n = self.folder / name, 1
        while path.exists() or path.is_symlink():
            n += 1
            path = self.folder / f"{name.stem}-{n}{name.suffix}"
        return path

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id != "export-format" or event.pressed.id is None:
            return
        fmt = event.pressed.id.removeprefix("export-")
        box = self.query_one("#export-path", Input)
        if box.value == str(self._default_path(self.fmt)):  # not edited: the new format's name
            box.value = str(self._default_path(fmt))
        self.fmt = fmt

    def on_input_submitted(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        if not typed:
            self._problem("Say where to write the export")
            return
        target = Path(os.path.expanduser(typed))
        if self.fmt in ONE_FILE and target.exists() and not target.is_dir():
            self._problem(f"{target} exists: no file is replaced, give another name")
            return
        if self.query_one("#export-what", RadioSet).pressed_button is self._article_button():
            assert self.choices.article is not None
            query, filters, typed_query = f"id:{self.choices.article[0]}", SearchFilters(), False
        else:
            query, filters, typed_query = self.choices.query, self.choices.filters, self.choices.typed
        self.dismiss(ExportRequest(query, filters, typed_query, self.fmt, target))

    def _article_button(self) -> RadioButton | None:
        found = self.query("#export-article")
        return found.first(RadioButton) if found else None

    def _problem(self, said: str) -> None:
        problem = self.query_one("#export-problem", Static)
        problem.update(Text(clean_line(said), style="bold"))
        # Below the path box: on a short terminal the dialog scrolls to show it.
        self.call_after_refresh(problem.scroll_visible, animate=False)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _search_words(query: str, filters: SearchFilters) -> str:
    if not query.strip() and not filters.active:
        return "Every article in the archive"
    said = f"The articles of the search “{clean_line(query)}”" if query.strip() else "The articles"
    return said + (f" ({clean_line(filters.describe())})" if filters.active else "")


def run_export(screen: Screen[None], archive: Archive, request: ExportRequest) -> None:
    """Write the export in a worker; a toast names the file (or files) written,
    or what stopped it and why."""

    def write() -> None:
        try:
            count, written = archive.export(
                request.query,
                request.fmt,
                request.target,
                filters=request.filters,
                complete_last_word=request.typed,
            )
        except TargetRefused as exc:
            said = str(exc).replace("; --force replaces it", ": no file is replaced, give another name")
            screen.app.call_from_thread(screen.notify, f"Not exported: {clean_line(said)}", severity="error")
            return
        except (QueryError, IndexDamaged) as exc:
            screen.app.call_from_thread(screen.notify, f"Not exported: {clean_line(str(exc))}", severity="error")
            return
        except NothingToExport as exc:
            screen.app.call_from_thread(screen.notify, f"Not exported: {clean_line(str(exc))}", severity="warning")
            return
        except OSError as exc:
            said = f"Not exported to {request.target}: {exc.strerror or exc}"
            screen.app.call_from_thread(screen.notify, clean_line(said), severity="error")
            return
        where = str(written[0]) if len(written) == 1 else f"{len(written)} files in {request.target}"
        said = f"Exported {plural(count, 'article')} as {request.fmt}: {where}"
        screen.app.call_from_thread(screen.notify, clean_line(said), timeout=6)

    screen.run_worker(write, thread=True, group="export")
