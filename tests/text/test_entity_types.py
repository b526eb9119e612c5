"""Types the entity finder gives names that are no person, place or body: the pronoun
with a contraction, words shaped like a people's name that are not one, events."""

from __future__ import annotations

from reader.model import Block
from reader.text.entities import candidates
from reader.text.gazetteer import is_demonym


def _spans(text: str) -> dict[str, tuple[str, ...]]:
    return {" ".join(s.words): s.cues for s in candidates([Block("paragraph", text)])}


def test_the_pronoun_with_a_contraction_is_no_candidate() -> None:
    spans = _spans("Later I've said that I'm sure I'd go back, and I'll tell Anna Berg so.")
    assert not any(name.startswith("I") for name in spans)
    assert "Anna Berg" in spans


def test_a_word_ending_like_a_people_but_sharing_only_three_letters_with_a_country_is_none() -> None:
    # Guar-dian / Guat-emala, Librar-ian / Libya, Politic-ians / Poland: a stem longer
    # than four letters must share four with the country.
    for word in ("Guardian", "Librarian", "Politicians", "Establish"):
        assert not is_demonym(word), word
    for word in ("Spanish", "Finnish", "Canadian", "Norwegian", "Palestinian", "Polish", "Chinese", "Peruvian"):
        assert is_demonym(word), word


def test_a_bowl_or_a_tournament_is_an_event() -> None:
    spans = _spans("Fans travelled to watch the Super Bowl and then the Madrid Tournament this spring.")
    assert "event_head" in spans["Super Bowl"]
    assert "event_head" in spans["Madrid Tournament"]


def test_a_company_whose_name_starts_with_a_title_keeps_it() -> None:
    spans = _spans("Workers at General Motors walked out on Monday.")
    assert "General Motors" in spans and "company" in spans["General Motors"]
    assert "Motors" not in spans


def test_a_compass_word_alone_is_marked() -> None:
    spans = _spans("Ministers in Western capitals met in Paris.")
    assert "lone_compass" in spans["Western"]


def test_streets_waters_and_landforms_are_places_by_their_heads() -> None:
    spans = _spans("Cyclists crossed Hancock Brook and rode up Telegraph Avenue to the Ozark Plateau.")
    for name in ("Hancock Brook", "Telegraph Avenue", "Ozark Plateau"):
        assert "place_head" in spans[name], name
    assert "place_first" in _spans("Boats moored on the River Wensum overnight.")["River Wensum"]


def test_a_places_first_word_that_is_a_first_name_too_makes_no_person() -> None:
    # "Monte", "Lake", "Cape" are first names in the name lists; before a name they make a place.
    spans = _spans("Climbers crossed Monte Rosa and camped by Lake Louise.")
    for name in ("Monte Rosa", "Lake Louise"):
        assert "place_first" in spans[name] and "first_name" not in spans[name], name


def test_an_orchestra_or_a_record_label_is_a_body_by_its_head() -> None:
    spans = _spans("The Halle Orchestra recorded the album for Virgin Records last year.")
    assert "org_head" in spans["Halle Orchestra"]
    assert "org_head" in spans["Virgin Records"]


def test_publishers_companies_bands_and_military_units_are_bodies_by_their_heads() -> None:
    spans = _spans(
        "The novel came out with Harbour Publishing, the film with Lumen Pictures, and the Hal Berger"
        " Band played while the Ninth Air Force flew over Kessel Industries."
    )
    for name in ("Harbour Publishing", "Lumen Pictures", "Hal Berger Band", "Ninth Air Force", "Kessel Industries"):
        assert "org_head" in spans[name], name


def test_a_surname_that_spells_a_head_is_no_head() -> None:
    # "Cantón" folds to a Swiss canton's word; a person's surname is no region.
    assert "place_head" not in _spans("The study by Clara Martínez Cantón was cited.")["Clara Martínez Cantón"]


def test_an_election_piece_is_no_sports_report() -> None:
    from reader.text.text_kind import sports_article

    campaign = [
        Block("paragraph", "His pitch to voters failed: a victory in Ohio could not stop the defeat."),
        Block("paragraph", "He trailed by six points in the last poll."),
    ]
    match = [
        Block("paragraph", "The striker scored twice as the club beat its rivals for a first victory."),
        Block("paragraph", "The defeat leaves them six points adrift this season."),
    ]
    assert not sports_article(campaign)
    assert sports_article(match)


def test_a_holiday_alone_is_no_name_but_a_place_named_after_one_is() -> None:
    spans = _spans("The line opens by Christmas, and flights to Christmas Island resume after Easter.")
    assert "Christmas" not in spans and "Easter" not in spans, spans
    assert "Christmas Island" in spans


def test_a_name_after_a_or_your_is_marked_as_a_thing_one_has() -> None:
    spans = _spans("Back up your Zenbook before you buy a Chromebox from Lenovo.")
    assert "det_before" in spans["Zenbook"] and "det_before" in spans["Chromebox"], spans
    assert "det_before" not in spans["Lenovo"]


def test_a_noun_for_a_person_before_a_name_is_marked() -> None:
    spans = _spans("At the funeral his brother, Tavonne, spoke after the pianist Ilkka Rautio played.")
    assert "person_noun_before" in spans["Tavonne"] and "person_noun_before" in spans["Ilkka Rautio"], spans


def test_an_agreement_or_a_law_is_named_like_an_event() -> None:
    spans = _spans("Both signed the Lisbon Agreement, then the Oslo Accords and later the Farm Credit Act.")
    for name in ("Lisbon Agreement", "Oslo Accords", "Farm Credit Act"):
        assert "event_head" in spans[name], name


def test_a_newspaper_named_after_its_town_is_a_body_by_its_masthead() -> None:
    spans = _spans("The Tulsa Ledger and the Leeds Courier both reported it, as did the Halifax Star.")
    for name in ("Tulsa Ledger", "Leeds Courier", "Halifax Star"):
        assert "org_head" in spans[name], name
    # The word alone, or after no town, is no masthead.
    assert "org_head" not in _spans("He met Ingrid Star and Quentin Ledger.")["Ingrid Star"]


def test_the_eve_of_a_feast_is_no_name() -> None:
    spans = _spans("Crowds gathered on New Year's Eve, and again on Christmas Eve, while Eve Berg sang.")
    assert "Eve" not in spans and "Christmas Eve" not in spans, spans
    assert "Eve Berg" in spans
    spans = _spans("It came out on Valentine's Day, two weeks before Mother's Day, as Lena Day said.")
    assert "Valentine" not in spans and "Mother" not in spans, spans
    assert "Lena Day" in spans


def test_a_compass_word_after_a_first_name_is_a_surname_not_a_places_head() -> None:
    spans = _spans("Critics praised Cornel West and Mae West, then drove to Kowloon East and Grand Central.")
    for name in ("Cornel West", "Mae West"):
        assert "place_head" not in spans[name], name
    for name in ("Kowloon East", "Grand Central"):
        assert "place_head" in spans[name], name


def test_common_nouns_written_in_capitals_are_no_names() -> None:
    spans = _spans("Our SEO posts cover CSS files, HD video and the COVID vaccine, wrote Ann Berg at Fenwick.")
    assert not {"SEO", "CSS", "HD", "COVID"} & set(spans), spans
    assert "Ann Berg" in spans


def test_a_comma_and_a_region_after_a_name_is_marked() -> None:
    spans = _spans("He grew up in Marion, Ohio, then met Ann Berg, Sweden's envoy, and Lee Park, Texas State's coach.")
    assert "region_after" in spans["Marion"]
    assert "region_after" not in spans["Ann Berg"] and "region_after" not in spans["Lee Park"]


def test_a_chamber_of_a_parliament_is_a_body() -> None:
    spans = _spans("He told the House of Commons, and the U.S. House of Representatives agreed.")
    assert "org_head" in spans["House of Commons"] and "org_head" in spans["U.S. House of Representatives"]
