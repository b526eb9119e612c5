"""A deterministic generator of scrape-shaped articles for benchmarks.

    python -m tests.bench.corpus DIR --n 1000

Every article has menu lines, a headline, a teaser repeating the lead, body
paragraphs with names, places, organisations, dates and quotes (single and
double), doubled captions and a glued caption pair, share and comment lines.
About a third each are .txt scrapes, saved .html pages and .md clippings. The
same seed gives the same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = "Anna Jonas Maria Tomasz Ingrid Pieter Lucia Omar Aiko Rui Hanna Erik Sofia Mateo Nadia Karel".split()
LAST = "Kowalska Berg Lopes Reed Novak Visser Moreau Haddad Tanaka Costa Lind Nyström Rossi Silva Petrov Dvorak".split()
PLACES = "Gdansk Rotterdam Lisbon Bergen Kalmar Valencia Antwerp Trieste Porto Riga Tallinn Dublin Kiel Malmo Split Bari".split()
ORGS = [
    "Port Authority",
    "Maritime Office",
    "European Commission",
    "Coast Guard",
    "Transport Ministry",
    "Harbour Council",
    "Fishermen's Union",
    "Weather Service",
]
TOPICS = "ferry harbour storm strike tram glacier election budget bridge flood festival vaccine rail wind solar fishing".split()
WORDS = (
    "the of and to in a was for on said that with by at as from it is his her were has have had an be "
    "not are which their they this after over more than two three new city council officials said week year "
    "month residents plan report people government minister police workers passengers crossing service road "
    "water sea coast weather delays repairs funding vote protest decision morning evening today yesterday"
).split()


# A mixed query set over this corpus (terms, AND, phrase, prefix, fuzzy, fields,
# dates, entities), shared by the benchmarks.
QUERIES = [
    "storm",
    "ferry strike",
    "harbour AND council",
    '"port authority"',
    "glac*",
    "Kowalska~",
    "title:flood",
    "date:2021",
    "person:Berg",
    "place:Lisbon",
    "budget OR vote",
    "solar wind",
]

SYLLABLES = "ka lo mi tre van sel dor pu ren ash bel cor din fen gal hil jor kem lun mar nor pel quin ros".split()


def _vocabulary(size: int = 30_000) -> tuple[list[str], list[float]]:
    """Common words first, then invented ones; Zipf weights (rank^-1), as in real text."""
    rnd = random.Random(1)
    words = list(dict.fromkeys(WORDS))
    seen = set(words)
    while len(words) < size:
        word = "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    cumulative, total = [], 0.0
    for rank in range(1, size + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return words, cumulative


VOCABULARY, _CUMULATIVE = _vocabulary()


def sentence(rnd: random.Random, n: int) -> str:
    words = rnd.choices(VOCABULARY, cum_weights=_CUMULATIVE, k=n)
    return " ".join(words).capitalize() + "."


def article(i: int, rnd: random.Random, kb: float = 7.0) -> dict[str, object]:
    person = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    other = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    place, org, topic = rnd.choice(PLACES), rnd.choice(ORGS), rnd.choice(TOPICS)
    year, month, day = 2018 + i % 7, 1 + i % 12, 1 + i % 28
    title = f"{topic.capitalize()} row in {place} deepens as {person.split()[1]} warns of '{rnd.choice(WORDS)} {rnd.choice(WORDS)}' number {i}"
    lead = (
        f"The {topic} dispute in {place} deepened on Monday as {person} of the {org} warned that "
        f"talks with the {rnd.choice(ORGS)} had stalled for a {rnd.choice(['second', 'third', 'fourth'])} week, article {i}."
    )
    body = [lead]
    for k in range(rnd.randint(6, 12)):
        kind = k % 4
        if kind == 0:
            body.append(
                f"'We will not accept this,' {person.split()[1]} told reporters in {place}, adding: '{sentence(rnd, 9)}'"
            )
        elif kind == 1:
            body.append(f'"{sentence(rnd, 10)[:-1]}," said {other}, a spokesman for the {org}.')
        else:
            body.append(" ".join(sentence(rnd, rnd.randint(12, 24)) for _ in range(rnd.randint(2, 4))))
    while sum(len(p) for p in body) < kb * 1000 - 400:
        body.append(" ".join(sentence(rnd, rnd.randint(12, 24)) for _ in range(rnd.randint(3, 6))))
    captions = [
        f"Passengers wait at the {place} terminal as the {topic} dispute enters day {i % 30 + 2}",
        f"{person} speaks to reporters outside the {org} offices in {place} on {['Monday', 'Tuesday'][i % 2]}",
    ]
    return {
        "title": title,
        "lead": lead,
        "body": body,
        "captions": captions,
        "person": person,
        "place": place,
        "date": f"{year}-{month:02d}-{day:02d}",
        "site": f"{place.lower()}-news.example",
    }


def as_txt(a: dict[str, object]) -> str:
    body = list(a["body"])  # type: ignore[arg-type]
    c1, c2 = a["captions"]  # type: ignore[misc]
    lines = [
        "Home",
        "News",
        "{site_header}",
        "Breaking News:",
        str(a["title"]),
        str(a["lead"])[:100] + "...",
        *body[:3],
        c1,
        c1 + c2,
        c2,
        *body[3:],
        "Share this article",
        "3 comments",
    ]
    return "\n\n".join(lines) + "\n"


def as_html(a: dict[str, object]) -> str:
    paras = "".join(f"<p>{p}</p>" for p in a["body"])  # type: ignore[union-attr]
    c1, _ = a["captions"]  # type: ignore[misc]
    return (
        f"<html><head><title>{a['title']} | {a['site']}</title><meta property='og:site_name' content='{a['site']}'>"
        f"<meta property='article:published_time' content='{a['date']}T08:00:00Z'></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{a['title']}</h1>{paras}"
        f"<figure><img src='a.jpg'><figcaption>{c1}</figcaption></figure></article>"
        f"<footer>Copyright {a['site']}. All rights reserved.</footer></body></html>"
    )


def as_md(a: dict[str, object]) -> str:
    body = "\n\n".join(a["body"])  # type: ignore[arg-type]
    c1, _ = a["captions"]  # type: ignore[misc]
    return (
        f'---\ntitle: "{str(a["title"]).replace(chr(34), "")}"\nauthor: {a["person"]}\ndate: {a["date"]}\n'
        f"site: {a['site']}\n---\n\n{body}\n\n![{c1}](photo.jpg)\n"
    )


def write_corpus(directory: Path, n: int, seed: int = 7, kb: float = 7.0) -> list[Path]:
    """Write n articles of about kb kilobytes into directory (100 per sub-folder)."""
    rnd = random.Random(seed)
    paths = []
    for i in range(n):
        a = article(i, rnd, kb)
        folder = directory / f"batch-{i // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = i % 3
        path = folder / f"article-{i:06d}.{['txt', 'html', 'md'][kind]}"
        path.write_text([as_txt, as_html, as_md][kind](a), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kb", type=float, default=7.0, help="about this many kilobytes of text per article")
    args = parser.parse_args(argv)
    paths = write_corpus(args.directory, args.n, args.seed, args.kb)
    print(f"wrote {len(paths)} articles under {args.directory}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
