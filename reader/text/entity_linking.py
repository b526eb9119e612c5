"""One article's entities from its candidate spans: mentions link to the
longest name they belong to, other names of one entity (the alias table) are
one, the evidence of every mention adds up, and the archive's decision on a
name (corrections first) overrides it: one name, one type per article."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from reader.model import Block
from reader.text.archive_names import alias_of, body_tails, group_singular, same_entity
from reader.text.dictionary_words import lower_case_word
from reader.text.entity_cues import OUTCOMES, deciding, scores
from reader.text.entity_evidence import NOT_PERSON_CUES, NOT_PERSON_FIRST, Span
from reader.text.gazetteer import ascii_fold
from reader.text.vocab import CONNECTORS


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


# A candidate is a name when the evidence of its mentions gives it at least
# this probability of being one (1 - P(no entity)); its likeliest type is
# shown when that type has at least UNCERTAIN_BELOW, else it is a plain name
# ("NAME", no type colour): precision first. Both set on development data by
# leave-one-set-out fits (python -m tests.eval.sweep_entity_decision): 0.50 /
# 0.45 is the most precise pair within 0.002 of the best held-out mean F1.
ENTITY_AT_LEAST = 0.5
UNCERTAIN_BELOW = 0.45
UNCERTAIN = "NAME"
_NONE = OUTCOMES.index("NONE")
# The place gazetteer's cues, which a surname standing for a person named in full does not read.
_PLACE_HITS = frozenset({"place", "minor_place", "country"})
# Heads of schools' names, which are called by their first word (Harvard, Stanford, Eton).
SCHOOL_HEADS = frozenset("university college school academy polytechnic".split())


def link(
    spans: list[Span], blocks: Sequence[Block], explain: list[str] | None = None, known: Mapping[str, str] = {}
) -> list[Entity]:
    """Group mentions into entities; each entity's type is the decision over
    the evidence of all its mentions, unless the archive has decided the name
    (`known`: corrections first, then most of its articles): one name, one type.
    A country's other names (US, U.S., USA, America's long forms) are one entity."""
    # Longest names first, so shorter mentions find the full name they belong to.
    order = sorted(range(len(spans)), key=lambda i: -len(spans[i].words))
    # Lone words a title only people carry names more than once ("Mr. Trump" all
    # through a piece; one "Miss Thing" is as likely a character or a nickname).
    titled_twice = Counter(s.words[0] for s in spans if len(s.words) == 1 and s.person_title)
    entities: list[Entity] = []
    belief: list[list[float]] = []  # summed outcome probabilities per entity
    # The same, of the mentions inside a sentence only: a word is capitalised at
    # a sentence's start whatever it is, so where the article also writes the
    # name inside sentences, those mentions decide its type ("Apple hogs…",
    # "Apple renamed…" at sentences' starts outweighed "as Apple decided…").
    inside: list[list[float] | None] = []
    groups: list[int] = []  # mentions told as a people's name by word form
    by_key: dict[str, int] = {}  # folded full name → entity
    by_word: dict[str, list[int]] = {}  # folded single word of a multi-word name → entities
    by_tail: dict[str, list[int]] = {}  # folded last words of a body's longer name → entities
    by_initials: dict[str, list[int]] = {}  # initials of a longer name's capitalised words → entities
    mention_scores: dict[int, tuple[float, ...]] = {}
    ends_a_plain_name: list[str | None] = []  # per entity: its last word, if its name is shaped like a person's
    opened_by_a_word: list[bool] = []  # per entity: its name opens a sentence with an ordinary word
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
        calls_back_a_thing = surname_of_a_person = linked_acronym = False
        if target is None and len(span.words) == 1 and span.type != "GROUP":
            # (A people's name is no word of a longer one: "Arab" of "United Arab Emirates".)
            # "Lukashenko", "Mr Lukashenko", "Lukashenko's" → "Alexander Lukashenko";
            # a lone word links only to a single person (or place) it is part of.
            candidates_ = by_word.get(key, [])
            linkable = [c for c in candidates_ if _lean(belief[c], groups[c]) in ("PERSON", "PLACE")]
            own_place = "place" in span.cues and "lone_compass" not in span.cues  # "South" of "South Sydney" links
            if own_place and any(_lean(belief[c], groups[c]) == "PLACE" for c in linkable):
                # A place of its own name is no part of a longer place's ("California"
                # of "Northern California", "India" of "North India").
                linkable = []
            if not linkable and span.type is None and not _town_named(span.cues):
                # "Romney" after "Mitt Romney", whose own one mention the evidence
                # left open: a lone word that ends one name shaped like a person's is
                # that name's surname, and its mentions decide the whole.
                ends = [c for c in candidates_ if ends_a_plain_name[c] == key]
                linkable = [c for c in ends if not opened_by_a_word[c]] or ends
            target = linkable[0] if len(linkable) == 1 else None
            surname_of_a_person = target is not None and _lean(belief[target], groups[target]) == "PERSON"
            if target is None and not _town_named(span.cues):
                # "Harvard" after "Harvard University": a school called by its first
                # word (not "Washington" of "Washington University": a town's name).
                schools = [c for c in candidates_ if _school_of(entities[c].name, key, belief[c], groups[c])]
                target = schools[0] if len(schools) == 1 else None
                calls_back_a_thing = target is not None  # the school's full name decides its type
            if target is None and "acronym" in span.cues:
                # "Kurdistan Democratic Party (KDP)": an acronym of the one body (or
                # place) the article names in full with those initials is that name.
                named = by_initials.get(span.words[0].replace(".", ""), [])
                bodies = [c for c in named if _lean(belief[c], groups[c]) in ("ORG", "PLACE")]
                target = bodies[0] if len(bodies) == 1 else None
                linked_acronym = target is not None
            if target is None:
                # "Sandy" after "Hurricane Sandy": the storm (the operation, the
                # project) called back by its own name, not a person of that name.
                things = [c for c in candidates_ if _names_a_thing(entities[c].name, belief[c], groups[c])]
                target = things[0] if len(things) == 1 else None
                calls_back_a_thing = target is not None
        elif target is None:
            # "Wilson Center" after "Woodrow Wilson Center": a body's name called
            # back by its last words links to the one longer name that ends so.
            bodies = [c for c in by_tail.get(key, []) if _lean(belief[c], groups[c]) == "ORG"]
            target = bodies[0] if len(bodies) == 1 else None
        text = blocks[span.block].text[span.start : span.end]
        mention = Mention(span.block, span.start, span.end, text)
        if target is None:
            target = len(entities)
            entities.append(Entity(name=" ".join(span.words), type="?", mentions=[]))
            ends_a_plain_name.append(_plain_name_end(span))
            opened_by_a_word.append(_opened_by_a_word(span))
            belief.append([0.0] * len(OUTCOMES))
            inside.append(None)
            groups.append(0)
            by_key[key] = target
            if len(span.words) >= 2:
                for word in span.words:
                    low = ascii_fold(word).lower()
                    if low not in CONNECTORS:
                        by_word.setdefault(low, []).append(target)
            for tail in body_tails(key):
                by_tail.setdefault(tail, []).append(target)
            initials = "".join(w[0] for w in span.words if w[:1].isupper())
            if len(initials) >= 2 and len(span.words) >= 2:
                by_initials.setdefault(initials, []).append(target)
        entities[target].mentions.append(mention)
        if span.type == "GROUP":
            groups[target] += 1
        elif calls_back_a_thing:
            pass  # the longer name decides: "Sandy" after "Hurricane Sandy" is the storm
        else:
            # It stands for a longer name, or a title only people carry names it
            # ("Mr. Trump", "President Trump": a dictionary word, yet someone).
            titled = (
                len(span.words) == 1
                and span.person_title
                and "acronym" not in span.cues
                and ("common_word" not in span.cues or titled_twice[span.words[0]] >= 2)
            )
            is_a_name = surname_of_a_person or linked_acronym or titled
            p = _as_part_of_a_name(span.cues) if is_a_name else scores(span.cues)
            mention_scores[i] = p
            # Evidence adds up across mentions: log-probabilities are summed.
            logs = [math.log(b) for b in p]
            belief[target] = [a + b for a, b in zip(belief[target], logs, strict=True)]
            if "sentence_start" not in span.cues:
                so_far = inside[target] or [0.0] * len(OUTCOMES)
                inside[target] = [a + b for a, b in zip(so_far, logs, strict=True)]
    out: list[Entity] = []
    for n, (entity, everywhere) in enumerate(zip(entities, belief, strict=True)):
        summed = inside[n] or everywhere
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


def _as_part_of_a_name(cues: tuple[str, ...]) -> tuple[float, ...]:
    """A lone word's evidence where it stands for a longer name the article
    gave: the surname of a person named in full ("Bush" after "George W. Bush"),
    the acronym of a body ("KDP"). It is a name, so it does not vote for no
    entity; and a town the gazetteer has of that name is no evidence of a place."""
    p = list(scores(tuple("lone_surname" if c == "surname_place" else c for c in cues if c not in _PLACE_HITS)))
    p[_NONE] = min(x for i, x in enumerate(p) if i != _NONE)
    total = sum(p)
    return tuple(x / total for x in p)


def _town_named(cues: tuple[str, ...]) -> bool:
    """A lone word the gazetteer has as a city's or a country's name and no title
    makes a person's ("France" is no part of "Air France"; "Mr. Romney" is Romney's)."""
    town = {"place", "minor_place", "country"}.intersection(cues)
    return bool(town) and not {"title", "honorific"}.intersection(cues)


# Cues that make a longer name something other than a person's: the candidates'
# own set, and a company's or a thing's first word.
_NOT_A_PERSONS = NOT_PERSON_CUES | {"company", "thing_first"}


def _plain_name_end(span: Span) -> str | None:
    """The folded last word of a two- or three-word name with no word of a
    body's, place's or event's name in it and no "of", "and", "the" ("Mitt
    Romney"; not "Bank of America", "Hong Kong Airlines"), else None."""
    if span.type is not None or not 2 <= len(span.words) <= 3 or _NOT_A_PERSONS.intersection(span.cues):
        return None
    lows = [ascii_fold(w).lower() for w in span.words]
    if any(low in CONNECTORS or low in ("and", "the", "&") for low in lows):
        return None
    return lows[-1]


def _opened_by_a_word(span: Span) -> bool:
    """A name that opens a sentence with a word the dictionary has in lower case:
    "Mitt Romney" or "Multiple Romney advisers", the lesser of two to link to."""
    return "sentence_start" in span.cues and lower_case_word(span.words[0])


def _school_of(name: str, word: str, summed: list[float], groups: int) -> bool:
    """`name` is a school's, a body that starts with `word` and ends in a school's head."""
    words = ascii_fold(name).lower().split()
    return len(words) == 2 and words[0] == word and words[1] in SCHOOL_HEADS and _lean(summed, groups) == "ORG"


def _names_a_thing(name: str, summed: list[float], groups: int) -> bool:
    """A name the evidence leaves no entity whose first word says what kind of
    thing it names (Hurricane Sandy, Operation Barbarossa)."""
    return _lean(summed, groups) == "NONE" and ascii_fold(name.split()[0]).lower() in NOT_PERSON_FIRST


def _lean(summed: list[float], groups: int) -> str:
    if groups and not any(summed):
        return "GROUP"
    return OUTCOMES[max(range(len(summed)), key=summed.__getitem__)]


def _decide(summed: list[float], groups: int) -> tuple[str | None, float]:
    """(type, its probability), or (None, P(no entity)).

    Two questions, in order: is it a name at all (P(entity) = 1 - P(NONE) at
    least ENTITY_AT_LEAST), then which type (the likeliest, shown when its
    probability is at least UNCERTAIN_BELOW, else a plain name). Asked as one
    argmax over four outcomes, a name the three types split lost to NONE at
    0.3-0.5, and most of the names missed were that."""
    if groups and not any(summed):
        return "GROUP", 1.0
    top = max(summed)
    exp = [math.exp(x - top) for x in summed]
    total = sum(exp)
    none = exp[_NONE] / total
    if 1.0 - none < ENTITY_AT_LEAST:
        return None, none
    types = [i for i in range(len(OUTCOMES)) if i != _NONE]
    best = max(types, key=exp.__getitem__)
    share = exp[best] / total
    return (OUTCOMES[best] if share >= UNCERTAIN_BELOW else UNCERTAIN), share
