"""Every key of the reader, once: the main screen's bindings, the help screen and the README's
key table are all made from `KEYS` (tests/tui/test_readme_keys.py holds them together)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class Key:
    """A row of the help: what is shown, what it does, and the binding it makes, if any."""

    shown: str
    """The key as the help and the README show it: `j / down`, `?`."""
    does: str
    key: str = ""
    """The Textual key the main screen binds; empty when a pane or Textual handles it (`enter`
    on the list, `tab`, `ctrl+p`): those bindings are the widgets' own."""
    action: str = ""
    footer: str = ""
    """The footer's label; empty keeps the key out of the footer."""
    priority: bool = False
    everywhere: bool = False
    """Bound by the app, so that it works on every screen and in every field."""

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.footer or self.does,
            show=bool(self.footer),
            priority=self.priority,
        )


# `f` and `/` are priority keys, so that the dialog or field they open has the focus before
# the keys typed right after them are handed on (see `MainScreen._not_typed_into_a_field`).
# Quit and help are the app's actions, bound on the main screen so that the footer shows them
# first, before the screen's own keys (the footer lists the screen's bindings before the app's,
# and at 80 columns the last ones are cut off).
KEYS: tuple[Key, ...] = (
    Key("enter", "open the selected thread and read its posts (or open a related thread)"),
    Key(
        "j / down",
        "next post, a post taller than the pane a page at a time; in the list, the next thread "
        "(previewed in the posts); in related threads, the next one",
    ),
    Key("k / up", "previous post (in the list or related threads: the one above)"),
    Key("space", "page down the posts, then the next post", "space", "page_posts"),
    Key("g / G", "first / last post (in the list or related threads: first / last)"),
    Key("n", "next thread", "n", "step_thread(1)", "Next"),
    Key("p", "previous thread", "p", "step_thread(-1)", "Prev"),
    Key(
        "f",
        "flag filter: pick flags (type to narrow, space toggles, enter applies)",
        "f",
        "flags",
        "Flags",
        priority=True,
    ),
    Key(
        "/",
        "search posts (the list narrows as you type, enter keeps it)",
        "slash",
        "search",
        "Search",
        priority=True,
    ),
    Key("escape", "close a dialog, or clear the filters", "escape", "escape", "Clear"),
    Key("r", "show or hide related threads", "r", "toggle_related", "Related"),
    Key("tab / shift+tab", "move between the panes", "tab", "app.focus_next", "Panes"),
    Key("o", "open a link of the current post in the browser", "o", "open_link", "Link"),
    Key("y", "copy the current post's text to the clipboard", "y", "copy_text"),
    Key("Y", "copy a link of the current post (pick one when it has several)", "Y", "copy_link"),
    Key(
        "backspace",
        "go back (after following a related thread or a filter click)",
        "backspace",
        "go_back",
        "Back",
    ),
    Key(
        "s",
        "sort the list: source order, date, author, longest first, unread first",
        "s",
        "cycle_sort",
    ),
    Key("]", "next search hit (in this thread, then the next ones)", "]", "step_hit(1)"),
    Key("[", "previous search hit", "[", "step_hit(-1)"),
    Key("b", "bookmark the thread, or take its bookmark off", "b", "toggle_bookmark"),
    Key("u", "mark the thread read or unread (opening it marks it read)", "u", "toggle_read"),
    Key("B", "show only bookmarked threads, or all again", "B", "bookmarked_only"),
    Key("U", "hide read threads, or show them again", "U", "unread_only"),
    Key(
        "ctrl+p",
        "command palette: go to thread, filter by flag or author, bookmarks and read threads, "
        "theme",
    ),
    Key("?", "this help", "question_mark", "app.help", "Help"),
    Key("q", "quit", "q", "app.quit", "Quit"),
    Key(
        "ctrl+c",
        "copy the text selected with the mouse; with none selected, quit (from anywhere)",
        "ctrl+c",
        "copy_or_quit",
        priority=True,
        everywhere=True,
    ),
)
"""In the order the help screen lists them."""

FOOTER_ORDER = (
    "tab", "q", "question_mark", "f", "slash", "n", "p", "r", "o", "backspace", "escape",
)  # fmt: skip
"""The footer's order: moving between the panes (first in any case: Textual's screens bind tab
before their own keys), the way out and the help, then the keys most used."""

MOUSE: tuple[tuple[str, str], ...] = (
    ("click a flag or #hashtag", "show only the threads that use it"),
    ("click an @mention", "show only the threads that mention it"),
    ("click a link", "open it in the browser (http and https only; a link cut short warns)"),
    ("click a filter's chip in the header", "take that filter away"),
)


def main_screen_bindings() -> list[BindingType]:
    """The main screen's bindings: those in the footer in its order, then the hidden ones."""
    bound = [key for key in KEYS if key.key and not key.everywhere]
    rank = {name: position for position, name in enumerate(FOOTER_ORDER)}
    bound.sort(key=lambda key: rank.get(key.key, len(rank)))
    return [key.binding() for key in bound]


def app_bindings() -> list[BindingType]:
    """The app's own bindings: the keys that work on every screen."""
    return [key.binding() for key in KEYS if key.everywhere]


def help_rows() -> list[tuple[str, str]]:
    """(key, what it does) for the help screen and the README."""
    return [(key.shown, key.does) for key in KEYS]
