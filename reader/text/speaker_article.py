"""What speaker attribution reads: an article's blocks with every quotation
blanked out (so no speaker's name runs across a quotation), the names found
outside quotations (the recogniser's, and runs that start with a known first
name), and each person's gender where the text shows it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.model import Block
from reader.text.first_names import gender, is_first_name, pronoun_gender
from reader.text.language import reads_as_english
from reader.text.vocab import NOT_NAMES, TITLES

Span = tuple[int, int, int, int]  # (block, start, end_block, end) of a quotation, marks included
MentionRow = tuple[int, int, int, str, str]  # (block, start, end, entity name, type)
BLANK = "\x00"  # what a quotation is blanked with: no name or description runs across it
PERSONLIKE = frozenset({"PERSON", "NAME"})  # a person, or a name the recogniser could not type


@dataclass
class Article:
    """What attribution reads: the blocks with every quotation blanked, and the
    names the recogniser found outside quotations."""

    blocks: Sequence[Block]
    masked: list[str]
    mentions: list[MentionRow]
    genders: dict[str, str] = field(default_factory=dict)  # entity name → "f" / "m"
    english: bool = True  # the cues are English ones: elsewhere only the strongest are read
    narrator: str | None = None  # who "I" is, where the text names them (narrator())
    author: str | None = None  # who "I" is otherwise: the byline's one person, in a first-person text

    @classmethod
    def build(
        cls, blocks: Sequence[Block], spans: list[Span], mentions: list[MentionRow], byline: str | None = None
    ) -> Article:
        masked = [_masked(block.text, b, spans) for b, block in enumerate(blocks)]
        # A title alone ("Minister" of "The Prime Minister said") names no one.
        kept = [m for m in mentions if not _inside_quote(m[0], m[1], spans) and not _title_only(m[3])]
        runs = _first_name_runs(masked, kept)
        article = cls(blocks, masked, sorted(kept + runs), english=reads_as_english(blocks))
        article.narrator = narrator(blocks, masked, spans) if article.english else None
        if article.english and article.narrator is None and first_person(masked):
            article.author = byline_person(byline)
        # The names the recogniser left out have a gender too ("Rachel" shrugged).
        article.genders = _genders(article, sorted(mentions + runs))
        return article


_FIRST_NAME_RUN = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+){0,2}\b")


def _first_name_runs(masked: list[str], mentions: list[MentionRow]) -> list[MentionRow]:
    """Names the recogniser left out that start with a known first name ("Derya",
    "Pete Moss"), outside quotations and not opening a sentence when alone:
    evidence enough of a person to be a speaker candidate, typed NAME."""
    taken = {(m[0], i) for m in mentions for i in range(m[1], m[2])}
    found: list[MentionRow] = []
    for b, text in enumerate(masked):
        m = _FIRST_NAME_RUN.search(text)
        while m:
            run, first = m, m.group(1)
            m = _FIRST_NAME_RUN.search(text, run.end())
            if first.lower() in NOT_NAMES or not gender(first):
                continue
            if (b, run.start()) in taken or (b, run.end() - 1) in taken:
                continue
            alone = run.group() == first
            if alone and not text[: run.start()].strip(" \t" + BLANK) or re.search(r"[.!?:]\s*$", text[: run.start()]):
                continue  # a sentence's first word: "Will you…", "Grant me…"
            found.append((b, run.start(), run.end(), run.group(), "NAME"))
    return found


def _title_only(name: str) -> bool:
    return all(word.lower().rstrip(".") in TITLES for word in name.split())


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
    """Each person's gender where the text shows it: the pronouns the text
    gives them ("Andrea Rossi said he", though the name lists call Andrea a
    woman's name; the votes of many mentions, so they also outweigh a title on
    one mention linked to the wrong person: "Mrs Lee" of "Ann and Bo Lee"), else
    a title before a mention ("Mrs O'Neill"), else the first name ("Michelle O'Neill")."""
    out = _pronoun_genders(article, mentions)
    for b, start, _, name, kind in mentions:
        if kind not in PERSONLIKE or name in out:
            continue
        title = re.search(r"(\w+)\.?\s+$", article.blocks[b].text[max(0, start - 12) : start])
        word = title.group(1).lower() if title else ""
        if word in _FEMALE_TITLES:
            out[name] = "f"
        elif word in _MALE_TITLES:
            out[name] = "m"
    for _, _, _, name, kind in mentions:
        if kind in PERSONLIKE and name not in out:
            words = [w for w in name.split() if w.lower().rstrip(".") not in TITLES]
            if words:
                found = pronoun_gender(words[0])
                if found:
                    out[name] = found
    return out


# (Not "him", "his" or "her": "Ann kissed him", "Lee met her father" name someone else.)
_THIRD_PERSON = re.compile(r"\b(?:(he|himself)|(she|herself))\b", re.I)
_CLAUSE_END = re.compile(r"[.!?;:](?=\s|$)")


def _pronoun_genders(article: Article, mentions: list[MentionRow]) -> dict[str, str]:
    """Each person's gender from the pronouns the text gives them: the first
    "he"/"his" or "she"/"her" after a mention, in its sentence, outside
    quotations (and before one) and before the next person named, is a vote, when the mention
    opens its clause ("Lee said he", not "Ann met Lee, and he"). Two votes or
    more, three in four of them one way, decide."""
    votes: dict[str, list[int]] = {}
    people = [m for m in mentions if m[4] in PERSONLIKE]
    for n, (b, start, end, name, _) in enumerate(people):
        text = article.masked[b]
        if re.search(r"\b[a-z]+\b(?<!\bthe)(?<!\band)(?<!\bbut)[^.!?;:]*$", text[max(0, start - 60) : start]):
            continue  # a word in lower case before it in its clause: an object, not the subject
        stop = _CLAUSE_END.search(text, end)
        hi = stop.start() if stop else len(text)
        quoted = text.find(BLANK, end, hi)  # a blanked quotation hides its own stops
        hi = quoted if quoted >= 0 else hi
        if n + 1 < len(people) and people[n + 1][0] == b:
            hi = min(hi, people[n + 1][1])
        found = _THIRD_PERSON.search(text, end, hi)
        if found:
            votes.setdefault(name, [0, 0])[0 if found.group(1) else 1] += 1
    out: dict[str, str] = {}
    for name, (male, female) in votes.items():
        if male >= 2 and male >= 3 * female:
            out[name] = "m"
        elif female >= 2 and female >= 3 * male:
            out[name] = "f"
    return out


_NAME = r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}"
_FIRST_PERSON = re.compile(r"\bI\b")
# "My name is Ann Lee", "it's Ann here": the narrator introduces themselves.
_INTRODUCED = re.compile(rf"\b(?:[Mm]y name is|[Ii]t['’]s|[Tt]his is)[ \t]+({_NAME})(?:[ \t]+here\b|(?=[,.!]))")
# A letter's signature: a name alone on the last line, after a closing ("Love,").
_SIGNATURE = re.compile(rf"[-—–]?\s*({_NAME})[.,!]?")
# A name addressed at a quotation's start or end: “Ann, come here.” / “Come here, Ann.”
VOCATIVE = re.compile(rf"^[\"'“‘]?({_NAME}),|,[ \t]+({_NAME})[.!?]?[\"'”’]?$")


def narrator(blocks: Sequence[Block], masked: list[str], spans: list[Span]) -> str | None:
    """Who "I" is in a text told in the first person, where the text names them:
    a self-introduction ("it's Ann here"), a letter's signature (a name alone on
    the last line after a closing), or else the one name others address in
    quotations ("“Robert,” my mom says"), a known first name that the narration
    never uses (a narrator is "I" there, never a name)."""
    if not first_person(masked):
        return None
    outside = " ".join(masked)
    for text in masked[:5]:
        found = _INTRODUCED.search(text)
        if found and BLANK not in found.group(1):
            return found.group(1)
    lines = [b.text.strip() for b in blocks if b.text.strip()]
    if len(lines) >= 2 and lines[-2].endswith(","):
        signed = _SIGNATURE.fullmatch(lines[-1])
        if signed:
            return signed.group(1)
    addressed: set[str] = set()
    for b, start, eb, end in spans:
        quote = blocks[b].text[start:end] if b == eb else blocks[b].text[start:]
        for found in VOCATIVE.finditer(quote.strip()):
            name = found.group(1) or found.group(2)
            known = gender(name.split()[0]) and name.lower() not in NOT_NAMES
            if known and not re.search(rf"\b{re.escape(name)}\b", outside):
                addressed.add(name)
    return addressed.pop() if len(addressed) == 1 else None


def first_person(masked: list[str]) -> bool:
    """A text told in the first person: "I" three times or more outside quotations."""
    return len(_FIRST_PERSON.findall(" ".join(masked))) >= 3


# Lower-case words inside a person's name ("Ann van der Berg", "Omar al-Amr").
_PARTICLES = frozenset("van von der den de da di del della la le du bin ibn al el y".split())


def byline_person(byline: str | None) -> str | None:
    """The byline's name when it names one person ("By Ann Lee", "Ann van der
    Berg"), starting with a known first name: not two authors ("Ann Lee and Bo
    Li"), an outlet ("Reuters", "Ann Lee, CNN") or a placeholder ("Editorial")."""
    if not byline:
        return None
    name = re.sub(r"^\s*by\s+", "", byline.strip(), flags=re.I).strip()
    words = name.split()
    if not 2 <= len(words) <= 4 or re.search(r"[,&;/|()@]|\band\b", name) or not is_first_name(words[0]):
        return None
    if words[0].lower() in NOT_NAMES:
        return None  # "The Economist" ("The" is in the first-name lists)
    if any(not w[:1].isupper() and w.lower() not in _PARTICLES for w in words):
        return None
    return name
