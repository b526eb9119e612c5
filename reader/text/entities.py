"""Find people, places, organisations and groups in an article's blocks.

A fast recogniser built from evidence rather than a model: runs of capitalised
words (sentence starts handled), titles before names (Mr, President...),
speech verbs after them, heads that make organisations (Ministry, Party...)
or places (border, crossing...), prepositions that cue places, acronyms,
possessives, and gazetteers from data packages (gazetteer.py). Mentions of
one entity in an article link to its longest name ("Mr Lukashenko" →
"Alexander Lukashenko").

The finder's parts, in the order they run: entity_tokens (words with
offsets), entity_candidates (runs of capitals cut into candidate spans),
entity_evidence (the cues of each span), entity_cues (the scored decision and
its weights), entity_linking (mentions into entities, one name one type).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.model import Block
from reader.text.entity_candidates import candidates
from reader.text.entity_linking import UNCERTAIN, UNCERTAIN_BELOW, Entity, Mention, link
from reader.text.language import reads_as_english

__all__ = ["TYPES", "UNCERTAIN", "UNCERTAIN_BELOW", "Entity", "Mention", "candidates", "find_entities"]

TYPES = ("PERSON", "PLACE", "ORG", "GROUP")


def find_entities(
    blocks: Sequence[Block], known: Mapping[str, str] | None = None, explain: list[str] | None = None
) -> list[Entity]:
    """Entities of an article, each with every mention; canonical name = longest.

    `known` maps lowercased names to the type the archive decided for them:
    evidence for mentions the text alone leaves ambiguous. `explain`, when
    given, receives one line per mention saying which cues decided it.
    """
    if not reads_as_english(blocks):
        return []  # the cues are English ones: elsewhere they mislead (a Russian page's every first word)
    return link(candidates(blocks, known), blocks, explain, known or {})
