"""The phrases around a quote that name or describe its speaker: what kind of
name a mention is, capitalised runs the recogniser did not make names of, a
description ("the harbour master"), the tags and signatures after a quote, and
whether a name is a verb's subject or only qualifies someone else."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.model import Block
from reader.text.alternation import longest_first
from reader.text.dictionary_words import common_word
from reader.text.entity_tokens import CONTRACTION
from reader.text.first_names import gender, is_first_name
from reader.text.sentences import SPEECH, sentence_start
from reader.text.speaker_article import Article, MentionRow, Span
from reader.text.vocab import NOT_ENTITY_ACRONYMS, NOT_NAMES, ORG_HEADS, PLACE_HEADS, PRONOUNS, TITLES

# "NAME": a name the recogniser found but could not type (shown plain); it may
# be a person, so it is a candidate, scored as an untyped name.
_KIND_FEATURE = {"PERSON": "person", "ORG": "org", "PLACE": "place", "GROUP": "group", "NAME": "untyped"}
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|at|from|with|in|on|to|by|about|against)\s+(?:the\s+)?$", re.I)
_PARTY_CODE = re.compile(r"[RDI]-[A-Z][\w.]*")  # "(R-Utah)", ", D-Mo.,": an affiliation, not a speaker


def mention_features(article: Article, m: MentionRow) -> tuple[str, ...]:
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
    if m[4] == "GROUP" and _QUALIFIES.match(text, m[2]) and not _VERB_NEXT.match(text, m[2]):
        features.append(
            "qualifier"
        )  # "Republican claims", "the British Bill": an adjective, not "this Republican said"
    if any(re.split(r"['’]", w.lower())[0] in _NEVER_IN_NAMES and not gender(w) for w in m[3].split()):
        features.append("not_a_name")  # "Am I" at a question's start, "I’ve" (not "Will Moy")
    return tuple(features)


# What follows an adjective of a people or a party ("Republican claims", "the
# British Bill"), not a noun ("this Republican with ties to …", "Republicans have said").
_QUALIFIES = re.compile(
    r"[ \t]+(?!(?:with|of|who|in|at|from|for|and|or|but|has|have|had|is|are|was|were|often|also|tend)\b)[A-Za-z]"
)
_NEVER_IN_NAMES = frozenset("i me am is are was were do does did will would can could shall should".split())

# Subjects that name no one the text can point to: the narrator, the reader,
# an indefinite someone ('…," I say', 'someone said, "…"').
UNNAMED_SUBJECT = re.compile(
    r"(?:i|we|you|someone|somebody|anyone|anybody|everyone|everybody|nobody|no one|people)(?:\s+(?:\w+ly|also))?",
    re.I,
)
# The narrator tags a quote: '…,” I say', 'I asked, “…”', 'I'm like “…”'.
# (With "I" the plain forms too: "…?” I ask.", 'I tell her, “…”'.)
_FIRST_PERSON_VERB = rf"(?:{SPEECH}|ask|tell|reply|answer|shout|yell|whisper|explain|add|write|call|cry)"
FIRST_PERSON_AFTER = re.compile(rf"^[\s,]*I\s+(?:\w+ly\s+|again\s+)?{_FIRST_PERSON_VERB}\b")
FIRST_PERSON_BEFORE = re.compile(
    rf"\bI(?:\s+(?:\w+ly\s+)?{_FIRST_PERSON_VERB}(?:\s+(?:him|her|them|you|us))?|(?:['’]m|\s+am|\s+was)\s+like)[,:]?\s*$"
)
# A verb chain between a subject and its speech verb: "Lee went on to say",
# "the Board goes on to say", "Lee would later write".
VERB_CHAIN = re.compile(
    r"\s(?:(?:go|goes|went|going)\s+on\s+to|(?:continued|continues|began|begins|decided|decides|wanted|wants|"
    r"tried|tries|proceeded|proceeds|used|came|comes|had|has|have)\s+to|would|will|could|can|might|may|must|did|does)"
    r"(?:\s+(?:\w+ly|also|later|then))?\s+$"
)
# A capitalised word, or joined initials ("G.K. Lee", not "G").
_NAME_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'’-]*\.?)"
_ROLES = "spokesman|spokeswoman|spokesperson|official|officials|adviser|advisor|aide|lawyer|attorney|analyst|executive"
RUN_AT_END = re.compile(
    rf"((?:{_NAME_WORD}[ \t]+){{0,5}}{_NAME_WORD}(?:[ \t]+(?:{_ROLES}))?)\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$"
)
# "President Ann Lee of Harbouria said": the run before "of", not the place after it.
RUN_OF_AT_END = re.compile(
    rf"((?:{_NAME_WORD}[ \t]+){{0,5}}{_NAME_WORD})[ \t]+of[ \t]+(?:the[ \t]+)?(?:{_NAME_WORD}[ \t]+){{0,4}}{_NAME_WORD}"
    r"\s+(?:[a-z]+ly\s+|also\s+|later\s+)?$"
)
RUN_ALONE = re.compile(rf"^[\s,]*((?:{_NAME_WORD}[ \t]+){{0,5}}{_NAME_WORD})[\s,]*$")
RUN_AT_START = re.compile(rf"^\s*((?:{_NAME_WORD}[ \t]+){{0,5}}{_NAME_WORD})")
RUN_APPOSITIVE = re.compile(rf"^[\s,]*((?:{_NAME_WORD}[ \t]+){{0,5}}{_NAME_WORD}),\s")
# Words that may lead a capitalised run but are not part of a name: function
# words at a sentence start, and titles ("Senator", "Mrs.").
_NOT_NAME_WORDS = TITLES | frozenset(
    "the a an and but or so this that these those in on at as when after it its his her".split()
)
# A speaker the text describes but does not name: "the commission says",
# '…," the harbour master said', "Holm's former deputy said".
# Titles that end a description in capitals ("The Prime Minister said"); the
# words that only qualify a title (Foreign, Deputy) do not.
_QUALIFIERS = frozenset(
    "cabinet chief culture defence defense deputy economy education energy environment finance fisheries foreign "
    "health home interior prime state tourism trade transport vice".split()
)
_TITLE_HEAD = longest_first(t for t in TITLES if len(t) > 3 and t not in _QUALIFIERS)
_DESCRIPTION = (
    r"((?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+|(?:[A-Z][\w.-]*[ \t]+){0,3}[A-Z][\w.-]*['’]s[ \t]+)"
    rf"(?:[\w.'’-]+[ \t]+){{0,4}}?(?:[a-z][a-z-]{{2,}}|\d+-year-old|(?i:{_TITLE_HEAD}))"
    r"(?:[ \t]+of[ \t]+[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3})?)"
)
DESCRIBED_AT_END = re.compile(
    rf"(?:^|[\s,])(?-i:{_DESCRIPTION})\s+(?:(?:[a-z]+ly|also|later|rather|then|quite)\s+){{0,2}}$"
)
DESCRIBED_ALONE = re.compile(rf"^[\s,]*{_DESCRIPTION}[\s,]*$")
# Words a description never ends in: a verb or a function word means the
# pattern caught a clause ("the pier was"), not a noun phrase.
_NOT_DESCRIPTION_END = frozenset(
    """was were is are be been has have had will would could should can may might did does do
    that which who what when where if and or but not also then there this these those""".split()
)
# Nor in a word of degree: "the most well argued opinions" is no one.
_DEGREE_WORDS = frozenset("well much more most less least very so too even just quite".split())
# Nor does a noun phrase end in a preposition: "a little like", "the end of the year without".
_PREPOSITIONS = frozenset(
    """about above across after against along among around as at before behind below beneath beside
    between beyond by despite during for from in inside into like near of off on onto out outside over
    past since than through throughout to toward towards under until unto up upon via with within without""".split()
)


def name_run(match: re.Match[str] | None, after_verb: bool = False) -> str | None:
    """A capitalised run the recogniser did not make an entity ("Ann B. Lowe"
    beside a speech verb): the speaker's name as written, without leading
    function words and titles. `after_verb`: right after a speech verb, where a
    lone title word before a comma is a surname ('…," said King, who …')."""
    if match is None:
        return None
    words = match.group(1).split()
    while words and words[0].lower().rstrip(".") in _NOT_NAME_WORDS:
        words.pop(0)
    lone = match.group(1).strip()
    if not words and after_verb and lone.lower() in TITLES and re.match(r"[,;]", match.string[match.end(1) :]):
        words = [lone]
    name = " ".join(words).rstrip(".,")
    if not name or name.lower() in PRONOUNS or all(w.lower().rstrip(".,") in NOT_NAMES for w in words):
        return None
    if len(words) == 1 and re.search(rf"\b{re.escape(name.lower())}\b", match.string):
        return None  # "Still, …": a word the text also writes in lower case
    if len(words) == 1 and (
        CONTRACTION.fullmatch(name)
        or name in NOT_ENTITY_ACRONYMS
        or (name.lower().endswith("ly") and common_word(name))
    ):
        return None  # "I'd", "SEO", "Naturally, …": no one's name
    return person_name(name)


def description(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    text = match.group(1).strip()
    words = [w.lower() for w in text.split()]
    if (
        words[-1].endswith("ly")
        or words[-1] in _PREPOSITIONS
        or words[-1] in _DEGREE_WORDS
        or any(w in _NOT_DESCRIPTION_END for w in words[1:])
    ):
        return None  # a clause, not a noun phrase: "the man could be heard", "a stranding that was"
    if any(w in ("he", "she", "they", "it", "we", "i") for w in words[1:]):
        return None  # a subject inside: "“…,” a pledge he has often repeated"
    if _PREPOSITION_BEFORE.search(match.string, max(0, match.start(1) - 16), match.start(1)):
        return None  # the end of a longer phrase: "A person in the house at the time told…"
    return text


# '…," said the culture minister, Ann Lee', '…," said one source who…', '…," said
# researchers': the noun phrase after the verb, when it names no one.
SAID_DESCRIPTION = re.compile(
    rf"^\s*((?:the|a|an|one|another)\s+(?:[\w.'’-]+\s+){{0,4}}?(?:[a-z][a-z-]{{2,}}|(?i:{_TITLE_HEAD}))"
    r"|[a-z]+(?:\s+[a-z]+)?s)\s*$"
)


_AFFILIATION = frozenset("of for at from".split())
_PLACE_BEFORE = frozenset("mount fort saint st san santa cape glen".split())


def _role_word(word: str) -> bool:
    """A capitalised word before a name that is a role, not a place: "Supervisor"
    (an English word in lower case), not "Lake", "Fort" or "Ukraine"."""
    low = word.lower().rstrip(".")
    return common_word(word) and low not in PLACE_HEADS and low not in _PLACE_BEFORE


def person_name(name: str) -> str:
    """The person's name in a speaker string that keeps a title or an
    affiliation: "Secretary of State Ann Lee", "Supervisor Ann Lee of Harbour
    County" and "U.S. Attorney Ann Lee" give "Ann Lee", "President Lee" gives
    "Lee". The name starts after the last title word, or else at a known first
    name with a surname after it; an
    affiliation ("of Harbour County") after a name of two words is cut. Words
    before a first name are a title only when they are roles ("Deputy Supervisor"),
    not a place. Anything else is returned as it is ("Bank of America", "Martin
    Luther King", "Lake Victoria Ferry")."""
    words = name.split()
    titled = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLES and w[:1].isupper()]
    start = titled[-1] + 1 if titled else 0
    if not titled or words[start] in _AFFILIATION:
        # No title word, or one followed by what the office is of ("Director of
        # Central Scouting Ann Lee"): the name starts at a first name.
        firsts = [i for i in range(len(words) - 1) if is_first_name(words[i])]
        if not firsts:
            return name
        start = firsts[0]
        if not titled and not all(_role_word(w) for w in words[:start]):
            return name  # "Bank of America Stadium", "Lake Victoria Ferry": a place or body
    rest = words[start:]
    cut = next((i for i, w in enumerate(rest) if w in _AFFILIATION), len(rest))
    if cut >= 2 and (start or is_first_name(rest[0])):
        rest = rest[:cut]  # "Ann Lee of Harbour County"
    if any(not w[:1].isupper() or w.lower() in ORG_HEADS for w in rest):
        return name  # "Prince Ann of Harbour", "St. Mary Hospital": not a person's name alone
    return " ".join(rest)


def run_features(name: str) -> tuple[str, ...]:
    """A name the recogniser did not type: one that starts with a first name
    reads as a person's."""
    words = name.split()
    return ("run", "first_name") if len(words) >= 2 and gender(words[0]) else ("run",)


SIGNED = re.compile(rf"\s*[―—–-]\s*((?:{_NAME_WORD}[ \t]+){{0,4}}{_NAME_WORD})[ \t\xa0]*\.?[ \t\xa0]*(?:\n|$)")
# A review blurb or a testimonial signed with the name and what they write for
# or are, after a quote that ends its sentence, with or without a dash:
# '“…film.” Ann Lee, Harbour Gazette', '“…” – Ann Lee, Director, Port Board, Harbour',
# or a name alone that ends the paragraph, '“…film.” Harbour Gazette'. (What follows
# the comma is capitalised words and the joining words only, to the paragraph's end
# or the next quotation: not a sentence, "Ann Lee, Harbour's mayor, opened the meeting".)
_TITLE_CASE = r"(?:[A-Z][\w&'’.-]*|(?:of|the|a|an|and|for|on|at|in|&)(?=[ \t]))"
_TITLE_RUN = rf"{_TITLE_CASE}(?:[ \t]+{_TITLE_CASE}){{0,9}}"
BLURB = re.compile(
    rf"\s*(?:(?:[―—–]|--?)\s*)?((?:{_NAME_WORD}[ \t]+){{0,3}}{_NAME_WORD})"
    rf"(?:(,)[ \t]+{_TITLE_RUN}(?:,[ \t]+{_TITLE_RUN}){{0,3}}[ \t]*\.?[ \t]*(?:\n|$|(?=\x00))|[ \t]*(?:\n|$))"
)
# '“…we will.” Smith said.': a name (or pronoun) and a verb, and the sentence ends.
SHORT_TAG = re.compile(rf"\s+(?:(?:{_NAME_WORD}\s+){{1,4}}|(?:he|she|they)\s+)(?:{SPEECH})\.", re.I)
# A speech verb right after a name: "…, Lee said", "Lee later told", and across
# what the name is of: "Lee of the harbour board said".
_VERB_NEXT = re.compile(
    rf"[\s,]*(?:of\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){{1,5}})?(?:\w+ly\s+|also\s+)?(?:{SPEECH})\b", re.I
)


# ('…!” an officer shouts', '…,” one user quipped': a description tags it too.)
TAG_AFTER = re.compile(
    rf"\s*(?:(he|she|they)|((?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})"
    r"|((?:an?|the|one|another)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*))\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)\b"
)


def text_ends_sentence(blocks: Sequence[Block], span: Span) -> bool:
    """Whether a quote closes on a full stop ('…him.”', '…him”.', or a doubled
    mark: '…him.’’')."""
    _, _, eb, end = span
    tail = blocks[eb].text[max(0, end - 3) : end + 1].rstrip()
    return bool(re.search(r"\.[\"'”’»]{0,2}$|[\"'”’»]\.$", tail))


# "House Speaker Ann Lee", "Harbour Board Chair Ann Lee": a title and a name follow.
_TITLE_ALTERNATIVES = longest_first(TITLES)
_TITLE_THEN_NAME = re.compile(r"\s+(?:(?:" + _TITLE_ALTERNATIVES + r")\.?\s+){1,3}[A-Z][a-z]", re.I)
# "Clinton campaign spokesman Brian Fallon": a word or two, a title, a name.
_ROLE_THEN_NAME = re.compile(r"\s+(?:[a-z]+\s+){1,2}(?i:" + _TITLE_ALTERNATIVES + r")\.?\s+[A-Z][a-z]")


def modifier(text: str, lo: int, hi: int) -> bool:
    """A name that qualifies someone else, so is not the speaker: "Holm's
    former deputy said", "the Oslo shipowner said", "House Speaker Ann Lee" or
    "Clinton campaign spokesman Ann Lee" (a title and a name follow), or a piece of a longer word ("South Korea" of
    "South Korean President …")."""
    if re.match(r"['’]s\s+[a-z]", text[hi : hi + 4]) or text[hi : hi + 1].isalpha():
        return True
    following = _TITLE_THEN_NAME.match(text, hi)
    if following and following.group()[:2].strip()[:1].isupper():
        return True
    if _ROLE_THEN_NAME.match(text, hi) and not _VERB_NEXT.match(text, hi):
        return True
    return (
        bool(re.search(r"\b(?:the|a|an)\s+$", text[max(0, lo - 5) : lo], re.I))
        and bool(re.match(r"\s+[a-z]{3,}", text[hi : hi + 20]))
        and not _VERB_NEXT.match(text, hi)
    )


# A sentence's opening phrase before its subject: "In January, ", "With 50 days
# to go, ", "Following the meeting, " (not "As Lee put it, ", whose clause has its own subject).
LEADING_ADVERBIAL = re.compile(
    r"^\s*(?:(?:In|On|At|After|Before|With|During|Since|Following|Earlier|Later|Last|This|Amid|Despite|Within|Under)"
    r"\b[^,;:()]{1,60}|[A-Z][a-z]+),\s*"
)
_TITLES_BEFORE = re.compile(r"(?:\b(?:" + longest_first(TITLES) + r")\b\.?\s*)+$", re.I)


def subject_run(sentence: str) -> str | None:
    """A capitalised run of two words or more that opens `sentence` (after an
    opening phrase) and is followed by a comma or a lower-case word: the
    sentence's subject, a name the recogniser did not make an entity."""
    lead = LEADING_ADVERBIAL.match(sentence)
    rest = sentence[lead.end() if lead else 0 :]
    run = RUN_AT_START.match(rest)
    if run is None or not _SUBJECT_NEXT.match(rest, run.end()):
        return None
    named = name_run(run)
    if named is None or re.search(r"['’]s$", named) or named.isupper():
        return None  # a possessor ("South Dakota’s campaign"), or a heading in capitals
    words = named.split()
    while words and words[0].endswith("ly") and not gender(words[0]):
        words.pop(0)  # "Finally Lee offers …"
    return " ".join(words) if len(words) >= 2 else None


# What follows a sentence's subject: an appositive (", a port official,", ", who
# runs …,") or a verb in the past or the present ("called", "offers").
_SUBJECT_NEXT = re.compile(r",\s+(?:who\b|(?:a|an|the)\s|[a-z]+\s)|\s+(?:[a-z]+ly\s+)?[a-z]{2,}(?:ed|s)\b")


def is_subject(text: str, lo: int, hi: int) -> bool:
    """A mention that opens its sentence ("The senator Ann Lee …"), perhaps after
    a title ("Union leader Ann Lee …", "Gov. Ann Lee") or an opening phrase ("In
    January, Lee …"), or stands before a speech verb ("…, Lee said", "Lee of the
    harbour board said")."""
    lead = text[sentence_start(text, lo) : lo]
    lead = LEADING_ADVERBIAL.sub("", lead, count=1)
    lead = _TITLES_BEFORE.sub("", lead) if lead.strip() else lead  # "Gov. ", "House Speaker "
    if not re.search(r"[a-z]", re.sub(r"\b(?:the|a|an)\b", "", lead, flags=re.I).lower()):
        return True
    if re.fullmatch(r"\s*(?:[A-Z][\w-]*\s+)?(?:[a-z-]+\s+){0,2}", lead) and not re.search(r"[,;:]", lead):
        return True  # "Union leader Ann Lee", "Harbour master Ann Lee"
    if re.search(r"(?:,\s*(?:and|yet|so)|\bbut)\s+$", lead) and _CLAUSE_VERB.match(text, hi):
        # "… but Lee quickly defused it", "…, and Lee added": the subject of a
        # clause joined on (not "Ann and Lee planned", two nouns joined).
        return True
    return bool(_VERB_NEXT.match(text, hi))


# A verb in the past or the present right after a name, perhaps after an adverb.
_CLAUSE_VERB = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]{2,}(?:ed|s)\b")
