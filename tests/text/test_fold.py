"""Folding: duplicates, near duplicates, teasers and glued lines; nothing lost."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.model import Block
from reader.text.fold import fold, split_glued
from reader.text.normalize import fold_key

LEAD = "The council voted on Tuesday to close the old swimming baths on Mill Road after a survey found the roof unsafe."


def P(text: str, kind: str = "paragraph") -> Block:  # noqa: N802 - reads like a constructor
    return Block(kind, text)


def test_exact_duplicates_fold_with_count_and_positions() -> None:
    blocks = [
        P("A"),
        P("Caption of a photo", "caption"),
        P("Caption of a photo", "caption"),
        P("B"),
        P("Caption of a photo", "caption"),
    ]
    out = fold(blocks)
    assert [b.text for b in out] == ["A", "Caption of a photo", "B"]
    assert out[1].repeats == 3 and out[1].occurrences == (1, 2, 4)
    assert out[1].kind == "caption"


def test_near_duplicates_fold_case_quotes_whitespace_punctuation() -> None:
    a = "Poland said the fence would be finished by 'the end of June', officials confirmed"
    b = "poland said the  fence would be finished by “the end of June” officials confirmed."
    assert len(fold([P(a), P(b)])) == 1


def test_one_changed_character_still_folds_but_different_captions_do_not() -> None:
    a = "Riot police stand in a line at the en masse crossing near the village of Bruzgi today"
    b = "Riot police stand in a line at the en-masse crossing near the village of Bruzgi today"
    c = "Riot police stand in a line at the crossing while medics treat a child near Bruzgi"
    out = fold([P(a), P(b), P(c)])
    assert [x.repeats for x in out] == [2, 1]


def test_teaser_before_lead_folds_into_the_full_lead() -> None:
    teaser = LEAD[:70].rsplit(" ", 1)[0] + "..."
    out = fold([P(teaser), P(LEAD), P("Second paragraph follows here.")])
    assert out[0].text == LEAD and out[0].repeats == 2 and out[0].occurrences == (0, 1)
    assert len(out) == 2


def test_teaser_with_unicode_ellipsis_after_lead_folds() -> None:
    teaser = LEAD[:80] + "…"
    out = fold([P(LEAD), P(teaser)])
    assert len(out) == 1 and out[0].text == LEAD


def test_short_truncated_line_does_not_swallow_a_paragraph() -> None:
    out = fold([P("The council..."), P(LEAD)])
    assert len(out) == 2


def test_glued_captions_are_split_when_halves_are_known() -> None:
    a = "Crowds gather outside the town hall before the vote on the baths"
    b = "A lifeguard locks the doors of the Mill Road baths for the last time"
    lines = [a, a + b, b]
    assert split_glued(lines) == [a, a, b, b]
    out = fold([P(t, "caption") for t in split_glued(lines)])
    assert [(x.text, x.repeats) for x in out] == [(a, 2), (b, 2)]


def test_names_with_inner_capitals_are_not_split() -> None:
    line = "Shoppers queue outside McDonald's and an iPhone store on the high street today"
    assert split_glued([line, "Another line that is long enough to count"]) == [
        line,
        "Another line that is long enough to count",
    ]


def test_fold_is_idempotent_on_folded_blocks() -> None:
    blocks = [P("x one two three"), P("x one two three"), P("y four five six")]
    once = fold(blocks)
    assert fold(once) == once


# -- properties -----------------------------------------------------------------

words = st.sampled_from(
    "the council harbour fence border minister said police crowd river vote "
    "ferry storm today monday guards village road school night".split()
)
sentences = st.lists(words, min_size=4, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraphs = st.lists(sentences, min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(paragraphs, st.randoms(use_true_random=False))
def test_folding_never_drops_text(texts: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    doubled = []
    for t in texts:
        doubled.append(t)
        if rnd.random() < 0.5:
            doubled.append(t)
    out = fold([P(t) for t in doubled])
    kept = {fold_key(b.text) for b in out}
    for t in doubled:
        key = fold_key(t)
        # Each source paragraph is in the output itself or as a near duplicate of a kept one.
        assert key in kept or any(_close(key, k) for k in kept)
    assert sum(b.repeats for b in out) == len(doubled)
    positions = sorted(p for b in out for p in b.occurrences)
    assert positions == list(range(len(doubled)))


@settings(max_examples=150, deadline=None)
@given(paragraphs)
def test_folding_is_idempotent(texts: list[str]) -> None:
    once = fold([P(t) for t in texts])
    assert fold(once) == once


@settings(max_examples=150, deadline=None)
@given(paragraphs)
def test_every_paragraph_doubled_folds_like_the_original(texts: list[str]) -> None:
    single = fold([P(t) for t in texts])
    doubled = fold([P(t) for t in texts for _ in (0, 1)])
    assert [b.text for b in doubled] == [b.text for b in single]
    assert [b.repeats for b in doubled] == [2 * b.repeats for b in single]


@settings(max_examples=100, deadline=None)
@given(paragraphs)
def test_first_occurrence_order_is_kept(texts: list[str]) -> None:
    out = fold([P(t) for t in texts])
    firsts = [b.occurrences[0] for b in out]
    assert firsts == sorted(firsts)


def _close(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) >= 92


def test_paragraphs_differing_only_in_numbers_do_not_fold() -> None:
    a = "Poland has sent 4,000 more soldiers to guard the border crossing near the village, officials said"
    b = "Poland has sent 15,000 more soldiers to guard the border crossing near the village, officials said"
    assert len(fold([P(a), P(b)])) == 2


def test_a_caption_ending_in_a_number_is_split_from_the_next() -> None:
    # Found trying the app: "…enters day 4Mateo Petrov speaks…" stayed glued.
    a = "Commuters queue at the ferry terminal as the strike enters day 4"
    b = "Union leader Ines Varga speaks to reporters outside the port offices"
    assert split_glued([a, a + b, b]) == [a, a, b, b]
    # A number run into a capital is left alone when neither half is a known block.
    assert split_glued(["The Boeing 737Max returned to service on Tuesday after repairs"]) == [
        "The Boeing 737Max returned to service on Tuesday after repairs"
    ]


def test_an_article_printed_whole_and_again_as_headings_and_paragraphs_folds_into_one() -> None:
    parts = [
        "Harbour fees rise again",
        "The harbour board raised its mooring fees by a tenth on Tuesday, the second rise in two years.",
        "Fishermen said the rise would cost each boat more than it earns in a good month of summer.",
    ]
    whole = " ".join(parts)
    out = fold([P(whole), Block("heading", parts[0]), P(parts[1]), P(parts[2])])
    assert [b.text for b in out] == parts
    assert out[0].kind == "heading" and out[0].occurrences == (0, 1)
    assert sum(b.repeats for b in out) == 4


@settings(max_examples=100, deadline=None)
@given(paragraphs, st.booleans())
def test_a_whole_copy_of_the_article_folds_like_the_original(texts: list[str], whole_first: bool) -> None:
    assume(len(texts) >= 2 and len(" ".join(texts).split()) >= 16)
    single = fold([P(t) for t in texts])
    whole = [P(" ".join(texts))]
    printed = whole + [P(t) for t in texts] if whole_first else [P(t) for t in texts] + whole
    out = fold(printed)
    assert [b.text for b in out] == [b.text for b in single]
    assert sum(b.repeats for b in out) == len(printed)
    assert sorted(p for b in out for p in b.occurrences) == list(range(len(printed)))
    assert fold(out) == out


def test_each_block_is_keyed_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """fold() and its whole-copy pass share the blocks' fold keys (each was
    computed twice: a fifth of folding's time on a generated article)."""
    import reader.text.fold as fold_module

    asked: list[str] = []

    def counting(text: str) -> str:
        asked.append(text)
        return fold_key(text)

    monkeypatch.setattr(fold_module, "fold_key", counting)
    texts = [f"Paragraph {n} of the story, with enough words to be prose here." for n in range(6)]
    out = fold([Block(kind="paragraph", text=t) for t in texts + texts[:2]])
    assert [b.repeats for b in out] == [2, 2, 1, 1, 1, 1]
    assert sorted(asked) == sorted(texts + texts[:2])
