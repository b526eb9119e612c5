"""The results list: one option per hit, with title, site, date and snippet.

Only the rows in view (and a page below) are made when a list arrives: making
and measuring a row is most of a list's cost, and a search's 50 hits fill
seven to twenty rows of a terminal. The rest are made as the cursor or the
scrolling comes near them; their snippets, which the search left unmade, are
asked for then (SnippetsWanted) and drawn when they come (add_snippets).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import cast

from rich.style import Style
from rich.text import Text
from textual.css.styles import RulesMap
from textual.message import Message
from textual.widgets.option_list import Option

from reader.model import Hit, SnippetPart
from reader.sanitize import clean_inline, clean_line
from reader.tui.commands import bindings
from reader.tui.widgets.listing import GrowingList, Hanging, Row, hanging

NEAR_END = 3  # rows before the last made one at which the next are made
MIN_ROW_LINES = 3  # a title, a site-and-date line and a snippet line (a row may be shorter)


def rows_in_view(lines: int) -> int:
    """How many rows to make snippets for so that a view of `lines` lines is full."""
    return max(1, lines) // MIN_ROW_LINES + 2


class ResultsList(GrowingList):
    """Search results; highlighting one previews it, Enter opens it."""

    BINDINGS = bindings("results", built_in_too=False)
    COMPONENT_CLASSES = {"results--match", "results--meta", "results--unread"}

    class SnippetsWanted(Message):
        """Rows made without their snippets (the search made only the first rows'): make them."""

        def __init__(self, ids: list[str]) -> None:
            super().__init__()
            self.ids = ids

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.hits: list[Hit] = []
        self._made = 0  # rows made: the first `_made` hits
        self._unsnipped: set[str] = set()  # hits whose snippets are not made yet

    def show(self, hits: list[Hit] | tuple[Hit, ...], *, keep_cursor: bool = True, snipped: int | None = None) -> None:
        """Replace the list, keeping the cursor on the same article when it is
        still there (the same search run again), or from the top (a new one).
        `snipped`: only that many of the first hits have their snippets."""
        keep = self.current_key if keep_cursor else None
        hits = list(hits)
        unsnipped = {h.id for h in hits[snipped:]} if snipped is not None else set()
        if self._rows_look_the_same(hits, unsnipped):
            # Typing on often finds the same rows ("harb", "harbo"...): the
            # made rows stay, with no new measuring and painting; the hits
            # not made yet are made from the new answer. The row under the
            # cursor counts as highlighted again, so the preview follows the
            # new query (its highlights may differ).
            self.hits, self._unsnipped = hits, unsnipped
            self._want_snippets(0, self._made)  # those asked for the old answer are dropped with it
            if keep_cursor or self.highlighted == 0:
                if self.highlighted is not None:
                    self.post_message(self.OptionHighlighted(self, self.options[self.highlighted], self.highlighted))
            else:
                self.highlighted = 0
            return
        self.hits = hits
        self._unsnipped = unsnipped
        if not keep_cursor:
            self.highlighted = None
        at = next((n for n, h in enumerate(self.hits) if h.id == keep), 0)
        rows = self._rows_filling(0, self.view_lines, at)
        self._made = len(rows)
        self.fill(rows, keep=keep)
        self._want_snippets(0, self._made)

    def _rows_look_the_same(self, hits: list[Hit], unsnipped: set[str]) -> bool:
        """Whether these hits would make the rows the list has made, and no
        more rows would show: each made row looks as its new hit would (the
        score is not shown), and the made rows filled the view or no hits were added."""
        made = self._made
        if not made or len(hits) < made or (made == len(self.hits) and len(hits) != made):
            return False
        return all(
            _look(old, old.id in self._unsnipped) == _look(new, new.id in unsnipped)
            for old, new in zip(self.hits[:made], hits[:made], strict=True)
        )

    def _rows_filling(self, start: int, lines: int, through: int = 0) -> list[Row]:
        """Rows from hit `start` on that fill `lines` lines, and at least through hit `through`."""
        # Measured as the list will measure it (the same width: Content keeps one height).
        padding = self.get_component_styles("option-list--option").padding
        width = max(1, (self.scrollable_content_region.width or self.app.size.width) - padding.width)
        rows: list[Row] = []
        filled = 0
        for n in range(start, len(self.hits)):
            if filled >= lines and n > through:
                break
            prompt = self._prompt(self.hits[n])
            filled += prompt.get_height(cast(RulesMap, self.styles), width) + padding.height
            rows.append(Row(self.hits[n].id, prompt))
        return rows

    def _make_more(self, through: int) -> None:
        """Make the rows through hit `through` and a page more, if not made yet."""
        if self._made >= len(self.hits) or through < self._made - NEAR_END:
            return
        start = self._made
        rows = self._rows_filling(start, self.view_lines, through)
        self.add_options([Option(r.prompt, id=str(n)) for n, r in enumerate(rows, start)])
        self.keys.extend(r.key for r in rows)
        self._made += len(rows)
        self._want_snippets(start, self._made)

    def _want_snippets(self, start: int, end: int) -> None:
        ids = [h.id for h in self.hits[start:end] if h.id in self._unsnipped]
        if ids:
            self.post_message(self.SnippetsWanted(ids))

    def add_snippets(self, snippets: Mapping[str, tuple[SnippetPart, ...]]) -> None:
        """Draw the snippets made for rows made without them."""
        for n, hit in enumerate(self.hits):
            if hit.id in snippets and hit.id in self._unsnipped:
                self._unsnipped.discard(hit.id)
                self.hits[n] = replace(hit, snippet=snippets[hit.id])
                if n < self._made:
                    self.replace_option_prompt_at_index(n, self._prompt(self.hits[n]))

    def _total(self) -> int:
        return len(self.hits)

    def replace_hit(self, hit: Hit) -> None:
        """Redraw one result after its star or read mark changed."""
        for n, old in enumerate(self.hits):
            if old.id == hit.id:
                self.hits[n] = hit
                if n < self._made:
                    self.replace_option_prompt_at_index(n, self._prompt(hit))

    @property
    def current_hit(self) -> Hit | None:
        if self.highlighted is None or not (0 <= self.highlighted < len(self.hits)):
            return None
        return self.hits[self.highlighted]

    def _prompt(self, hit: Hit) -> Hanging:
        match = self.get_component_rich_style("results--match", partial=True)
        meta = self.get_component_rich_style("results--meta", partial=True)
        unread = self.get_component_rich_style("results--unread", partial=True)
        marks = Text(("★" if hit.starred else " ") + ("●" if not hit.is_read else " ") + " ", style=unread)
        text = Text(no_wrap=False, overflow="fold")
        text.append(clean_line(hit.title), style=Style(bold=True))
        info = " · ".join(
            filter(
                None,
                [
                    clean_line(hit.site or ""),
                    hit.published.strftime("%Y-%m-%d") if hit.published else "",
                    f"{hit.versions} versions (v)" if hit.versions > 1 else "",
                    "tags: " + ", ".join(clean_line(t) for t in hit.tags) if hit.tags else "",
                ],
            )
        )
        if info:
            text.append("\n" + info, style=meta)
        snippet = Text("\n")
        if hit.id in self._unsnipped:
            snippet.append("…", style=meta)  # its snippet is being made
        for part in hit.snippet:
            snippet.append(clean_inline(part.text), style=match if part.match else Style())
        snippet.truncate(200, overflow="ellipsis")
        text.append_text(snippet)
        # Wrapped lines start under the title, not under the marks.
        return hanging(marks, text)


def _look(hit: Hit, unsnipped: bool) -> tuple[object, ...]:
    """What a hit's row shows (ResultsList._prompt), and what it stands for."""
    return (
        hit.id,
        hit.title,
        hit.site,
        hit.published,
        hit.versions,
        hit.tags,
        hit.starred,
        hit.is_read,
        hit.snippet,
        unsnipped,
    )
