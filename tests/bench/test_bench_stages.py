"""The stage timer times prepare()'s stages and puts every wrapped function back."""

from __future__ import annotations

import importlib
from pathlib import Path

from tests.bench import bench_stages
from tests.bench.corpus import write_corpus


def test_stages_are_timed_and_the_functions_put_back(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    write_corpus(tmp_path, 6)  # two each of .txt, .html and .md
    before = {(m, n): getattr(importlib.import_module(m), n) for m, n, _ in bench_stages.STAGES}
    per = bench_stages.stage_times(sorted(p for p in tmp_path.rglob("*") if p.is_file()))
    assert {(m, n): getattr(importlib.import_module(m), n) for m, n, _ in bench_stages.STAGES} == before
    assert all(len(values) == 6 for values in per.values())
    assert sum(v > 0 for v in per["- trafilatura's extraction"]) == 2  # the two HTML files only
    assert sum(v > 0 for v in per["- trafilatura's metadata steps"]) == 2
    assert all(v > 0 for label in ("whole prepare()", "parsing", "folding", "analysis") for v in per[label])
    assert bench_stages.main([str(tmp_path), "--limit", "3"]) == 0
    assert "whole prepare()" in capsys.readouterr().out
