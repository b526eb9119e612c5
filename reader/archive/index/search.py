"""Queries: Whoosh's language with our field names, bounded prefixes, snippets."""

from __future__ import annotations

import re
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from whoosh import fields, qparser, query, sorting
from whoosh.index import FileIndex
from whoosh.searching import Searcher

from reader.archive.index import fast_search
from reader.archive.index.suggest import did_you_mean
from reader.archive.index.whoosh_schema import FIELD_ALIASES, KNOWN_FIELDS, NAME_FIELDS, SEARCH_FIELDS, whole_name
from reader.archive.index.words import analysed_words, matched_words, matching_words  # noqa: F401 - matching_words re-exported

# Whoosh expands `pre*` into every matching term (hundreds on 3 letters, seconds
# per query at 50k articles: perf-notes.md). We keep the most frequent few.
MAX_PREFIX_TERMS = 24
MIN_PREFIX_CHARS = 2
SNIPPET_CHARS = 220
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_FIELD_REF = re.compile(r"(?<![\w\"])([A-Za-z_]+):(?=\S)")
DATE_FIELDS = {"date", "published"}  # with nothing after them: "not a date", said in parse
# A field name with nothing, or only spaces, after its colon.
_FIELD_SPACED = re.compile(r"(?<![\w\"])([A-Za-z_]+):(\s+|$)")


# Article id → body text, for the articles asked (the store's Store.bodies):
# the index keeps no text, so snippets and written forms are read from the store.
Bodies = Callable[[list[str]], dict[str, str]]


class QueryError(ValueError):
    """A query the parser cannot make sense of; the message says why."""


@dataclass(frozen=True)
class RawHit:
    id: str
    score: float
    snippet: str  # with _MARK_OPEN/_MARK_CLOSE around matched terms


def make_parser(ix: FileIndex) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(SEARCH_FIELDS), _schema(ix), group=qparser.AndGroup)
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    return parser


_SCHEMAS: dict[int, object] = {}


def _schema(ix: FileIndex):  # type: ignore[no-untyped-def]
    """The index's schema, read once per open index (FileIndex.schema reads the TOC each time)."""
    key = id(ix)
    if key not in _SCHEMAS:
        _SCHEMAS.clear()
        _SCHEMAS[key] = ix.schema
    return _SCHEMAS[key]


def check_syntax(text: str) -> None:
    """Catch what Whoosh would silently misread: unbalanced marks, unknown fields."""
    if text.count('"') % 2:
        raise QueryError('unbalanced quote: a phrase needs a closing "')
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("unbalanced parenthesis: ')' without '('")
    if depth:
        raise QueryError("unbalanced parenthesis: '(' without ')'")
    if text.count("[") != text.count("]"):
        raise QueryError("unbalanced range: '[' needs a matching ']'")
    outside_phrases = re.sub(r'"[^"]*"', "", text)
    phrases_kept = re.sub(r'"[^"]*"', '"…"', text)  # a phrase is a field's value too (title:"a b")
    for m in _FIELD_SPACED.finditer(phrases_kept):
        if m.group(1).lower() in KNOWN_FIELDS - DATE_FIELDS and not m.group(2):
            raise QueryError(f"'{m.group(1)}:' needs a word after it ({m.group(1)}:harbour)")
    for m in _FIELD_REF.finditer(outside_phrases):
        name = m.group(1).lower()
        if name not in KNOWN_FIELDS:
            known = ", ".join(sorted(KNOWN_FIELDS - {"body", "byline", "published", "tags", "by"}))
            raise QueryError(f"unknown field '{m.group(1)}:' (fields: {known})")


def _expand(q: query.Query, searcher: Searcher) -> query.Query:
    """Replace prefix, wildcard and fuzzy terms with an OR of a few real terms.

    Prefixes keep their most frequent expansions. Fuzzy terms are matched with
    rapidfuzz against the field's (stemmed) lexicon: Whoosh's own fuzzy search
    looks in the unstemmed spelling graph with a stemmed word and finds nothing.
    """
    reader = searcher.reader()

    def most_frequent(fieldname: str, terms: list[bytes]) -> list[query.Query]:
        ranked = sorted(terms, key=lambda t: reader.doc_frequency(fieldname, t), reverse=True)
        return [query.Term(fieldname, t.decode("utf-8")) for t in ranked[:MAX_PREFIX_TERMS]]

    def visit(node: query.Query) -> query.Query:
        if isinstance(node, query.FuzzyTerm):
            lexicon = _lexicon(reader, node.fieldname)
            matches = process.extract(
                node.text,
                lexicon,
                scorer=Levenshtein.distance,
                score_cutoff=node.maxdist,
                limit=MAX_PREFIX_TERMS * 4,
            )
            prefix = node.text[: node.prefixlength]
            terms = [m[0].encode("utf-8") for m in matches if m[0].startswith(prefix)]
            kept = most_frequent(node.fieldname, terms)
        elif isinstance(node, query.Prefix | query.Wildcard):
            if isinstance(node, query.Prefix) and len(node.text) < MIN_PREFIX_CHARS:
                return query.NullQuery
            kept = most_frequent(node.fieldname, list(node._btexts(reader)))  # noqa: SLF001
        else:
            return node
        return query.Or(kept, boost=node.boost) if kept else query.NullQuery

    return q.accept(visit)


_LEXICONS: dict[tuple[tuple[str, ...], str], list[str]] = {}


def _lexicon(reader: object, fieldname: str) -> list[str]:
    """A field's terms as strings, cached per set of index segments.

    Not per reader: each worker thread has its own searcher, so "did you
    mean" read the whole lexicon again (0.4 s at 10,000 articles) whenever it
    ran on a thread it had not run on. A segment's terms never change (a new
    commit adds segments, deleting keeps the terms), so its id is the key.
    """
    # An empty index's reader has no segment (None): its key is the empty tuple.
    found = (leaf.segment() for leaf, _ in reader.leaf_readers())  # type: ignore[attr-defined]
    segments = tuple(segment.segment_id() for segment in found if segment is not None)
    key = (segments, fieldname)
    if key not in _LEXICONS:
        if len(_LEXICONS) > 8:
            _LEXICONS.clear()
        _LEXICONS[key] = [t.decode("utf-8", "replace") for t in reader.lexicon(fieldname)]  # type: ignore[attr-defined]
    return _LEXICONS[key]


# A quoted name in an entity field: entity:"Paris", person:"Liz Truss".
_QUOTED_NAME = re.compile(r'(?<![\w"])(entity|person|place|org|group):"([^"]*)"', re.I)


def _whole_names(text: str) -> str:
    """A quoted name in an entity field asks for that entity, and is looked up
    among whole names: entity:"Paris" found "Paris Hilton" too, so the entity
    browser's "9 articles" for Paris listed 18. Words unquoted (person:Truss)
    still find any name with them."""
    return _QUOTED_NAME.sub(lambda m: f'{NAME_FIELDS[m.group(1).lower()]}:"{whole_name(m.group(2))}"', text)


def parse(ix: FileIndex, text: str) -> query.Query:
    check_syntax(text)
    text = _whole_names(_fields_closed_up(text))
    try:
        q = make_parser(ix).parse(text)
    except Exception as exc:  # Whoosh raises bare errors for odd input
        raise QueryError(f"could not parse query: {exc}") from exc
    for fieldname, value in q.iter_all_terms():
        # A date field given no date (date:"") survives the parser as a text
        # term that fails only when the index is read, as 'index damaged'.
        if fieldname == "published" and isinstance(value, str) and not _is_date(value):
            raise QueryError(f"not a date in '{text}' (dates look like 2021, 2021-11 or 2021-11-15)")
    q = q.accept(_quoted_dates_read(ix))
    if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
        if re.search(r"\b(date|published):", text, re.I):
            raise QueryError(f"not a date in '{text}' (dates look like 2021, 2021-11 or 2021-11-15)")
        # Only stop words or one-letter words ("the", "a"): nothing to look for
        # yet, which is normal while typing, not an error.
        return query.NullQuery
    return q


_FIELD_PREFIX = re.compile(r"\b\w+:")
_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})


def words_left_out(ix: FileIndex, text: str) -> tuple[str, ...]:
    """The words of a query that holds only words the index leaves out (stop
    words, one-letter words: "the", "and of"), so it can say why nothing was
    found; () when any word is searched or there is no word."""
    analyzer = ix.schema["body"].analyzer
    words = [w for w in re.findall(r"[^\W_]+", _FIELD_PREFIX.sub(" ", text)) if w not in _OPERATORS]
    if not words or any(True for w in words for _ in analyzer(w)):
        return ()
    return tuple(dict.fromkeys(w.lower() for w in words))


def _quoted_dates_read(ix: FileIndex) -> Callable[[query.Query], query.Query]:
    """A quoted date (date:"2022") reaches the date field as a bare text term,
    which matches nothing; read it as the date field reads date:2022."""
    field = ix.schema["published"]

    def visit(node: query.Query) -> query.Query:
        if isinstance(node, query.Term) and node.fieldname == "published" and isinstance(node.text, str):
            return field.parse_query("published", node.text.strip(), boost=node.boost)  # type: ignore[no-any-return]
        return node

    return visit


def _fields_closed_up(text: str) -> str:
    """ "title: Tay" as "title:Tay": Whoosh read a field followed by a space as
    the word "title" searched everywhere (outside phrases; known fields only)."""
    pieces = re.split(r'("[^"]*")', text)
    for n in range(0, len(pieces), 2):
        pieces[n] = _FIELD_SPACED.sub(
            lambda m: m.group(1) + ":" if m.group(1).lower() in KNOWN_FIELDS else m.group(0), pieces[n]
        )
    return "".join(pieces)


def _is_date(text: str) -> bool:
    """Whether the date field's own parser reads a quoted date (date:"2021" is
    one; date:"a" or date:"" failed only when the index was read, as 'index damaged')."""
    try:
        fields.DATETIME()._parse_datestring(text)  # noqa: SLF001 - the parser the field uses on the query
    except Exception:  # Whoosh raises bare errors for odd dates
        return False
    return bool(text.strip())


# A last word to complete while typing: letters only (no field, no operator
# mark, no digits), at least this long, after a space or "(".
COMPLETE_MIN_CHARS = 3
_LAST_WORD = re.compile(rf"(?:^|(?<=[\s(]))([^\W\d_]{{{COMPLETE_MIN_CHARS},}})$")


def completed(text: str, whole_word: Callable[[str], bool] | None = None) -> str:
    """The query with its last word also looked for as the start of a word,
    for search as you type: "harbour cou" finds "council" before it is typed out.

    Whole words still count: "storm" becomes "(storm OR storm*)", so articles
    with the word itself score above those with only longer words
    ("stormy"). Left as it is: a query inside an open phrase, or ending in a
    field, an operator, a number or a space, or a last word `whole_word` says
    is one the articles use (see _known_word).
    """
    if text.count('"') % 2:
        return text
    match = _LAST_WORD.search(text)
    if match is None or match.group(1) in ("AND", "OR", "NOT", "TO"):
        return text
    word = match.group(1)
    if whole_word is not None and whole_word(word):
        return text
    return f"{text[: match.start(1)]}({word} OR {word}*)"


def _known_word(searcher: Searcher, word: str) -> bool:
    """Whether a typed word is a whole word the articles use, which stemming
    shortens: its prefix would be the stem's ("police" -> "polic*"), finding
    words never typed (policy, policies), so the app counted 158 articles for
    "police" where `newsreader search police` found 81. A stem left as typed
    ("polic", "stor") is a word being typed, and keeps its completion."""
    terms = [t.text for t in searcher.schema["body"].analyzer(word)]
    return len(terms) == 1 and terms[0] != word.casefold() and searcher.reader().doc_frequency("body", terms[0]) > 0


def as_run(ix: FileIndex, searcher: Searcher, text: str, *, complete_last_word: bool = False) -> str:
    """The query text a search runs: as written, or (search as you type) with
    its last word completed. A malformed query is reported as the user wrote
    it, not as completed."""
    if text.strip():
        parse(ix, text)
    return completed(text, lambda word: _known_word(searcher, word)) if complete_last_word else text


def built(ix: FileIndex, searcher: Searcher, text: str, filters: str = "") -> query.Query:
    """The query a search runs for a query text (as_run's) and its filters'
    text: the one place a query is made, so a list and what counts its
    articles (a timeline, a saved search) match the same articles."""
    q = _expand(parse(ix, text), searcher) if text.strip() else query.Every()
    if filters.strip():
        q = query.And([q, _expand(parse(ix, filters), searcher)])
    return q


def run(
    ix: FileIndex,
    searcher: Searcher,
    text: str,
    *,
    limit: int = 20,
    sort: str = "relevance",
    snippets: bool = True,
    filters: str = "",
    allow_ids: set[str] | None = None,
    complete_last_word: bool = False,
    suggest: bool = True,
    bodies: Bodies | None = None,
) -> tuple[list[RawHit], int, float, str | None, tuple[str, ...]]:
    """Run one query: (hits, total, elapsed ms, did-you-mean suggestion, matched words).

    `bodies` gives the text of articles by id, for snippets (the store holds
    it; the index does not).

    `filters` is more query text that must also match (dates, site, tag...);
    `allow_ids` keeps only those articles (starred, unread: state the store holds);
    `complete_last_word` searches the last word as typed so far (completed());
    `suggest` False leaves out the did-you-mean, which can cost far more than
    the search (suggestion() makes it on its own).
    """
    started = time.perf_counter()
    typed = text
    text = as_run(ix, searcher, text, complete_last_word=complete_last_word)
    q = built(ix, searcher, text, filters)
    allow = None
    if allow_ids is not None:
        allow = {n for n in (searcher.document_number(id=i) for i in allow_ids) if n is not None}
    by = None  # (field, reversed), most significant first
    if sort in ("date", "-date"):
        by = [("undated", False), ("published", sort == "-date")]  # undated articles last either way
    elif sort != "relevance":
        raise QueryError(f"unknown sort '{sort}' (relevance, date, -date)")
    ranked, total = _ranked(searcher, q, limit, by, allow)
    wanted = {t.decode("utf-8") if isinstance(t, bytes) else str(t) for f, t in q.iter_all_terms() if f == "body"}
    hits: list[RawHit] = []
    # searcher.schema is in memory; FileIndex.schema re-reads the index's table
    # of contents on every access (it was read 50 times per query here).
    analyzer = searcher.schema["body"].analyzer
    column = _id_column(searcher) if ranked else {}
    ids = [column[docnum] for docnum, _ in ranked]
    text_of = bodies(ids) if snippets and bodies is not None and ids else {}
    for article_id, (_, score) in zip(ids, ranked, strict=True):
        snippet = make_snippet(text_of.get(article_id, ""), wanted, analyzer) if snippets else ""
        hits.append(RawHit(id=article_id, score=score, snippet=snippet))
    suggestion = None
    if suggest and not hits and typed.strip() and not filters.strip():
        suggestion = _did_you_mean(ix, searcher, typed, bodies)
    # The words to highlight in the reader: the query's body terms (after
    # prefix and fuzzy expansion). Asking Whoosh to record matched terms per
    # document (terms=True) unpickled data for every match: 2,400 per query at
    # 10,000 articles.
    words = tuple(sorted(wanted)) if hits else ()
    elapsed = (time.perf_counter() - started) * 1000
    return hits, total, elapsed, suggestion, words


def suggestion(ix: FileIndex, searcher: Searcher, typed: str, bodies: Bodies | None = None) -> str | None:
    """A near spelling of a query, as run() gives for one that finds nothing."""
    if not typed.strip():
        return None
    parse(ix, typed)
    return _did_you_mean(ix, searcher, typed, bodies)


def _did_you_mean(ix: FileIndex, searcher: Searcher, typed: str, bodies: Bodies | None) -> str | None:
    """A near spelling of a query that found nothing (suggest.did_you_mean),
    kept only if it finds something."""

    def finds(text: str) -> bool:
        try:
            return _ranked(searcher, _expand(parse(ix, text), searcher), 1, None, None)[1] > 0
        except QueryError:
            return False

    return did_you_mean(searcher, typed, lambda: _lexicon(searcher.reader(), "body"), finds, bodies or _no_bodies)


def _ranked(
    searcher: Searcher, q: query.Query, limit: int, by: list[tuple[str, bool]] | None, allow: set[int] | None
) -> tuple[list[tuple[int, float]], int]:
    """(document number, score) of the first `limit` matches, and how many matched.

    fast_search scores every match at once with NumPy (Whoosh's scores and
    order; the README has the figures), or orders them by columns; a query it
    does not handle goes to Whoosh.
    """
    try:
        top = (
            fast_search.top_docs(searcher, q, limit, allow)
            if by is None
            else fast_search.sorted_docs(searcher, q, limit, by, allow)
        )
        return list(zip(top.docnums, top.scores, strict=True)), top.total
    except fast_search.Unsupported:
        pass
    sortedby = sorting.MultiFacet([sorting.FieldFacet(f, reverse=r) for f, r in by]) if by else None
    results = searcher.search(q, limit=limit, sortedby=sortedby, filter=allow)
    # Sorted, Whoosh puts the sort key where the score would be.
    ranked = [(hit.docnum, float(hit.score) if isinstance(hit.score, int | float) else 0.0) for hit in results]
    # Whoosh's estimate is an upper bound (an AND of two common words can
    # estimate hundreds and match none); below the limit we know exactly.
    if len(ranked) < limit:
        return ranked, len(ranked)
    return ranked, len(results) if results.has_exact_length() else results.estimated_length()


def make_snippet(body: str, terms: set[str], analyzer: object) -> str:
    """A window of the body around its first matched words, matches marked.

    Analyses the body only as far as the window reaches: Whoosh's highlighter
    analysed every whole body and took 90% of a search's time (measured with
    tests/bench/bench_app on 1,000 articles).
    """
    if not body:
        return ""
    if not terms:
        return _lead(body)
    # The first match by the words that could be one (the body before it mostly
    # unanalysed); then every word to the window's end, which stops the reading.
    first = next(matched_words(body, terms, analyzer), None)
    if first is None:
        return _lead(body)
    marks = [first[:2]]
    window_end = max(first[1], SNIPPET_CHARS - 40 + first[0]) + 40
    for startchar, endchar, term in analysed_words(body, analyzer, first[1]):
        if startchar > window_end:
            break
        if term in terms:
            marks.append((startchar, endchar))
    start = max(0, marks[0][0] - 70)
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < marks[0][0] else start
    end = min(len(body), start + SNIPPET_CHARS)
    if end < len(body):
        space = body.rfind(" ", marks[-1][1] if marks[-1][1] < end else start, end)
        end = space if space > marks[0][1] else end
    out, at = [], start
    for lo, hi in marks:
        if lo < at or hi > end:
            continue
        out.append(body[at:lo])
        out.append(_MARK_OPEN + body[lo:hi] + _MARK_CLOSE)
        at = hi
    out.append(body[at:end])
    return ("… " if start else "") + "".join(out) + (" …" if end < len(body) else "")


_ID_COLUMNS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _id_column(searcher: Searcher):  # type: ignore[no-untyped-def]
    """The id of each document number, opened once per searcher."""
    if searcher not in _ID_COLUMNS:
        _ID_COLUMNS[searcher] = searcher.reader().column_reader("id")
    return _ID_COLUMNS[searcher]


def snippets_for(searcher: Searcher, ids: list[str], terms: set[str], bodies: Bodies) -> list[str]:
    """Marked snippets for these articles (in order), from their bodies in the store."""
    analyzer = searcher.schema["body"].analyzer
    text_of = bodies(ids) if ids else {}
    return [make_snippet(text_of.get(article_id, ""), terms, analyzer) for article_id in ids]


def _no_bodies(ids: list[str]) -> dict[str, str]:
    return {}


def _lead(body: str) -> str:
    if len(body) <= SNIPPET_CHARS:
        return body
    cut = body[:SNIPPET_CHARS].rsplit(" ", 1)[0]
    return cut + " …"


def split_marks(snippet: str) -> list[tuple[str, bool]]:
    """A marked snippet → (text, is_match) pieces, whitespace squashed."""
    pieces: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split(f"[{_MARK_OPEN}{_MARK_CLOSE}]", snippet)):
        if chunk:
            pieces.append((re.sub(r"\s+", " ", chunk), i % 2 == 1))
    return pieces


def matching_ids(
    ix: FileIndex, searcher: Searcher, text: str, filters: str = "", allow_ids: set[str] | None = None
) -> list[str]:
    """Every article id matching a query (as_run's text) and its filters, as
    run() finds them, from the id column (no stored bodies read)."""
    q = built(ix, searcher, text, filters)
    if searcher.reader().doc_count_all() == 0:
        return []
    try:
        docnums: Iterable[int] = fast_search.top_docs(searcher, q, None).docnums
    except fast_search.Unsupported:
        docnums = searcher.search(q, limit=None).docs()
    column = searcher.reader().column_reader("id")
    found = [column[docnum] for docnum in docnums]
    return found if allow_ids is None else [i for i in found if i in allow_ids]
