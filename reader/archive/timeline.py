"""How many articles fall in each day, week, month or year: the timeline of a
query (or an entity, which is a query: entity:"Name").

Periods run without gaps from the first dated article to the last, so a quiet
stretch shows as empty bars; each period carries the date filter that finds
its articles in the query language. Unless asked for one, the grain is the
finest that shows the span in at most FEW_PERIODS periods: by month, an
archive of 2004 to 2023 was 240 rows, most of them empty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from reader.model import DATE_YEARS
from reader.plural import plural

GRAINS = ("day", "week", "month", "year")
MAX_PERIODS = 2000  # a day-by-day timeline over decades is cut to its latest periods
# The most periods a grain chosen from the span gives: about a screenful of
# rows at 45 lines (20 years by year, 3 years by month, 9 months by week).
FEW_PERIODS = 40


@dataclass(frozen=True)
class Timeline:
    """A query's periods, and the matching articles they leave out: those with
    no date, and those before the first period when the timeline was cut to
    its latest MAX_PERIODS (decades by day)."""

    periods: list[Period]
    undated: int
    earlier: int = 0
    # The query counted, as search runs it (its last word completed while
    # typing): with a period's date filter it finds that period's articles.
    query: str = ""
    grain: str = "month"  # the one asked for, or the one chosen from the span

    def query_of(self, period: Period) -> str:
        """The query that finds a period's articles."""
        return f"{self.query} {period.date_query}".strip()

    def summary(self) -> str:
        """What the periods hold and what they leave out, for people."""
        shown = sum(p.count for p in self.periods)
        words = [plural(shown, "dated article"), f"{self.undated:,} undated"]
        if self.earlier:
            words[0] = f"latest {MAX_PERIODS:,} {self.grain}s: " + words[0]
            words.insert(1, f"{self.earlier:,} earlier (a longer period shows them)")
        return ", ".join(words)


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    count: int
    grain: str

    @property
    def label(self) -> str:
        if self.grain == "day":
            return self.start.isoformat()
        if self.grain == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.grain == "month":
            return self.start.strftime("%Y-%m")
        return str(self.start.year)

    @property
    def date_query(self) -> str:
        """The query-language filter for this period's articles."""
        if self.grain == "week":
            return f"date:[{self.start.isoformat()} to {self.end.isoformat()}]"
        return f"date:{self.label}"


def _start_of(day: date, grain: str) -> date:
    if grain == "day":
        return day
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next(start: date, grain: str) -> date:
    if grain == "day":
        return start + timedelta(days=1)
    if grain == "week":
        return start + timedelta(days=7)
    if grain == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


def _back(last: date, grain: str, steps: int) -> date:
    """The start of the period `steps` periods before the one starting at `last`."""
    if grain == "day":
        return last - timedelta(days=steps)
    if grain == "week":
        return last - timedelta(days=7 * steps)
    if grain == "month":
        months = last.year * 12 + last.month - 1 - steps
        return date(months // 12, months % 12 + 1, 1)
    return date(max(1, last.year - steps), 1, 1)


def _periods_between(first: date, last: date, grain: str) -> int:
    """How many periods of `grain` run from the one holding `first` to the one holding `last`."""
    if grain == "day":
        return (last - first).days + 1
    if grain == "week":
        return (_start_of(last, "week") - _start_of(first, "week")).days // 7 + 1
    if grain == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return last.year - first.year + 1


def grain_for(first: date, last: date) -> str:
    """The finest grain that shows first to last in at most FEW_PERIODS periods."""
    return next((g for g in GRAINS if _periods_between(first, last, g) <= FEW_PERIODS), "year")


def periods(days: Iterable[date], grain: str) -> list[Period]:
    """Counts per period, every period from the first to the last included
    (the latest MAX_PERIODS of them). Days outside DATE_YEARS are left out: a
    period there may not exist (after 9999) and would take millions of steps."""
    if grain not in GRAINS:
        raise ValueError(f"unknown period '{grain}' ({', '.join(GRAINS)})")
    counts = Counter(_start_of(d, grain) for d in days if d.year in DATE_YEARS)
    if not counts:
        return []
    out: list[Period] = []
    last = max(counts)
    start = max(min(counts), _back(last, grain, MAX_PERIODS - 1))
    while start <= last:
        following = _next(start, grain)
        out.append(Period(start, following - timedelta(days=1), counts.get(start, 0), grain))
        start = following
    return out


def bar(count: int, largest: int, width: int) -> str:
    """A bar in eighth-blocks: any non-zero count shows at least a sliver."""
    if not count or not largest:
        return ""
    eighths = max(1, round(count / largest * width * 8))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]
