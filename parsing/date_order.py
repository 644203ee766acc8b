"""Where a bare date line (`Jun 22`, `22 Jun 2021`) falls in time, to tell which of two dates
is the later: an author page lists its threads newest first, a diary its entries oldest first."""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .neighbours import Line

_THIS_YEAR = 9999
"""The year of a date shown without one: later than any shown."""
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY = re.compile(
    rb"[ \t]*(?:(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2})"
    rb"|(?P<month2>[A-Z][a-z]{2}) (?P<day2>\d{1,2}))(?:,? (?P<year>\d{4}))?"
)


def day_of(buf: ByteSource, line: Line) -> tuple[int, int, int] | None:
    """A bare date line as (year, month, day); None when the month is no month. A page gives
    no year for dates of the current one, so a date without a year comes after any with one."""
    found = _DAY.match(buf, *line)
    if found is None:
        return None
    month = (found["month"] or found["month2"]).decode().lower()
    if month not in _MONTHS:
        return None
    year = int(found["year"]) if found["year"] else _THIS_YEAR
    return year, _MONTHS.index(month) + 1, int(found["day"] or found["day2"])
