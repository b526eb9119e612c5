"""The reading pane: an article as styled blocks in a bounded, centred column."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from reader.model import Block, StoredArticle
from reader.sanitize import clean_line, clean_text
from reader.tui.commands import bindings

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class ArticlePage:
    """What the open-article worker prepares: the article and where the query hits."""

    stored: StoredArticle
    hits: dict[int, Spans] = field(default_factory=dict)  # block index → spans
    query: str = ""
    boilerplate: frozenset[int] = frozenset()  # blocks the site repeats in many articles


class BlockView(Static):
    """One block of an article (a paragraph, caption, heading...)."""


class ArticleView(VerticalScroll, can_focus=True):
    """Shows one article; `f` expands folds in place, `n`/`N` walk the hits."""

    BINDINGS = bindings("reader")
    COMPONENT_CLASSES = {
        "article--hit",
        "article--fold",
        "article--caption-mark",
        "article--meta",
    }

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.page: ArticlePage | None = None
        self.folds_open = False
        self._hit_views: list[BlockView] = []
        self._hit_index = -1

    @property
    def article_id(self) -> str | None:
        return self.page.stored.id if self.page else None

    def show(self, page: ArticlePage | None, *, position: float | None = None) -> None:
        """Render an article (None: an empty pane with a hint)."""
        self.page = page
        where = position if position is not None else (page.stored.read_position if page else 0.0)
        self._rerender(where)

    def _rerender(self, position: float | None = None) -> None:
        # Removing and mounting are asynchronous: one exclusive worker at a time,
        # so a fast reader paging through results never sees two articles mixed.
        self.run_worker(self._render_blocks(position), exclusive=True, group="render-article")

    def _restore(self, fraction: float) -> None:
        if fraction > 0 and self.max_scroll_y:
            self.scroll_to(y=fraction * self.max_scroll_y, animate=False)
        else:
            self.scroll_home(animate=False)

    @property
    def position(self) -> float:
        return self.scroll_y / self.max_scroll_y if self.max_scroll_y else 0.0

    def toggle_folds(self) -> None:
        self.folds_open = not self.folds_open
        self._rerender(self.position)

    async def _render_blocks(self, position: float | None) -> None:
        views = self._views()
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(views)
        if position is not None:
            self.call_after_refresh(self._restore, position)

    def _views(self) -> list[Static]:
        self._hit_views = []
        self._hit_index = -1
        if self.page is None:
            return [Static("Choose an article from the results (Enter), or press / to search.", classes="hint")]
        a = self.page.stored.article
        views: list[Static] = [Static(Text(clean_line(a.title)), classes="title")]
        meta = " · ".join(
            filter(None, [clean_line(a.byline or ""), clean_line(a.site or ""),
                          a.published.strftime("%d %B %Y") if a.published else ""])
        )
        if meta:
            views.append(Static(Text(meta), classes="meta"))
        hidden = 0
        for index, block, repeat_of in self._layout(a.blocks):
            if index in self.page.boilerplate and not self.folds_open:
                hidden += repeat_of is None
                continue
            view = self._block_view(index, block, repeat_of)
            if index in self.page.boilerplate:
                view.add_class("-boilerplate")
            views.append(view)
            if repeat_of is None and self.page.hits.get(index):
                self._hit_views.append(view)
        if hidden:
            noun = "paragraph" if hidden == 1 else "paragraphs"
            views.append(Static(Text(f"{hidden} {noun} this site repeats in many articles hidden (f shows them)"), classes="hint"))
        return views

    def _layout(self, blocks: tuple[Block, ...]) -> list[tuple[int, Block, int | None]]:
        """Blocks in reading order; with folds open, every repeat where it stood."""
        if not self.folds_open:
            return [(i, b, None) for i, b in enumerate(blocks)]
        placed = sorted((pos, i) for i, b in enumerate(blocks) for pos in (b.occurrences or (i,)))
        seen: set[int] = set()
        rows: list[tuple[int, Block, int | None]] = []
        for _, i in placed:
            rows.append((i, blocks[i], i if i in seen else None))
            seen.add(i)
        return rows

    def _block_view(self, index: int, block: Block, repeat_of: int | None) -> BlockView:
        text = Text(clean_text(block.text).replace("\n", " "))
        assert self.page is not None
        if repeat_of is None:
            hit_style = self.get_component_rich_style("article--hit", partial=True)
            for start, end in self.page.hits.get(index, []):
                text.stylize(hit_style, start, end)
        classes = f"block -{block.kind}"
        if block.kind == "caption":
            text = Text("▣ ", style=self.get_component_rich_style("article--caption-mark", partial=True)) + text
        if repeat_of is not None:
            classes += " -repeat"
            first = block.occurrences[0] if block.occurrences else index
            text = Text(f"↻ repeat of ¶{first + 1}  ") + text
        elif block.repeats > 1:
            fold = self.get_component_rich_style("article--fold", partial=True)
            where = ", ".join(f"¶{p + 1}" for p in block.occurrences) if self.folds_open else ""
            badge = f" ×{block.repeats}" + (f" at {where}" if where else "")
            text.append(badge, style=fold)
        return BlockView(text, classes=classes)

    # -- actions --------------------------------------------------------------

    def action_next_hit(self) -> None:
        self._jump(+1)

    def action_previous_hit(self) -> None:
        self._jump(-1)

    def _jump(self, step: int) -> None:
        if not self._hit_views:
            self.notify("No search terms in this article", severity="information", timeout=2)
            return
        if 0 <= self._hit_index < len(self._hit_views):
            self._hit_views[self._hit_index].remove_class("-current-hit")
        self._hit_index = (self._hit_index + step) % len(self._hit_views)
        view = self._hit_views[self._hit_index]
        view.add_class("-current-hit")
        self.scroll_to_widget(view, top=True, animate=False)

    @property
    def hit_count(self) -> int:
        return len(self._hit_views)
