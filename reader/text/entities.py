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

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reader.model import Block
from reader.text.gazetteer import ascii_fold, gazetteer, is_demonym
from reader.text.vocab import (
    ABBREVIATIONS,
    COMPASS,
    CONNECTORS,
    EVENT_HEADS,
    NOT_ENTITY_ACRONYMS,
    NOT_NAMES,
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
_POSSESSIVE = re.compile(r"['’]s?$")
# Words written in lower case, not at a sentence start: evidence that a
# capitalised copy elsewhere is only capitalised by position.
_LOWER_WORD = re.compile(r"(?<![.!?]\s)\b[a-z][a-z]+\b")
# First words that make a name a thing, not a person, whatever the name list says.
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

    __slots__ = ("_bare", "capitalised", "end", "sentence_start", "start", "text")

    def __init__(self, text: str, start: int, end: int, sentence_start: bool) -> None:
        self.text, self.start, self.end, self.sentence_start = text, start, end, sentence_start
        self.capitalised = text[:1].isupper()
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
        out.append(_Tok(word, m.start(), m.end(), starts_sentence))
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
    type: str | None  # None: undecided, settled by the article's other mentions


def _runs(toks: list[_Tok]) -> list[list[int]]:
    """Maximal runs of capitalised tokens, with connectors ("of", "de") inside."""
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
            if gap > 1 or toks[j].sentence_start:
                break
            if toks[j - 1].possessive and run and not _named_for_members(toks[j - 1], toks[j]):
                break
            if toks[j].capitalised:
                run.append(j)
                j += 1
            elif toks[j].text.lower() in CONNECTORS and j + 1 < len(toks) and toks[j + 1].capitalised:
                run.extend([j, j + 1])
                j += 2
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


WEAK_PLACE = "PLACE?"
# Heads that, alone and capitalised, still name one body: "Congress voted", "the Army said".
ONE_OF_A_KIND_BODIES = frozenset("congress parliament senate army navy police reuters".split())
SURNAME_REUSE = (
    "PERSON?"  # an untyped name the article calls back by its last word  # a lone word only the gazetteer calls a place
)
_SCORE = re.compile(r"\d{1,3}(?:-\d{1,3})?")


def _score_follows(toks: list[_Tok], i: int) -> bool:
    """A place's name followed by a small number or a score ("Surrey 429",
    "Kent 133-5") names a team in a results line, not the place itself."""
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
    """In a line of capitals only a table row's leading place is read: "SAN
    FRANCISCO 57 74 .435" is a team (a country's name stays a place)."""
    m = _ROW.match(text)
    if not m:
        return []
    g = gazetteer()
    folded = ascii_fold(m.group(1)).lower()
    if folded not in g.places:
        return []
    kind = "PLACE" if folded in g.countries else "ORG"
    return [_Span(block, m.start(1), m.end(1), tuple(m.group(1).split()), kind)]


def _speaks_next(toks: list[_Tok], i: int) -> bool:
    """The next word, in the same sentence, is a speech verb ("Lebed told")."""
    return (
        i < len(toks)
        and not toks[i].sentence_start
        and toks[i].text.lower() in SPEECH_VERBS
        and toks[i].text.lower() != "according"
    )


def _classify(
    block: int, toks: list[_Tok], run: list[int], known: Mapping[str, str], lower_words: set[str]
) -> list[_Span]:
    """Split a run into entity spans (titles and demonyms peeled off) and type them."""
    g = gazetteer()
    words = [toks[k] for k in run]
    spans: list[_Span] = []
    titled = False
    # A sentence's first word that the article also writes in lower case is an
    # ordinary word ("Until London is held…"), not part of a name.
    whole = ascii_fold(" ".join(w.bare for w in words)).lower()
    if words and words[0].sentence_start and not (len(words) > 1 and whole in g.places):  # "New York"
        low = words[0].bare.lower()
        if (low in lower_words or low in NOT_NAMES) and low not in TITLES:
            words = words[1:]
            while words and words[0].text.lower() in CONNECTORS:
                words = words[1:]
    # Peel leading demonyms ("Polish President ...") and titles.
    while words:
        first = words[0]
        low = first.bare.lower().rstrip(".")
        if (
            len(words) > 1
            and is_demonym(first.bare)
            and whole not in g.places  # "Czech Republic"
            and words[-1].bare.lower() not in ORG_HEADS  # "European Commission", "Polish Foreign Ministry"
        ):
            spans.append(_Span(block, first.start, first.start + len(first.bare), (first.bare,), "GROUP"))
            words = words[1:]
        elif (
            low in TITLES
            and (len(words) > 1 or first.sentence_start is False and low not in TITLES)
            and words[-1].bare.lower() not in ORG_HEADS  # "Foreign Ministry", "State Department": a body
        ):
            titled = True
            words = words[1:]
        else:
            break
    while words and words[-1].text.lower() in CONNECTORS:
        words = words[:-1]
    # "Minister of Foreign Affairs Dmytro Kuleba": a title phrase, then a person.
    if len(words) >= 3 and any(w.bare.lower() in TITLES or w.text.lower() in CONNECTORS for w in words[:-1]):
        for k in range(len(words) - 2, 0, -1):
            if (
                ascii_fold(words[k].bare).lower() in g.first_names
                and (
                    words[k - 1].bare.lower() in TITLES
                    or words[k - 1].text.lower() in CONNECTORS
                    or words[k - 1].bare.lower() not in g.first_names
                )
                and words[k - 1].bare.lower() not in NOT_NAMES
            ):
                if any(w.bare.lower() in TITLES for w in words[:k]):
                    words, titled = words[k:], True
                break
    if not words:
        return spans
    first, last = words[0], words[-1]
    # Only the last word loses a possessive ending: an inner one belongs to
    # the name ("Fishermen's Union").
    names = (*(w.text for w in words[:-1]), words[-1].bare)
    folded = ascii_fold(" ".join(names)).lower()
    start, end = first.start, last.start + len(last.bare)
    idx_after = run[-1] + 1
    after = toks[idx_after].text.lower() if idx_after < len(toks) else ""
    idx_before = run[0] - 1
    before = toks[idx_before].text.lower() if idx_before >= 0 else ""

    if len(words) == 1:
        word = first.bare
        low = ascii_fold(word).lower()
        if re.fullmatch(r"[A-Z]\.?", word) or word in NOT_ENTITY_ACRONYMS or low in EVENT_HEADS:
            return spans  # an initial alone names no one; "GMT", "Olympic" neither
        if low in NOT_NAMES or (low.rstrip(".") in TITLES and not titled):
            return spans
        if low in g.places and low not in g.countries and _score_follows(toks, idx_after):
            return [*spans, _Span(block, start, end, names, "ORG")]  # "CHICAGO 71 64 .526": a team
        if word.isupper() and len(word) > 3 and "." not in word and low in g.places:
            return [*spans, _Span(block, start, end, names, "PLACE")]  # a dateline: "LONDON 1996-08-30"
        if word.isupper() and 2 <= len(word) <= 8:
            code = word.replace(".", "")
            code_kind = "PLACE" if code in g.country_codes and code not in ("EU", "UN") else "ORG"  # U.S., U.N.
            return [*spans, _Span(block, start, end, names, code_kind)]
        if is_demonym(word) or ("-" in word and all(is_demonym(p) for p in word.split("-"))):
            return [*spans, _Span(block, start, end, names, "GROUP")]
        if titled:
            return [*spans, _Span(block, start, end, names, "PERSON")]
        if low in g.places and low not in g.countries and _score_follows(toks, idx_after):
            return [*spans, _Span(block, start, end, names, "ORG")]  # "Derbyshire 471 and 133-5": a team
        if low not in g.first_names and low not in g.countries and _results_line(toks, run[0], idx_after):
            return [*spans, _Span(block, start, end, names, "ORG")]  # "Lotte 6 Hyundai 2": teams
        if re.fullmatch(r"(?:north|south|mid)?(?:east|west)|(?:north|south)(?:east|west)?|midwest", low):
            return [*spans, _Span(block, start, end, names, "PLACE")]  # "the Midwest", "the Northeast"
        after2 = toks[idx_after + 1].text.lower() if idx_after + 1 < len(toks) and after.islower() else ""
        if before in ORG_CUES or ((after in ORG_CUES or after2 in ORG_CUES) and not first.possessive):
            return [*spans, _Span(block, start, end, names, "ORG")]  # "tyre giant Pirelli", "Interfax news agency"
        if low in g.places:
            # Weak: a surname can be a town ("Clinton", "Dole"); a title or a
            # speech verb elsewhere in the article outvotes it.
            return [*spans, _Span(block, start, end, names, WEAK_PLACE)]
        if low in known:
            return [*spans, _Span(block, start, end, names, known[low])]
        if low in ORG_HEADS and low not in ONE_OF_A_KIND_BODIES:
            return spans  # "the Ministry", "Office": a body named by its kind, no name of its own
        if first.sentence_start and _speaks_next(toks, idx_after):
            return [*spans, _Span(block, start, end, names, "PERSON")]  # "Lebed told reporters"
        if first.sentence_start:
            # A capitalised first word is weak evidence; keep it only if the
            # article names it elsewhere (settled when mentions are linked).
            return [*spans, _Span(block, start, end, names, "?start")]
        if after in PLACE_HEADS or before in PLACE_PREPOSITIONS:
            return [*spans, _Span(block, start, end, names, "PLACE")]
        if after in SPEECH_VERBS:
            return [*spans, _Span(block, start, end, names, "PERSON")]
        if before == "the" and not first.possessive:
            return [*spans, _Span(block, start, end, names, "ORG")]
        return [*spans, _Span(block, start, end, names, None)]

    lows = [ascii_fold(n).lower() for n in names]
    if lows[-1] in EVENT_HEADS:
        return spans  # "World Cup", "PGA Tour": events, not organisations
    if all(w.isupper() and len(w) <= 3 for w in names):
        return spans  # "W L PCT GB": a table's column heads
    if is_demonym(names[-1]) and all(low in COMPASS for low in lows[:-1]):
        return [*spans, _Span(block, start, end, names, "GROUP")]  # "South Korean"
    # "Joost Visser of FNV Havens": a person, then what they belong to.
    if "of" in lows[2:-1] and lows[0] in g.first_names and lows[0] not in NOT_NAMES:
        cut = lows.index("of", 2)
        person = _Span(block, start, words[cut - 1].start + len(words[cut - 1].bare), names[:cut], "PERSON")
        rest = words[cut + 1 :]
        org = _Span(block, rest[0].start, end, tuple(w.bare for w in rest), "ORG")
        return [*spans, person, org]
    kind: str | None
    if (lows[-1] in PLACE_HEADS or lows[-1] in COMPASS) and not titled:
        kind = "PLACE"  # North Sea, Vistula River, Wall Street, Middle East
    elif len(lows) == 2 and lows[0] in COMPASS and lows[1] in {"bank", "coast", "side", "end"}:
        kind = "PLACE"  # West Bank, East Coast: a region, not a bank
    elif folded in g.places and (folded in g.countries or not _score_follows(toks, idx_after)) and not titled:
        kind = "PLACE"  # United States, before "United" makes it a club
    elif any(low.rstrip(".") in ORG_HEADS for low in lows) and not titled:  # "Corp." is the head "corp"
        kind = "ORG"
    elif titled or lows[0] in NOT_PERSON_FIRST:
        kind = "PERSON" if titled else None
    elif folded in g.places and _score_follows(toks, idx_after):
        kind = "ORG"  # "Los Angeles 5 Florida 3": teams (national sides keep their country's type)
    elif folded in g.places or after in PLACE_HEADS:
        kind = "PLACE"
    elif (
        (
            lows[0] in g.first_names
            or re.fullmatch(r"[a-z]\.", lows[0])  # "S. Waugh": an initial
            or ("-" in lows[0] and all(part in g.first_names for part in lows[0].split("-")))  # Jean-Michel
        )
        and lows[0] not in NOT_NAMES
        and len(words) <= 4
        or after in SPEECH_VERBS
        and len(words) <= 3
    ):
        kind = "PERSON"
    elif before in PLACE_PREPOSITIONS and len(words) <= 3:
        kind = "PLACE"
    else:
        kind = None
    if first.sentence_start and lows[0] in NOT_NAMES and folded not in g.places:
        # "The Kremlin", "Meanwhile Poland": drop the sentence's first word.
        without_first = _Span(block, words[1].start, end, names[1:], kind)
        return [*spans, without_first]
    return [*spans, _Span(block, start, end, names, kind)]


def find_entities(blocks: Sequence[Block], known: Mapping[str, str] | None = None) -> list[Entity]:
    """Entities of an article, each with every mention; canonical name = longest.

    `known` maps lowercased single names to a type the archive has seen them as
    in many articles: evidence for mentions the text alone leaves ambiguous.
    """
    known = known or {}
    spans: list[_Span] = []
    lower_words = {word for block in blocks for word in _LOWER_WORD.findall(block.text)}
    for b, block in enumerate(blocks):
        if _is_caps_line(block.text):
            spans.extend(_caps_table_row(b, block.text))
            continue
        toks = tokens(block.text)
        for run in _runs(toks):
            spans.extend(_classify(b, toks, run, known, lower_words))
    return _link(spans, blocks)


def _link(spans: list[_Span], blocks: Sequence[Block]) -> list[Entity]:
    """Group mentions into entities and settle undecided types from the group."""
    # Longest names first, so shorter mentions find the full name they belong to.
    order = sorted(range(len(spans)), key=lambda i: -len(spans[i].words))
    entities: list[Entity] = []
    by_key: dict[str, int] = {}  # folded full name → entity
    by_word: dict[str, list[int]] = {}  # folded single word of a person/org name → entities
    types: list[dict[str, int]] = []
    for i in order:
        span = spans[i]
        key = ascii_fold(" ".join(span.words)).lower()
        target = by_key.get(key)
        if target is None and len(span.words) == 1:
            # "Lukashenko", "Mr Lukashenko", "Lukashenko's" → "Alexander Lukashenko";
            # a lone word links only to a single person (or place) it is part of.
            candidates = by_word.get(ascii_fold(span.words[0]).lower(), [])
            linkable = [c for c in candidates if entities[c].type in ("PERSON", "PLACE", "?")]
            target = linkable[0] if len(linkable) == 1 else None
            # People are called back by their last name ("Tiger Woods … Woods"),
            # organisations by their first word: weak evidence for an untyped name.
            parts = entities[target].name.split() if target is not None else []
            if len(parts) >= 2 and ascii_fold(parts[-1]).lower() == ascii_fold(span.words[0]).lower():
                types[target][SURNAME_REUSE] = types[target].get(SURNAME_REUSE, 0) + 1  # type: ignore[index]
        text = blocks[span.block].text[span.start : span.end]
        mention = Mention(span.block, span.start, span.end, text)
        if target is None:
            target = len(entities)
            entities.append(Entity(name=" ".join(span.words), type="?", mentions=[]))
            types.append({})
            by_key[key] = target
            if len(span.words) >= 2:
                for word in span.words:
                    low = ascii_fold(word).lower()
                    if low not in CONNECTORS:
                        by_word.setdefault(low, []).append(target)
        entities[target].mentions.append(mention)
        if span.type:
            types[target][span.type] = types[target].get(span.type, 0) + 1
        if entities[target].type == "?":
            entities[target].type = _vote(types[target])
    out: list[Entity] = []
    for entity, votes in zip(entities, types, strict=True):
        kind = _vote(votes)
        decided = {k: v for k, v in votes.items() if k in TYPES or k == WEAK_PLACE}
        if kind == "?start" or not decided:
            # Only ever seen as a sentence's first word, or never typed: keep
            # multi-word names (as organisations, the commonest untyped kind),
            # drop lone words without any evidence.
            if len(entity.name.split()) < 2 or "?start" in votes and len(votes) == 1:
                continue
            kind = "PERSON" if SURNAME_REUSE in votes else "ORG"
        entity.type = kind
        entity.mentions.sort(key=lambda m: (m.block, m.start))
        out.append(entity)
    out.sort(key=lambda e: (e.mentions[0].block, e.mentions[0].start))
    return out


def _vote(votes: dict[str, int]) -> str:
    typed = {k: v for k, v in votes.items() if k in TYPES}
    if not typed and WEAK_PLACE in votes:
        return "PLACE"
    if typed:
        # Titles and speech make people; prefer PERSON on ties.
        return max(typed, key=lambda k: (typed[k], k == "PERSON"))
    return "?start" if "?start" in votes else "?"
