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


class Span(NamedTuple):
    """An entity as the archive lists it: where it is in the escaped text, and what it is."""

    start: int
    end: int
    kind: str
    """`mention`, `hashtag`, `cashtag`, `link` or `media`."""
    value: str
    """The handle or tag (without its sign), or the link's expanded URL."""
    shown: str
    """A link's display URL ("" for other kinds, which show their own text)."""


def spans(entities: Mapping[str, Any] | None, length: int) -> tuple[Span, ...]:
    """The entities of a text of `length` code points, in text order; entities out of range
    or overlapping one before them are left out (one photo's link is listed once per photo)."""
    if not entities:
        return ()
    found: list[Span] = []
    for key, kind, value_key in _KINDS:
        items = entities.get(key)
        if not items or not isinstance(items, Sequence):
            continue
        for item in items:
            bounds = _indices(item)
            if bounds is None or not 0 <= bounds[0] < bounds[1] <= length:
                continue
            if kind == "link":
                value = str(item.get("expanded_url") or item.get("url") or "")
                found.append(Span(*bounds, kind, value, str(item.get("display_url") or "")))
            else:
                found.append(
                    Span(*bounds, kind, str(item.get(value_key) or "") if value_key else "", "")
                )
    found.sort()
    kept: list[Span] = []
    for span in found:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return tuple(kept)


def render(full_text: str, listed: Sequence[Span]) -> Rendered:
    """The text shown for `full_text`, cut at the archive's entity indices."""
    if not listed and "&" not in full_text and "\r" not in full_text:
        return Rendered(full_text.rstrip(), ())
    out: list[str] = []
    given: list[GivenEntity] = []
    position = cursor = 0
    for span in listed:
        piece = _plain(full_text[cursor : span.start])
        out.append(piece)
        position += len(piece)
        cursor = span.end
        if span.kind == "media":
            continue
        raw = full_text[span.start : span.end]
        if span.kind == "link":
            shown = span.shown or raw
            value = span.value or raw
            entity = GivenEntity("link", position, position + len(shown), value, shown[-1:] == "…")
        else:
            shown = html.unescape(raw)
            entity = GivenEntity(
                span.kind, position, position + len(shown), span.value or shown[1:]
            )
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


def _indices(item: Any) -> tuple[int, int] | None:
    try:
        start, end = item["indices"]
        return int(start), int(end)
    except (KeyError, TypeError, ValueError):
        return None


def _plain(piece: str) -> str:
    if "&" in piece:
        piece = html.unescape(piece)
    if "\r" in piece:
        piece = piece.replace("\r\n", "\n").replace("\r", "\n")
    return piece
