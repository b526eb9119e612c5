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


def test_of_several_h1s_the_one_like_the_meta_title_wins() -> None:
    h1s = ["Weather desk", "Storm closes the east harbour for a second day"]
    title = "Storm closes the east harbour for a second day - Coast Courier"
    assert choose_title(h1s, "Harbour shut again as storm lingers", title, None, ["Coast Courier"]) == h1s[1]


def test_kicker_run_into_the_h1_is_dropped() -> None:
    # "Live BlogFerries…": a kicker span glued to the headline with no space.
    assert choose_title(
        ["Live BlogFerries resume after the storm"], "Ferries resume after the storm", None, None, []
    ) == ("Ferries resume after the storm")
    # A subtitle on its own line inside the h1.
    h1 = "Ferries resume after the storm\n\n\nPassengers queue from dawn"
    assert choose_title([h1], "Ferries resume after the storm", None, None, []) == "Ferries resume after the storm"
    # But a headline that merely goes on past the meta title is kept whole.
    long_h1 = "Ferries resume after the storm to the relief of stranded lorry drivers"
    assert choose_title([long_h1], "Ferries resume after the storm", None, None, []) == long_h1


def test_h1_that_is_the_site_end_of_the_title_is_a_logo() -> None:
    title = "Harbour Notes » Archive » Why the old lighthouse was moved inland"
    assert (
        choose_title(["Harbour Notes"], None, title, "Harbour Notes", []) == "Why the old lighthouse was moved inland"
    )


def test_section_name_in_front_of_the_h1_is_removed() -> None:
    h1 = "Local News | \t\n  Council approves the new tram line to the harbour"
    assert choose_title([h1], "Council approves the new tram line to the harbour", None, None, ["Gazette"]) == (
        "Council approves the new tram line to the harbour"
    )


def test_lone_headline_h1_beats_a_page_label() -> None:
    assert choose_title(["Keeping small harbours open all winter"], "About Us - Harbour Trust", None, None, []) == (
        "Keeping small harbours open all winter"
    )


def test_headline_given_as_site_name_is_not_a_site_name() -> None:
    headline = "Student halls too full to be safe, wardens warn"
    assert choose_title([headline], None, headline, headline, [headline]) == headline


def test_a_title_ending_in_a_separator_is_only_the_site_name() -> None:
    # "Coast Rail Enquiries -": the page's own part of the title was left empty.
    assert choose_title([""], None, "Coast Rail Enquiries -", None, ["coastrail"]) is None
    assert strip_site("Coast Rail Enquiries -", []) == "Coast Rail Enquiries"


def test_a_headline_ending_in_a_separator_keeps_the_headline() -> None:
    # "Storm closes port |": here the site's side was left empty.
    assert choose_title(["Storm closes port"], "Storm closes port", "Storm closes port |", None, []) == (
        "Storm closes port"
    )
    assert choose_title([], None, "Ferries resume after three days of storms |", None, []) == (
        "Ferries resume after three days of storms"
    )


def test_of_meta_titles_differing_only_in_case_the_written_case_wins() -> None:
    # og:title run through a "capitalise every word" filter; <title> as written.
    chosen = choose_title(
        [], "Ferry Returning To Port With Crew Of Nine", "Ferry returning to port with crew of nine", None, []
    )
    assert chosen == "Ferry returning to port with crew of nine"
    assert choose_title([], "Ferry Returns To Port", "Storm closes port", None, []) == "Ferry Returns To Port"


def test_the_part_of_the_title_shown_above_the_article_is_the_headline() -> None:
    title = "Ferry slip to close for spring repairs (from The Island Gazette )"
    shown = ["Ferry slip to close for spring repairs", "Island Gazette", "Home | News | Sport"]
    assert choose_title([], None, title, None, [], shown) == "Ferry slip to close for spring repairs"
    # A section name and the site in front: "World -- Headline", "site.com: Headline".
    title = "Gazette.example: World -- Storm closes the east harbour again"
    assert choose_title([], None, title, None, [], ["Storm closes the east harbour again"]) == (
        "Storm closes the east harbour again"
    )


def test_words_from_inside_the_title_are_not_a_headline() -> None:
    # A tag link that happens to repeat three words of the headline.
    title = "Wait, are dead skin cells actually a good thing? | Skin Notes"
    assert choose_title([], None, title, None, ["Skin Notes"], ["dead skin cells"]) == (
        "Wait, are dead skin cells actually a good thing?"
    )


def test_a_logo_h1_that_only_trafilatura_calls_the_title_loses_to_the_shown_headline() -> None:
    # trafilatura takes the first <h1> (here the section's) for the page's title.
    chosen = choose_title(
        ["Sports", "Most read"],
        None,
        "Island Gazette | Ferry crews win the harbour cup",
        "Sports",
        [],
        ["Ferry crews win the harbour cup", "Sports"],
    )
    assert chosen == "Ferry crews win the harbour cup"


def test_the_titles_other_parts_are_names_an_h1_drops() -> None:
    # The <h1> repeats the title's section; the page shows the bare headline above the article.
    title = "Gazette - Ferry crews win the harbour cup - Rowing"
    chosen = choose_title(
        ["Ferry crews win the harbour cup - Rowing"], None, title, None, [], ["Ferry crews win the harbour cup"]
    )
    assert chosen == "Ferry crews win the harbour cup"


def test_underscores_set_a_site_apart_and_a_headline_shown_below_still_counts() -> None:
    title = "Ferry crews win the harbour cup_English_Gazette"
    assert choose_title([], None, title, None, [], [], ["Ferry crews win the harbour cup"]) == (
        "Ferry crews win the harbour cup"
    )


def test_an_h1_made_of_the_titles_site_and_section_is_not_the_headline() -> None:
    title = "Gazette: Harbour Views : Ferry crews win the harbour cup"
    shown = ["Ferry crews win the harbour cup", "Gazette: Harbour Views"]
    assert choose_title(["Gazette: Harbour Views"], None, title, None, [], shown) == "Ferry crews win the harbour cup"
