"""Find quotations, and tell speech from scare-quoted terms.

Quote marks of every common kind: “curly”, "straight", ‘British single’,
'straight single', «guillemets», ''doubled apostrophes'' (a wire's double
mark), a quote nested in a quote, and a quote that runs over several paragraphs
(reopened at each paragraph, curly or straight, closed once at the end).
Apostrophes are told apart from single quotes by what stands on either side:
Berg's, dockers' union, don't, '90s, rock 'n' roll, O'Brien, isn ‘t.
Who said each quotation is decided in speakers.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.model import Block
from reader.text.entities import Entity
from reader.text.sentences import SPEECH, first_sentence, sentence_start, speech_verb
from reader.text.speaker_article import BLANK, Article
from reader.text.speakers import explain as explain_speaker
from reader.text.speakers import speaker
from reader.text.vocab import PRONOUNS, SPEECH_VERBS

__all__ = ["Quote", "find_quotes", "first_sentence", "sentence_start"]

OPENERS = {"“": "”", "‘": "’", "«": "»", '"': '"', "'": "'", "„": "“"}
# A mark that starts an elided word is an apostrophe, whichever of ' ‘ ’ the page
# used: '90s, 'em, 'til, rock 'n' roll, and a contraction split off its word by a
# stray space ("isn ‘t", "it 's", "they 're").
_ELISION = re.compile(
    r"['‘’](?:\d0s|\d\ds|em|n['‘’]|tis|twas|cause|cos|til|bout|round|burbs?|nuff|ello|t|s|d|m|ll|re|ve)\b|['‘’]n['‘’]",
    re.I,
)
TERM_MAX_WORDS = 4  # 'hybrid attack', 'carefully crafted': a few words without a sentence


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
    if after in "\"'”’»" and not (before.isspace() or before in "([“‘—–"):
        return False  # ,'" : a single quote closing just before its double one ("'Now… opens both)
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


# '' is a double mark where a page (or a wire's plain text) writes it so, and so
# are ‘‘ and ’’ (curly single marks doubled: '“It was a lie,’’ Lee told the BBC').
_MARK = re.compile("''|‘‘|’’|[“«„”»‘\"'’]")


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
        if ch == "''":
            view = text[:i] + '"' + text[i + 2 :]
            if _is_open(view, i):
                out.append((i, '"', "open"))
            elif _is_close(view, i):
                out.append((i + 1, '"', "close"))
        elif ch == "‘‘":
            out.append((i, "“", "open"))
        elif ch == "’’":
            out.append((i + 1, "”", "close"))
        elif ch == '"' and i > 0 and text[i - 1] in ",.!?" and text[i + 1 : i + 2].islower():
            out.append((i, ch, "close"))  # ',"he told': a closing mark with its space lost
        elif ch in "“«„":
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


def _closes(mark: str, expected: str) -> bool:
    """Whether a closing `mark` ends a quotation waiting for `expected`."""
    return (
        mark == expected
        or (mark in _SINGLE and expected in _SINGLE)
        or (mark == "”" and expected == '"')
        or (mark == '"' and expected == "”")
    )


def _reopens(text: str, closing: str) -> bool:
    """Whether a paragraph starts with the mark that continues a quotation left
    open (by `closing`, the mark it is waiting for) at the end of the last one."""
    first = text.lstrip()[:1]
    # Curly or straight, whichever the page used this time: “… then "… then “…”.
    return bool(first) and first in ("‘'" if closing in _SINGLE else '“"„«')


def find_quotes(
    blocks: Sequence[Block],
    entities: Sequence[Entity] = (),
    explain: list[str] | None = None,
    byline: str | None = None,
) -> list[Quote]:
    """Quotations in the article, in order, with kind and speaker. `explain`,
    when given, receives for each speech quote its speaker candidates and scores;
    `byline`, the article's author, is who "I" is in a first-person piece whose
    text does not name its narrator."""
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
                if role == "close" and not _closes(mark, depth[-1]) and len(depth) > 1 and _closes(mark, depth[-2]):
                    depth.pop()  # "…that 'the pier is safe," she said: the inner quote was never closed
                if role == "close" and _closes(mark, depth[-1]):
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
    return _attribute(blocks, spans, entities, explain, byline)


def _quote_text(blocks: Sequence[Block], span: tuple[int, int, int, int]) -> str:
    b, start, eb, end = span
    if b == eb:
        inner = blocks[b].text[start + 1 : end]
    else:
        # Each continued paragraph reopens with a quote mark; it is not quoted text.
        parts = [blocks[b].text[start + 1 :], *(blocks[i].text for i in range(b + 1, eb)), blocks[eb].text[:end]]
        inner = " ".join(p.strip() if n == 0 else p.strip().lstrip("\"'“‘«") for n, p in enumerate(parts))
    return inner.strip().strip("\"'“”‘’«»").strip()


def _kind(text: str, before: str, after: str) -> str:
    """Speech is a sentence, or a clause someone is said to have said; a term is
    a few words in scare quotes ('hybrid attack') or a name given ('a robot
    named “Better Idea”', a title in capitals)."""
    words = text.split()
    # A word or two inside a sentence, with its full stop or comma inside the
    # marks ("the dish was “mild.”"), is a term unless someone is said to say
    # it; standing alone ("‘No.’") or asked or exclaimed, it is said.
    punctuated = bool(re.search(r"[.,;]$", text))
    inside_sentence = len(words) <= 2 and bool(re.search(r"\w", before))
    sentence_like = (
        bool(re.search(r"[!?]$", text)) or (punctuated and not inside_sentence) or len(words) > TERM_MAX_WORDS
    )
    introduced = bool(re.search(r"[:,]\s*$", before)) and bool(speech_verb(before[-60:]))
    attributed = bool(re.match(r"\s*[,.!?]?\s*(?:\w+\s+){0,3}?(?:" + SPEECH + r")\b", after, re.I))
    # "Listen To The Music," in a list of songs; inside a sentence, with its own
    # stop too: 'songs such as “What About Love?”'.
    # (Not in a headline, itself in capitals: 'Museum Will Tell of “Suffering and Delight.”'.)
    inside = len(re.findall(r"\b(?!(?:of|the|a|an|and|in|on|to|for)\b)[a-z]+\b", before)) >= 1
    titled = bool(_TITLE_CASE.fullmatch(text.rstrip(",") if not inside else text.rstrip(",.!?")))
    titled = titled or (inside and _long_title(text.rstrip(",.!?")))
    noun = _NOUN_AFTER.match(after)
    # (Only a quote with its own stop, which would read as a sentence: a
    # partial quote, 'a “crazy” system', stays the speaker's words.)
    in_noun_phrase = (
        inside
        and len(words) <= 8
        and bool(re.search(r"[.!?]$", text))
        and bool(_DETERMINER_BEFORE.search(before))
        and noun is not None
        and noun.group(1) not in _NOT_NOUNS
    )
    named = _NAMING.search(before)
    # (A naming verb's passive before a long phrase in lower case quotes a
    # description someone wrote: 'he has been described as “the most …”'.)
    if named and named.group("passive") and len(words) > TERM_MAX_WORDS and not titled:
        named = None
    # (Not what a speech verb just before puts: "he asks the question: “…”",
    # "the judge called his question “…”".)
    if named and named.group("mentioned") and _VERB_BEFORE.search(before, 0, named.start()):
        named = None
    # "in his book “No Apology,”", "the 2017 article “The Case for …”": a work's
    # title (after a comma only in capitals: "in her book, “Life is short,” she
    # wrote" quotes the book).
    work = _WORK_BEFORE.search(before)
    titled_work = work is not None and (not work.group("comma") or titled)
    if named or in_noun_phrase or titled_work or (titled and not introduced and not attributed):
        return "term"
    # A partial quote: "she says the plan has “big gaps”", "she called the bank's
    # conduct “reckless”": a few words lifted from what the sentence says someone said.
    partial = bool(speech_verb(before))
    attributed = attributed and (len(words) >= 2 or punctuated)
    return "speech" if sentence_like or introduced or partial or attributed else "term"


def _scare_quote(text: str, before: str, after: str) -> bool:
    """Whether a quote no speaker was found for is a scare quote or a quoted term:
    a few words standing inside a sentence as a noun phrase would ('the
    so-called “jobs machine” of the south', 'a “desperate” move'), with words
    before them in the sentence, no question or exclamation and no sentence of
    their own. One word is a term even beside a speech verb ('critics called
    it “reckless”' names no one); two to four words only with no speech verb in
    the sentence (beside one they are more often a partial quote of someone
    named elsewhere, which PolNeAR counts as a quotation)."""
    words = text.split()
    if _NOUN_SLOT.search(before) and _PHRASE.fullmatch(text) and not speech_verb(before.replace(BLANK, " ")):
        return True  # 'on my list of “best things I ate this year.”': a phrase standing as a noun
    if len(words) > TERM_MAX_WORDS or re.search(r"[!?…]$", text) or not re.search(r"\w", before):
        return False
    if re.search(r"[.;:]", text.rstrip(".,")):
        return False  # two sentences, or a clause with its own stops
    if text.endswith(".") and len(words) > 2 and not re.match(r"\s*[a-z]", after):
        return False  # a short sentence of its own
    if len(words) == 1:
        return True
    return not speech_verb(before.replace(BLANK, " ")) and not speech_verb(first_sentence(after))


# Where a noun phrase stands: after a preposition or a determiner ("my list of “…”",
# "a “…” kind of day"); and a phrase that is no sentence: lower case, up to eight
# words, no stop inside but perhaps a closing one.
_NOUN_SLOT = re.compile(r"\b(?:of|for|about|like|a|an|the|my|his|her|their|our|your|its)\s*$", re.I)
_PHRASE = re.compile(r"[a-z][\w'’-]*(?:[ \t]+[\w'’-]+){0,7}[.,]?")
# "a film titled “Arrogant”", "a group called “Friends of …”", "a payment service called
# “…”": a name given, not words said;
# and the passive of a naming verb, with no one doing it: "dumplings, described as “…”",
# "is known as “…”", "(sometimes called its “…”)" (not "Lee described it as “…”").
_NAMING = re.compile(
    r"\b(?:titled|entitled|named|dubbed|nicknamed|(?:a|an|the|group|show|programme|program)\s+called"
    # "a mobile banking platform called “…”": an indefinite noun phrase named, no subject calling.
    r"|(?-i:\b(?:a|an)\s+(?:[a-z][\w-]*\s+){1,3}called))\s*$"
    # "the slogan “…”", "questions like “…”", "the phrase, “…”": words mentioned, not said.
    r"|(?P<mentioned>\b(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your)\s+(?:[\w-]+\s+)?"
    r"(?:question|phrase|slogan|motto|tagline|catchphrase|mantra|hashtag|theme|term|expression)s?"
    r"(?:\s+(?:like|such\s+as))?\s*[:,]?)\s*$"
    r"|(?:(?:^|(?-i:\b[a-z]+)[,;]|\()\s*|\b(?:is|are|was|were|be|been|being|also|often|sometimes|commonly|widely|now|once|"
    r"later|formerly|usually|generally)\s+)(?P<passive>(?:described|known|referred\s+to|translated(?:\s+here)?|billed|branded|"
    r"labell?ed|classified|defined|listed|marketed|advertised|characteri[sz]ed|styled|called)"
    r"(?:\s+as)?(?:\s+(?:a|an|the|its|their|his|her))?)\s*$",
    re.I,
)
_WORK_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|their|his|her|our|my|your)|['’]s)\s+(?:[\w-]+\s+){0,2}"
    r"(?:book|novel|memoir|film|movie|documentary|song|album|single|poem|play|essay|article|podcast|episode|"
    r"series|blog|opera|musical|painting)(?P<comma>\s*,)?\s*$",
    re.I,
)
_VERB_BEFORE = re.compile(rf"\b(?:{SPEECH})\s+$", re.I)
# A quote inside a noun phrase, between a determiner and its noun: 'the “a-ha!”
# moment', 'a “Save Our Pier!” march': a name or a modifier, whatever its stop.
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|its|their|his|her|our|my|your)|['’]s)\s*$", re.I)
_NOUN_AFTER = re.compile(r"[ \t]+([a-z][a-z-]+)\b(?![’'])")
_NOT_NOUNS = (
    SPEECH_VERBS
    | PRONOUNS
    | frozenset(
        """and or but nor as is are was were be been has have had will would can could should may might must do does
    did to of in on at for with from by that which who whom whose when where while if than then so not also
    just only still even yet because though although after before since until into onto about over under
    again here there now during through across against among around without within per via""".split()
    )
)
# A title in capitals ("Better Idea", "The Long Road Home"): two to four words,
# each capitalised (small words aside), no sentence mark.
# A longer title inside a sentence: "the ballad “My Heart Will Go On”", "the game
# “Until Dawn: Rush of Blood”": five to ten words, each capitalised but the small ones.
_TITLE_SMALL = frozenset("of the a an and in on to for with from at by or as is nor but vs".split())


def _long_title(text: str) -> bool:
    words = text.split()
    if not 5 <= len(words) <= 10 or not words[0][:1].isupper():
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    rest = [w for w in words if w not in capitalised]
    return all(w in _TITLE_SMALL for w in rest) and len(capitalised) >= 3 and not re.search(r"[.!?;]", text)


_TITLE_CASE = re.compile(
    r"[A-Z][\w'’-]*(?:\s+(?:of|the|a|an|and|in|on|to|for))*\s+[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|a|an|and|in|on|to|for)){0,2}"
)


# A quotation that ends its sentence with the full stop inside its marks:
# 'accused him of “fanatic recklessness.” South Korean President Park said …'.
_CLOSED_SENTENCE = re.compile(r"[.!?][\"'”’»]+\s+(?=[A-Z“\"‘])")


def _sentence_start(text: str, masked: str, pos: int) -> int:
    """Where the sentence holding `pos` begins, in a block whose quotations are
    blanked: after a full stop, or after a quotation that closes its sentence
    inside its marks (its full stop is blanked with it)."""
    start = sentence_start(masked, pos)
    for m in _CLOSED_SENTENCE.finditer(text, start, pos):
        if masked[m.start()] == BLANK:
            start = m.end()
    return start


def _attribute(
    blocks: Sequence[Block],
    spans: list[tuple[int, int, int, int]],
    entities: Sequence[Entity],
    explain: list[str] | None = None,
    byline: str | None = None,
) -> list[Quote]:
    mentions = sorted((m.block, m.start, m.end, e.name, e.type) for e in entities for m in e.mentions)
    article = Article.build(blocks, spans, mentions, byline)
    quotes: list[Quote] = []
    previous: tuple[int, str | None] | None = None
    for span in spans:
        b, start, eb, end = span
        text = _quote_text(blocks, span)
        if not text:
            continue
        masked = article.masked[b]
        before = masked[_sentence_start(blocks[b].text, masked, start) : start]
        kind = _kind(text, before.replace("\x00", " "), blocks[eb].text[end : end + 60])
        who = speaker(article, span, before, previous) if kind == "speech" else None
        if kind == "speech" and who is None and _scare_quote(text, before, blocks[eb].text[end : end + 160]):
            kind = "term"  # a few words no one is found to have said: a scare quote, not a quotation
        if explain is not None and kind == "speech":
            words = " ".join(text.split()[:8])
            explain.append(f"quote ¶{b + 1} “{words}…” ← {who or 'no speaker'}")
            explain.extend("    " + line for line in explain_speaker(article, span, before, previous))
        quotes.append(Quote(b, start, eb, end, text, kind, who))
        if kind == "speech":
            previous = (eb, who)
    return quotes
