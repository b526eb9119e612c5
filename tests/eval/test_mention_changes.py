"""The mention-change lister compares two archives' analyses of the same pages."""

from __future__ import annotations

from tests.eval.mention_changes import changes


def test_a_mention_typed_otherwise_added_or_dropped_is_a_change_on_the_same_text_only() -> None:
    text = ["Ann Lee met Apple in Paris Sunday."]
    apple, paris = text[0].index("Apple"), text[0].index("Paris")
    before = {
        "a.html": (text, {(0, 0, 7): "PERSON", (0, paris, paris + 12): "PERSON"}),
        "b.html": (["Old text."], {(0, 0, 3): "ORG"}),
    }
    after = {
        "a.html": (text, {(0, 0, 7): "PERSON", (0, apple, apple + 5): "ORG", (0, paris, paris + 5): "PLACE"}),
        "b.html": (["New text."], {}),
    }
    found = {(c.text, c.before, c.after) for c in changes(before, after)}
    assert found == {("Apple", None, "ORG"), ("Paris", None, "PLACE"), ("Paris Sunday", "PERSON", None)}
