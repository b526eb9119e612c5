"""Words of a block with their offsets, for the entity finder: which start a
sentence, which are capitalised (a lower-case particle glued to a name counts:
"al-Amr"), which end in a possessive. A dotted acronym, an initial and a
company's "Inc." keep their dots, so no sentence ends inside a name; so do a
title's or a place name's abbreviation before a capitalised word ("Sen.
Warren", "St. Louis", "Mt. Everest"), which then stays in the name's run."""

from __future__ import annotations

import re

from reader.text.vocab import ABBREVIATIONS, NOT_NAMES

# A dotted acronym keeps its last dot ("U.S.", "U.N."), also at the end of a
# compound ("Mexico-U.S.", "NHL Network-U.S."), and an initial its dot ("S.
# Waugh", "Janet L. Yellen"): the dot is the name's, not a sentence end.
# The four dotted kinds begin with a letter and a dot or with a capital: the
# look-ahead skips them at every other word (most of them), and the compound's
# runs of letters are possessive (a shorter run would end before a letter,
# where no hyphen can follow). Both leave every match as it was and took the
# pattern's scan from 0.42 to 0.31 s over 10,761 blocks (300 generated files,
# 300 real pages).
_TOKEN = re.compile(
    r"(?=[^\W\d_]\.|[A-Z])(?:"
    r"(?:[^\W\d_]\.){2,}(?!\w)"  # U.S.
    r"|(?:Corp|Inc|Ltd|Co|Bros|Jr|Sr)\.(?!\w)"  # NationsBank Corp., Martin Luther King Jr.
    r"|\b(?:St|Ste|Mt|Ft|Pt|Dr|Mr|Mrs|Ms|Gen|Sen|Rep|Gov|Lt|Col|Capt|Cmdr|Adm|Sgt|Prof|Rev|Atty|Supt)\.(?= +[A-Z])"
    r"|[A-Z]\.(?=\s+(?!(?:The|A|An|He|She|It|They|We|I|But|And|In|On|At|This|That)\b)[A-Z])"  # S. Waugh
    r")"
    r"|[^\W_]++(?:[-'’][^\W_]++)*-(?:[^\W\d_]\.){2,}(?!\w)"  # a compound ending in one: Mexico-U.S.
    r"|[^\W_]+(?:[-'’.][^\W_]+)*(?:['’]s?)?"  # words, with inner hyphens, apostrophes, dots
    r"|&"  # a name's ampersand: "Marks & Spencer"
    r"|[.!?:;,\"“”‘’()]"
)
_SENTENCE_END = frozenset(".!?:")
_GLUED_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|at|ash|bin|ibn|abu|d)[-'’][A-Z]")
_POSSESSIVE = re.compile(r"['’]s?$")
# A pronoun or verb with its contraction ("I'm", "We've", "They'll", "Don't"):
# never a name, whatever its capital.
CONTRACTION = re.compile(r"[^\W\d_]+['’](?:m|ve|ll|re|d)|[^\W\d_]+n['’]t", re.IGNORECASE)
# Words written in lower case, not at a sentence start: evidence that a
# capitalised copy elsewhere is only capitalised by position.
LOWER_WORD = re.compile(r"(?<![.!?]\s)\b[a-z][a-z]+\b")
# A web address, an email address, a handle or a path ("airbnb.com",
# "news@cnn.com", "#brexit", "and/or"): its words are written in lower case
# by the medium, not because they are ordinary words. Such a token is a whole
# run of non-spaces, so a match is only tried where a run starts (the
# look-behind): tried at every character, each try ran to the run's end and
# back, and the pattern took 0.8 ms of a generated article's ~18 ms analysis.
_WEB_TOKEN = re.compile(r"(?<!\S)\S*(?:[a-z0-9]\.[a-z]|[@/#])\S*")
_WEB_WORD = re.compile(r"[a-z][a-z]+")


def case_words(text: str) -> tuple[list[str], list[str]]:
    """(lower_words, web_words) of `text` in one pass over its web tokens:
    the two scanned every block for them each (1.9 ms of a generated
    article's analysis, now 0.45; the real saved pages 1.05 -> 0.35)."""
    pieces: list[str] = []
    web: list[str] = []
    last = 0
    for m in _WEB_TOKEN.finditer(text):
        pieces.append(text[last : m.start()])
        web.extend(_WEB_WORD.findall(m.group()))
        last = m.end()
    if not pieces:
        return LOWER_WORD.findall(text), web
    pieces.append(text[last:])
    return LOWER_WORD.findall(" ".join(pieces)), web


def web_words(text: str) -> list[str]:
    """The lower-case words of the web addresses, email addresses and handles in `text`."""
    return case_words(text)[1]


def lower_words(text: str) -> list[str]:
    """The words `text` writes in lower case inside a sentence, leaving out
    those of web addresses, email addresses and handles."""
    return case_words(text)[0]


class Token:
    """A word of a block with its offsets (a plain slotted class: one per word is made)."""

    __slots__ = ("_bare", "capitalised", "end", "i", "sentence_start", "start", "text")

    def __init__(self, text: str, start: int, end: int, sentence_start: bool, i: int = 0) -> None:
        self.text, self.start, self.end, self.sentence_start, self.i = text, start, end, sentence_start, i
        # "al-Amr", "el-Sisi", "bin-Salman": a lower-case particle glued to a name.
        self.capitalised = text[:1].isupper() or bool(_GLUED_PARTICLE.match(text))
        self._bare: str | None = None

    @property
    def bare(self) -> str:
        """The word without a possessive ending."""
        if self._bare is None:
            self._bare = _POSSESSIVE.sub("", self.text) if len(self.text) > 2 else self.text
        return self._bare

    @property
    def possessive(self) -> bool:
        return bool(_POSSESSIVE.search(self.text)) and len(self.text) > 2 and self.text[-2:] not in ("ss",)


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    starts_sentence = True
    for m in _TOKEN.finditer(text):
        word = m.group()
        if len(word) == 1 and not word.isalnum() and word != "&":
            after_abbreviation = (
                word == "."
                and out
                and (out[-1].text.lower() in ABBREVIATIONS or (len(out[-1].text) == 1 and out[-1].text.isupper()))
            )  # "Rep. Nadler", and an initial: "George W. Bush"
            if (word in _SENTENCE_END and not after_abbreviation) or word in '"“‘(':
                starts_sentence = True
            continue
        if word.isdigit() and text[m.start() - 1 : m.start()] == "[" and text.startswith("]", m.end()):
            continue  # "… memoirs.[6] In Byron's": a reference mark, where a sentence may go on starting
        if out and out[-1].text.endswith(".") and word[:1].isupper() and word.lower() in NOT_NAMES:
            starts_sentence = True  # "… in the U.S. The rest": the acronym's dot ended the sentence
        if word == "St." and out and out[-1].capitalised and not starts_sentence and m.start() - out[-1].end == 1:
            # "Main St. Police": a street's suffix ends the street's name.
            out.append(Token("St", m.start(), m.end() - 1, False, len(out)))
            continue
        out.append(Token(word, m.start(), m.end(), starts_sentence, len(out)))
        starts_sentence = False
    return out


_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = _ASCII_UPPER.lower()


def is_caps_line(text: str) -> bool:
    """Headlines and tables in CAPITALS carry no case evidence; we decline them."""
    if text.isascii():
        # In ASCII the cased letters are A-Z and a-z: counted by deleting them
        # from the bytes, not by a call per character (0.24 ms of a generated
        # article's analysis, every block asked).
        data = text.encode("ascii")
        upper = len(data) - len(data.translate(None, _ASCII_UPPER))
        letters = upper + len(data) - len(data.translate(None, _ASCII_LOWER))
    else:
        upper = sum(map(str.isupper, text))
        letters = upper + sum(map(str.islower, text))  # cased letters: the ones that can carry evidence
    return letters >= 12 and upper / letters > 0.7
