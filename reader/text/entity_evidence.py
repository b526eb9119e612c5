"""The evidence of one candidate name: the cues it shows in its block (its
length, a title peeled off before it, a speech verb after it, heads, gazetteer
hits, the function words beside it, a score in a table…), which the scored
decision (entity_cues.py) weighs. Dates and a company's suffix alone are no
candidates; a person followed by "of" and what they belong to is two."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.text.archive_names import alias_of, same_entity
from reader.text.company_cues import company_cues, context_cues
from reader.text.dictionary_words import common_word, dictionary_name, lower_case_word
from reader.text.entity_tokens import CONTRACTION, Token
from reader.text.gazetteer import ascii_fold, gazetteer, is_demonym
from reader.text.kind_cues import kind_cue
from reader.text.vocab import (
    COMPASS,
    CONNECTORS,
    EVENT_HEADS,
    HOLIDAYS,
    JOB_TITLES,
    MASTHEAD_WORDS,
    NOT_ENTITY_ACRONYMS,
    NOT_NAMES,
    OFFICE_WORDS,
    ORG_CUES,
    ORG_HEADS,
    PERSON_NOUNS,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    SPEECH_VERBS,
    TITLES,
)

# Short month names: before a day or a year they are dates ("Jan. 5").
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
DAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
COMPANY_SUFFIXES = frozenset("inc ltd llc plc corp co gmbh".split())
# First words that make a name a thing, not a person, whatever the name list says.
NOT_PERSON_FIRST = frozenset({"storm", "hurricane", "typhoon", "cyclone", "operation", "project", "lake", "mount"})


@dataclass(frozen=True)
class Span:
    """A candidate name: where it is in its block, its words, and its cues."""

    block: int
    start: int
    end: int
    words: tuple[str, ...]
    type: str | None  # "GROUP" (told by word form) or None: the decision types it
    cues: tuple[str, ...] = ()
    # A title before it that only a person carries ("Mr.", "President"; not
    # "General", "Coach", "Editor", which also qualify things or name jobs).
    person_title: bool = False


# Cues of a longer name that make it something other than a person's name.
NOT_PERSON_CUES = frozenset("org_head org_head_inner place place_head place_first event_head has_acronym".split())
# Heads that, alone and capitalised, still name one body: "Congress voted", "the Army said".
ONE_OF_A_KIND_BODIES = frozenset("congress parliament senate army navy reuters".split())
# Leading words that make a name a place: "Mount X", "Lake X", "Cape X".
PLACE_FIRST = frozenset("mount mt mt. monte lake loch river cape fort ft. port isle sierra gulf glacier".split())
# Heads of natural places the head list lacks: "Rhone Glacier", "Monte Rosa Massif".
NATURAL_HEADS = frozenset("glacier massif alps range peak falls canyon desert forest park".split())
# Function words beside a name whose identity is a cue of its own ("before:of",
# "after:'s"): the fit weighs each; no name's own words are cues.
CONTEXT_WORDS = frozenset(
    """the of by for with and at in from to on into against between near across over under
    said says told a an his her their its than via including like as vs v beat beats""".split()
)
# A capital inside a word ("NationsBank", "JetBlue", "PlayStation"): brands write
# names so; people's (McDonald, DeSantis, O'Neill) seldom, and those prefixes are left out.
_CAMEL = re.compile(r"(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’])[A-Z][a-z]+[A-Z]")
# A plural last word ("Cowboys", "Monkeys"; not "Paris", "Reuters"-like "…us", "…is").
_PLURAL = re.compile(r"[a-z]{2}(?<![sui])s$")
# The pronoun with a contraction: "I've", "I'd", "I'm", "I'll".
_PRONOUN_I = re.compile(r"I['’](?:ve|d|m|ll|s)$")
_DETERMINERS = frozenset("a an your my our their his her its every each another".split())
# A US legislator's party and state after the name: "D-N.Y.", "R-Texas", "I-Vt.".
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")
_INITIAL = re.compile(r"[A-Z]\.")  # "George W. Bush": an initial, not an acronym
# A regnal number: "Louis XV", "Henry VIII", "John Paul II" (I to XXXIX).
_REGNAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_SCORE = re.compile(r"\d{1,3}(?:-\d{1,3})?")
_NUMBER = re.compile(r"\d[\d.,:-]*")


def table_like(text: str, toks: list[Token]) -> bool:
    """A paragraph that is a results table or line rather than prose: many of its
    words are numbers ("Surrey 429 Kent 133-5 …"). Sports-table cues act only here."""
    numbers = sum(1 for _ in _NUMBER.finditer(text))
    words = len(toks)
    return numbers >= 2 and numbers >= 0.3 * (numbers + words)


def _score_follows(toks: list[Token], i: int) -> bool:
    """A small number or a score right after a name ("Surrey 429", "Kent 133-5")."""
    return i < len(toks) and bool(_SCORE.fullmatch(toks[i].text)) and toks[i].start - toks[i - 1].end <= 1


def _results_line(toks: list[Token], first: int, after: int) -> bool:
    """A lone name between scores: "Lotte 6 Hyundai 2" (a number before it, or a
    score, a capitalised name and a score after it)."""
    if not _score_follows(toks, after):
        return False
    if first > 0 and _SCORE.fullmatch(toks[first - 1].text):
        return True
    return after + 2 < len(toks) and toks[after + 1].capitalised and bool(_SCORE.fullmatch(toks[after + 2].text))


_ROW = re.compile(r"([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}) +\d")


def caps_table_row(block: int, text: str) -> list[Span]:
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
    return [Span(block, m.start(1), m.end(1), tuple(m.group(1).split()), None, tuple(cues))]


def _speaks_next(toks: list[Token], i: int) -> bool:
    """The next word, in the same sentence, is a speech verb ("Lebed told")."""
    return (
        i < len(toks)
        and not toks[i].sentence_start
        and toks[i].text.lower() in SPEECH_VERBS
        and toks[i].text.lower() != "according"
    )


def _region_follows(toks: list[Token], i: int, text: str) -> bool:
    """ ", Ohio", ", B.C.", ", Calif." right after the name: a town and the state,
    province or country it is in ("Marion, Ohio"; not "Merkel, Germany's chancellor")."""
    if i >= len(toks) or i == 0 or text[toks[i - 1].end : toks[i].start] not in (", ", " , "):  # CoNLL spaces it
        return False
    g = gazetteer()
    for k in range(i, min(i + 3, len(toks))):
        tok = toks[k]
        if not tok.capitalised or tok.possessive or (k > i and text[toks[k - 1].end : tok.start] != " "):
            return False
        written = text[toks[i].start : tok.end]
        if gazetteer_key(ascii_fold(written).lower().rstrip(".")) in g.major_places or (
            "." in written and alias_of(written) is not None
        ):
            after = text[tok.end : tok.end + 2]
            return not (after[:1] == " " and after[1:2].isupper())  # "Ohio State": the region starts a name
    return False


@dataclass(frozen=True)
class BlockContext:
    """What the candidates of one block share: its tokens and the article's evidence."""

    block: int
    toks: list[Token]
    table: bool
    lower_words: set[str]
    known: Mapping[str, str]
    text: str = ""  # the block's text
    headline: bool = False  # the block is a title-case line (text_kind.headline_case)
    sport: bool = False  # the article is a sports report (text_kind.sports_article)
    terms: frozenset[str] = frozenset()  # acronyms the article spells out in lower case (terms_spelled_lower)
    # Words of the article's web addresses and handles ("data.json", "http://"):
    # an acronym written so is a format or a protocol (JSON, HTTP); a name is not
    # made an ordinary word by its own address ("airbnb.com").
    web_words: frozenset[str] = frozenset()


# First words that take their country with "of" as part of the name: heads
# ("Bank of England", "Isle of Man", "Republic of Ireland") and titles ("Prince of Wales").
_NAMED_BY_OF = (ORG_HEADS | PLACE_HEADS | NATURAL_HEADS | PLACE_FIRST | TITLES | EVENT_HEADS) | frozenset(
    "republic kingdom commonwealth principality emirate state states people".split()
)


# Abbreviations that lead place names ("St. Louis", "Mt. Vernon", "Ft. Worth"),
# and how the gazetteer spells them out.
_PLACE_ABBREVIATIONS = {"st.": "saint", "st": "saint", "ste.": "sainte", "mt.": "mount", "mt": "mount", "ft.": "fort"}


def gazetteer_key(folded: str) -> str:
    """A folded name as the place gazetteer may hold it: as written, else with
    its leading abbreviation spelt out ("mt. vernon" → "mount vernon")."""
    head, _, rest = folded.partition(" ")
    if not rest or head not in _PLACE_ABBREVIATIONS or folded in gazetteer().places:
        return folded
    return f"{_PLACE_ABBREVIATIONS[head]} {rest}"


def _dictionary_cue(names: Sequence[str]) -> str | None:
    """What the dictionary says of a name's words: a first name alone (one the
    dictionary also writes in lower case, as Hope or General, apart), one common
    word, one the dictionary capitalises, one it lacks, or several words all common."""
    if len(names) == 1:
        word = names[0]
        if word.isupper() or not word.isalpha():
            return None
        if ascii_fold(word).lower() in gazetteer().first_names:
            return "lone_first_name_common" if lower_case_word(word) else "lone_first_name"
        return "common_word" if common_word(word) else "dictionary_name" if dictionary_name(word) else "unknown_word"
    if all(common_word(n) for n in names if n.lower() not in CONNECTORS):
        return "common_words"
    if all(_unknown(n) for n in names):
        return "unknown_words"  # "Rabindranath Tagore", "Jensen Ackles": words of no language list
    return None


def _body_of_the(lows: list[str], cut: int) -> bool:
    """ "General Assembly of the United Nations": a body's head, "of the", its parent: one name."""
    return lows[cut - 1].rstrip(".") in ORG_HEADS and cut + 1 < len(lows) and lows[cut + 1] == "the"


def _a_body_of_a_field(lows: list[str], cut: int) -> bool:
    """A body's head before "of" and no place after it: one name, no person of
    something ("Royal Institute of British Architects", "Summer Institute of
    Linguistics": Royal and Summer are first names too). A body of a place is
    two names ("Kia Motor Corp of South Korea", "Victoria Hockey Club of Montreal")."""
    if lows[cut - 1].rstrip(".") not in ORG_HEADS:
        return False
    rest = lows[cut + 2 :] if lows[cut + 1] == "the" else lows[cut + 1 :]
    return gazetteer_key(ascii_fold(" ".join(rest))) not in gazetteer().places


def _unknown(word: str) -> bool:
    """A capitalised word the dictionary lacks in any case ("Tagore", "Zelensky")."""
    return word[:1].isupper() and word[1:].islower() and not lower_case_word(word) and not dictionary_name(word)


def typed_spans(ctx: BlockContext, words: list[Token], run: list[int], titled: bool | str) -> list[Span]:
    """One candidate span (or none), with the cues the decision weighs."""
    g = gazetteer()
    toks, block = ctx.toks, ctx.block
    first, last = words[0], words[-1]
    # Only the last word loses a possessive ending: an inner one belongs to
    # the name ("Fishermen's Union").
    names = (*(w.text for w in words[:-1]), words[-1].bare)
    lows = [ascii_fold(n).lower() for n in names]
    folded = " ".join(lows)
    place = gazetteer_key(folded)
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
        return typed_spans(ctx, words[:-1], run, titled) if len(words) > 1 else []
    if len(words) == 1 and lows[0].rstrip(".") in COMPANY_SUFFIXES:
        return []  # "Apple, Inc.": a company's suffix alone names nothing
    if len(words) == 2 and lows[1] == "eve" and lows[0] in HOLIDAYS:
        return []  # "Christmas Eve", as a holiday alone is no name

    if len(words) == 1:
        word = first.bare
        low = lows[0]
        if re.fullmatch(r"[A-Z]\.?", word) or word in NOT_ENTITY_ACRONYMS or _PRONOUN_I.match(word):
            return []  # an initial alone names no one; "GMT" nothing; "I've", "I'm" are the pronoun
        if word in ctx.terms or (word[-1:] == "s" and word[:-1] in ctx.terms):
            return []  # "a second language (L2)": a term the article spells out
        if low in NOT_NAMES or low in HOLIDAYS or low.rstrip(".") in TITLES or CONTRACTION.fullmatch(word):
            # A title alone names no one, after another title too ("Vice President", "Mr. Speaker").
            return []
        if _PARTY_STATE.fullmatch(word):
            return []
        if low == "eve" and idx_before >= 0 and toks[idx_before].possessive:
            return []  # "New Year's Eve": the night before a feast, no woman called Eve
        if first.possessive and idx_after < len(toks) and toks[idx_after].text in ("Day", "Eve"):
            return []  # "Valentine's Day", "Mother's Day", "Christmas's Eve": a feast, not its namesake
        if is_demonym(word) or ("-" in word and all(is_demonym(p) for p in word.split("-"))):
            return [Span(block, start, end, names, "GROUP")]
    elif all(w.isupper() and len(w) <= 3 for w in names):
        return []  # "W L PCT GB": a table's column heads
    elif is_demonym(names[-1]) and all(low in COMPASS for low in lows[:-1]):
        return [Span(block, start, end, names, "GROUP")]  # "South Korean"
    elif (
        len(words) >= 3
        and lows[1] == "of"
        and lows[0] not in _NAMED_BY_OF
        and " ".join(lows[2:]) in g.countries
        and not titled
    ):
        # "Karlsruhe of Germany", "Benetton of Italy": a name, then its country.
        return [*typed_spans(ctx, words[:1], run, titled), *typed_spans(ctx, words[2:], run, False)]
    elif (
        "of" in lows[2:-1]
        and lows[0] in g.first_names
        and lows[0] not in NOT_NAMES
        and not titled
        and not _body_of_the(lows, lows.index("of", 2))
        and not _a_body_of_a_field(lows, lows.index("of", 2))
    ):
        # "Joost Visser of FNV Havens": a person, then what they belong to.
        cut = lows.index("of", 2)
        rest = words[cut + 2 :] if lows[cut + 1] == "the" else words[cut + 1 :]
        return [*typed_spans(ctx, words[:cut], run, titled), *typed_spans(ctx, rest, run, False)]

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
    if place in g.places and titled and place not in g.countries:
        # "Governor Preston", "Senator Warren": a person named like a town. The
        # gazetteer's hit is not evidence of a place here, so it is a cue of its own.
        add("titled_place")
    elif place in g.places:
        add("place")
        if place in g.countries:
            add("country")
        elif place not in g.major_places:
            add("minor_place")
    elif place in g.small_places:
        add("small_place")
    word = names[0]
    if len(words) == 1 and word.isupper() and 2 <= len(word) <= 8:
        add("acronym")
        if same_entity(word) in g.countries:
            # Only the codes newsrooms write for a country (US, UK, UAE: the alias
            # table): most ISO and FIPS codes are other things in running text (AI, PC, ID).
            add("country_code")
        if len(word) > 3 and "." not in word and folded in g.places:
            add("dateline")
    elif (
        len(words) > 1
        and _REGNAL.fullmatch(names[-1])
        and (lows[0] in g.first_names or titled)
        # "I" before a verb is the pronoun ("Mr. Collins I know") but after a ruler's title.
        and (names[-1] != "I" or titled is True or not (after.isalpha() and after.islower()))
    ):
        # "Louis XV", "Tsar Aleksei I": a ruler's number, no acronym ("World War II" keeps that).
        add("regnal")
    elif len(words) > 1 and any(n.isupper() and 2 <= len(n) <= 6 and not _INITIAL.fullmatch(n) for n in names):
        add("has_acronym")
    if (
        lows[0] in g.first_names
        and lows[0] not in NOT_NAMES
        and lows[0] not in PLACE_FIRST  # "Monte Rosa", "Lake Louise": a place's first word, no first name
        and len(words) > 1
        or ("-" in lows[0] and all(part in g.first_names for part in lows[0].split("-")))
    ):
        add("first_name")
    if len(words) == 1 and lows[0] in g.common_surnames:
        # "Bush", "Forbes": a surname alone; apart where a town has the name too.
        add("surname_place" if place in g.places else "lone_surname")
    elif len(words) > 1 and lows[-1] in g.surnames:
        add("surname_last")
    if re.fullmatch(r"[a-z]\.", lows[0]):
        add("initial")
    if (
        lows[-1].rstrip(".") in ORG_HEADS
        or ("house", "of") in zip(lows, lows[1:], strict=False)
        or (
            # A chamber of a parliament: "House of Commons", "House of Representatives";
            # a newspaper's masthead: its town, then a word that alone names no body
            # ("San Francisco Chronicle", "Boston Globe", "Orlando Sentinel").
            len(words) > 1 and lows[-1] in MASTHEAD_WORDS and gazetteer_key(" ".join(lows[:-1])) in g.places
        )
    ):
        add("org_head")
    elif any(low.rstrip(".") in ORG_HEADS for low in lows[:-1]):
        add("org_head_inner")
    if len(words) > 1 and (
        lows[-1] in PLACE_HEADS
        or lows[-1] in NATURAL_HEADS
        # "Kowloon East", "Grand Central": a compass word at the end, but not
        # after a first name, where it is a surname ("Cornel West", "Mae West").
        or (lows[-1] in COMPASS and not (lows[-2] in g.first_names and lows[-2] not in g.major_places))
    ):
        add("place_head")
    if len(words) > 1 and lows[0] in PLACE_FIRST:
        add("place_first")
    if re.fullmatch(r"(?:north|south|mid)?(?:east|west)|(?:north|south)(?:east|west)?|midwest", folded) or (
        len(lows) == 2 and lows[0] in COMPASS and lows[1] in {"bank", "coast", "side", "end"}
    ):
        add("region")
    if len(words) == 1 and lows[0] in COMPASS:
        add("lone_compass")  # "Western capitals", "the South": a direction or an adjective alone
    if after in PLACE_HEADS:
        add("place_head_after")
    if before in ORG_CUES or ((after in ORG_CUES or after2 in ORG_CUES) and not first.possessive):
        add("org_cue")
    if before in PLACE_PREPOSITIONS:
        add("prep_before")
    if _region_follows(toks, idx_after, ctx.text):
        add("region_after")
    if before in PERSON_NOUNS:
        add("person_noun_before")  # "her son Tom", "economist Ann Lee", "singer Adele"
    if before == "the":
        add("the_before")
    elif before in _DETERMINERS:
        add("det_before")  # "your Mac", "a PlayStation": a thing one has, not a person
    if lows[-1] in EVENT_HEADS:
        add("event_head")
    if lows[0] in NOT_PERSON_FIRST:
        add("thing_first")
    # National sides keep their country's type (CoNLL's convention and a reader's).
    if ctx.table and place in g.places and place not in g.countries and _score_follows(toks, idx_after):
        add("team_score")
    if ctx.table and len(words) == 1 and folded not in g.countries and _results_line(toks, first.i, idx_after):
        add("results_line")
    if len(words) == 1:
        if lows[0] in ONE_OF_A_KIND_BODIES:
            add("one_of_a_kind")
        elif lows[0] in ORG_HEADS:
            return []  # "the Ministry", "Office": a body named by its kind, no name of its own
        if lows[0] in ctx.lower_words or (word.isupper() and lows[0] in ctx.web_words):
            add("lower_elsewhere")
    if any("-" in n for n in names):
        add("hyphenated")
    dictionary = _dictionary_cue(names)
    if dictionary:
        add(dictionary)
        if first.sentence_start and dictionary in ("common_word", "lone_first_name_common"):
            add("start_common")  # "Therefore", "Come", "Hope" opening a sentence: capitalised by position
    if before in CONTEXT_WORDS:
        add("before:" + before)
    if after in CONTEXT_WORDS:
        add("after:" + after)
    cues.extend(company_cues(folded, len(words), place in g.places))
    cues.extend(context_cues(toks, first.i, last.i, ctx.text, last.possessive))
    described = kind_cue(toks, first.i, last.i, ctx.text)
    if described:
        add(described)
    if ctx.headline:
        add("headline_case")
        if len(words) >= 3:
            add("headline_run")
    if ctx.sport:
        add("sports_article")
        if place in g.places and place not in g.countries:
            add("sport_place")
    if any(_CAMEL.match(n) for n in names):
        add("camel_case")
    if len(words) > 1 and _PLURAL.search(lows[-1]) and lows[-1] not in g.places and lows[-1] not in ORG_HEADS:
        # "Dallas Cowboys", "Pittsburgh Pirates", "Arctic Monkeys": a plural head
        # names a team or a band, not one person or place.
        add("plural_head_after_place" if lows[0] in g.places or " ".join(lows[:2]) in g.places else "plural_head")
    known = ctx.known.get(folded)
    if known in ("PERSON", "PLACE", "ORG"):
        add("known_" + known)
    title = toks[first.i - 1].bare.lower().rstrip(".") if titled and first.i > 0 else ""
    person_title = bool(title) and title not in JOB_TITLES and title not in OFFICE_WORDS
    return [Span(block, start, end, names, None, tuple(cues), person_title)]
