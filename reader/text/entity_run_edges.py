"""The edges of a run of capitalised words: what before or after a name is no
part of it (a date or a greeting before it, a title after a body, "of" and what
a titled person rules), where one run holds two names (a country, then a
person; a maker, then its product), what may follow a title as a person's name,
and the words that open a sentence before a name ("Visiting Russia"). Read by
entity_candidates when it cuts a run into spans."""

from __future__ import annotations

import re

from reader.text.companies import company_names
from reader.text.dictionary_words import lower_case_word
from reader.text.entity_evidence import COMPANY_SUFFIXES, NATURAL_HEADS, PLACE_FIRST, gazetteer_key
from reader.text.entity_tokens import Token
from reader.text.gazetteer import ascii_fold, gazetteer
from reader.text.vocab import (
    COMPASS,
    CONNECTORS,
    EVENT_HEADS,
    HONORIFICS,
    NOT_NAMES,
    OFFICE_WORDS,
    ORG_HEADS,
    PLACE_HEADS,
    TITLES,
)

# Heads a name goes on after with "of the": "Bank of the West", "Army of the
# Potomac", "Republic of the Congo", "Society of the Cincinnati".
OF_THE_HEADS = ORG_HEADS | PLACE_HEADS | PLACE_FIRST | frozenset({"republic", "kingdom"})

# Titles that may follow the body or the place a person serves ("Apple CEO", "House
# Speaker"); not office words or ranks that end names ("Penn State", "Miami Vice", "Orange Prince").
TRAILING_TITLES = frozenset(
    """ceo chairman chairwoman director president executive manager spokesman spokeswoman
    spokesperson writer reporter correspondent columnist speaker secretary minister chancellor
    governor mayor senator representative congressman coach commissioner ambassador""".split()
)
_DAYS_AND_MONTHS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    september october november december""".split()
)
# Months that are first names too ("April Ryan", "June Carter"): a month after "in", "last"...
_NAME_MONTHS = frozenset("april may june august".split())
# Not "by": "a play by August Strindberg".
_BEFORE_A_DATE = frozenset("in on since until last next this early late mid during through".split())


_GREETINGS = frozenset("dear hey hi hello".split())
# Prepositions capitalised where no sentence start was seen (after a dash, a
# dateline): no name of ours opens with one.
_OPENING_PREPOSITIONS = frozenset("To For With From By At Into Onto Towards Toward".split())


def date_or_greeting(words: list[Token], toks: list[Token]) -> bool:
    """A run's first word is a day, a month, a greeting ("Dear", "Hey") or a
    preposition, and a name follows that is not a body's, place's or event's
    own ("Sunday Times", "Monday Night Football")."""
    low = words[0].bare.lower()
    last = words[-1].bare.lower().rstrip(".")
    if words[0].text in _OPENING_PREPOSITIONS:
        return True  # "(AP) — To LeBron James, …", "For The Associated Press"
    if last in ORG_HEADS or last in PLACE_HEADS or last in EVENT_HEADS:
        return False
    if low in _DAYS_AND_MONTHS or (low in _GREETINGS and words[0].text.istitle()):
        return True
    before = toks[words[0].i - 1].text.lower() if words[0].i > 0 else ""
    return low in _NAME_MONTHS and before in _BEFORE_A_DATE


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Words that make a day's own name with it: "Good Friday", "Super Tuesday", "Black Friday".
_DAY_NAMERS = frozenset("good black super ash easter palm bloody holy cyber maundy shrove fat blue whit low".split())


def ends_with_a_weekday(words: list[Token]) -> bool:
    """A run that ends in a day of the week after a name ("met in Paris Sunday",
    "told CNBC Friday": news style for when), not after an ordinary word that
    makes the day's own name ("Good Friday", "Super Tuesday", "Black Friday")."""
    return (
        len(words) > 1
        and words[-1].bare.lower() in _WEEKDAYS
        and not words[-1].possessive
        and words[-2].bare.lower() not in _DAY_NAMERS
    )


def _unknown_word(word: str) -> bool:
    """A capitalised word no dictionary has ("Volker", "Wilms")."""
    return word[:1].isupper() and word[1:].islower() and not lower_case_word(word)


def place_then_person(words: list[Token]) -> int:
    """Where a person's name starts after a country's name or acronyms in one run
    ("Ukraine Kurt Volker": 1, "AL MVP Miguel Tejada": 2), or 0. The country is no
    first name itself ("Georgia Anne Smith" stays whole); the person is a first name
    (not in capitals) and one or two more words, the last a surname or a word no
    dictionary has, no head ("Boy Scout Association")."""
    g = gazetteer()
    lows = [ascii_fold(w.bare).lower() for w in words]
    connector = any(w.text.lower() in CONNECTORS and not w.text.isupper() for w in words)  # "AL" is a league
    if connector or lows[-1] in ORG_HEADS or lows[-1] in PLACE_HEADS:
        return 0
    for cut in range(1, len(words) - 1):
        if (
            (
                (" ".join(lows[:cut]) in g.countries and not any(low in g.first_names for low in lows[:cut]))
                or all(w.bare.isupper() and len(w.bare) > 1 and w.bare.isalpha() for w in words[:cut])
            )
            and not words[cut].bare.isupper()
            and lows[cut] in g.first_names
            and lows[cut] not in NOT_NAMES
            and 2 <= len(words) - cut <= 3
            and (lows[-1] in g.surnames or _unknown_word(words[-1].bare))
        ):
            return cut
    return 0


def titled_of(words: list[Token]) -> int:
    """Where "of" follows a titled person's name in a run opened by a title
    ("Prince Charles of Wales": 2), or 0 ("Professor of Linguistics", "Secretary
    of State", "Duke Energy of Charlotte": no person between the title and "of")."""
    lows = [w.text.lower() for w in words]
    if "of" not in lows[2:-1]:
        return 0
    cut = lows.index("of", 2)
    person = words[1:cut]
    if person[0].bare.lower().rstrip(".") in TITLES or not person_after_title(person):
        return 0
    return cut


def opens_with_place(words: list[Token]) -> bool:
    """ "New York", "New York Times": a place's name, or a name that starts with
    one (two or three words), keeps its first word at a sentence's start."""
    places = gazetteer().places
    return words[0].bare.lower() != "the" and any(
        gazetteer_key(ascii_fold(" ".join(w.bare for w in words[:n])).lower()) in places
        for n in range(2, min(len(words), 3) + 1)
    )


def after_office_of(words: list[Token]) -> list[Token]:
    """An office "of" what it governs names the place or body, not a person or
    a name of its own: "Mayor of Baltimore", "Prime Minister of India", "CEO of
    Hilton" leave Baltimore, India, Hilton. "State of Ohio" and "Secretary of
    State" are no office of a name (an office word last before "of" keeps the whole)."""
    if "of" not in (w.text for w in words[1:-1]):
        return words
    cut = next(i for i, w in enumerate(words) if w.text == "of")
    office = [w.bare.lower().rstrip(".") for w in words[:cut]]
    if not all(low in TITLES for low in office) or office[-1] in OFFICE_WORDS:
        return words
    rest = words[cut + 1 :]
    if rest and rest[0].text.lower() == "the":
        rest = rest[1:]
    if not rest or rest[0].bare.lower() in OFFICE_WORDS or (len(rest) == 1 and rest[0].bare.lower() in COMPASS):
        return words  # "Minister of State for…": an office again; "Queen of South": a club
    return rest


def ordinary_opening(word: Token) -> bool:
    """A sentence's first word that is an ordinary one, whatever follows: a word
    the dictionary has in lower case and no head, title or place that starts a
    name ("Fans of X", "Residents of X"; not "Bank of X", "Mayor of X", "Isle of X")."""
    low = word.bare.lower()
    return (
        lower_case_word(word.bare)
        and low not in ORG_HEADS
        and low not in PLACE_HEADS
        and low not in EVENT_HEADS
        and low not in TITLES
        and low not in PLACE_FIRST
        and low not in OF_THE_HEADS
        and gazetteer_key(ascii_fold(low)) not in gazetteer().places
    )


def person_after_title(rest: list[Token]) -> bool:
    """What follows a title can be a person's name: a few words, no "of" or
    "for" inside, not ending in a body's, place's or event's head ("Professor
    of Linguistics", "State Prize" and "Energy Forum" are not a titled person)."""
    lows = [w.bare.lower().rstrip(".") for w in rest]
    if len(lows) > 4 or lows[0] in CONNECTORS or any(w in ("of", "for", "and") for w in lows):
        return False
    last = lows[-1]
    if (
        (last in PLACE_HEADS or last in NATURAL_HEADS)
        and len(lows) >= 2
        and ascii_fold(lows[-2]) in gazetteer().first_names
    ):
        # "Christopher Hill", "Neil Parish": a surname that is a place's head too,
        # after a first name, is a titled person's.
        return last in gazetteer().surnames
    return last not in ORG_HEADS and last not in EVENT_HEADS and last not in PLACE_HEADS and last not in NATURAL_HEADS


def reads_as_title(title: Token, rest: list[Token]) -> bool:
    """The word before `rest` is a title as written: an honorific in capitals
    before a name that is not is an acronym ("MS Windows", "MX Onda")."""
    low = title.bare.lower().rstrip(".")
    return not (low in HONORIFICS and title.bare.isupper() and len(low) > 1 and not rest[0].bare.isupper())


def opening_verb_or_adverb(word: Token) -> bool:
    """A sentence's first word that is a participle or an adverb the dictionary
    writes in lower case only: "Visiting Russia…", "Meanwhile Google…",
    "Unfortunately Apple…" open the sentence before the name; names rarely start
    with one (those that do are titles of works, no entity of ours)."""
    low = word.bare.lower()
    g = gazetteer()
    return (
        (low.endswith(("ing", "ly")) or low in _OPENING_ADVERBS)
        and ordinary_opening(word)
        and low not in g.first_names  # "Billy Ashley", "Sterling Moss"
        and low not in g.surnames  # "Manning", "Fleming"
    )


_OPENING_ADVERBS = frozenset("meanwhile however instead still yet also later then thus hence nonetheless".split())


_CAMEL = re.compile(r"[a-z][A-Z]")
# Places named after a company or a river ("Invesco Field", "Amazon Basin"), not its products.
_VENUE_HEADS = frozenset("field basin ballpark dome rainforest".split())


def maker_then_product(words: list[Token]) -> bool:
    """A company's one-word name (the table's, or a brand's) that is no first
    name nor place, then words that end in no head of a body, place or event and
    hold no title: a product line ("Nintendo Switch"), not a body ("Apple Music
    Group") nor "Ford Madox Ford"."""
    table, g = company_names(), gazetteer()
    maker = ascii_fold(words[0].bare).lower()
    if len(words) < 2 or not (maker in table.names or maker in table.brands) or words[0].possessive:
        return False
    if maker in g.first_names or maker in g.places or words[1].text.lower() in CONNECTORS:
        return False
    if words[0].bare.isupper() or lower_case_word(words[0].bare):
        return (
            False  # "CBS Cable", "NBA Cavaliers", "Shell Universe": an acronym's or a word's run is a name of its own
        )
    rest = [ascii_fold(w.bare).lower().rstrip(".") for w in words[1:]]
    heads = ORG_HEADS | PLACE_HEADS | NATURAL_HEADS | EVENT_HEADS | COMPANY_SUFFIXES | _VENUE_HEADS
    # A title as written ("Apple CEO Tim Cook" keeps its own rule); a model in capitals is none ("MX").
    titled = any(
        low in TITLES and not (w.bare.isupper() and low not in ("ceo", "cfo"))
        for low, w in zip(rest, words[1:], strict=True)
    )
    # Products are named with words, numbers and capitals ("Switch", "Core i7", "MX
    # Master", "PlayStation"); a word of neither is as likely a surname ("Atari Bigby").
    productlike = all(
        lower_case_word(w.bare) or any(c.isdigit() for c in w.bare) or w.bare.isupper() or _CAMEL.search(w.bare)
        for w in words[1:]
    )
    return productlike and rest[-1] not in heads and not titled and not any(w in ORG_HEADS for w in rest)
