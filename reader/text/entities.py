"""Find people, places, organisations and groups in an article's blocks.

A fast recogniser built from evidence rather than a model: runs of capitalised
words (sentence starts handled), titles before names (Mr, President...),
speech verbs after them, heads that make organisations (Ministry, Party...)
or places (border, crossing...), prepositions that cue places, acronyms,
possessives, and gazetteers from data packages (gazetteer.py). Mentions of
one entity in an article link to its longest name ("Mr Lukashenko" →
"Alexander Lukashenko").
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from reader.model import Block
from reader.text.archive_names import alias_of, group_singular, same_entity
from reader.text.entity_cues import OUTCOMES, deciding, scores
from reader.text.gazetteer import ascii_fold, gazetteer, is_demonym
from reader.text.vocab import (
    ABBREVIATIONS,
    COMPASS,
    CONNECTORS,
    EVENT_HEADS,
    HONORIFICS,
    NOT_ENTITY_ACRONYMS,
    NOT_NAMES,
    OFFICE_WORDS,
    ORG_CUES,
    ORG_HEADS,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    SPEECH_VERBS,
    TITLES,
)

TYPES = ("PERSON", "PLACE", "ORG", "GROUP")
# A dotted acronym keeps its last dot ("U.S.", "U.N."), and an initial its dot
# ("S. Waugh", "Janet L. Yellen"): the dot is the name's, not a sentence end.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}(?!\w)"  # U.S.
    r"|(?:Corp|Inc|Ltd|Co|Bros|Jr|Sr)\.(?!\w)"  # NationsBank Corp., Martin Luther King Jr.
    r"|[A-Z]\.(?=\s+(?!(?:The|A|An|He|She|It|They|We|I|But|And|In|On|At|This|That)\b)[A-Z])"  # S. Waugh
    r"|[^\W_]+(?:[-'’.][^\W_]+)*(?:['’]s?)?"  # words, with inner hyphens, apostrophes, dots
    r"|[.!?:;,\"“”‘’()]"
)
_SENTENCE_END = frozenset(".!?:")
_GLUED_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|at|ash|bin|ibn|abu|d)[-'’][A-Z]")
_POSSESSIVE = re.compile(r"['’]s?$")
# Words written in lower case, not at a sentence start: evidence that a
# capitalised copy elsewhere is only capitalised by position.
_LOWER_WORD = re.compile(r"(?<![.!?]\s)\b[a-z][a-z]+\b")
# First words that make a name a thing, not a person, whatever the name list says.
# Short month names: before a day or a year they are dates ("Jan. 5").
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
DAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
COMPANY_SUFFIXES = frozenset("inc ltd llc plc corp co gmbh".split())
NOT_PERSON_FIRST = frozenset({"storm", "hurricane", "typhoon", "cyclone", "operation", "project", "lake", "mount"})


@dataclass(frozen=True)
class Mention:
    block: int
    start: int
    end: int
    text: str


@dataclass
class Entity:
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "mentions": [{"block": m.block, "start": m.start, "end": m.end} for m in self.mentions],
        }


class _Tok:
    """A word of a block with its offsets (a plain slotted class: one per word is made)."""

    __slots__ = ("_bare", "capitalised", "end", "i", "sentence_start", "start", "text")

    def __init__(self, text: str, start: int, end: int, sentence_start: bool, i: int = 0) -> None:
        self.text, self.start, self.end, self.sentence_start, self.i = text, start, end, sentence_start, i
        # "al-Amr", "el-Sisi", "bin-Salman": a lower-case particle glued to a name.
        self.capitalised = text[:1].isupper() or bool(_GLUED_PARTICLE.match(text))
        self._bare: str | None = None

    @property
    def bare(self) -> str:
        """The word without a possessive ending."""
        if self._bare is None:
            self._bare = _POSSESSIVE.sub("", self.text) if len(self.text) > 2 else self.text
        return self._bare

    @property
    def possessive(self) -> bool:
        return bool(_POSSESSIVE.search(self.text)) and len(self.text) > 2 and self.text[-2:] not in ("ss",)


def tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    starts_sentence = True
    for m in _TOKEN.finditer(text):
        word = m.group()
        if len(word) == 1 and not word.isalnum():
            after_abbreviation = (
                word == "."
                and out
                and (out[-1].text.lower() in ABBREVIATIONS or (len(out[-1].text) == 1 and out[-1].text.isupper()))
            )  # "Rep. Nadler", and an initial: "George W. Bush"
            if (word in _SENTENCE_END and not after_abbreviation) or word in '"“‘(':
                starts_sentence = True
            continue
        if out and out[-1].text.endswith(".") and word[:1].isupper() and word.lower() in NOT_NAMES:
            starts_sentence = True  # "… in the U.S. The rest": the acronym's dot ended the sentence
        out.append(_Tok(word, m.start(), m.end(), starts_sentence, len(out)))
        starts_sentence = False
    return out


def _is_caps_line(text: str) -> bool:
    """Headlines and tables in CAPITALS carry no case evidence; we decline them."""
    upper = sum(map(str.isupper, text))
    letters = upper + sum(map(str.islower, text))  # cased letters: the ones that can carry evidence
    return letters >= 12 and upper / letters > 0.7


@dataclass(frozen=True)
class _Span:
    block: int
    start: int
    end: int
    words: tuple[str, ...]
    type: str | None  # "GROUP" (told by word form) or None: the decision types it
    cues: tuple[str, ...] = ()


def _runs(toks: list[_Tok], text: str = "") -> list[list[int]]:
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
            while (
                k < len(toks)
                and k - j < 3
                and toks[k].text.lower() in CONNECTORS
                and toks[k].start - toks[k - 1].end == 1
            ):
                k += 1
            if k > j and k < len(toks) and toks[k].capitalised and toks[k].start - toks[k - 1].end == 1:
                run.extend(range(j, k + 1))
                j = k + 1
            else:
                break
        runs.append(run)
        i = j
    return runs


def _named_for_members(possessive: _Tok, head: _Tok) -> bool:
    """A body named for the people it serves: a plural possessive before an
    organisation's head ("Fishermen's Union", "Farmers' Party", "Women's
    Institute") is part of the name; a name's possessive ("Poland's border",
    "Lukashenko's Belarus") ends it."""
    if head.bare.lower() not in ORG_HEADS:
        return False
    word = possessive.text
    return word.endswith(("s'", "s’")) or possessive.bare.lower().endswith(("men", "people", "children"))


# Heads that, alone and capitalised, still name one body: "Congress voted", "the Army said".
ONE_OF_A_KIND_BODIES = frozenset("congress parliament senate army navy police reuters".split())
# Leading words that make a name a place: "Mount X", "Lake X", "Cape X".
PLACE_FIRST = frozenset("mount mt monte lake cape fort port isle sierra gulf glacier".split())
# Heads of natural places the head list lacks: "Rhone Glacier", "Monte Rosa Massif".
NATURAL_HEADS = frozenset("glacier massif alps range peak falls canyon desert forest park".split())
# Function words beside a name whose identity is a cue of its own ("before:of",
# "after:'s"): the fit weighs each; no name's own words are cues.
CONTEXT_WORDS = frozenset(
    """the of by for with and at in from to on into against between near across over under
    said says told a an his her their its than via including like as vs v beat beats""".split()
)
_SCORE = re.compile(r"\d{1,3}(?:-\d{1,3})?")
_NUMBER = re.compile(r"\d[\d.,:-]*")
# Photo credits: "(Name/Agency)", "Photo: Name", "Credit: Agency" name who took a
# picture, not anyone the article is about.
_CREDIT = re.compile(
    r"\([^()]{0,80}/[^()]{0,80}\)|(?:photo(?:graph)?s?|picture|image|credit|source)s?\s*(?:by|:)\s*[^.;]{0,80}",
    re.IGNORECASE,
)


def _table_like(text: str, toks: list[_Tok]) -> bool:
    """A paragraph that is a results table or line rather than prose: many of its
    words are numbers ("Surrey 429 Kent 133-5 …"). Sports-table cues act only here."""
    numbers = sum(1 for _ in _NUMBER.finditer(text))
    words = len(toks)
    return numbers >= 2 and numbers >= 0.3 * (numbers + words)


def _score_follows(toks: list[_Tok], i: int) -> bool:
    """A small number or a score right after a name ("Surrey 429", "Kent 133-5")."""
    return i < len(toks) and bool(_SCORE.fullmatch(toks[i].text)) and toks[i].start - toks[i - 1].end <= 1


def _results_line(toks: list[_Tok], first: int, after: int) -> bool:
    """A lone name between scores: "Lotte 6 Hyundai 2" (a number before it, or a
    score, a capitalised name and a score after it)."""
    if not _score_follows(toks, after):
        return False
    if first > 0 and _SCORE.fullmatch(toks[first - 1].text):
        return True
    return after + 2 < len(toks) and toks[after + 1].capitalised and bool(_SCORE.fullmatch(toks[after + 2].text))


_ROW = re.compile(r"([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}) +\d")


def _caps_table_row(block: int, text: str) -> list[_Span]:
    """In a line of capitals only a table row's leading place is read ("SAN
    FRANCISCO 57 74 .435"); the decision tells a team from a country."""
    m = _ROW.match(text)
    if not m:
        return []
    g = gazetteer()
    folded = ascii_fold(m.group(1)).lower()
    if folded not in g.places:
        return []
    cues = ["table_row", "place", *(["country"] if folded in g.countries else [])]
    return [_Span(block, m.start(1), m.end(1), tuple(m.group(1).split()), None, tuple(cues))]


def _speaks_next(toks: list[_Tok], i: int) -> bool:
    """The next word, in the same sentence, is a speech verb ("Lebed told")."""
    return (
        i < len(toks)
        and not toks[i].sentence_start
        and toks[i].text.lower() in SPEECH_VERBS
        and toks[i].text.lower() != "according"
    )


@dataclass(frozen=True)
class _Context:
    """What the candidates of one block share: its tokens and the article's evidence."""

    block: int
    toks: list[_Tok]
    table: bool
    lower_words: set[str]
    known: Mapping[str, str]


def _candidates(ctx: _Context, run: list[int]) -> list[_Span]:
    """Split a run into candidate spans (sentence-initial common words, demonyms
    and titles peeled off, a title inside a run splitting it) with their cues."""
    g = gazetteer()
    toks = ctx.toks
    words = [toks[k] for k in run]
    spans: list[_Span] = []
    titled: bool | str = False  # "honorific" when the peeled title is Mr, Dr…
    # A sentence's first word that the article also writes in lower case is an
    # ordinary word ("Until London is held…"), not part of a name.
    whole = ascii_fold(" ".join(w.bare for w in words)).lower()
    if words and words[0].sentence_start and not (len(words) > 1 and whole in g.places):  # "New York"
        low = words[0].bare.lower()
        if (low in ctx.lower_words or low in NOT_NAMES) and low not in TITLES:
            words = words[1:]
            while words and words[0].text.lower() in CONNECTORS:
                words = words[1:]
    has_head = any(w.bare.lower() in ORG_HEADS for w in words)
    # Peel leading demonyms ("Polish President ...") and titles.
    while words:
        first = words[0]
        low = first.bare.lower().rstrip(".")
        if len(words) > 1 and is_demonym(first.bare) and whole not in g.places and not has_head:
            # "Czech Republic" is a place; "Swiss Academy of Sciences", "European
            # Commission" are bodies whose name starts with a people's.
            spans.append(
                _Span(
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
            and (low not in OFFICE_WORDS or words[1].bare.lower().rstrip(".") in TITLES)  # "Environment Canada"
            and _person_after_title(words[1:])
        ):
            titled = "honorific" if low in HONORIFICS else True
            words = words[1:]
        else:
            break
    while words and words[-1].text.lower() in CONNECTORS:
        words = words[:-1]
    # A title inside a run splits it: "NASA Administrator Charles Bolden" is the
    # body, then the person; "Minister of Foreign Affairs Dmytro Kuleba" a title
    # phrase, then the person.
    for k in range(len(words) - 1, 0, -1):
        if words[k - 1].bare.lower().rstrip(".") in TITLES and words[k - 1].bare.lower() not in ORG_HEADS:
            person = words[k:]
            if len(person) > 3 or person[-1].bare.lower() in ORG_HEADS:
                continue
            body = words[: k - 1]
            while body and (body[-1].bare.lower().rstrip(".") in TITLES or body[-1].text.lower() in CONNECTORS):
                body = body[:-1]
            if body and not all(w.bare.lower().rstrip(".") in TITLES or w.text.lower() in CONNECTORS for w in body):
                spans.extend(_typed_spans(ctx, body, run, titled=False))
            words, titled = person, True
            break
    if not words:
        return spans
    return [*spans, *_typed_spans(ctx, words, run, titled)]


def _person_after_title(rest: list[_Tok]) -> bool:
    """What follows a title can be a person's name: a few words, no "of" or
    "for" inside, not ending in a body's, place's or event's head ("Professor
    of Linguistics", "State Prize" and "Energy Forum" are not a titled person)."""
    lows = [w.bare.lower().rstrip(".") for w in rest]
    if len(lows) > 4 or lows[0] in CONNECTORS or any(w in ("of", "for", "and") for w in lows):
        return False
    last = lows[-1]
    return last not in ORG_HEADS and last not in EVENT_HEADS and last not in PLACE_HEADS and last not in NATURAL_HEADS


def _typed_spans(ctx: _Context, words: list[_Tok], run: list[int], titled: bool | str) -> list[_Span]:
    """One candidate span (or none), with the cues the decision weighs."""
    g = gazetteer()
    toks, block = ctx.toks, ctx.block
    first, last = words[0], words[-1]
    # Only the last word loses a possessive ending: an inner one belongs to
    # the name ("Fishermen's Union").
    names = (*(w.text for w in words[:-1]), words[-1].bare)
    lows = [ascii_fold(n).lower() for n in names]
    folded = " ".join(lows)
    start, end = first.start, last.start + len(last.bare)
    idx_after = last.i + 1
    idx_before = first.i - 1
    after = toks[idx_after].text.lower() if idx_after < len(toks) else ""
    before = toks[idx_before].text.lower() if idx_before >= 0 and not first.sentence_start else ""
    after2 = toks[idx_after + 1].text.lower() if idx_after + 1 < len(toks) and after.islower() else ""
    if (lows[-1] in MONTH_ABBREVIATIONS and after[:1].isdigit()) or (
        lows[-1] in DAY_ABBREVIATIONS and (after[:1].isdigit() or after in MONTH_ABBREVIATIONS)
    ):
        # "Jan. 5", "Sept 2012", "Mon, 31 Dec": a date, not a person called Jan.
        return _typed_spans(ctx, words[:-1], run, titled) if len(words) > 1 else []
    if len(words) == 1 and lows[0].rstrip(".") in COMPANY_SUFFIXES:
        return []  # "Apple, Inc.": a company's suffix alone names nothing

    if len(words) == 1:
        word = first.bare
        low = lows[0]
        if re.fullmatch(r"[A-Z]\.?", word) or word in NOT_ENTITY_ACRONYMS:
            return []  # an initial alone names no one; "GMT" nothing
        if low in NOT_NAMES or (low.rstrip(".") in TITLES and not titled):
            return []
        if is_demonym(word) or ("-" in word and all(is_demonym(p) for p in word.split("-"))):
            return [_Span(block, start, end, names, "GROUP")]
    elif all(w.isupper() and len(w) <= 3 for w in names):
        return []  # "W L PCT GB": a table's column heads
    elif is_demonym(names[-1]) and all(low in COMPASS for low in lows[:-1]):
        return [_Span(block, start, end, names, "GROUP")]  # "South Korean"
    elif "of" in lows[2:-1] and lows[0] in g.first_names and lows[0] not in NOT_NAMES and not titled:
        # "Joost Visser of FNV Havens": a person, then what they belong to.
        cut = lows.index("of", 2)
        return [
            *_typed_spans(ctx, words[:cut], run, titled),
            *_typed_spans(ctx, words[cut + 1 :], run, False),
        ]

    cues = [
        "one_word"
        if len(words) == 1
        else "two_words"
        if len(words) == 2
        else "three_words"
        if len(words) == 3
        else "long"
    ]
    add = cues.append
    if first.sentence_start:
        add("sentence_start")
        if _speaks_next(toks, idx_after):
            add("start_speaks")
    if titled:
        add("honorific" if titled == "honorific" else "title")
    if after in SPEECH_VERBS and not first.sentence_start:
        add("speech_after")
    if last.possessive:
        add("possessive")
    if folded in g.places:
        add("place")
        if folded in g.countries:
            add("country")
        elif folded not in g.major_places:
            add("minor_place")
    word = names[0]
    if len(words) == 1 and word.isupper() and 2 <= len(word) <= 8:
        add("acronym")
        if same_entity(word) in g.countries:
            # Only the codes newsrooms write for a country (US, UK, UAE: the alias
            # table): most ISO and FIPS codes are other things in running text (AI, PC, ID).
            add("country_code")
        if len(word) > 3 and "." not in word and folded in g.places:
            add("dateline")
    elif len(words) > 1 and any(n.isupper() and 2 <= len(n) <= 6 for n in names):
        add("has_acronym")
    if (
        lows[0] in g.first_names
        and lows[0] not in NOT_NAMES
        and len(words) > 1
        or ("-" in lows[0] and all(part in g.first_names for part in lows[0].split("-")))
    ):
        add("first_name")
    if re.fullmatch(r"[a-z]\.", lows[0]):
        add("initial")
    if lows[-1].rstrip(".") in ORG_HEADS:
        add("org_head")
    elif any(low.rstrip(".") in ORG_HEADS for low in lows[:-1]):
        add("org_head_inner")
    if len(words) > 1 and (lows[-1] in PLACE_HEADS or lows[-1] in COMPASS or lows[-1] in NATURAL_HEADS):
        add("place_head")
    if len(words) > 1 and lows[0] in PLACE_FIRST:
        add("place_first")
    if re.fullmatch(r"(?:north|south|mid)?(?:east|west)|(?:north|south)(?:east|west)?|midwest", folded) or (
        len(lows) == 2 and lows[0] in COMPASS and lows[1] in {"bank", "coast", "side", "end"}
    ):
        add("region")
    if after in PLACE_HEADS:
        add("place_head_after")
    if before in ORG_CUES or ((after in ORG_CUES or after2 in ORG_CUES) and not first.possessive):
        add("org_cue")
    if before in PLACE_PREPOSITIONS:
        add("prep_before")
    if before == "the":
        add("the_before")
    if lows[-1] in EVENT_HEADS:
        add("event_head")
    if lows[0] in NOT_PERSON_FIRST:
        add("thing_first")
    # National sides keep their country's type (CoNLL's convention and a reader's).
    if ctx.table and folded in g.places and folded not in g.countries and _score_follows(toks, idx_after):
        add("team_score")
    if ctx.table and len(words) == 1 and folded not in g.countries and _results_line(toks, first.i, idx_after):
        add("results_line")
    if len(words) == 1:
        if lows[0] in ONE_OF_A_KIND_BODIES:
            add("one_of_a_kind")
        elif lows[0] in ORG_HEADS:
            return []  # "the Ministry", "Office": a body named by its kind, no name of its own
        if lows[0] in ctx.lower_words:
            add("lower_elsewhere")
    if any("-" in n for n in names):
        add("hyphenated")
    if before in CONTEXT_WORDS:
        add("before:" + before)
    if after in CONTEXT_WORDS:
        add("after:" + after)
    known = ctx.known.get(folded)
    if known in ("PERSON", "PLACE", "ORG"):
        add("known_" + known)
    return [_Span(block, start, end, names, None, tuple(cues))]


def _credits(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CREDIT.finditer(text)]


def candidates(blocks: Sequence[Block], known: Mapping[str, str] | None = None) -> list[_Span]:
    """Every candidate name of an article with its cues, article-level cues added."""
    known = known or {}
    spans: list[_Span] = []
    lower_words = {word for block in blocks for word in _LOWER_WORD.findall(block.text)}
    for b, block in enumerate(blocks):
        if _is_caps_line(block.text):
            spans.extend(_caps_table_row(b, block.text))
            continue
        toks = tokens(block.text)
        credits = _credits(block.text) if "/" in block.text or ":" in block.text or block.kind == "caption" else []
        ctx = _Context(b, toks, _table_like(block.text, toks), lower_words, known)
        for run in _runs(toks, block.text):
            for span in _candidates(ctx, run):
                if not any(lo <= span.start and span.end <= hi for lo, hi in credits):
                    spans.append(span)
    return _article_cues(spans)


def _article_cues(spans: list[_Span]) -> list[_Span]:
    """Cues only the whole article shows: a lone word that is the last word of a
    longer name ("Woods" after "Tiger Woods"), and the longer name so called back."""
    last_words = {ascii_fold(s.words[-1]).lower() for s in spans if len(s.words) >= 2 and _person_shaped(s)}
    lone = {ascii_fold(s.words[0]).lower() for s in spans if len(s.words) == 1}
    out = []
    for s in spans:
        if s.type is not None:
            out.append(s)
            continue
        extra: tuple[str, ...] = ()
        if len(s.words) == 1 and ascii_fold(s.words[0]).lower() in last_words:
            extra = ("surname_of_name",)
        elif len(s.words) >= 2 and ascii_fold(s.words[-1]).lower() in lone:
            extra = ("called_back",)
        out.append(replace(s, cues=s.cues + extra) if extra else s)
    return out


# Cues of a longer name that make it something other than a person's name.
_NOT_IN_PEOPLES_NAMES = frozenset("of and the for & at on in".split())
_NOT_PERSON_CUES = frozenset("org_head org_head_inner place place_head place_first event_head has_acronym".split())


def _person_shaped(span: _Span) -> bool:
    """A name whose last word can be a surname: no "of" or "and" inside ("Courtesy
    of Apple" and "Bank of England" are not; "Henrike van der Berg" is), no
    body's, place's or event's head."""
    return not _NOT_IN_PEOPLES_NAMES.intersection(w.lower() for w in span.words) and not _NOT_PERSON_CUES.intersection(
        span.cues
    )


# A type the article's evidence gives less than this share of belief is
# shown as a plain name ("NAME"), without a type colour: precision first.
# Set on development data (tests/eval/fit_entity_weights.py reports the sweep).
UNCERTAIN_BELOW = 0.5
UNCERTAIN = "NAME"


def find_entities(
    blocks: Sequence[Block], known: Mapping[str, str] | None = None, explain: list[str] | None = None
) -> list[Entity]:
    """Entities of an article, each with every mention; canonical name = longest.

    `known` maps lowercased names to the type the archive decided for them:
    evidence for mentions the text alone leaves ambiguous. `explain`, when
    given, receives one line per mention saying which cues decided it.
    """
    if not reads_as_english(blocks):
        return []  # the cues are English ones: elsewhere they mislead (a Russian page's every first word)
    return _link(candidates(blocks, known), blocks, explain, known or {})


# Common English words: a text in another language written in Latin letters
# has few of them. Letters outside Latin script are no English either.
_ENGLISH_WORDS = frozenset("the of and to in is was for that on with as by it at from are be this have not".split())
# The commonest words of the other languages saved pages come in (German,
# French, Spanish, Italian, Dutch, Portuguese), none of them English words.
_OTHER_WORDS = frozenset(
    """der die das und ist nicht mit den dem ein eine auch sich von zu le la les et est des du un une
    pour dans pas que qui sur el los las y es del por con una para lo il di che della non per sono
    het een van zijn niet op dat voor ook os da em um uma não com""".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def reads_as_english(blocks: Sequence[Block]) -> bool:
    """Script and stopword evidence that an article is English: most words in
    Latin letters, at least 1 in 20 lower-case words a common English one, and
    no more words common in another language."""
    text = " ".join(b.text for b in blocks[:40])
    words = _WORD.findall(text)
    if len(words) < 20:
        return True  # too little to tell; short clippings are read as they come
    latin = sum(1 for w in words if w.isascii() or ascii_fold(w).isalpha())
    if latin < 0.7 * len(words):
        return False
    prose = [w for w in words if w.islower()]  # a results table has few: it is judged by script alone
    if len(prose) < 20:
        return True
    common = sum(1 for w in prose if w in _ENGLISH_WORDS)
    other = sum(1 for w in prose if w in _OTHER_WORDS)
    return common >= len(prose) / 20 and common >= other


def _link(
    spans: list[_Span], blocks: Sequence[Block], explain: list[str] | None = None, known: Mapping[str, str] = {}
) -> list[Entity]:
    """Group mentions into entities; each entity's type is the decision over
    the evidence of all its mentions, unless the archive has decided the name
    (`known`: corrections first, then most of its articles): one name, one type.
    A country's other names (US, U.S., USA, America's long forms) are one entity."""
    # Longest names first, so shorter mentions find the full name they belong to.
    order = sorted(range(len(spans)), key=lambda i: -len(spans[i].words))
    entities: list[Entity] = []
    belief: list[list[float]] = []  # summed outcome probabilities per entity
    groups: list[int] = []  # mentions told as a people's name by word form
    by_key: dict[str, int] = {}  # folded full name → entity
    by_word: dict[str, list[int]] = {}  # folded single word of a multi-word name → entities
    mention_scores: dict[int, tuple[float, ...]] = {}
    for i in order:
        span = spans[i]
        key = ascii_fold(" ".join(span.words)).lower()
        # One key and one name for every name of an entity (US, U.S., America →
        # United States: the alias table), and for a people's plural (Americans → American).
        written = " ".join(span.words)
        key = same_entity(written) or key
        shown = alias_of(written)
        if shown is None and span.type == "GROUP" and len(span.words) == 1:
            shown = group_singular(span.words[0])
        if shown:
            key = ascii_fold(shown).lower()
            span = replace(span, words=tuple(shown.split()))
        target = by_key.get(key)
        if target is None and len(span.words) == 1:
            # "Lukashenko", "Mr Lukashenko", "Lukashenko's" → "Alexander Lukashenko";
            # a lone word links only to a single person (or place) it is part of.
            candidates_ = by_word.get(key, [])
            linkable = [c for c in candidates_ if _lean(belief[c], groups[c]) in ("PERSON", "PLACE")]
            target = linkable[0] if len(linkable) == 1 else None
        text = blocks[span.block].text[span.start : span.end]
        mention = Mention(span.block, span.start, span.end, text)
        if target is None:
            target = len(entities)
            entities.append(Entity(name=" ".join(span.words), type="?", mentions=[]))
            belief.append([0.0] * len(OUTCOMES))
            groups.append(0)
            by_key[key] = target
            if len(span.words) >= 2:
                for word in span.words:
                    low = ascii_fold(word).lower()
                    if low not in CONNECTORS:
                        by_word.setdefault(low, []).append(target)
        entities[target].mentions.append(mention)
        if span.type == "GROUP":
            groups[target] += 1
        else:
            p = scores(span.cues)
            mention_scores[i] = p
            # Evidence adds up across mentions: log-probabilities are summed.
            belief[target] = [a + math.log(b) for a, b in zip(belief[target], p, strict=True)]
    out: list[Entity] = []
    for n, (entity, summed) in enumerate(zip(entities, belief, strict=True)):
        kind, share = _decide(summed, groups[n])
        decided = known.get(ascii_fold(entity.name).lower())
        if decided:
            kind, share = decided, 1.0
        if kind is None:
            continue
        entity.type = kind
        entity.mentions.sort(key=lambda m: (m.block, m.start))
        out.append(entity)
        if explain is not None:
            explain.append(f"{entity.name} → {kind} ({share:.2f})")
    if explain is not None:
        for i, span in enumerate(spans):
            if i in mention_scores:
                p = mention_scores[i]
                best = OUTCOMES[max(range(len(p)), key=p.__getitem__)]
                why = ", ".join(f"{c} {w:+.1f}" for c, w in deciding(span.cues, best))
                text = blocks[span.block].text[span.start : span.end]
                explain.append(f"  [{span.block}:{span.start}] {text!r}: {best} {max(p):.2f} ← {why}")
    out.sort(key=lambda e: (e.mentions[0].block, e.mentions[0].start))
    return out


def _lean(summed: list[float], groups: int) -> str:
    if groups and not any(summed):
        return "GROUP"
    return OUTCOMES[max(range(len(summed)), key=summed.__getitem__)]


def _decide(summed: list[float], groups: int) -> tuple[str | None, float]:
    """(type, its probability given every mention's cues), or (None, …) for no entity."""
    if groups and not any(summed):
        return "GROUP", 1.0
    top = max(summed)
    exp = [math.exp(x - top) for x in summed]
    best = max(range(len(summed)), key=summed.__getitem__)
    share = exp[best] / sum(exp)
    if OUTCOMES[best] == "NONE":
        return None, share
    return (OUTCOMES[best] if share >= UNCERTAIN_BELOW else UNCERTAIN), share
