"""The header line: the corpus, loading progress and the active filters as chips."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from parsing.entities.flags import flag_emoji, region_names
from parsing.safe_text import visible


class HeaderBar(Static):
    """`threadline · demo (3 files) · [🇨🇳 China] [/ huawei] · loading 40%`."""

    DEFAULT_CSS = """
    HeaderBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def show(self, corpus: str, flags: Sequence[str], search: str, status: str = "") -> None:
        parts: list[Content | tuple[str, str] | str] = [("threadline", "bold $text-accent")]
        parts += [" · ", Content(visible(corpus, keep_newlines=False), strip_control_codes=False)]
        names = region_names()
        for code in flags:
            parts += [" ", (f" {flag_emoji(code)} {names.get(code, code)} ", "on $primary-muted")]
        if search:
            label = visible(search, keep_newlines=False)
            parts += [" ", (f" / {label} ", "on $secondary-muted")]
        if status:
            parts += [" · ", (status, "$text-muted")]
        self.update(Content.assemble(*parts), layout=False)  # one line, whatever it says
