"""The side panel: saved searches with their unread counts, then the open
article's entities by type, its quotes with speakers and its highlights."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList

from reader.model import SavedSearch, StoredArticle
from reader.sanitize import clean_line
from reader.tui.commands import bindings
from reader.tui.widgets.listing import KeyList, Row, hanging

TYPE_TITLES = {"PERSON": "People", "PLACE": "Places", "ORG": "Organisations", "GROUP": "Groups", "NAME": "Other names"}


class SidePanel(KeyList):
    """Highlighting an entity marks its mentions; Enter searches for it or jumps to a quote."""

    BINDINGS = bindings("panel", built_in_too=False)

    class EntityHighlighted(Message):
        def __init__(self, name: str | None) -> None:
            super().__init__()
            self.name = name

    class EntityChosen(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    class QuoteChosen(Message):
        def __init__(self, block: int) -> None:
            super().__init__()
            self.block = block

    class SavedChosen(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    saved: Sequence[SavedSearch] = ()  # kept between articles; refreshed by the screen when counts change

    def show(self, stored: StoredArticle | None, saved: Sequence[SavedSearch] | None = None) -> None:
        if saved is not None:
            self.saved = saved
        saved = self.saved
        rows: list[Row] = []

        def heading(title: str) -> None:
            rows.append(Row("", Text(title, style="bold underline"), disabled=True))

        if saved:
            heading("Saved searches")
            for s in saved:
                label = Text(clean_line(s.name))
                label.append(f"  {s.unread} unread", style="bold" if s.unread else "dim")
                rows.append(Row(f"s:{s.name}", hanging(" ", label)))
        if stored is not None:
            for kind, title in TYPE_TITLES.items():
                found = [e for e in stored.entities if e["type"] == kind]
                if not found:
                    continue
                heading(title)
                for e in sorted(found, key=lambda e: -len(e["mentions"])):  # type: ignore[arg-type]
                    label = Text(clean_line(str(e["name"])))
                    label.append(f"  {len(e['mentions'])}", style="dim")  # type: ignore[arg-type]
                    rows.append(Row(f"e:{e['name']}", hanging(" ", label)))
            speech = [q for q in stored.quotes if q["kind"] == "speech"]
            if speech:
                heading("Quotes")
                for q in speech:
                    who = clean_line(str(q["speaker"])) if q.get("speaker") else "unknown speaker"
                    words = clean_line(str(q["text"]))
                    label = Text(f"{who}: ", style="bold")
                    label.append(f"“{words[:90]}{'…' if len(words) > 90 else ''}”")
                    rows.append(Row(f"q:{q['block']}", hanging(" ", label)))
            if stored.highlights:
                heading("Highlights")
                for h in stored.highlights:
                    label = Text(f"“{clean_line(h.text)[:80]}”")
                    if h.note:
                        label.append(f"  ✎ {clean_line(h.note)}", style="italic")
                    rows.append(Row(f"h:{h.block}", hanging(" ", label)))
        self.fill(rows)

    def on_focus(self) -> None:
        """Coming into the panel marks the entity under its cursor."""
        oid = self.current_key or ""
        self.post_message(self.EntityHighlighted(oid[2:] if oid.startswith("e:") else None))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if not self.has_focus:
            return  # refilled for a new article: the reader keeps its place and marks
        oid = self.key_at(event.option_index) or ""
        self.post_message(self.EntityHighlighted(oid[2:] if oid.startswith("e:") else None))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        oid = self.key_at(event.option_index) or ""
        if oid.startswith("e:"):
            self.post_message(self.EntityChosen(oid[2:]))
        elif oid.startswith(("q:", "h:")):
            self.post_message(self.QuoteChosen(int(oid.rsplit(":", 1)[1])))  # scroll to its paragraph
        elif oid.startswith("s:"):
            self.post_message(self.SavedChosen(oid[2:]))
