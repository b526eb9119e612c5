"""The timeline: articles per period, gaps included, each period searchable."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.archive.timeline import FEW_PERIODS, GRAINS, bar, grain_for, periods
from reader.cli import main
from tests.conftest import FIXTURES, archive_of, run_import


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


def test_the_grain_chosen_is_the_finest_that_shows_the_span_in_few_periods() -> None:
    assert grain_for(date(2023, 5, 1), date(2023, 5, 31)) == "day"
    assert grain_for(date(2007, 12, 28), date(2008, 1, 16)) == "day"
    assert grain_for(date(2007, 11, 1), date(2008, 2, 10)) == "week"
    assert grain_for(date(2019, 1, 1), date(2021, 6, 30)) == "month"
    assert grain_for(date(2004, 3, 1), date(2023, 11, 9)) == "year"  # by month: 237 rows
    assert grain_for(date(1900, 1, 1), date(2023, 1, 1)) == "year"  # more than a screenful of years still


@settings(max_examples=80, deadline=None)
@given(st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), min_size=1, max_size=20))
def test_a_chosen_grain_gives_few_periods_and_a_finer_one_too_many(days: list[date]) -> None:
    grain = grain_for(min(days), max(days))
    assert len(periods(days, grain)) <= FEW_PERIODS or grain == "year"  # over 40 years: years still
    finer = GRAINS[: GRAINS.index(grain)]
    assert all(len(periods(days, g)) > FEW_PERIODS for g in finer)


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


def test_dates_outside_the_usable_years_are_left_out_and_never_overflow() -> None:
    from reader.archive.timeline import MAX_PERIODS

    placeholders = [date(9999, 12, 31), date(1, 1, 1), date(1, 1, 2), date(999, 12, 31), date(2201, 1, 1)]
    for grain in ("day", "week", "month", "year"):
        found = periods([*placeholders, date(2023, 5, 17)], grain)
        assert [p.count for p in found] == [1], grain
    far = periods([date(1000, 1, 1), date(2200, 12, 31)], "day")  # usable, 438,000 days apart
    assert len(far) == MAX_PERIODS and far[-1].start == date(2200, 12, 31) and sum(p.count for p in far) == 1


@settings(max_examples=80, deadline=None)
@given(st.lists(st.dates(), max_size=6), st.sampled_from(["day", "week", "month", "year"]))
def test_any_dates_give_a_bounded_timeline(days: list[date], grain: str) -> None:
    from reader.archive.timeline import MAX_PERIODS
    from reader.model import DATE_YEARS

    found = periods(days, grain)
    assert len(found) <= MAX_PERIODS
    assert all(p.start.year in DATE_YEARS and p.end.year in DATE_YEARS for p in found)


def test_placeholder_dates_are_no_dates_and_the_timeline_command_runs(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reader.archive import Archive

    src = tmp_path / "src"
    src.mkdir()
    body = "The harbour board met on {} to vote on the new quay, and the vote was carried by seven to two."
    (src / "never.md").write_text(f"---\ntitle: Never\ndate: 9999-12-31\n---\n\n{body.format('Monday')}\n")
    (src / "zero.md").write_text(f"---\ntitle: Zero\ndate: 0001-01-01T00:00:00Z\n---\n\n{body.format('Tuesday')}\n")
    (src / "dated.md").write_text(f"---\ntitle: Dated\ndate: 2023-05-17\n---\n\n{body.format('Friday')}\n")
    data = tmp_path / "archive"
    with Archive(data) as archive:
        run_import(archive, src)
        dates = {s.article.title: s.article.published for s in archive.store.iter_articles()}
        assert dates["Never"] is None and dates["Zero"] is None and dates["Dated"] is not None
        # An archive imported before dates were checked may hold such dates already.
        with archive.store.transaction():
            archive.store.db.execute(
                "UPDATE articles SET published = '9999-12-31T00:00:00+00:00' WHERE title = 'Never'"
            )
            archive.store.db.execute("UPDATE articles SET published = '0001-01-01T00:00:00+00:00' WHERE title = 'Zero'")
    for grain in ("day", "week", "month", "year"):
        assert main(["--data-dir", str(data), "timeline", "--by", grain, "--json"]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [r["count"] for r in rows if "period" in r] == [1] and rows[-1]["undated"] == 2


def test_a_cut_day_timeline_says_what_it_left_out(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # A day-by-day timeline keeps its latest MAX_PERIODS days; it said only
    # "1 dated article", as if the older one did not exist.
    from reader.archive import Archive

    body = "The harbour board met on {} to vote on the new quay, and the vote was carried by seven to two."
    data = archive_of(
        tmp_path,
        {
            "old.md": f"---\ntitle: Old\ndate: 2010-03-01\n---\n\n{body.format('Monday')}\n",
            "new.md": f"---\ntitle: New\ndate: 2023-05-17\n---\n\n{body.format('Friday')}\n",
        },
    )
    with Archive(data) as archive:
        found = archive.timeline("", "day")
        assert (sum(p.count for p in found.periods), found.earlier, found.undated) == (1, 1, 0)
        assert archive.timeline("", "year").earlier == 0
        chosen = archive.timeline("")  # no grain asked: 2010 to 2023 by year, nothing cut
        assert (chosen.grain, len(chosen.periods), chosen.earlier) == ("year", 14, 0)
    assert main(["--data-dir", str(data), "timeline"]) == 0
    assert "2 dated articles, 0 undated · by year" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "timeline", "--by", "day"]) == 0
    err = capsys.readouterr().err
    assert "latest 2,000 days" in err and "1 earlier" in err


def test_a_typed_query_is_counted_as_the_results_list_finds_it(tmp_path: Path) -> None:
    """The app's list completes the last word while it is typed ("Kalm" finds
    Kalmar); its timeline and a search saved from it must count the same
    articles, with the list's filters, not the query as written (0 articles)."""
    from reader.archive import Archive
    from reader.model import SearchFilters

    with Archive(tmp_path / "archive") as archive:
        run_import(archive, FIXTURES)
        for typed, filters in (("Kalm", SearchFilters()), ("harb", SearchFilters(site="Baltic Notes"))):
            listed = archive.search(typed, filters=filters, complete_last_word=True)
            assert listed.total >= 1
            timeline = archive.timeline(typed, "year", filters=filters, complete_last_word=True)
            assert sum(p.count for p in timeline.periods) + timeline.undated == listed.total
            for period in timeline.periods:  # each period's query finds its articles, with the filters
                found = archive.search(timeline.query_of(period), filters=filters)
                assert found.total == period.count
            archive.save_search(typed, typed, filters, complete_last_word=True)
            [saved] = [s for s in archive.saved_searches() if s.name == typed]
            assert saved.matches == listed.total
        assert archive.timeline("Kalm", "year").periods == []  # as written (the CLI's), no word starts so
