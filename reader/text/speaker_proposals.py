"""The growing list of candidate speakers for one quotation, and how the
article's name mentions become candidates: every cue module adds to it through
this one object, so what a mention counts as (its type, the subject of its
sentence, a pronoun's gender) is decided in one place."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.text.speaker_article import PERSONLIKE, Article, MentionRow
from reader.text.speaker_decision import Candidate
from reader.text.speaker_phrases import is_subject, mention_features, modifier, person_name

_TYPES = frozenset({"org", "place", "group", "untyped", "run"})


def as_person(name: str, features: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """A mention that keeps a title or an affiliation around a person's name
    ("Secretary of State Ann Lee", typed an organisation) speaks as that person:
    the name alone, with the person feature for its type."""
    person = person_name(name)
    if person == name:
        return name, features
    return person, ("person", *(f for f in features if f not in _TYPES))


@dataclass
class Proposals:
    """The candidates proposed so far for a quotation of `article`, nearest cues first."""

    article: Article
    out: list[Candidate] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.out)

    def add(self, candidate: Candidate) -> None:
        self.out.append(candidate)

    def mark(self, lo: int, hi: int | None, feature: str) -> None:
        """Add `feature` to the candidates from `lo` to `hi` (None: the end)."""
        self.out[lo:hi] = [replace(c, features=(*c.features, feature)) for c in self.out[lo:hi]]

    def mentions_in(self, block: int, lo: int, hi: int) -> list[MentionRow]:
        """The mentions between `lo` and `hi` in `block`, but not those that only
        qualify another word ("the Harbour Board's chairman")."""
        text = self.article.blocks[block].text
        return [
            m
            for m in self.article.mentions
            if m[0] == block and lo <= m[1] and m[2] <= hi and not modifier(text, m[1], m[2])
        ]

    def add_mentions(
        self, found: list[MentionRow], cue: str, prefer_last: bool, rank: int = 0, subjects: bool = False
    ) -> bool:
        """The mentions as candidates, the preferred end's first; a person
        outranks others of the same cue by its type feature. `subjects`: a
        mention that is its sentence's subject has the subject feature ("Ann
        Lee visited Tom Reid and told …": Lee, not the object nearer the verb)."""
        ordered = list(reversed(found)) if prefer_last else found
        for n, m in enumerate(ordered):
            name, features = as_person(m[3], mention_features(self.article, m))
            if subjects and is_subject(self.article.blocks[m[0]].text, m[1], m[2]):
                features = (*features, "subject")
            self.out.append(Candidate(name, cue, features, rank + n))
        return bool(found)

    def add_antecedents(self, block: int, pos: int, pronoun: str, cue: str) -> None:
        """Who "he"/"she"/"they" is: each person (or, for "they", organisation)
        named before, nearest first; a sentence's subject and an agreeing gender
        count for it, a clashing gender against it."""
        article = self.article
        allowed = PERSONLIKE | {"ORG"} if pronoun == "they" else PERSONLIKE
        earlier = [
            m
            for m in article.mentions
            if m[4] in allowed and (m[0], m[1]) < (block, pos) and not modifier(article.blocks[m[0]].text, m[1], m[2])
        ]
        seen: list[str] = []
        for m in reversed(earlier):
            if m[3] in seen:
                continue
            seen.append(m[3])
            # A name in a prepositional phrase ("a trip with Ed Lee", "a professor at
            # Cornell") is a fair antecedent, but no subject, whatever verb follows.
            features = ["prepositional_antecedent" if f == "prepositional" else f for f in mention_features(article, m)]
            if "prepositional_antecedent" not in features and is_subject(article.blocks[m[0]].text, m[1], m[2]):
                features.append("subject")
            want = {"she": "f", "he": "m"}.get(pronoun)
            has = article.genders.get(m[3])
            if want and has:
                features.append("gender_agrees" if has == want else "gender_clash")
            if m[0] < block - 1:
                features.append("paragraphs_back")
            name, kinds = as_person(m[3], tuple(features))
            self.out.append(Candidate(name, cue, kinds, len(seen) - 1))
            if len(seen) >= 6:
                break
