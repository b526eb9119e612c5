"""The archive's decision on names: other names of one entity merged, one type each."""

from __future__ import annotations

from reader.model import Block
from reader.text.archive_names import alias_of, consolidated, decide, group_singular
from reader.text.entities import candidates, find_entities


def test_other_names_of_a_country_or_union_are_one_entity() -> None:
    decided = decide(
        [("United States", "PLACE", 9), ("US", "PLACE", 4), ("America", "PLACE", 3), ("U.S.", "ORG", 1)]
        + [("Britain", "PLACE", 3), ("UK", "PLACE", 2), ("EU", "ORG", 5), ("European Union", "ORG", 2)]
    )
    assert {decided[k] for k in ("united states", "us", "america", "u.s.")} == {("United States", "PLACE")}
    assert decided["britain"] == decided["uk"] == ("United Kingdom", "PLACE")
    assert decided["eu"] == ("European Union", "ORG")
    assert alias_of("Us") is None  # a short alias counts only in capitals


def test_a_surname_is_the_full_name_most_of_its_people_articles_hold() -> None:
    rows = [
        ("Donald Trump", "PERSON", 20),
        ("Melania Trump", "PERSON", 1),
        ("Trump", "PERSON", 8),
        ("Trump", "NAME", 2),
    ]
    rows += [("Barack Obama", "PERSON", 9), ("Obama", "PLACE", 12), ("Obama", "PERSON", 3)]
    rows += [("George Washington", "PERSON", 2), ("Washington", "PLACE", 40)]
    rows += [
        ("George W. Bush", "PERSON", 5),
        ("George Bush", "PERSON", 2),
        ("Jeb Bush", "PERSON", 2),
        ("Bush", "PLACE", 5),
    ]
    rows += [("Unlike Apple", "PERSON", 5), ("Apple", "ORG", 3), ("Apple", "PERSON", 2)]
    decided = decide(rows)
    assert decided["trump"] == ("Donald Trump", "PERSON")
    assert decided["apple"] == ("Apple", "ORG")  # "Unlike Apple" opens with no first name: no one's full name
    assert decided["obama"] == ("Barack Obama", "PERSON")  # the person, not the town the gazetteer knows
    assert decided["washington"] == ("Washington", "PLACE")  # mostly a place, seldom a surname
    # No one Bush holds most articles: not merged; but a surname several people
    # of the archive share is a person's name, whatever town the gazetteer has.
    assert decided["bush"] == ("Bush", "PERSON")


def test_a_word_that_ends_several_names_typed_people_is_no_family_name_unless_a_surname() -> None:
    rows = [("Fedora Linux", "PERSON", 1), ("Kali Linux", "PERSON", 1), ("Red Hat Linux", "PERSON", 1)]
    rows += [("Linux", "NAME", 3), ("Linux", "ORG", 1)]
    assert decide(rows)["linux"] == ("Linux", "NAME")


def test_a_us_states_dateline_abbreviation_is_the_state() -> None:
    decided = decide(
        [("California", "PLACE", 20), ("Calif", "NAME", 9), ("N.Y.", "PLACE", 2), ("New York", "PLACE", 30)]
    )
    assert decided["calif"] == ("California", "PLACE")
    assert decided["n.y."] == ("New York", "PLACE")
    assert alias_of("Mass") is None  # the church's Mass, too


def test_a_news_agencys_initials_are_the_agency() -> None:
    # "WASHINGTON (AP)" and "the Associated Press" in one archive were two rows of the browser.
    decided = decide([("Associated Press", "ORG", 25), ("AP", "ORG", 25), ("AFP", "ORG", 3)])
    assert decided["ap"] == decided["associated press"] == ("Associated Press", "ORG")
    assert decided["afp"] == ("Agence France-Presse", "ORG")
    found = find_entities([Block("paragraph", "WASHINGTON (AP) — The Associated Press said AP reporters saw it.")])
    assert [e.name for e in found if e.type == "ORG"] == ["Associated Press"]
    assert alias_of("Ap") is None  # a short alias counts only in capitals


def test_plurals_of_peoples_and_a_leading_the_are_one_name_and_votes_decide_the_type() -> None:
    decided = decide(
        [("American", "GROUP", 30), ("Americans", "GROUP", 12), ("Palestinians", "GROUP", 3)]
        + [("Associated Press", "ORG", 10), ("The Associated Press", "ORG", 4)]
        + [("Apple", "ORG", 9), ("Apple", "PERSON", 2), ("Apple", "NAME", 5)]
    )
    assert decided["americans"] == ("American", "GROUP")
    assert decided["palestinians"] == ("Palestinian", "GROUP")
    assert decided["the associated press"] == ("Associated Press", "ORG")
    assert decided["apple"] == ("Apple", "ORG")  # most of its articles give it the type
    assert group_singular("Swiss") is None and group_singular("Israelis") == "Israeli"


def test_a_type_few_of_a_names_articles_give_it_does_not_spread_to_the_rest() -> None:
    # Most articles could not tell the type: a guess from a few is not the archive's type.
    decided = decide(
        [("Google", "NAME", 13), ("Google", "PLACE", 6), ("Google", "PERSON", 4)]
        + [("Instagram", "NAME", 13), ("Instagram", "PLACE", 1)]
        + [("Buffalo", "PLACE", 3), ("Buffalo", "ORG", 3)]
        + [("White House", "ORG", 2), ("White House", "NAME", 2)]
    )
    assert decided["google"] == ("Google", "NAME")
    assert decided["instagram"] == ("Instagram", "NAME")
    assert decided["buffalo"] == ("Buffalo", "NAME")  # split evenly between two types
    assert decided["white house"] == ("White House", "ORG")  # half its articles, no other type


def test_a_full_name_left_untyped_is_the_person_its_surname_is() -> None:
    # A first name the gazetteer lacks leaves the full name's type open; the
    # archive calls the surname alone a person in many articles: one person.
    rows = [
        ("Mitt Romney", "NAME", 5),
        ("Mitt Romney", "ORG", 1),
        ("Mitt Romney", "PERSON", 1),
        ("Romney", "PERSON", 8),
    ]
    rows += [("Mac Pro", "NAME", 4), ("Pro", "NAME", 3)]  # a lone word no article calls a person
    rows += [("Unlike Apple", "NAME", 3), ("Apple", "ORG", 9)]
    decided = decide(rows)
    assert decided["romney"] == decided["mitt romney"] == ("Mitt Romney", "PERSON")
    assert decided["pro"] == ("Pro", "NAME")
    assert decided["apple"] == ("Apple", "ORG")


def test_an_article_takes_the_archive_names_and_types_and_its_quotes_follow() -> None:
    analysis = {
        "entities": [
            {"name": "Trump", "type": "NAME", "mentions": [{"block": 0, "start": 0, "end": 5}]},
            {"name": "Obama", "type": "PLACE", "mentions": [{"block": 0, "start": 10, "end": 15}]},
        ],
        "quotes": [{"speaker": "Trump", "kind": "speech", "text": "x"}],
    }
    decided = {"trump": ("Donald Trump", "PERSON"), "obama": ("Barack Obama", "PERSON")}
    out = consolidated(analysis, decided)
    assert [(e["name"], e["type"]) for e in out["entities"]] == [("Donald Trump", "PERSON"), ("Barack Obama", "PERSON")]
    assert out["quotes"][0]["speaker"] == "Donald Trump"


def test_an_article_merges_a_peoples_plural_and_a_countrys_other_names() -> None:
    text = "Americans voted. An American official in Britain said the UK and the EU agreed."
    found = {e.name: e for e in find_entities([Block("paragraph", text)])}
    assert len(found["American"].mentions) == 2 and "Americans" not in found
    assert len(found["United Kingdom"].mentions) == 2 and "Britain" not in found
    assert "European Union" in found


def test_a_short_month_name_before_a_day_is_a_date_not_a_person() -> None:
    text = "The talks began on Jan. 5 and ended Feb 9, 2012, when Jan Koum spoke."
    found = {e.name: e for e in find_entities([Block("paragraph", text)])}
    assert "Jan" not in found and "Feb" not in found
    assert [m.text for m in found["Jan Koum"].mentions] == ["Jan Koum"]  # the date is not a mention of him


def test_only_the_codes_newsrooms_write_for_a_country_count_as_one() -> None:
    """ISO and FIPS codes spell many acronyms (BT, ESP, AI, PC): only the alias
    table's country codes are the country_code cue, so the decision does not make
    "BT" (Bhutan's code) a place. (AI and PC, common nouns, are no candidates at all.)"""
    text = "The BT firm sold ESP kits in the US and the UAE, the EU said."
    cues = {s.words[0]: s.cues for s in candidates([Block("paragraph", text)])}
    assert "country_code" not in cues["BT"] and "country_code" not in cues["ESP"]
    assert "country_code" in cues["US"] and "country_code" in cues["UAE"] and "country_code" not in cues["EU"]


def test_a_day_before_a_date_and_a_company_suffix_alone_are_no_names() -> None:
    text = "Posted: Mon, 31 Dec 2007. The toy maker Mattel, Inc. said on Fri, Jan 4 that sales rose."
    names = {e.name for e in find_entities([Block("paragraph", text)])}
    assert not names & {"Mon", "Fri", "Inc.", "Inc", "Dec", "Jan"}


def test_a_peoples_plural_that_is_not_its_adjective_is_one_entity_with_it() -> None:
    found = find_entities([Block("paragraph", "Jews in the city feared the worst, the Jewish council said.")])
    assert [(e.name, e.type, len(e.mentions)) for e in found if e.type == "GROUP"] == [("Jewish", "GROUP", 2)]
    decided = decide([("Jewish", "GROUP", 8), ("Jews", "GROUP", 3), ("Danes", "GROUP", 2), ("Danish", "GROUP", 2)])
    assert decided["jews"] == decided["jewish"] == ("Jewish", "GROUP")
    assert decided["danes"] == ("Danish", "GROUP")


def test_a_bodys_name_called_back_by_its_last_words_is_the_longer_name() -> None:
    text = "The Woodrow Wilson Center published a study. Analysts at the Wilson Center said it held."
    found = find_entities([Block("paragraph", text)])
    assert [(e.name, len(e.mentions)) for e in found] == [("Woodrow Wilson Center", 2)]
    # A place after "of" is not a body's tail: the Fed's bank and the city stay two.
    found = find_entities([Block("paragraph", "The Federal Reserve Bank of New York said New York rents rose.")])
    assert {e.name for e in found} == {"Federal Reserve Bank of New York", "New York"}


def test_across_the_archive_a_tail_merges_only_into_a_dominant_longer_name() -> None:
    decided = decide(
        [("Woodrow Wilson Center", "ORG", 4), ("Wilson Center", "ORG", 2)]
        + [("Supreme Court", "ORG", 8), ("Arizona Supreme Court", "ORG", 3), ("Texas Supreme Court", "ORG", 1)]
    )
    assert decided["wilson center"] == ("Woodrow Wilson Center", "ORG")
    assert decided["supreme court"] == ("Supreme Court", "ORG")  # common on its own


def test_one_name_spelled_with_or_without_dots_accents_or_hyphens_is_one_entity() -> None:
    # Pages write one name in several ways; the entity browser showed each as its own row.
    decided = decide(
        [("Mohamed Al Fayed", "PERSON", 5), ("Mohamed al-Fayed", "PERSON", 1)]
        + [("D.C.", "PLACE", 3), ("DC", "PLACE", 2), ("São Paulo", "PLACE", 1), ("Sao Paulo", "PLACE", 2)]
        + [("W.M. Keck Observatory", "ORG", 1), ("W. M. Keck Observatory", "ORG", 2)]
        + [("Val-d'Or", "PLACE", 2), ("Val-d’Or", "PERSON", 1), ("Warner Bros", "ORG", 1), ("Warner Bros.", "ORG", 1)]
        + [("Jet Blue", "PLACE", 1), ("JetBlue", "ORG", 3)]
    )
    assert decided["mohamed al-fayed"] == decided["mohamed al fayed"] == ("Mohamed Al Fayed", "PERSON")
    assert decided["dc"] == decided["d.c."] == ("D.C.", "PLACE")
    assert decided["são paulo"] == decided["sao paulo"] == ("Sao Paulo", "PLACE")
    assert decided["w.m. keck observatory"] == ("W. M. Keck Observatory", "ORG")
    assert decided["val-d’or"] == ("Val-d'Or", "PLACE")  # the merged name's votes decide its type
    assert decided["warner bros"][0] == decided["warner bros."][0]
    # Words run together are another word, not another spelling: left apart.
    assert decided["jet blue"] == ("Jet Blue", "PLACE") and decided["jetblue"] == ("JetBlue", "ORG")
