"""The one list every screen uses, so all of them move the same way."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import cast

from rich.console import Console, RenderableType
from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.tui.commands import bindings


@dataclass(frozen=True)
class Row:
    """One row of a list: what it stands for (a name, an id, a query) and how it looks."""

    key: str
    prompt: RenderableType | Visual  # a Rich renderable, or a Hanging row
    disabled: bool = False  # a heading, or an empty period


class KeyList(OptionList):
    """A list that moves with j/k and the arrows one row, g/G (Home/End) to the
    ends and PgUp/PgDn a page, and stops at the ends: Down on the last row stays
    there (OptionList wraps to the top, which lost the reader's place)."""

    BINDINGS = bindings("lists")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.keys: list[str] = []

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        """Measure the rows again when the scrollbar comes or goes: OptionList
        measures them in the width it has when they are added, and renders them
        in the width beside the scrollbar, so a row that wraps once more there
        lost its last line (a quote's article, at 160 columns). A list whose
        scrollbar's room is kept (scrollbar-gutter: stable) keeps its width."""
        if self.styles.scrollbar_gutter != "stable":
            self._clear_caches()

    def fill(self, rows: list[Row], *, keep: str | None = None, stay: bool = False) -> None:
        """Replace the rows. The cursor goes to the row of `keep` (else of the key
        it was on) if it is still there; else to the same place in the list
        (`stay`: after a correction removed the row) or to the top.

        Option ids are positions, not keys: two rows with the same key (one name
        with two types) must never stop the list with a DuplicateID error."""
        was = self.highlighted
        keys = [r.key for r in rows]
        keep = keep if keep is not None and keep in keys else self.current_key
        self.keys = keys
        self.clear_options()
        self.add_options([Option(r.prompt, id=str(n), disabled=r.disabled) for n, r in enumerate(rows)])
        if not rows:
            return
        if keep is not None and keep in keys:
            self.highlighted = keys.index(keep)
        else:
            self.highlighted = min(was or 0, len(rows) - 1) if stay else 0
        if self.options[self.highlighted].disabled:
            self._step(+1)
        if self.options[self.highlighted].disabled:
            self._step(-1)

    @property
    def current_key(self) -> str | None:
        """The key of the row under the cursor."""
        return self.key_at(self.highlighted)

    def key_at(self, index: int | None) -> str | None:
        return self.keys[index] if index is not None and 0 <= index < len(self.keys) else None

    def row_text(self, index: int) -> str:
        """A row's words as plain text on one line (for tests and messages)."""
        prompt = self.get_option_at_index(index).prompt
        if isinstance(prompt, Hanging):
            return " ".join(prompt.plain.split())
        console = Console(width=400, record=True, file=io.StringIO())
        console.print(prompt)
        return " ".join(console.export_text().split())

    def action_cursor_down(self) -> None:
        self._step(+1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        options = self.options
        if not options:
            return
        if self.highlighted is None:
            self.action_first() if direction > 0 else self.action_last()
            return
        index = self.highlighted + direction
        while 0 <= index < len(options):
            if not options[index].disabled:
                self.highlighted = index
                return
            index += direction


def hanging(lead: Text | str, body: Text) -> Hanging:
    """A row whose wrapped lines start under its text, not under its lead (the
    marks or counts on its first line): a hanging indent."""
    lead = Text(lead) if isinstance(lead, str) else lead
    return Hanging(Content.from_rich_text(lead), Content.from_rich_text(body))


class Hanging(Visual):
    """A lead (one line) beside a body that wraps in the width left of it.

    A Textual visual rather than a Rich table: a list asks every row its
    height whenever its rows change, and a table is measured by rendering it
    whole (0.75 ms a row, 50 rows on every key typed in the search box);
    here the height is the body's wrapped line count, cached per width, and
    only the rows in view are ever rendered.
    """

    def __init__(self, lead: Content, body: Content) -> None:
        self.lead = lead
        self.body = body

    @property
    def plain(self) -> str:
        return self.lead.plain + self.body.plain

    def _body_width(self, width: int) -> int:
        return max(1, width - self.lead.cell_length)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.lead.cell_length + self.body.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, self._body_width(width))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        lead_width = self.lead.cell_length
        body = self.body.render_strips(self._body_width(width), height, style, options)
        if not lead_width:
            return body
        first = self.lead.render_strips(lead_width, 1, style, options)
        lead = first[0].extend_cell_length(lead_width, style.rich_style) if first else None
        blank = Strip.blank(lead_width, style.rich_style)
        return [Strip.join([lead if n == 0 and lead else blank, line]) for n, line in enumerate(body)]


NEAR_END = 3  # rows before the last made one at which the next are made


class GrowingList(KeyList):
    """A KeyList that makes only the rows filling its view and a page more, and
    the next as the cursor or the scrolling comes near them (`_make_more`,
    which a subclass gives with `_total`): the search results and the long
    browsers' lists."""

    _made = 0  # rows made: the first `_made` of the list's rows

    @property
    def view_lines(self) -> int:
        """Lines the list shows at once (the app's height before the list is laid out)."""
        return self.scrollable_content_region.height or self.app.size.height

    def _total(self) -> int:
        """How many rows the list has, made or not."""
        raise NotImplementedError

    def _make_more(self, through: int) -> None:
        """Make the rows through row `through` and a page more, if not made yet."""
        raise NotImplementedError

    def watch_highlighted(self, highlighted: int | None) -> None:
        if highlighted is not None:
            self._make_more(highlighted)
        super().watch_highlighted(highlighted)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value + 2 * self.view_lines >= self.virtual_size.height:
            self._make_more(self._made - 1)  # scrolled (the wheel) near the last row made

    def action_last(self) -> None:
        self._make_more(self._total() - 1)
        super().action_last()

    def action_page_down(self) -> None:
        self._make_more(self._made - 1)
        super().action_page_down()


class LongList(GrowingList):
    """A KeyList of hundreds of rows (the entity and quote browsers' 300) that
    makes only the rows filling its view and a page more, and the next as
    the cursor or the scrolling comes near them, as the results list does.
    OptionList measures every row it is given (a quote's row wraps its
    words): filling the quote browser with 300 rows took ~140 ms of a Q."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._rows: list[Row] = []
        self._made = 0  # rows made: the first `_made` of `_rows`

    def fill(self, rows: list[Row], *, keep: str | None = None, stay: bool = False) -> None:
        keys = [r.key for r in rows]
        keep = keep if keep is not None and keep in keys else self.current_key
        if keep is not None and keep in keys:
            through = keys.index(keep)
        else:
            through = min(self.highlighted or 0, len(rows) - 1) if stay else 0
        self._rows = rows
        self._made = self._filling(0, through)
        super().fill(rows[: self._made], keep=keep, stay=stay)
        self.keys = keys  # every row's, made or not: key_at answers for each

    def _filling(self, start: int, through: int) -> int:
        """How many rows from `start` on fill two views, and reach at least row `through`."""
        padding = self.get_component_styles("option-list--option").padding
        width = max(1, (self.scrollable_content_region.width or self.app.size.width) - padding.width)
        wanted = 2 * (self.scrollable_content_region.height or self.app.size.height)
        filled = 0
        for n in range(start, len(self._rows)):
            if filled >= wanted and n > through:
                return n
            prompt = self._rows[n].prompt
            # A row not measured here counts one line: more rows are made, never too few.
            height = prompt.get_height(cast(RulesMap, self.styles), width) if isinstance(prompt, Hanging) else 1
            filled += height + padding.height
        return len(self._rows)

    def _make_more(self, through: int) -> None:
        """Make the rows through row `through` and a page more, if not made yet."""
        if self._made >= len(self._rows) or through < self._made - NEAR_END:
            return
        start, self._made = self._made, self._filling(self._made, through)
        self.add_options(
            [
                Option(r.prompt, id=str(n), disabled=r.disabled)
                for n, r in enumerate(self._rows[start : self._made], start)
            ]
        )

    def _total(self) -> int:
        return len(self._rows)
