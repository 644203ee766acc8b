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
from typing import NamedTuple

from .chrome_blog import CREDIT_DASH_TEXT
from .chrome_platforms import byline_author
from .header_line import (
    BULLETS,
    DATE,
    KEEP_CURRENT,
    KEEP_CURRENT_ALONE,
    LENGTH,
    could_be_name,
    date_shown,
    is_unroller,
    line_says,
)

# The 2019 thread page's name and handle on one line, right above its length line.
_NAME_AND_HANDLE = re.compile(r"(?P<name>[^@\n]{1,60}?)[ \t]+@(?P<handle>\w{1,15})")
# The lines an unroller prints under a thread, naming its author: twtext's "You can follow @x.",
# Thread Reader App's "Keep Current with Name", "Thread by @x on Thread Reader App" and the
# "More from @x" heading of the page author's other threads.
_FOOTER_HANDLE = re.compile(r"(?:You can follow|Thread by|More from) @(\w{1,15})\b", re.IGNORECASE)
_WRITTEN_BY = re.compile(r"Written by[ \t]+(.{1,60})")  # Medium's author's box under a post
# The direction mark the older twitter.com page put after a name, and the hidden words it put after
# the mark for a verified account: no part of the name.
_DIRECTION_MARK = re.compile(r"[\u200e\u200f](?:Verified account)?[ \t]*\Z")
# `Replying to` over a tweet on a twitter.com page, its last handle perhaps on the lines under it
# (with `and` or `,` between them): those are the handles the tweet answers, not its author's.
_REPLYING_LINE = re.compile(r"Replying to(?:[ \t]+(?:@\w{1,15}|and|,))*[ \t]*(?:and|,)?")
_JOINER = re.compile(r",|,?[ \t]*and|@\w{1,15}")
_READ_N = re.compile(r"Read (\d{1,4}) tweets?[ \t.]*")
_LATEST = re.compile(r"[ \t]*Latest Threads Unrolled\b")
# A picture's mark alone on its line, as a copy of the page gives it (see `pictures`).
_PICTURE_MARK = re.compile(r"Image|\[image\]")


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
    name_next = lone_handle = False
    tweet: tuple[str, str, str] | None = None
    """The last one-line tweet header (old twitter.com): what the page says when nothing else
    does."""
    for line in _header_lines(lines):
        says = line_says(line)
        if says.header is not None:
            tweet, previous, name_next = says.header, None, False
            continue
        if name_next and says.name:
            author = line  # "Keep Current with" alone puts the name on the next line
        name_next = says.keep_alone
        if says.kind == "threader":
            author = previous if says.author_above else says.author
            handle, date = says.handle, says.date
        elif says.kind == "handle" and says.handle is not None:
            # A date read above another account's handle was that account's tweet's.
            date = None if handle and says.handle.lower() != handle.lower() else date
            handle, lone_handle = says.handle, True
            if previous is not None:  # the name stands right above the handle
                author = previous
        else:
            author = author if says.author is None else says.author
            if says.handle is not None:
                handle, lone_handle = says.handle, False
            date = date if says.date is None else says.date
            declared = declared if says.declared is None else says.declared
        if says.name:
            previous = line
        elif not says.button:
            previous = None  # buttons may stand between the name and the handle; nothing else
    bylined = byline_author(lines)
    if lone_handle and bylined is not None:
        # A blogging platform's byline shows its writer's name on the site as `@name`: an
        # account there, not the thread's on Twitter (an embed's credit gives that one).
        handle = None
    said = _filled(
        PageMeta(author, handle, date, declared), [_named_2019(lines), PageMeta(bylined)]
    )
    if tweet is not None:  # a relative `3h` gives no date
        said = _filled(said, [PageMeta(tweet[0], tweet[1], date_shown(tweet[2]))])
    return _completed(said, after, inside)


def _header_lines(lines: Iterable[str]) -> Iterator[str]:
    """The non-blank `lines`, trimmed, without the handles a tweet answers (on lines of their
    own under `Replying to`, with `and` or `,` between them: no author's handle) and without the
    direction mark (and the words for a badge) after a name on the older twitter.com page."""
    replying = False
    for raw in lines:
        line = _DIRECTION_MARK.sub("", raw).strip(BULLETS)
        if not line:
            continue
        answered = replying and _JOINER.fullmatch(line) is not None
        replying = answered or _REPLYING_LINE.fullmatch(line) is not None
        if not answered:
            yield line


def _named_2019(lines: Sequence[str]) -> PageMeta:
    """The name and handle the 2019 layout may put on the line above its length line
    (`Name @handle`, then `, 9 tweets, 2 min read Read on Twitter`)."""
    above = None
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if above is not None and line.startswith(",") and LENGTH.fullmatch(line) is not None:
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
    rf"(?:{CREDIT_DASH_TEXT}[ \t]?|Originally tweeted by )"
    r"(?P<name>.{1,60}?)[ \t]\(@(?P<handle>\w{1,15})\)"
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


def _footer(after: Iterable[str]) -> PageMeta:
    """The author and handle the footer under a thread names (the first of each, the nearest):
    a page copied without its header says whose thread it is only there."""
    author = handle = None
    name_next = False
    for raw in after:
        line = raw.strip(BULLETS)
        if not line:
            continue
        if name_next and author is None and could_be_name(line):
            author = line
        name_next = KEEP_CURRENT_ALONE.fullmatch(line) is not None
        keep = KEEP_CURRENT.fullmatch(line) or _WRITTEN_BY.fullmatch(line)
        if author is None and keep is not None:
            author = keep.group(1).strip()
        named = _FOOTER_HANDLE.search(line) if handle is None else None
        if named is not None and not is_unroller(named[1]):
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
    shown = [line.strip(BULLETS) for line in lines]
    return any(shown) and all(
        not line
        or _PICTURE_MARK.fullmatch(line) is not None
        or _READ_N.fullmatch(line) is not None
        or DATE.fullmatch(line) is not None
        or LENGTH.fullmatch(line) is not None
        for line in shown
    )


def dated_teaser_lines(lines: Sequence[str]) -> bool:
    """Are `lines` only what an author page puts between its threads, one of them a date or a
    length? Then the thread under them is another of the page's: the same author's."""
    shown = [line.strip(BULLETS) for line in lines]
    return only_teaser_lines(lines) and any(
        DATE.fullmatch(line) is not None or LENGTH.fullmatch(line) is not None for line in shown
    )
