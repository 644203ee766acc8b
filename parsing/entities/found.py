"""An entity of one text as plain fields: what the reader shows, without pydantic.

`models.Entity` is the public, validated form (`extract_entities`, export); it is built from
these fields. The reader highlights every post it shows with them and never imports the
models: pydantic and the models' schemas would cost it about 10 MB for as long as it runs.
"""

from __future__ import annotations

from typing import NamedTuple

from .extract import code_point_offsets
from .spans import Span


class FoundEntity(NamedTuple):
    """A mention, link, hashtag, cashtag or flag in a text, with code-point offsets: the fields
    of `models.Entity`, which says what each holds."""

    kind: str
    start: int
    end: int
    text: str
    value: str
    truncated: bool = False


def found_entities(text: str, buf: bytes, spans: list[Span]) -> list[FoundEntity]:
    """The entities of byte `spans` of `buf`, which is `text` encoded."""
    return [
        FoundEntity(span.kind.value, start, end, text[start:end], span.value, span.truncated)
        for span, (start, end) in zip(spans, code_point_offsets(buf, spans), strict=True)
    ]
