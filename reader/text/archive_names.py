"""One name, one type, across an archive: which names are one entity, and
the type the archive's evidence gives it.

An article alone decides its entities from its own text; the archive sees
more. Here, from how many articles give each (name, type), every name gets
the name the reader sees and one type:

- other names of one entity (US, U.S., America → United States; Britain, UK
  → United Kingdom; EU → European Union) map to one name, from a small alias
  table kept as data (`name_aliases.json`) and the gazetteer's country names;
- "The Associated Press" is "Associated Press" when the archive has both;
- a people's plural is its singular (Americans → American, both GROUP);
- a lone word that the archive's people are called by, when one full name
  holds most of that surname's articles (Trump → Donald Trump) and the word is
  not, on the archive's evidence, mostly something else (Washington);
- a body's name called by its last words, when one longer organisation so
  ending holds most of those articles (Wilson Center → Woodrow Wilson Center);
- the type is the one at least half of the merged name's articles give it,
  and more than give any other type; where no type has that, the name is shown
  plain (NAME): a type from a few articles, where most could not tell, would be
  a guess spread to all of them. A surname merged into a person is that person.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.text.corrections import Correction, apply
from reader.text.gazetteer import ascii_fold, gazetteer, is_demonym
from reader.text.vocab import CONNECTORS, ORG_HEADS

ALIASES_PATH = Path(__file__).with_name("name_aliases.json")
TYPED = ("PERSON", "PLACE", "ORG", "GROUP")
# A full name stands for its surname across the archive when it holds at least
# this share of the articles of the people so called, in three articles or more.
SURNAME_SHARE = 0.6
SURNAME_MIN_ARTICLES = 3


@functools.cache
def _alias_table() -> dict[str, str]:
    data = json.loads(ALIASES_PATH.read_text(encoding="utf-8"))
    table = {}
    for shown, aliases in data["aliases"].items():
        table[_fold(shown)] = shown
        for alias in aliases:
            table[alias] = shown
    return table


def _fold(name: str) -> str:
    return ascii_fold(name).lower().replace(".", "")


def _countable(name: str) -> bool:
    """A short alias counts only in capitals ("US", not "Us"), so a word that
    happens to spell it is left alone."""
    return len(name.replace(".", "")) > 3 or name.isupper()


def alias_of(name: str) -> str | None:
    """The name the reader sees for another name of the same entity, or None:
    the alias table's ("U.S.", "America" → "United States"; "Britain" →
    "United Kingdom"), or a country code's country ("USA")."""
    if not _countable(name):
        return None
    key = _fold(name)
    shown = _alias_table().get(key)
    if shown is None and len(key) <= 3:
        shown = gazetteer().country_aliases.get(key)
    return shown


def same_entity(name: str) -> str | None:
    """The key (lower case) of the entity another name of it stands for, or
    None: the alias table's and the gazetteer's country names ("Czech Republic"
    and "Czechia" are one country; written out, each is shown as written)."""
    if not _countable(name):
        return None
    key = _fold(name)
    shown = _alias_table().get(key) or gazetteer().country_aliases.get(key)
    return ascii_fold(shown).lower() if shown else None


@dataclass
class _Name:
    """What the archive says of one name (any case)."""

    votes: Counter[str] = field(default_factory=Counter)  # type → articles
    written: Counter[str] = field(default_factory=Counter)  # as written → articles

    @property
    def articles(self) -> int:
        return sum(self.votes.values())

    def lean(self) -> str:
        """The type the most articles give the name (typed votes before the
        untyped NAME): which way a name leans, for merging."""
        typed = [(n, t) for t, n in self.votes.items() if t in TYPED]
        if typed:
            return max(typed, key=lambda nt: (nt[0], -TYPED.index(nt[1])))[1]
        return max(self.votes.items(), key=lambda kv: kv[1])[0]

    def decided(self) -> str:
        """The type the archive shows: one that at least half of the articles
        give the name and more than give any other type, else NAME (plain)."""
        typed = sorted(((n, t) for t, n in self.votes.items() if t in TYPED), reverse=True)
        if not typed:
            return max(self.votes.items(), key=lambda kv: kv[1])[0]
        (top, kind), rest = typed[0], typed[1:]
        if 2 * top >= self.articles and (not rest or top > rest[0][0]):
            return kind
        return "NAME"


def decide(rows: Iterable[tuple[str, str, int]]) -> dict[str, tuple[str, str]]:
    """For rows of (name as written, type, articles): each name's casefolded
    form → (the name the reader sees, its type)."""
    names: dict[str, _Name] = defaultdict(_Name)
    for name, kind, articles in rows:
        entry = names[name.casefold()]
        entry.votes[kind] += articles
        entry.written[name] += articles
    variants = _merge_spellings(names)
    target: dict[str, str] = {}  # key → the key it is another name of
    shown_alias: dict[str, str] = {}  # key → its entity's name, where no row of the archive has it
    for key, entry in names.items():
        written = max(entry.written.items(), key=lambda kv: kv[1])[0]
        same = same_entity(written)
        if same is not None:
            alias = alias_of(written)
            if alias is not None:
                shown_alias[key] = alias
            target[key] = same
            continue
        if key.startswith("the ") and key[4:] in names:
            target[key] = key[4:]
        elif key.endswith("s") and entry.lean() == "GROUP" and _group_singular(key, names):
            target[key] = key[:-1]
            if key[:-1] not in names:
                shown_alias[key] = written[:-1]
    surnames = _surname_targets(names)
    target.update({k: v for k, v in surnames.items() if k not in target and v != k})
    target.update({k: v for k, v in _tail_targets(names).items() if k not in target})

    def root(key: str) -> str:
        seen = set()
        while key in target and key not in seen and target[key] != key:
            seen.add(key)
            key = target[key]
        return key

    members: dict[str, list[str]] = defaultdict(list)
    for key in names:
        members[root(key)].append(key)
    out: dict[str, tuple[str, str]] = {}
    for top, keys in members.items():
        # A surname merged into a person does not vote: it is that person.
        voters = [k for k in keys if k not in surnames] or keys
        votes: Counter[str] = Counter()
        for k in voters:
            votes.update(names[k].votes)
        merged_surname = any(k in surnames for k in keys)
        kind = "PERSON" if merged_surname else _Name(votes=votes).decided()
        aliased = [shown_alias[k] for k in keys if k in shown_alias]
        if aliased:
            shown = aliased[0]
        else:  # the root's own form, else (a country no row names as the gazetteer does) the commonest
            forms = names[top].written if top in names else sum((names[k].written for k in keys), Counter())
            shown = max(forms.items(), key=lambda kv: kv[1])[0]
        for k in keys:
            out[k] = (shown, kind)
    for variant, key in variants.items():
        out[variant] = out[key]
    return out


_DOTS_AND_DASHES = re.compile(r"[.\-\u2010-\u2014]")
_LETTER_THEN_LETTER = re.compile(r"\b(\w) (?=\w\b)")


def spelling_key(name: str) -> str:
    """One key for the ways pages spell one name: "D.C." and "DC", "W.M. Keck"
    and "W. M. Keck", "al-Fayed" and "Al Fayed", "São Paulo" and "Sao Paulo",
    "Val-d'Or" and "Val-d’Or". Words run together ("JetBlue", "Jet Blue") stay apart."""
    folded = ascii_fold(name).lower().replace("'", "")
    spaced = " ".join(_DOTS_AND_DASHES.sub(" ", folded).split())
    return _LETTER_THEN_LETTER.sub(r"\1", spaced)


def _merge_spellings(names: dict[str, _Name]) -> dict[str, str]:
    """Fold the names that are one name spelled otherwise into the one most
    articles write, in place; returns each folded key → the key it went into."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for key in names:
        spellings[spelling_key(key)].append(key)
    variants = {}
    for keys in spellings.values():
        if len(keys) < 2:
            continue
        top = max(keys, key=lambda k: (names[k].articles, k))
        for key in keys:
            if key != top:
                names[top].votes.update(names[key].votes)
                names[top].written.update(names[key].written)
                del names[key]
                variants[key] = top
    return variants


def group_singular(word: str) -> str | None:
    """A people's plural's singular ("Americans" → "American", "Israelis" →
    "Israeli"), or None: one people, one entity."""
    if len(word) > 4 and word.endswith("s") and word[-2:] != "ss" and is_demonym(word[:-1]):
        return word[:-1]
    return None


def _group_singular(key: str, names: dict[str, _Name]) -> bool:
    """ "americans" is the plural of a people's name the archive also has, or derives."""
    single = key[:-1]
    if single in names:
        return names[single].lean() == "GROUP"
    return group_singular(key.title()) is not None


def _surname_targets(names: dict[str, _Name]) -> dict[str, str]:
    """Lone words the archive's people are called by → the full name that
    holds most of that surname's articles, or the word itself where several
    people share it (a family's name: a person, merged into no one)."""
    g = gazetteer()
    people: dict[str, list[str]] = defaultdict(list)  # last word → full names typed PERSON
    for key, entry in names.items():
        words = key.split()
        # A person's full name opens with a first name or an initial ("Unlike
        # Apple", "Mac Pro" and "Courtesy of Apple" are not anyone's).
        opens = ascii_fold(words[0]).rstrip(".") if words else ""
        if len(words) >= 2 and entry.lean() == "PERSON" and (opens in g.first_names or len(opens) == 1):
            people[words[-1]].append(key)
        elif len(words) == 2 and entry.decided() in ("PERSON", "NAME") and _a_person(names.get(words[1])):
            # "Mitt Romney", its type left open where a first name the gazetteer
            # lacks opens it, is the person the archive calls "Romney".
            people[words[-1]].append(key)
    out = {}
    for word, full in people.items():
        if word not in names:
            continue
        entry = names[word]
        if " " in word or _fold(word) in g.countries or _fold(word) in g.continents:
            continue
        best = max(full, key=lambda k: (names[k].articles, k))
        family = sum(names[k].articles for k in full)
        elsewhere = entry.votes["PLACE"] + entry.votes["ORG"] + entry.votes["GROUP"]
        if family + entry.votes["PERSON"] < elsewhere:
            continue  # Washington: a place in most articles, George Washington in a few
        if names[best].articles < SURNAME_MIN_ARTICLES or names[best].articles < SURNAME_SHARE * family:
            if family >= SURNAME_MIN_ARTICLES and word in g.surnames:
                out[word] = word  # Bush: George W., George H.W., Jeb, Reggie…: a family's name, no one person
            continue
        out[word] = best
    return out


def _a_person(entry: _Name | None) -> bool:
    """The archive types this lone word a person, in enough articles to say so."""
    return entry is not None and entry.articles >= SURNAME_MIN_ARTICLES and entry.decided() == "PERSON"


def body_tails(key: str) -> list[str]:
    """The shorter names a body's name (folded) may be called back by: its last
    two or more words, when it ends in a body's head and holds no connector
    ("woodrow wilson center" → "wilson center"; not "bank of new york" → "new york")."""
    words = key.split()
    if len(words) < 3 or words[-1] not in ORG_HEADS or any(w in CONNECTORS or w == "and" for w in words):
        return []
    return [" ".join(words[k:]) for k in range(1, len(words) - 1)]


def _tail_targets(names: dict[str, _Name]) -> dict[str, str]:
    """A body's shorter name → the longer one it is the tail of ("wilson
    center" → "woodrow wilson center"), when one longer organisation so ending
    holds most of the family's articles, three or more, and at least as many as
    the shorter name: "Supreme Court", common on its own, stays itself."""
    longer: dict[str, list[str]] = defaultdict(list)
    for key, entry in names.items():
        if entry.lean() == "ORG":
            for tail in body_tails(key):
                longer[tail].append(key)
    out = {}
    for tail, full in longer.items():
        if tail not in names or names[tail].lean() not in ("ORG", "NAME"):
            continue
        best = max(full, key=lambda k: (names[k].articles, k))
        family = sum(names[k].articles for k in full)
        n = names[best].articles
        if n >= SURNAME_MIN_ARTICLES and n >= SURNAME_SHARE * family and n >= names[tail].articles:
            out[tail] = best
    return out


def consolidated(
    analysis: dict[str, list[dict[str, object]]], decided: dict[str, tuple[str, str]]
) -> dict[str, list[dict[str, object]]]:
    """An article's analysis with its entities named and typed as the archive
    decided (`decide`): merged names become one entity, quotes follow renames."""
    merges, types = [], []
    for entity in analysis.get("entities", []):
        name, kind = str(entity["name"]), str(entity["type"])
        shown, decided_kind = decided.get(name.casefold(), (name, kind))
        if shown != name:
            merges.append(Correction("merge", name, shown))
        if decided_kind != kind:
            types.append(Correction("type", shown, decided_kind))
    if not merges and not types:
        return analysis
    return apply(analysis, [*merges, *types])
