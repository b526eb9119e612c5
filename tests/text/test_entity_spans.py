"""Where a candidate name starts and ends: the gold of every set is exact spans,
and a reader sees a wrong edge as a wrong name. Sentences are our own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.model import Block
from reader.text.entities import candidates, find_entities
from reader.text.entity_tokens import lower_words, tokens
from reader.text.gazetteer import is_demonym


def _spans(text: str) -> list[str]:
    return [" ".join(span.words) for span in candidates([Block("paragraph", text)])]


def _names(text: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities([Block("paragraph", text)])}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The team flew home to St. Louis after the game.", "St. Louis"),
        ("Climbers left base camp for Mt. Rainier at dawn.", "Mt. Rainier"),
        ("The parade passed through Ft. Worth on Friday.", "Ft. Worth"),
    ],
)
def test_an_abbreviation_leading_a_place_name_stays_in_it(text: str, name: str) -> None:
    assert name in _spans(text)
    assert _names(text).get(name) == "PLACE"


def test_a_titles_abbreviation_is_peeled_and_counts_as_a_title() -> None:
    spans = candidates([Block("paragraph", "The report was read by Sen. Okafor and nobody else.")])
    assert [(s.words, "honorific" in s.cues) for s in spans] == [(("Okafor",), True)]


def test_a_streets_abbreviation_still_ends_the_street() -> None:
    assert "Anna Berg" in _spans("He lives on Harbour St. Anna Berg said he was at home.")
    assert not any(s.startswith("St. Anna") for s in _spans("He lives on Harbour St. Anna Berg said he was at home."))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials at the Food and Drug Administration approved it.", "Food and Drug Administration"),
        ("She chairs the Ways and Means Committee these days.", "Ways and Means Committee"),
        ("He bought shares in Marks & Spencer last year.", "Marks & Spencer"),
        ("The road runs from Bosnia and Herzegovina to the coast.", "Bosnia and Herzegovina"),
        ("He served in the Army of the Potomac for two years.", "Army of the Potomac"),
    ],
)
def test_and_ampersand_and_of_the_inside_one_name(text: str, name: str) -> None:
    assert name in _spans(text)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Talks between Germany and France went on.", ["Germany", "France"]),
        ("Ann Okafor & Bo Lindqvist wrote it.", ["Ann Okafor", "Bo Lindqvist"]),
        ("As Okafor & Lindqvist 1998 showed, it holds.", ["Okafor", "Lindqvist"]),
        ("He studied at Harvard University and Columbia University.", ["Harvard University", "Columbia University"]),
        ("Freiburg of Germany drew with Udinese of Italy.", ["Freiburg", "Germany", "Udinese", "Italy"]),
    ],
)
def test_two_names_beside_each_other_stay_two(text: str, parts: list[str]) -> None:
    spans = _spans(text)
    assert all(p in spans for p in parts), spans


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Inspectors from the Cuban Consulate arrived.", "Cuban Consulate"),
        ("Ships crossed the Arabian Sea in June.", "Arabian Sea"),
    ],
)
def test_a_body_or_place_named_after_a_people_is_one_name(text: str, name: str) -> None:
    assert name in _spans(text)


def test_an_office_word_before_a_country_is_a_body_not_a_title() -> None:
    # "Environment Canada", "Health Canada": the government's departments.
    assert "Environment Canada" in _spans("Forecasters at Environment Canada issued a warning.")


def test_a_title_is_not_peeled_off_a_company_or_before_of() -> None:
    assert "General Motors" in _spans("Workers at General Motors went on strike.")
    assert "of Pennsylvania" not in _spans("The State of Pennsylvania sued.")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # An office and its "of" are no part of a name: the place is one, typed.
        ("She was elected Mayor of Springfield in 2010.", "Springfield", "PLACE"),
        ("He met the Prime Minister of India at the summit.", "India", "PLACE"),
        ("The Archbishop of Canterbury spoke at the service.", "Canterbury", "PLACE"),
        # Nor an ordinary word "of" a name opening a sentence; a head or a place is.
        ("Fans of Miami Beach cheered the team.", "Miami Beach", "PLACE"),
        ("Bank of America fell sharply.", "Bank of America", "ORG"),
        ("University of Texas students marched.", "University of Texas", "ORG"),
    ],
)
def test_the_name_after_an_office_or_an_ordinary_word_and_of(text: str, name: str, kind: str) -> None:
    assert _names(text).get(name) == kind


def test_an_office_word_or_a_direction_after_of_keeps_the_whole() -> None:
    assert "State" not in _spans("The Secretary of State arrived.")
    assert "South" not in _spans("He scored twice for Queen of South on Saturday.")


def test_a_priests_abbreviated_title_is_peeled() -> None:
    assert _names("A Jesuit priest Fr Francisco Sousa documented it.").get("Francisco Sousa") == "PERSON"


def test_a_titled_persons_surname_that_is_a_places_head_too() -> None:
    # "Hill", "Parish", "Lane": surnames and places' heads (the title phrase's case above).
    assert _names("Tory MP Neil Parish resigned on Saturday.").get("Neil Parish") == "PERSON"


@pytest.mark.parametrize("word", ["Francis", "François", "Dominic", "Gillian", "Marian"])
def test_first_names_that_look_like_a_peoples_are_not(word: str) -> None:
    assert not is_demonym(word)


@pytest.mark.parametrize("word", ["German", "Haitian", "Georgian", "Iraqi", "Somali", "Polish", "Kenyan"])
def test_peoples_names_stay_peoples(word: str) -> None:
    assert is_demonym(word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Christian Eriksen scored twice for Denmark.", "Christian Eriksen"),
        ("Critics said Christian Lindner was wrong about the budget.", "Christian Lindner"),
    ],
)
def test_a_peoples_name_that_is_a_first_name_before_a_surname_is_a_person(text: str, name: str) -> None:
    assert _names(text).get(name) == "PERSON"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("German Chancellor Olaf Brandt spoke first.", "German"),  # a title follows
        ("The German Bundesliga side lost again.", "German"),  # no surname follows
        ("Christian Zionists marched on Sunday.", "Christian"),  # a plural follows
    ],
)
def test_a_peoples_name_before_a_title_a_word_or_a_plural_is_still_peeled(text: str, group: str) -> None:
    assert _names(text).get(group) == "GROUP"


def test_a_web_address_does_not_make_a_name_an_ordinary_word() -> None:
    # "airbnb.com", "twitter.com/…", "press@…": written in lower case by the medium,
    # they said the capitalised name was an ordinary word and the name vanished.
    text = "Airbnb has raised money. Listings are at airbnb.com and on twitter.com/airbnb. Airbnb said so."
    assert _names(text).get("Airbnb") == "ORG"
    block = Block("paragraph", "Follow us at twitter.com/example. Shares fell after Twitter said it would cut jobs.")
    twitter = [s for s in candidates([block]) if s.words == ("Twitter",)]
    assert twitter and "lower_elsewhere" not in twitter[0].cues


def test_an_acronym_an_address_writes_in_lower_case_is_still_a_term() -> None:
    # "data.json", "http://": a format or a protocol, not a body.
    assert "JSON" not in _names("The service returns JSON from api.example.com/v1/data.json every hour.")


def test_the_words_an_article_writes_in_lower_case_leave_out_addresses() -> None:
    text = "Visit www.example.com or https://news.example.org/a and email desk@example.net, and/or #tag. The end"
    assert lower_words(text) == ["or", "and", "email", "end"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Beirut-based Daily Star reported the story.", "Daily Star"),
        ("Traders at St. Louis-based Mercantile Bancorp Inc. said so.", "Mercantile Bancorp Inc."),
        ("The US-backed Syrian Democratic Forces took the town.", "Syrian Democratic Forces"),
    ],
)
def test_a_place_made_an_adjective_is_no_part_of_the_name_after_it(text: str, name: str) -> None:
    assert name in _spans(text)


def test_a_place_made_an_adjective_alone_is_no_name() -> None:
    assert _spans("The New York-based bank said profits rose.") == []


def test_a_pope_called_francis_is_a_person_not_a_people() -> None:
    names = _names("Pope Francis said the church would listen. Francis spoke for an hour.")
    assert names.get("Francis") == "PERSON"


@pytest.mark.parametrize("text", ["I'm sure of it, she said.", "We've seen this before.", "Don't go there, he said."])
def test_a_contraction_is_never_a_name(text: str) -> None:
    assert _spans(text) == []


def test_a_name_with_an_initial_is_person_shaped_so_its_surname_links_back() -> None:
    # "W." is an initial, not an acronym: a lone "Bush" later is the surname of
    # the full name, not a place in the gazetteer.
    spans = candidates([Block("paragraph", "Then George W. Bush spoke. Later Bush left for the ranch.")])
    assert [s.words for s in spans] == [("George", "W.", "Bush"), ("Bush",)]
    assert "has_acronym" not in spans[0].cues
    assert "surname_of_name" in spans[1].cues


@given(
    head=st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True),
    letters=st.lists(st.sampled_from("ABCEGKNSUZ"), min_size=2, max_size=3),
)
def test_a_compound_ending_in_a_dotted_acronym_keeps_its_last_dot(head: str, letters: list[str]) -> None:
    # "Mexico-U.S. border": the dot is the acronym's, so the name ends after it,
    # as "U.S." alone does; the reader highlighted "Mexico-U.S" without it.
    acronym = "".join(f"{c}." for c in letters)
    text = f"They met at the {head}-{acronym} border on a Monday."
    words = [t.text for t in tokens(text)]
    assert f"{head}-{acronym}" in words
    assert any(text[s.start : s.end] == f"{head}-{acronym}" for s in candidates([Block("paragraph", text)]))


def test_a_compound_ending_in_an_acronym_at_a_sentence_end_keeps_its_dot() -> None:
    spans = _spans("The games air on the NHL Network-U.S. The rest are online.")
    assert "NHL Network-U.S." in spans


@pytest.mark.parametrize(
    "text",
    [
        "Pupils learning a second language (L2) read more slowly, and L2 readers skip less.",
        "The gross domestic product (GDP) fell; GDP per head fell further.",
        "Growth in GDP (gross domestic product) slowed, and GDP is what the bank watches.",
        "Schools spent more on information and communication technologies (ICTs) than on ICT training.",
    ],
)
def test_an_acronym_the_article_spells_out_in_lower_case_is_a_term(text: str) -> None:
    assert not {"L2", "GDP", "ICT", "ICTs"} & set(_spans(text))


def test_an_acronym_spelled_out_with_capitals_stays_a_name() -> None:
    text = "The North Atlantic Treaty Organization (NATO) met in Brussels, and NATO said little."
    assert "NATO" in _spans(text)


@given(st.text(alphabet="ab ()ABLG2", max_size=60))
def test_spelling_out_never_fails_on_odd_brackets(text: str) -> None:
    from reader.text.entity_candidates import terms_spelled_lower

    assert terms_spelled_lower([Block("paragraph", text)]) <= set(text.replace("(", " ").replace(")", " ").split())


def test_common_nouns_written_in_capitals_are_no_names() -> None:
    text = "The show airs at 9 p.m. ET, with AI tools, DNA kits and a GPS watch for every VIP guest."
    assert not {"ET", "AI", "DNA", "GPS", "VIP"} & set(_spans(text))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The statement by Secretary of State Mike Pompeo came late.", "Mike Pompeo"),
        ("Minister of Foreign Affairs Dmytro Kuleba said the talks would go on.", "Dmytro Kuleba"),
        ("Secretary of Transportation Pete Buttigieg spoke first.", "Pete Buttigieg"),
        ("Chief Executive Satya Nadella said so.", "Satya Nadella"),
        ("Justice Raquel Montoya-Lewis wrote the opinion.", "Raquel Montoya-Lewis"),
        ("Assistant Secretary of State Christopher Hill met them.", "Christopher Hill"),
    ],
)
def test_a_title_phrase_before_a_persons_name_is_peeled(text: str, person: str) -> None:
    # "Secretary of State Mike Pompeo" was one organisation, or no name at all.
    assert _names(text) == {person: "PERSON"}


def test_a_place_before_a_title_phrase_is_its_own_name() -> None:
    # A first name the list lacks: the census surname tells the name's end.
    assert _names("U.S. Secretary of State Condoleezza Rice said so.") == {
        "United States": "PLACE",
        "Condoleezza Rice": "PERSON",
    }


def test_a_title_phrase_alone_or_a_body_named_of_a_place_is_not_split() -> None:
    assert _names("The Bank of England raised rates.") == {"Bank of England": "ORG"}
    assert "Health Canada" in _spans("Health Canada issued a recall on Monday.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A reference mark between sentences: the next one still starts a sentence.
        ("He wrote to her often.[6] In Byron's later memoirs she is Mary.", "Byron"),
        # A name that opens with a place's name keeps its first word at a sentence start.
        ("The plan was reported. New York Times editors said so.", "New York Times"),
        # A body's head, "of the", its parent: one body.
        ("He spoke to the General Assembly of the United Nations today.", "General Assembly of the United Nations"),
    ],
)
def test_sentence_starts_and_bodies_of_the(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "person", "place"),
    [
        ("Portraits of Queen Matilda II of Norway hang in the hall.", "Matilda II", "Norway"),
        ("The bill was signed by Governor Karen Hollis of Vermont on Monday.", "Karen Hollis", "Vermont"),
        ("Envoys reached Emperor Anton of Austria before winter.", "Anton", "Austria"),
    ],
)
def test_a_titled_person_of_a_place_is_the_person_then_the_place(text: str, person: str, place: str) -> None:
    spans = _spans(text)
    assert person in spans and place in spans, spans


def test_a_rulers_number_is_no_acronym() -> None:
    cues = {
        " ".join(s.words): s.cues for s in candidates([Block("paragraph", "Later Pedro IV and Tsar Ivan III met.")])
    }
    for name in ("Pedro IV", "Ivan III"):
        assert "regnal" in cues[name] and "has_acronym" not in cues[name], cues
    assert "regnal" not in candidates([Block("paragraph", "The film World War II showed it.")])[0].cues


def test_a_body_of_a_field_is_one_name_though_its_first_word_is_a_first_name() -> None:
    # Royal, Summer, Victoria are first names in the name lists: "X of Y" was split as a person of a body.
    assert "Royal Society of Marine Engineers" in _spans("She joined the Royal Society of Marine Engineers in 1990.")
    assert "Summer School of Music" in _spans("He taught at the Summer School of Music for years.")
    spans = _spans("The Victoria Rowing Club of Montreal won again.")
    assert "Victoria Rowing Club" in spans and "Montreal" in spans, spans


def test_a_title_after_a_title_is_no_name() -> None:
    spans = _spans("The Vice President thanked Mr. Speaker and the Chief Justice.")
    assert not {"President", "Speaker", "Justice"} & set(spans), spans


def test_the_pronoun_after_a_name_is_no_rulers_number() -> None:
    cues = {" ".join(s.words): s.cues for s in candidates([Block("paragraph", "Dear Mrs. Barton I hope so.")])}
    assert not any("regnal" in c for c in cues.values()), cues


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On Tuesday Kowalski said the deal was off.", "Kowalski"),
        ("Late in October Halvorsen flew home.", "Halvorsen"),
        ("Sales rose in May Petrova said.", "Petrova"),
        ("Dear Marguerite, thank you for the book.", "Marguerite"),
    ],
)
def test_a_day_a_month_or_a_greeting_before_a_name_is_no_part_of_it(text: str, name: str) -> None:
    assert name in _spans(text), _spans(text)


def test_a_paper_or_a_person_named_like_a_day_or_a_month_keeps_it() -> None:
    assert "Sunday Herald" in _spans("He wrote for the Sunday Herald for years.")
    assert "August Strindberg" in _spans("A play by August Strindberg opened.")
    assert _spans("It meets on the first Saturday of August.") == []


def test_a_hyphenated_title_peels_and_a_party_and_state_tag_is_no_name() -> None:
    spans = _spans(
        "Aides to NATO Secretary-General Jens Olsen met Sen. Mark Kelly, D-Ariz., and Rep. Ann Lee, R-Texas."
    )
    assert "Jens Olsen" in spans and "NATO" in spans, spans
    assert not {"D-Ariz.", "R-Texas", "D-Ariz"} & set(spans), spans


def test_a_bodys_field_goes_on_after_and() -> None:
    assert "Department of Health and Human Services" in _spans("He ran the Department of Health and Human Services.")
    assert "Institute of Marine and Coastal Research" in _spans(
        "She left the Institute of Marine and Coastal Research."
    )
    spans = _spans("Envoys of the Ministry of Defence and Norway met the University of Oslo and Bergen University.")
    assert {"Ministry of Defence", "Norway", "University of Oslo", "Bergen University"} <= set(spans), spans


def test_a_call_to_action_opening_a_sentence_is_no_part_of_a_name() -> None:
    assert "Zentrix" in _spans("Cookies are kept. (See Zentrix's own page on this.)")
    assert "Mara Lind" in _spans("Follow Mara Lind on her blog.")


def test_a_country_then_a_person_in_one_run_are_two_names() -> None:
    spans = _spans("The former envoy to Ukraine Dorota Wielgus spoke, as did Georgia Anne Marsh.")
    assert "Ukraine" in spans and "Dorota Wielgus" in spans, spans
    assert "Georgia Anne Marsh" in spans


def test_a_title_after_a_body_with_no_person_after_it_is_no_part_of_the_name() -> None:
    spans = _spans("Reuters Writer Ola Berg asked whether the Kestrel Labs CEO had left, and Aaron Judge answered.")
    assert {"Reuters", "Ola Berg", "Kestrel Labs", "Aaron Judge"} <= set(spans), spans
    assert "Penn State" in _spans("He studied at Penn State for years.")


def test_local_government_titles_peel() -> None:
    spans = _spans("It was backed by Supervisor Rosa Quintero of Mendocino County and Councilmember Ivo Dahl.")
    assert {"Rosa Quintero", "Mendocino County", "Ivo Dahl"} <= set(spans), spans


def test_a_makers_product_is_named_by_its_maker_alone() -> None:
    names = set(_spans("I used the Logitech MX Master 3 mouse on an Intel Core i7 laptop beside a Nintendo Switch."))
    assert {"Logitech", "Intel", "Nintendo"} <= names, names
    assert not {"Intel Core", "Nintendo Switch", "Logitech MX Master"} & names, names


def test_a_person_or_a_place_that_starts_with_a_makers_name_keeps_it() -> None:
    names = set(_spans("The tackle Atari Bigby joined, and rain fell over the Amazon Basin near Invesco Field."))
    assert {"Atari Bigby", "Amazon Basin", "Invesco Field"} <= names, names


def test_acronyms_before_a_persons_name_are_no_part_of_it() -> None:
    spans = _spans("They beat AL MVP Miguel Tejada, and RH Matt Harvey starts tonight.")
    assert "Miguel Tejada" in spans and "Matt Harvey" in spans, spans
    assert not any(s.endswith(("MVP Miguel Tejada", "RH Matt Harvey")) for s in spans), spans


def test_a_weekday_after_a_name_is_when_not_part_of_the_name() -> None:
    # News style: "met in Paris Sunday", "told CNBC Friday": the day is when it happened.
    spans = _spans("Ministers met in Paris Sunday. Yellen told CNBC Friday that rates would rise.")
    assert "Paris" in spans and "CNBC" in spans
    assert not [s for s in spans if s.endswith(("Sunday", "Friday"))]
    # A feast or a day's own name keeps its day.
    assert "Good" not in _spans("Shops close on Good Friday.")


def test_a_peoples_name_is_no_mention_of_a_longer_name_it_is_a_word_of() -> None:
    text = "Officials from the United Arab Emirates came. Among the Arab countries were Egypt and Jordan."
    mentions = {e.name: [m.text for m in e.mentions] for e in find_entities([Block("paragraph", text)])}
    assert mentions["United Arab Emirates"] == ["United Arab Emirates"]
    assert mentions.get("Arab") == ["Arab"]


def test_words_of_a_web_or_mail_address_or_a_handle_are_no_mentions() -> None:
    text = (
        "Join http://groups.yahoo.com/group/Israel_Palestine today. Write to Emma@citylimits.org "
        "or follow @Uber_Sydney. Snopes.com checked it, said Emma Lee of Sydney."
    )
    assert {"Snopes.com", "Emma Lee", "Sydney"} <= set(_spans(text))
    assert not {"Israel", "Palestine", "Israel_Palestine", "Uber_Sydney", "Emma"} & set(_spans(text))


def test_a_greeting_or_a_preposition_opening_a_run_is_no_part_of_the_name() -> None:
    spans = _spans(
        "LOS ANGELES (AP) — To LeBron James, records are no goal. Say “Hey Siri” to Ann Lee. "
        "By Ann Lee For The Associated Press"
    )
    assert "LeBron James" in spans and "Siri" in spans
    assert not [s for s in spans if s.startswith(("To ", "Hey ", "For "))]
