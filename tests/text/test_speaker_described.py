"""A definite description as a speaker names the person the article gave that role."""

from __future__ import annotations

from reader.text.speaker_described import role
from tests.text.speech import speakers as _said


def test_the_role_of_a_definite_description() -> None:
    assert role("the minister") == "minister"
    assert role("the former harbour mayor") == "mayor"
    assert role("The Prime Minister") == "minister"
    assert role("a spokesman") is None  # not definite: someone else
    assert role("the doctors") is None  # a plural is no one person
    assert role("the Harbour Gazette") is None  # a name, not a role
    assert role("Ann Lee") is None


def test_the_description_after_a_quote_names_the_person_given_that_role_before() -> None:
    # A title before the name.
    assert _said(
        "Harbour Commissioner Margit Sandvik opened the new ferry terminal on Monday.",
        '"It has taken us ten years," the commissioner said.',
    ) == ["Margit Sandvik"]
    # An appositive after it, and the name the role was given to, not the last person named.
    assert _said(
        "Margit Sandvik, the town's harbour master, met Tomas Berg at the quay.",
        '"The ferries will run again in May," the harbour master said.',
    ) == ["Margit Sandvik"]


def test_a_description_no_one_was_given_stays_a_description() -> None:
    # A comma before the next clause's subject is no appositive ("…about Berg,
    # the doctor said"), and no one here was called the doctor.
    said = _said(
        "Though she had planned to write about Tomas Berg, the doctor said she would wait. "
        '"It is too soon," the doctor said.'
    )
    assert said == ["the doctor"]
    # Nor is a verb's object a role: Berg signed the brief, he is not the brief.
    said = _said(
        "Tomas Berg, who signed the brief, left the court.",
        '"The harbour needs the ferry," the judge said.',
    )
    assert said == ["the judge"]
