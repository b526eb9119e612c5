"""The results list: one option per hit, with title, site, date and snippet."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from reader.model import Hit
from reader.sanitize import clean_inline, clean_line
from reader.tui.commands import bindings
from reader.tui.widgets.listing import Hanging, KeyList, Row, hanging


class ResultsList(KeyList):
    """Search results; highlighting one previews it, Enter opens it."""

    BINDINGS = bindings("results", built_in_too=False)
    COMPONENT_CLASSES = {"results--match", "results--meta", "results--unread"}

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.hits: list[Hit] = []

    def show(self, hits: list[Hit] | tuple[Hit, ...], *, keep_cursor: bool = True) -> None:
        """Replace the list, keeping the cursor on the same article when it is
        still there (the same search run again), or from the top (a new one)."""
        self.hits = list(hits)
        if not keep_cursor:
            self.highlighted = None
        self.fill([Row(h.id, self._prompt(h)) for h in self.hits])

    def replace_hit(self, hit: Hit) -> None:
        """Redraw one result after its star or read mark changed."""
        for n, old in enumerate(self.hits):
            if old.id == hit.id:
                self.hits[n] = hit
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
        for part in hit.snippet:
            snippet.append(clean_inline(part.text), style=match if part.match else Style())
        snippet.truncate(200, overflow="ellipsis")
        text.append_text(snippet)
        # Wrapped lines start under the title, not under the marks.
        return hanging(marks, text)
