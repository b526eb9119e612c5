"""The timeline: articles per period, gaps included, each period searchable."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.archive.timeline import bar, periods
from reader.cli import main
from tests.conftest import FIXTURES, run_import


def test_months_run_without_gaps_and_carry_their_filter() -> None:
    found = periods([date(2023, 1, 30), date(2023, 1, 2), date(2023, 4, 1)], "month")
    assert [(p.label, p.count) for p in found] == [("2023-01", 2), ("2023-02", 0), ("2023-03", 0), ("2023-04", 1)]
    assert found[0].date_query == "date:2023-01"
    [week] = periods([date(2023, 2, 15)], "week")
    assert week.label == "2023-W07" and week.date_query == "date:[2023-02-13 to 2023-02-19]"
    assert periods([], "day") == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), max_size=40),
    st.sampled_from(["day", "week", "month", "year"]),
)
def test_every_date_counted_once_in_contiguous_periods(days: list[date], grain: str) -> None:
    found = periods(days, grain)
    if len(days) and (max(days) - min(days)).days < 1500:  # no cut at MAX_PERIODS
        assert sum(p.count for p in found) == len(days)
    for a, b in zip(found, found[1:], strict=False):
        assert b.start == a.end + timedelta(days=1)
    for p in found:
        assert len(bar(p.count, max(q.count for q in found), 20)) <= 21


def test_timeline_command_and_a_period_search(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reader.archive import Archive

    filled_archive_dir = tmp_path / "archive"
    with Archive(filled_archive_dir) as archive:
        run_import(archive, FIXTURES)
    assert main(["--data-dir", str(filled_archive_dir), "timeline", "--by", "year", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    dated = [r for r in rows if "period" in r]
    assert dated and sum(r["count"] for r in dated) + rows[-1]["undated"] == 3  # the three fixture articles
    busiest = max(dated, key=lambda r: r["count"])
    assert main(["--data-dir", str(filled_archive_dir), "search", "--json", busiest["query"]]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == busiest["count"]
    assert all(h["published"].startswith(busiest["period"]) for h in hits)


def test_saved_searches_from_the_command_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reader.archive import Archive

    data = tmp_path / "archive"
    with Archive(data) as archive:
        run_import(archive, FIXTURES)
    assert main(["--data-dir", str(data), "search", "--json", "--save", "Ferries", "ferry"]) == 0
    found = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert main(["--data-dir", str(data), "searches", "--json"]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["name"], row["query"], row["matches"], row["unread"]) == ("Ferries", "ferry", len(found), len(found))
    assert main(["--data-dir", str(data), "search", "--json", "--saved", "Ferries"]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == found
    assert main(["--data-dir", str(data), "search", "--saved", "Nope"]) == 2
    assert "no saved search named 'Nope'" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "search", "--save", "Bad", '"unbalanced']) != 0
    assert main(["--data-dir", str(data), "searches", "--delete", "Ferries"]) == 0
    assert main(["--data-dir", str(data), "searches", "--json"]) == 0
    assert capsys.readouterr().out == ""
