"""The reading pane: an article as styled blocks in a bounded, centred column."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from rich.text import Text
from textual.widgets import Static
from textual.worker import Worker, WorkerCancelled, WorkerFailed

from reader.model import BLOCK_KINDS, Block, StoredArticle
from reader.plural import noun_for
from reader.sanitize import clean_line, clean_text
from reader.text.quotes import first_sentence, sentence_start
from reader.text.speaker_labels import block_quotes, speaker_labels
from reader.tui.commands import bindings
from reader.tui.widgets.scrolling import InstantScroll

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class ArticlePage:
    """What the open-article worker prepares: the article and where the query hits."""

    stored: StoredArticle
    hits: dict[int, Spans] = field(default_factory=dict)  # block index → spans
    query: str = ""
    boilerplate: frozenset[int] = frozenset()  # blocks the site repeats in many articles
    marks: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)  # block → highlights (start, end, note)


COLUMN_WIDTH = 76  # the column's widest (newsreader.tcss: ArticleView > * max-width)

# Entity types with a colour; any other ("NAME": a name of uncertain type) is left plain.
TYPED_KINDS = ("person", "place", "org", "group")


@dataclass(frozen=True)
class Piece:
    """What one line of the reading pane shows: a block, or the title, meta, legend or a hint."""

    text: Text
    classes: str
    index: int = -1  # the block's index in the article; -1 for the rest


class BlockView(Static):
    """One piece of the reading pane (a paragraph, caption, heading... or the title)."""

    def __init__(self, piece: Piece) -> None:
        super().__init__(piece.text, classes=piece.classes)
        self.block_index = piece.index
        self._piece = piece

    def show(self, piece: Piece) -> None:
        """Show another piece in this widget (cheaper than a new one); the
        same piece again is left alone (no layout): typing on often keeps
        the same first hit, and most of its blocks look the same."""
        if piece == self._piece:
            self.remove_class("-current-hit")  # n/N start again in a page shown again
            return
        self._piece = piece
        self.update(piece.text)
        self.set_classes(piece.classes)
        self.block_index = piece.index


class ArticleView(InstantScroll, can_focus=True):
    """Shows one article; `f` expands folds in place, `n`/`N` walk the hits."""

    BINDINGS = bindings("reader")
    COMPONENT_CLASSES = {
        "article--highlight",
        "article--note",
        "article--hit",
        "article--fold",
        "article--caption-mark",
        "article--meta",
        "article--person",
        "article--place",
        "article--org",
        "article--group",
        "article--speech",
        "article--term",
        "article--speaker",
        "article--selected",
    }

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.page: ArticlePage | None = None
        self.folds_open = False
        self.show_entities = True
        self.show_quotes = True
        self.selected_entity: str | None = None
        self._hit_views: list[BlockView] = []
        self._hit_pieces: list[int] = []  # the places of the pieces with a search hit
        self._hit_index = -1
        # A preview lays out a screenful and a page more; these pieces wait
        # until the article is read (show_whole).
        self._later: list[Piece] = []
        self._rendering: Worker[None] | None = None
        self._completing: Worker[None] | None = None
        self._legend_width: int | None = None  # the width the legend's lines were made for

    @property
    def article_id(self) -> str | None:
        return self.page.stored.id if self.page else None

    def show(self, page: ArticlePage | None, *, position: float | None = None, block: int | None = None) -> None:
        """Render an article (None: an empty pane with a hint), at a position,
        or with one block (a quote's) at the top."""
        self.page = page
        where = position if position is not None else (page.stored.read_position if page else 0.0)
        self._rerender(where, block)

    def keep_showing(self, page: ArticlePage) -> None:
        """The page shown, for another query that finds the same words in it:
        nothing is laid out again; n/N start again from the first hit."""
        self.page = page
        for view in self._hit_views:
            view.remove_class("-current-hit")
        self._hit_index = -1

    def _rerender(self, position: float | None = None, block: int | None = None) -> None:
        # Removing and mounting are asynchronous: one exclusive worker at a time,
        # so a fast reader paging through results never sees two articles mixed.
        # The worker gets the function, not a coroutine made now: one cancelled
        # before it starts (the next key's) would leave that coroutine never
        # awaited, and Python warns so at exit.
        self._rendering = self.run_worker(
            partial(self._render_blocks, position, block), exclusive=True, group="render-article"
        )

    def _restore(self, fraction: float) -> None:
        if fraction > 0 and self.max_scroll_y:
            self.scroll_to(y=fraction * self.max_scroll_y, animate=False)
        else:
            self.scroll_home(animate=False)

    def pieces_at_once(self, pieces: list[Piece]) -> int:
        """How many pieces a preview lays out: those that fill the pane and a
        page more. Laying out all 641 of a long page took ~1 s of CPU, and
        a line per piece (24 at least) laid out 31 of a news article's
        paragraphs for the 9 in view, on every key that changed the first
        hit. A piece's height is counted low (its text in full lines of the
        widest column, its space below), so the pane is always filled."""
        wanted = 2 * (self.size.height or self.app.size.height)
        lines = 0
        for n, piece in enumerate(pieces):
            lines += -(-piece.text.cell_len // COLUMN_WIDTH) + ("block" in piece.classes.split())
            if lines >= wanted:
                return n + 1
        return len(pieces)

    def show_whole(self, then: Callable[[], None] | None = None) -> None:
        """Lay out the pieces a preview left out (the article is being read:
        focused, scrolled, searched in), then call `then`."""
        busy = self._completing is not None and not self._completing.is_finished
        if self._later or busy:
            self._completing = self.run_worker(
                partial(self._mount_later, then, [self._rendering, self._completing]), group="render-article"
            )
        elif then is not None:
            then()

    async def _mount_later(self, then: Callable[[], None] | None, before: list[Worker[None] | None]) -> None:
        for worker in before:  # the first pieces, and the rest if another key asked first: in order
            if worker is not None and not worker.is_finished:
                with contextlib.suppress(WorkerCancelled, WorkerFailed):
                    await worker.wait()
        later, self._later = self._later, []
        if later:
            await self.mount_all([BlockView(p) for p in later])
            self._find_hit_views()
        if then is not None:
            self.call_after_refresh(then)

    def _find_hit_views(self) -> None:
        views = list(self.query_children(BlockView))
        self._hit_views = [views[n] for n in self._hit_pieces if n < len(views)]

    def on_focus(self) -> None:
        self.show_whole()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._later and new_value + 2 * self.size.height >= self.virtual_size.height:
            self.show_whole()  # the wheel over a preview, near its last piece laid out

    @property
    def position(self) -> float:
        return self.scroll_y / self.max_scroll_y if self.max_scroll_y else 0.0

    def toggle_folds(self) -> None:
        page = self.page
        if page is None or not (page.boilerplate or any(b.repeats > 1 for b in page.stored.article.blocks)):
            self.notify("Nothing folded in this article: no repeated captions, teasers or site paragraphs", timeout=2)
            return
        self.folds_open = not self.folds_open
        self._rerender(self.position)

    def set_highlights(self, *, entities: bool | None = None, quotes: bool | None = None) -> None:
        if entities is not None:
            self.show_entities = entities
        if quotes is not None:
            self.show_quotes = quotes
        self._rerender(self.position)

    def set_tags(self, article_id: str, tags: tuple[str, ...]) -> None:
        """Show an article's new tags in its header, if it is the one shown."""
        if self.page is not None and self.page.stored.id == article_id:
            self.page = replace(self.page, stored=replace(self.page.stored, tags=tags))
            self._rerender(self.position)

    def select_entity(self, name: str | None) -> None:
        """Emphasise every mention of one entity (from the side panel)."""
        if name == self.selected_entity:
            return
        self.selected_entity = name
        self._rerender(self.position)

    def scroll_to_block(self, index: int) -> None:
        for view in self.query(BlockView):
            if view.block_index == index:
                self._scroll_to_piece(view)
                return
        if any(p.index == index for p in self._later):
            self.show_whole(lambda: self.scroll_to_block(index))

    async def _render_blocks(self, position: float | None, block: int | None = None) -> None:
        """Show the pieces in the widgets already mounted, mounting or removing
        only the difference: a preview replaced on every key typed remounted
        every block (widget creation, styling and mounting were most of a
        preview's time)."""
        pieces, self._hit_pieces = self._pieces()
        # The whole article when it is read or placed; else (a preview) what fills the pane.
        whole = self.has_focus or block is not None or bool(position)
        at_once = len(pieces) if whole else self.pieces_at_once(pieces)
        pieces, self._later = pieces[:at_once], pieces[at_once:]
        views = list(self.query_children(BlockView))
        with self.app.batch_update():
            for view, piece in zip(views, pieces, strict=False):
                view.show(piece)
            if len(views) > len(pieces):
                await self.remove_children(views[len(pieces) :])
            elif len(pieces) > len(views):
                await self.mount_all([BlockView(p) for p in pieces[len(views) :]])
        self._find_hit_views()
        self._hit_index = -1
        if block is not None:
            self.call_after_refresh(self.scroll_to_block, block)
        elif position is not None:
            self.call_after_refresh(self._restore, position)

    def _pieces(self) -> tuple[list[Piece], list[int]]:
        """The pieces to show, and which of them (by place) hold a search hit."""
        self._hit_views = []
        self._hit_index = -1
        if self.page is None:
            return [Piece(Text("Choose an article from the results (Enter), or press / to search."), "hint")], []
        a = self.page.stored.article
        views: list[Piece] = [Piece(Text(clean_line(a.title)), "title")]
        hits: list[int] = []
        meta = " · ".join(
            filter(
                None,
                [
                    clean_line(a.byline or ""),
                    clean_line(a.site or ""),
                    a.published.strftime("%d %B %Y") if a.published else "",
                    "tags: " + ", ".join(clean_line(t) for t in self.page.stored.tags) if self.page.stored.tags else "",
                ],
            )
        )
        if meta:
            views.append(Piece(Text(meta), "meta"))
        legend = self._legend()
        if legend is not None:
            views.append(Piece(legend, "legend"))
        hidden = 0
        for index, block, repeat_of in self._layout(a.blocks):
            if index in self.page.boilerplate and not self.folds_open:
                hidden += repeat_of is None
                continue
            piece = self._block_piece(index, block, repeat_of)
            if index in self.page.boilerplate:
                piece = replace(piece, classes=piece.classes + " -boilerplate")
            if repeat_of is None and self.page.hits.get(index):
                hits.append(len(views))
            views.append(piece)
        if hidden:
            noun = noun_for(hidden, "paragraph")
            views.append(
                Piece(Text(f"{hidden} {noun} this site repeats in many articles hidden (f shows them)"), "hint")
            )
        return views, hits

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

    def _legend(self) -> Text | None:
        if self.page is None or not (
            self.show_entities and self.page.stored.entities or self.show_quotes and self.page.stored.quotes
        ):
            return None
        entries: list[Text] = []
        if self.show_entities and self.page.stored.entities:
            for kind in TYPED_KINDS:
                entries.append(Text(f"■ {kind}", style=self.get_component_rich_style(f"article--{kind}", partial=True)))
            entries.append(Text("plain: type unsure"))
        if self.show_quotes and self.page.stored.quotes:
            entries.append(Text("“speech”", style=self.get_component_rich_style("article--speech", partial=True)))
            entries.append(Text("‘term’", style=self.get_component_rich_style("article--term", partial=True)))
        # Broken into lines here, between entries: wrapped as words, the legend
        # broke inside one ("plain: type" / "unsure") in a column narrowed by
        # the side panel. on_resize lays it out again for another width.
        self._legend_width = width = self._column_width()
        legend, line = Text(), 0
        for entry in entries:
            if line and line + 2 + entry.cell_len > width:
                legend.append("\n")
                line = 0
            elif line:
                legend.append("  ")
                line += 2
            legend.append_text(entry)
            line += entry.cell_len
        return legend

    def _column_width(self) -> int:
        """The reading column's width (room for a scrollbar kept, whether it shows or not)."""
        if not self.size.width:
            return COLUMN_WIDTH
        room = self.size.width - self.styles.padding.width - self.styles.scrollbar_size_vertical
        return max(1, min(COLUMN_WIDTH, room))

    def on_resize(self, event: object) -> None:
        if self.page is not None and self._legend_width is not None and self._column_width() != self._legend_width:
            self._rerender(self.position)  # the legend's lines for the new width

    def _spans(self, index: int, length: int) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]], Spans]:
        """(start, end, component) styles for one block, speaker labels to insert,
        and the block's quotation spans (which a label must stay out of)."""
        assert self.page is not None
        styles: list[tuple[int, int, str]] = []
        quoted: Spans = []
        labels: list[tuple[int, str]] = []
        stored = self.page.stored
        if self.show_quotes:
            parts, quoted, labels = block_quotes(stored.quotes, index, length)
            styles.extend((lo, hi, f"article--{kind}") for lo, hi, kind in parts)
        if self.show_entities or self.selected_entity:
            for e in stored.entities:
                selected = e["name"] == self.selected_entity
                if not (self.show_entities or selected):
                    continue
                # A name whose type the recogniser is unsure of ("NAME") is shown plain.
                kind = str(e["type"]).lower()
                for m in e["mentions"]:
                    if m["block"] == index:
                        if kind in TYPED_KINDS:
                            styles.append((m["start"], m["end"], f"article--{kind}"))
                        if selected:
                            styles.append((m["start"], m["end"], "article--selected"))
        return styles, labels, quoted

    def _block_piece(self, index: int, block: Block, repeat_of: int | None) -> Piece:
        # Code keeps its lines; elsewhere a line break inside a block is a space.
        text = Text(clean_text(block.text) if block.kind == "code" else clean_text(block.text).replace("\n", " "))
        assert self.page is not None
        if repeat_of is None:
            styles, labels, quoted = self._spans(index, len(text))
            for start, end, component in styles:
                text.stylize(self.get_component_rich_style(component, partial=True), start, end)
            hit_style = self.get_component_rich_style("article--hit", partial=True)
            for start, end in self.page.hits.get(index, []):
                text.stylize(hit_style, start, end)
            marked = self.get_component_rich_style("article--highlight", partial=True)
            notes = []
            for start, end, note in self.page.marks.get(index, []):
                text.stylize(marked, start, end)
                if note:
                    notes.append(note)
            speaker = self.get_component_rich_style("article--speaker", partial=True)
            for at, label in sorted(speaker_labels(text.plain, labels, quoted).items(), reverse=True):
                text = text[:at] + Text(label, style=speaker) + text[at:]
        else:
            notes = []
        for note in notes:
            text.append("  ✎ " + clean_line(note), style=self.get_component_rich_style("article--note", partial=True))
        classes = f"block -{block.kind if block.kind in BLOCK_KINDS else 'paragraph'}"  # a class name: closed set
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
        return Piece(text, classes, index)

    # -- actions --------------------------------------------------------------

    def action_next_hit(self) -> None:
        self._jump(+1)

    def action_previous_hit(self) -> None:
        self._jump(-1)

    def _jump(self, step: int) -> None:
        if self._later:
            self.show_whole(lambda: self._jump(step))
            return
        if not self._hit_views:
            self.notify("No search terms in this article", severity="information", timeout=2)
            return
        if 0 <= self._hit_index < len(self._hit_views):
            self._hit_views[self._hit_index].remove_class("-current-hit")
        self._hit_index = (self._hit_index + step) % len(self._hit_views)
        view = self._hit_views[self._hit_index]
        view.add_class("-current-hit")
        self._scroll_to_piece(view)

    def _scroll_to_piece(self, view: BlockView, tries: int = 5) -> None:
        """Put a piece at the top, once it is laid out (just mounted, it has no place yet)."""
        if view.virtual_region.size or tries == 0:
            self.scroll_to_widget(view, top=True, animate=False)
        else:
            self.call_after_refresh(self._scroll_to_piece, view, tries - 1)

    @property
    def hit_count(self) -> int:
        return len(self._hit_pieces)

    def passage_hint(self) -> str:
        """Words to offer for a new highlight: the text selected with the mouse,
        else the sentence around the current search hit, else nothing."""
        selected = self.screen.get_selected_text()
        if selected and selected.strip():
            return " ".join(selected.split())
        if self.page is None or not (0 <= self._hit_index < len(self._hit_views)):
            return ""
        view = self._hit_views[self._hit_index]
        block = self.page.stored.article.blocks[view.block_index]  # type: ignore[attr-defined]
        spans = self.page.hits.get(view.block_index, [])  # type: ignore[attr-defined]
        at = spans[0][0] if spans else 0
        end = at + len(first_sentence(block.text[at:]))
        return block.text[sentence_start(block.text, at) : end].strip()
