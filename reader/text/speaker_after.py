"""Speaker cues after the quotation: its tag ('…," Lee said', '…," said Lee',
'…," she said', '…," the minister said', '…?" Rachel guessed'), read from the
quote's sentence with every quotation blanked out."""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.text.sentences import WORDS_OF, first_sentence, speech_verb
from reader.text.speaker_article import BLANK, PERSONLIKE, Article, MentionRow, Span
from reader.text.speaker_decision import Candidate
from reader.text.speaker_phrases import (
    DESCRIBED_ALONE,
    RUN_ALONE,
    RUN_APPOSITIVE,
    RUN_AT_START,
    SAID_DESCRIPTION,
    SHORT_TAG,
    TAG_AFTER,
    UNNAMED_SUBJECT,
    description,
    is_subject,
    name_run,
    run_features,
    text_ends_sentence,
)
from reader.text.speaker_proposals import Proposals
from reader.text.vocab import SPEECH_PARTICIPLES

# A quotation's blank, then a short clause up to the punctuation before this quote.
_SPLIT_TAG = re.compile(rf"{BLANK}[,;:]?\s+([^{BLANK}]{{2,60}}?)\s*[,;:—–-]\s*$")
_PRONOUN_CLAUSE = re.compile(r"\s*(?:it|he|she|they|we|i)\s+(?:(?:\w+ly|also|has|have|had)\s+)*", re.I)


class After(NamedTuple):
    """What follows a quotation: its sentence's rest (blanked), the speech verb
    there that reports it, and whether a cue there proposed a speaker."""

    text: str
    verb: re.Match[str] | None
    tagged: bool


def _reports(after: str, end: int | None = None) -> re.Match[str] | None:
    """The speech verb after a quote that names who said it: not a participle of
    words yet to come ('“…?” Lee lit his pipe before answering'), nor one right
    after the quote, whose subject is the sentence's, before the quote ('Lee
    called it “a mess” while urging calm')."""
    verb = speech_verb(after, end)
    if verb and verb.group().lower() in SPEECH_PARTICIPLES:
        lead = after[: verb.start()]
        if re.search(r"\b(?:before|without)\s+$", lead) or re.fullmatch(r"[\s,.;]*(?:while|and|by|after)?\s*", lead):
            return None
    return verb


def _split_tag(before: str) -> bool:
    """Whether the sentence before a quote is another quotation and its tag,
    ending in a comma, a semicolon, a colon or a dash ('“Fine,” she said, ')."""
    tag = _SPLIT_TAG.search(before)
    return bool(tag and speech_verb(tag.group(1)))


def surname_bearer(article: Article, lead: str) -> str | None:
    """'…," King said': a surname that is also a title word, which the
    recogniser leaves out, of the one person the article named in full."""
    surname = re.fullmatch(r"[\s,]*([A-Z][a-z]+)\s*", lead)
    if not surname or len(surname.group(1)) <= 2:
        return None
    bearers = {m[3] for m in article.mentions if m[4] == "PERSON" and m[3].split()[-1] == surname.group(1)}
    return bearers.pop() if len(bearers) == 1 else None


def after_cues(p: Proposals, span: Span, before: str) -> After:
    """The candidates the quote's tag after it proposes (`before`: the quote's
    sentence up to it, blanked)."""
    b, start, eb, end = span
    article = p.article
    masked = article.masked
    after = first_sentence(masked[eb][end : end + 160])
    # '“…ends here.” She says…': a full stop inside the marks ends the sentence,
    # so what follows is a new sentence, not the attribution.
    if text_ends_sentence(article.blocks, span) and re.match(r"\s+[A-Z]", after) and not SHORT_TAG.match(after):
        after = ""
    # '“Fine,” she said, “go home.” “Never,” Kerr replied': a quote its own tag
    # splits from the one before, with another quotation right after it: the
    # tag after that one is that one's (its speaker is the split tag's).
    if re.match(rf"\s*{BLANK}", after) and _split_tag(before):
        after = ""

    # After the quote: ", he said", ", said Lee", ", Lee told reporters", and
    # "” Ann Lee, chief economist at a bank, said": a person right after the
    # quote speaks if a speech verb follows anywhere in the sentence.
    after_from = len(p)
    lead_mention = re.match(r"[\s,.!?]*", after)
    first = lead_mention.end() if lead_mention else 0
    # (Not a possessor: in '…," Holm's former deputy said' the deputy speaks.)
    opening = [m for m in p.mentions_in(eb, end + first, len(masked[eb])) if m[1] == end + first and m[4] in PERSONLIKE]
    if opening and _reports(after):
        p.add_mentions(opening[:1], "after_opening", prefer_last=False)
    # (A long window: '," Senator Ann Lee, Liberal of the coast district, said'
    # puts an appositive between the name and the verb.)
    verb = _reports(after, 120)
    if verb and re.fullmatch(r"[\s,]*(?:and|but|or|then)\s+(?:\w+ly\s+|also\s+)?", after[: verb.start()]):
        verb = None  # '"…," and added that…': the sentence's subject, before the quote, spoke
    if verb and TAG_AFTER.match(after) and re.search(r"[,;]\s+(?:and|but|then|while)\s", after[: verb.start()]):
        # '“…,” he guessed, and Ann kissed him and didn't say anything': the
        # quote's own tag comes first; the verb is in a later clause.
        verb = None
    if verb:
        _verb_tag(p, span, after, verb, first, _subject_before(p, span, before))
    elif re.search(r"[,?!—–-]\s*$", article.blocks[eb].text[max(0, end - 3) : end - 1]):
        _any_verb_tag(p, span, after)

    # '“…” & he said, “…”', '“…,” and that, as his daughter, Gianna, said, ‘…’':
    # a clause joined on after the quote whose verb opens the next quotation
    # attributes that one, not this.
    if verb and re.match(r"[\s,]*(?:and|but|&)[\s,]", after) and re.match(rf"[\s,:]*{BLANK}", after[verb.end() :]):
        p.mark(after_from, None, "next_quote")
    return After(after, verb, len(p) > after_from)


def _verb_tag(p: Proposals, span: Span, after: str, verb: re.Match[str], first: int, subject_before: bool) -> None:
    """A speech verb after the quote: its subject before it ('…," Lee said', '…,"
    she said', '…," the minister said') or the noun phrase after it ('…," said Lee')."""
    b, start, eb, end = span
    lead = after[: verb.start()]
    subjects = p.mentions_in(eb, end, end + verb.start())
    if verb.group().lower() == "according" or re.fullmatch(WORDS_OF, verb.group(), re.I):
        # (Not when a person before the quote is its sentence's subject: in 'Lee
        # called it “heartbreaking,” according to the Gazette' the paper reports Lee.)
        if not subject_before:
            _according_to(p, span, after, verb)
        return
    if _inverted(p, span, after, verb, first, subjects):
        _said_x(p, span, after, verb)
        return
    # '“…” for Harbour residents to worry about, it has also acknowledged',
    # '“…” before leaving for the zoo on Boxing Day, the report said': a
    # pronoun or a description after the lead's last comma is the verb's
    # subject, not a name in a clause before it (but '“…,” Ann Lee, a
    # harbour official, said': a name right after the quote is).
    own_clause = lead[lead.rfind(",") + 1 :]
    if (
        subjects
        and subjects[0][1] != end + first
        and "," in lead
        and (_PRONOUN_CLAUSE.fullmatch(own_clause) or description(DESCRIBED_ALONE.match(own_clause)))
    ):
        subjects = []
        lead = own_clause
    if p.add_mentions(subjects, "after_subject", prefer_last=True):
        # The name the lead opens with, typed or not: '…," Mr. Lee of the
        # Harbour Board said' (the board is only what Lee is of).
        named = name_run(RUN_AT_START.match(lead.lstrip(" ,.!?")))
        if named:
            p.add(Candidate(named, "after_name_run", run_features(named)))
        return
    pronoun = re.search(r"\b(he|she|they)\b", lead, re.I)
    if pronoun:
        p.add_antecedents(b, start, pronoun.group(1).lower(), "after_pronoun")
    elif UNNAMED_SUBJECT.fullmatch(lead.strip(" ,.!?")):
        p.add(Candidate(None, "after_unnamed"))  # '…," I say', '…," someone said'
    elif re.search(r"[A-Za-z]{3,}", lead):
        # '…," Port Chair Ann B. Lowe said' (a name the recogniser missed);
        # '…," the influential daily wrote': a speaker we cannot name.
        named = name_run(RUN_ALONE.match(lead) or RUN_APPOSITIVE.match(lead))
        described = description(DESCRIBED_ALONE.match(lead))
        bearer = None if named else surname_bearer(p.article, lead)
        if bearer:
            p.add(Candidate(bearer, "after_name_run", ("person", "surname")))
        elif named:
            p.add(Candidate(named, "after_name_run", run_features(named)))
        elif described:
            p.add(Candidate(described, "after_description", ("description",)))
        else:
            p.add(Candidate(None, "after_unnamed"))
    else:
        _said_x(p, span, after, verb)


def _subject_before(p: Proposals, span: Span, before: str) -> bool:
    """Whether a person named in the quote's sentence before it is its subject."""
    b, start, _, _ = span
    text = p.article.blocks[b].text
    return any(m[4] == "PERSON" and is_subject(text, m[1], m[2]) for m in p.mentions_in(b, start - len(before), start))


def _according_to(p: Proposals, span: Span, after: str, verb: re.Match[str]) -> None:
    """'“…,” according to Ann Lee, the harbour master': the source is named after
    the phrase, up to its comma, whatever the clause before it holds ('chants of
    “…” at a rally in Bergen, according to Ann Lee' are not Bergen's)."""
    _, _, eb, end = span
    source = re.match(r"\s*(?:to\s+)?([^,;:]*)", after[verb.end() :])
    assert source is not None  # the pattern matches the empty string
    lo, hi = end + verb.end() + source.start(1), end + verb.end() + source.end(1)
    if p.add_mentions(p.mentions_in(eb, lo, hi), "according_to", prefer_last=False):
        return
    phrase = source.group(1).rstrip(" .!?")
    if named := name_run(RUN_ALONE.match(phrase)):
        p.add(Candidate(named, "according_to", run_features(named)))
    elif verb.group().lower() != "according" and (described := description(DESCRIBED_ALONE.match(phrase))):
        # "in the words of one campaign operative" (not "according to a new
        # report", which holds a finding more often than words).
        p.add(Candidate(described, "according_to", ("description",)))


# Verbs whose object after them is whom they address, not who speaks.
_ADDRESSING = frozenset("ask asked asks tell told tells".split())


def _inverted(
    p: Proposals, span: Span, after: str, verb: re.Match[str], first: int, subjects: list[MentionRow]
) -> bool:
    """'“…” in Iowa, said Ann Lee', '“…” trying to keep students safe, says Ann
    Lee': a clause finishing the quote's sentence, then a comma, the verb and a
    person's name. The name after the verb speaks, not one in the clause (not
    '“…,” Ann Lee, a harbour official, said Tuesday', whose name opens the tag)."""
    _, _, eb, end = span
    lead = after[: verb.start()]
    if "," not in lead or lead[lead.rfind(",") + 1 :].strip() or verb.group().lower() in _ADDRESSING:
        return False
    if subjects and subjects[0][1] == end + first:
        return False
    named_at = end + verb.end() + len(after[verb.end() :]) - len(after[verb.end() :].lstrip())
    return any(m[1] == named_at and m[4] in PERSONLIKE for m in p.mentions_in(eb, named_at, len(p.article.masked[eb])))


def _said_x(p: Proposals, span: Span, after: str, verb: re.Match[str]) -> None:
    """'…," said Lee to the crowd, which …': the noun phrase right after the
    verb, up to a comma or a preposition."""
    _, _, eb, end = span
    rest = after[verb.end() :]
    stop = re.search(r",|\s(?:to|at|in|on|during|after|before|as|while|when|who|which)\s", rest)
    phrase_end = end + verb.end() + (stop.start() if stop else len(rest))
    if p.add_mentions(p.mentions_in(eb, end + verb.end(), phrase_end), "said_x", prefer_last=False):
        return
    if named := name_run(RUN_AT_START.match(rest), after_verb=True):
        p.add(Candidate(named, "said_x_run", run_features(named)))
    elif described := description(SAID_DESCRIPTION.match(rest[: phrase_end - end - verb.end()].rstrip(" .;!?"))):
        # The name an appositive gives ('…, Ann Lee.') or the description.
        apposed = re.match(r",\s*", rest[phrase_end - end - verb.end() :]) if stop else None
        named_at = phrase_end + apposed.end() if apposed else -1
        named_after = [m for m in p.mentions_in(eb, named_at, len(p.article.masked[eb])) if m[1] == named_at]
        if not p.add_mentions(named_after[:1], "said_x", prefer_last=False):
            p.add(Candidate(described, "said_x_description", ("description",)))


def _any_verb_tag(p: Proposals, span: Span, after: str) -> None:
    """'“…,” he shrugged', '“…?” Rachel guessed': a quote that stops on a comma,
    question or dash mark, then a name or pronoun and a verb, is tagged with its
    speaker whatever the verb."""
    b, start, eb, end = span
    tag = TAG_AFTER.match(after)
    if tag and tag.group(1):
        p.add_antecedents(b, start, tag.group(1).lower(), "after_tag")
    elif tag and tag.group(3):
        described = description(re.match(r"(.*)", tag.group(3)))
        if described:
            p.add(Candidate(described, "after_tag", ("description",)))
    elif tag and not p.add_mentions(p.mentions_in(eb, end + tag.start(2), end + tag.end(2)), "after_tag", False):
        named = name_run(re.match(r"(.*)", tag.group(2)))
        if named:
            p.add(Candidate(named, "after_tag", run_features(named)))
