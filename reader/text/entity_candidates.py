"""Candidate names of an article: maximal runs of capitalised words on one
line (name particles kept), cut into spans (a sentence's ordinary first word,
demonyms and titles peeled off, a title inside a run splitting it), photo
credits skipped, and the cues only the whole article shows added. Each span
carries its evidence (entity_evidence.py) for the decision."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import replace

from reader.model import Block
from reader.text import entity_tagger
from reader.text.companies import company_names
from reader.text.dictionary_words import lower_case_word
from reader.text.entity_article_cues import article_cues
from reader.text.entity_evidence import (
    NATURAL_HEADS,
    BlockContext,
    Span,
    caps_table_row,
    gazetteer_key,
    table_like,
    typed_spans,
)
from reader.text.entity_run_edges import (
    OF_THE_HEADS,
    TRAILING_TITLES,
    after_office_of,
    date_or_greeting,
    ends_with_a_weekday,
    maker_then_product,
    opening_verb_or_adverb,
    opens_with_place,
    ordinary_opening,
    person_after_title,
    place_then_person,
    reads_as_title,
    titled_of,
)
from reader.text.entity_tokens import CONTRACTION, Token, case_words, is_caps_line, tokens
from reader.text.gazetteer import ascii_fold, gazetteer, is_demonym
from reader.text.text_kind import headline_case, sports_article
from reader.text.vocab import (
    CALLS_TO_ACTION,
    CONNECTORS,
    HONORIFICS,
    NOT_NAMES,
    OFFICE_WORDS,
    ORG_HEADS,
    PLACE_HEADS,
    TITLES,
)

# Photo credits: "(Name/Agency)", "Photo: Name", "Credit: Agency" name who took a
# picture, not anyone the article is about.
_CREDIT = re.compile(
    r"\([^()]{0,80}/[^()]{0,80}\)|(?:photo(?:graph)?s?|picture|image|credit|source)s?\s*(?:by|:)\s*[^.;]{0,80}",
    re.IGNORECASE,
)


def _runs(toks: list[Token], text: str = "") -> list[list[int]]:
    """Maximal runs of capitalised tokens on one line, with connectors and name
    particles inside ("Academy of Sciences", "Henrike van der Berg")."""
    runs: list[list[int]] = []
    i = 0
    while i < len(toks):
        if not toks[i].capitalised:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(toks):
            gap = toks[j].start - toks[j - 1].end
            if gap > 1 or toks[j].sentence_start or (text and text[toks[j - 1].end] != " "):
                break  # a line break or a tab ends a name: "Ukraine\nKurt Volker" is two
            if toks[j - 1].possessive and run and not _named_for_members(toks[j - 1], toks[j]):
                break
            if toks[j].capitalised:
                run.append(j)
                j += 1
                continue
            k = j  # "van der Berg", "bin Laden", "de la Cruz": particles before a capital
            while k < len(toks) and k - j < 3 and toks[k].start - toks[k - 1].end == 1 and _joins(toks, j, k, run):
                k += 1
            if k > j and k < len(toks) and toks[k].capitalised and toks[k].start - toks[k - 1].end == 1:
                run.extend(range(j, k + 1))
                j = k + 1
            else:
                break
        runs.append(run)
        i = j
    return runs


def _joins(toks: list[Token], j: int, k: int, run: list[int]) -> bool:
    """The lower-case word at k, after the run's last word at j - 1, is inside a
    name when a capitalised word follows: a particle or connector ("van der",
    "of"), "the" after a head's "of" ("Army of the Potomac"), an ampersand
    ("Marks & Spencer"), or an "and" after a lone word that joins it to a body's name
    ("Food and Drug Administration", "Ways and Means Committee") or of one
    place ("Bosnia and Herzegovina")."""
    word = toks[k].text.lower()
    if word in CONNECTORS:
        return True
    if word == "the":
        return k > j and toks[k - 1].text.lower() == "of" and toks[j - 1].bare.lower() in OF_THE_HEADS
    if word not in ("and", "&") or k != j:
        return False
    e = k + 1  # the capitalised words after it, up to the name's end
    while (
        e < len(toks)
        and toks[e].capitalised
        and not toks[e].sentence_start
        and toks[e].start - toks[e - 1].end == 1
        and not toks[e - 1].possessive
    ):
        e += 1
    if e == k + 1:
        return False
    if word == "&":
        # "Marks & Spencer", "Douglas & Lomason Co"; not two people ("Ann Lee &
        # Bo Li") nor two authors cited ("Smith & Jones 1999").
        if e < len(toks) and _YEAR.fullmatch(toks[e].text):
            return False
        return len(run) == 1 and (e == k + 2 or toks[e - 1].bare.lower().rstrip(".") in ORG_HEADS)
    if len(run) == 1 and toks[e - 1].bare.lower() in ORG_HEADS and e - k <= 4:
        return True
    if e - k <= 4 and any(toks[r].text == "of" and toks[r - 1].bare.lower() in ORG_HEADS for r in run[1:]):
        # "Department of Health and Human Services", "Royal Academy of Painting and
        # Sculpture": a body's field goes on after "and"; not a place or a person
        # ("Ministry of Defence and Russia", "... and Anna Berg").
        after = [toks[i].bare for i in range(k + 1, e)]
        lows = [ascii_fold(w).lower() for w in after]
        person = len(lows) >= 2 and lows[0] in gazetteer().first_names and lows[-1] in gazetteer().surnames
        # A second body: a proper name with a head of its own ("University of California
        # and Columbia University"), or one going on with "of".
        named = lows[-1] in ORG_HEADS and not all(lower_case_word(w) for w in after[:-1])
        second_body = named or (e < len(toks) and toks[e].text.lower() in CONNECTORS)
        return (
            not person
            and not second_body
            and " ".join(lows) not in gazetteer().places
            and not any(w in TITLES for w in lows)
        )
    words = [toks[i].bare for i in (*run, *range(k, e))]
    return ascii_fold(" ".join(words)).lower() in gazetteer().places


_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


def _named_for_members(possessive: Token, head: Token) -> bool:
    """A body named for the people it serves: a plural possessive before an
    organisation's head ("Fishermen's Union", "Farmers' Party", "Women's
    Institute") is part of the name; a name's possessive ("Poland's border",
    "Lukashenko's Belarus") ends it."""
    if head.bare.lower() not in ORG_HEADS:
        return False
    word = possessive.text
    return word.endswith(("s'", "s’")) or possessive.bare.lower().endswith(("men", "people", "children"))


def _first_name_then_surname(words: list[Token]) -> bool:
    """A people's name that is a first name too, then one surname: "Christian
    Eriksen" is a person, where "Christian Democrats", "German Chancellor" and
    "German Bundesliga" start with a people's name (a plural, a title, a word
    that is no surname)."""
    g = gazetteer()
    if len(words) != 2:
        return False
    first, last = words[0].bare, words[1].bare
    low = last.lower()
    return (
        ascii_fold(first).lower() in g.first_names
        and low in g.surnames
        and not is_demonym(last)
        and low.rstrip(".") not in TITLES
        and not (low.endswith("s") and lower_case_word(last))
    )


# A hyphenated word ending in a participle that makes a place or a body an
# adjective: "-based", "-born", "-led", "-backed", "-owned", "-listed"…
_DESCRIBING = re.compile(r"[^\W\d_]-(?:based|born|led|backed|owned|listed|run|controlled|funded|headquartered)$")


def _spans_of_run(ctx: BlockContext, run: list[int]) -> list[Span]:
    """Split a run into candidate spans (sentence-initial common words, demonyms
    and titles peeled off, a title inside a run splitting it) with their cues."""
    g = gazetteer()
    toks = ctx.toks
    words = [toks[k] for k in run]
    # "Beirut-based Daily Star", "St. Louis-based Mercantile Bancorp": a place made
    # into an adjective describes the name after it and is no part of it.
    described = [i for i, w in enumerate(words) if _DESCRIBING.search(w.bare)]
    if described:
        words = words[described[-1] + 1 :]
        if not words:
            return []  # "the New York-based bank": a description, no name
    spans: list[Span] = []
    titled: bool | str = False  # "honorific" when the peeled title is Mr, Dr…
    # A sentence's first word that the article also writes in lower case is an
    # ordinary word ("Until London is held…"), not part of a name.
    whole = gazetteer_key(ascii_fold(" ".join(w.bare for w in words)).lower())
    if words and words[0].sentence_start and not opens_with_place(words):
        low = words[0].bare.lower()
        if (
            low in ctx.lower_words
            or low in NOT_NAMES
            or low in CALLS_TO_ACTION
            or CONTRACTION.fullmatch(low)
            or (len(words) > 1 and opening_verb_or_adverb(words[0]))
        ) and low not in TITLES:
            words = words[1:]
            while words and words[0].text.lower() in CONNECTORS:
                words = words[1:]
        elif len(words) > 2 and words[1].text == "of" and ordinary_opening(words[0]):
            words = words[2:]  # "Fans of Miami Beach…": an ordinary word "of" a name opens the sentence
    # "On Monday Trump said", "Dear Hannah": a day, a month or a greeting before a name is no part of it.
    while len(words) > 1 and date_or_greeting(words, toks):
        words = words[1:]
        while words and words[0].text.lower() in CONNECTORS:
            words = words[1:]  # "the fourth Saturday of August"
    while ends_with_a_weekday(words):
        words = words[:-1]
    if not words:
        return []
    # A body's or a place's name may start with a people's: "Swiss Academy of
    # Sciences", "Cuban Consulate", "Arabian Sea", "Russian Empire".
    has_head = bool(words) and (
        any(w.bare.lower() in ORG_HEADS for w in words)
        or words[-1].bare.lower() in PLACE_HEADS
        or words[-1].bare.lower() in NATURAL_HEADS
    )
    # A company's whole name keeps its words: "General Motors" is no General
    # called Motors, "American Express" no American.
    company = len(words) > 1 and ascii_fold(" ".join(w.bare for w in words)).lower() in company_names().names
    if not company and maker_then_product(words):
        # "Intel Core", "Apple TV", "Logitech MX Master": the maker, then a product of
        # its own, which is no person, place or body (named by the maker's name alone).
        return typed_spans(ctx, words[:1], run, False)
    # Peel leading demonyms ("Polish President ...") and titles.
    while words and not company:
        first = words[0]
        low = first.bare.lower().rstrip(".")
        if (
            len(words) > 1
            and is_demonym(first.bare)
            and whole not in g.places
            and not has_head
            and not _first_name_then_surname(words)
        ):
            # "Czech Republic" is a place; "Swiss Academy of Sciences", "European
            # Commission" are bodies whose name starts with a people's.
            spans.append(
                Span(
                    block=ctx.block,
                    start=first.start,
                    end=first.start + len(first.bare),
                    words=(first.bare,),
                    type="GROUP",
                )
            )
            words = words[1:]
        elif (
            low in TITLES
            and len(words) > 1
            and words[-1].bare.lower() not in ORG_HEADS  # "Foreign Ministry", "State Department": a body
            and (
                low not in OFFICE_WORDS  # "Environment Canada", "Health Canada": a body
                or words[1].bare.lower().rstrip(".") in TITLES
                or (len(words) >= 3 and words[1].bare.lower() in g.first_names)  # "Justice Raquel Montoya-Lewis"
            )
            and person_after_title(words[1:])
            and reads_as_title(first, words[1:])
        ):
            titled = "honorific" if low in HONORIFICS else True
            words = words[1:]
        elif (
            low in TITLES
            and low not in OFFICE_WORDS
            and (cut := titled_of(words))
            and reads_as_title(first, words[1:cut])
        ):
            # "King Louis XV of France", "Governor Andrew Cuomo of New York": the
            # titled person, then what they rule or belong to.
            rest = words[cut + 2 :] if words[cut + 1].text.lower() == "the" else words[cut + 1 :]
            titled_person = typed_spans(ctx, words[1:cut], run, "honorific" if low in HONORIFICS else True)
            return [*spans, *titled_person, *(typed_spans(ctx, rest, run, False) if rest else [])]
        else:
            break
    while words and words[-1].text.lower() in CONNECTORS:
        words = words[:-1]
    # A title phrase (a title, "of", its office) before a person's name: "Secretary of
    # State Mike Pompeo", "U.S. Secretary of State Condoleezza Rice", "Minister of
    # Foreign Affairs Dmytro Kuleba" name the person (and the place before it).
    phrase = next(
        (i for i in range(len(words) - 4) if words[i].bare.lower().rstrip(".") in TITLES and words[i + 1].text == "of"),
        None,
    )
    if not company and phrase is not None:
        for n in (2, 3):
            person = words[-n:]
            if (
                len(words) - n >= phrase + 3
                and (person[0].bare.lower() in g.first_names or person[-1].bare.lower() in g.surnames)
                and person[0].bare.lower() not in OFFICE_WORDS
                and not any(w.bare.lower().rstrip(".") in TITLES for w in person)
                and person_after_title(person)
            ):
                body = words[:phrase]
                while body and body[-1].bare.lower().rstrip(".") in TITLES:
                    body = body[:-1]  # "Assistant Secretary of State": both words the title's
                before = typed_spans(ctx, body, run, titled=False) if body else []
                return [*spans, *before, *typed_spans(ctx, person, run, True)]
    # A title inside a run splits it: "NASA Administrator Charles Bolden" is the
    # body, then the person; "Minister of Foreign Affairs Dmytro Kuleba" a title
    # phrase, then the person.
    for k in range(len(words) - 1, 0, -1):
        if company:
            break
        title = words[k - 1].bare.lower().rstrip(".")
        if title in TITLES and title not in ORG_HEADS:
            person = words[k:]
            if len(person) > 3 or person[-1].bare.lower() in ORG_HEADS or not person_after_title(person):
                continue  # "State of Pennsylvania" is no titled person
            if not reads_as_title(words[k - 1], person):
                continue  # "Extraordinary General Meeting", "MS Windows"
            if title in OFFICE_WORDS and (k < 2 or words[k - 2].bare.lower().rstrip(".") not in TITLES):
                continue  # "Environment Canada", "Health Canada": a body
            body = words[: k - 1]
            while body and (body[-1].bare.lower().rstrip(".") in TITLES or body[-1].text.lower() in CONNECTORS):
                body = body[:-1]
            if body and not all(w.bare.lower().rstrip(".") in TITLES or w.text.lower() in CONNECTORS for w in body):
                spans.extend(typed_spans(ctx, body, run, titled=False))
            words, titled = person, "honorific" if title in HONORIFICS else True
            break
    if not words:
        return spans
    # "Apple CEO", "Associated Press Writer", "House Speaker": a title after a name,
    # no person after it, is no part of the name ("Aaron Judge", "Martin Luther King" are people).
    while (
        not company
        and len(words) > 1
        and words[-1].bare.lower().rstrip(".") in TRAILING_TITLES
        and words[-2].bare.lower().rstrip(".") not in TITLES
        and ascii_fold(words[-2].bare).lower() not in g.first_names
        and words[-2].text.lower() not in CONNECTORS
    ):
        words = words[:-1]
    if not company:
        words = after_office_of(words)
        cut = place_then_person(words)
        if cut:
            # "special envoy to Ukraine Kurt Volker": a place, then the person it describes.
            return [*spans, *typed_spans(ctx, words[:cut], run, False), *typed_spans(ctx, words[cut:], run, titled)]
    return [*spans, *typed_spans(ctx, words, run, titled)]


# "second language (L2)", "GDP (gross domestic product)": an acronym the article
# spells out beside it, in brackets, in words of lower case is a term, not a name.
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9]{1,7})s?\)")
_ACRONYM_THEN_WORDS = re.compile(r"\b([A-Z][A-Z0-9]{1,7})s?\s+\(([a-z][a-z' -]{3,120})\)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_SPELLING_SKIPS = frozenset("and of the for in on to a an".split())


def terms_spelled_lower(blocks: Sequence[Block]) -> frozenset[str]:
    """Acronyms an article spells out in brackets beside them with lower-case words."""
    terms = set()
    for block in blocks:
        text = block.text
        if "(" not in text:
            continue
        for m in _BRACKETED_ACRONYM.finditer(text):
            words = _WORD.findall(text[max(0, m.start() - 160) : m.start()])[-16:]
            spelled = _spelling(m.group(1), words)
            if spelled and all(w[0].islower() for w in spelled):
                terms.add(m.group(1))
        for m in _ACRONYM_THEN_WORDS.finditer(text):
            words = _WORD.findall(m.group(2))
            if words and words[0][0] == m.group(1)[0].lower() and _spells(m.group(1), words):
                terms.add(m.group(1))
    return frozenset(terms)


def _spelling(acronym: str, words: list[str]) -> list[str]:
    """The shortest run of words just before an acronym that spells it, or []."""
    letters = sum(c.isalpha() for c in acronym)
    for n in range(letters, min(len(words), 2 * letters + 2) + 1):
        run = words[-n:]
        if run[0][0].lower() == acronym[0].lower() and _spells(acronym, run):
            return run
    return []


def _spells(acronym: str, words: list[str]) -> bool:
    """Do the words' initials give the acronym's letters in order (function words may be skipped)?"""
    letters = [c.lower() for c in acronym if c.isalpha()]
    i = 0
    for word in words:
        if i < len(letters) and word[0].lower() == letters[i]:
            i += 1
        elif word.lower() not in _SPELLING_SKIPS:
            return False
    return i == len(letters)


def _credits(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CREDIT.finditer(text)]


# Web and mail addresses and handles: "groups.yahoo.com/group/Israel_Palestine",
# "Emma@citylimits.org", "@Uber_Sydney" hold words, not mentions of a name.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w+")


def _addresses(text: str) -> list[tuple[int, int]]:
    if "/" not in text and "@" not in text and "www." not in text:
        return []
    return [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]


def candidates(blocks: Sequence[Block], known: Mapping[str, str] | None = None) -> list[Span]:
    """Every candidate name of an article with its cues, article-level cues added."""
    known = known or {}
    spans: list[Span] = []
    lower_words: set[str] = set()
    web_words: set[str] = set()
    for block in blocks:
        lower, web_of_block = case_words(block.text)
        lower_words.update(lower)
        web_words.update(web_of_block)
    web = frozenset(web_words)
    sport = sports_article(blocks)
    terms = terms_spelled_lower(blocks)
    for b, block in enumerate(blocks):
        if is_caps_line(block.text):
            spans.extend(caps_table_row(b, block.text))
            continue
        toks = tokens(block.text)
        credits = _credits(block.text) if "/" in block.text or ":" in block.text or block.kind == "caption" else []
        addresses = _addresses(block.text)
        headline = headline_case(block.text, toks)
        table = table_like(block.text, toks)
        ctx = BlockContext(b, toks, table, lower_words, known, block.text, headline, sport, terms, web)
        found = [
            span
            for run in _runs(toks, block.text)
            for span in _spans_of_run(ctx, run)
            if not any(lo <= span.start and span.end <= hi for lo, hi in credits)
            and not any(lo < span.end and span.start < hi for lo, hi in addresses)
        ]
        spans.extend(_tagger_cues(found, block.text, toks, lower_words))
    return article_cues(spans)


def _tagger_cues(found: list[Span], text: str, toks: list[Token], lower_words: set[str]) -> list[Span]:
    """The statistical tagger's reading of each candidate of a block, as cues
    (entity_tagger.span_cues); the block is tagged only if it has a candidate to type."""
    if not any(span.type is None for span in found):
        return found
    reading = entity_tagger.read_block(text, toks, lower_words)
    if reading is None:
        return found
    starts = [t.start for t in toks]
    out = []
    for span in found:
        if span.type is not None:
            out.append(span)
            continue
        first = bisect_left(starts, span.start)
        last = bisect_left(starts, span.end) - 1
        cues = entity_tagger.span_cues(reading, first, last)
        if "acronym" in span.cues and "tagger_outside" in cues:
            # The tagger's training text (encyclopaedic and spoken) has few acronyms, and
            # it sees none in most news ones (BBC, U.N.): a cue of its own, weighed apart.
            cues += ("tagger_outside_acronym",)
        out.append(replace(span, cues=span.cues + cues))
    return out
