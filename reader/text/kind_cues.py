"""What kind of thing the text says a name is: "Champdor is a commune",
"Killing Joke, an English rock band", "the island of Divar", "the band Cult".

Writers define a name they expect the reader not to know, and the noun they
define it by types it better than anything in the name itself: an unknown
village, band or footballer is otherwise only a capitalised word. One cue a
kind (`described_place`, `described_org`, `described_person`), weighed by the
fitted decision like every other.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.text.entity_tokens import Token
from reader.text.vocab import ORG_CUES, PERSON_NOUNS, SPEECH_VERBS

PLACE_KINDS = frozenset(
    """village town city commune municipality hamlet suburb neighbourhood neighborhood borough
    township parish settlement locality island islands archipelago atoll river lake mountain
    peak volcano glacier valley canyon desert forest peninsula bay sea ocean creek stream
    tributary waterfall strait cape plateau region province county district state country
    nation kingdom empire republic capital port harbour harbor canton oblast prefecture
    territory colony emirate governorate metropolis street road avenue square highway stadium
    arena airport""".split()
)
ORG_KINDS = frozenset(
    """company firm corporation business startup start-up conglomerate subsidiary manufacturer
    maker retailer chain brand label publisher broadcaster network newspaper magazine tabloid
    daily weekly journal outlet website agency organisation organization charity nonprofit
    non-profit foundation institute association society union federation league party
    coalition alliance movement militia band orchestra choir ensemble club team airline bank
    insurer lender carrier operator supplier distributor developer studio university college
    school academy ministry council committee regiment battalion squadron brigade""".split()
)
PERSON_KINDS = PERSON_NOUNS | frozenset(
    """man woman boy girl member footballer cricketer politician businessman businesswoman
    philosopher mathematician physicist chemist biologist engineer inventor explorer athlete
    boxer wrestler swimmer cyclist golfer sprinter jockey racer missionary theologian
    diplomat statesman lyricist vocalist bassist frontman founder president king queen prince
    princess emperor saint""".split()
)
# Words that end the phrase a name is described by ("a village in …", "a band that …").
_STOPS = frozenset(
    """of in on at for from by with that which who whose where when and or but to as near
    between since after before while""".split()
)
_COPULAS = frozenset("is was are were".split())
_ARTICLES = frozenset("a an the".split())
_LONGEST_DESCRIPTION = 6  # words after the article: "an American alternative rock band"


def _kind(word: str) -> str | None:
    low = word.lower()
    for form in (low, low[:-1] if low.endswith("s") else "", low[:-3] + "y" if low.endswith("ies") else ""):
        if not form:
            continue
        if form in PLACE_KINDS:
            return "place"
        if form in ORG_KINDS:
            return "org"
        if form in PERSON_KINDS:
            return "person"
    return None


def _described_from(toks: Sequence[Token], i: int) -> str | None:
    """The kind of the last kind noun of the phrase that opens with an article at toks[i]."""
    if i >= len(toks) or toks[i].text.lower() not in _ARTICLES or toks[i].sentence_start:
        return None
    found = None
    for k in range(i + 1, min(i + 1 + _LONGEST_DESCRIPTION, len(toks))):
        tok = toks[k]
        low = tok.text.lower()
        if low.endswith(("'s", "’s")):
            found = None  # "the team's sole member": the head comes after the possessive
            continue
        if low in SPEECH_VERBS:
            return None  # "Ezer Weizman, the ministry said": a clause of its own, no description
        if tok.sentence_start or low in _STOPS or not (tok.text[:1].isalpha()):
            break
        kind = _kind(tok.text) if tok.text.islower() or "-" in tok.text else None
        if kind:
            found = kind
    return found


def kind_cue(toks: Sequence[Token], first: int, last: int, text: str) -> str | None:
    """`described_<kind>` when the name toks[first..last] is defined by a kind noun:
    "X is a small village", "X, an English rock band", "the island of X", "the band X"."""
    after = last + 1
    kind = None
    if after < len(toks) and not toks[after].sentence_start:
        between = text[toks[last].end : toks[after].start].strip()
        if between == "," or (not between and toks[after].text.lower() in _COPULAS):
            kind = _described_from(toks, after + (between != ","))
    if kind:
        return "described_" + kind
    if first < 1 or text[toks[first - 1].end : toks[first].start] != " ":
        return None  # "the committee, Anatoly Gorokhovsky": a comma between, no description
    if (
        first >= 3
        and toks[first - 1].text == "of"
        and toks[first - 3].text.lower() == "the"
        and toks[first - 2].text.islower()
        and _kind(toks[first - 2].text) == "place"
    ):
        return "described_place"  # "the island of Divar", "the city of Brampton"
    before = toks[first - 1].text
    if before.islower() and before not in ORG_CUES and _kind(before) == "org":
        # "the band Killing Joke", "independent label Food" ("the firm X" is org_cue's)
        return "described_org"
    return None
