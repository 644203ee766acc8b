"""What every entity scanner yields: a kind, a byte range and a value."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class EntityKind(StrEnum):
    MENTION = "mention"
    LINK = "link"
    HASHTAG = "hashtag"
    CASHTAG = "cashtag"
    FLAG = "flag"


class Span(NamedTuple):
    """An entity found in a UTF-8 buffer: `buf[start:end]` is its text."""

    kind: EntityKind
    start: int
    end: int
    value: str
    truncated: bool = False


SpanTuple = tuple[EntityKind, int, int, str, bool]
"""A `Span`'s fields as a plain tuple (equal to the `Span`): a batch of posts makes hundreds of
thousands, and a plain tuple costs a fraction of a `Span` to make."""
