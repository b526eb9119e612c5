"""One name, one type across the archive: the entity index and the archive's decision."""

from __future__ import annotations

from pathlib import Path

from reader.archive.store.database import Store
from reader.model import Article, Block
from reader.text.corrections import Correction
from reader.text.entities import find_entities


def _store_with(tmp_path: Path, typed: list[tuple[str, str]]) -> Store:
    """One article per (name, type), each naming it once."""
    store = Store(tmp_path / "store.sqlite3")
    with store.transaction():
        for n, (name, kind) in enumerate(typed):
            article = Article(title=f"a{n}", blocks=(Block("paragraph", f"text {n} about {name}"),), format="text")
            aid = store.add_article(article, f"hash{n}")
            mention = {"block": 0, "start": 0, "end": len(name)}
            store.analysis.set_analysis(
                aid, {"entities": [{"name": name, "type": kind, "mentions": [mention]}], "quotes": []}
            )
    return store


def test_the_entity_index_has_one_row_per_name(tmp_path: Path) -> None:
    store = _store_with(tmp_path, [("Ford", "PLACE"), ("Ford", "ORG"), ("ford", "ORG"), ("Oslo", "PLACE")])
    rows = store.analysis.top_entities(None, 10)
    assert [(name.lower(), kind, articles) for name, kind, _, articles in rows] == [
        ("ford", "ORG", 3),
        ("oslo", "PLACE", 1),
    ]
    assert [r[0].lower() for r in store.analysis.top_entities("PLACE", 10)] == ["oslo"]  # Ford is decided ORG
    store.close()


def test_the_archive_decides_a_name_by_votes_and_corrections_come_first(tmp_path: Path) -> None:
    store = _store_with(
        tmp_path, [("Apple", "ORG")] * 3 + [("Apple", "PERSON"), ("Kalmar", "PLACE")] + [("Dole", "PLACE")] * 3
    )
    assert store.analysis.known_entities() == {"apple": "ORG", "dole": "PLACE"}  # Kalmar: one article is no evidence
    with store.transaction():
        store.analysis.add_correction(Correction("type", "Dole", "PERSON"))
    assert store.analysis.known_entities()["dole"] == "PERSON"
    store.close()


def test_an_article_follows_the_archive_decision_and_merges_country_names() -> None:
    blocks = [
        Block("paragraph", "Officials in the U.S. met Apple on Monday, and the United States and the USA agreed.")
    ]
    found = {e.name: e for e in find_entities(blocks, known={"apple": "ORG"})}
    assert found["Apple"].type == "ORG"
    assert len(found["United States"].mentions) == 3 and "USA" not in found and "U.S." not in found


def test_listings_over_a_search_of_any_size(tmp_path: Path) -> None:
    """Entities and quotes of a search's articles: more ids than SQLite binds
    as separate variables (32,766 by default; 250,000 in some builds) failed the
    whole listing."""
    store = _store_with(tmp_path, [("Ford", "ORG"), ("Oslo", "PLACE")])
    [(oslo_id,)] = store.db.execute("SELECT article_id FROM entities WHERE name = 'Oslo'").fetchall()
    ids = [f"missing{n}" for n in range(300_000)] + [oslo_id]  # past 32,766 and Debian builds' 250,000
    assert [r[0] for r in store.analysis.top_entities(None, 10, ids)] == ["Oslo"]
    assert store.analysis.count_entities(None, ids) == 1
    assert store.analysis.find_quotes(None, ids, 10) == [] and store.analysis.count_quotes(None, ids) == 0
    store.close()


def test_the_archive_merges_other_names_and_lists_each_entity_once(tmp_path: Path) -> None:
    """The entity browser's rows after an import: other names of one entity are
    one row (Britain, UK → United Kingdom; Trump → Donald Trump; Americans →
    American), each name once, under one type."""
    typed = [("Donald Trump", "PERSON")] * 3 + [("Trump", "PERSON"), ("Trump", "NAME"), ("trump", "PLACE")]
    typed += [("Britain", "PLACE"), ("UK", "PLACE"), ("United Kingdom", "PLACE"), ("Americans", "GROUP")]
    typed += [("American", "GROUP"), ("The Associated Press", "ORG"), ("Associated Press", "ORG")]
    store = _store_with(tmp_path, typed)
    with store.transaction():
        assert store.analysis.consolidate_entities() == 7  # Trump (3), Britain, UK, Americans, The Associated Press
        assert store.analysis.consolidate_entities() == 0  # a second pass finds nothing left to change
    rows = store.analysis.top_entities(None, 50)
    assert sorted((name, kind, articles) for name, kind, _, articles in rows) == [
        ("American", "GROUP", 2),
        ("Associated Press", "ORG", 2),
        ("Donald Trump", "PERSON", 6),
        ("United Kingdom", "PLACE", 3),
    ]
    assert len({name.casefold() for name, *_ in rows}) == len(rows)
    store.close()


def test_the_archive_decision_queues_only_the_articles_it_changes(tmp_path: Path) -> None:
    """An article that already names a changing name as the archive decides
    is left as it is: rewriting it queued it for the index again, and after an
    import whose steps had indexed it, the index pass wrote it a second time
    (484 of the 787 real pages were queued again, 192 of them unchanged)."""
    store = _store_with(tmp_path, [("Ford", "ORG")] * 3 + [("Ford", "PLACE")])
    store.index_queue.remove(store.index_queue.ids())  # as after an index step
    place = store.db.execute("SELECT article_id FROM entities WHERE type = 'PLACE'").fetchone()[0]
    with store.transaction():
        assert store.analysis.consolidate_entities() == 1  # only the article that called Ford a place
    assert store.index_queue.ids() == [place]
    assert [kind for _, kind, *_ in store.analysis.top_entities(None, 10)] == ["ORG"]
    store.close()


def test_the_entity_browsers_tabs_and_counts_read_the_grouped_table_once_until_it_changes(tmp_path: Path) -> None:
    # Grouping every entity row took ~90 ms at 10,000 articles, paid for each tab's
    # list and again for its count; the tabs are slices of one decided table.
    store = _store_with(tmp_path, [("Ford", "ORG"), ("Ford", "ORG"), ("Oslo", "PLACE"), ("Ann Lee", "PERSON")])
    grouped: list[str] = []
    store.db.set_trace_callback(lambda sql: grouped.append(sql) if "GROUP BY" in sql else None)
    lists = {kind: store.analysis.top_entities(kind, 10) for kind in (None, "PERSON", "PLACE", "ORG")}
    counts = {kind: store.analysis.count_entities(kind) for kind in (None, "PERSON", "PLACE", "ORG")}
    assert len(grouped) == 1
    assert [r[0] for r in lists[None]] == ["Ford", "Ann Lee", "Oslo"] and counts[None] == 3
    assert [r[0] for r in lists["PLACE"]] == ["Oslo"] and counts["ORG"] == 1
    assert store.analysis.top_entities(None, 1) == lists[None][:1]
    # Another connection's commit (an import in another shell) is seen at once.
    writer = Store(tmp_path / "store.sqlite3")
    with writer.transaction():
        aid = writer.add_article(
            Article(title="b", blocks=(Block("paragraph", "text about Bergen"),), format="text"), "hash-b"
        )
        writer.analysis.set_analysis(
            aid,
            {
                "entities": [{"name": "Bergen", "type": "PLACE", "mentions": [{"block": 0, "start": 11, "end": 17}]}],
                "quotes": [],
            },
        )
    writer.close()
    assert "Bergen" in [r[0] for r in store.analysis.top_entities("PLACE", 10)]
    assert store.analysis.count_entities("PLACE") == 2
    # And so is this connection's own write.
    with store.transaction():
        aid = store.add_article(
            Article(title="c", blocks=(Block("paragraph", "text about Tromsø"),), format="text"), "c"
        )
        mention = {"block": 0, "start": 11, "end": 17}
        store.analysis.set_analysis(
            aid, {"entities": [{"name": "Tromsø", "type": "PLACE", "mentions": [mention]}], "quotes": []}
        )
    assert store.analysis.count_entities("PLACE") == 3
    store.close()


def test_the_decisions_an_import_holds_are_the_names_they_change(tmp_path: Path) -> None:
    """An import's steps name entities as the archive decides so far; they keep
    only the names the decision changes (every name's decision held 9 MB at 50,000)."""
    store = _store_with(tmp_path, [("Ford", "ORG")] * 3 + [("Ford", "PLACE"), ("Oslo", "PLACE"), ("ford", "ORG")])
    assert store.analysis.decisions() == {"ford": ("Ford", "ORG")}
    store.close()
