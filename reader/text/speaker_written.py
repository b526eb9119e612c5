"""Speaker cues of written words: a pull quote signed with a dash, a blurb
signed with a name and an outlet, and a document proposed as a speaker, which
is no one but its author ("the statement read", "Ann Lee's letter read")."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.text.speaker_article import PERSONLIKE, Span
from reader.text.speaker_decision import Candidate
from reader.text.speaker_phrases import BLURB, SIGNED, name_run, person_name, run_features, text_ends_sentence
from reader.text.speaker_proposals import Proposals
from reader.text.vocab import DOCUMENTS, NOT_NAMES


def signatures(p: Proposals, span: Span) -> None:
    """'“…” ― Jane Roe' (a pull quote signed with a dash) and '“…film.” Ann Lee,
    Harbour Gazette' (a blurb signed with a name and an outlet)."""
    _, _, eb, end = span
    masked = p.article.masked
    signed = SIGNED.match(masked[eb], end)
    if signed and not p.add_mentions(p.mentions_in(eb, signed.start(1), signed.end(1)), "signed", prefer_last=False):
        named = name_run(signed)
        if named:
            p.add(Candidate(named, "signed", run_features(named)))

    blurb = BLURB.match(masked[eb], end) if not signed and text_ends_sentence(p.article.blocks, span) else None
    signers = [m for m in p.mentions_in(eb, *blurb.span(1)) if m[4] in PERSONLIKE | {"ORG"}] if blurb else []
    if blurb and blurb.group(2) and not p.add_mentions(signers, "blurb", prefer_last=False):
        named = name_run(blurb)
        if named:
            p.add(Candidate(named, "blurb", run_features(named)))
    elif blurb and not blurb.group(2) and not re.search(r"^\s*[―—–-]|\.\s*$", blurb.group()):
        # A name alone ('“…” Harbour Gazette'), not a word ('“…” Wrong.') nor a
        # byline signed with a dash: one the recogniser found, the whole run.
        p.add_mentions([m for m in signers if m[1] == blurb.start(1) and m[2] == blurb.end(1)], "blurb", False)


_DOCUMENT_OF = re.compile(
    rf"^(?:(?i:the|a|an|one|another|this|that|its|his|her|their)\s+)?(?:((?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*?)"
    rf"(?:['’]s)?\s+)?(?:[a-z-]+\s+){{0,2}}(?:{'|'.join(sorted(DOCUMENTS, key=len, reverse=True))})\b"
)


def author(c: Candidate) -> Candidate | None:
    """A document proposed as a speaker ("the statement read", "Ann Lee's letter
    read", "read one comment") is no one: its author, when the phrase names one,
    wrote the words (the `written` feature); else the quote's own tag names no
    one ('“…,” the statement continued'), and a cue before it proposes nothing
    (in "Lee issued a statement warning that “…”", Lee)."""
    found = _DOCUMENT_OF.match(c.name) if c.name and {"description", "run"} & set(c.features) else None
    if c.name is None or not found:
        return c
    writer = found.group(1)
    if not writer or writer.lower() in NOT_NAMES:
        return replace(c, name=None, features=()) if c.cue.startswith(("after", "said_x")) else None
    return replace(c, name=person_name(writer), features=(*run_features(writer), "written"))
