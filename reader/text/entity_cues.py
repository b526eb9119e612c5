"""Evidence and a decision for one candidate name: which cues it shows, and
which type (or none) they add up to.

Each cue is a named, yes-or-no fact about a candidate span and its
neighbours (a title before it, a speech verb after it, an organisation's
head word, a gazetteer hit…). The decision is a linear score per type over
those cues, with the weights kept as data in `entity_weights.json` beside
this module; `python -m tests.eval.fit_entity_weights` fits them on
development data only (gum-dev, CoNLL testa, WikiGold) and writes that file.
A new cue is one line here and a refit; `newsreader analyze --explain` prints
the cues that decided each mention.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

# The decision's outcomes: the three typed kinds and "no entity". GROUP
# (demonyms) is told by word form, before the decision, and is not scored.
OUTCOMES = ("PERSON", "PLACE", "ORG", "NONE")
# NEWSREADER_ENTITY_WEIGHTS: another weights file, for scoring a fit held out from a set.
WEIGHTS_PATH = Path(os.environ.get("NEWSREADER_ENTITY_WEIGHTS") or Path(__file__).with_name("entity_weights.json"))

# What each cue means, for --explain and for whoever adds the next one.
CUES = {
    "bias": "always on (the prior of each outcome)",
    "one_word": "a single word",
    "two_words": "two words",
    "three_words": "three words",
    "long": "four or more words",
    "sentence_start": "the first word starts a sentence",
    "start_speaks": "starts a sentence and a speech verb follows",
    "title": "a title of office was peeled off before it (President, Councillor…)",
    "honorific": "an honorific was peeled off before it (Mr, Dr, Sir…)",
    "speech_after": "a speech verb follows in the same sentence",
    "possessive": "ends in a possessive ('s)",
    "place": "the whole name is in the place gazetteer",
    "lone_surname": "a single word that is one of the 5,000 commonest US surnames (census 1990), no place",
    "surname_place": "a single word that is one of the 5,000 commonest US surnames and a place's name",
    "surname_last": "the last of several words is one of the 20,000 commonest US surnames",
    "country": "the whole name is a country",
    "minor_place": "the gazetteer's only place of this name is a town under 100,000 people (Obama, Chelsea)",
    "small_place": "the gazetteer's only place of this name is a town of 1,000 to 15,000 people (Faaborg, Gordon)",
    "country_code": "an acronym the alias table gives a country (US, UK, UAE; not AI, PC)",
    "acronym": "all capitals, 2-8 letters",
    "has_acronym": "several words, one of them an acronym",
    "dateline": "a capitalised place leading a line (LONDON)",
    "first_name": "the first word is a first name",
    "initial": "the first word is an initial (J.)",
    "org_head": "ends in an organisation's head word (Ministry, Party, Bank…)",
    "org_head_inner": "an organisation's head word inside it (Academy of Sciences)",
    "place_head": "ends in a place's head word or a compass word (River, Sea, East)",
    "place_first": "starts with a place's leading word (Mount, Lake, Cape)",
    "region": "a compass region (the Midwest, West Bank)",
    "place_head_after": "a place's head word follows (… border, … region)",
    "org_cue": "a company word beside it (tyre giant X, X news agency)",
    "prep_before": "a place preposition before it (in, at, from…)",
    "the_before": "'the' before it",
    "region_after": "a comma and a state, province or country after it (Marion, Ohio; Victoria, B.C.)",
    "person_noun_before": "a lower-case noun for a person right before it ('her son Tom', 'economist Ann Lee')",
    "det_before": "a, an, your, his... before it ('your Mac', 'a PlayStation')",
    "event_head": "ends in an event's head word (Cup, Open, Finals…)",
    "thing_first": "starts with a word that makes a thing of it (Storm, Operation)",
    "team_score": "a place followed by a score, in a table-like paragraph",
    "results_line": "a lone name between scores",
    "table_row": "a place leading a row of a table in capitals",
    "one_of_a_kind": "a lone head word that still names one body (Congress, Reuters)",
    "kind_only": "a lone head word that names only a kind (the Ministry)",
    "lower_elsewhere": "the article also writes this word in lower case",
    "hyphenated": "a hyphenated word in it",
    "lone_first_name": "one word that is a first name (Barb, Jennifer) and no word the dictionary writes in lower case",
    "lone_first_name_common": "a first name that the dictionary writes in lower case too (Hope, Will, Ah, General)",
    "regnal": "a first name (or a titled name) and a ruler's number: Louis XV, Henry VIII, Tsar Aleksei I",
    "common_word": "one word the dictionary writes in lower case only (Figure, Therefore, Farm)",
    "dictionary_name": "one word the dictionary itself capitalises and no first name (America, Theseus, Christmas)",
    "unknown_word": "one word the dictionary lacks and no first name (Warhol, Google, Kukulkan)",
    "start_common": "one common word (or a first name that is one) opening a sentence (Therefore, Come, Hope)",
    "unknown_words": "several words, each a capitalised one the dictionary lacks (Rabindranath Tagore, Jensen Ackles)",
    "common_words": "several words, each one the dictionary writes in lower case (Property Rights, Melon Pink)",
    "known_PERSON": "the archive has this name as a person in many articles",
    "known_PLACE": "the archive has this name as a place in many articles",
    "known_ORG": "the archive has this name as an organisation in many articles",
    "capitalised_throughout": "a dictionary word capitalised inside sentences twice or more, never in lower case",
    "surname_of_name": "a lone word the article also uses as the last word of a longer name",
    "called_back": "a longer name the article calls back by its last word",
    "lone_compass": "a compass word alone (West, Southern, Western): a direction, a region or an adjective",
    "titled_place": "a town's name with a title or honorific before it (Governor Preston): in place of the place cues",
    "company": "the whole name is in the company table (company_names.json: Apple, Ford Motor)",
    "company_short": "a lone word that is a company's short name in the table (Ford, Palantir)",
    "company_place": "a company in the table that is a place too (Toyota)",
    "brand": "a brand with a logo in the table that is no listed company (Google, YouTube; Linux, Python too)",
    "business_verb": "a company's verb follows (announced, launched, unveiled, acquired…)",
    "business_possessive": "a company's noun after its possessive (X's shares, chief, customers…)",
    "business_before": "shares of, a stake in, employees at… before it",
    "described_place": "the text defines it as a place: X is a village, X, a town in…, the island of X",
    "described_org": "the text defines it as a body: X is a company, X, an English rock band, the band X",
    "described_person": "the text defines it as a person: X is an English footballer, X, a spokesman for…",
    "listing": "a stock listing follows it ((NASDAQ: …)",
    "title_after": "a title of office follows it, then a name (House Speaker …, Apple CEO …)",
    "headline_case": "its line is in title case: nearly every word capitalised (a headline, a heading)",
    "suffix_in_article": "the article also writes this name with a company's suffix (X Inc., X plc)",
    "headline_run": "three or more words of a title-case line run together (most of a headline, not a name)",
    "camel_case": "a capital inside a word (NationsBank, JetBlue): how brands are written",
    "plural_head": "several words ending in a plural (Arctic Monkeys, Red Wings): a team, a band, a body",
    "plural_head_after_place": "a place, then a plural (Dallas Cowboys, Pittsburgh Pirates): mostly a team",
    "sports_article": "the article is a sports report (several sport words: match, goals, innings…)",
    "sport_place": "a town or region (not a country) named in a sports report: mostly its team",
    "tagger_TYPE": "the statistical tagger (entity_tagger.py) tags exactly this span TYPE",
    "tagger_TYPE_sure": "… and its every label there has a marginal probability of at least 0.9",
    "tagger_TYPE_maybe": "the tagger chose otherwise but finds this exact span a TYPE at a probability >= 0.25",
    "tagger_TYPE_part": "the tagger types part of this span TYPE, but not this exact span",
    "tagger_outside": "the tagger labels every word of it outside any name",
    "tagger_outside_acronym": "the tagger sees no name in an acronym (its training text has few: weighed apart)",
    "tagger_outside_sure": "… each with a marginal probability of at least 0.9",
    "before:WORD": "this function word just before it (of, by, with…: vocabulary in entity_evidence.CONTEXT_WORDS)",
    "after:WORD": "this function word just after it",
}


@functools.cache
def _weights_data() -> dict[str, object]:
    return json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@functools.cache
def weights() -> dict[str, dict[str, float]]:
    """outcome → cue → weight, from the data file (a cue missing there weighs 0)."""
    table = _weights_data()["weights"]
    return {outcome: dict(table.get(outcome, {})) for outcome in OUTCOMES}  # type: ignore[attr-defined]


def tagger_model() -> Path | None:
    """The statistical tagger's model file the weights were fitted with (their
    `tagger` entry, beside the weights file), or None: weights fitted without
    the tagger's cues are read without the tagger."""
    name = _weights_data().get("tagger")
    return WEIGHTS_PATH.parent / str(name) if name else None


def scores(cues: Iterable[str], table: Mapping[str, Mapping[str, float]] | None = None) -> tuple[float, ...]:
    """Probabilities of each outcome (in OUTCOMES order) given the cues."""
    table = table or weights()
    logits = [sum(table[o].get(c, 0.0) for c in cues) + table[o].get("bias", 0.0) for o in OUTCOMES]
    top = max(logits)
    exp = [math.exp(x - top) for x in logits]
    total = sum(exp)
    return tuple(e / total for e in exp)


def deciding(cues: Iterable[str], outcome: str, n: int = 3) -> list[tuple[str, float]]:
    """The cues that pushed most towards `outcome` against the runner-up, with their pull."""
    table = weights()
    others = [o for o in OUTCOMES if o != outcome]
    pull = {c: table[outcome].get(c, 0.0) - max(table[o].get(c, 0.0) for o in others) for c in cues}
    return sorted(pull.items(), key=lambda kv: -kv[1])[:n]
