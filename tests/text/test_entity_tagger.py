"""The statistical tagger (reader/text/entity_tagger.py): its features, how its
reading of a span becomes cues, and a model trained and read back end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pycrfsuite
import pytest

from reader.model import Block
from reader.text import entity_cues, entity_tagger
from reader.text.entities import candidates
from reader.text.entity_tag_features import sequence_features, word_features
from reader.text.entity_tagger import BlockReading, read_block, span_cues
from reader.text.entity_tokens import tokens


@pytest.fixture
def tagger_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever model a test makes the tagger read is forgotten after it."""
    monkeypatch.setattr(entity_tagger, "_model_path", None)
    monkeypatch.setattr(entity_tagger, "_model_set", False)
    monkeypatch.delenv("NEWSREADER_ENTITY_TAGGER", raising=False)


class _Marginals:
    def __init__(self, table: dict[tuple[str, int], float]) -> None:
        self.table = table

    def marginal(self, label: str, i: int) -> float:
        return self.table.get((label, i), 0.0)


def _reading(labels: list[str], sure: float = 0.95) -> BlockReading:
    table = {(label, i): sure for i, label in enumerate(labels)}
    return BlockReading(labels, _Marginals(table))


def test_a_word_shows_its_shape_affixes_and_the_lists_it_is_on() -> None:
    feats = word_features("Paris")
    assert {"w=paris", "sh=Xx", "cap", "place", "p3=par", "s3=ris"} <= set(feats)
    assert "poss" in word_features("Apple's") and "company" in word_features("Apple's")
    assert "sh=X.X." in word_features("U.S.")
    assert "title" in word_features("President")


def test_a_word_sees_its_neighbours_and_the_punctuation_beside_it() -> None:
    text = 'He met Anna Kowalska, "the mayor", in Paris.'
    seq = sequence_features(text, tokens(text))
    anna, kowalska, _the = seq[2], seq[3], seq[4]
    assert "-1:w=met" in anna and "+1:w=kowalska" in anna and "+2:w=the" in anna
    assert "ga=," in kowalska and "gb=" in kowalska
    assert "gb=q" in _the  # a quotation mark before it
    assert "-2:w=he" in anna and "start" in seq[0]
    assert "place" in seq[-1] and "-1:place" not in seq[-1]


def test_the_article_writing_a_word_in_lower_case_is_a_feature() -> None:
    text = "Reading the news in Reading."
    seq = sequence_features(text, tokens(text), {"reading"})
    assert "lower_elsewhere" in seq[-1]


def test_the_tagger_typing_exactly_the_span_gives_its_type_and_how_sure() -> None:
    reading = _reading(["O", "B-PERSON", "I-PERSON", "O"])
    assert span_cues(reading, 1, 2) == ("tagger_PERSON", "tagger_PERSON_sure")
    unsure = _reading(["O", "B-PERSON", "I-PERSON", "O"], sure=0.6)
    assert span_cues(unsure, 1, 2) == ("tagger_PERSON",)


def test_a_name_the_tagger_reads_longer_or_shorter_is_only_part() -> None:
    longer = _reading(["B-ORG", "I-ORG", "I-ORG", "O"])
    assert span_cues(longer, 0, 1) == ("tagger_ORG_part",)  # the tagger's name goes on
    assert span_cues(longer, 1, 2) == ("tagger_ORG_part",)  # it starts before
    mixed = _reading(["B-PLACE", "B-ORG", "O"])
    assert span_cues(mixed, 0, 1) == ("tagger_ORG_part", "tagger_PLACE_part")


def test_a_reading_the_tagger_did_not_choose_is_a_maybe() -> None:
    reading = _reading(["O", "O", "O"], sure=0.6)
    reading._marginals.update({("B-PLACE", 1): 0.4, ("I-PLACE", 2): 0.0})
    assert span_cues(reading, 1, 1) == ("tagger_outside", "tagger_PLACE_maybe")


def test_no_name_where_the_tagger_sees_none() -> None:
    assert span_cues(_reading(["O", "O", "O"]), 0, 1) == ("tagger_outside", "tagger_outside_sure")
    assert span_cues(_reading(["O", "O"], sure=0.5), 0, 1) == ("tagger_outside",)


# Made-up sentences for a tiny model: names after "met" are people, after "in" places.
_PEOPLE = ["Anna Kowalska", "Jonas Berg", "Maria Lopes", "Tom Reed", "Ines Moreau", "Piet de Vries"]
_PLACES = ["Gdansk", "Lisbon", "Rotterdam", "Porto", "Bergen", "Lyon"]


def _train_tiny(path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 50})
    for person in _PEOPLE:
        for place in _PLACES:
            text = f"Yesterday we met {person} in {place} again."
            toks = tokens(text)
            labels = []
            for tok in toks:
                if person.find(tok.text) >= 0 and tok.start >= text.index(person) and tok.end <= text.index(" in "):
                    labels.append("B-PERSON" if tok.start == text.index(person) else "I-PERSON")
                elif tok.text == place:
                    labels.append("B-PLACE")
                else:
                    labels.append("O")
            trainer.append(sequence_features(text, toks), labels)
    trainer.train(str(path))


def test_a_trained_model_is_read_back_and_its_reading_becomes_cues(tmp_path: Path, tagger_state: None) -> None:
    model = tmp_path / "tiny.crfsuite"
    _train_tiny(model)
    entity_tagger.use_model(model)
    text = "Yesterday we met Lena Holm in Malmo again."  # names the model never saw
    reading = read_block(text, tokens(text))
    assert reading is not None
    assert reading.labels[3:7] == ["B-PERSON", "I-PERSON", "O", "B-PLACE"]
    spans = {" ".join(s.words): s.cues for s in candidates([Block("paragraph", text)])}
    assert "tagger_PERSON" in spans["Lena Holm"]
    assert "tagger_PLACE" in spans["Malmo"]


def test_without_a_model_no_tagger_cue_is_added(tagger_state: None) -> None:
    entity_tagger.use_model(None)
    spans = candidates([Block("paragraph", "Yesterday we met Lena Holm in Malmo again.")])
    assert spans and not any(c.startswith("tagger_") for s in spans for c in s.cues)


def test_a_missing_model_file_is_named(tmp_path: Path, tagger_state: None) -> None:
    entity_tagger.use_model(tmp_path / "absent.crfsuite")
    with pytest.raises(FileNotFoundError, match="absent.crfsuite"):
        read_block("Anna met Tom.", tokens("Anna met Tom."))


def test_the_weights_name_the_tagger_they_were_fitted_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tagger_state: None
) -> None:
    weights = tmp_path / "entity_weights.json"
    monkeypatch.setattr(entity_cues, "WEIGHTS_PATH", weights)
    for data, expected in (
        ({"weights": {}}, None),
        ({"weights": {}, "tagger": "entity_tagger.crfsuite"}, tmp_path / "entity_tagger.crfsuite"),
    ):
        weights.write_text(json.dumps(data), encoding="utf-8")
        entity_cues._weights_data.cache_clear()
        assert entity_tagger.model_path() == expected
    entity_cues._weights_data.cache_clear()
    monkeypatch.setenv("NEWSREADER_ENTITY_TAGGER", "off")
    assert entity_tagger.model_path() is None
