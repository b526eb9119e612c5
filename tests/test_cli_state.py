"""Reading state and tags from the command line: star, unstar, read, unread,
tag, untag by id or unique prefix; shown by show, show --json and search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def cli(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(capsys, tmp_path: Path, fixtures_dir: Path) -> list[str]:  # type: ignore[no-untyped-def]
    data = ["--data-dir", str(tmp_path / "d")]
    assert main([*data, "import", str(fixtures_dir)]) == 0
    capsys.readouterr()
    return data


def ids(capsys, data: list[str], query: str) -> list[str]:  # type: ignore[no-untyped-def]
    code, out, _ = cli(capsys, *data, "search", query, "--json")
    return [json.loads(line)["id"] for line in out.splitlines()]


def shown(capsys, data: list[str], article_id: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    code, out, _ = cli(capsys, *data, "show", article_id, "--json")
    assert code == 0
    return json.loads(out)  # type: ignore[no-any-return]


def test_star_read_and_back_by_prefix(capsys, data) -> None:  # type: ignore[no-untyped-def]
    first, second = ids(capsys, data, "ferry")
    code, _, err = cli(capsys, *data, "star", first[:4], second)
    assert code == 0 and "starred 2 articles" in err
    assert shown(capsys, data, first)["starred"] and shown(capsys, data, second)["starred"]
    assert cli(capsys, *data, "read", first)[0] == 0
    assert shown(capsys, data, first)["read"] and not shown(capsys, data, second)["read"]
    assert cli(capsys, *data, "unstar", second)[0] == 0
    assert cli(capsys, *data, "unread", first)[0] == 0
    after = shown(capsys, data, first)
    assert after["starred"] and not after["read"] and not shown(capsys, data, second)["starred"]


def test_an_unknown_or_ambiguous_id_changes_nothing(capsys, data) -> None:  # type: ignore[no-untyped-def]
    [first, *_] = ids(capsys, data, "ferry")
    code, _, err = cli(capsys, *data, "star", first, "zzzz")
    assert code == 1 and "no article with id 'zzzz'" in err
    assert not shown(capsys, data, first)["starred"]
    code, _, err = cli(capsys, *data, "read", "")
    assert code == 1 and "more than one article" in err


def test_tags_as_typed_shown_everywhere(capsys, data) -> None:  # type: ignore[no-untyped-def]
    [hit] = ids(capsys, data, "sauna")
    code, out, _ = cli(capsys, *data, "tag", hit[:5], "Baltic", "Travel Notes")
    assert code == 0 and "Baltic, Travel Notes" in out
    assert cli(capsys, *data, "tag", hit, "baltic")[0] == 0  # the same tag in another case: one tag
    assert shown(capsys, data, hit)["tags"] == ["baltic", "Travel Notes"]
    code, out, _ = cli(capsys, *data, "show", hit)
    assert "tags: baltic, Travel Notes" in out
    code, out, _ = cli(capsys, *data, "search", "tag:BALTIC")
    assert hit in out and "baltic, Travel Notes" in out
    code, out, _ = cli(capsys, *data, "search", "sauna", "--json")
    row = json.loads(out)
    assert row["tags"] == ["baltic", "Travel Notes"] and row["read"] is False and row["starred"] is False
    code, out, _ = cli(capsys, *data, "untag", hit, "travel notes")
    assert code == 0 and shown(capsys, data, hit)["tags"] == ["baltic"]
    assert cli(capsys, *data, "untag", hit, "--all")[0] == 0
    assert shown(capsys, data, hit)["tags"] == []
    code, _, err = cli(capsys, *data, "tag", hit, "a,b")
    assert code == 2 and "comma" in err
