"""Post text as styled `Content`: entities highlighted from their spans, never through markup.

Corpus text is data. It is made visible (control characters shown as symbols, same length), put
into a `Content` as plain text, and styled by `Span`s at the entities' code-point offsets. Each
entity span also carries meta data (its kind and value) that a click handler reads back; nothing
from the corpus is ever parsed as markup or turned into an action string.
"""

from __future__ import annotations

import re

from textual.content import Content, Span
from textual.style import Style

from parsing.entities.flags import region_names
from parsing.entities.found import FoundEntity
from parsing.safe_text import visible

ENTITY_STYLES = {
    "mention": "bold $text-accent",
    "link": "underline $text-primary",
    "hashtag": "bold $text-success",
    "cashtag": "bold $text-warning",
    "flag": "",
}
"""How each kind of entity looks, in the theme's colours."""


HIT_STYLE = "reverse"
"""Where the search text is found in a post."""


def entity_meta(entity: FoundEntity) -> dict[str, str | bool]:
    """What a click on the entity reads back: its kind, value, and whether a link's text was
    cut short (so a click warns as the link picker does)."""
    return {"entity": entity.kind, "value": entity.value, "truncated": bool(entity.truncated)}


def post_content(text: str, entities: list[FoundEntity], search: str = "") -> Content:
    """The post's text with its entities styled and clickable, and `search` marked wherever it
    is found (in any case)."""
    spans: list[Span] = []
    for entity in entities:
        style = ENTITY_STYLES[entity.kind]
        if style:
            spans.append(Span(entity.start, entity.end, style))
        spans.append(Span(entity.start, entity.end, Style.from_meta(entity_meta(entity))))
    shown = visible(text)
    spans += hit_spans(shown, search)
    return Content(shown, spans, strip_control_codes=False)


def hit_spans(shown: str, search: str, *, keep_newlines: bool = True) -> list[Span]:
    """`search` marked wherever it is found (in any case) in `shown`, text made visible (as
    `visible` with `keep_newlines` made it)."""
    if not search:
        return []
    # A pattern, not lower(): lowering can change a text's length and so the offsets.
    pattern = re.escape(visible(search, keep_newlines=keep_newlines))
    return [
        Span(found.start(), found.end(), HIT_STYLE)
        for found in re.finditer(pattern, shown, re.IGNORECASE)
    ]


def flag_label(code: str) -> str:
    """`China (CN)` for a flag code."""
    return f"{region_names().get(code, code)} ({code})"


def plain(text: str) -> Content:
    """Untrusted text as unstyled content, shown literally."""
    return Content(visible(text, keep_newlines=False), strip_control_codes=False)
