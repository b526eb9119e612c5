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

This module holds the cues; what they read is speaker_article.py, the phrases
they look for speaker_phrases.py, and the scored decision speaker_decision.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.text.sentences import WORDS_OF, first_sentence, sentence_start, speech_verb, speech_verbs
from reader.text.speaker_article import BLANK, PERSONLIKE, VOCATIVE, Article, MentionRow, Span
from reader.text.speaker_decision import Candidate, decide
from reader.text.speaker_phrases import (
    BLURB,
    DESCRIBED_ALONE,
    DESCRIBED_AT_END,
    FIRST_PERSON_AFTER,
    FIRST_PERSON_BEFORE,
    RUN_ALONE,
    RUN_APPOSITIVE,
    RUN_AT_END,
    RUN_AT_START,
    SAID_DESCRIPTION,
    SHORT_TAG,
    SIGNED,
    TAG_AFTER,
    UNNAMED_SUBJECT,
    VERB_CHAIN,
    description,
    is_subject,
    mention_features,
    modifier,
    name_run,
    person_name,
    run_features,
    subject_run,
    text_ends_sentence,
)
from reader.text.vocab import DOCUMENTS, NOT_NAMES, SPEECH_PARTICIPLES


def speaker(article: Article, span: Span, before: str, previous: tuple[int, str | None] | None) -> str | None:
    """The speaker of the quotation at `span` (`before`: its sentence up to the
    opening mark, blanked; `previous`: the last speech quote's end block and speaker)."""
    return decide(candidates(article, span, before, previous))


def explain(article: Article, span: Span, before: str, previous: tuple[int, str | None] | None) -> list[str]:
    """Every candidate with its cue, features and score, best first."""
    found = sorted(candidates(article, span, before, previous), key=lambda c: -c.score())
    return [f"{c.score():6.2f}  {c.name!r:30} {c.cue} {' '.join(c.features)} rank={c.rank}" for c in found]


_TYPES = frozenset({"org", "place", "group", "untyped", "run"})


def participle(before: str, verb: re.Match[str]) -> bool:
    """Whether the speech verb nearest a quote is a participle ("…, saying “…”")
    with no other quotation between them."""
    return verb.group().lower() in SPEECH_PARTICIPLES and BLANK not in before[verb.end() :]


_PHRASE_END = re.compile(r"[,:;]")
_PRONOUN_CLAUSE = re.compile(r"\s*(?:it|he|she|they|we|i)\s+(?:(?:\w+ly|also|has|have|had)\s+)*", re.I)
_APPOSED_NAME = re.compile(r"\s*(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*\s*([,:;]|$)")
# A speech verb in the passive: "it was said that", "Lee has been told".
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)


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


def _as_person(name: str, features: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """A mention that keeps a title or an affiliation around a person's name
    ("Secretary of State Ann Lee", typed an organisation) speaks as that person:
    the name alone, with the person feature for its type."""
    person = person_name(name)
    if person == name:
        return name, features
    return person, ("person", *(f for f in features if f not in _TYPES))


def candidates(article: Article, span: Span, before: str, previous: tuple[int, str | None] | None) -> list[Candidate]:
    """Every candidate speaker for the quotation at `span`, nearest cues first."""
    b, start, eb, end = span
    masked = article.masked
    out: list[Candidate] = []

    def mentions_in(block: int, lo: int, hi: int) -> list[MentionRow]:
        text = article.blocks[block].text
        return [
            m
            for m in article.mentions
            if m[0] == block and lo <= m[1] and m[2] <= hi and not modifier(text, m[1], m[2])
        ]

    def add_mentions(
        found: list[MentionRow], cue: str, prefer_last: bool, rank: int = 0, subjects: bool = False
    ) -> bool:
        """The mentions as candidates, the preferred end's first; a person
        outranks others of the same cue by its type feature. `subjects`: a
        mention that is its sentence's subject has the subject feature ("Ann
        Lee visited Tom Reid and told …": Lee, not the object nearer the verb)."""
        ordered = list(reversed(found)) if prefer_last else found
        for n, m in enumerate(ordered):
            name, features = _as_person(m[3], mention_features(article, m))
            if subjects and is_subject(article.blocks[m[0]].text, m[1], m[2]):
                features = (*features, "subject")
            out.append(Candidate(name, cue, features, rank + n))
        return bool(found)

    def add_antecedents(block: int, pos: int, pronoun: str, cue: str) -> None:
        """Who "he"/"she"/"they" is: each person (or, for "they", organisation)
        named before, nearest first; a sentence's subject and an agreeing gender
        count for it, a clashing gender against it."""
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
            features = list(mention_features(article, m))
            if is_subject(article.blocks[m[0]].text, m[1], m[2]):
                features.append("subject")
            want = {"she": "f", "he": "m"}.get(pronoun)
            has = article.genders.get(m[3])
            if want and has:
                features.append("gender_agrees" if has == want else "gender_clash")
            if m[0] < block - 1:
                features.append("paragraphs_back")
            name, kinds = _as_person(m[3], tuple(features))
            out.append(Candidate(name, cue, kinds, len(seen) - 1))
            if len(seen) >= 6:
                break

    # "“…” ― Jane Roe": a pull quote signed with a dash.
    signed = SIGNED.match(masked[eb], end)
    if signed and not add_mentions(mentions_in(eb, signed.start(1), signed.end(1)), "signed", prefer_last=False):
        named = name_run(signed)
        if named:
            out.append(Candidate(named, "signed", run_features(named)))

    # '“…film.” Ann Lee, Harbour Gazette': a blurb signed with a name and an outlet.
    blurb = BLURB.match(masked[eb], end) if not signed and text_ends_sentence(article.blocks, span) else None
    signers = [m for m in mentions_in(eb, *blurb.span(1)) if m[4] in PERSONLIKE | {"ORG"}] if blurb else []
    if blurb and blurb.group(2) and not add_mentions(signers, "blurb", prefer_last=False):
        named = name_run(blurb)
        if named:
            out.append(Candidate(named, "blurb", run_features(named)))
    elif blurb and not blurb.group(2) and not re.search(r"^\s*[―—–-]|\.\s*$", blurb.group()):
        # A name alone ('“…” Harbour Gazette'), not a word ('“…” Wrong.') nor a
        # byline signed with a dash: one the recogniser found, the whole run.
        add_mentions([m for m in signers if m[1] == blurb.start(1) and m[2] == blurb.end(1)], "blurb", False)

    after = first_sentence(masked[eb][end : end + 160])
    # '“…ends here.” She says…': a full stop inside the marks ends the sentence,
    # so what follows is a new sentence, not the attribution.
    if text_ends_sentence(article.blocks, span) and re.match(r"\s+[A-Z]", after) and not SHORT_TAG.match(after):
        after = ""

    # After the quote: ", he said", ", said Lee", ", Lee told reporters", and
    # "” Ann Lee, chief economist at a bank, said": a person right after the
    # quote speaks if a speech verb follows anywhere in the sentence.
    after_from = len(out)
    lead_mention = re.match(r"[\s,.!?]*", after)
    first = lead_mention.end() if lead_mention else 0
    # (Not a possessor: in '…," Holm's former deputy said' the deputy speaks.)
    opening = [m for m in mentions_in(eb, end + first, len(masked[eb])) if m[1] == end + first and m[4] in PERSONLIKE]
    if opening and _reports(after):
        add_mentions(opening[:1], "after_opening", prefer_last=False)
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
        lead = after[: verb.start()]
        subjects = mentions_in(eb, end, end + verb.start())
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
        if add_mentions(subjects, "after_subject", prefer_last=True):
            # The name the lead opens with, typed or not: '…," Mr. Lee of the
            # Harbour Board said' (the board is only what Lee is of).
            named = name_run(RUN_AT_START.match(lead.lstrip(" ,.!?")))
            if named:
                out.append(Candidate(named, "after_name_run", run_features(named)))
        else:
            pronoun = re.search(r"\b(he|she|they)\b", lead, re.I)
            if pronoun:
                add_antecedents(b, start, pronoun.group(1).lower(), "after_pronoun")
            elif UNNAMED_SUBJECT.fullmatch(lead.strip(" ,.!?")):
                out.append(Candidate(None, "after_unnamed"))  # '…," I say', '…," someone said'
            elif re.search(r"[A-Za-z]{3,}", lead):
                # '…," Port Chair Ann B. Lowe said' (a name the recogniser missed);
                # '…," the influential daily wrote': a speaker we cannot name.
                named = name_run(RUN_ALONE.match(lead) or RUN_APPOSITIVE.match(lead))
                described = description(DESCRIBED_ALONE.match(lead))
                # '…," King said': a surname that is also a title word, which the
                # recogniser leaves out, of a person the article named in full.
                surname = re.fullmatch(r"[\s,]*([A-Z][a-z]+)\s*", lead)
                bearers = (
                    {m[3] for m in article.mentions if m[4] == "PERSON" and m[3].split()[-1] == surname.group(1)}
                    if surname and len(surname.group(1)) > 2
                    else set()
                )
                if not named and len(bearers) == 1:
                    out.append(Candidate(bearers.pop(), "after_name_run", ("person", "surname")))
                elif named:
                    out.append(Candidate(named, "after_name_run", run_features(named)))
                elif described:
                    out.append(Candidate(described, "after_description", ("description",)))
                else:
                    out.append(Candidate(None, "after_unnamed"))
            else:
                # '…," said Lee to the crowd, which …': the noun phrase right after
                # the verb, up to a comma or a preposition.
                rest = after[verb.end() :]
                stop = re.search(r",|\s(?:to|at|in|on|during|after|before|as|while|when|who|which)\s", rest)
                phrase_end = end + verb.end() + (stop.start() if stop else len(rest))
                if add_mentions(mentions_in(eb, end + verb.end(), phrase_end), "said_x", prefer_last=False):
                    pass
                elif named := name_run(RUN_AT_START.match(rest), after_verb=True):
                    out.append(Candidate(named, "said_x_run", run_features(named)))
                elif described := description(
                    SAID_DESCRIPTION.match(rest[: phrase_end - end - verb.end()].rstrip(" .;!?"))
                ):
                    # The name an appositive gives ('…, Ann Lee.') or the description.
                    apposed = re.match(r",\s*", rest[phrase_end - end - verb.end() :]) if stop else None
                    named_at = phrase_end + apposed.end() if apposed else -1
                    named_after = [m for m in mentions_in(eb, named_at, len(masked[eb])) if m[1] == named_at]
                    if not add_mentions(named_after[:1], "said_x", prefer_last=False):
                        out.append(Candidate(described, "said_x_description", ("description",)))

    elif re.search(r"[,?!—–-]\s*$", article.blocks[eb].text[max(0, end - 3) : end - 1]):
        # '“…,” he shrugged', '“…?” Rachel guessed': a quote that stops on a comma,
        # question or dash mark, then a name or pronoun and a verb, is tagged
        # with its speaker whatever the verb.
        tag = TAG_AFTER.match(after)
        if tag and tag.group(1):
            add_antecedents(b, start, tag.group(1).lower(), "after_tag")
        elif tag and tag.group(3):
            described = description(re.match(r"(.*)", tag.group(3)))
            if described:
                out.append(Candidate(described, "after_tag", ("description",)))
        elif tag and not add_mentions(mentions_in(eb, end + tag.start(2), end + tag.end(2)), "after_tag", False):
            named = name_run(re.match(r"(.*)", tag.group(2)))
            if named:
                out.append(Candidate(named, "after_tag", run_features(named)))

    # '“…” & he said, “…”', '“…,” and that, as his daughter, Gianna, said, ‘…’':
    # a clause joined on after the quote whose verb opens the next quotation
    # attributes that one, not this.
    if verb and re.match(r"[\s,]*(?:and|but|&)[\s,]", after) and re.match(rf"[\s,:]*{BLANK}", after[verb.end() :]):
        out[after_from:] = [replace(c, features=(*c.features, "next_quote")) for c in out[after_from:]]
    tagged = len(out) > after_from  # the quote's own attribution follows it

    def before_cues(block: int, before: str, quote_at: int) -> list[re.Match[str]]:
        """Before the quote: "Lee said:", "she told Radio X, adding:", "according
        to X". The speech verbs from the last back; the subject is the name (or
        pronoun) in the clause just before a verb. A farther verb ranks lower.
        `before` is the sentence up to `quote_at` in `block`; the verbs found."""
        sentence_from = quote_at - len(before)
        verbs = speech_verbs(before)
        # (where in `out` each verb's candidates start; whether a quotation
        # stands between that verb and the next)
        proposed: list[tuple[int, bool]] = []
        for rank, n in enumerate(range(len(verbs) - 1, -1, -1)):
            verb = verbs[n]
            proposed.append((len(out), bool(rank) and BLANK in before[verb.end() : verbs[n + 1].start()]))
            lo = verbs[n - 1].end() if n else 0
            region = before[lo : verb.start()]
            if verb.group().lower() == "according" or re.fullmatch(WORDS_OF, verb.group(), re.I):
                # The source comes after: "according to Lee", "in the words of Lee".
                # (Up to the phrase's comma: "According to the police, the crate held
                # 40 kilos of TNT and “…”" names no one after it.)
                phrase = _PHRASE_END.search(before, verb.end())
                phrase_end = sentence_from + phrase.start() if phrase else quote_at
                if phrase and (named_after := _APPOSED_NAME.match(before, phrase.end())):
                    phrase_end = sentence_from + named_after.start(1)  # "According to his aunt, Ann Lee, “…”"
                if not add_mentions(
                    mentions_in(block, sentence_from + verb.end(), phrase_end), "according_to", False, rank
                ):
                    # "According to the Spokesman-Review, “…”": a name the recogniser missed.
                    source = re.match(r"\s+(?:to\s+)?(?:the\s+)?([^,:;]+?)\s*[,:]", before[verb.end() :])
                    named = name_run(RUN_ALONE.match(source.group(1))) if source else None
                    if named:
                        out.append(Candidate(named, "according_to", run_features(named), rank))
                continue
            clause_from = lo + region.rfind(",") + 1
            clause = before[clause_from : verb.start()]
            chain = VERB_CHAIN.search(clause)
            if chain:
                clause = clause[: chain.start() + 1]  # "the Board goes on to say": the Board
            if not clause.strip() and clause_from > lo:
                # "as his sister, Ann Lee, said": nothing between the comma and the
                # verb; the name set off by the commas before it is the subject.
                # (Only a name that fills the commas: not "Ann Lee, director of
                # debate at the University of Harbour, said".)
                apposed_from = lo + region.rfind(",", 0, clause_from - lo - 1) + 1
                apposed = before[apposed_from : clause_from - 1]
                filling = [
                    m
                    for m in mentions_in(block, sentence_from + apposed_from, sentence_from + clause_from - 1)
                    if m[4] in PERSONLIKE and article.blocks[block].text[m[1] : m[2]].strip() == apposed.strip()
                ]
                if add_mentions(filling, "before_subject", True, rank):
                    continue
            passive = _PASSIVE.search(clause) and verb.group().lower() not in ("asked", "quoted")
            if UNNAMED_SUBJECT.fullmatch(clause.strip(" ,")) or passive:
                # 'someone said, "…"'; "it was said that …", "Lee was told …": no one
                # named says it (a farther passive verb proposes no one: "Lee said
                # airlines could be told …, warning: “…”")
                if not (passive and rank):
                    out.append(Candidate(None, "before_unnamed", (), rank))
                continue
            adjacent = re.search(r"\b(he|she|they)\s+(?:\w+ly\s+|also\s+)?$", clause, re.I)
            if adjacent:
                # "… through what she calls “…”": the pronoun right before the verb speaks.
                add_antecedents(block, sentence_from + verb.start(), adjacent.group(1).lower(), "before_pronoun")
                continue
            if add_mentions(
                mentions_in(block, sentence_from + clause_from, sentence_from + verb.start()),
                "before_subject",
                True,
                rank,
                # (Not past a description right before the verb: "Poland vowed to
                # resist what the bloc calls …"; nor for a farther verb.)
                subjects=not rank and not description(DESCRIBED_AT_END.search(clause)),
            ):
                continue
            pronoun = re.search(r"\b(he|she)\b", clause, re.I)
            if pronoun:
                add_antecedents(block, sentence_from + clause_from, pronoun.group(1).lower(), "before_pronoun")
                continue
            named = name_run(RUN_AT_END.search(clause))
            if named:
                out.append(Candidate(named, "before_name_run", run_features(named), rank))
                continue
            described = description(DESCRIBED_AT_END.search(clause))
            if described:
                out.append(Candidate(described, "before_description", ("description",), rank))
        # A farther verb with a quotation after it introduces that quotation,
        # not this one: "when he said, ‘…,’ and, as his sister, Ann, said, ‘…’".
        proposed.append((len(out), False))
        for (first, earlier), (stop, _) in zip(proposed, proposed[1:], strict=False):
            if earlier:
                out[first:stop] = [replace(c, features=(*c.features, "farther_verb")) for c in out[first:stop]]
        if verbs:
            nearest[:] = [proposed[0][0], proposed[1][0] if len(proposed) > 1 else len(out)]
        if verbs:
            last = verbs[-1]
            add_mentions(mentions_in(block, sentence_from, sentence_from + last.start()), "sentence_mention", False)
            # (After "according to", only its phrase: the according_to cue's.)
            source_only = last.group().lower() == "according" or re.fullmatch(WORDS_OF, last.group(), re.I)
            if not source_only:
                add_mentions(mentions_in(block, sentence_from + last.end(), quote_at), "sentence_mention", False)
        # "Ann Lee, The Harbour Gazette: “…”": a name, a colon, the quote.
        colon = not verbs and before.rstrip().endswith(":")
        if colon and not add_mentions(mentions_in(block, sentence_from, quote_at), "colon_line", prefer_last=False):
            named = name_run(RUN_APPOSITIVE.match(before) or RUN_ALONE.match(before.rstrip()[:-1]))
            if named:
                out.append(Candidate(named, "colon_line", run_features(named)))
        return verbs

    sentence_from = start - len(before)
    nearest: list[int] = []  # where in `out` the candidates of the verb nearest the quote start and stop
    verbs = before_cues(b, before, start)
    own = (nearest[0], nearest[1]) if verbs else (0, 0)
    # A quote that opens its sentence after a sentence that reports speech
    # ("Erekat said the talks had failed. “We stand tall.”") or leads in with a
    # colon ("Her father summed it up:"), in its paragraph or, for a quote that
    # opens its paragraph, the paragraph before: that sentence's cues, weaker.
    if not before.strip(" \t\n" + BLANK):
        prior_block = b if masked[b][:sentence_from].strip(" \t\n" + BLANK) else b - 1
        if prior_block >= 0 and (prior_block == b or article.blocks[prior_block].kind in ("paragraph", "blockquote")):
            prior = masked[prior_block][: sentence_from if prior_block == b else None].rstrip()
            lead = prior[sentence_start(prior, len(prior)) :].lstrip()
            # (A sentence, not a heading: "Conflicting reports", "USAGE:".)
            if len(re.findall(r"\b[a-z]+\b", lead)) >= 3:
                found = len(out)
                before_cues(prior_block, lead, len(prior))
                feature = "lead_in" if lead.endswith(":") else "previous_sentence"
                # Only names and descriptions: a capitalised run there is as often
                # the sentence's first word ("Frankly, …:"), and "I wondered …"
                # does not make the narrator say the next quote.
                out[found:] = [
                    replace(c, features=(*c.features, feature))
                    for c in out[found:]
                    if c.name is not None and ("run" not in c.features or "first_name" in c.features)
                ]
                # A sentence in the quote's paragraph that reports no speech
                # ("Sanders … identified young voters' exhaustion as a reason.
                # “…”", "Rachel snorted. “…”"): the person it opens with.
                lead_from = len(prior) - len(lead)
                opens = [m for m in mentions_in(prior_block, lead_from, len(prior)) if m[4] in PERSONLIKE]
                if prior_block == b and len(out) == found and opens:
                    m = opens[0]
                    if is_subject(article.blocks[m[0]].text, m[1], m[2]):
                        add_mentions([m], "previous_subject", prefer_last=False)
    # Failing any cue, a person or body that opens the quote's sentence ("Lee
    # has called the plan “a mess”"): a weak guess the weights rank last.
    opener = [m for m in mentions_in(b, sentence_from, start) if m[4] in PERSONLIKE | {"ORG"}]
    if opener and is_subject(article.blocks[b].text, opener[0][1], opener[0][2]):
        found = len(out)
        add_mentions(opener[:1], "sentence_subject", prefer_last=False)
        # "Lee appeared on the BBC and began by saying “…”": a participle's subject
        # is the sentence's (not "The leader of X, Ann Lee, …, saying"), not a
        # name in the clause before it.
        if verbs and participle(before, verbs[-1]) and "prepositional" not in out[found].features:
            out[found:] = [replace(c, features=(*c.features, "participle")) for c in out[found:]]
            out[own[0] : own[1]] = [
                c if c.name == out[found].name else replace(c, features=(*c.features, "participle_clause"))
                for c in out[own[0] : own[1]]
            ]
    elif not opener and article.english and (named := subject_run(before)):
        # A name the recogniser missed, opening the sentence before its verb or
        # an appositive ("Ann B. Lowe, a port official, called it “a mess”").
        out.append(Candidate(named, "sentence_subject", run_features(named)))
    # '“…,” I say': the narrator, where the text names who "I" is, or else the
    # byline's author of a first-person piece (a column, a letter, a vlog).
    if FIRST_PERSON_AFTER.match(after) or FIRST_PERSON_BEFORE.search(before):
        if article.narrator:
            out.append(Candidate(article.narrator, "narrator"))
        elif article.author:
            out.append(Candidate(article.author, "narrator", ("byline",)))
    # A paragraph that only continues the previous paragraph's quotation (not
    # one signed after the quote by a few words: '“…” 9to5Mac', a blurb's source).
    rest = masked[eb][end:].strip()
    signed_off = 0 < len(rest.split()) <= 4 and BLANK not in rest and not re.search(r"[.!?:]$", rest)
    if (
        previous is not None
        and not before.strip(" \t\n" + BLANK)
        and previous[0] >= b - 1
        and not verbs
        and not tagged
        and not signed_off
    ):
        out.append(Candidate(previous[1], "continued", ("same_paragraph",) if previous[0] == b else ()))
    # “Robert, come here.”: the one addressed does not say it.
    quote = article.blocks[b].text[start:end] if b == eb else article.blocks[b].text[start:]
    addressed = {w for found in VOCATIVE.finditer(quote.strip()) for w in (found.group(1) or found.group(2)).split()}
    out = [
        replace(c, features=(*c.features, "addressed")) if c.name and set(c.name.split()) & addressed else c
        for c in out
    ]
    out = [author for c in out if (author := _author(c))]
    return [c for c in out if c.name is None or (BLANK not in c.name and c.name.strip())]


_DOCUMENT_OF = re.compile(
    rf"^(?:(?i:the|a|an|one|another|this|that|its|his|her|their)\s+)?(?:((?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*?)"
    rf"(?:['’]s)?\s+)?(?:[a-z-]+\s+){{0,2}}(?:{'|'.join(sorted(DOCUMENTS, key=len, reverse=True))})\b"
)


def _author(c: Candidate) -> Candidate | None:
    """A document proposed as a speaker ("the statement read", "Ann Lee's letter
    read", "read one comment") is no one: its author, when the phrase names one,
    wrote the words (the `written` feature); else the quote's own tag names no
    one ('“…,” the statement continued'), and a cue before it proposes nothing
    (in "Lee issued a statement warning that “…”", Lee)."""
    found = _DOCUMENT_OF.match(c.name) if c.name and {"description", "run"} & set(c.features) else None
    if c.name is None or not found:
        return c
    author = found.group(1)
    if not author or author.lower() in NOT_NAMES:
        return replace(c, name=None, features=()) if c.cue.startswith(("after", "said_x")) else None
    return replace(c, name=person_name(author), features=(*run_features(author), "written"))
