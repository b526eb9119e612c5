"""Stories: versions of one text grouped at import, listed, and collapsed in search."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.archive import Archive
from reader.archive.importer import ImportReport
from reader.archive.store.database import Store
from reader.archive.stories import same_story, versions_of
from reader.cli import main
from reader.text.fingerprint import fingerprint, overlap, shingles
from tests.bench.corpus import article, as_html, as_txt
from tests.eval.eval_stories import cut, edited, sibling


def _paragraphs(a: dict[str, object]) -> list[str]:
    return [str(p) for p in a["body"]]  # type: ignore[union-attr]


def test_versions_overlap_and_follow_ups_do_not() -> None:
    rnd = random.Random(11)
    base = article(1, rnd)
    original = fingerprint(_paragraphs(base))
    assert overlap(original, original) == (1.0, 1.0)
    assert same_story(original, fingerprint(_paragraphs(edited(base, rnd))))
    shorter = fingerprint(_paragraphs(cut(base, rnd)))
    jaccard, containment = overlap(original, shorter)
    assert jaccard < 0.9 and containment > 0.8 and same_story(original, shorter)
    # Same topic, place and people, the same quote and one background paragraph: another story.
    assert not same_story(original, fingerprint(_paragraphs(sibling(base, rnd, 1))))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abc de", min_size=1, max_size=40), min_size=1, max_size=8))
def test_shingles_ignore_wrapping_and_overlap_is_symmetric(paragraphs: list[str]) -> None:
    joined = [" ".join(paragraphs)]
    assert shingles(paragraphs) == shingles(joined)  # re-wrapped text keeps its shingles
    a, b = fingerprint(paragraphs), fingerprint([*paragraphs, "an added closing line of text here"])
    assert overlap(a, b) == overlap(b, a)


def _stored(store: Store, article_id: str, paragraphs: list[str]) -> None:
    """A bare article row with its fingerprint, as an import leaves it."""
    store.db.execute(
        "INSERT INTO articles (id, title, format, blocks, content_hash, imported_at, updated_at) "
        "VALUES (?, ?, 'txt', '[]', ?, '2026-01-01', '2026-01-01')",
        (article_id, article_id, article_id),
    )
    store.stories.set_fingerprint(article_id, fingerprint(paragraphs))


def test_an_article_bridging_two_stories_merges_them(tmp_path: Path) -> None:
    rnd = random.Random(5)
    base = _paragraphs(article(2, rnd))
    first_half, second_half = base[: len(base) // 2], base[len(base) // 2 :]
    store = Store(tmp_path / "store.sqlite3")
    with store.transaction():
        _stored(store, "a", first_half * 2)
        _stored(store, "b", second_half * 2)
        for article_id, fp in list(store.stories.fingerprints(clustered=False)):
            assert versions_of(store.stories, article_id, fp) == []
            store.stories.join_story(article_id, [])
        _stored(store, "c", base)
        [(_, fp)] = list(store.stories.fingerprints(clustered=False))
        assert versions_of(store.stories, "c", fp) == ["a", "b"]
        assert store.stories.join_story("c", ["a", "b"]) == "a"
    assert store.stories.story_members("a") == ["a", "b", "c"]
    store.close()


def _write_versions(folder: Path) -> None:
    rnd = random.Random(21)
    base, other = article(3, rnd), article(4, rnd)
    folder.mkdir()
    (folder / "saved.txt").write_text(as_txt(base), encoding="utf-8")
    (folder / "saved.html").write_text(as_html(base), encoding="utf-8")
    (folder / "updated.html").write_text(as_html(edited(base, rnd)), encoding="utf-8")
    (folder / "follow-up.txt").write_text(as_txt(sibling(base, rnd, 7)), encoding="utf-8")
    (folder / "other.txt").write_text(as_txt(other), encoding="utf-8")


def test_import_groups_versions_lists_stories_and_collapses_search(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _write_versions(tmp_path / "saved")
    data = tmp_path / "archive"
    with Archive(data) as archive:
        for _ in archive.import_paths([str(tmp_path / "saved")], ImportReport()):
            pass
        ids = {
            Path(p).name: r[2] for p in (tmp_path / "saved").iterdir() for r in archive.store.sources_for_path(str(p))
        }
        versions = archive.story(ids["saved.txt"])
        assert sorted(versions) == sorted({ids["saved.txt"], ids["saved.html"], ids["updated.html"]})
        assert archive.story(ids["follow-up.txt"]) == [ids["follow-up.txt"]]
        assert [members for _, members in archive.stories()] == [versions]
        everything = archive.search("dispute", limit=10)
        assert {h.versions for h in everything.hits if h.id in versions} == {3}
        collapsed = archive.search("dispute", limit=10, collapse=True)
        assert len(collapsed.hits) == len(everything.hits) - 2
        assert sum(h.id in versions for h in collapsed.hits) == 1
        # Snippets are made after collapsing, for the hits shown: the same as uncollapsed.
        snippets = {h.id: h.snippet for h in everything.hits}
        assert all(h.snippet == snippets[h.id] for h in collapsed.hits)
        assert all(any(part.match for part in h.snippet) for h in collapsed.hits)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "stories", "--json"]) == 0
    [story] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(v["id"] for v in story["versions"]) == sorted(versions)
    assert main(["--data-dir", str(data), "search", "--collapse", "dispute"]) == 0
    assert "3 versions" in capsys.readouterr().out


def test_articles_stored_before_stories_are_fingerprinted_and_grouped(tmp_path: Path) -> None:
    _write_versions(tmp_path / "saved")
    data = tmp_path / "archive"
    with Archive(data) as archive:
        for _ in archive.import_paths([str(tmp_path / "saved")], ImportReport()):
            pass
        grouped = sorted(len(m) for _, m in archive.stories())
        # As an archive from before stories looks: no fingerprints, no stories.
        with archive.store.transaction():
            archive.store.db.execute("DELETE FROM fingerprints")
            archive.store.db.execute("UPDATE articles SET story = NULL")
    with Archive(data) as archive:
        archive.index()  # opening the archive, as the app and every command do
        assert sorted(len(m) for _, m in archive.stories()) == grouped == [3]


def test_versions_of_one_story_do_not_make_its_paragraphs_boilerplate(tmp_path: Path) -> None:
    # Found trying the app: five saves of one article from one site hid its whole
    # body as "paragraphs this site repeats in many articles".
    rnd = random.Random(8)
    base = article(5, rnd)
    plug = "Our journalism depends on readers like you, so please consider supporting the paper today."
    folder = tmp_path / "site"
    folder.mkdir()
    for name, version in (("a", base), ("b", edited(base, rnd)), ("c", cut(base, rnd))):
        (folder / f"{name}.txt").write_text(as_txt(version), encoding="utf-8")
    for n in range(3):  # three other stories of the site carry the same plug
        other = article(50 + n, rnd)
        other["body"] = [*_paragraphs(other), plug]
        (folder / f"other-{n}.txt").write_text(as_txt(other), encoding="utf-8")
    with Archive(tmp_path / "archive") as archive:
        for _ in archive.import_paths([str(folder)], ImportReport()):
            pass
        [a_id] = [r[2] for r in archive.store.sources_for_path(str(folder / "a.txt"))]
        assert len(archive.story(a_id)) == 3
        assert archive.boilerplate(a_id) == frozenset()
        [o_id] = [r[2] for r in archive.store.sources_for_path(str(folder / "other-0.txt"))]
        stored = archive.get(o_id)
        hidden = {stored.article.blocks[i].text for i in archive.boilerplate(o_id)}  # type: ignore[union-attr]
        assert hidden == {plug}
