"""newsreader's own JSON export, read back losslessly: the same blocks (with
their folds), metadata, tags and reading state. Entities and quotes are found
again by the import's analysis, as for any article."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reader.model import Article, Block

FORMAT = "newsreader-export"


def is_export(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def parse_export(data: dict[str, object], path: Path) -> list[Article]:
    from reader.ingest import IngestError

    if int(data.get("version", 0)) > 1:  # type: ignore[call-overload]
        raise IngestError(f"written by a newer newsreader (export version {data.get('version')}); upgrade to read it")
    records = data.get("articles")
    if not isinstance(records, list):
        raise IngestError("a newsreader export without an 'articles' list")
    articles = []
    for n, record in enumerate(records):
        if not isinstance(record, dict) or not isinstance(record.get("blocks"), list):
            raise IngestError(f"article {n + 1} of the export has no blocks")
        published = record.get("published")
        kept = ("tags", "starred", "read", "read_position", "highlights")
        state = tuple((key, record[key]) for key in kept if key in record)
        articles.append(
            Article(
                title=str(record.get("title") or ""),
                blocks=tuple(Block.from_dict(b) for b in record["blocks"]),
                format=str(record.get("format") or "json"),
                byline=record.get("byline"),
                site=record.get("site"),
                url=record.get("url"),
                published=datetime.fromisoformat(published) if isinstance(published, str) else None,
                language=record.get("language"),
                part=str(record.get("id") or n),
                folded=True,
                state=state,
            )
        )
    return articles
