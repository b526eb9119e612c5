"""Speaker attribution: candidates, features and the scored decision."""

from __future__ import annotations

from pathlib import Path

from reader.ingest import read_articles
from reader.model import Block
from reader.text.entities import find_entities
from reader.text.pipeline import finish
from reader.text.quotes import find_quotes
from reader.text.speaker_decision import Candidate, decide, weights

DEMO = Path(__file__).resolve().parents[2] / "reader" / "demo" / "articles"


def _said(*paragraphs: str) -> list[tuple[str, str | None]]:
    blocks = [Block("paragraph", p) for p in paragraphs]
    return [(q.text, q.speaker) for q in find_quotes(blocks, find_entities(blocks)) if q.kind == "speech"]


def test_the_demo_rotterdam_article_gives_each_quote_to_its_speaker() -> None:
    # "Union leader Joost Visser of FNV Havens said …. 'Our people…,' he said":
    # "he" used to go to the minister named a paragraph before, because a name
    # after a title ("Union leader") and before "of FNV Havens said" was not seen
    # as the sentence's subject.
    [article] = [finish(a) for a in read_articles(DEMO / "rotterdam-storm-port.txt")]
    speakers = [q.speaker for q in find_quotes(article.blocks, find_entities(article.blocks)) if q.kind == "speech"]
    assert speakers == ["Ruud Verhoeven", "Pieter Bakker", "Joost Visser", "Joost Visser"]


def test_she_goes_to_the_last_woman_named_not_the_last_person() -> None:
    said = _said(
        "Mrs Anna Kerr met the harbour board on Monday with its chairman, Tom Reid.",
        'Reid left early. "We will reopen the quay in spring," she told the Harbour Gazette.',
    )
    assert said == [("We will reopen the quay in spring,", "Anna Kerr")]
    # A first name tells too, with no title.
    said = _said(
        "Marta Holm chairs the board; Piet Vos runs the ferries.",
        '"The ferries run on time," she told reporters.',
    )
    assert said[0][1] == "Marta Holm"


def test_said_x_to_the_crowd_goes_to_x_not_to_names_in_the_clause_after() -> None:
    said = _said('"We go back to the sea," said Harlan to the crowd, which contained Port Authority staff.')
    assert said[0][1] == "Harlan"


def test_a_title_in_quotes_is_a_term() -> None:
    blocks = [Block("paragraph", 'The port built a robot named "Better Idea" and a crane called "Big Lift".')]
    assert [q.kind for q in find_quotes(blocks, find_entities(blocks))] == ["term", "term"]
    # Unless someone is said to say it.
    blocks = [Block("paragraph", 'The harbour master said: "Good Morning"')]
    assert [q.kind for q in find_quotes(blocks, find_entities(blocks))] == ["speech"]


def test_places_and_fragments_do_not_speak() -> None:
    [(_, who)] = _said('Rotterdam: "We will not sign this deal in its current form."')
    assert who is None
    # A party-and-state code in brackets is an aside, not the speaker.
    [(_, who)] = _said('"The quay is safe," Senator Ivo Brand (R-Ohio) said.')
    assert who is not None and "Brand" in who
    # A name in a prepositional phrase is not the verb's subject.
    [(_, who)] = _said('"The quay is safe," Mr. Brand of the Harbour Board said.')
    assert who is not None and "Brand" in who


def test_a_speaker_string_never_spans_a_quotation() -> None:
    # The description used to run across the first quotation, blanked to spaces:
    # "The report on                              and the board".
    said = _said('The report on "harbour works for everyone" and the board wrote that "we will sign this deal today."')
    assert said[-1] == ("we will sign this deal today.", "the board")
    for _, who in said:
        assert who is None or ("harbour works" not in who and "  " not in who)


def test_a_pronoun_clashing_in_gender_is_outscored() -> None:
    agree = Candidate("Anna Kerr", "after_pronoun", ("person", "gender_agrees"), rank=1)
    clash = Candidate("Tom Reid", "after_pronoun", ("person", "subject", "gender_clash"), rank=0)
    assert decide([clash, agree]) == "Anna Kerr"


def test_every_cue_and_feature_the_code_uses_has_a_weight() -> None:
    text = Path(__file__).resolve().parents[2] / "reader" / "text"
    source = "".join(p.read_text(encoding="utf-8") for p in sorted(text.glob("speaker*.py")))
    w = weights()
    assert isinstance(w["cues"], dict) and isinstance(w["features"], dict)
    for cue in w["cues"]:
        assert f'"{cue}"' in source, f"unused cue weight {cue}"
    import re

    used = set(re.findall(r'Candidate\([^)]*?"([a-z_]+)"', source)) | set(
        re.findall(r'"([a-z_]+)", prefer_last', source)
    )
    assert used <= set(w["cues"])


def test_titles_in_a_list_are_terms_and_a_question_opener_is_not_a_name() -> None:
    blocks = [Block("paragraph", 'The band played "Harbour Lights," "Sea Of Glass," and "Home Again" to close.')]
    assert {q.kind for q in find_quotes(blocks, find_entities(blocks))} == {"term"}
    said = _said(
        "The ward was quiet when Marta Holm arrived. Am I allergic to salt? The doctor tested the skin.",
        '"It lit up if you were allergic," she said.',
    )
    assert said[0][1] == "Marta Holm"


def test_a_first_name_the_recogniser_left_out_can_still_speak() -> None:
    # A known first name is evidence of a person even when no entity was made of it.
    said = _said("The ferry was late again.", '"Nobody asked the crew," Derya snaps. "Nobody ever does."')
    assert said[0] == ("Nobody asked the crew,", "Derya")
    # A first name opening a sentence alone is not taken for one ("Will you…").
    assert _said('Will the ferry run? "Not today," the harbour office said.')[0][1] == "the harbour office"


def test_analyze_explain_lists_each_speakers_candidates(capsys) -> None:  # type: ignore[no-untyped-def]
    from reader.cli import main

    assert main(["analyze", "--explain", str(DEMO / "rotterdam-storm-port.txt")]) == 0
    out = capsys.readouterr().out
    assert "quote ¶10 “Our people want to work,…” ← Joost Visser" in out
    assert "'Joost Visser' after_pronoun person subject gender_agrees" in out


def test_a_word_or_two_inside_a_sentence_is_a_term_and_a_clause_is_no_description() -> None:
    # The quote browser's first rows on a real archive were words like these.
    blocks = [Block("paragraph", 'The salsa is "mild." The mole is "rich," and the broth "bright."')]
    assert {q.kind for q in find_quotes(blocks, find_entities(blocks))} == {"term"}
    # Standing alone, or said by someone, a short quote is speech.
    assert _said('"No."', '"Never," said Harlan.') == [("No.", None), ("Never,", "Harlan")]
    # "the man could be heard" is a clause, not a speaker.
    [(_, who)] = _said('On the tape the man could be heard: "My girlfriend is trying to get an appointment."')
    assert who is None


def test_a_title_abbreviation_does_not_end_the_attribution() -> None:
    # "Del." (a delegate) used to end the sentence, so 'said Del.' gave the speaker "Del".
    said = _said('"The pier must reopen," said Del. Ann Lindqvist of the island council.')
    assert said == [("The pier must reopen,", "Ann Lindqvist")]


def test_a_name_before_a_title_and_a_name_or_inside_a_word_only_qualifies() -> None:
    # "House" of "House Speaker Ann Lee" was taken for "he" (the recogniser typed it
    # a person); "South Korea" cut from "South Korean President …" spoke for her.
    from reader.text.speaker_phrases import modifier

    assert modifier("House Speaker Ann Lee, R-Ore., agreed.", 0, 5)
    assert modifier("Harbour Board Chair Ann Lee agreed.", 0, 13)
    assert modifier("South Korean President Park Min-ji agreed.", 0, 11)
    assert not modifier("Ann Lee said the talks had stalled.", 0, 7)
    assert not modifier("Ann Lee, the mayor, agreed.", 0, 7)


def test_the_narrator_and_someone_are_no_one_the_text_names() -> None:
    # A first-person narrator or an indefinite subject speaks: no name, rather than the last woman named.
    said = _said("Ann Lindqvist waved from the quay.", "“I can make a sandwich,” I say.", 'Someone said, "Excuse me."')
    assert said == [("I can make a sandwich,", None), ("Excuse me.", None)]


def test_a_first_name_the_recogniser_left_out_has_a_gender() -> None:
    # "she" used to go to Tom, the nearer name: the names made from first names had no gender.
    said = _said(
        "At the ferry counter sat Marta, and beside her stood Tom with the tickets.",
        '"I need a seat by the window," she said.',
    )
    assert said == [("I need a seat by the window,", "Marta")]


def test_a_quote_that_opens_its_sentence_goes_to_who_the_sentence_before_says_spoke() -> None:
    # Reported speech in the paragraph before, then the quote on its own.
    said = _said(
        "Ann Lindqvist said the harbour board had ignored the surveyors for years.",
        '"They wanted the quay open at any price. We told them it would not hold."',
    )
    assert said[0][1] == "Ann Lindqvist"
    # A colon lead-in in the paragraph before, with no speech verb.
    said = _said("Her deputy, Tom Reid, summed it up on Monday:", '"We are out of money and out of time."')
    assert said[0][1] == "Tom Reid"
    # In the same paragraph: the sentence before the quote reports what Reid said.
    said = _said('The board met at noon. Tom Reid said the vote would wait. "Nobody is ready for it."')
    assert said[0][1] == "Tom Reid"
    # A heading is not a sentence that leads in.
    assert _said("Conflicting Reports", '"The two sides are still firing across the river."')[0][1] is None


def test_said_and_a_description_or_the_name_its_appositive_gives() -> None:
    said = _said(
        '"The quay will hold," said the harbour board chair, Ann Lindqvist.',
        '"It will not," said one engineer who inspected it.',
        '"We found cracks," said researchers.',
        '"Pay up," commented Lindqvist in a statement.',
    )
    assert [who for _, who in said] == ["Ann Lindqvist", "one engineer", "researchers", "Ann Lindqvist"]


def test_a_description_in_capitals_or_by_age_speaks_and_according_to_a_name_the_recogniser_missed() -> None:
    assert _said('The Prime Minister said, "We will reopen the quay."')[0][1] == "The Prime Minister"
    assert _said('The 56-year-old said after the vote: "I am staying."')[0][1] == "The 56-year-old"
    assert _said('According to the Harbour-Gazette, "the quay will close for a year."')[0][1] == "Harbour-Gazette"
    # The end of a longer phrase is not the speaker: "a person in the house at the time".
    said = _said('A person in the house at the time told reporters: "She cried all night."')
    assert said[0][1] != "the house at the time"


def test_doubled_curly_single_marks_are_a_quote_and_will_is_a_first_name() -> None:
    # ’’ closed nothing, so the quote ran on over "Will Moy … told the BBC"; and "Will"
    # counted as the verb of a question ("Will you…"), not a name.
    said = _said("“It was an attempt to mislead voters,’’ Will Moy, head of the harbour trust, told the BBC.")
    assert said == [("It was an attempt to mislead voters,", "Will Moy")]
    assert _said("‘‘We sail at noon,’’ said Ann Lindqvist.") == [("We sail at noon,", "Ann Lindqvist")]


def test_a_surname_that_is_also_a_title_speaks_after_said() -> None:
    # "King" was peeled off as a title, leaving no name, so the quote went to the name before.
    said = _said(
        "Wayne King worked for Meadows for six years.",
        '"The first I heard of it was Tuesday," said King, who resigned from the office.',
    )
    assert said[0][1] is not None and said[0][1].endswith("King")


def test_the_subject_after_an_opening_phrase_or_a_title_says_a_quote_inside_its_sentence() -> None:
    # A quote inside a sentence whose verb is no speech verb ("lauded", "called",
    # "issued") went to no one: the subject was not seen after "In January," or a title.
    assert _said('In January, Gov. Ann Lindqvist lauded the port for its "new and innovative ideas."')[0][1] == (
        "Ann Lindqvist"
    )
    # A name the recogniser left out, before an appositive or a verb.
    said = _said(
        'With ten days to the vote, Tamsin Okorafor, a senior adviser to the port, called the plan "a true wake-up call".'
    )
    assert said[0][1] == "Tamsin Okorafor"
    # "he" goes to the subject after the opening phrase, not an earlier name.
    said = _said(
        "Pieter Bakker runs the ferry.",
        "Lately, Joost Visser has challenged the fans to come.",
        '"It is time for the city to get behind its club," he said.',
    )
    assert said[0][1] == "Joost Visser"


def test_no_subject_run_from_a_heading_a_possessor_or_a_page_in_another_language() -> None:
    assert _said('One Response to "Paris Meetup and Upcoming Bootcamp Plans for the Year"')[0][1] is None
    assert _said('South Dakota’s viral "Meth. We’re on it." campaign has been facing backlash.')[0][1] is None
    said = _said(
        "La Constitución manda "
        '"reconocer la preexistencia étnica y cultural de los pueblos indígenas argentinos, y garantizar el respeto".'
        " Es una cuestión de los pueblos y de las comunidades, que no es policial sino social para el país."
    )
    assert said == [] or said[0][1] is None


def test_a_name_before_a_role_and_a_name_only_qualifies_the_speaker() -> None:
    # "Clinton campaign spokesman Brian Fallon said": the quote went to the campaign's candidate.
    said = _said(
        "Ann Lindqvist is running for the harbour board.",
        "“She will be out there campaigning all week,” Lindqvist campaign spokesman Tom Hardy said on Monday.",
    )
    assert said[0][1] == "Tom Hardy"


def test_the_narrator_says_what_i_say_where_the_text_names_them() -> None:
    # '“…,” I say' named no one; a first-person text names its narrator by how
    # others address them (a known first name the narration never uses) …
    said = _said(
        "I walk my sister to the ferry. I hold her hand and I wait.",
        "“Robert,” my mother says from the car. “Bring her back by six.”",
        "“We will be back,” I say.",
        "“Robert, you promised,” she says, and I nod.",
    )
    assert said[2] == ("We will be back,", "Robert")
    # … the one addressed does not say it …
    assert said[3][1] != "Robert"
    # … a letter's signature, or a self-introduction.
    said = _said(
        "I went to the pier on Sunday. I said, “Write to me soon.” I have not heard since.",
        "Love to all,",
        "Marta",
    )
    assert said[0][1] == "Marta"
    said = _said("Hey, it's Ann Lindqvist here, and I am back. I was like, “Hey!” and I laughed.")
    assert said[0][1] == "Ann Lindqvist"
    # The plain form of a verb after "I" tags a quote too ('…?” I ask.').
    said = _said(
        "I walk my sister to the ferry. I hold her hand and I wait.",
        "“Robert,” my mother says from the car. “Bring her back by six.”",
        "“Can we stay longer?” I ask.",
    )
    assert said[2] == ("Can we stay longer?", "Robert")
    # A text not told in the first person has no narrator.
    assert _said("“Robert, come here,” she said.", "“No,” he said.")[1][1] != "Robert"


def test_an_adjective_of_a_people_or_party_is_no_speaker_but_this_republican_is() -> None:
    # "the British Bill" and "Muslim families" name no one who speaks.
    said = _said(
        "There would be a code including — according to the notes of the British Bill — "
        "“provision to protect the public interest and journalists at all times”."
    )
    assert said == [] or said[0][1] != "British"
    said = _said('In the study, Muslim families said that "when you start calling people names, it hurts us all".')
    assert said[0][1] != "Muslim"
    said = _said('"The deal was real," this Republican said.')
    assert said[0][1] is not None and said[0][1].endswith("Republican")


def test_a_phrase_ending_in_a_preposition_is_no_described_speaker() -> None:
    from reader.text.speaker_phrases import DESCRIBED_AT_END, description

    assert description(DESCRIBED_AT_END.search("Asking it is a little like ")) is None
    assert description(DESCRIBED_AT_END.search("Officials expect, by the end of the year without ")) is None
    assert description(DESCRIBED_AT_END.search("Later that day the harbour master ")) == "the harbour master"


def test_joined_initials_are_part_of_a_speakers_name() -> None:
    # "said Rep. G.K. Lee" gave the speaker "G": a name word stopped at the first initial's dot.
    said = _said('"The quay stays shut," said Rep. J.R. Halvorsen (D-Ore.), who chairs the harbour panel.')
    assert said[0][1] == "J.R. Halvorsen"


def test_a_speaker_is_the_persons_name_without_a_title_or_affiliation() -> None:
    # "Secretary of State Condoleezza Rice", "Supervisor Alfredo Pedroza of Napa
    # County": the recogniser's span kept the title and the place, and so did the label.
    from reader.text.speaker_phrases import person_name

    assert person_name("Secretary of State Ann Lindqvist") == "Ann Lindqvist"
    assert person_name("Director of Harbour Scouting Tom Reid") == "Tom Reid"
    assert person_name("Supervisor Ann Lindqvist of Harbour County") == "Ann Lindqvist"
    assert person_name("President Lindqvist") == "Lindqvist"
    for kept in ("Bank of America", "Bank of America Stadium", "Martin Luther King", "Lake Victoria Ferry", "Tom Reid"):
        assert person_name(kept) == kept
    said = _said('"The quay reopens in spring," said Supervisor Ann Lindqvist of Harbour County.')
    assert said[0][1] == "Ann Lindqvist"
    said = _said('Secretary of State Ann Lindqvist said the ferries would run "as soon as the storm allows."')
    assert said[0][1] == "Ann Lindqvist"


def test_a_clause_joined_on_after_a_quote_attributes_the_next_quote_not_this_one() -> None:
    # 'I said, "Hey, write sometime" & he said, "Yeah"': "he said" went to the first quote too.
    said = _said('Tom Reid stood up at the back. Ann Lindqvist said, "We will sign the deal," and then he said, "No."')
    assert said == [("We will sign the deal,", "Ann Lindqvist"), ("No.", "Tom Reid")]
    # One speaker's quote, tagged after it, keeps its tag.
    said = _said('Tom Reid stood up at the back. "We will sign the deal," Ann Lindqvist said, "and soon."')
    assert [who for _, who in said] == ["Ann Lindqvist", "Ann Lindqvist"]


def test_the_byline_is_who_i_is_in_a_first_person_piece_that_names_no_narrator() -> None:
    # A column's '…," I said' named no one: its author is only in the byline.
    column = [
        Block("paragraph", "I went down to the harbour on Monday. I wanted to see the new quay."),
        Block("paragraph", 'The foreman, Tom Reid, showed me round. "It took two years," he said.'),
        Block("paragraph", 'I said, "It was worth the wait."'),
    ]

    def said(byline: str | None) -> list[str | None]:
        return [q.speaker for q in find_quotes(column, find_entities(column), byline=byline) if q.kind == "speech"]

    assert said("By Ann Lindqvist") == ["Tom Reid", "Ann Lindqvist"]
    assert said(None) == ["Tom Reid", None]
    # Two authors, an outlet or a placeholder name no one.
    for byline in ("Ann Lindqvist and Tom Reid", "The Harbour Gazette", "Editorial", "Ann Lindqvist, Harbour Gazette"):
        assert said(byline) == ["Tom Reid", None]
    # Nor is the author "I" in a text not told in the first person.
    report = [Block("paragraph", 'Tom Reid showed the quay. I said, "It was worth the wait."')]
    assert [q.speaker for q in find_quotes(report, find_entities(report), byline="Ann Lindqvist")] == [None]


def test_as_someone_put_it_reports_their_words() -> None:
    # "As he put it, “…”" had no speech verb, so no speaker.
    said = _said("Tom Reid runs the ferries. As he put it, “the quay is a mess and everyone knows it.”")
    assert said == [("the quay is a mess and everyone knows it.", "Tom Reid")]
    said = _said("The plan failed, as Ann Lindqvist put it in a letter, “because no one paid for the pier.”")
    assert said[0][1] == "Ann Lindqvist"
    # Putting a thing somewhere reports no one's words.
    from reader.text.sentences import speech_verb

    assert speech_verb("She puts it firmly against the wall") is None
    assert speech_verb("He put it back on the shelf") is None


def test_a_description_after_a_quote_tags_it_but_a_clause_does_not() -> None:
    # '“…!” an officer shouts' and '“…,” one user quipped' had no speaker.
    said = _said("The police reached the flat at dawn.", '"Open the door! We are coming in!" an officer shouts.')
    assert said[0][1] == "an officer"
    said = _said(
        "The post drew hundreds of replies.", '"If the pier were any longer, we would be in Denmark," one user quipped.'
    )
    assert said[0][1] == "one user"
    # A noun phrase with its own subject is a clause: Lee promised it.
    said = _said('Ann Lindqvist promised, "The pier will open on Day One," a pledge she has often repeated.')
    assert said[0][1] == "Ann Lindqvist"


def test_a_double_barrelled_name_before_said_is_no_noun_cue() -> None:
    # "Mr. Holtz-Eakin said" read "said" as a noun, like "late-night tweets".
    said = _said(
        "Ann Berg-Lindqvist chairs the harbour board.",
        '"I have real admiration for the mechanics" of the plan, Ms. Berg-Lindqvist said.',
    )
    assert said[0][1] == "Ann Berg-Lindqvist"
    from reader.text.sentences import speech_verb

    assert speech_verb("his late-night tweets") is None
    assert speech_verb("the anti-port claims") is None


def test_a_quote_closing_its_sentence_inside_its_marks_ends_that_sentence() -> None:
    # '… “the question is the timing.” Gov. Pat McCrory (R) said it would be “improper”':
    # the full stop is blanked with the first quote, so the second quote's sentence
    # ran back over the first, and "she … said" there outscored McCrory.
    said = _said(
        'Ann Lindqvist said on Monday that she doubts the plan but said "the timing is wrong." '
        'Tom Reid said the old quay would be "closed for years to come."'
    )
    assert said == [("the timing is wrong.", "Ann Lindqvist"), ("closed for years to come.", "Tom Reid")]


def test_a_quote_after_a_sentence_reporting_no_speech_goes_to_the_person_it_opens_with() -> None:
    # 'Sen. Bernie Sanders (Vt.), who …, identified young voters' exhaustion … “…”' went
    # to the speaker of the paragraph before.
    said = _said(
        "Tom Reid chairs the ferry board. Ann Lindqvist, the harbour master, doubts the plan will ever work. "
        '"The quay is too short for the new ferries and everyone here knows it."'
    )
    assert said[0][1] == "Ann Lindqvist"


def test_a_name_set_off_by_commas_right_before_the_verb_speaks() -> None:
    # "…, and, as his sister, Ann, said, ‘…’": the clause before "said" is empty,
    # so the cue looked back to an earlier verb's "he" and gave the quote to the
    # man that pronoun stood for.
    said = _said(
        "Tom Reid opened the new quay on Monday.",
        "He thanked the crew when he said, 'This pier is yours,' and, as his sister, Ann Lindqvist, said, "
        "'The harbour will never be the same.'",
    )
    assert said == [("This pier is yours,", "Tom Reid"), ("The harbour will never be the same.", "Ann Lindqvist")]


def test_a_verb_chain_before_the_speech_verb_keeps_the_subject() -> None:
    # "Later, the Board goes on to say, “…”": "goes on to" stood between the
    # subject and "say", so no subject was found.
    said = _said(
        "Tom Reid opened the new quay on Monday.",
        'Later, Ann Lindqvist went on to say, "Nobody will fish from this pier again."',
    )
    assert said[-1][1] == "Ann Lindqvist"
    said = _said('The Harbour Board met. Later, the Board goes on to say, "nor does this plan close the quay."')
    assert said[-1][1] == "Board"


def test_a_verb_inside_a_name_is_no_speech_verb() -> None:
    # "… that the United States’ military is “depleted”": "States" read as a speech
    # verb whose subject was "United".
    said = _said("Ann Lindqvist is telling the board that the United States’ harbour is “too shallow” for ferries.")
    assert said[0][1] == "Ann Lindqvist"


def test_in_the_words_of_x_names_the_source_after_it() -> None:
    said = _said('Piers are old. In the immortal words of Ann Lindqvist, "A pier is a road that gave up."')
    assert said == [("A pier is a road that gave up.", "Ann Lindqvist")]
    said = _said('In the words of harbour master Tom Reid, "nobody fishes here any more."')
    assert said[0][1] == "Tom Reid"
    # In a headline every word is capitalised: there "Says" is the verb.
    said = _said("Harbour Master Says Pier Will Reopen “when the storms are over”")
    assert said == [("when the storms are over", "Harbour Master")]


def test_a_participle_speaks_for_the_sentence_subject_not_a_name_before_it() -> None:
    # 'Dean, a medical doctor, then appeared on MSNBC … and began by saying he would
    # “never” …' went to MSNBC, the name in the clause before "saying".
    said = _said(
        "Ann Lindqvist, a harbour pilot, then appeared on Harbour Radio on Monday and began by saying "
        "she would “never” steer a ferry in such a storm."
    )
    assert said[0][1] == "Ann Lindqvist"
    # A subject that is only what a person leads is not the speaker.
    said = _said(
        "The leader of the Harbour Board, Tom Reid, condemned the attack, saying that it “will not break our will.”"
    )
    assert said[0][1] == "Tom Reid"


def test_a_tag_after_the_quote_comes_before_a_verb_in_a_later_clause() -> None:
    # '"You're ashamed of me," he guessed, and Rachel kissed him and smiled and
    # didn't say anything': "say" in the later clause made Rachel the speaker.
    said = _said(
        "Tom Reid walked Ann Lindqvist home along the quay.",
        '"You think the pier is ugly," he guessed, and Ann Lindqvist laughed and did not say a word.',
    )
    assert said[0][1] == "Tom Reid"


def test_the_pronouns_the_text_gives_a_person_tell_their_gender_over_the_first_name_list() -> None:
    # The name lists call Andrea a woman's name; the text calls this Andrea "he".
    # "he said" used to go to the woman named later: both names clashed with "he".
    said = _said(
        "Andrea Rossi runs the harbour school. Andrea said he would keep it open all winter.",
        "Rossi took over in May, when he was 40.",
        "Rossi met the mayor, Marta Holm, on Monday. Holm spoke first.",
        "The school has 40 pupils. Later the pupils sang.",
        '"We never close for the weather," he said.',
    )
    assert said == [("We never close for the weather,", "Andrea Rossi")]


def test_more_forms_of_the_speech_verbs_attribute_a_quote() -> None:
    # "asserted Ann Lee" after a quote, and a participle inside a clause, were
    # no speech verbs: the quotes had no speaker.
    said = _said(
        '"The quay has never flooded," asserted Ann Lee, the harbour master.',
        'The board met on Monday, where Tom Reid began by arguing that "no ferry has ever been late in winter".',
        'Marta Holm closed the meeting, insisting, "We will vote again in the spring."',
    )
    assert [who for _, who in said] == ["Ann Lee", "Tom Reid", "Marta Holm"]
    # A participle with "for" after it is an activity: the nickname stays a term.
    blocks = [Block("paragraph", 'Ann Lee, arguing for the harbour board, met Tom "Skipper" Reid in court.')]
    assert [q.kind for q in find_quotes(blocks, find_entities(blocks))] == ["term"]
    # "before answering" reports no words yet: the one who answers did not say the quote before it.
    said = _said('"Sit down," said Ann Lee. "Where to now?" Tom Reid lit his pipe before answering.')
    assert said == [("Sit down,", "Ann Lee"), ("Where to now?", "Ann Lee")]
    # A participle right after a quote has the sentence's subject.
    said = _said('Tom Reid said the plan was "carefully made" while urging the board to vote.')
    assert said == [("carefully made", "Tom Reid")]


def test_according_to_names_the_source_up_to_its_comma() -> None:
    # A name later in the sentence ("of TNT") used to be taken as the source.
    said = _said(
        'According to the harbour police, the crate held 40 kilos of TNT and had been "left beside the quay overnight".'
    )
    assert said[0][1] != "TNT"
    # A name set off by commas after it is the source's.
    said = _said('According to his sister, Ann Lee, "He read the tide tables before he could walk."')
    assert said[0][1] == "Ann Lee"


def test_the_subject_of_a_clause_says_what_its_verb_reports_not_the_object_before_it() -> None:
    # "Lee visited Reid … and told …": the one told the Gazette is Lee, not Reid.
    said = _said(
        'Harbour master Ann Lee visited Tom Reid at the quay and told the Gazette that the storm "did more damage '
        'than anyone expected".'
    )
    assert said == [("did more damage than anyone expected", "Ann Lee")]


def test_a_passive_speech_verb_names_no_speaker() -> None:
    # "It was said that …": the capitalised words before it are no speaker.
    said = _said(
        "It was said that Tom Reid moved to the coast after losing office, but he never changed: he was always "
        'a man who "kept the ferries running on time".'
    )
    assert said == [("kept the ferries running on time", None)]
    # A farther verb in the passive does not hide the subject of the one before it.
    said = _said(
        "Ann Lee said the ferries could be told to stop sailing or face a ban, warning: "
        '"We are nowhere near the end of this winter."'
    )
    assert said == [("We are nowhere near the end of this winter.", "Ann Lee")]
    # One who was asked answers: "Lee was asked why … (“…”)".
    said = _said('Tom Reid was asked why the ferry was late ("The tide was too low"), and what came next.')
    assert said == [("The tide was too low", "Tom Reid")]


def test_a_pronoun_or_description_before_the_verb_after_a_quote_is_its_subject_not_a_name_before_it() -> None:
    # "Christmas Day" and "Dublin" (in clauses before the verb's own) used to speak.
    said = _said(
        'Tom Reid told the police that the crew each had "a couple of beers" before leaving Oslo for the '
        "island on Christmas Day, the report said."
    )
    assert said[0][1] == "the report"
    said = _said(
        'The port authority has said there is "no reason" for Dublin residents to worry about the flood, '
        "it has also acknowledged."
    )
    assert said[0][1] != "Dublin"
    # A name right after the quote, then what it is, still speaks.
    said = _said('"We will reopen in May," Ann Lee, a harbour official at the port, said on Monday.')
    assert said[0][1] == "Ann Lee"


def test_pointed_out_reports_speech() -> None:
    # "point out" was no speech verb: a quote after "as X pointed out," had no speaker.
    said = _said('The board met on Monday. As its chairman, Tom Reid, pointed out, "The quay is full."')
    assert said == [("The quay is full.", "Tom Reid")]
    said = _said('The Harbour Gazette points out that the vote "was a farce from start to end" and a waste.')
    assert said[0][1] == "Harbour Gazette"
    # A quote closing on a full stop and a doubled mark ends its sentence: the next
    # sentence's verb and its first word are not its attribution.
    said = _said(
        "The Harbour Board, which runs the port, said that “the quay will reopen in spring.’’"
        " Critically, however, it pointed out that it has “no role in the ferry timetable.’’"
    )
    assert said[0][1] == "Harbour Board"
    # Pointing out a thing is no speech: the quote's own tag still speaks.
    said = _said('He pointed out the ship to the crowd. "The quay is full," Anna Kerr said.')
    assert said[0][1] == "Anna Kerr"


def test_a_blurb_signed_with_a_name_and_an_outlet_is_the_names() -> None:
    # A review blurb signed "Name, Outlet" after the quote, with a dash or none.
    for sign in ("", "— ", "-- "):
        said = _said(f'"A gripping, beautifully made film about the sea." {sign}Anna Kerr, Harbour Gazette')
        assert said == [("A gripping, beautifully made film about the sea.", "Anna Kerr")], sign
    said = _said('"A gripping film about the sea." Anna Kerr, Director of the Harbour Board. "We loved it."')
    assert said[0][1] == "Anna Kerr"
    # What they are in parts, and the next signed quote in the same paragraph.
    said = _said(
        '"Gripping from start to end." — Anna Kerr, Director, Kerr Films, Harbour "We loved it." — Tom Reid, Harbour'
    )
    assert [who for _, who in said] == ["Anna Kerr", "Tom Reid"]
    # An outlet's name alone, ending the paragraph.
    assert _said('"A gripping film about the sea." Harbour Gazette')[0][1] == "Harbour Gazette"
    # A blurb signed by what is no name does not continue the one before.
    said = _said('"A gripping film about the sea." Harbour Gazette', '"A film for the ages." 9to5Reel')
    assert said[1][1] is None
    # But not a word after the quote that ends the paragraph.
    assert _said('Anna Kerr said that "the harbour will stay dry all winter." Wrong.')[0][1] == "Anna Kerr"
    # Not a sentence that goes on after the name and its comma.
    assert _said('"We will not sign." Anna Kerr, Harbour\'s mayor, opened the meeting.')[0][1] is None


def test_written_words_are_their_authors() -> None:
    # "reads" was no speech verb, and a document is no speaker: its author, if named, is.
    lead = "The harbour board met on Monday."
    quote = '"The quay is full and the ferries wait,"'
    assert _said(lead, f'The tweet from the Harbour Gazette reads, {quote[:-2]}."')[0][1] == "Harbour Gazette"
    assert _said(lead, f"{quote} the Harbour Gazette story read.")[0][1] == "Harbour Gazette"
    assert _said(lead, f"{quote} Anna Kerr's letter read.")[0][1] == "Anna Kerr"
    assert _said(lead, f"{quote} the letter from Anna Kerr reads.")[0][1] == "Anna Kerr"
    # A document that names no one: no speaker, not "one comment" nor "the statement".
    assert _said(lead, f"{quote} read one comment.")[0][1] is None
    assert _said(lead, f"{quote} the statement said.")[0][1] is None
    # Nor a name before it that did not write it; but one issuing a statement did.
    assert _said("Anna Kerr met the fans.", f"{quote} read one comment.")[0][1] is None
    said = _said('Anna Kerr, who runs the port, issued a statement warning that "the quay is full and shut."')
    assert said[0][1] == "Anna Kerr"
    # A person reading is not a document's words.
    assert _said("Anna Kerr reads every letter.", f"{quote} she said.")[0][1] == "Anna Kerr"


def test_a_surname_that_is_a_title_word_is_the_person_named_in_full() -> None:
    # "King" alone is no name to the recogniser (a title word): it is Gayle King's.
    said = _said(
        "The host, Anna King, met the harbour board on Monday.", '"Will the quay reopen?" King asked Tom Reid.'
    )
    assert said == [("Will the quay reopen?", "Anna King")]
    # Not when no one of that surname was named.
    assert _said("The board met on Monday.", '"Will the quay reopen?" King asked.')[0][1] is None
