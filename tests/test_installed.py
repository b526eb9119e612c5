"""The suite tests the package as installed, not only the source folder.

CI installs the project (`pip install '.[test]'`) and runs the tests with
`python -P -m pytest` and pytest's append import mode, so `import reader`
finds the installed copy: a module or data file left out of the wheel, or a
broken entry point, fails here instead of on a user's machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import reader
from reader.demo import articles_dir

REPO = Path(__file__).resolve().parents[1]


def test_the_entry_point_is_installed_and_runs() -> None:
    [script] = [e for e in metadata.entry_points(group="console_scripts") if e.name == "newsreader"]
    assert script.value == "reader.cli:main"
    exe = shutil.which("newsreader") or str(Path(sys.executable).parent / "newsreader")
    done = subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "import" in done.stdout


def test_the_package_data_is_installed() -> None:
    demo = list(articles_dir().rglob("*.*"))
    assert len(demo) >= 5
    assert (Path(reader.__file__).parent / "tui" / "newsreader.tcss").is_file()


def test_ci_imports_the_installed_package_not_the_source_folder() -> None:
    """Under CI (CI=true, as .ci/run runs), reader comes from site-packages."""
    location = Path(reader.__file__).resolve()
    if os.environ.get("CI"):
        # (.ci/run's virtualenv lives inside the checkout, so compare with the source folder itself.)
        assert not location.is_relative_to(REPO / "reader"), f"tests imported the source folder: {location}"
    else:
        assert location.name == "__init__.py"


def test_every_file_of_the_source_package_is_installed() -> None:
    """Weights files, the stylesheet, the demo: whatever reader/ holds, the wheel holds."""
    installed = Path(reader.__file__).resolve().parent
    source = REPO / "reader"
    if installed == source.resolve():
        return  # an editable install (a developer's): nothing to compare
    missing = [
        str(f.relative_to(source))
        for f in source.rglob("*")
        if f.is_file() and "__pycache__" not in f.parts and not (installed / f.relative_to(source)).is_file()
    ]
    assert missing == []


def test_the_commands_tests_start_run_the_code_under_test() -> None:
    """`python -P -m reader` in a test imports the copy the tests import (see
    tests/conftest.py), not the one the virtualenv's editable install points at."""
    done = subprocess.run(
        [sys.executable, "-P", "-c", "import reader; print(reader.__file__)"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert Path(done.stdout.strip()).resolve() == Path(reader.__file__).resolve()
