"""Archive views: the entity browser (E) and the quote browser (Q)."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.archive import Archive
from reader.model import SearchFilters
from reader.sanitize import clean_line
from reader.text.corrections import Correction
from reader.tui.commands import bindings

QUERY_MARK = "query:"  # a browser's answer that is a whole search, not a name
KINDS = {"a": None, "1": "PERSON", "2": "PLACE", "3": "ORG", "4": "GROUP"}
KIND_NAMES = {None: "all", "PERSON": "people", "PLACE": "places", "ORG": "organisations", "GROUP": "groups"}


class _Browser(Screen[str | None]):
    """What the list screens share: a title over a list refilled by a worker
    (`load`), Escape to go back."""

    TITLE_ID = ""
    LIST_ID = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="browser"):
            yield Label("", id=self.TITLE_ID)
            yield OptionList(id=self.LIST_ID)
        yield Footer()

    def highlighted_id(self) -> str | None:
        """The id of the option under the cursor."""
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def _start(self) -> None:
        """Called from a subclass's on_mount (Textual calls every class's on_mount)."""
        self.query_one(OptionList).focus()
        self.load()  # type: ignore[attr-defined]

    def fill(self, options: list[Option]) -> None:
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(options)
        if options:
            listing.highlighted = 0

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class EntityBrowser(_Browser):
    """Top entities across the archive; Enter lists the articles about one."""

    BINDINGS = bindings("entities", built_in_too=False)
    TITLE_ID, LIST_ID = "entity-title", "entity-list"

    def on_mount(self) -> None:
        self._start()

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.kind: str | None = None

    @work(thread=True, group="correct")
    def _correct(self, correction: Correction) -> None:
        """Correct every article naming the entity (and its index entries), off the UI thread."""
        from reader.archive import CorrectionRefused

        try:
            changed = self.archive.correct(correction)
        except CorrectionRefused as exc:
            self.app.call_from_thread(self.notify, clean_line(str(exc)), severity="warning")
            return
        noun = "article" if changed == 1 else "articles"
        self.app.call_from_thread(self.notify, f"{clean_line(correction.describe())}: {changed} {noun}")
        self.app.call_from_thread(self.load)

    def action_rename(self) -> None:
        self._ask("rename", "Rename “{}” to", prefill=True)

    def action_merge(self) -> None:
        self._ask("merge", "Merge “{}” into (the other entity's name)", prefill=False)

    def _ask(self, action: str, prompt: str, *, prefill: bool) -> None:
        from reader.tui.screens.saved import NameDialog

        name = self.highlighted_id()
        if not name:
            return

        def answered(target: str | None) -> None:
            if target and target != name:
                self._correct(Correction(action, name, target))

        self.app.push_screen(NameDialog(prompt.format(clean_line(name)), name if prefill else ""), answered)

    def action_timeline(self) -> None:
        """When the highlighted entity was in the news, in this archive."""
        from reader.tui.screens.timeline import TimelineScreen

        name = self.highlighted_id()
        if not name:
            return
        query = SearchFilters(entity=name).query_text()

        def chosen(date_query: str | None) -> None:
            if date_query:
                self.dismiss(QUERY_MARK + f"{query} {date_query}")

        self.app.push_screen(TimelineScreen(self.archive, query), chosen)

    def action_reject(self) -> None:
        name = self.highlighted_id()
        if name:
            self._correct(Correction("reject", name))

    def action_kind(self, key: str) -> None:
        self.kind = KINDS[key]
        self.load()

    @work(thread=True, exclusive=True, group="browse")
    def load(self) -> None:
        rows = self.archive.entities(self.kind, 300)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[tuple[str, str, int, int]]) -> None:
        title = (
            f"Entities across the archive: {KIND_NAMES[self.kind]} (a all · 1 people · 2 places · 3 orgs · 4 groups)"
        )
        self.query_one("#entity-title", Label).update(Text(title))
        options = []
        for name, kind, mentions, articles in rows:
            label = Text(f"{articles:>4} ", style="bold")
            label.append("articles  ", style="dim")
            label.append(f"{kind.lower():<7}", style="dim")
            label.append(clean_line(name))
            label.append(f"  ({mentions} mentions)", style="dim")
            options.append(Option(label, id=name))
        self.fill(options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class QuoteBrowser(_Browser):
    """Quotes across the archive, filtered by speaker or words; Enter opens the article."""

    BINDINGS = bindings("quotes", built_in_too=False)

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive

    def compose(self) -> ComposeResult:
        with Vertical(classes="browser"):
            yield Label("Quotes across the archive: type a speaker or words, Enter in the list opens the article")
            yield Input(placeholder="speaker or words", id="quote-filter")
            yield OptionList(id="quote-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.load("")

    @on(Input.Changed, "#quote-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.load(event.value)

    @on(Input.Submitted, "#quote-filter")
    def _to_list(self) -> None:
        self.query_one(OptionList).focus()

    @work(thread=True, exclusive=True, group="browse")
    def load(self, words: str) -> None:
        rows = self.archive.quotes(words=words.strip() or None, limit=300)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[tuple[str, str, str | None, str, str]]) -> None:
        options = []
        for n, (aid, title, speaker, _, text) in enumerate(rows):
            label = Text(clean_line(speaker) if speaker else "unknown speaker", style="bold")
            words = clean_line(text)
            label.append(f": “{words[:200]}{'…' if len(words) > 200 else ''}”\n")
            label.append(f"   {clean_line(title)}", style="dim")
            options.append(Option(label, id=f"{n}:{aid}"))
        self.fill(options)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((event.option.id or ":").split(":", 1)[1] or None)
