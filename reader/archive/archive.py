"""The Archive: the one door to the store and the index for the CLI and the app."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.archive import entity_corrections, results, saved_searches, source_files
from reader.archive.disk_full import DiskFull, disk_full_said
from reader.archive.export import NothingToExport
from reader.archive.folder import make_root
from reader.archive.index import search as searchmod
from reader.archive.index import whoosh_index as ixmod
from reader.archive.index.damage import reading_index
from reader.archive.index.import_steps import INDEX_STEP_S, ImportSteps
from reader.archive.index.search import QueryError
from reader.archive.index.upkeep import IndexUpkeep
from reader.archive.index.whoosh_index import IndexDamaged
from reader.archive.index.whoosh_schema import text_analyzer
from reader.archive.lock import ArchiveBusy, WriteLock
from reader.archive.source_files import SourceUnavailable
from reader.archive.store.database import ArchiveReadOnly, Store, clean_tags
from reader.archive.timeline import Timeline, grain_for, periods
from reader.model import (
    DATE_YEARS,
    Highlight,
    SavedSearch,
    SearchFilters,
    SearchResult,
    SnippetPart,
    StoredArticle,
)
from reader.text.corrections import Correction, CorrectionRefused

if TYPE_CHECKING:
    from reader.archive.importer import ImportReport, Planned
    from reader.archive.progress import Progress

# The body's analyzer, for finding query words in an article without an index.
_TEXT_ANALYZER = text_analyzer()

# What reading the archive may raise (a disk error, a damaged index or database,
# a query the index refuses): the app's lists say so rather than stopping.
READ_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, OSError, IndexDamaged, QueryError)


__all__ = [
    "Archive",
    "ArchiveBusy",
    "ArchiveReadOnly",
    "CorrectionRefused",
    "DiskFull",
    "IndexDamaged",
    "QueryError",
    "SourceUnavailable",
]


class Archive:
    """An archive directory: `store.sqlite3` (truth), `index/` (derived, kept in
    step by `upkeep`), a write lock."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        make_root(self.root)
        self.store = Store(self.root / "store.sqlite3")
        self.index_dir = self.root / "index"
        self._lock = WriteLock(self.root / "write.lock")
        self.upkeep = IndexUpkeep(self.store, self.index_dir, self._lock)
        # The app calls in from worker threads and the UI thread; SQLite's one
        # connection and the index handle are used by one caller at a time.
        self._guard = threading.RLock()
        # Other processes' commits are counted from here: read on the first
        # changed_elsewhere() call, an import committed before it went unseen.
        self._seen_version = self.store.data_version()

    def close(self) -> None:
        self.store.close()
        self._lock.release()

    @property
    def read_only(self) -> bool:
        """Whether the archive cannot be written here (a read-only folder or
        mount): it is read as it stands, and every change raises ArchiveReadOnly."""
        return self.store.read_only

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the index ----------------------------------------------------------

    def index(self, on_rebuild: Callable[[int, int], None] | None = None) -> ixmod.FileIndex:
        """The open index, rebuilt from the store if missing or unreadable (see IndexUpkeep.index)."""
        return self.upkeep.index(on_rebuild)

    @property
    def index_rebuild_reason(self) -> str:
        """Why the last rebuild of the index ran, as the end of a sentence ("is missing")."""
        return self.upkeep.rebuilding_because or "is missing or damaged"

    def sync_index(self) -> int:
        """Apply queued store changes to the index; returns how many were applied."""
        return self.upkeep.sync_index()

    def sync_steps(self) -> Iterator[tuple[str, int, int]]:
        """sync_index step by step, for a progress display (see IndexUpkeep.sync_steps)."""
        return self.upkeep.sync_steps()

    def reindex(
        self,
        progress: Callable[[int, int], None] | None = None,
        analysing: Callable[[int, int], None] | None = None,
    ) -> int:
        """Rebuild the index from the store; returns the number of articles
        indexed. Entities and quotes an older newsreader found are found again
        first (`analysing` follows that pass)."""
        return self.upkeep.reindex(progress, analysing)

    def analysis_outdated(self) -> bool:
        """Whether an older newsreader found this archive's entities and quotes (`reindex` finds them again)."""
        return self.upkeep.analysis_outdated()

    def story(self, article_id: str) -> list[str]:
        """The ids of an article's versions, itself included, oldest first."""
        story = self.store.stories.story_of(article_id)
        return self.store.stories.story_members(story) if story else [article_id]

    def stories(self, query: str = "", limit: int = 50) -> list[tuple[str, list[str]]]:
        """Stories told more than once (optionally among a search's results):
        (story id, member ids), most versions first."""
        ids = self._ids_for(query)
        return [
            (story, self.store.stories.story_members(story))
            for story, _ in self.store.stories.multi_stories(limit, ids)
        ]

    # -- highlights ---------------------------------------------------------------

    def add_highlight(self, article_id: str, passage: str, note: str = "") -> Highlight:
        """Mark a passage of an article (found by its words) with an optional note."""
        from reader.text.anchor import find_passage

        stored = self.get(article_id)
        if stored is None:
            raise QueryError(f"no article with id '{article_id}'")
        found = find_passage(stored.article.blocks, passage)
        if found is None:
            raise QueryError("those words are not in the article")
        block, start, end = found
        text, note = stored.article.blocks[block].text[start:end], " ".join(note.split())
        with self.upkeep.writing():
            with self.store.transaction():
                hid = self.store.marks.add_highlight(stored.id, block, start, end, text, note)
            self.sync_index()
        return Highlight(hid, stored.id, block, start, end, text, note)

    def highlights(self, query: str = "") -> list[tuple[Highlight, str]]:
        """Highlights across the archive (or in a search's articles), with their article's title."""
        found = self.store.marks.all_highlights(self._ids_for(query))
        titles = self.store.summaries(sorted({h.article_id for h in found}))
        return [(h, titles[h.article_id][0]) for h in found if h.article_id in titles]

    # -- corrections --------------------------------------------------------------

    def correct(self, correction: Correction) -> int:
        """Keep an entity correction and make it in every article that names the
        entity now; later imports make it too. Returns how many articles changed.
        Raises CorrectionRefused saying why it cannot be made (see entity_corrections.make)."""
        with self.upkeep.writing():
            with self.store.transaction():
                affected = entity_corrections.make(self.store, correction)
            self.sync_index()
        return len(affected)

    def undo_correction(self) -> Correction | None:
        """Take back the last correction (None if there is none): the articles it
        changed are analysed again with the corrections made before it."""
        with self.upkeep.writing():
            with self.store.transaction():
                correction = entity_corrections.undo_last(self.store)
                if correction is None:
                    return None
            self.sync_index()  # analyses them again (analyse_pending), then indexes them
        return correction

    def corrections(self) -> list[Correction]:
        return list(self.store.analysis.corrections())

    # -- export -------------------------------------------------------------------

    def export(
        self,
        query: str,
        fmt: str,
        target: Path,
        *,
        force: bool = False,
        filters: SearchFilters | None = None,
        complete_last_word: bool = False,
    ) -> tuple[int, list[Path]]:
        """Write the articles a query finds (all if empty) in a format; returns
        (articles, files written). Never writes inside the archive folder, and
        replaces an existing file only with `force` (raises TargetRefused);
        writes nothing when nothing is found (raises NothingToExport).
        `filters` and `complete_last_word` as search() takes them: the app
        exports what its list shows. See reader/archive/export.py."""
        from reader.archive import export as exportmod

        ids = self._matching(query, filters, complete=complete_last_word)[0]
        stored = list(self.store.iter_articles(ids))
        stories = {aid: story for aid, (story, _) in self.store.stories.story_sizes(s.id for s in stored).items()}
        records = exportmod.records_of(stored, stories)
        if not records:
            found = f"the search {query.strip()!r} finds" if query.strip() else "the archive holds"
            raise NothingToExport(f"{found} no article: nothing written to {target}")
        return len(records), exportmod.write(records, fmt, target, force=force, protected=self.root)

    # -- saved searches -----------------------------------------------------------

    def save_search(
        self, name: str, query: str, filters: SearchFilters | None = None, *, complete_last_word: bool = False
    ) -> None:
        """Keep a query (and its filters) under a name; the query is checked
        first. `complete_last_word` as search() takes it: the query is kept as
        the list ran it, so the saved search finds what the list showed."""
        name = " ".join(name.split())
        if not name:
            raise QueryError("a saved search needs a name")
        filters = filters or SearchFilters()
        with self._guard, reading_index():
            ix = self.index()
            query = searchmod.as_run(ix, self.upkeep.searcher(), query, complete_last_word=complete_last_word)
            searchmod.parse(ix, saved_searches.query_text(query, filters) or "*")
        with self.store.transaction():
            self.store.save_search(name, query, dataclasses.asdict(filters))

    def saved_searches(self, *, counts: bool = True) -> list[SavedSearch]:
        """Saved searches by name, each with how many (unread) articles it finds
        (`counts=False`: just the searches, without running them). Entity names
        in them follow the corrections: kept as saved, run as renamed."""
        found = saved_searches.as_run(self.store)
        if not counts:
            return found
        unread = self.store.ids_where(unread=True)
        return [self._counted(saved, unread) for saved in found]

    def saved_search(self, name: str) -> SavedSearch | None:
        """One saved search by name, not run."""
        return next((s for s in self.saved_searches(counts=False) if s.name == name), None)

    def _counted(self, saved: SavedSearch, unread: set[str]) -> SavedSearch:
        try:
            found = self._ids_for(saved_searches.query_text(saved.query, saved.filters))
        except QueryError:
            found = []
        return saved_searches.counted(self.store, saved, found, unread)

    def delete_search(self, name: str) -> bool:
        with self.store.transaction():
            return self.store.delete_search(name)

    def timeline(
        self,
        query: str = "",
        grain: str | None = None,
        *,
        filters: SearchFilters | None = None,
        complete_last_word: bool = False,
    ) -> Timeline:
        """Articles per period for a query (all articles if empty), with how
        many matching articles have no date or fall before the periods shown;
        by `grain`, or (None) the finest that shows the span in a screenful.
        `filters` and `complete_last_word` as search() takes them: the
        timeline of a list counts the articles the list finds."""
        ids, counted = self._matching(query, filters, complete=complete_last_word)
        dates = self.store.published_dates(ids)
        # A date outside DATE_YEARS (stored before imports refused them) counts as none.
        usable = [d.date() for d in dates if d is not None and d.year in DATE_YEARS]
        grain = grain or (grain_for(min(usable), max(usable)) if usable else "month")
        found = periods(usable, grain)
        earlier = len(usable) - sum(p.count for p in found)
        return Timeline(found, len(dates) - len(usable), earlier, query=counted, grain=grain)

    def entities(self, kind: str | None = None, limit: int = 50, query: str = "") -> list[tuple[str, str, int, int]]:
        """Top entities (name, type, mentions, articles), optionally within a search."""
        ids = self._ids_for(query)
        with self._guard:
            return self.store.analysis.top_entities(kind, limit, ids)

    def quotes(
        self, speaker: str | None = None, query: str = "", limit: int = 50, words: str | None = None
    ) -> list[tuple[str, str, str | None, str, str]]:
        """Speech quotes (article id, title, speaker, kind, text), optionally within a
        search; `words` filters by speaker or quoted text."""
        ids = self._ids_for(query)
        with self._guard:
            return self.store.analysis.find_quotes(speaker, ids, limit, words)

    def count_entities(self, kind: str | None = None, query: str = "") -> int:
        """How many entities entities() lists without a limit (for "30 of 212")."""
        ids = self._ids_for(query)
        with self._guard:
            return self.store.analysis.count_entities(kind, ids)

    def count_quotes(self, speaker: str | None = None, query: str = "", words: str | None = None) -> int:
        """How many quotes quotes() lists without a limit."""
        ids = self._ids_for(query)
        with self._guard:
            return self.store.analysis.count_quotes(speaker, ids, words)

    def count_stories(self, query: str = "") -> int:
        """How many stories stories() lists without a limit."""
        ids = self._ids_for(query)
        with self._guard:
            return self.store.stories.count_multi_stories(ids)

    def _ids_for(self, query: str) -> list[str] | None:
        return self._matching(query)[0]

    def _matching(
        self, query: str, filters: SearchFilters | None = None, *, complete: bool = False
    ) -> tuple[list[str] | None, str]:
        """The ids of the articles search() finds for a query and its filters
        (None: every article), and the query's text as run (its last word
        completed if `complete`)."""
        filters = filters or SearchFilters()
        if not query.strip() and not filters.active:
            return None, query
        with self._guard, reading_index():
            return results.matching(self.store, self.index(), self.upkeep.searcher(), query, filters, complete)

    # -- import ---------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        report: ImportReport,
        *,
        wait_s: float = 0.0,
        index_every_s: float = INDEX_STEP_S,
        batch_size: int | None = None,
    ) -> Generator[Progress, None, None]:
        """Import files and folders; yields Progress per file, fills `report`.

        What is stored is indexed in steps as the import goes: after a store
        commit (every `batch_size` files), once `index_every_s` seconds have
        passed since the last step, the queued articles are written to the
        index in one commit, and from then on every search finds them, in this
        process or another (the app refreshes its list when the store's queue
        changes: changed_elsewhere). The rest is indexed at the end.

        Raises ArchiveBusy if another process is writing. The app runs this on
        an Archive of its own in a worker thread (its own SQLite connection), so
        searching stays free while an import runs.
        """
        from reader.archive.importer import IMPORT_BATCH, import_paths  # parsers: imports only

        with self.upkeep.writing(wait_s=wait_s), disk_full_said(self.store, self.index_dir):
            self.index()  # make sure the index exists before we write to it
            steps = ImportSteps(self.upkeep, index_every_s)
            yield from import_paths(
                self.store,
                paths,
                report,
                batch_size=batch_size or IMPORT_BATCH,
                on_batch=steps.after_batch,
                exclude=self.root,
                final_steps=steps.last,
                consolidate=steps.consolidate,
            )

    def plan_import(self, paths: Iterable[str | os.PathLike[str]]) -> list[Planned]:
        """What importing `paths` would do with each file, and why (a dry run: nothing is written)."""
        from reader.archive.importer import plan_import

        return plan_import(self.store, paths, exclude=self.root)

    # -- reading ----------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        sort: str = "relevance",
        filters: SearchFilters | None = None,
        collapse: bool = False,
        complete_last_word: bool = False,
        suggest: bool = True,
        snippets: int | None = None,
    ) -> SearchResult:
        """Ranked hits for a query; an empty query lists the archive newest first.

        `collapse` shows each story once, at its best-ranked version, with how
        many versions it has. `complete_last_word` also finds words that start
        with the query's last word (search as you type: search.completed()).
        `suggest` False leaves out the did-you-mean of a query that finds
        nothing (the app asks suggestion() apart, so no key waits for it).
        `snippets` makes the snippets of only that many of the first hits (the
        rows a list shows at once: they were most of a search's time);
        snippets() makes the others' when they come into view.
        """
        with self._guard, reading_index():
            return results.search(
                self.store,
                self.index,
                self.upkeep.searcher,
                text,
                limit=limit,
                sort=sort,
                filters=filters or SearchFilters(),
                collapse=collapse,
                complete=complete_last_word,
                suggest=suggest,
                snippets=snippets,
            )

    def snippets(self, result: SearchResult, ids: Iterable[str]) -> dict[str, tuple[SnippetPart, ...]]:
        """The snippets of some of a result's hits (by id), the matched words
        marked, for hits search() left without theirs."""
        wanted = set(ids)
        hits = [h for h in result.hits if h.id in wanted]
        if not hits:
            return {}
        with self._guard, reading_index():
            return results.snippets_of(self.store, self.upkeep.searcher(), hits, result.terms)

    def suggestion(self, text: str) -> str | None:
        """A near spelling of a query that finds nothing ("did you mean"), or None."""
        with self._guard, reading_index():
            return searchmod.suggestion(self.index(), self.upkeep.searcher(), text, self.store.bodies)

    def source_text(self, article_id: str) -> tuple[str, str]:
        """(path, text) of an article's first source file as a person reads it
        (source_files.source_text); SourceUnavailable says why there is none."""
        with self._guard:
            stored = self._get(article_id)
            sources = self.store.sources_of(stored.id) if stored is not None else []
        return source_files.source_text(stored.article.url if stored else None, sources)

    def get(self, article_id: str) -> StoredArticle | None:
        """An article by id or by an unambiguous id prefix."""
        with self._guard:
            return self._get(article_id)

    def ids_for_prefix(self, text: str) -> list[str]:
        """The id itself if an article has it, else up to two ids starting with it
        (one: the prefix is unambiguous; two: it is not; none: no such article)."""
        with self._guard:
            if text and self.store.summaries([text]):
                return [text]
            return self.store.ids_by_prefix(text)

    def _get(self, article_id: str) -> StoredArticle | None:
        found = self.store.get(article_id)
        if found is not None:
            return found
        matches = self.store.ids_by_prefix(article_id) if article_id else []
        return self.store.get(matches[0]) if len(matches) == 1 else None

    def article_count(self) -> int:
        with self._guard:
            return self.store.count()

    def changed_elsewhere(self) -> bool:
        """Whether another process committed since the last call (an import in
        another terminal); the app refreshes its results when it did."""
        with self._guard:
            version = self.store.data_version()
        changed = self._seen_version != version
        self._seen_version = version
        return changed

    def boilerplate(self, article_id: str) -> frozenset[int]:
        """Indexes of the article's blocks its site repeats in many articles."""
        with self._guard:
            return self.store.analysis.boilerplate(article_id)

    def stats(self) -> dict[str, object]:
        with self._guard:
            data = self.store.stats()
        data["store_bytes"] = _size(self.root / "store.sqlite3") + _size(self.root / "store.sqlite3-wal")
        data["index_bytes"] = sum(_size(p) for p in self.index_dir.glob("*")) if self.index_dir.exists() else 0
        data["index_pending"] = len(self.store.index_queue.ids())
        data["path"] = str(self.root)
        return data

    # -- reading state ----------------------------------------------------------

    def set_read(self, article_id: str, is_read: bool = True) -> None:
        with self._guard:
            self.store.marks.set_read(article_id, is_read)

    def set_starred(self, article_id: str, starred: bool) -> None:
        with self._guard:
            self.store.marks.set_starred(article_id, starred)

    def set_position(self, article_id: str, position: float) -> None:
        with self._guard:
            self.store.marks.set_position(article_id, position)

    def set_tags(self, article_id: str, tags: Iterable[str]) -> tuple[str, ...]:
        """Replace an article's tags; the index follows at once. Returns them.

        A tag keeps the case it was typed in (shown as "Europe", not "europe");
        two tags that differ only in case are one (the first typed is kept), and
        `tag:europe` finds it in any case: the index lowercases tags.
        """
        ordered = clean_tags(tags)
        with self._guard:
            self.store.marks.set_tags(article_id, ordered)
            self.upkeep.try_sync()
        return ordered

    def add_tags(self, article_id: str, tags: Iterable[str]) -> tuple[str, ...]:
        """Add tags to an article's; a tag it has in another case takes the case now typed."""
        adding = [" ".join(t.split()) for t in tags]
        wanted = {t.casefold() for t in adding}
        with self._guard:
            current = [t for t in self.store.marks.tags_of(article_id) if t.casefold() not in wanted]
        return self.set_tags(article_id, [*adding, *current])

    def remove_tags(self, article_id: str, tags: Iterable[str]) -> tuple[str, ...]:
        """Take tags off an article, matched in any case; returns those left."""
        dropping = {" ".join(t.split()).casefold() for t in tags}
        with self._guard:
            current = self.store.marks.tags_of(article_id)
        return self.set_tags(article_id, [t for t in current if t.casefold() not in dropping])

    def match_spans(self, text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
        """Character spans of `text` whose words analyse to one of the index terms.

        The reader highlights a query's words with the index's own analyzer, so
        "migrants" lights up for `migrant` and "Kuźnica" for `kuznica`.
        """
        wanted = set(terms)
        if not wanted or not text:
            return []
        return list(searchmod.matching_words(text, wanted, _TEXT_ANALYZER))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
