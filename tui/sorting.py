"""The orders of the thread list: `s` cycles them, `--sort` picks the first.

Each order is stable (threads that compare equal keep their source order), and a thread that
says nothing of what an order sorts by (no date, no author) comes after those that do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line reads `SORT_ORDERS` without loading the reader
    from parsing.corpus import Corpus

    from .remembered import Remembered

SORT_ORDERS = ("source", "date", "author", "length", "unread")
"""In the order `s` cycles through them; the first is the corpus's own order."""

SORT_LABELS = {
    "source": "",
    "date": "by date",
    "author": "by author",
    "length": "longest first",
    "unread": "unread first",
}
"""What the list's title adds for each order (source order adds nothing)."""

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_UNKNOWN = (2, "")


def next_order(order: str) -> str:
    return SORT_ORDERS[(SORT_ORDERS.index(order) + 1) % len(SORT_ORDERS)]


def date_key(date: str | None) -> tuple[int, str]:
    """Full dates (ISO `YYYY-MM-DD`) oldest first, then dates without a year (`Feb 27`) by
    month and day, then threads with no date."""
    if not date:
        return _UNKNOWN
    if len(date) >= 10 and date[4] == "-" and date[:4].isdigit():
        return (0, date[:10])
    words = date.replace(",", " ").split()
    month = next((_MONTHS[w[:3].lower()] for w in words if w[:3].lower() in _MONTHS), None)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), 0)
    if month is None:
        return (1, "99")  # a date the reader cannot read: after those it can, before none
    return (1, f"{month:02}-{day:02}")


def author_key(corpus: Corpus, thread: int) -> tuple[int, str]:
    meta = corpus.meta(thread)
    name = meta.author or meta.handle
    return (0, name.casefold()) if name else _UNKNOWN


def sorted_threads(
    threads: Sequence[int], order: str, corpus: Corpus, remembered: Remembered
) -> Sequence[int]:
    """`threads` in `order`; source order gives them back as they are."""
    keys: dict[str, Callable[[int], tuple[int, str]]] = {
        "date": lambda thread: date_key(corpus.meta(thread).date),
        "author": lambda thread: author_key(corpus, thread),
        "length": lambda thread: (-len(corpus.thread_posts(thread)), ""),
        "unread": lambda thread: (0 if remembered.is_unread(thread) else 1, ""),
    }
    key = keys.get(order)
    return threads if key is None else sorted(threads, key=key)
