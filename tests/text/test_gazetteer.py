"""The gazetteer's cached copy (the same lists, remade when damaged), and the demonyms it derives."""

from __future__ import annotations

import pickle

from reader.model import Block
from reader.text import gazetteer as gz
from reader.text.entities import find_entities
from reader.text.gazetteer import is_demonym


def _fresh() -> gz.Gazetteer:
    gz.gazetteer.cache_clear()
    try:
        return gz.gazetteer()
    finally:
        gz.gazetteer.cache_clear()


def test_the_cached_copy_holds_the_built_lists() -> None:
    path = gz._cache_path()
    assert not path.exists()  # each test has its own NEWSREADER_HOME
    built = _fresh()
    assert path.exists()
    with path.open("rb") as fh:
        assert pickle.load(fh) == built
    assert _fresh() == built
    assert "lisbon" in built.places and "poland" in built.countries and "anna" in built.first_names


def test_a_damaged_copy_is_built_again() -> None:
    path = gz._cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a pickle")
    again = _fresh()
    assert "lisbon" in again.places
    with path.open("rb") as fh:
        assert pickle.load(fh) == again


def test_demonyms_grow_from_countries_own_names_not_their_state_form_words() -> None:
    # "Islamic Republic of Iran", "Pacific Islands (Trust Territory)": no people called Islamic or Pacific.
    assert not is_demonym("Islamic") and not is_demonym("Pacific") and not is_demonym("Democratic")
    assert is_demonym("Asian") and is_demonym("Kenyan") and is_demonym("Republicans")  # Asia-n; a party's members
    found = {
        e.name: e.type
        for e in find_entities([Block("paragraph", "Boats crossed the Pacific Ocean to reach Asian ports.")])
    }
    assert found.get("Pacific Ocean") != "GROUP" and "Pacific" not in found and found["Asian"] == "GROUP"


def test_a_word_ending_in_ch_is_no_people_by_its_letters() -> None:
    # "Swit-ch" shares four letters with Switzerland; the peoples in "-ch" (Dutch,
    # French, Czech) are listed.
    assert not is_demonym("Switch") and not is_demonym("Stitch")
    assert is_demonym("French") and is_demonym("Dutch") and is_demonym("Czech")


def test_a_double_barrelled_surname_is_no_people_though_it_ends_like_one() -> None:
    # The whole of "Montoya-Lewis" ends like a people's name from Monte-negro; each
    # part of "Mexican-American" is one.
    assert not is_demonym("Montoya-Lewis") and is_demonym("Mexican-American")
    blocks = [Block("paragraph", "Justice Raquel Montoya-Lewis wrote the opinion. Montoya-Lewis said the court erred.")]
    found = {e.name: e.type for e in find_entities(blocks)}
    assert "GROUP" not in found.values()
    assert [t for name, t in found.items() if name.endswith("Raquel Montoya-Lewis")] == ["PERSON"]


def test_a_citys_short_form_its_own_names_list_is_a_place() -> None:
    # GeoNames names the city "Frankfurt am Main" and "Acapulco de Juárez"; people write the short form.
    places = gz.gazetteer().places
    assert "frankfurt" in places and "acapulco" in places


def test_former_states_are_countries_by_the_names_history_writes() -> None:
    g = gz.gazetteer()
    for name in ("soviet union", "east germany", "west germany", "persia"):
        assert name in g.countries, name
    found = {e.name: e.type for e in find_entities([Block("paragraph", "He left the Soviet Union for West Germany.")])}
    assert found.get("Soviet Union") == "PLACE" and found.get("West Germany") == "PLACE", found
