"""The reading pane shows code with its lines and indentation."""

from __future__ import annotations

from pathlib import Path

from reader.config import Config
from reader.tui.app import NewsReaderApp
from reader.tui.widgets.article import ArticleView
from tests.conftest import archive_of
from tests.tui.conftest import settle


async def test_code_keeps_its_lines_in_the_reader(tmp_path: Path) -> None:
    code = "for i in range(10):\n    if odd(i):\n        print(i)"
    root = archive_of(
        tmp_path,
        {
            "loops.md": f"---\ntitle: Writing loops in Python\n---\n\nA loop in Python, shown below.\n\n```python\n{code}\n```\n"
        },
    )
    app = NewsReaderApp(root, config=Config(), save_config=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ArticleView)
        [block] = reader.query(".-code")
        assert str(block.render()) == code
