from __future__ import annotations

from reader.ingest.titles import choose_title, strip_site


def test_site_name_suffix_and_section_prefix_are_removed() -> None:
    assert strip_site("Storm closes port | Harbour Gazette", ["Harbour Gazette"]) == "Storm closes port"
    assert strip_site("Harbour Gazette - Storm closes port", ["harbourgazette.example"]) == "Storm closes port"
    assert strip_site("Politics | Council approves the new tram line to the harbour", []) == (
        "Council approves the new tram line to the harbour"
    )


def test_separators_inside_a_headline_are_kept() -> None:
    title = "Record of the week: Rivers - Lift Off / Pale Dot"
    assert strip_site(title, ["Tone Deaf"]) == title


def test_single_h1_that_agrees_with_the_meta_title_wins() -> None:
    assert choose_title(["Storm shuts port"], "Storm shuts Eastham port for a day", "x | Gazette", None, []) == (
        "Storm shuts port"
    )


def test_logo_h1_loses_to_meta_title() -> None:
    chosen = choose_title(["Harbour Gazette"], None, "Storm closes port | Harbour Gazette", None, ["Harbour Gazette"])
    assert chosen == "Storm closes port"
