"""Who said a quotation: candidates, their evidence, and a scored decision.

Each place a speaker can stand relative to a quote and a speech verb is a cue
that proposes candidates: the named subject of a speech verb after the quote
('…," Lee said'), the name after the verb ('…," said Lee'), a pronoun's
antecedent ('…," she said'), the subject of a verb before the quote ('Lee
told the BBC: "…"'), "according to Lee", a "Name, Outlet:" line, a pull quote
signed with a dash, an appositive, and the previous paragraph's speaker for a
paragraph that only continues a quotation. Features of each candidate count for
or against it: what kind of name it is (a person, an organisation, a place, a
capitalised run the recogniser did not type, a description), whether a pronoun's
gender agrees, how far back an antecedent or a verb is. The weights of cues and
features are data (speaker_weights.json, set on development data only: PolNeAR
dev, LitBank, gum-dev); the best candidate above the threshold speaks.
`explain()` lists every candidate with its score.

A name inside a quotation never speaks it, and a speaker is read from the text
with every quotation blanked out, so a speaker's name never spans a quotation.

This module lists the cues in order; each kind lives in its own module
(speaker_written.py: signatures and documents; speaker_after.py: the tag after
the quote; speaker_before.py: the verbs before it, the sentence before, the
sentence's subject), all adding to one Proposals list (speaker_proposals.py).
What they read is speaker_article.py, the phrases they look for
speaker_phrases.py, and the scored decision speaker_decision.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.text.speaker_after import after_cues
from reader.text.speaker_article import BLANK, VOCATIVE, Article, Span
from reader.text.speaker_before import before_cues, previous_sentence, sentence_subject
from reader.text.speaker_decision import Candidate, decide
from reader.text.speaker_described import described_person
from reader.text.speaker_phrases import FIRST_PERSON_AFTER, FIRST_PERSON_BEFORE
from reader.text.speaker_proposals import Proposals
from reader.text.speaker_written import author, signatures


def speaker(article: Article, span: Span, before: str, previous: tuple[int, str | None] | None) -> str | None:
    """The speaker of the quotation at `span` (`before`: its sentence up to the
    opening mark, blanked; `previous`: the last speech quote's end block and speaker)."""
    return decide(candidates(article, span, before, previous))


def explain(article: Article, span: Span, before: str, previous: tuple[int, str | None] | None) -> list[str]:
    """Every candidate with its cue, features and score, best first."""
    found = sorted(candidates(article, span, before, previous), key=lambda c: -c.score())
    return [f"{c.score():6.2f}  {c.name!r:30} {c.cue} {' '.join(c.features)} rank={c.rank}" for c in found]


def candidates(article: Article, span: Span, before: str, previous: tuple[int, str | None] | None) -> list[Candidate]:
    """Every candidate speaker for the quotation at `span`, nearest cues first."""
    p = Proposals(article)
    signatures(p, span)
    after = after_cues(p, span, before)
    verbs = before_cues(p, span[0], before, span[1])
    previous_sentence(p, span, before)
    sentence_subject(p, span, before, verbs)
    narrator(p, after.text, before)
    continued(p, span, before, previous, bool(verbs.found) or after.tagged)
    out = addressed(p.out, article, span)
    out = [c for c in (author(c) for c in out) if c]
    out = described(out, article, span)
    return [c for c in out if c.name is None or (BLANK not in c.name and c.name.strip())]


def narrator(p: Proposals, after: str, before: str) -> None:
    """'“…,” I say': the narrator, where the text names who "I" is, or else the
    byline's author of a first-person piece (a column, a letter, a vlog)."""
    if FIRST_PERSON_AFTER.match(after) or FIRST_PERSON_BEFORE.search(before):
        if p.article.narrator:
            p.add(Candidate(p.article.narrator, "narrator"))
        elif p.article.author:
            p.add(Candidate(p.article.author, "narrator", ("byline",)))


def continued(p: Proposals, span: Span, before: str, previous: tuple[int, str | None] | None, attributed: bool) -> None:
    """A paragraph that only continues the previous paragraph's quotation (not
    one with its own cue, nor one signed after the quote by a few words: '“…”
    9to5Mac', a blurb's source)."""
    b, _, eb, end = span
    rest = p.article.masked[eb][end:].strip()
    signed_off = 0 < len(rest.split()) <= 4 and BLANK not in rest and not re.search(r"[.!?:]$", rest)
    if (
        previous is not None
        and not before.strip(" \t\n" + BLANK)
        and previous[0] >= b - 1
        and not attributed
        and not signed_off
    ):
        p.add(Candidate(previous[1], "continued", ("same_paragraph",) if previous[0] == b else ()))


def described(out: list[Candidate], article: Article, span: Span) -> list[Candidate]:
    """'…," the minister said': before each definite description, the person the
    article gave that role, scored as the description was (the `described`
    feature weighs what `description` does), so the name speaks in its place."""
    found: list[Candidate] = []
    for c in out:
        person = described_person(article, c.name, span[0], span[1]) if c.name and "description" in c.features else None
        if person:
            features = ("person", *("described" if f == "description" else f for f in c.features))
            found.append(replace(c, name=person, features=features))
        found.append(c)
    return found


def addressed(out: list[Candidate], article: Article, span: Span) -> list[Candidate]:
    """“Robert, come here.”: the one addressed does not say it."""
    b, start, eb, end = span
    quote = article.blocks[b].text[start:end] if b == eb else article.blocks[b].text[start:]
    names = {w for found in VOCATIVE.finditer(quote.strip()) for w in (found.group(1) or found.group(2)).split()}
    return [
        replace(c, features=(*c.features, "addressed")) if c.name and set(c.name.split()) & names else c for c in out
    ]
