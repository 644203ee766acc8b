"""What a clipping's front matter says of the page: title, address, author, handle, date.

Clippers name the fields differently (`source` or `url`, `published` or `date_published`) and
write authors as Obsidian links (`"[[@name]]"`). The date is the day the thread was published,
never the day it was clipped (`created`, `date_clipped`): a thread's date must not change
because someone saved it later, so a clipping that only says when it was clipped has no date.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import NamedTuple

from .front_matter import FieldValue

_SOURCE_KEYS = ("source", "url", "source_url", "link", "original_url")
_AUTHOR_KEYS = ("author", "authors", "creator")
_DATE_KEYS = ("published", "date_published", "date", "pubdate", "published_at")
_WIKI_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_HANDLE = re.compile(r"@(\w{1,15})")
_STATUS_URL = re.compile(
    r"https?://(?:www\.|mobile\.)?(?:x|twitter)\.com/(\w{1,15})/status(?:es)?/\d+", re.IGNORECASE
)
_THREAD_BY = re.compile(r"Thread by @(\w{1,15})\b")
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?")


class ClipMeta(NamedTuple):
    """Each field None when the front matter does not say."""

    title: str | None = None
    source: str | None = None
    """The page's address (http or https only)."""
    author: str | None = None
    """The author's display name, when the clipper gave a name rather than a handle."""
    handle: str | None = None
    """Without `@`: the author field's handle, else the one a status address or a "Thread by
    @x" title names."""
    date: str | None = None
    """ISO `YYYY-MM-DD` when the value is a date the reader can read, else as written."""


def clip_meta(fields: dict[str, FieldValue]) -> ClipMeta:
    title = _first(fields, ("title",))
    source = _first(fields, _SOURCE_KEYS)
    if source is not None and not source.lower().startswith(("http://", "https://")):
        source = None
    author = _first(fields, _AUTHOR_KEYS)
    handle = None
    if author is not None:
        author = _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), author).strip() or None
    if author is not None and (named := _HANDLE.fullmatch(author)) is not None:
        author, handle = None, named.group(1)
    if handle is None and source is not None and (status := _STATUS_URL.match(source)):
        handle = status.group(1)
    if handle is None and title is not None and (by := _THREAD_BY.search(title)):
        handle = by.group(1)
    date = _first(fields, _DATE_KEYS)
    return ClipMeta(title, source, author, handle, iso_date(date) if date else None)


def _first(fields: dict[str, FieldValue], keys: tuple[str, ...]) -> str | None:
    """The first non-empty value among `keys` (a list's first item)."""
    for key in keys:
        value = fields.get(key)
        if isinstance(value, list):
            value = next((item for item in value if item.strip()), None)
        if value and value.strip():
            return value.strip()
    return None


def iso_date(value: str) -> str:
    iso = _ISO_DATE.fullmatch(value)
    if iso is not None:
        return iso.group(1)
    try:
        return parsedate_to_datetime(value).date().isoformat()  # "Mon, 22 Jun 2026 00:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        pass
    for form in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(value, form).date().isoformat()
        except ValueError:
            continue
    return value
