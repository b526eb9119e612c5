"""Speaker cues before the quotation: the speech verbs of its sentence ("Lee
said:", "she told Radio X, adding:", "according to Lee"), a "Name, Outlet:"
line, the sentence before a quote that opens its own, and the person who opens
the quote's sentence whatever its verb."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from reader.text.sentences import WORDS_OF, sentence_start, speech_verbs
from reader.text.speaker_article import BLANK, PERSONLIKE, Span
from reader.text.speaker_decision import Candidate
from reader.text.speaker_phrases import (
    DESCRIBED_AT_END,
    LEADING_ADVERBIAL,
    RUN_ALONE,
    RUN_APPOSITIVE,
    RUN_AT_END,
    RUN_OF_AT_END,
    UNNAMED_SUBJECT,
    VERB_CHAIN,
    description,
    is_subject,
    name_run,
    run_features,
    subject_run,
)
from reader.text.speaker_proposals import Proposals
from reader.text.vocab import SPEECH_PARTICIPLES

_PHRASE_END = re.compile(r"[,:;]")
_APPOSED_NAME = re.compile(r"\s*(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*\s*([,:;]|$)")
# A speech verb in the passive: "it was said that", "Lee has been told".
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)


class Verbs(NamedTuple):
    """The speech verbs of a sentence before a quote, and where in the proposals
    the candidates of the verb nearest the quote start and stop."""

    found: list[re.Match[str]]
    nearest: tuple[int, int]


def participle(before: str, verb: re.Match[str]) -> bool:
    """Whether the speech verb nearest a quote is a participle ("…, saying “…”")
    with no other quotation between them."""
    return verb.group().lower() in SPEECH_PARTICIPLES and BLANK not in before[verb.end() :]


def _according_to(
    p: Proposals, block: int, before: str, sentence_from: int, quote_at: int, verb: re.Match[str], rank: int
) -> None:
    """The source comes after: "according to Lee", "in the words of Lee". (Up to
    the phrase's comma: "According to the police, the crate held 40 kilos of TNT
    and “…”" names no one after it.)"""
    phrase = _PHRASE_END.search(before, verb.end())
    phrase_end = sentence_from + phrase.start() if phrase else quote_at
    if phrase and (named_after := _APPOSED_NAME.match(before, phrase.end())):
        phrase_end = sentence_from + named_after.start(1)  # "According to his aunt, Ann Lee, “…”"
    if not p.add_mentions(p.mentions_in(block, sentence_from + verb.end(), phrase_end), "according_to", False, rank):
        # "According to the Spokesman-Review, “…”": a name the recogniser missed.
        source = re.match(r"\s+(?:to\s+)?(?:the\s+)?([^,:;]+?)\s*[,:]", before[verb.end() :])
        named = name_run(RUN_ALONE.match(source.group(1))) if source else None
        if named:
            p.add(Candidate(named, "according_to", run_features(named), rank))


def _verb_subject(
    p: Proposals, block: int, before: str, sentence_from: int, lo: int, verb: re.Match[str], rank: int
) -> None:
    """The subject of one speech verb: the name (or pronoun, or description) in
    the clause just before it."""
    region = before[lo : verb.start()]
    clause_from = lo + region.rfind(",") + 1
    clause = before[clause_from : verb.start()]
    chain = VERB_CHAIN.search(clause)
    if chain:
        clause = clause[: chain.start() + 1]  # "the Board goes on to say": the Board
    if _COORDINATED.search(clause) and _sentence_subject(p, block, before, sentence_from, verb, rank):
        return
    opening_pronoun = _SUBJECT_PRONOUN.match(before)
    if not clause.strip() and opening_pronoun and participle(before, verb):
        # "He has apologized, saying it was “…”": a participle after a comma has
        # its sentence's subject, here the pronoun opening it. (A name opening
        # it is sentence_subject's: "The leader of X, Ann Lee, …, saying".)
        p.add_antecedents(block, sentence_from, opening_pronoun.group(1).lower(), "before_pronoun")
        return
    if not clause.strip() and clause_from > lo:
        # "as his sister, Ann Lee, said": nothing between the comma and the
        # verb; the name set off by the commas before it is the subject.
        # (Only a name that fills the commas: not "Ann Lee, director of
        # debate at the University of Harbour, said".)
        apposed_from = lo + region.rfind(",", 0, clause_from - lo - 1) + 1
        apposed = before[apposed_from : clause_from - 1]
        filling = [
            m
            for m in p.mentions_in(block, sentence_from + apposed_from, sentence_from + clause_from - 1)
            if m[4] in PERSONLIKE and p.article.blocks[block].text[m[1] : m[2]].strip() == apposed.strip()
        ]
        if p.add_mentions(filling, "before_subject", True, rank):
            return
    passive = _PASSIVE.search(clause) and verb.group().lower() not in ("asked", "quoted")
    if UNNAMED_SUBJECT.fullmatch(clause.strip(" ,")) or passive:
        # 'someone said, "…"'; "it was said that …", "Lee was told …": no one
        # named says it (a farther passive verb proposes no one: "Lee said
        # airlines could be told …, warning: “…”")
        if not (passive and rank):
            p.add(Candidate(None, "before_unnamed", (), rank))
        return
    adjacent = re.search(r"\b(he|she|they)\s+(?:\w+ly\s+|also\s+)?$", clause, re.I)
    if adjacent:
        # "… through what she calls “…”": the pronoun right before the verb speaks.
        p.add_antecedents(block, sentence_from + verb.start(), adjacent.group(1).lower(), "before_pronoun")
        return
    if p.add_mentions(
        p.mentions_in(block, sentence_from + clause_from, sentence_from + verb.start()),
        "before_subject",
        True,
        rank,
        # (Not past a description right before the verb: "Poland vowed to
        # resist what the bloc calls …"; nor for a farther verb.)
        subjects=not rank and not description(DESCRIBED_AT_END.search(clause)),
    ):
        return
    pronoun = re.search(r"\b(he|she)\b", clause, re.I)
    if pronoun:
        p.add_antecedents(block, sentence_from + clause_from, pronoun.group(1).lower(), "before_pronoun")
        return
    named = name_run(RUN_OF_AT_END.search(clause)) or name_run(RUN_AT_END.search(clause))
    if named:
        p.add(Candidate(named, "before_name_run", run_features(named), rank))
        return
    described = description(DESCRIBED_AT_END.search(clause))
    if described:
        p.add(Candidate(described, "before_description", ("description",), rank))


# A verb joined to the one before by "and": "Lee stressed the raid … and said".
_COORDINATED = re.compile(r"\S\s+and\s+(?:(?:\w+ly|also|then|later)\s+)?$")


def _sentence_subject(
    p: Proposals, block: int, before: str, sentence_from: int, verb: re.Match[str], rank: int
) -> bool:
    """'Lee, the former secretary, stressed her support of the raid that killed
    Osama bin Laden and said: “…”': a verb joined on with "and" shares its
    sentence's subject, not the nearest name (an object of the verb before).
    The subject: the person or body that opens the sentence, or its pronoun."""
    text = p.article.blocks[block].text
    found = [
        m
        for m in p.mentions_in(block, sentence_from, sentence_from + verb.start())
        if m[4] in PERSONLIKE | {"ORG"}
        and is_subject(text, m[1], m[2])
        # (Not a name inside an opening phrase: "In his Instagram post, Lee …".)
        and not _PREPOSITION_FIRST.match(LEADING_ADVERBIAL.sub("", before[: m[1] - sentence_from], count=1))
    ]
    if found and not _SUBJECT_PRONOUN.match(before):
        return p.add_mentions(found[:1], "before_subject", prefer_last=False, rank=rank, subjects=True)
    pronoun = _SUBJECT_PRONOUN.match(before)
    if pronoun:
        p.add_antecedents(block, sentence_from, pronoun.group(1).lower(), "before_pronoun")
        return True
    return False


_PREPOSITION_FIRST = re.compile(r"\s*(?:in|on|at|after|before|with|during|since|for|from|by|of|to|under|over)\b", re.I)
_SUBJECT_PRONOUN = re.compile(r"\s*(he|she|they)\b", re.I)


def before_cues(p: Proposals, block: int, before: str, quote_at: int) -> Verbs:
    """Before the quote: "Lee said:", "she told Radio X, adding:", "according
    to X". The speech verbs from the last back; the subject is the name (or
    pronoun) in the clause just before a verb. A farther verb ranks lower.
    `before` is the sentence up to `quote_at` in `block`."""
    sentence_from = quote_at - len(before)
    verbs = speech_verbs(before)
    # (where in the proposals each verb's candidates start; whether a quotation
    # stands between that verb and the next)
    proposed: list[tuple[int, bool]] = []
    for rank, n in enumerate(range(len(verbs) - 1, -1, -1)):
        verb = verbs[n]
        proposed.append((len(p), bool(rank) and BLANK in before[verb.end() : verbs[n + 1].start()]))
        if verb.group().lower() == "according" or re.fullmatch(WORDS_OF, verb.group(), re.I):
            _according_to(p, block, before, sentence_from, quote_at, verb, rank)
        else:
            _verb_subject(p, block, before, sentence_from, verbs[n - 1].end() if n else 0, verb, rank)
    # A farther verb with a quotation after it introduces that quotation,
    # not this one: "when he said, ‘…,’ and, as his sister, Ann, said, ‘…’".
    proposed.append((len(p), False))
    for (first, earlier), (stop, _) in zip(proposed, proposed[1:], strict=False):
        if earlier:
            p.mark(first, stop, "farther_verb")
    nearest = (proposed[0][0], proposed[1][0]) if verbs else (0, 0)
    if verbs:
        last = verbs[-1]
        p.add_mentions(p.mentions_in(block, sentence_from, sentence_from + last.start()), "sentence_mention", False)
        # (After "according to", only its phrase: the according_to cue's.)
        source_only = last.group().lower() == "according" or re.fullmatch(WORDS_OF, last.group(), re.I)
        if not source_only:
            p.add_mentions(p.mentions_in(block, sentence_from + last.end(), quote_at), "sentence_mention", False)
    # "Ann Lee, The Harbour Gazette: “…”": a name, a colon, the quote.
    colon = not verbs and before.rstrip().endswith(":")
    if colon and not p.add_mentions(p.mentions_in(block, sentence_from, quote_at), "colon_line", prefer_last=False):
        named = name_run(RUN_APPOSITIVE.match(before) or RUN_ALONE.match(before.rstrip()[:-1]))
        if named:
            p.add(Candidate(named, "colon_line", run_features(named)))
    return Verbs(verbs, nearest)


def previous_sentence(p: Proposals, span: Span, before: str) -> None:
    """A quote that opens its sentence after a sentence that reports speech
    ("Erekat said the talks had failed. “We stand tall.”") or leads in with a
    colon ("Her father summed it up:"), in its paragraph or, for a quote that
    opens its paragraph, the paragraph before: that sentence's cues, weaker."""
    b, start, _, _ = span
    masked = p.article.masked
    if before.strip(" \t\n" + BLANK):
        return
    sentence_from = start - len(before)
    prior_block = b if masked[b][:sentence_from].strip(" \t\n" + BLANK) else b - 1
    if prior_block < 0 or (prior_block != b and p.article.blocks[prior_block].kind not in ("paragraph", "blockquote")):
        return
    prior = masked[prior_block][: sentence_from if prior_block == b else None].rstrip()
    lead = prior[sentence_start(prior, len(prior)) :].lstrip()
    # (A sentence, not a heading: "Conflicting reports", "USAGE:"; a short
    # lead-in is one when a speech verb in lower case leads in: "She writes:",
    # "As Ann Lee reports in the Gazette:".)
    short_lead_in = lead.endswith(":") and any(v.group().islower() for v in speech_verbs(lead))
    if len(re.findall(r"\b[a-z]+\b", lead)) < 3 and not short_lead_in:
        return
    found = len(p)
    before_cues(p, prior_block, lead, len(prior))
    feature = "lead_in" if lead.endswith(":") else "previous_sentence"
    # Only names and descriptions: a capitalised run there is as often the
    # sentence's first word ("Frankly, …:"), and "I wondered …" does not make
    # the narrator say the next quote.
    p.out[found:] = [
        c for c in p.out[found:] if c.name is not None and ("run" not in c.features or "first_name" in c.features)
    ]
    p.mark(found, None, feature)
    # A sentence in the quote's paragraph that reports no speech ("Sanders …
    # identified young voters' exhaustion as a reason. “…”", "Rachel snorted.
    # “…”"): the person it opens with.
    lead_from = len(prior) - len(lead)
    opens = [m for m in p.mentions_in(prior_block, lead_from, len(prior)) if m[4] in PERSONLIKE]
    if prior_block == b and len(p) == found and opens:
        m = opens[0]
        if is_subject(p.article.blocks[m[0]].text, m[1], m[2]):
            p.add_mentions([m], "previous_subject", prefer_last=False)


def sentence_subject(p: Proposals, span: Span, before: str, verbs: Verbs) -> None:
    """Failing any cue, a person or body that opens the quote's sentence ("Lee
    has called the plan “a mess”"): a weak guess the weights rank last."""
    b, start, _, _ = span
    sentence_from = start - len(before)
    opener = [m for m in p.mentions_in(b, sentence_from, start) if m[4] in PERSONLIKE | {"ORG"}]
    # (Not the subject of a clause after "that": in 'Prosecutors alleged that
    # Lee “…”' the prosecutors' words are quoted.)
    if opener and re.search(r"\bthat\s+$", p.article.masked[b][sentence_from : opener[0][1]]):
        opener = []
    if opener and is_subject(p.article.blocks[b].text, opener[0][1], opener[0][2]):
        found = len(p)
        p.add_mentions(opener[:1], "sentence_subject", prefer_last=False)
        # "Lee appeared on the BBC and began by saying “…”": a participle's subject
        # is the sentence's (not "The leader of X, Ann Lee, …, saying"), not a
        # name in the clause before it.
        if verbs.found and participle(before, verbs.found[-1]) and "prepositional" not in p.out[found].features:
            p.mark(found, None, "participle")
            lo, hi = verbs.nearest
            p.out[lo:hi] = [
                c if c.name == p.out[found].name else replace(c, features=(*c.features, "participle_clause"))
                for c in p.out[lo:hi]
            ]
    elif not opener and p.article.english and (named := subject_run(before)):
        # A name the recogniser missed, opening the sentence before its verb or
        # an appositive ("Ann B. Lowe, a port official, called it “a mess”").
        p.add(Candidate(named, "sentence_subject", run_features(named)))
