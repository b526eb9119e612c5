"""The side panel: saved searches with their unread counts, then the open
article's entities by type, its quotes with speakers and its highlights."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import SavedSearch, StoredArticle
from reader.sanitize import clean_line
from reader.tui.commands import bindings

TYPE_TITLES = {"PERSON": "People", "PLACE": "Places", "ORG": "Organisations", "GROUP": "Groups"}


class SidePanel(OptionList):
    """Highlighting an entity marks its mentions; Enter searches for it or jumps to a quote."""

    BINDINGS = bindings("panel")

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
        self.clear_options()
        options: list[Option | None] = []
        if saved:
            options.append(Option(Text("Saved searches", style="bold underline"), disabled=True))
            for s in saved:
                label = Text(f" {clean_line(s.name)}")
                label.append(f"  {s.unread} unread", style="bold" if s.unread else "dim")
                options.append(Option(label, id=f"s:{s.name}"))
        if stored is None:
            self.add_options([o for o in options if o is not None])
            return
        for kind, title in TYPE_TITLES.items():
            found = [e for e in stored.entities if e["type"] == kind]
            if not found:
                continue
            options.append(Option(Text(title, style="bold underline"), disabled=True))
            for e in sorted(found, key=lambda e: -len(e["mentions"])):  # type: ignore[arg-type]
                label = Text(f" {clean_line(str(e['name']))}")
                label.append(f"  {len(e['mentions'])}", style="dim")  # type: ignore[arg-type]
                options.append(Option(label, id=f"e:{e['name']}"))
        speech = [q for q in stored.quotes if q["kind"] == "speech"]
        if speech:
            options.append(Option(Text("Quotes", style="bold underline"), disabled=True))
            for n, q in enumerate(speech):
                who = clean_line(str(q["speaker"])) if q.get("speaker") else "unknown"
                words = clean_line(str(q["text"]))
                label = Text(f" {who}: ", style="bold")
                label.append(f"“{words[:90]}{'…' if len(words) > 90 else ''}”")
                options.append(Option(label, id=f"q:{n}:{q['block']}"))
        if stored.highlights:
            options.append(Option(Text("Highlights", style="bold underline"), disabled=True))
            for h in stored.highlights:
                label = Text(f" “{clean_line(h.text)[:80]}”")
                if h.note:
                    label.append(f"  ✎ {clean_line(h.note)}", style="italic")
                options.append(Option(label, id=f"h:{h.id}:{h.block}"))
        self.add_options([o for o in options if o is not None])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        oid = event.option.id or ""
        self.post_message(self.EntityHighlighted(oid[2:] if oid.startswith("e:") else None))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        oid = event.option.id or ""
        if oid.startswith("e:"):
            self.post_message(self.EntityChosen(oid[2:]))
        elif oid.startswith(("q:", "h:")):
            self.post_message(self.QuoteChosen(int(oid.rsplit(":", 1)[1])))  # scroll to its paragraph
        elif oid.startswith("s:"):
            self.post_message(self.SavedChosen(oid[2:]))
