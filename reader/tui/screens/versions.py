"""A story's versions (v) and what changed between two of them (d)."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.worker import get_current_worker

from reader.archive import Archive
from reader.plural import plural
from reader.sanitize import clean_inline, clean_line
from reader.text.diff import Change, summarise, word_diff
from reader.tui.commands import bindings
from reader.tui.screens.list_screen import ListScreen, titled
from reader.tui.widgets.key_footer import KeyFooter
from reader.tui.widgets.listing import Row, hanging
from reader.tui.widgets.scrolling import InstantScroll

_STYLES = {"same": "", "added": "bold green", "removed": "red strike"}


def _paragraphs(archive: Archive, article_id: str) -> list[str]:
    stored = archive.get(article_id)
    return [b.text for b in stored.article.blocks] if stored else []


class VersionsScreen(ListScreen):
    """The versions of the article being read, with how much each differs from
    it; Enter reads one, d shows the changes word by word."""

    BINDINGS = bindings("versions", built_in_too=False)
    TITLE_ID, LIST_ID = "versions-title", "versions-list"
    LOAD_GROUP = "versions"

    def on_mount(self) -> None:
        self._start()

    def __init__(self, archive: Archive, current: str) -> None:
        super().__init__()
        self.archive = archive
        self.current = current

    @work(thread=True, exclusive=True, group="versions", exit_on_error=False)
    def load(self) -> None:
        members = self.archive.story(self.current)
        rows = self.archive.store.summaries(members)
        mine = _paragraphs(self.archive, self.current)
        changed = {
            m: summarise(word_diff(mine, _paragraphs(self.archive, m))).changed_share
            for m in members
            if m != self.current
        }
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, members, rows, changed)

    def _show(self, members: list[str], rows_by_id: dict, changed: dict[str, float]) -> None:  # type: ignore[type-arg]
        count = len(members)
        title = titled(f"{count} versions of this story", "Enter: read · d: what changed against the one you read")
        self.query_one("#versions-title", Label).update(title if count > 1 else Text("No other version saved"))
        rows = []
        for m in members:
            if m not in rows_by_id:
                continue
            title, site, published = rows_by_id[m][0], rows_by_id[m][1], rows_by_id[m][2]
            lead = Text(published.strftime("%Y-%m-%d") if published else "undated   ", style="dim")
            if m == self.current:
                lead.append("  reading    ", style="bold")  # as wide as "  14% differ"
            else:
                lead.append(f"  {changed.get(m, 0.0):>4.0%} differ", style="dim")
            body = Text(clean_line(title))
            if site:
                body.append("  · " + clean_line(site), style="dim")
            rows.append(Row(m, hanging(lead + "  ", body)))
        # The cursor starts on another version than the one being read: the one d compares.
        self.fill(rows, keep=next((m for m in members if m != self.current), None))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.chosen_key(event))

    def action_diff(self) -> None:
        other = self.highlighted_id()
        if other == self.current:
            self.notify("That is the version you are reading: move to another (j/k) to compare them", timeout=3)
        elif other:
            self.app.push_screen(DiffScreen(self.archive, older=other, newer=self.current))


class DiffScreen(Screen[None]):
    """Two versions word by word: removed words struck through, added in bold."""

    BINDINGS = bindings("diff", built_in_too=False)

    def __init__(self, archive: Archive, *, older: str, newer: str) -> None:
        super().__init__()
        self.archive, self.older, self.newer = archive, older, newer

    def compose(self) -> ComposeResult:
        with Vertical(classes="browser"):
            yield Label("Comparing…", id="diff-title")
            with InstantScroll(id="diff-body"):
                yield Static("", id="diff-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#diff-body").focus()
        self.compare()

    @work(thread=True, exclusive=True, group="diff")
    def compare(self) -> None:
        changes = word_diff(_paragraphs(self.archive, self.older), _paragraphs(self.archive, self.newer))
        rows = self.archive.store.summaries([self.older, self.newer])
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, changes, rows)

    def _show(self, changes: list[Change], rows: dict) -> None:  # type: ignore[type-arg]
        summary = summarise(changes)
        title = Text()
        for label, aid in (("struck: ", self.older), ("bold:   ", self.newer)):
            title_, site, published = rows[aid][:3] if aid in rows else (aid, None, None)
            title.append(label, style="dim")
            title.append(clean_line(title_), style="bold")
            details = [clean_line(site or ""), published.strftime("%Y-%m-%d") if published else "undated"]
            title.append("  · " + " · ".join(d for d in details if d) + "\n", style="dim")
        title.append(
            f"{plural(summary.added, 'word')} added, {summary.removed} removed, {summary.same} the same", style="bold"
        )
        self.query_one("#diff-title", Label).update(title)
        text = Text()
        for n, change in enumerate(changes):
            if text and not change.text.startswith("\n") and not changes[n - 1].text.endswith("\n"):
                text.append(" ")
            # Untrusted text: appended as plain text (never markup), control characters removed.
            paragraphs = change.text.split("\n")
            for n, paragraph in enumerate(paragraphs):
                if n:
                    text.append("\n\n")
                text.append(clean_inline(paragraph), style=_STYLES[change.op])
        self.query_one("#diff-text", Static).update(text)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
