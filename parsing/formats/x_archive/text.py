"""A tweet's text as the reader saw it on X, with the entities the archive lists for it.

`full_text` is HTML-escaped (`&amp;`, `&lt;`) and its entity `indices` count code points of that
escaped text (checked against the real archives: astral characters such as emoji count one, not
two as in UTF-16). So the text is cut at the indices first, and each piece between entities is
unescaped on its own; the entities' offsets are then counted in the text being built. A `t.co`
link is shown as its `display_url` (its value the `expanded_url`); the `t.co` link of attached
media is dropped, the kinds of media being kept beside the text.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from ...given import GivenEntity

_KINDS = (
    ("user_mentions", "mention", "screen_name"),
    ("hashtags", "hashtag", "text"),
    ("symbols", "cashtag", "text"),
    ("urls", "link", ""),
    ("media", "media", ""),
)


class Rendered(NamedTuple):
    text: str
    entities: tuple[GivenEntity, ...]


class _Span(NamedTuple):
    start: int
    end: int
    kind: str
    item: Mapping[str, Any]


def render(full_text: str, entities: Mapping[str, Any] | None) -> Rendered:
    """The text shown for `full_text`, cut at the archive's entity indices."""
    spans = _spans(full_text, entities or {})
    if not spans and "&" not in full_text and "\r" not in full_text:
        return Rendered(full_text.rstrip(), ())
    out: list[str] = []
    given: list[GivenEntity] = []
    position = cursor = 0
    for span in spans:
        piece = _plain(full_text[cursor : span.start])
        out.append(piece)
        position += len(piece)
        cursor = span.end
        if span.kind == "media":
            continue
        raw = full_text[span.start : span.end]
        if span.kind == "link":
            shown = str(span.item.get("display_url") or raw)
            value = str(span.item.get("expanded_url") or span.item.get("url") or raw)
            entity = GivenEntity("link", position, position + len(shown), value, shown[-1:] == "…")
        else:
            shown = html.unescape(raw)
            value = str(span.item.get(_value_key(span.kind)) or shown[1:])
            entity = GivenEntity(span.kind, position, position + len(shown), value)
        out.append(shown)
        given.append(entity)
        position += len(shown)
    out.append(_plain(full_text[cursor:]))
    text = "".join(out).rstrip()
    return Rendered(text, tuple(entity for entity in given if entity.end <= len(text)))


def media_kinds(tweet: Mapping[str, Any]) -> tuple[str, ...]:
    """The kinds of media a tweet carried (`photo`, `video`, `animated_gif`), each once."""
    for holder in (tweet.get("extended_entities"), tweet.get("entities")):
        items = holder.get("media") if isinstance(holder, Mapping) else None
        if items:
            kinds = (str(item.get("type") or "photo") for item in items if isinstance(item, dict))
            return tuple(dict.fromkeys(kinds))
    return ()


def _spans(full_text: str, entities: Mapping[str, Any]) -> list[_Span]:
    spans: list[_Span] = []
    for key, kind, _ in _KINDS:
        items = entities.get(key)
        if not isinstance(items, Sequence):
            continue
        for item in items:
            bounds = _indices(item)
            if bounds is not None and 0 <= bounds[0] < bounds[1] <= len(full_text):
                spans.append(_Span(bounds[0], bounds[1], kind, item))
    spans.sort()
    kept: list[_Span] = []
    for span in spans:  # one photo's link is listed once per photo; overlaps keep the first
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _indices(item: Any) -> tuple[int, int] | None:
    try:
        start, end = item["indices"]
        return int(start), int(end)
    except (KeyError, TypeError, ValueError):
        return None


def _value_key(kind: str) -> str:
    return next(key for _, name, key in _KINDS if name == kind)


def _plain(piece: str) -> str:
    if "&" in piece:
        piece = html.unescape(piece)
    if "\r" in piece:
        piece = piece.replace("\r\n", "\n").replace("\r", "\n")
    return piece
