"""Speaker labels are added beside the article's text, never into a quotation."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Block
from reader.text.entities import find_entities
from reader.text.quotes import find_quotes
from reader.tui.app import NewsReaderApp
from reader.tui.widgets.article import ArticleView, speaker_labels
from tests.tui.conftest import settle

# A quote whose sentence ends inside the next quotation: the label used to be
# put after "it." — inside the second quotation, splitting the words quoted.
ADDING = (
    'Harbour master Ann Berg said the pier was "safe for now," adding: '
    '"That\'s it. We have nowhere to retreat." The ferries wait in the bay.'
)


def _spans(text: str) -> list[tuple[int, int]]:
    blocks = [Block("paragraph", text)]
    return [(q.start, q.end) for q in find_quotes(blocks, find_entities(blocks))]


def _labelled(text: str, labels: dict[int, str]) -> str:
    for at, label in sorted(labels.items(), reverse=True):
        text = text[:at] + label + text[at:]
    return text


def test_a_label_skips_a_sentence_end_inside_the_next_quotation() -> None:
    quoted = _spans(ADDING)
    assert len(quoted) == 2
    labels = speaker_labels(ADDING, [(end, "Ann Berg") for _, end in quoted], quoted)
    # Both labels land after the second quotation's sentence, none inside a quotation.
    assert list(labels) == [ADDING.index('retreat."') + len('retreat."')]
    assert not any(lo < at < hi for at in labels for lo, hi in quoted)


def test_a_quote_running_on_past_the_paragraph_gets_its_label_after_its_own_mark() -> None:
    text = 'Berg said: "The pier stays shut," and then: "Tomorrow. The day after'
    first_end = text.index('shut,"') + 6
    quoted = [(text.index('"The'), first_end), (text.index('"Tomorrow'), len(text) + 1)]
    assert speaker_labels(text, [(first_end, "Ann Berg")], quoted) == {first_end: " — Ann Berg —"}


def test_quotes_of_one_speaker_in_a_row_share_one_label_after_the_last() -> None:
    # A page whose lines were joined into one paragraph showed "— Bush" after each
    # quote's sentence; a run of one speaker's quotes now gets one label, after
    # its last quote (not at the paragraph's end, after words no one quoted said).
    text = (
        '"Prices are very high, which is tough on us," Ann Berg said. "I hope the cartel '
        'sees what it costs us." The cartel meets next in May.'
    )
    quoted = _spans(text)
    assert len(quoted) == 2
    labels = speaker_labels(text, [(end, "Ann Berg") for _, end in quoted], quoted)
    assert labels == {text.index('us." ') + 4: " — Ann Berg —"}
    # Another speaker between them: each keeps its own label.
    text = '"We stay," Ann Berg said. "We go," Lee said. "We wait," Ann Berg said.'
    quoted = _spans(text)
    labels = speaker_labels(
        text, [(end, who) for (_, end), who in zip(quoted, ["Ann Berg", "Lee", "Ann Berg"], strict=True)], quoted
    )
    assert list(labels.values()) == [" — Ann Berg —", " — Lee —", " — Ann Berg"]


_WORDS = st.sampled_from(["the pier", "Ann Berg", "said", "it's", "seas", "calm", "We", "wait"])
_PIECES = st.one_of(_WORDS, st.sampled_from(['"', "“", "”", "'", ".", ",", ":", "!", " ", ". "]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_labels_never_sit_inside_a_quotation_and_the_text_is_unchanged(text: str) -> None:
    quoted = _spans(text)
    labels = speaker_labels(text, [(end, "X Y") for _, end in quoted], quoted)
    assert not any(lo < at < hi for at in labels for lo, hi in quoted)
    shown = _labelled(text, labels)
    for label in set(labels.values()):
        shown = shown.replace(label, "")
    assert shown == text


def _app_over_one_page(tmp_path: Path, paragraph: str) -> NewsReaderApp:
    """The app over an archive of one saved page: a title, then `paragraph`."""
    from reader.archive import Archive
    from reader.config import Config
    from tests.conftest import run_import

    source = tmp_path / "pages"
    source.mkdir()
    (source / "pier.txt").write_text(f"Pier closes for the winter\n\n{paragraph}\n", encoding="utf-8")
    root = tmp_path / "archive"
    with Archive(root) as archive:
        run_import(archive, source)
    return NewsReaderApp(root, config=Config())


async def test_the_reading_pane_shows_the_text_as_written_with_labels_outside_quotes(tmp_path: Path) -> None:
    app = _app_over_one_page(tmp_path, ADDING)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        [shown] = [b.render() for b in reader.query(".block") if "retreat" in str(b.render())]
        # The labels are the styled spans the pane inserted, each " — Name".
        labels = [(span.start, span.end) for span in shown.spans if shown.plain[span.start :].startswith(" — ")]
        assert labels
        plain, kept, at = shown.plain, [], 0
        for lo, hi in sorted(labels):
            kept.append(plain[at:lo])
            at = hi
        assert "".join(kept) + plain[at:] == ADDING  # the text minus the labels is the text as written
        # Where each label was inserted, in the source's offsets: never inside a quotation.
        quoted = _spans(ADDING)
        inserted = [lo - sum(end - start for start, end in labels if end <= lo) for lo, _ in labels]
        assert not any(lo < at < hi for at in inserted for lo, hi in quoted)


def test_speaker_label_goes_after_the_attribution_sentence() -> None:
    # It used to be put straight after the closing quote mark, splitting
    # '"…," — Ann Berg said Ann Berg.' in the middle of the sentence.
    # (Another speaker's quote follows: one speaker's run of quotes in a
    # paragraph is labelled once, after the last of them.)
    text = '"The pier stays shut," said harbour master Ann Berg. "We wait for calm seas," Lars Holm added.'
    first, second = text.index(',"') + 2, text.index('seas,"') + 6
    labels = speaker_labels(text, [(first, "Ann Berg"), (second, "Lars Holm"), (second, "")])
    assert labels == {
        text.index("Berg.") + 5: " — Ann Berg —",
        len(text): " — Lars Holm, speaker unknown",
    }


async def test_the_side_panel_says_a_quote_has_no_known_speaker_as_the_quote_browser_does(tmp_path: Path) -> None:
    """The panel listed such a quote as 'unknown: “…”', which reads as a
    speaker named Unknown; the quote browser and `newsreader quotes` say
    'unknown speaker'."""
    from reader.tui.widgets.side_panel import SidePanel

    said = 'The pier was quiet on Monday. "We have waited three winters for this and we will wait one more."'
    app = _app_over_one_page(tmp_path, said)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "p")
        await settle(pilot)
        panel = app.screen.query_one(SidePanel)
        rows = [
            getattr(p, "plain", str(p))
            for p in (panel.get_option_at_index(n).prompt for n in range(panel.option_count))
        ]
    assert any(row.strip().startswith("unknown speaker: “We have waited") for row in rows), rows
