"""What an unroller page says of a thread around it: author, handle, date, declared length.

Thread Reader App prints a header above each thread and the parser skips it as chrome; the
lines it skipped carry the metadata. The layouts, as the unroller prints them:

- current: the display name, `Subscribe`, `@handle`, a date (`Feb 27`, `Feb 27, 2023`, with or
  without a trailing `•`), `20 tweets • 5 min read`, `Read on X` (copies lose the bullets:
  `Feb 27 20 tweets 5 min read`), the name often as `Name Profile picture`;
- 2019: `Profile picture` then `, 9 tweets, 2 min read Read on Twitter`, the name before the
  comma when the copy kept it;
- author pages and "More from @x" teasers: `@x` in the section heading, then per thread a
  `<date> • N tweets • M min read` line or a bare date line;
- the footer of the thread before: `Keep Current with Name`, `Thread by @x on Thread Reader App`.

`page_meta` reads the chrome lines between the previous thread and this one, in order. When a
field is given more than once the last one wins: it is the one nearest the thread (a footer
"Keep Current with" names the author of the page, a header below it the thread's own). The
`Read N tweets` line under a hashtag listing's teaser follows the thread it counts, so it is read
from `after`, the chrome lines right after the thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from .chrome import is_chrome_text
from .chrome_blog import BARE_BYLINE
from .chrome_platforms import byline_author
from .old_twitter import read_one_line_header

_BULLETS = " \t\u2022.,"
_HANDLE_LINE = re.compile(r"@(\w{1,15})")
# The 2019 thread page's name and handle on one line, right above its length line.
_NAME_AND_HANDLE = re.compile(r"(?P<name>[^@\n]{1,60}?)[ \t]+@(?P<handle>\w{1,15})")
# Not "You can follow @x.": that is a footer, about the thread above (`_FOOTER_HANDLE`).
_HANDLE_IN = re.compile(r"(?<!can )(?:More from|Thread by|Follow) @(\w{1,15})\b", re.IGNORECASE)
# The lines an unroller prints under a thread, naming its author: twtext's "You can follow @x.",
# Thread Reader App's "Keep Current with Name", "Thread by @x on Thread Reader App" and the
# "More from @x" heading of the page author's other threads.
_FOOTER_HANDLE = re.compile(r"(?:You can follow|Thread by|More from) @(\w{1,15})\b", re.IGNORECASE)
_PICTURE = re.compile(r"(.{1,60}?)[ \t]+Profile picture")
_KEEP_CURRENT = re.compile(r"Keep Current with[ \t]+(.{1,60})")
_KEEP_CURRENT_ALONE = re.compile(r"Keep Current with")
_WRITTEN_BY = re.compile(r"Written by[ \t]+(.{1,60})")  # Medium's author's box under a post
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
# A day may carry its ordinal suffix, as Thread Reader App wrote it for a while ("Oct 1st 2020").
_DATE = re.compile(
    r"(?P<md>" + _MONTH + r" \d{1,2})(?:st|nd|rd|th)?(?:,? (?P<year>\d{4}))?"
    r"|(?P<dm>\d{1,2})(?:st|nd|rd|th)? (?P<month>" + _MONTH + r")(?:,? (?P<year2>\d{4}))?"
)
_LENGTH = re.compile(
    r"(?P<before>.*?)[ \t\u2022,]*(?P<posts>\d{1,4}) tweets?[ \t\u2022,]*\d{1,4} min read"
    r"(?:[ \t\u2022]*(?:Twitter|X) logo)?(?:[ \t\u2022]*Read on (?:Twitter|X))?[ \t\u2022.]*"
)
# The direction mark the older twitter.com page put after a name, and the hidden words it put after
# the mark for a verified account: no part of the name.
_DIRECTION_MARK = re.compile(r"[\u200e\u200f](?:Verified account)?[ \t]*\Z")
# `Replying to` over a tweet on a twitter.com page, its last handle perhaps on the lines under it
# (with `and` or `,` between them): those are the handles the tweet answers, not its author's.
_REPLYING_LINE = re.compile(r"Replying to(?:[ \t]+(?:@\w{1,15}|and|,))*[ \t]*(?:and|,)?")
_JOINER = re.compile(r",|,?[ \t]*and|@\w{1,15}")
# The age a page less than a day old gives instead of the date ("21h"): no date, and no name.
_AGE = re.compile(r"\d{1,2}[smh]")
_READ_N = re.compile(r"Read (\d{1,4}) tweets?[ \t.]*")
_LATEST = re.compile(r"[ \t]*Latest Threads Unrolled\b")
# A picture's mark alone on its line, as a copy of the page gives it (see `pictures`).
_PICTURE_MARK = re.compile(r"Image|\[image\]")
_BYLINE = re.compile(BARE_BYLINE)
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


class PageMeta(NamedTuple):
    author: str | None = None
    """The display name, or None."""
    handle: str | None = None
    """Without `@`, or None."""
    date: str | None = None
    """ISO `YYYY-MM-DD` when the page shows a year, else as shown (`Feb 27`), or None."""
    declared_posts: int | None = None
    """The page's "N tweets", or None."""


def page_meta(
    lines: Sequence[str], after: Sequence[str] = (), inside: Sequence[str] = ()
) -> PageMeta:
    """The metadata the chrome `lines` before a thread (and `after` it, and `inside` it: the
    lines it goes on past) give, in page order."""
    author = handle = date = None
    declared = None
    previous: str | None = None
    name_next = False
    tweet: tuple[str, str, str] | None = None
    """The last one-line tweet header (old twitter.com): what the page says when nothing else
    does."""
    for line in _header_lines(lines):
        if (header := read_one_line_header(line)) is not None:
            tweet, previous, name_next = header, None, False
            continue
        if name_next and _could_be_name(line):
            author = line  # "Keep Current with" alone puts the name on the next line
        name_next = _KEEP_CURRENT_ALONE.fullmatch(line) is not None
        if (threader := _THREADER.fullmatch(line)) is not None:
            author, handle = _threader_name(threader["name"], previous), threader["handle"]
            date = _date(threader["date"])
        elif (named := _HANDLE_LINE.fullmatch(line)) is not None:
            # A date read above another account's handle was that account's tweet's.
            date = None if handle and named[1].lower() != handle.lower() else date
            handle = named.group(1)
            if previous is not None:  # the name stands right above the handle
                author = previous
        elif (named := _HANDLE_IN.search(line)) is not None and not _is_unroller(named[1]):
            handle = named.group(1)
        elif (picture := _PICTURE.fullmatch(line)) is not None:
            author = picture.group(1).strip(_BULLETS) or author
        elif (keep := _KEEP_CURRENT.fullmatch(line)) is not None:
            author = keep.group(1).strip()
        elif (other := _other_header(line)) is not None:
            author, handle = other.author or author, other.handle or handle
            date = other.date or date
        elif (length := _LENGTH.fullmatch(line)) is not None:
            declared = int(length["posts"])
            before = length["before"].strip(_BULLETS)
            shown = _date(before)
            if shown is not None:
                date = shown
            elif before and not _AGE.fullmatch(before):
                author = before  # the 2019 layout: "Name, 9 tweets, 2 min read …"
        elif (shown := _date(line)) is not None:
            date = shown
        elif (dated := _DATED_LENGTH.fullmatch(line)) is not None and (
            shown := _date(dated["date"].strip(_BULLETS))
        ):
            date, declared = shown, int(dated["posts"])
        if _could_be_name(line):
            previous = line
        elif _NOT_A_NAME.fullmatch(line) is None:
            previous = None  # buttons may stand between the name and the handle; nothing else
    said = _filled(
        PageMeta(author, handle, date, declared),
        [_named_2019(lines), PageMeta(author=byline_author(lines))],
    )
    if tweet is not None:  # a relative `3h` gives no date
        said = _filled(said, [PageMeta(tweet[0], tweet[1], _date(tweet[2]))])
    return _completed(said, after, inside)


def _threader_name(name: str, above: str | None) -> str | None:
    """The name threader.app's one-line header gives; when the header opens with its button
    instead, the name stands on the line `above` it (None when that could be no name)."""
    name = name.strip(_BULLETS)
    return above if name.startswith("+ Your Authors") else name


def _header_lines(lines: Iterable[str]) -> Iterator[str]:
    """The non-blank `lines`, trimmed, without the handles a tweet answers (on lines of their
    own under `Replying to`, with `and` or `,` between them: no author's handle) and without the
    direction mark (and the words for a badge) after a name on the older twitter.com page."""
    replying = False
    for raw in lines:
        line = _DIRECTION_MARK.sub("", raw).strip(_BULLETS)
        if not line:
            continue
        answered = replying and _JOINER.fullmatch(line) is not None
        replying = answered or _REPLYING_LINE.fullmatch(line) is not None
        if not answered:
            yield line


def _other_header(line: str) -> PageMeta | None:
    """What a line of a blog's header or of threader.app's over several lines says: a repost's
    bare byline under its title (`by Kelvin Smith`), a tweet archive's title (the handle), the
    name glued to threader.app's button, the day before its reading time; None for any other
    line."""
    if (byline := _BYLINE.fullmatch(line)) is not None:
        return PageMeta(author=byline["name"])
    if (archive := _ARCHIVE.fullmatch(line)) is not None:
        return PageMeta(handle=archive[1])
    if (handle := _HANDLE_THEN_BIO.fullmatch(line)) is not None:
        return PageMeta(handle=handle[1])
    if (button := _BUTTON_NAME.fullmatch(line)) is not None:
        return PageMeta(author=button["name"].strip(_BULLETS))
    if (reading := _READING_DAY.fullmatch(line)) is not None:
        return PageMeta(date=_date(reading["date"]))
    return None


def _named_2019(lines: Sequence[str]) -> PageMeta:
    """The name and handle the 2019 layout may put on the line above its length line
    (`Name @handle`, then `, 9 tweets, 2 min read Read on Twitter`)."""
    above = None
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if above is not None and line.startswith(",") and _LENGTH.fullmatch(line) is not None:
            return PageMeta(above["name"].strip(), above["handle"])
        above = _NAME_AND_HANDLE.fullmatch(line)
    return PageMeta()


def _completed(said: PageMeta, after: Sequence[str], inside: Sequence[str]) -> PageMeta:
    """`said` with the length the lines `after` a thread give (`Read N tweets`), and what it
    leaves unknown taken from attribution lines inside and after it, then from its footer.
    The lines after twtext's `Latest Threads Unrolled:` speak of other threads, not this one."""
    after = after[: next((at for at, line in enumerate(after) if _LATEST.match(line)), None)]
    for raw in after:
        counted = _READ_N.fullmatch(raw.strip())
        if counted is not None:
            said = said._replace(declared_posts=int(counted.group(1)))
            break
    if not (after or inside):
        return said
    # A thread of one tweet ends above its main tweet's time line: the line is after it.
    others = [_attributed(inside), _timed(inside), _attributed(after), _timed(after)]
    return _filled(said, [*others, _footer(after)])


def _filled(said: PageMeta, others: Iterable[PageMeta]) -> PageMeta:
    """Each of author, handle and date `said` leaves None, from the first of `others` giving it."""
    author, handle, date = said.author, said.handle, said.date
    for other in others:
        author = author if author is not None else other.author
        handle = handle if handle is not None else other.handle
        date = date if date is not None else other.date
    return PageMeta(author, handle, date, said.declared_posts)


# The line a blog puts under a tweet it embeds ("— Name (@handle) March 3, 2020") or under a
# thread it reposts ("Originally tweeted by Name (@handle) on March 3, 2020.").
_ATTRIBUTION = re.compile(
    r"(?:—[ \t]?|Originally tweeted by )(?P<name>.{1,60}?)[ \t]\(@(?P<handle>\w{1,15})\)"
    r"(?:[ \t]+on)?[ \t]*(?P<date>[^\n]{0,30}?)[ \t.]*"
)


def _attributed(lines: Iterable[str]) -> PageMeta:
    """The author, handle and date the first attribution line among `lines` gives."""
    for raw in lines:
        found = _ATTRIBUTION.fullmatch(raw.strip())
        if found is not None:
            shown = _date_with_year(found["date"])
            return PageMeta(found["name"].strip(), found["handle"], shown)
    return PageMeta()


# The main tweet's time on a twitter.com page, inside the thread: "3:45 PM · Mar 3, 2020"
# (perhaps "·Twitter for iPhone" after it), or "3:45 PM - 3 Mar 2020" on the older page.
_TIME = re.compile(r"\d{1,2}:\d{2} [AP]M (?:·|-) (?P<date>[^·]{6,20}?)[ \t]*(?:·.*)?")


def _timed(lines: Iterable[str]) -> PageMeta:
    """The date of the first tweet time among `lines`."""
    for raw in lines:
        found = _TIME.fullmatch(raw.strip())
        if found is not None:
            return PageMeta(date=_date_with_year(found["date"]))
    return PageMeta()


def _date_with_year(text: str) -> str | None:
    """`March 3, 2020` as ISO; None when `text` is no such date."""
    for form in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(text.strip(), form).date().isoformat()
        except ValueError:
            continue
    return None


_UNROLLERS = frozenset({"threadreaderapp", "twtextapp", "threader_app", "threaderapp"})
"""The unrollers' own accounts, which their pages name in their chrome ("Follow
@ThreadReaderApp to mention us!"): never a thread's author."""


def _is_unroller(handle: str) -> bool:
    return handle.lower() in _UNROLLERS


def _footer(after: Iterable[str]) -> PageMeta:
    """The author and handle the footer under a thread names (the first of each, the nearest):
    a page copied without its header says whose thread it is only there."""
    author = handle = None
    name_next = False
    for raw in after:
        line = raw.strip(_BULLETS)
        if not line:
            continue
        if name_next and author is None and _could_be_name(line):
            author = line
        name_next = _KEEP_CURRENT_ALONE.fullmatch(line) is not None
        keep = _KEEP_CURRENT.fullmatch(line) or _WRITTEN_BY.fullmatch(line)
        if author is None and keep is not None:
            author = keep.group(1).strip()
        named = _FOOTER_HANDLE.search(line) if handle is None else None
        if named is not None and not _is_unroller(named[1]):
            handle = named.group(1)
    return PageMeta(author, handle)


_MORE_FROM = re.compile(r"More from @(\w{1,15})[ \t.]*")


def listing_handle(lines: Sequence[str]) -> str | None:
    """The handle a `More from @x` line among `lines` says the teasers under it are by."""
    handle = None
    for raw in lines:
        found = _MORE_FROM.fullmatch(raw.strip())
        if found is not None:
            handle = found.group(1)
    return handle


def only_teaser_lines(lines: Sequence[str]) -> bool:
    """Are `lines` (the chrome between two teasers) all what a listing puts between its teasers:
    `Read N tweets`, a date, a length, and the marks of the pictures that end the teaser above
    (`Image` alone on its line)? Then the listing goes on; any other chrome (an end marker, a
    page header) ends it."""
    shown = [line.strip(_BULLETS) for line in lines]
    return any(shown) and all(
        not line
        or _PICTURE_MARK.fullmatch(line) is not None
        or _READ_N.fullmatch(line) is not None
        or _DATE.fullmatch(line) is not None
        or _LENGTH.fullmatch(line) is not None
        for line in shown
    )


def dated_teaser_lines(lines: Sequence[str]) -> bool:
    """Are `lines` only what an author page puts between its threads, one of them a date or a
    length? Then the thread under them is another of the page's: the same author's."""
    shown = [line.strip(_BULLETS) for line in lines]
    return only_teaser_lines(lines) and any(
        _DATE.fullmatch(line) is not None or _LENGTH.fullmatch(line) is not None for line in shown
    )


# A page repeats its header lines (buttons, names, dates) above every thread: each is judged once.
@lru_cache(maxsize=4096)
def _could_be_name(line: str) -> bool:
    """A line that may be the display name above a handle: short, not a button, not a field."""
    return (
        len(line) <= 50
        and _NOT_A_NAME.fullmatch(line) is None
        and _DATE.fullmatch(line) is None
        and "@" not in line
        and "+ Your Authors" not in line
        and not is_chrome_text(line)
    )


@lru_cache(maxsize=4096)
def _date(text: str) -> str | None:
    """`text` as a date: ISO when it has a year, else as shown; None when it is no date."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    year = match["year"] or match["year2"]
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
