"""Find quotations and who said them.

Quote marks of every common kind: “curly”, "straight", ‘British single’,
'straight single', «guillemets», a quote nested in a quote, and a quote that
runs over several paragraphs (reopened at each paragraph, closed once at the
end). Apostrophes are told apart from single quotes by what stands on either
side: Lukashenko's, migrants' camp, don't, '90s, rock 'n' roll, O'Brien.

Speakers come from the sentence around the quote ("X said", "said X", "X told
the BBC:", "according to X", "…, he added"), a pronoun resolves to the last
person named before it, and a paragraph that only continues a quote keeps the
previous quote's speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.model import Block
from reader.text.entities import Entity
from reader.text.vocab import ABBREVIATIONS, NOT_NAMES, PRONOUNS, SPEECH_VERBS, TITLES

OPENERS = {"“": "”", "‘": "’", "«": "»", '"': '"', "'": "'", "„": "“"}
# A mark that starts an elided word is an apostrophe, whichever of ' ‘ ’ the page
# used: '90s, 'em, 'til, rock 'n' roll, and a contraction split off its word by a
# stray space ("isn ‘t", "it 's", "they 're").
_ELISION = re.compile(
    r"['‘’](?:\d0s|\d\ds|em|n['‘’]|tis|twas|cause|cos|til|bout|round|burbs?|nuff|ello|t|s|d|m|ll|re|ve)\b|['‘’]n['‘’]",
    re.I,
)
_WORD_CHAR = re.compile(r"\w")
_SPEECH = "|".join(
    sorted(SPEECH_VERBS | {"telling", "saying", "adding", "warning", "writing", "asking"}, key=len, reverse=True)
)
_VERB = re.compile(rf"(?<![\w-])(?:{_SPEECH})\b", re.I)  # not "so-called"
# "his claims", "late-night tweets", "the reports": the same words as nouns.
_NOUN_CUE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|of|these|those|such|many|several|recent|latest|"
    r"new|numerous|repeated|multiple|whose|in|with|and\s+the)|\w-\w+|['’]s)\s+$",
    re.I,
)


def _speech_verbs(text: str, end: int | None = None) -> list[re.Match[str]]:
    """Speech verbs in `text` (up to `end`), leaving out the ones used as nouns."""
    found = _VERB.finditer(text, 0, len(text) if end is None else end)
    return [m for m in found if not _NOUN_CUE.search(text, max(0, m.start() - 24), m.start())]


def _speech_verb(text: str, end: int | None = None) -> re.Match[str] | None:
    found = _speech_verbs(text, end)
    return found[0] if found else None


TERM_MAX_WORDS = 4  # 'hybrid attack', 'carefully crafted': a few words without a sentence
_END = re.compile(r"[.!?]\s")
_LAST_WORD = re.compile(r"(\w+)$")
_INITIAL = re.compile(r"[A-Z]")


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """Whether a mark found by _END ends a sentence: "Rep.", "Ltd.", an initial
    ("Janet L. Yellen") and a dotted acronym ("the F.B.I. review") do not."""
    if text[m.start()] != ".":
        return True
    word = _LAST_WORD.search(text, 0, m.start())
    return not (word and (word.group(1).lower() in ABBREVIATIONS or _INITIAL.fullmatch(word.group(1))))


def first_sentence(text: str) -> str:
    """Text up to the first sentence end."""
    for m in _END.finditer(text):
        if _ends_sentence(text, m):
            return text[: m.start() + 1]
    return text


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` begins."""
    start = 0
    for m in _END.finditer(text, 0, pos):
        if _ends_sentence(text, m):
            start = m.start() + 1
    return start


@dataclass(frozen=True)
class Quote:
    block: int
    start: int  # offset in `block` of the opening mark
    end_block: int
    end: int  # offset in `end_block` just after the closing mark (or the block end)
    text: str  # the quoted words, without the marks
    kind: str  # "speech" or "term"
    speaker: str | None = None

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "block": self.block,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
        }
        if self.end_block != self.block:
            data["end_block"] = self.end_block
        return data


def _is_open(text: str, i: int) -> bool:
    """Whether the straight or ambiguous mark at i opens a quotation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum():
        return False  # don't, O'Brien, Lukashenko's
    if after.isspace() or after in ".,;:!?)":
        return False
    return not (text[i] in "'‘’" and _ELISION.match(text, i))


def _is_close(text: str, i: int) -> bool:
    """Whether the mark at i closes the open quotation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    if after.isalnum():
        return False  # an apostrophe inside a word
    if before in "sS" and text[i] in "'’":
        # migrants' camp: a plural possessive, unless what follows ends the quote.
        rest = text[i + 1 : i + 30].lstrip()
        nxt = re.match(r"[a-z]+", rest)
        if (
            nxt
            and nxt.group() not in SPEECH_VERBS
            and nxt.group() not in PRONOUNS
            and nxt.group() not in ("and", "or", "but", "as", "while")
        ):
            return False
    return True


_MARK = re.compile("[“«„”»‘\"'’]")


def _marks(text: str) -> list[tuple[int, str, str]]:
    """(position, mark, role) for every quote mark, apostrophes left out.

    Straight marks are symmetric, so their role comes from their neighbours;
    curly marks say which they are, except ’, which is also the apostrophe.
    A plural possessive-looking mark (steps' to) gets the role "maybe-close":
    it closes a single quote only if nothing later in the paragraph does.
    """
    out: list[tuple[int, str, str]] = []
    for m in _MARK.finditer(text):
        i, ch = m.start(), m.group()
        if ch in "“«„":
            out.append((i, ch, "open"))
        elif ch in "”»":
            out.append((i, ch, "close"))
        elif ch == "‘":
            if _is_open(text, i):
                out.append((i, ch, "open"))
        elif ch in "\"'’":
            if _is_open(text, i) and ch != "’":
                out.append((i, ch, "open"))
            elif _is_close(text, i):
                out.append((i, ch, "close"))
            elif ch in "'’" and i > 0 and text[i - 1] in "sS" and (i + 1 == len(text) or text[i + 1] == " "):
                out.append((i, ch, "maybe-close"))
    return out


_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "'": "'"}
_SINGLE = frozenset("'‘’")


def _reopens(text: str, closing: str) -> bool:
    """Whether a paragraph starts with the mark that continues a quotation left
    open (by `closing`, the mark it is waiting for) at the end of the last one."""
    first = text.lstrip()[:1]
    return bool(first) and first in (closing, "‘" if closing == "’" else "“" if closing == "”" else closing)


def find_quotes(blocks: Sequence[Block], entities: Sequence[Entity] = ()) -> list[Quote]:
    """Quotations in the article, in order, with kind and speaker."""
    spans: list[tuple[int, int, int, int]] = []  # (block, start, end_block, end)
    open_at: tuple[int, int, str] | None = None  # outermost open quote: (block, pos, closing mark)
    depth: list[str] = []  # closing marks expected, outermost first
    for b, block in enumerate(blocks):
        text = block.text
        if open_at is not None:
            # A quote running over paragraphs reopens each one with its mark.
            if _reopens(text, open_at[2]):
                skip = len(text) - len(text.lstrip())
                marks = [m for m in _marks(text) if m[0] != skip]
            else:
                spans.append((open_at[0], open_at[1], b - 1, len(blocks[b - 1].text)))
                open_at, depth = None, []
                marks = _marks(text)
        else:
            marks = _marks(text)
        n = 0
        opened_at = -1  # index in `marks` of the mark that opened a quote in this block
        while True:
            while n < len(marks):
                pos, mark, role = marks[n]
                n += 1
                if open_at is None:
                    if role == "open":
                        open_at, depth, opened_at = (b, pos, _PAIRS[mark]), [_PAIRS[mark]], n - 1
                    continue
                if role == "maybe-close":
                    later = any(r == "close" and m in _SINGLE for _, m, r in marks[n:])
                    if depth[-1] in _SINGLE and not later:
                        role = "close"
                    else:
                        continue
                expected = depth[-1]
                closes = (
                    (mark == expected)
                    or (mark in _SINGLE and expected in _SINGLE)
                    or (mark == "”" and expected == '"')
                    or (mark == '"' and expected == "”")
                )
                if role == "close" and closes:
                    depth.pop()
                    if not depth:
                        spans.append((open_at[0], open_at[1], b, pos + 1))
                        open_at = None
                elif role == "open" and len(depth) < 3:
                    depth.append(_PAIRS[mark])
            # A single mark never closed in its paragraph, and the next does not
            # reopen it, is an apostrophe ("isn ‘t slowing"), not a quote running
            # to the paragraph's end: read on from the mark after it.
            following = blocks[b + 1].text if b + 1 < len(blocks) else ""
            if open_at is None or open_at[0] != b or open_at[2] not in _SINGLE or _reopens(following, open_at[2]):
                break
            open_at, depth, n = None, [], opened_at + 1
    if open_at is not None:
        spans.append((open_at[0], open_at[1], len(blocks) - 1, len(blocks[-1].text)))
    return _attribute(blocks, spans, entities)


def _quote_text(blocks: Sequence[Block], span: tuple[int, int, int, int]) -> str:
    b, start, eb, end = span
    if b == eb:
        inner = blocks[b].text[start + 1 : end]
    else:
        # Each continued paragraph reopens with a quote mark; it is not quoted text.
        parts = [blocks[b].text[start + 1 :], *(blocks[i].text for i in range(b + 1, eb)), blocks[eb].text[:end]]
        inner = " ".join(p.strip() if n == 0 else p.strip().lstrip("\"'“‘«") for n, p in enumerate(parts))
    return inner.strip().strip("\"'“”‘’«»").strip()


def _masked(text: str, block: int, spans: list[tuple[int, int, int, int]]) -> str:
    """The block with every quotation blanked out (same length, so offsets hold):
    a speaker is never looked for inside someone else's words."""
    chars = list(text)
    for b, start, eb, end in spans:
        if b <= block <= eb:
            lo = start if b == block else 0
            hi = end if eb == block else len(text)
            chars[lo:hi] = " " * (hi - lo)
    return "".join(chars)


def _kind(text: str, before: str, after: str) -> str:
    """Speech is a sentence, or a clause someone is said to have said; a term is
    a few words in scare quotes ('hybrid attack')."""
    words = text.split()
    sentence_like = bool(re.search(r"[.!?,;]$", text)) or len(words) > TERM_MAX_WORDS
    introduced = bool(re.search(r"[:,]\s*$", before)) and bool(_speech_verb(before[-60:]))
    attributed = bool(re.match(r"\s*[,.!?]?\s*(?:\w+\s+){0,3}?(?:" + _SPEECH + r")\b", after, re.I))
    # A partial quote: "Trump says he has “big plans”", "she called the bank's
    # conduct “outrageous”": a few words lifted from what the sentence says someone said.
    partial = bool(_speech_verb(before)) and not _NAMING.search(before)
    return "speech" if sentence_like or introduced or partial or (attributed and len(words) >= 2) else "term"


# "a film titled “Arrogant”", "a group called “Friends of …”": a name given, not words said.
_NAMING = re.compile(r"\b(?:titled|entitled|named|dubbed|(?:a|an|the|group|show|programme|program)\s+called)\s*$", re.I)


def _attribute(
    blocks: Sequence[Block], spans: list[tuple[int, int, int, int]], entities: Sequence[Entity]
) -> list[Quote]:
    mentions = sorted(
        (
            (m.block, m.start, m.end, e.name, e.type)
            for e in entities
            for m in e.mentions
            # A place can speak too ("Monaco said": a surname the gazetteer
            # knows as a country; "Russia said"): persons are preferred below.
            if e.type != "GROUP"
        ),
    )
    # A name inside someone's quotation never speaks it.
    mentions = [m for m in mentions if not _inside_quote(m[0], m[1], spans)]
    quotes: list[Quote] = []
    previous: Quote | None = None
    for span in spans:
        b, start, eb, end = span
        text = _quote_text(blocks, span)
        if not text:
            continue
        block_text = _masked(blocks[b].text, b, spans)
        before = block_text[sentence_start(block_text, start) : start]
        kind = _kind(text, before, blocks[eb].text[end : end + 60])
        speaker = None
        if kind == "speech":
            speaker = _speaker(blocks, span, before, mentions, previous)
        quote = Quote(b, start, eb, end, text, kind, speaker)
        quotes.append(quote)
        if kind == "speech":
            previous = quote
    return quotes


_NAME_WORD = r"[A-Z][\w'’-]*\.?"
_ROLES = "spokesman|spokeswoman|spokesperson|official|officials|adviser|advisor|aide|lawyer|attorney|analyst|executive"
_RUN_AT_END = re.compile(
    rf"((?:{_NAME_WORD}\s+){{0,5}}{_NAME_WORD}(?:\s+(?:{_ROLES}))?)\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$"
)
_RUN_ALONE = re.compile(rf"^[\s,]*((?:{_NAME_WORD}\s+){{0,5}}{_NAME_WORD})[\s,]*$")
_RUN_AT_START = re.compile(rf"^\s*((?:{_NAME_WORD}\s+){{0,5}}{_NAME_WORD})")
_RUN_APPOSITIVE = re.compile(rf"^[\s,]*((?:{_NAME_WORD}\s+){{0,5}}{_NAME_WORD}),\s")
# Words that may lead a capitalised run but are not part of a name: function
# words at a sentence start, and titles ("Senator", "Mrs.").
_NOT_NAME_WORDS = TITLES | frozenset(
    "the a an and but or so this that these those in on at as when after it its his her".split()
)


# A speaker the text describes but does not name: "the commission says",
# '…," the California congressman said', "Obama's former strategist said".
_DESCRIPTION = (
    r"((?:(?:[Tt]he|[Aa]n?)\s+|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+)"
    r"(?:[\w.'’-]+\s+){0,4}?[a-z][a-z-]{2,}(?:\s+of\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})?)"
)
_DESCRIBED_AT_END = re.compile(rf"(?:^|[\s,])(?-i:{_DESCRIPTION})\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$")
_DESCRIBED_ALONE = re.compile(rf"^[\s,]*{_DESCRIPTION}[\s,]*$")


def _name_run(match: re.Match[str] | None) -> str | None:
    """A capitalised run the recogniser did not make an entity ("Janet L. Yellen"
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
    text = match.string
    if len(words) == 1 and re.search(rf"\b{re.escape(name.lower())}\b", text):
        return None  # "Still, …": a word the text also writes in lower case
    return name


_SIGNED = re.compile(rf"\s*[―—–-]\s*((?:{_NAME_WORD}\s+){{0,4}}{_NAME_WORD})[ \t\xa0]*\.?[ \t\xa0]*(?:\n|$)")
# '“…we will.” Smith said.': a name (or pronoun) and a verb, and the sentence ends.
_SHORT_TAG = re.compile(rf"\s+(?:(?:{_NAME_WORD}\s+){{1,4}}|(?:he|she|they)\s+)(?:{_SPEECH})\.", re.I)


def text_ends_sentence(blocks: Sequence[Block], span: tuple[int, int, int, int]) -> bool:
    """Whether a quote closes on a full stop ('…him.”' or '…him”.')."""
    _, _, eb, end = span
    tail = blocks[eb].text[max(0, end - 3) : end + 1].rstrip()
    return bool(re.search(r"\.[\"'”’»]?$|[\"'”’»]\.$", tail))


# A speech verb right after a name: "…, Lee said", "Lee later told". Compiled
# once: the verb alternation is long, and this runs for every mention.
_VERB_NEXT = re.compile(rf"[\s,]*(?:\w+ly\s+)?(?:{_SPEECH})\b", re.I)


def _modifier(text: str, lo: int, hi: int) -> bool:
    """A name that qualifies someone else, so is not the speaker: "Obama's
    former strategist said", "the New York businessman said"."""
    if re.match(r"['’]s\s+[a-z]", text[hi : hi + 4]):
        return True
    return (
        bool(re.search(r"\b(?:the|a|an)\s+$", text[max(0, lo - 5) : lo], re.I))
        and bool(re.match(r"\s+[a-z]{3,}", text[hi : hi + 20]))
        and not _VERB_NEXT.match(text, hi)
    )


def _is_subject(text: str, lo: int, hi: int) -> bool:
    """A mention that opens its sentence ("The senator Ann Lee …") or stands
    right before a speech verb ("…, Lee said")."""
    lead = text[sentence_start(text, lo) : lo]
    if not re.search(r"[a-z]", re.sub(r"\b(?:the|a|an)\b", "", lead, flags=re.I).lower()):
        return True
    return bool(_VERB_NEXT.match(text, hi))


def _inside_quote(block: int, pos: int, spans: list[tuple[int, int, int, int]]) -> bool:
    return any((b, start) <= (block, pos) < (eb, end) for b, start, eb, end in spans)


def _speaker(blocks, span, before, mentions, previous):  # type: ignore[no-untyped-def]
    b, start, eb, end = span
    after_text = blocks[eb].text[end : end + 160]
    after = first_sentence(after_text)
    sentence_from = start - len(before)

    def mention_in(block: int, lo: int, hi: int, prefer_last: bool) -> str | None:
        found = [
            m
            for m in mentions
            if m[0] == block and lo <= m[1] and m[2] <= hi and not _modifier(blocks[block].text, m[1], m[2])
        ]
        if not found:
            return None
        people = [m for m in found if m[4] == "PERSON"] or found
        return (people[-1] if prefer_last else people[0])[3]

    def last_person_before(block: int, pos: int) -> str | None:
        """Who "he"/"she" is: the last person named as a sentence's subject
        (at its start, or just before a speech verb), else the last person named."""
        earlier = [m for m in mentions if m[4] == "PERSON" and (m[0], m[1]) < (block, pos)]
        for m in reversed(earlier):
            if _is_subject(blocks[m[0]].text, m[1], m[2]):
                return m[3]
        return earlier[-1][3] if earlier else None

    # "“…” ― Jane Roe": a pull quote signed with a dash.
    signed = _SIGNED.match(blocks[eb].text, end)
    if signed:
        who = mention_in(eb, signed.start(1), signed.end(1), prefer_last=False)
        return who or _name_run(signed)
    # '“…ends here.” She says…': a full stop inside the marks ends the sentence,
    # so what follows is a new sentence, not the attribution.
    if text_ends_sentence(blocks, span) and re.match(r"\s+[A-Z]", after) and not _SHORT_TAG.match(after):
        after = ""

    # After the quote: ", he said", ", said Borrell", ", Borrell told reporters",
    # and "” Chris Weston, chief strategist at IG Ltd., said": a person right
    # after the quote speaks if a speech verb follows anywhere in the sentence.
    lead_mention = re.match(r"[\s,.!?]*", after)
    first = lead_mention.end() if lead_mention else 0
    opening = [m for m in mentions if m[0] == eb and m[1] == end + first and m[4] == "PERSON"]
    if opening and _speech_verb(after):
        return opening[0][3]
    # (A long window: '," Senator Ann Lee, Republican of Ohio, said' puts an
    # appositive between the name and the verb.)
    verb = _speech_verb(after, 120)
    if verb and re.fullmatch(r"[\s,]*(?:and|but|or|then)\s+(?:\w+ly\s+|also\s+)?", after[: verb.start()]):
        verb = None  # '"…," and added that…': the sentence's subject, before the quote, spoke
    if verb:
        lead = after[: verb.start()]
        pronoun = re.search(r"\b(he|she|they)\b", lead, re.I)
        who = mention_in(eb, end, end + verb.start(), prefer_last=True)
        if who:
            return who
        if pronoun:
            return last_person_before(b, start)
        if re.search(r"[A-Za-z]{3,}", lead):
            # '…," Fed Chair Janet L. Yellen said' (a name the recogniser missed);
            # '…," the influential daily wrote': a speaker we cannot name.
            named = _name_run(_RUN_ALONE.match(lead) or _RUN_APPOSITIVE.match(lead))
            described = _DESCRIBED_ALONE.match(lead)
            return named or (described.group(1) if described else None)
        who = mention_in(eb, end + verb.end(), end + len(after), prefer_last=False)
        if who:
            return who
        if not lead.strip(" ,.!?"):
            named = _name_run(_RUN_AT_START.match(after[verb.end() :]))
            if named:
                return named
    # Before the quote: "Borrell said:", "she told Radio X, adding:", "according to X".
    # Walk the speech verbs from the last back; the subject is the person (or
    # pronoun) in the clause just before a verb.
    verbs = _speech_verbs(before)
    for n in range(len(verbs) - 1, -1, -1):
        verb = verbs[n]
        lo = verbs[n - 1].end() if n else 0
        region = before[lo : verb.start()]
        clause_from = lo + (region.rfind(",") + 1 if verb.group().lower() != "according" else 0)
        if verb.group().lower() == "according":
            who = mention_in(b, sentence_from + verb.end(), start, prefer_last=False)
            if who:
                return who
            continue
        if re.search(r"\b(?:he|she)\s+(?:\w+ly\s+|also\s+)?$", before[clause_from : verb.start()], re.I):
            # "… through what she calls “…”": the pronoun right before the verb speaks.
            return last_person_before(b, sentence_from + verb.start())
        who = mention_in(b, sentence_from + clause_from, sentence_from + verb.start(), prefer_last=True)
        if who:
            return who
        if re.search(r"\b(he|she)\b", before[clause_from : verb.start()], re.I):
            return last_person_before(b, sentence_from + clause_from)
        named = _name_run(_RUN_AT_END.search(before[clause_from : verb.start()]))
        if named:
            return named
        described = _DESCRIBED_AT_END.search(before[clause_from : verb.start()])
        if described:
            return described.group(1)
    if verbs:
        verb = verbs[-1]
        who = mention_in(b, sentence_from, sentence_from + verb.start(), prefer_last=False) or mention_in(
            b, sentence_from + verb.end(), start, prefer_last=False
        )
        if who:
            return who
    # "Kathleen Parker, The Washington Post: “…”": a name, a colon, the quote.
    if not verbs and before.rstrip().endswith(":"):
        who = mention_in(b, sentence_from, start, prefer_last=False)
        if who:
            return who
        named = _name_run(_RUN_APPOSITIVE.match(before) or _RUN_ALONE.match(before.rstrip()[:-1]))
        if named:
            return named
    # A paragraph that only continues the previous paragraph's quotation.
    if previous is not None and not before.strip() and previous.end_block >= b - 1 and not verbs:
        return previous.speaker
    return None
