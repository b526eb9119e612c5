"""Entities and quotes on our own scrape in the sample's shape."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import read_articles
from reader.model import Block
from reader.text.analysis import analyze
from reader.text.entities import find_entities
from reader.text.pipeline import finish
from reader.text.quotes import find_quotes

FIXTURE = Path(__file__).parent / "data" / "quotes-and-names.txt"


def _article():  # type: ignore[no-untyped-def]
    return finish(read_articles(FIXTURE)[0])


def _entities() -> dict[str, str]:
    return {e.name: e.type for e in find_entities(_article().blocks)}


def test_people_places_orgs_groups_with_types() -> None:
    found = _entities()
    assert found["Annika Berg"] == "PERSON"
    assert found["Johan Lindqvist"] == "PERSON"
    assert found["Erik Nyström"] == "PERSON"
    assert found["Kalmar"] == "PLACE"
    assert found["Stockholm"] == "PLACE"
    assert found["Borgholm"] in ("PLACE", "NAME")  # a small town: a place, or a plain name, never a wrong type
    assert found["BBC"] == "ORG"
    assert found["European Commission"] == "ORG"
    assert found["Swedish Coast Guard"] == "ORG"  # a demonym before a head names the body
    assert found["Sveriges Radio"] == "ORG"
    assert found["Swedish"] == "GROUP" and found["Finnish"] == "GROUP" and found["Norwegian"] == "GROUP"
    assert "Home" not in found and "News" not in found


def test_mentions_link_to_the_longest_name_without_titles() -> None:
    article = _article()
    [berg] = [e for e in find_entities(article.blocks) if e.name == "Annika Berg"]
    texts = {m.text for m in berg.mentions}
    assert {"Annika Berg", "Berg"} <= texts  # "Mrs Berg's" → Berg, title and 's left out
    for m in berg.mentions:
        assert article.blocks[m.block].text[m.start : m.end] == m.text


def test_a_storms_name_called_back_alone_is_the_storm_not_a_person() -> None:
    blocks = [
        Block("paragraph", "Hurricane Sandy flooded the tunnels of lower Manhattan in October."),
        Block("paragraph", "Dealers said Sandy cost them a month of sales, and the storm's damage is still counted."),
    ]
    found = {e.name: e.type for e in find_entities(blocks)}
    assert "Sandy" not in found  # linked to the storm, which is no person, place or organisation
    assert found.get("Hurricane Sandy") in (None, "NAME")


def test_a_surname_alone_after_the_full_name_is_the_person_though_a_town_has_the_name() -> None:
    blocks = [
        Block("paragraph", "President George H.W. Bush said the recession that followed the war would be short."),
        Block("paragraph", "By the autumn Bush trailed in the polls, and aides said Bush would not change course."),
        Block("paragraph", "In Bush the market was busy as ever."),
    ]
    found = {e.name: e.type for e in find_entities(blocks)}
    assert found["George H.W. Bush"] == "PERSON"


def test_an_acronym_the_article_defines_is_the_body_it_stands_for() -> None:
    blocks = [
        Block("paragraph", "The Kurdistan Democratic Party (KDP) said on Friday it would not take part."),
        Block("paragraph", "Officials of the KDP met in Erbil, and the KDP said talks would go on."),
    ]
    [party] = [e for e in find_entities(blocks) if e.name == "Kurdistan Democratic Party"]
    assert party.type == "ORG"
    assert [m.text for m in party.mentions] == ["Kurdistan Democratic Party", "KDP", "KDP", "KDP"]


def test_quotes_speakers_kinds_and_apostrophes() -> None:
    article = _article()
    quotes = find_quotes(article.blocks, find_entities(article.blocks))
    speech = {q.text: q.speaker for q in quotes if q.kind == "speech"}
    terms = {q.text for q in quotes if q.kind == "term"}
    assert speech["We will not back down"] == "Annika Berg"  # ", she told": the pronoun
    assert speech["The channel belongs to everyone."] == "Annika Berg"
    assert (
        speech["They've priced the fishermen's families out of the town their grandparents built,"] == "Johan Lindqvist"
    )
    assert speech["the boats are calm, but the weather is not"] == "Erik Nyström"  # according to
    # Scare quotes with no one said to speak are a term; a few words lifted from
    # what the sentence says someone said are a partial quote, with its speaker.
    assert "green berths" in terms and "safety of the channel" not in speech
    assert speech["quiet eviction"] == "Johan Lindqvist"
    # A quote over two paragraphs is one quote, attributed once.
    [long] = [q for q in quotes if q.text.startswith("I have fished")]
    assert long.end_block == long.block + 1 and long.speaker == "Johan Lindqvist"
    assert long.text.endswith("We don't intend to be the last.")
    # Apostrophes make no quotes: fishermen's, Berg's, They've, don't, rock 'n' roll, the '90s.
    assert not any(q.text.startswith(("n'", "90s", "s ")) for q in quotes)
    # A quote nested in a double-quoted quote stays inside it.
    [nested] = [q for q in quotes if q.text.startswith("It's about")]
    assert "'safety of the channel'" in nested.text and nested.speaker == "Annika Berg"


def test_analysis_has_the_json_shape() -> None:
    data = analyze(_article().blocks)
    entity = data["entities"][0]
    assert set(entity) == {"name", "type", "mentions"} and set(entity["mentions"][0]) == {"block", "start", "end"}
    quote = data["quotes"][0]
    assert {"block", "start", "end", "text", "kind", "speaker"} <= set(quote)


def test_a_body_named_for_its_members_keeps_its_possessive() -> None:
    """'the Fishermen's Union' was the place 'Union' (a town in the gazetteer);
    a name's own possessive still ends it ('Poland's Foreign Ministry')."""
    text = (
        "The Fishermen's Union said the Farmers' Party and the Women's Institute would join. "
        "Poland's Foreign Ministry said Kalmar's harbour was closed."
    )
    found = {e.name: e.type for e in find_entities([Block("paragraph", text)])}
    assert found["Fishermen's Union"] == "ORG" and "Union" not in found
    assert found["Farmers' Party"] == "ORG" and found["Women's Institute"] == "ORG"
    assert found["Poland"] == "PLACE" and found["Foreign Ministry"] == "ORG"
    # The possessive ends "Kalmar"; named once, with only a possessive, a town of
    # 40,000 is a close call between a place and a person (the minor_place cue):
    # its type is the decision's, and the archive's votes settle it across articles.
    assert "Kalmar" in found and "Kalmar's harbour" not in found


def test_all_caps_lines_are_declined() -> None:
    blocks = [Block("paragraph", "FERRY CHAOS AS KALMAR BLOCKADE ENTERS THIRD DAY")]
    assert find_entities(blocks) == []


texts = st.text(alphabet=st.sampled_from(list("abc ABC'\"“”‘’«».,!?:\n\x1b-")), max_size=200)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=5))
def test_finders_never_crash_and_spans_stay_in_bounds(paragraphs: list[str]) -> None:
    blocks = [Block("paragraph", p) for p in paragraphs]
    entities = find_entities(blocks)
    for e in entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(blocks[m.block].text)
    for q in find_quotes(blocks, entities):
        assert 0 <= q.block <= q.end_block < len(blocks)
        assert 0 <= q.start < len(blocks[q.block].text)
        assert q.end <= len(blocks[q.end_block].text)


def _speakers(*paragraphs: str) -> list[str | None]:
    blocks = [Block("paragraph", p) for p in paragraphs]
    return [q.speaker for q in find_quotes(blocks, find_entities(blocks)) if q.kind == "speech"]


def test_speakers_the_recogniser_missed_or_typed_as_places() -> None:
    # Each of these used to get no speaker (measured on PolNeAR: speaker
    # accuracy 0.628 -> 0.822 with these rules).
    [initials] = _speakers('"Harbour traffic is back to normal," Port Chair Ann B. Lowe said last week.')
    assert initials is not None and "Lowe" in initials  # "B." is an initial, not a sentence end
    [appositive] = _speakers(
        '"The ferries must run all winter," Senator Ivo Brand, Liberal of the coast district, said on Monday.'
    )
    assert appositive is not None and "Brand" in appositive
    [colon] = _speakers('Mara Quint, The Harbour Gazette: "The port has never been busier, and it shows."')
    assert colon == "Mara Quint"
    [place_name] = _speakers('"We will reopen the pier when the sea allows," Chad said.')
    assert place_name == "Chad"
    [verb] = _speakers('Kessler fumed: "Nobody asked the fishermen before the quay was sold."')
    assert verb == "Kessler"


def test_a_common_word_at_a_sentence_start_is_not_a_speaker() -> None:
    assert _speakers('Still, the council said the plan was "finished and paid for, whatever happens."') != ["Still"]


def test_a_name_inside_a_quote_does_not_speak_it() -> None:
    # The second quote's speaker is the one who said the first, not the person
    # the first quote talks about (it used to be 'Ivo Brand').
    speakers = _speakers('"Nobody stood up to Ivo Brand like she did," Chad said, adding, "She will finish the quay."')
    assert speakers == ["Chad", "Chad"]


def test_dotted_acronyms_do_not_end_the_sentence_before_a_quote() -> None:
    [speaker] = _speakers('Mrs. Quint assured dockers on Monday that the E.U. review would "end with the same answer."')
    assert speaker == "Quint"


def test_and_added_goes_back_to_the_sentence_subject_and_roles_name_a_speaker() -> None:
    speakers = _speakers(
        'Harbour Chairman Oskar Vell said the new quay was "finished early," and added that it "will pay for itself."'
    )
    assert speakers[0] is not None and "Vell" in speakers[0]
    [role] = _speakers('A Nordline spokeswoman said the ferry was "back in service and fully booked."')
    assert role is not None and "Nordline" in role


def _speaker_by_quote(*paragraphs: str) -> dict[str, str | None]:
    blocks = [Block("paragraph", p) for p in paragraphs]
    return {q.text.rstrip(".,"): q.speaker for q in find_quotes(blocks, find_entities(blocks)) if q.kind == "speech"}


def test_speakers_signed_described_or_named_as_subject() -> None:
    # A pull quote signed with a dash.
    assert _speaker_by_quote("“The tide waits for nobody.” ― Marta Olsen")["The tide waits for nobody"] == "Marta Olsen"
    # A quote closing on a full stop ends its sentence: the next sentence's
    # "She says" does not attribute it, and "tweets" here is a noun.
    said = _speaker_by_quote(
        "Ingrid Holm says Petra Sand’s late-night tweets were “reckless, even for her.” She says the vote must wait."
    )
    assert said["reckless, even for her"] == "Ingrid Holm"
    # "what she calls": the pronoun right before the verb is the sentence's subject.
    said = _speaker_by_quote(
        "Ingrid Holm says she admired Petra Sand’s patience through what she calls a “season of hard meetings.”"
    )
    assert said["season of hard meetings"] == "Ingrid Holm"
    # Unnamed speakers as the text describes them; a name that only qualifies them does not speak.
    assert _speaker_by_quote("“We need a plan,” the Oslo shipowner said.")["We need a plan"] == "the Oslo shipowner"
    said = _speaker_by_quote("The ferry company says on its website that “crossings resume on Monday.”")
    assert said["crossings resume on Monday"] == "The ferry company"


def test_a_name_that_qualifies_the_speaker_does_not_speak() -> None:
    said = _speaker_by_quote("“That was a mistake,” Holm's former deputy said.")
    assert said["That was a mistake"] == "Holm's former deputy"


def _types(*paragraphs: str) -> dict[str, str]:
    blocks = [Block("paragraph", p) for p in paragraphs]
    return {e.name: e.type for e in find_entities(blocks)}


def test_recogniser_reads_acronyms_datelines_initials_and_results_lines() -> None:
    # Dotted acronyms keep their dot; a country's is a place, others organisations;
    # each is shown by the name the alias table gives it.
    found = _types("Talks between the U.S. and the U.N. resumed in Britain on Monday.")
    assert found["United States"] == "PLACE" and found["United Nations"] == "ORG" and found["United Kingdom"] == "PLACE"
    # A capitalised dateline names a place, not an acronym; a sentence opening with "New" is still New York.
    assert _types("OSLO 2026-03-02", "New York traders were cautious.") == {"OSLO": "PLACE", "New York": "PLACE"}
    # An initial and its dot belong to the name; an initial alone names no one.
    assert (
        _types("The bowler K. Lindqvist took four wickets for Plan B. The rest followed.")["K. Lindqvist"] == "PERSON"
    )
    # A county or city followed by its score is a team; a country keeps its type.
    found = _types("Gloucestershire 412 and 133-5 , Norway 2 Iceland 1")
    assert found["Gloucestershire"] == "ORG" and found["Norway"] == "PLACE"
    # A town's name that the article gives a title is not the town (the decision
    # leaves it a plain name). Known loss since the organisation cues' refit: a
    # second, untitled mention opening a sentence ("Preston said …") tips the
    # evidence to the town (PLACE 0.51), as the README's third round says.
    found = _types("Governor Preston opened the bridge on Monday and said the tolls would stay.")
    assert found["Preston"] in ("PERSON", "NAME")
    assert _types("The Dutch and the Swiss abstained.") == {"Dutch": "GROUP", "Swiss": "GROUP"}


def test_events_table_heads_compass_places_and_peoples() -> None:
    found = _types(
        "Fans of the Nordic Cup gathered in the Middle East and the Czech Republic .",
        "Standings : W L PCT GB",
        "South Korean and European buyers stayed away .",
    )
    assert "Nordic Cup" not in found and "W L PCT GB" not in found  # an event; a table's column heads
    assert found["Middle East"] == "PLACE" and found["Czech Republic"] == "PLACE"
    assert found["South Korean"] == "GROUP" and found["European"] == "GROUP"


def test_organisations_from_cues_results_and_company_suffixes() -> None:
    found = _types(
        "The shipping giant Tervola announced a deal with Halvorsen Holdings Corp. on Friday .",
        "Results : Vaskio 6 Rautio 2 , Norway 3 Iceland 1",
    )
    assert found.get("Tervola") in (None, "ORG", "NAME") and found["Halvorsen Holdings Corp."] == "ORG"
    assert found["Vaskio"] == "ORG" and found["Rautio"] == "ORG"  # teams between scores
    assert found["Norway"] == "PLACE"  # a national side keeps its country's type


def test_capital_table_rows_and_names_called_back_by_surname() -> None:
    found = _types("STANDINGS AFTER SUNDAY'S GAMES", "SAN FRANCISCO 57 74 .435 16", "NORWAY 4 1 0 12")
    # A city's team (or, unsure, a plain name); a national side. Since the refit
    # without the word-ending cue the lone row reads as the city: a known loss.
    assert found["SAN FRANCISCO"] != "PERSON" and found["NORWAY"] == "PLACE" and len(found) == 2
    # Neither word a known first name: the article calling it back by its last word makes it a person.
    found = _types("Tarvo Ilves won the sprint .", "Ilves had trained in the hills .")
    assert found["Tarvo Ilves"] == "PERSON"


def test_bodies_regions_abbreviations_and_hyphenated_first_names() -> None:
    found = _types(
        "The Foreign Ministry said the Ministry would reply by 1400 GMT .",
        "Prices rose across the Midwest and in the West Bank , the Tarkon news agency reported .",
        "Jean-Pierre Lindqvist won the Olympic final .",
    )
    assert found["Foreign Ministry"] == "ORG" and "Ministry" not in found and "GMT" not in found
    assert found.get("Midwest") in (None, "PLACE", "NAME") and found["West Bank"] == "PLACE"
    assert found["Tarkon"] in ("ORG", "NAME")  # "… news agency": two words on
    assert found.get("Jean-Pierre Lindqvist") in (None, "PERSON", "NAME") and "Olympic" not in found


def _typed(*paragraphs: str, kind: str = "paragraph") -> dict[str, str]:
    return {e.name: e.type for e in find_entities([Block(kind, p) for p in paragraphs])}


def test_a_sports_table_cue_acts_only_in_a_table() -> None:
    # In prose a place and a number are a place and a number; in a results line, a team.
    assert _typed("He moved to Boston 10 years ago and never left Boston again.") == {"Boston": "PLACE"}
    assert _typed("Gloucestershire 412 and 133-5 , Derby 210 and 99-4")["Gloucestershire"] in ("ORG", "NAME")


def test_photo_credits_are_not_entities() -> None:
    assert _typed("Crowds gathered at the pier on Monday. (Joshua Rowe/Reuters)", kind="caption") == {}
    assert "Harbour Images" not in _typed("Boats in the bay. Photo: Harbour Images", kind="caption")


def test_titles_inside_a_name_are_peeled_and_particles_kept() -> None:
    found = _typed("NASA Administrator Charles Bolden said the launch would go ahead.")
    assert found["Charles Bolden"] == "PERSON" and "NASA Administrator Charles Bolden" not in found
    assert _typed("Councillor Declan Murphy said the road would reopen.") == {"Declan Murphy": "PERSON"}
    found = _typed("Dr Henrike van der Berg and Suleiman al-Amr met the Swiss Academy of Sciences in Bern.")
    assert found["Henrike van der Berg"] == "PERSON" and found["Suleiman al-Amr"] == "PERSON"
    assert found["Swiss Academy of Sciences"] == "ORG" and "Swiss" not in found


def test_a_name_does_not_run_on_across_a_line_break() -> None:
    found = _typed("The talks were held in Ukraine\nKurt Volker said they went well.")
    assert found == {"Ukraine": "PLACE", "Kurt Volker": "PERSON"}


def test_explain_names_the_cues_that_decided_each_mention() -> None:
    lines: list[str] = []
    find_entities([Block("paragraph", "Councillor Declan Murphy said the road in Leeds would reopen.")], explain=lines)
    assert any(line.startswith("Declan Murphy → PERSON") for line in lines)
    assert any("'Declan Murphy': PERSON" in line and "first_name" in line for line in lines)


def test_english_cues_run_on_english_text_only() -> None:
    russian = "Наши люди сказали, что Москва не согласна. Наши планы остаются прежними, сказал он. " * 3
    german = (
        "Der Kanzler hat am Montag in Berlin gesagt, dass die Regierung mit den Ländern über die neuen "
        "Regeln sprechen wird. Die Opposition kritisierte den Plan am Abend sehr deutlich."
    )
    assert _typed(russian) == {} and _typed(german * 2) == {}
    english = "The minister Anna Berg said on Monday that the harbour in Kalmar would reopen with the ferry plan."
    assert _typed(english * 2)["Anna Berg"] == "PERSON"
