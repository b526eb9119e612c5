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
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.model import Block
from reader.text.first_names import gender
from reader.text.sentences import SPEECH, first_sentence, sentence_start, speech_verb, speech_verbs
from reader.text.vocab import NOT_NAMES, PRONOUNS, TITLES

Span = tuple[int, int, int, int]  # (block, start, end_block, end) of a quotation, marks included
MentionRow = tuple[int, int, int, str, str]  # (block, start, end, entity name, type)
BLANK = "\x00"  # what a quotation is blanked with: no name or description runs across it


@functools.cache
def weights() -> dict[str, dict[str, float] | float]:
    """The cue and feature weights, and the threshold, from the data file beside this module."""
    return json.loads(Path(__file__).with_name("speaker_weights.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Candidate:
    """A possible speaker (None: someone the text does not name), the cue that
    proposed it, and the features that count for or against it."""

    name: str | None
    cue: str
    features: tuple[str, ...] = ()
    rank: int = 0  # how many nearer alternatives the cue passed over (antecedents, verbs)

    def score(self) -> float:
        w = weights()
        cues, feats = w["cues"], w["features"]
        assert isinstance(cues, dict) and isinstance(feats, dict)
        return cues[self.cue] + sum(feats[f] for f in self.features) + feats["rank"] * self.rank


def decide(candidates: Sequence[Candidate]) -> str | None:
    """The best candidate's name, or None when none scores above the threshold."""
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score())  # the first of equals: cues come nearest first
    threshold = weights()["threshold"]
    assert isinstance(threshold, float | int)
    return best.name if best.score() >= threshold else None


@dataclass
class Article:
    """What attribution reads: the blocks with every quotation blanked, and the
    names the recogniser found outside quotations."""

    blocks: Sequence[Block]
    masked: list[str]
    mentions: list[MentionRow]
    genders: dict[str, str] = field(default_factory=dict)  # entity name → "f" / "m"

    @classmethod
    def build(cls, blocks: Sequence[Block], spans: list[Span], mentions: list[MentionRow]) -> Article:
        masked = [_masked(block.text, b, spans) for b, block in enumerate(blocks)]
        kept = [m for m in mentions if not _inside_quote(m[0], m[1], spans)]
        kept = sorted(kept + _first_name_runs(masked, kept))
        article = cls(blocks, masked, kept)
        article.genders = _genders(article, mentions)
        return article


_FIRST_NAME_RUN = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)(?:\s+[A-Z][\w'’-]+){0,2}\b")


def _first_name_runs(masked: list[str], mentions: list[MentionRow]) -> list[MentionRow]:
    """Names the recogniser left out that start with a known first name ("Derya",
    "Pete Moss"), outside quotations and not opening a sentence when alone:
    evidence enough of a person to be a speaker candidate, typed NAME."""
    taken = {(m[0], i) for m in mentions for i in range(m[1], m[2])}
    found: list[MentionRow] = []
    for b, text in enumerate(masked):
        for m in _FIRST_NAME_RUN.finditer(text):
            first = m.group(1)
            if first.lower() in NOT_NAMES or not gender(first) or (b, m.start()) in taken or (b, m.end() - 1) in taken:
                continue
            alone = m.group() == first
            if alone and not text[: m.start()].strip(" \t" + BLANK) or re.search(r"[.!?:]\s*$", text[: m.start()]):
                continue  # a sentence's first word: "Will you…", "Grant me…"
            found.append((b, m.start(), m.end(), m.group(), "NAME"))
    return found


def _masked(text: str, block: int, spans: list[Span]) -> str:
    """The block with every quotation blanked out (same length, so offsets hold)."""
    chars = list(text)
    for b, start, eb, end in spans:
        if b <= block <= eb:
            lo = start if b == block else 0
            hi = end if eb == block else len(text)
            chars[lo:hi] = BLANK * (hi - lo)
    return "".join(chars)


def _inside_quote(block: int, pos: int, spans: list[Span]) -> bool:
    return any((b, start) <= (block, pos) < (eb, end) for b, start, eb, end in spans)


_FEMALE_TITLES = frozenset("mrs ms miss madam madame lady queen princess duchess dame sister".split())
_MALE_TITLES = frozenset("mr sir lord king prince duke father brother".split())


def _genders(article: Article, mentions: list[MentionRow]) -> dict[str, str]:
    """Each person's gender where the text shows it: a title before a mention
    ("Mrs O'Neill"), else the first name ("Michelle O'Neill")."""
    out: dict[str, str] = {}
    for b, start, _, name, kind in mentions:
        if kind not in _PERSONLIKE or name in out:
            continue
        title = re.search(r"(\w+)\.?\s+$", article.blocks[b].text[max(0, start - 12) : start])
        word = title.group(1).lower() if title else ""
        if word in _FEMALE_TITLES:
            out[name] = "f"
        elif word in _MALE_TITLES:
            out[name] = "m"
    for _, _, _, name, kind in mentions:
        if kind in _PERSONLIKE and name not in out:
            words = [w for w in name.split() if w.lower().rstrip(".") not in TITLES]
            if words:
                found = gender(words[0])
                if found:
                    out[name] = found
    return out


# "NAME": a name the recogniser found but could not type (shown plain); it may
# be a person, so it is a candidate, scored as an untyped name.
_KIND_FEATURE = {"PERSON": "person", "ORG": "org", "PLACE": "place", "GROUP": "group", "NAME": "untyped"}
_PERSONLIKE = frozenset({"PERSON", "NAME"})
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|at|from|with|in|on|to|by|about|against)\s+(?:the\s+)?$", re.I)
_PARTY_CODE = re.compile(r"[RDI]-[A-Z][\w.]*")  # "(R-Utah)", ", D-Mo.,": an affiliation, not a speaker


def _mention_features(article: Article, m: MentionRow) -> tuple[str, ...]:
    """What a mention is: its type; whether it sits in a prepositional phrase
    ("Lee of the Harbour Board", "a writer for The Gazette") or in brackets,
    where the subject of a verb never stands; a party-and-state code."""
    text = article.blocks[m[0]].text
    features = [_KIND_FEATURE.get(m[4], "run")]
    if _PREPOSITION_BEFORE.search(text, max(0, m[1] - 16), m[1]):
        features.append("prepositional")
    if text[max(0, m[1] - 1) : m[1]] == "(" or _PARTY_CODE.fullmatch(m[3]):
        features.append("aside")
    lo = max(0, m[1] - 3)
    comma = re.search(r",\s*$", text[lo : m[1]])
    if comma and any(o[0] == m[0] and o[2] == lo + comma.start() for o in article.mentions):
        features.append("appositive")  # "Ann Lee, Liberal of the coast district,": what Lee is
    if any(w.lower() in _NEVER_IN_NAMES for w in m[3].split()):
        features.append("not_a_name")  # "Am I" at a question's start
    return tuple(features)


_NEVER_IN_NAMES = frozenset("i me am is are was were do does did will would can could shall should".split())


def speaker(article: Article, span: Span, before: str, previous: tuple[int, str | None] | None) -> str | None:
    """The speaker of the quotation at `span` (`before`: its sentence up to the
    opening mark, blanked; `previous`: the last speech quote's end block and speaker)."""
    return decide(candidates(article, span, before, previous))


def explain(article: Article, span: Span, before: str, previous: tuple[int, str | None] | None) -> list[str]:
    """Every candidate with its cue, features and score, best first."""
    found = sorted(candidates(article, span, before, previous), key=lambda c: -c.score())
    return [f"{c.score():6.2f}  {c.name!r:30} {c.cue} {' '.join(c.features)} rank={c.rank}" for c in found]


# Subjects that name no one the text can point to: the narrator, the reader,
# an indefinite someone ('…," I say', 'someone said, "…"').
_UNNAMED_SUBJECT = re.compile(
    r"(?:i|we|you|someone|somebody|anyone|anybody|everyone|everybody|nobody|no one|people)(?:\s+(?:\w+ly|also))?",
    re.I,
)
_NAME_WORD = r"[A-Z][\w'’-]*\.?"
_ROLES = "spokesman|spokeswoman|spokesperson|official|officials|adviser|advisor|aide|lawyer|attorney|analyst|executive"
_RUN_AT_END = re.compile(
    rf"((?:{_NAME_WORD}[ \t]+){{0,5}}{_NAME_WORD}(?:[ \t]+(?:{_ROLES}))?)\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$"
)
_RUN_ALONE = re.compile(rf"^[\s,]*((?:{_NAME_WORD}[ \t]+){{0,5}}{_NAME_WORD})[\s,]*$")
_RUN_AT_START = re.compile(rf"^\s*((?:{_NAME_WORD}[ \t]+){{0,5}}{_NAME_WORD})")
_RUN_APPOSITIVE = re.compile(rf"^[\s,]*((?:{_NAME_WORD}[ \t]+){{0,5}}{_NAME_WORD}),\s")
# Words that may lead a capitalised run but are not part of a name: function
# words at a sentence start, and titles ("Senator", "Mrs.").
_NOT_NAME_WORDS = TITLES | frozenset(
    "the a an and but or so this that these those in on at as when after it its his her".split()
)
# A speaker the text describes but does not name: "the commission says",
# '…," the harbour master said', "Holm's former deputy said".
_DESCRIPTION = (
    r"((?:(?:[Tt]he|[Aa]n?)[ \t]+|(?:[A-Z][\w.-]*[ \t]+){0,3}[A-Z][\w.-]*['’]s[ \t]+)"
    r"(?:[\w.'’-]+[ \t]+){0,4}?[a-z][a-z-]{2,}(?:[ \t]+of[ \t]+[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3})?)"
)
_DESCRIBED_AT_END = re.compile(rf"(?:^|[\s,])(?-i:{_DESCRIPTION})\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$")
_DESCRIBED_ALONE = re.compile(rf"^[\s,]*{_DESCRIPTION}[\s,]*$")
# Words a description never ends in: a verb or a function word means the
# pattern caught a clause ("the pier was"), not a noun phrase.
_NOT_DESCRIPTION_END = frozenset(
    """was were is are be been has have had will would could should can may might did does do
    that which who what when where if and or but not also then there this these those""".split()
)


def _name_run(match: re.Match[str] | None) -> str | None:
    """A capitalised run the recogniser did not make an entity ("Ann B. Lowe"
    beside a speech verb): the speaker's name as written, without leading
    function words and titles."""
    if match is None:
        return None
    words = match.group(1).split()
    while words and words[0].lower().rstrip(".") in _NOT_NAME_WORDS:
        words.pop(0)
    name = " ".join(words).rstrip(".,")
    if not name or name.lower() in PRONOUNS or all(w.lower().rstrip(".,") in NOT_NAMES for w in words):
        return None
    if len(words) == 1 and re.search(rf"\b{re.escape(name.lower())}\b", match.string):
        return None  # "Still, …": a word the text also writes in lower case
    return name


def _description(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    text = match.group(1).strip()
    words = [w.lower() for w in text.split()]
    if words[-1].endswith("ly") or any(w in _NOT_DESCRIPTION_END for w in words[1:]):
        return None  # a clause, not a noun phrase: "the man could be heard", "a stranding that was"
    return text


def _run_features(name: str) -> tuple[str, ...]:
    """A name the recogniser did not type: one that starts with a first name
    reads as a person's."""
    words = name.split()
    return ("run", "first_name") if len(words) >= 2 and gender(words[0]) else ("run",)


_SIGNED = re.compile(rf"\s*[―—–-]\s*((?:{_NAME_WORD}[ \t]+){{0,4}}{_NAME_WORD})[ \t\xa0]*\.?[ \t\xa0]*(?:\n|$)")
# '“…we will.” Smith said.': a name (or pronoun) and a verb, and the sentence ends.
_SHORT_TAG = re.compile(rf"\s+(?:(?:{_NAME_WORD}\s+){{1,4}}|(?:he|she|they)\s+)(?:{SPEECH})\.", re.I)
# A speech verb right after a name: "…, Lee said", "Lee later told", and across
# what the name is of: "Lee of the harbour board said".
_VERB_NEXT = re.compile(
    rf"[\s,]*(?:of\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){{1,5}})?(?:\w+ly\s+|also\s+)?(?:{SPEECH})\b", re.I
)


_TAG_AFTER = re.compile(
    rf"\s*(?:(he|she|they)|((?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD}))\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b"
)


def text_ends_sentence(blocks: Sequence[Block], span: Span) -> bool:
    """Whether a quote closes on a full stop ('…him.”' or '…him”.')."""
    _, _, eb, end = span
    tail = blocks[eb].text[max(0, end - 3) : end + 1].rstrip()
    return bool(re.search(r"\.[\"'”’»]?$|[\"'”’»]\.$", tail))


# "House Speaker Ann Lee", "Harbour Board Chair Ann Lee": a title and a name follow.
_TITLE_THEN_NAME = re.compile(
    r"\s+(?:(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.?\s+){1,3}[A-Z][a-z]", re.I
)


def _modifier(text: str, lo: int, hi: int) -> bool:
    """A name that qualifies someone else, so is not the speaker: "Holm's
    former deputy said", "the Oslo shipowner said", "House Speaker Ann Lee" (a
    title and a name follow), or a piece of a longer word ("South Korea" of
    "South Korean President …")."""
    if re.match(r"['’]s\s+[a-z]", text[hi : hi + 4]) or text[hi : hi + 1].isalpha():
        return True
    following = _TITLE_THEN_NAME.match(text, hi)
    if following and following.group()[:2].strip()[:1].isupper():
        return True
    return (
        bool(re.search(r"\b(?:the|a|an)\s+$", text[max(0, lo - 5) : lo], re.I))
        and bool(re.match(r"\s+[a-z]{3,}", text[hi : hi + 20]))
        and not _VERB_NEXT.match(text, hi)
    )


def _is_subject(text: str, lo: int, hi: int) -> bool:
    """A mention that opens its sentence ("The senator Ann Lee …"), perhaps after
    a title ("Union leader Ann Lee …"), or stands before a speech verb ("…, Lee
    said", "Lee of the harbour board said")."""
    lead = text[sentence_start(text, lo) : lo]
    if not re.search(r"[a-z]", re.sub(r"\b(?:the|a|an)\b", "", lead, flags=re.I).lower()):
        return True
    if re.fullmatch(r"\s*(?:[A-Z][\w-]*\s+)?(?:[a-z-]+\s+){0,2}", lead) and not re.search(r"[,;:]", lead):
        return True  # "Union leader Ann Lee", "Harbour master Ann Lee"
    return bool(_VERB_NEXT.match(text, hi))


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
            if m[0] == block and lo <= m[1] and m[2] <= hi and not _modifier(text, m[1], m[2])
        ]

    def add_mentions(found: list[MentionRow], cue: str, prefer_last: bool, rank: int = 0) -> bool:
        """The mentions as candidates, the preferred end's first; a person
        outranks others of the same cue by its type feature."""
        ordered = list(reversed(found)) if prefer_last else found
        for n, m in enumerate(ordered):
            out.append(Candidate(m[3], cue, _mention_features(article, m), rank + n))
        return bool(found)

    def add_antecedents(block: int, pos: int, pronoun: str, cue: str) -> None:
        """Who "he"/"she"/"they" is: each person (or, for "they", organisation)
        named before, nearest first; a sentence's subject and an agreeing gender
        count for it, a clashing gender against it."""
        allowed = _PERSONLIKE | {"ORG"} if pronoun == "they" else _PERSONLIKE
        earlier = [
            m
            for m in article.mentions
            if m[4] in allowed and (m[0], m[1]) < (block, pos) and not _modifier(article.blocks[m[0]].text, m[1], m[2])
        ]
        seen: list[str] = []
        for m in reversed(earlier):
            if m[3] in seen:
                continue
            seen.append(m[3])
            features = list(_mention_features(article, m))
            if _is_subject(article.blocks[m[0]].text, m[1], m[2]):
                features.append("subject")
            want = {"she": "f", "he": "m"}.get(pronoun)
            has = article.genders.get(m[3])
            if want and has:
                features.append("gender_agrees" if has == want else "gender_clash")
            if m[0] < block - 1:
                features.append("paragraphs_back")
            out.append(Candidate(m[3], cue, tuple(features), len(seen) - 1))
            if len(seen) >= 6:
                break

    # "“…” ― Jane Roe": a pull quote signed with a dash.
    signed = _SIGNED.match(masked[eb], end)
    if signed and not add_mentions(mentions_in(eb, signed.start(1), signed.end(1)), "signed", prefer_last=False):
        named = _name_run(signed)
        if named:
            out.append(Candidate(named, "signed", _run_features(named)))

    after = first_sentence(masked[eb][end : end + 160])
    # '“…ends here.” She says…': a full stop inside the marks ends the sentence,
    # so what follows is a new sentence, not the attribution.
    if text_ends_sentence(article.blocks, span) and re.match(r"\s+[A-Z]", after) and not _SHORT_TAG.match(after):
        after = ""

    # After the quote: ", he said", ", said Lee", ", Lee told reporters", and
    # "” Ann Lee, chief economist at a bank, said": a person right after the
    # quote speaks if a speech verb follows anywhere in the sentence.
    lead_mention = re.match(r"[\s,.!?]*", after)
    first = lead_mention.end() if lead_mention else 0
    opening = [m for m in article.mentions if m[0] == eb and m[1] == end + first and m[4] in _PERSONLIKE]
    if opening and speech_verb(after):
        add_mentions(opening[:1], "after_opening", prefer_last=False)
    # (A long window: '," Senator Ann Lee, Liberal of the coast district, said'
    # puts an appositive between the name and the verb.)
    verb = speech_verb(after, 120)
    if verb and re.fullmatch(r"[\s,]*(?:and|but|or|then)\s+(?:\w+ly\s+|also\s+)?", after[: verb.start()]):
        verb = None  # '"…," and added that…': the sentence's subject, before the quote, spoke
    if verb:
        lead = after[: verb.start()]
        if add_mentions(mentions_in(eb, end, end + verb.start()), "after_subject", prefer_last=True):
            # The name the lead opens with, typed or not: '…," Mr. Lee of the
            # Harbour Board said' (the board is only what Lee is of).
            named = _name_run(_RUN_AT_START.match(lead.lstrip(" ,.!?")))
            if named:
                out.append(Candidate(named, "after_name_run", _run_features(named)))
        else:
            pronoun = re.search(r"\b(he|she|they)\b", lead, re.I)
            if pronoun:
                add_antecedents(b, start, pronoun.group(1).lower(), "after_pronoun")
            elif _UNNAMED_SUBJECT.fullmatch(lead.strip(" ,.!?")):
                out.append(Candidate(None, "after_unnamed"))  # '…," I say', '…," someone said'
            elif re.search(r"[A-Za-z]{3,}", lead):
                # '…," Port Chair Ann B. Lowe said' (a name the recogniser missed);
                # '…," the influential daily wrote': a speaker we cannot name.
                named = _name_run(_RUN_ALONE.match(lead) or _RUN_APPOSITIVE.match(lead))
                described = _description(_DESCRIBED_ALONE.match(lead))
                if named:
                    out.append(Candidate(named, "after_name_run", _run_features(named)))
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
                add_mentions(mentions_in(eb, end + verb.end(), phrase_end), "said_x", prefer_last=False)
                named = _name_run(_RUN_AT_START.match(rest))
                if named:
                    out.append(Candidate(named, "said_x_run", _run_features(named)))

    elif re.search(r"[,?!—–-]\s*$", article.blocks[eb].text[max(0, end - 3) : end - 1]):
        # '“…,” he shrugged', '“…?” Rachel guessed': a quote that stops on a comma,
        # question or dash mark, then a name or pronoun and a verb, is tagged
        # with its speaker whatever the verb.
        tag = _TAG_AFTER.match(after)
        if tag and tag.group(1):
            add_antecedents(b, start, tag.group(1).lower(), "after_tag")
        elif tag and not add_mentions(mentions_in(eb, end + tag.start(2), end + tag.end(2)), "after_tag", False):
            named = _name_run(re.match(r"(.*)", tag.group(2)))
            if named:
                out.append(Candidate(named, "after_tag", _run_features(named)))

    # Before the quote: "Lee said:", "she told Radio X, adding:", "according to
    # X". The speech verbs from the last back; the subject is the name (or
    # pronoun) in the clause just before a verb. A farther verb ranks lower.
    sentence_from = start - len(before)
    verbs = speech_verbs(before)
    for rank, n in enumerate(range(len(verbs) - 1, -1, -1)):
        verb = verbs[n]
        lo = verbs[n - 1].end() if n else 0
        region = before[lo : verb.start()]
        if verb.group().lower() == "according":
            add_mentions(mentions_in(b, sentence_from + verb.end(), start), "according_to", False, rank)
            continue
        clause_from = lo + region.rfind(",") + 1
        clause = before[clause_from : verb.start()]
        if _UNNAMED_SUBJECT.fullmatch(clause.strip(" ,")):
            out.append(Candidate(None, "before_unnamed", (), rank))  # 'someone said, "…"'
            continue
        adjacent = re.search(r"\b(he|she|they)\s+(?:\w+ly\s+|also\s+)?$", clause, re.I)
        if adjacent:
            # "… through what she calls “…”": the pronoun right before the verb speaks.
            add_antecedents(b, sentence_from + verb.start(), adjacent.group(1).lower(), "before_pronoun")
            continue
        if add_mentions(
            mentions_in(b, sentence_from + clause_from, sentence_from + verb.start()), "before_subject", True, rank
        ):
            continue
        pronoun = re.search(r"\b(he|she)\b", clause, re.I)
        if pronoun:
            add_antecedents(b, sentence_from + clause_from, pronoun.group(1).lower(), "before_pronoun")
            continue
        named = _name_run(_RUN_AT_END.search(clause))
        if named:
            out.append(Candidate(named, "before_name_run", _run_features(named), rank))
            continue
        described = _description(_DESCRIBED_AT_END.search(clause))
        if described:
            out.append(Candidate(described, "before_description", ("description",), rank))
    if verbs:
        last = verbs[-1]
        add_mentions(mentions_in(b, sentence_from, sentence_from + last.start()), "sentence_mention", False)
        add_mentions(mentions_in(b, sentence_from + last.end(), start), "sentence_mention", False)
    # "Ann Lee, The Harbour Gazette: “…”": a name, a colon, the quote.
    colon = not verbs and before.rstrip().endswith(":")
    if colon and not add_mentions(mentions_in(b, sentence_from, start), "colon_line", prefer_last=False):
        named = _name_run(_RUN_APPOSITIVE.match(before) or _RUN_ALONE.match(before.rstrip()[:-1]))
        if named:
            out.append(Candidate(named, "colon_line", _run_features(named)))
    # Failing any cue, a person or body that opens the quote's sentence ("Lee
    # has called the plan “a mess”"): a weak guess the weights rank last.
    opener = [m for m in mentions_in(b, sentence_from, start) if m[4] in _PERSONLIKE | {"ORG"}]
    if opener and _is_subject(article.blocks[b].text, opener[0][1], opener[0][2]):
        add_mentions(opener[:1], "sentence_subject", prefer_last=False)
    # A paragraph that only continues the previous paragraph's quotation.
    if previous is not None and not before.strip(" \t\n" + BLANK) and previous[0] >= b - 1 and not verbs:
        out.append(Candidate(previous[1], "continued"))
    return [c for c in out if c.name is None or (BLANK not in c.name and c.name.strip())]
