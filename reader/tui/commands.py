"""One list of commands feeds the key bindings, the command palette and the help screen,
so help can never drift from the keys."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from textual.binding import Binding, BindingType
from textual.command import Hit, Hits, Provider

from reader.sanitize import clean_line

SCOPES = {
    "app": "Everywhere",
    "main": "Search and results",
    "box": "Search box",
    "lists": "Every list (results, side panel, browsers)",
    "results": "Results list",
    "reader": "Reading pane",
    "panel": "Side panel",
    "entities": "Entity browser",
    "quotes": "Quote browser",
    "import": "Import screen",
    "versions": "Versions of a story",
    "diff": "Changes between versions",
    "timeline": "Timeline",
    "saved": "Saved searches",
}


@dataclass(frozen=True)
class Command:
    id: str
    keys: str
    action: str
    description: str
    scope: str
    show: bool = True  # in the footer
    palette: bool = False  # offered in the command palette
    help: str = ""  # longer text for the help screen and the palette
    narrow: bool = True  # in the footer below 100 columns too (False: only in help and the palette)
    priority: bool = False  # acted on as the key arrives, before keys behind it reach a widget


COMMANDS: tuple[Command, ...] = (
    Command("quit", "q", "quit", "Quit", "app", palette=True, help="Leave newsreader", narrow=False),
    # F1 too: the search box, where the app opens, takes "?" as a character.
    Command("help", "question_mark,f1", "help", "Help", "app", palette=True, help="Every key, by screen"),
    Command(
        "import",
        "i",
        "open_import",
        "Import",
        "app",
        palette=True,
        help="Import a folder of saved articles",
        narrow=False,
        priority=True,  # as / and Q: a path typed right behind it is the import box's
    ),
    Command(
        "reindex",
        "ctrl+r",
        "reindex",
        "Reindex",
        "app",
        show=False,
        palette=True,
        help="Rebuild the search index from the store",
    ),
    # Priority: letters typed right behind / must find the search box focused
    # (a busy app gets them together; they went to the results list's keys).
    Command(
        "search", "slash", "focus_search", "Search", "main", help="Type a query (Enter: to the results)", priority=True
    ),
    # Priority: in the search box too it clears the whole query (the box's own
    # ctrl+u only cleared what was left of the cursor), and from the results
    # or the reader it starts a new search without / first.
    Command(
        "clear-search",
        "ctrl+u",
        "clear_search",
        "Clear search",
        "main",
        show=False,
        palette=True,
        help="Clear the search and type a new one (from the results and the reader too)",
        priority=True,
    ),
    Command("back", "escape", "back", "Back", "main", show=False, help="Search box → results, reader → results"),
    Command(
        "switch",
        "tab",
        "switch_pane",
        "Switch pane",
        "main",
        show=False,
        help="Results → reader → side panel (p shows it) → results",
    ),
    # s, r, t and o act on the current article: priority, so they wait for the
    # list of a query typed right before them, and the keys behind them wait too
    # (MainScreen.list_answered).
    Command(
        "star",
        "s",
        "toggle_star",
        "Star",
        "main",
        palette=True,
        help="Star or unstar the article",
        narrow=False,
        priority=True,
    ),
    Command(
        "read",
        "r",
        "toggle_read",
        "Read/unread",
        "main",
        palette=True,
        help="Mark read or unread",
        narrow=False,
        priority=True,
    ),
    # t, F, ctrl+s and h are priority: what is typed right behind them is the dialog's (see App.check_action).
    Command(
        "tags",
        "t",
        "edit_tags",
        "Tags",
        "main",
        palette=True,
        help="Edit the article's tags",
        narrow=False,
        priority=True,
    ),
    Command(
        "open",
        "o",
        "open_source",
        "Saved page",
        "main",
        show=False,
        palette=True,
        help="The saved page in your pager: its path and address, then its whole text (not its HTML)",
        priority=True,
    ),
    Command(
        "folds",
        "f",
        "toggle_folds",
        "Folds",
        "main",
        palette=True,
        help="Expand or collapse folded repeats (captions, teasers)",
        narrow=False,
    ),
    Command(
        "filters",
        "F",
        "edit_filters",
        "Filters",
        "main",
        palette=True,
        help="Filter results by dates, site, tag, entity, starred, unread",
        priority=True,
    ),
    Command(
        "entities",
        "e",
        "toggle_entities",
        "Entities",
        "main",
        palette=True,
        help="Highlight people, places, organisations and groups",
        narrow=False,
    ),
    Command(
        "quotes",
        "u",
        "toggle_quotes",
        "Quotes",
        "main",
        palette=True,
        help="Highlight quotations (speech and terms) with their speakers",
        narrow=False,
    ),
    Command(
        "panel",
        "p",
        "toggle_panel",
        "Panel",
        "main",
        palette=True,
        help="Side panel: the article's entities and quotes",
    ),
    Command(
        "entity-browser",
        "E",
        "open_entities",
        "Entity browser",
        "app",
        show=False,
        palette=True,
        help="Top people, places, organisations across the archive",
        priority=True,  # the keys behind it wait for its list (ListScreen.filled)
    ),
    # Priority, as /: the words typed right behind Q are the quote filter's.
    Command(
        "quote-browser",
        "Q",
        "open_quotes",
        "Quote browser",
        "app",
        show=False,
        palette=True,
        help="Search quotes by speaker or words",
        priority=True,
    ),
    Command(
        "versions",
        "v",
        "show_versions",
        "Versions",
        "main",
        show=False,  # the results say "N versions (v)" where there are any
        palette=True,
        help="Other saves of the story (other sites, before and after updates) and what changed",
        priority=True,  # the keys behind it wait for its list (ListScreen.filled)
    ),
    Command(
        "timeline",
        "T",
        "show_timeline",
        "Timeline",
        "main",
        show=False,
        palette=True,
        help='Articles per day, week, month or year for the current search (or an entity: entity:"Name")',
        priority=True,  # the keys behind it wait for its list (ListScreen.filled)
    ),
    Command(
        "saved-searches",
        "L",
        "show_saved",
        "Saved searches",
        "main",
        show=False,
        palette=True,
        help="Your saved searches with their unread counts; Enter runs one",
        priority=True,  # the keys behind it wait for its list (ListScreen.filled)
    ),
    Command(
        "save-search",
        "ctrl+s",
        "save_search",
        "Save search",
        "main",
        show=False,
        palette=True,
        help="Keep the current search and its filters under a name",
        priority=True,
    ),
    Command(
        "highlight",
        "h",
        "add_highlight",
        "Highlight",
        "main",
        show=False,
        palette=True,
        help="Highlight a passage of the article (mouse selection or typed words) with a note",
        priority=True,
    ),
    Command(
        "export",
        "X",
        "export",
        "Export",
        "main",
        show=False,
        palette=True,
        help="Write the article, or the search's articles, as JSON, Markdown, HTML or EPUB",
        priority=True,  # a path typed right behind it is the dialog's
    ),
    Command(
        "collapse",
        "c",
        "toggle_collapse",
        "Collapse stories",
        "main",
        show=False,
        palette=True,
        help="Show each story once in the results, with its number of versions",
    ),
    # Shown in the footer while the box has focus: it takes every letter, so
    # Textual leaves the footer empty there, and the app opens in it. Priority:
    # the keys typed right behind them are the results' (as they arrive, they
    # went into the box while the focus moved).
    Command("box-results", "down", "screen.to_results", "Results", "box", help="To the results", priority=True),
    Command(
        "box-enter",
        "enter",
        "screen.to_results",
        "Results",
        "box",
        show=False,
        help="To the results (the query runs as it is typed)",
        priority=True,
    ),
    Command(
        "box-escape", "escape", "screen.to_results", "Results", "box", show=False, help="To the results", priority=True
    ),
    Command("down", "j,down", "cursor_down", "Down", "lists", show=False, help="Next row (stops at the last)"),
    Command("up", "k,up", "cursor_up", "Up", "lists", show=False, help="Previous row (stops at the first)"),
    Command("first", "g,home", "first", "First", "lists", show=False, help="First row"),
    Command("last", "G,end", "last", "Last", "lists", show=False, help="Last row"),
    Command("page-down-list", "pagedown", "page_down", "Page down", "lists", show=False, help="A page of rows down"),
    Command("page-up-list", "pageup", "page_up", "Page up", "lists", show=False, help="A page of rows up"),
    Command("open-article", "enter", "select", "Open", "results", show=False, help="Read the result"),
    Command("scroll-down", "j,down", "scroll_down", "Down", "reader", show=False, help="Scroll down"),
    Command("scroll-up", "k,up", "scroll_up", "Up", "reader", show=False, help="Scroll up"),
    Command("page-down", "space,pagedown", "page_down", "Page down", "reader", show=False, help="Next page"),
    Command("page-up", "b,pageup", "page_up", "Page up", "reader", show=False, help="Previous page"),
    Command("top", "g,home", "scroll_home", "Top", "reader", show=False, help="Top of the article"),
    Command("bottom", "G,end", "scroll_end", "Bottom", "reader", show=False, help="End of the article"),
    Command("next-hit", "n", "next_hit", "Next hit", "reader", help="Next search term in the article"),
    Command(
        "prev-hit", "N", "previous_hit", "Prev hit", "reader", show=False, help="Previous search term in the article"
    ),
    Command(
        "panel-choose",
        "enter",
        "select",
        "Choose",
        "panel",
        show=False,
        help="Entity: list every article about it; quote: scroll to it",
    ),
    Command("entities-all", "a", "kind('a')", "All", "entities", help="All kinds", narrow=False),
    Command("entities-people", "1", "kind('1')", "People", "entities", help="People only", narrow=False),
    Command("entities-places", "2", "kind('2')", "Places", "entities", help="Places only", narrow=False),
    Command("entities-orgs", "3", "kind('3')", "Orgs", "entities", help="Organisations only", narrow=False),
    Command(
        "entities-groups", "4", "kind('4')", "Groups", "entities", help="Groups (nationalities) only", narrow=False
    ),
    Command(
        "entities-open",
        "enter",
        "select",
        "Articles",
        "entities",
        show=False,
        help="List the articles about the entity",
    ),
    Command("entities-rename", "r", "rename", "Rename", "entities", help="Give the entity its right name"),
    Command("entities-merge", "m", "merge", "Merge", "entities", help="Merge the entity into another (same one)"),
    Command(
        "entities-type",
        "t",
        "retype",
        "Type",
        "entities",
        help="Give the entity its right type",
    ),
    Command("entities-reject", "x", "reject", "Not an entity", "entities", help="Mark it as no entity at all"),
    Command("entities-undo", "u", "undo", "Undo", "entities", help="Take back the last correction"),
    Command(
        "entities-timeline",
        "T",
        "timeline",
        "Timeline",
        "entities",
        help="When it was in the news, by period",
        priority=True,  # the keys behind it wait for its rows (ListScreen.filled)
    ),
    Command("entities-back", "escape", "dismiss_none", "Back", "entities", help="Back to the reader"),
    Command(
        "quotes-open",
        "enter",
        "select",
        "Open",
        "quotes",
        show=False,
        help="Filter box: to the list; list: open the quote's article",
    ),
    Command(
        "quotes-clear",
        "ctrl+u",
        "clear_filter",
        "Clear filter",
        "quotes",
        show=False,
        help="Clear the filter box and type another (from the list too)",
        priority=True,
    ),
    Command("quotes-back", "escape", "dismiss_none", "Back", "quotes", help="Back to the reader"),
    Command("versions-open", "enter", "select", "Read", "versions", show=False, help="Read this version"),
    Command("versions-diff", "d", "diff", "What changed", "versions", help="Word by word against the one you read"),
    Command("versions-back", "escape", "dismiss_none", "Back", "versions", help="Back to the reader"),
    Command("diff-back", "escape", "dismiss_none", "Back", "diff", help="Back to the versions"),
    Command("timeline-day", "d", "grain('day')", "Days", "timeline", help="One bar per day"),
    Command("timeline-week", "w", "grain('week')", "Weeks", "timeline", help="One bar per week"),
    Command("timeline-month", "m", "grain('month')", "Months", "timeline", help="One bar per month"),
    Command("timeline-year", "y", "grain('year')", "Years", "timeline", help="One bar per year"),
    Command("timeline-open", "enter", "select", "Articles", "timeline", show=False, help="Search that period"),
    Command("timeline-back", "escape", "dismiss_none", "Back", "timeline", help="Back to the results"),
    Command("saved-run", "enter", "select", "Run", "saved", show=False, help="Run the saved search"),
    Command("saved-forget", "x", "forget", "Forget", "saved", help="Delete the saved search"),
    Command("saved-back", "escape", "dismiss_none", "Back", "saved", help="Back to the results"),
    Command("import-start", "enter", "start", "Import", "import", show=False, help="Import the folder"),
    Command(
        "import-cancel",
        "ctrl+c",
        "cancel",
        "Cancel import",
        "import",
        help="Stop the import after the file being read; what is imported stays",
    ),
    Command("import-close", "escape", "close", "Close", "import", help="Back to the reader (once the import ends)"),
)


# Bindings the widgets already have (OptionList's Enter, arrows): listed in
# help, not bound a second time.
_BUILT_IN = frozenset({"select", "cursor_down", "cursor_up"})


# What the footer leaves out below 100 columns, so what it shows fits.
NARROW_HIDDEN_ACTIONS = frozenset(c.action for c in COMMANDS if not c.narrow)


def bindings(scope: str, *, built_in_too: bool = True) -> list[BindingType]:
    """Textual bindings for one scope, with ids so a keymap can override them."""
    return [
        Binding(c.keys, c.action, c.description, show=c.show, id=c.id, priority=c.priority)
        for c in COMMANDS
        if c.scope == scope and (built_in_too or c.action not in _BUILT_IN)
    ]


# Keys whose footer name Textual writes otherwise than help does ("f1", "esc").
FOOTER_NAMES = {"f1": "F1", "escape": "Esc"}


def key_label(keys: str) -> str:
    names = {
        **FOOTER_NAMES,
        "question_mark": "?",
        "slash": "/",
        "enter": "Enter",
        "space": "Space",
        "tab": "Tab",
        "pagedown": "PgDn",
        "pageup": "PgUp",
        "down": "↓",
        "up": "↑",
        "home": "Home",
        "end": "End",
    }
    return " ".join(names.get(k, k.replace("ctrl+", "^")) for k in keys.split(","))


class ArchiveCommands(Provider):
    """The palette's entries: every command marked for it, by its words."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for hit in self._saved_hits(matcher):
            yield hit
        for command in COMMANDS:
            if not command.palette:
                continue
            label = f"{command.description} ({key_label(command.keys)})"
            score = matcher.match(f"{command.description} {command.help}")
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(self.app.run_action, _palette_action(command)),
                    help=command.help,
                )

    async def startup(self) -> None:
        """Saved searches for the palette, read off the event loop."""
        archive = getattr(self.app, "archive", None)
        self.saved = await asyncio.to_thread(archive.saved_searches) if archive is not None else []

    def _saved_hits(self, matcher=None) -> Iterator[Hit]:  # type: ignore[no-untyped-def]
        for saved in getattr(self, "saved", []):
            label = f"Saved search: {clean_line(saved.name)} ({saved.unread} unread)"
            score = matcher.match(label) if matcher else 1.0
            if score > 0:
                run = partial(self.app.run_action, f"screen.run_saved({saved.name!r})")
                yield Hit(score, matcher.highlight(label) if matcher else label, run, help=clean_line(saved.query))

    async def discover(self) -> Hits:
        for hit in self._saved_hits():
            yield hit
        for command in COMMANDS:
            if command.palette:
                label = f"{command.description} ({key_label(command.keys)})"
                yield Hit(1.0, label, partial(self.app.run_action, _palette_action(command)), help=command.help)


def _palette_action(command: Command) -> str:
    # Main-screen actions run on the screen; app actions on the app.
    return f"screen.{command.action}" if command.scope == "main" else f"app.{command.action}"
