"""Archive views: the entity browser (E) and the quote browser (Q)."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.worker import get_current_worker

from reader.archive import Archive
from reader.model import SearchFilters
from reader.plural import noun_for, plural
from reader.sanitize import clean_line
from reader.text.corrections import TYPES, Correction
from reader.tui.commands import bindings
from reader.tui.read_only import refused
from reader.tui.screens.dialogs import NameDialog
from reader.tui.screens.list_screen import ListScreen, titled
from reader.tui.widgets.key_footer import KeyFooter
from reader.tui.widgets.listing import KeyList, LongList, Row, hanging

QUERY_MARK = "query:"  # a browser's answer that is a whole search, not a name
KINDS = {"a": None, "1": "PERSON", "2": "PLACE", "3": "ORG", "4": "GROUP"}
KIND_NAMES = {None: "all", "PERSON": "people", "PLACE": "places", "ORG": "organisations", "GROUP": "groups"}


class EntityBrowser(ListScreen):
    """Top entities across the archive, one row per name; Enter lists the
    articles about one; r/m/x correct it, u undoes the last correction."""

    BINDINGS = bindings("entities", built_in_too=False)
    TITLE_ID, LIST_ID = "entity-title", "entity-list"
    LOAD_GROUP = "browse"
    LIST = LongList  # 300 names

    def on_mount(self) -> None:
        self._start()

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.kind: str | None = None

    def _start_correction(self, correction: Correction, keep: str | None) -> None:
        if refused(self, self.archive):
            return
        # On a real archive a common name is in dozens of articles: re-indexing
        # them takes seconds, so say at once that it is under way.
        self.notify(f"{clean_line(correction.describe())}: correcting every article…", timeout=2)
        self._correct(correction, keep)

    @work(thread=True, group="correct")
    def _correct(self, correction: Correction, keep: str | None) -> None:
        """Correct every article naming the entity (and its index entries), off the UI thread."""
        from reader.archive import CorrectionRefused

        try:
            changed = self.archive.correct(correction)
        except CorrectionRefused as exc:  # an unknown name or merge target
            self.app.call_from_thread(self.notify, clean_line(str(exc)), severity="warning")
            return
        said = f"{clean_line(correction.describe())}: {plural(changed, 'article')} changed"
        self.app.call_from_thread(self.notify, said)
        self.app.call_from_thread(self.load, keep, True)

    def action_undo(self) -> None:
        if refused(self, self.archive):
            return
        self.notify("Taking back the last correction…", timeout=2)
        self._undo()

    @work(thread=True, group="correct")
    def _undo(self) -> None:
        undone = self.archive.undo_correction()
        if undone is None:
            self.app.call_from_thread(self.notify, "No correction to undo")
            return
        self.app.call_from_thread(self.notify, f"Undone: {clean_line(undone.describe())}")
        self.app.call_from_thread(self.load, undone.name, True)

    def action_rename(self) -> None:
        self._ask("rename", "Rename “{}” to", prefill=True)

    def action_merge(self) -> None:
        self._ask("merge", "Merge “{}” into (the other entity's name)", prefill=False)

    def action_retype(self) -> None:
        """The type the recogniser got wrong (a magazine as a person), as
        `newsreader correct type` gives it: one of the four, else refused."""
        name = self.highlighted_id()
        if not name:
            return

        def answered(said: str | None) -> None:
            kind = (said or "").strip().casefold()
            if not kind:
                return
            if kind not in TYPES:
                self.notify(f"Not a type: {clean_line(kind)} (person, place, org or group)", severity="warning")
                return
            self._start_correction(Correction("type", name, TYPES[kind]), name)

        prompt = f"Type of “{clean_line(name)}”: person, place, org or group"
        self.app.push_screen(NameDialog(prompt, placeholder="person, place, org or group"), answered)

    def _ask(self, action: str, prompt: str, *, prefill: bool) -> None:
        name = self.highlighted_id()
        if not name:
            return

        def answered(target: str | None) -> None:
            if target and target != name:
                self._start_correction(Correction(action, name, target), target)

        self.app.push_screen(NameDialog(prompt.format(clean_line(name)), name if prefill else ""), answered)

    async def action_timeline(self) -> None:
        """When the highlighted entity was in the news, in this archive. T is
        priority: the keys typed right behind it wait for the timeline's rows."""
        from reader.tui.screens.timeline import TimelineScreen

        name = self.highlighted_id()
        if not name:
            return
        query = SearchFilters(entity=name).query_text()

        def chosen(period_query: str | None) -> None:
            if period_query:
                self.dismiss(QUERY_MARK + period_query)

        timeline = TimelineScreen(self.archive, query)
        await self.app.push_screen(timeline, chosen)
        await timeline.filled()

    def action_reject(self) -> None:
        name = self.highlighted_id()
        if name:
            self._start_correction(Correction("reject", name), None)

    def action_kind(self, key: str) -> None:
        self.kind = KINDS[key]
        self.load()

    @work(thread=True, exclusive=True, group="browse", exit_on_error=False)
    def load(self, keep: str | None = None, stay: bool = False) -> None:
        rows = self.archive.entities(self.kind, 300)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, rows, keep, stay)

    def _show(self, rows: list[tuple[str, str, int, int]], keep: str | None = None, stay: bool = False) -> None:
        title = titled(
            f"Entities across the archive: {KIND_NAMES[self.kind]}",
            "a all · 1 people · 2 places · 3 orgs · 4 groups · Enter: their articles",
        )
        self.query_one("#entity-title", Label).update(title)
        listed: list[Row] = []
        seen: set[str] = set()
        for name, kind, mentions, articles in rows:
            # One row per name: if the index still holds a name under two types
            # (an older archive), the row with more articles stands for it.
            if name.casefold() in seen:
                continue
            seen.add(name.casefold())
            lead = Text(f"{articles:>4} ", style="bold")
            lead.append(f"{noun_for(articles, 'article'):<9} ", style="dim")
            lead.append(f"{kind.lower():<7}", style="dim")
            body = Text(clean_line(name))
            body.append(f"  ({plural(mentions, 'mention')})", style="dim")
            listed.append(Row(name, hanging(lead, body)))
        self.fill(listed, keep=keep, stay=stay)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.chosen_key(event))


class QuoteBrowser(ListScreen):
    """Quotes across the archive, filtered by speaker or words, each once (a
    story saved in several versions repeats its quotes); Enter opens the
    article at the quote."""

    BINDINGS = bindings("quotes", built_in_too=False)
    LOAD_GROUP = "browse"

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive

    def compose(self) -> ComposeResult:
        with Vertical(classes="browser"):
            yield Label("Quotes across the archive: type a speaker or words, Enter in the list opens the article")
            yield Input(placeholder="speaker or words", id="quote-filter")
            yield LongList(id="quote-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))  # at once: the keys behind Q may be queued already
        self.load("")

    def action_clear_filter(self) -> None:
        """ctrl+u, as in the main screen's search: every quote again, and the box focused for the next words."""
        box = self.query_one(Input)
        box.value = ""  # its Changed message lists every quote
        self.set_focus(box)

    @on(Input.Changed, "#quote-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.load(event.value)

    @on(Input.Submitted, "#quote-filter")
    def _to_list(self) -> None:
        self.query_one(KeyList).focus()

    @work(thread=True, exclusive=True, group="browse", exit_on_error=False)
    def load(self, words: str) -> None:
        rows = self.archive.quotes(words=words.strip() or None, limit=300)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, rows, words.strip())

    def _show(self, rows: list[tuple[str, str, str | None, str, str]], typed: str) -> None:
        listed: list[Row] = []
        seen: set[str] = set()
        for aid, title, speaker, _, text in rows:
            words = clean_line(text)
            # The same words again are another version of the story (saved twice,
            # updated), whose speaker may be found in one version and not another.
            said = " ".join(words.casefold().split())
            if said in seen:
                continue
            seen.add(said)
            body = Text(clean_line(speaker) if speaker else "unknown speaker", style="bold")
            body.append(f": “{words[:200]}{'…' if len(words) > 200 else ''}”\n")
            body.append(clean_line(title), style="dim")
            listed.append(Row(f"{aid}\n{text}", hanging("• ", body)))
        if not rows:  # an empty box read as a list still loading
            nothing = (
                f"No quote or speaker matches “{clean_line(typed)}”"
                if typed
                else "No quotes in the archive: quotations are found as articles are imported"
            )
            listed.append(Row("", Text(nothing, style="italic"), disabled=True))
        self.fill(listed)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.chosen_key(event))
