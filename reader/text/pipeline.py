"""The text pipeline's one orchestrator: raw blocks in source order → folded blocks."""

from __future__ import annotations

from dataclasses import replace

from reader.model import Article, Block
from reader.text.captions import caption_flags
from reader.text.fold import fold, split_glued


def blocks_from_scrape(paragraphs: list[str]) -> list[Block]:
    """Paragraphs of a cleaned scrape → blocks, glued lines split, captions marked."""
    texts = split_glued(paragraphs)
    flags = caption_flags(texts)
    return [Block(kind="caption" if f else "paragraph", text=t) for t, f in zip(texts, flags, strict=True)]


def finish(article: Article) -> Article:
    """Fold an ingested article's blocks; the title never repeats as a block."""
    from reader.text.normalize import fold_key

    if article.folded:
        return article  # a newsreader export: these are the archive's blocks already
    title_key = fold_key(article.title)
    blocks = list(article.blocks)
    # A heading that restates the title (HTML pages repeat the <title> as <h1>).
    if blocks and blocks[0].kind == "heading" and fold_key(blocks[0].text) == title_key:
        blocks = blocks[1:]
    return replace(article, blocks=tuple(fold(blocks)))
