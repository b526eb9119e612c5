"""The entity scorer itself: it must not flatter the recogniser."""

from __future__ import annotations

import pytest

from reader.text.entities import Entity, Mention
from tests.eval import eval_entities


def _predicting(monkeypatch: pytest.MonkeyPatch, *entities: Entity) -> None:
    monkeypatch.setattr(eval_entities, "find_entities", lambda blocks, known=None: list(entities))


def test_a_prediction_that_cuts_a_token_is_a_false_positive(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Anna Berg met Olaf": we find Anna Berg, and "Ol" (no token of the sentence).
    sentence = [("Anna", "B-PER"), ("Berg", "I-PER"), ("met", "O"), ("Olaf", "B-PER")]
    _predicting(
        monkeypatch,
        Entity("Anna Berg", "PERSON", [Mention(0, 0, 9, "Anna Berg")]),
        Entity("Ol", "PERSON", [Mention(0, 14, 16, "Ol")]),
    )
    scores = eval_entities.score_ner([[sentence]])
    assert scores["typed"]["precision"] == 0.5
    assert scores["untyped"]["precision"] == 0.5
    assert scores["PER"]["recall"] == 0.5


def test_an_aligned_prediction_still_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = [("Anna", "B-PER"), ("Berg", "I-PER"), ("went", "O"), ("home", "O")]
    _predicting(monkeypatch, Entity("Anna Berg", "PERSON", [Mention(0, 0, 9, "Anna Berg")]))
    assert eval_entities.score_ner([[sentence]])["typed"]["f1"] == 1.0


def test_gum_scoring_drops_possessives_and_ignores_excluded_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = {
        "id": "d",
        "genre": "bio",
        "blocks": [{"kind": "paragraph", "text": "Anna's dog met the Court in Oslo."}],
        "names": [
            {"block": 0, "start": 0, "end": 4, "type": "PERSON"},
            {"block": 0, "start": 27, "end": 31, "type": "PLACE"},
        ],
        "excluded": [{"block": 0, "start": 19, "end": 24}],
    }
    _predicting(
        monkeypatch,
        Entity("Anna", "PERSON", [Mention(0, 0, 6, "Anna's")]),
        Entity("Court", "ORG", [Mention(0, 19, 24, "Court")]),
        Entity("Oslo", "ORG", [Mention(0, 27, 31, "Oslo")]),
    )
    scores = eval_entities.score_gum([doc])
    assert scores["typed"]["precision"] == 0.5  # Anna right; Court ignored; Oslo mistyped
    assert scores["untyped"]["f1"] == 1.0
    assert scores["typed:bio"]["recall"] == 0.5
