"""The flag picker: every flag in the corpus, narrowed as you type; space toggles, enter applies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from parsing.entities.flags import flag_emoji, fold


@dataclass(frozen=True, slots=True)
class FlagChoice:
    code: str
    name: str
    threads: int


class FlagQuery(Input):
    """The picker's text box: it types letters but leaves space to the picker (toggle)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key != "space" and super().check_consume_key(key, character)

    def on_key(self, event: events.Key) -> None:
        if event.key == "space":
            event.prevent_default()  # not typed in: it goes on to the picker's binding


class FlagPicker(ModalScreen[tuple[str, ...] | None]):
    """Pick the flags every listed thread must have.

    | Key | Action |
    | --- | --- |
    | letters | narrow the list by name or code |
    | up / down | move |
    | space | toggle the highlighted flag |
    | enter | apply the toggled flags (or the highlighted one) |
    | escape | cancel |
    """

    # Not priority keys: those run as the key arrives, before the letters typed ahead of them
    # reach the query (`china` then enter, typed fast, applied the first flag of the whole list).
    # The keys go to the query in the order they were typed, and what it leaves comes here.
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "apply", "Apply"),
        Binding("space", "toggle_flag", "Toggle"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    DEFAULT_CSS = """
    FlagPicker {
        align: center middle;
    }
    FlagPicker > Vertical {
        width: 60;
        max-width: 100%;
        height: 80%;
        border: round $accent;
        background: $surface;
    }
    FlagPicker Input {
        margin: 0 0 1 0;
    }
    FlagPicker SelectionList {
        height: 1fr;
    }
    FlagPicker .hint {
        color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, choices: Sequence[FlagChoice], selected: Sequence[str] = ()) -> None:
        super().__init__()
        self.choices = list(choices)
        self.toggled: list[str] = list(selected)
        self.touched = False
        """Space was pressed: enter applies exactly the toggled flags."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield FlagQuery(placeholder="Type a name or code: china, cn, 🇨🇳 …", id="flag-query")
            flags = SelectionList[str](id="flag-list")
            flags.can_focus = False  # the query keeps the keys; the list follows them
            yield flags
            yield Static(
                "Flags combine: a thread must have all of them. Counts are of the threads "
                "listed now.\nspace toggles · enter applies · escape cancels",
                classes="hint",
            )

    def on_mount(self) -> None:
        self._refill("")
        self.query_one(Input).focus()

    @on(Input.Submitted, "#flag-query")
    def _submitted(self) -> None:
        self.action_apply()

    @on(Input.Changed, "#flag-query")
    def _narrow(self, event: Input.Changed) -> None:
        self._refill(event.value)

    def _refill(self, query: str) -> None:
        wanted = fold(query.strip())
        selection = self.query_one(SelectionList)
        selection.clear_options()
        # Added at once: one at a time, the list works its lines out again for each of the
        # two hundred or so flags of a big corpus, while the user waits for the picker.
        selection.add_options(
            [
                Selection(_label(choice), choice.code, choice.code in self.toggled)
                for choice in self.choices
                if not wanted or _matches(choice, wanted, query.strip())
            ]
        )
        if selection.option_count:
            selection.highlighted = 0

    def action_move(self, step: int) -> None:
        selection = self.query_one(SelectionList)
        if selection.option_count:
            current = selection.highlighted or 0
            selection.highlighted = max(0, min(current + step, selection.option_count - 1))

    def action_toggle_flag(self) -> None:
        selection = self.query_one(SelectionList)
        if selection.highlighted is None:
            return
        code = selection.get_option_at_index(selection.highlighted).value
        selection.toggle(code)
        self.touched = True
        if code in self.toggled:
            self.toggled.remove(code)
        else:
            self.toggled.append(code)

    def action_apply(self) -> None:
        selection = self.query_one(SelectionList)
        if not self.touched and selection.highlighted is not None:
            code = selection.get_option_at_index(selection.highlighted).value
            if code not in self.toggled:
                self.toggled.append(code)
        self.dismiss(tuple(self.toggled))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _label(choice: FlagChoice) -> Content:
    return Content.assemble(
        f"{flag_emoji(choice.code)}  ",
        (f"{choice.code:<7}", "bold"),
        f"{choice.name}  ",
        (f"{choice.threads} thread{'s' if choice.threads != 1 else ''}", "$text-muted"),
    )


def _matches(choice: FlagChoice, folded: str, typed: str) -> bool:
    """Does what was typed name this flag: part of its name or code, or its emoji?"""
    return (
        folded in fold(choice.name)
        or folded in choice.code.lower()
        or typed == flag_emoji(choice.code)
    )
