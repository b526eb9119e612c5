"""The sentence around a quotation: its clauses, verb chains and forms, participles,
passives, and which subject speaks."""

from __future__ import annotations

from reader.model import Block
from reader.text.entities import find_entities
from reader.text.quotes import find_quotes
from tests.text.speech import said as _said


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


def test_a_clause_joined_on_after_a_quote_attributes_the_next_quote_not_this_one() -> None:
    # 'I said, "Hey, write sometime" & he said, "Yeah"': "he said" went to the first quote too.
    said = _said('Tom Reid stood up at the back. Ann Lindqvist said, "We will sign the deal," and then he said, "No."')
    assert said == [("We will sign the deal,", "Ann Lindqvist"), ("No.", "Tom Reid")]
    # One speaker's quote, tagged after it, keeps its tag.
    said = _said('Tom Reid stood up at the back. "We will sign the deal," Ann Lindqvist said, "and soon."')
    assert [who for _, who in said] == ["Ann Lindqvist", "Ann Lindqvist"]


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
