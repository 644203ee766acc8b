"""What one line of the chrome around a thread says of it, on its own (`page_meta` reads the
lines in order): a one-line tweet header, a name, a handle, a date, a length, an unroller's or a
blog's header field. A page repeats its header lines (buttons, names, dates) above every thread:
each line is read once (`line_says`, cached).
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from .chrome import is_chrome_text
from .chrome_blog import BARE_BYLINE
from .old_twitter import read_one_line_header

BULLETS = " \t\u2022.,"
_HANDLE_LINE = re.compile(r"@(\w{1,15})")

# Not "You can follow @x.": that is a footer, about the thread above (`page_meta`).
_HANDLE_IN = re.compile(r"(?<!can )(?:More from|Thread by|Follow) @(\w{1,15})\b", re.IGNORECASE)

_PICTURE = re.compile(r"(.{1,60}?)[ \t]+Profile picture")

KEEP_CURRENT = re.compile(r"Keep Current with[ \t]+(.{1,60})")

KEEP_CURRENT_ALONE = re.compile(r"Keep Current with")

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"

# A day may carry its ordinal suffix, as Thread Reader App wrote it for a while ("Oct 1st 2020").
DATE = re.compile(
    r"(?P<md>" + _MONTH + r" \d{1,2})(?:st|nd|rd|th)?(?:,? (?P<year>\d{4}))?"
    r"|(?P<dm>\d{1,2})(?:st|nd|rd|th)? (?P<month>" + _MONTH + r")"
    r"(?:,? (?P<year2>\d{4})| (?P<short_year>\d{2}))?"
)

LENGTH = re.compile(
    r"(?P<before>.*?)[ \t\u2022,]*(?P<posts>\d{1,4}) tweets?[ \t\u2022,]*\d{1,4} min read"
    r"(?:[ \t\u2022]*(?:Twitter|X) logo)?(?:[ \t\u2022]*Read on (?:Twitter|X))?[ \t\u2022.]*"
)

# The age a page less than a day old gives instead of the date ("21h"): no date, and no name.
_AGE = re.compile(r"\d{1,2}[smh]")


# A tweet archive's title: "ada_q's avatarada_q's Twitter Archive—№ 1,234".
_ARCHIVE = re.compile(r"(\w{1,15})['\u2019]s avatar\1['\u2019]s Twitter Archive\b.*")

# threader.app's header on one line: the name, "+ Your Authors", the handle, the bio, the date
# and the reading time. The button is an element of its own beside the name, so a copy may glue
# the two ("Ada Quill+ Your Authors"), and a clipping may drop it and keep the clock icon before
# the reading time as `**`. The name ends in no blank, so the blanks after it are the button's or
# the handle's alone: were a run of blanks shared, every way to share it would scan the rest of a
# long line again.
_THREADER = re.compile(
    r"(?P<name>[^@]{0,59}?[^@ \t])(?:[ \t]*\+ Your Authors)?[ \t]+@(?P<handle>\w{1,15})\b.*?[ \t]"
    r"(?P<date>" + _MONTH + r" \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?)[ \t\u00b7\u2022,*]*"
    r"\d{1,4} min read.*"
)

# threader.app's header over several lines (`threader_header`): the handle with the bio after
# it, the button glued to the name before it, and the reading time after the day.
_BYLINE = re.compile(BARE_BYLINE)
_BUTTON_NAME = re.compile(r"(?P<name>[^@]{0,59}?[^@ \t])[ \t]*\+ Your Authors[ \t.]*")
_HANDLE_THEN_BIO = re.compile(r"@(\w{1,15})[ \t]+\S.*")
_READING_DAY = re.compile(
    r"(?P<date>" + _MONTH + r" \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?)[ \t\u00b7\u2022,*]*"
    r"\d{1,3} min read[ \t.]*"
)

# Scrolly's header line: the date, then the length without a reading time.
_DATED_LENGTH = re.compile(r"(?P<date>.{5,24}?)[ \t,]+(?P<posts>\d{1,4}) tweets?[ \t.]*")

# Lines of the header that are neither a name nor a field: the buttons around the name.
_NOT_A_NAME = re.compile(
    r"(?:Subscribe|Follow|Following|Read on (?:X|Twitter)|Scrolly|Bookmark|Gift Link|Post|Share"
    r"|Email|Thread Reader(?: App)?|Save as PDF|Profile picture|Image|\[image\]|\xd7"
    r"|\+ Your Authors)[ \t.]*",
    re.IGNORECASE,
)

_UNROLLERS = frozenset({"threadreaderapp", "twtextapp", "threader_app", "threaderapp"})
"""The unrollers' own accounts, which their pages name in their chrome ("Follow
@ThreadReaderApp to mention us!"): never a thread's author."""


def is_unroller(handle: str) -> bool:
    return handle.lower() in _UNROLLERS


@lru_cache(maxsize=4096)
def could_be_name(line: str) -> bool:
    """A line that may be the display name above a handle: short, not a button, not a field."""
    return (
        len(line) <= 50
        and _NOT_A_NAME.fullmatch(line) is None
        and DATE.fullmatch(line) is None
        and "@" not in line
        and "+ Your Authors" not in line
        and not is_chrome_text(line)
    )


@lru_cache(maxsize=4096)
def date_shown(text: str) -> str | None:
    """`text` as a date: ISO when it has a year, else as shown; None when it is no date."""
    match = DATE.fullmatch(text)
    if match is None:
        return None
    # A listing dates a thread of an earlier year `23 Dec 20`: the unrollers date from 2017,
    # so two digits are a year of this century.
    year = match["year"] or match["year2"] or (match["short_year"] and "20" + match["short_year"])
    shown = match["md"] or (match["dm"] and f"{match['dm']} {match['month']}")
    if year is None:
        return shown
    month_day = shown.replace(".", "")
    for form in ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(f"{month_day} {year}", form).date().isoformat()
        except ValueError:
            continue
    return f"{shown}, {year}"


class LineSays(NamedTuple):
    """What a trimmed header line says: the fields a line of its `kind` sets; for the kind
    `set`, each field not None is set, for `threader` (a one-line threader.app header) all are
    (the author from the line above when `author_above`), for
    `handle` (a handle alone) the handle, with the name above it."""

    header: tuple[str, str, str] | None = None
    """A one-line tweet header's name, handle and date (old twitter.com)."""
    name: bool = False
    """Could the line be the display name above a handle (`could_be_name`)?"""
    button: bool = False
    """Is it a button around the name (neither a name nor a field)?"""
    keep_alone: bool = False
    """Is it `Keep Current with` alone, the name on the line under it?"""
    kind: str = "set"
    author_above: bool = False
    """A threader.app header opening with its button: the name is on the line above."""
    author: str | None = None
    handle: str | None = None
    date: str | None = None
    declared: int | None = None


@lru_cache(maxsize=4096)
def line_says(line: str) -> LineSays:
    """What the trimmed, non-blank header `line` says on its own (see `LineSays`)."""
    header = read_one_line_header(line)
    if header is not None:
        return LineSays(header=header)
    name = could_be_name(line)
    shape = LineSays(
        name=name,
        button=not name and _NOT_A_NAME.fullmatch(line) is not None,
        keep_alone=KEEP_CURRENT_ALONE.fullmatch(line) is not None,
    )
    if (threader := _THREADER.fullmatch(line)) is not None:
        author = threader["name"].strip(BULLETS)
        above = author.startswith("+ Your Authors")
        return shape._replace(
            kind="threader",
            author=None if above else author,
            handle=threader["handle"],
            date=date_shown(threader["date"]),
            author_above=above,
        )
    if (named := _HANDLE_LINE.fullmatch(line)) is not None:
        return shape._replace(kind="handle", handle=named[1])
    if (named := _HANDLE_IN.search(line)) is not None and not is_unroller(named[1]):
        return shape._replace(handle=named[1])
    if (picture := _PICTURE.fullmatch(line)) is not None:
        return shape._replace(author=picture[1].strip(BULLETS) or None)
    if (keep := KEEP_CURRENT.fullmatch(line)) is not None:
        return shape._replace(author=keep[1].strip())
    if (other := _other_header(line)) is not None:
        return shape._replace(
            author=other[0] or None, handle=other[1] or None, date=other[2] or None
        )
    if (length := LENGTH.fullmatch(line)) is not None:
        before = length["before"].strip(BULLETS)
        shown = date_shown(before)
        if shown is None and before and not _AGE.fullmatch(before):
            return shape._replace(author=before, declared=int(length["posts"]))
        return shape._replace(date=shown, declared=int(length["posts"]))
    if (shown := date_shown(line)) is not None:
        return shape._replace(date=shown)
    if (dated := _DATED_LENGTH.fullmatch(line)) is not None and (
        shown := date_shown(dated["date"].strip(BULLETS))
    ):
        return shape._replace(date=shown, declared=int(dated["posts"]))
    return shape


def _other_header(line: str) -> tuple[str | None, str | None, str | None] | None:
    """The author, handle and date a line of a blog's header or of threader.app's over several
    lines gives: a repost's bare byline under its title (`by Kelvin Smith`), a tweet archive's
    title (the handle), the name glued to threader.app's button, the day before its reading
    time; None for any other line."""
    if (byline := _BYLINE.fullmatch(line)) is not None:
        return byline["name"], None, None
    if (archive := _ARCHIVE.fullmatch(line)) is not None:
        return None, archive[1], None
    if (handle := _HANDLE_THEN_BIO.fullmatch(line)) is not None:
        return None, handle[1], None
    if (button := _BUTTON_NAME.fullmatch(line)) is not None:
        return button["name"].strip(BULLETS), None, None
    if (reading := _READING_DAY.fullmatch(line)) is not None:
        return None, None, date_shown(reading["date"])
    return None
