"""The header line: the corpus, loading progress and the active filters as chips; a click on
a chip takes its filter away."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from parsing.entities.flags import flag_emoji, region_names
from parsing.safe_text import visible

from ..state import Filters

CHIP_STYLES = {"flag": "on $primary-muted", "author": "on $success-muted"}
"""Each chip's look by kind; the other kinds look like the search."""


@dataclass(frozen=True, slots=True)
class Chip:
    """One active filter as the header shows it: `kind` and `value` say which (as
    `Filters.without` takes them), `label` what is shown."""

    kind: str
    value: str
    label: str


def chips_of(filters: Filters) -> list[Chip]:
    """The chips of `filters`, in the order the header shows them."""
    names = region_names()
    chips = [
        Chip("flag", code, f"{flag_emoji(code)} {names.get(code, code)}") for code in filters.flags
    ]
    chips += [
        Chip(kind, key, ("@" if kind == "mention" else "#") + key) for kind, key in filters.features
    ]
    if filters.author:
        chips.append(Chip("author", "", "by " + filters.author))
    if filters.bookmarked_only:
        chips.append(Chip("bookmarked", "", "★ bookmarked"))
    if filters.unread_only:
        chips.append(Chip("unread", "", "unread"))
    if filters.search:
        chips.append(Chip("search", "", "/ " + filters.search))
    return chips


class HeaderBar(Static):
    """`threadline · demo (3 files) · [🇨🇳 China ×] [/ huawei ×] · loading 40%`."""

    DEFAULT_CSS = """
    HeaderBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    class ChipClicked(Message):
        """A chip was clicked: its filter is to go."""

        def __init__(self, chip: Chip) -> None:
            super().__init__()
            self.chip = chip

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chips: list[Chip] = []

    def show(self, corpus: str, chips: Sequence[Chip], status: str = "") -> None:
        self.chips = list(chips)
        parts: list[Content | tuple[str, str] | str] = [("threadline", "bold $text-accent")]
        parts += [" · ", Content(visible(corpus, keep_newlines=False), strip_control_codes=False)]
        for position, chip in enumerate(self.chips):
            label = visible(chip.label, keep_newlines=False)
            style = CHIP_STYLES.get(chip.kind, "on $secondary-muted")
            text = Content.styled(f" {label} × ", style, strip_control_codes=False)
            parts += [" ", text.stylize(Style.from_meta({"chip": position}))]
        if status:
            parts += [" · ", (status, "$text-muted")]
        self.update(Content.assemble(*parts), layout=False)  # one line, whatever it says

    def on_click(self, event: events.Click) -> None:
        position = event.style.meta.get("chip")
        if isinstance(position, int) and 0 <= position < len(self.chips):
            event.stop()
            self.post_message(self.ChipClicked(self.chips[position]))
