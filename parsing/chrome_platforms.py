"""The chrome of the blogging platforms a thread is reposted on: Medium and Substack.

A copy of a Medium post opens with the site's bar (`Open in app`, `Sign up`, `Write`), the title
and subtitle, then the byline: the author's name (twice, the picture's text and the link), `·`,
`Follow`, perhaps `Published in` and the publication, `N min read`, `·`, the date, the claps and
responses counts, `Listen`, `Share`. Under the post: its tags, `Follow`, `Written by Name`,
`N followers · N following`, the bio, the responses (`No responses yet`), `More from Name`,
`Recommended from Medium` with other posts' teasers, and the footer's links. Inside it, under a
picture, `Press enter or click to view image in full size`, and a subscribe box (`Get Name's
stories in your inbox`).

A copy of a Substack post opens with the publication's name, `Subscribe`, `Sign in`, a
subscribe box (`Discover more from X`, its tagline, `Over N subscribers`, the terms), then the
title, subtitle, the author's name, the date, the likes, comments and restacks counts and
`Share`. Under the post: `Subscribe to X` with its box again, the counts, `Discussion about this
post` with the readers' comments, `TopLatestDiscussions` with other posts' teasers, `Ready for
more?` and the footer (`© 2024 Name`, `Privacy ∙ Terms ∙ Collection notice`).

The words of those lines are the rules below (strong: chrome wherever they stand; weak: only
next to other chrome). The title, subtitle and names above a byline, the tags above the author's
box and what follows the comments' or the teasers' heading are chrome by where they stand
(`platform_lines`); the byline gives the author (`byline_author`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .byte_source import ByteSource
from .neighbours import Line, next_nonblank_line, previous_nonblank_line

_APOSTROPHE = r"(?:'|\xe2\x80\x99)"
_COUNT = r"\d[\d,.]*[KkM]?"
_DOT = r"[ \t]?\xc2\xb7[ \t]?"  # ·
_DOT_OPERATOR = r"[ \t]?\xe2\x88\x99[ \t]?"  # ∙, Substack's separator

STRONG = [
    # The rules that open with a count share one branch: every line that opens with a digit
    # (each post's number) is tried on it, and fails it at the character after the digits.
    _COUNT
    + r" (?:min read"
    + _DOT
    + r"[^\n]{1,30}|[Ff]ollowers?"
    + _DOT
    + r"(?:"
    + _COUNT
    + r" [Ff]ollowing|Last published .{1,40})|Likes?"
    + _DOT_OPERATOR
    + r"|Restacks?|more comments?(?:\.\.\.|\xe2\x80\xa6)?)",
    # Medium
    r"Member-only story",
    r"Open in app",
    r"\xc2\xb7[ \t]?Follow",
    r"Recommended from Medium",
    r"See more recommendations",
    r"See all from .{1,80}",
    r"No responses yet",
    r"Responses \(\d{1,6}\)",
    r"Help[ \t]+Status[ \t]+About[ \t][^\n]{0,120}",
    r"Text to speech",
    # Substack
    r"Discover more from .{1,80}",
    r"Over " + _COUNT + r" subscribers",
    r"By subscribing, you agree[^\n]{0,300}",
    r"Already have an account\? Sign in",
    r"By .{1,60}" + _DOT + r"Launched .{1,30}",
    r"Discussion about this post",
    r"Comments[ \t]*Restacks",
    r"Top[ \t]*Latest[ \t]*Discussions",
    r"Ready for more\?",
    r"Type your email(?:\.\.\.|\xe2\x80\xa6)",
    r"Privacy" + _DOT_OPERATOR + r"Terms" + _DOT_OPERATOR + r"Collection notice",
    r"Substack is the home for great culture",
    r"\xc2\xa9 \d{4} .{1,60}",  # © 2024 Name
]
PASSING = [
    # Inside a post: under a picture, and a subscribe box between its paragraphs.
    r"Press enter or click to view image in full size",
    r"Get .{1,60}" + _APOSTROPHE + r"s stories in your inbox",
    r"Join Medium for free to get updates from this writer\.?",
    r"Remember me for faster sign in",
    r"Thanks for reading .{1,80}! Subscribe for free to receive new posts and support my work",
]
"""Lines inside a post: the thread goes on past them."""
WEAK = [
    # A count alone (claps, responses, likes, comments under a byline), a count of followers,
    # likes or replies, a comment's age (`2d`): one branch, as the strong rules' counts.
    r"\d[\d,.]*(?:[KkMmhd]|[KkM]? (?:[Ff]ollowers?|Likes?|repl(?:y|ies)))?",
    # Medium
    r"Sign up|Sign in|Write|Search|Listen|--|Status|Careers|Press|Blog|Terms|Teams",
    r"Published in(?: .{1,60})?",
    r"Written by .{1,60}",
    r"More from .{1,60}",
    # Substack
    r"Subscribe to .{1,80}",
    r"Like \(\d{1,6}\)|Reply|Previous|Next|See all|Restack|Comment",
    r"Start [Ww]riting|Get the app|Share .{1,60}",
]

_READING_TIME = re.compile(rb"[ \t]*\d{1,3} min read(?:" + _DOT.encode() + rb"[^\n]{1,30})?[ \t]*")
_SEPARATOR = re.compile(rb"[ \t]*\xc2\xb7[ \t]*(?:Follow[ \t]*)?")
# The lines of a byline around its reading time, down to the post: the date, the counts, the
# buttons, the publication's line.
_BYLINE_TAIL = re.compile(
    rb"[ \t]*(?:\xc2\xb7|Follow|\xc2\xb7[ \t]?Follow|Listen|Share|--|"
    + _COUNT.encode()
    + rb"|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} [a-z]+ ago|Published in(?: [^\n]{1,60})?)"
    rb"[ \t]*"
)
_SHARE = re.compile(rb"[ \t]*Share[ \t]*")
_BARE_COUNT = re.compile(rb"[ \t]*" + _COUNT.encode() + rb"[ \t]*")
_DATE = re.compile(rb"[ \t]*[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?[ \t]*")
_OPENS_FOOTER = re.compile(
    rb"[ \t]*(?:Discussion about this post|Top[ \t]*Latest[ \t]*Discussions|Recommended from"
    rb" Medium|No responses yet|Responses \(\d{1,6}\))[ \t.]*"
)
_FOLLOWERS = re.compile(rb"[ \t]*" + _COUNT.encode() + rb" [Ff]ollowers?" + _DOT.encode())
_AUTHOR_BOX = re.compile(rb"[ \t]*(?:Follow|Following|Written by [^\n]{1,60})[ \t]*")
# A publication's or author's box, a blurb under it: `Discover more from X`, `By Name · Launched
# 3 years ago` (Substack), `312 followers · 40 following` (Medium).
_DISCOVER = re.compile(rb"[ \t]*Discover more from [^\n]{1,80}")
_OPENS_BOX = re.compile(
    rb"[ \t]*(?:Discover more from [^\n]{1,80}|By [^\n]{1,60}"
    + _DOT.encode()
    + rb"Launched [^\n]{1,30})"
)
_BUTTON = re.compile(
    rb"[ \t]*(?:Subscribe|Follow|Following|Sign in|Over [^\n]{1,20} subscribers"
    rb"|Subscribe to [^\n]{1,80}|No responses yet|Responses \(\d{1,6}\))[ \t.]*"
)
_BLURB_LINES = 3
_MASTHEAD_LINES = 4
_MARKER = re.compile(rb"[ \t]*[(\[]?\d{1,3}/")
_HEADER_LINES = 12
_FOOTER_LINES = 200
"""Lines of comments and teasers under a footer's heading, at most."""
_HEADER_LINE = 300
"""Bytes: a title, a subtitle, a name; longer is the post's text."""
_TAG_LINES = 8
_TAG = re.compile(rb"[ \t]*[^\n.!?:;]{1,40}")


def platform_lines(
    buf: ByteSource, strong: Sequence[Line], weak: Sequence[Line], chrome: set[Line]
) -> set[Line]:
    """The lines chrome by where they stand on a Medium or Substack page, found from its
    `strong` and `weak` lines (in file order; `chrome`: the lines known to be chrome): the
    header above and around each byline, the tags above the author's box, and the footers."""
    found: set[Line] = set()
    for line in weak:
        # A reading time alone on its line is weak (threader.app closes its header with one, and
        # a post may say it): only a byline's `·` next to it makes it a byline's.
        if _READING_TIME.fullmatch(buf, *line) and _in_a_byline(buf, line):
            found.update([line], _header_above(buf, line, chrome), _byline_below(buf, line))
    for line in strong:
        if _READING_TIME.fullmatch(buf, *line) and _in_a_byline(buf, line):
            found.update(_header_above(buf, line, chrome), _byline_below(buf, line))
        elif _FOLLOWERS.match(buf, *line):
            found.update(_tags_above(buf, line), _blurb_below(buf, line, chrome))
        elif _OPENS_BOX.fullmatch(buf, *line):
            found.update(_blurb_below(buf, line, chrome))
            if _DISCOVER.fullmatch(buf, *line):
                found.update(_masthead_above(buf, line, chrome))
        elif _OPENS_FOOTER.fullmatch(buf, *line):
            found.update(_footer_from(buf, line))
    for share in weak:
        if _SHARE.fullmatch(buf, *share):
            found.update(_dated_byline(buf, share, chrome))
    return found


def _in_a_byline(buf: ByteSource, line: Line) -> bool:
    """Is the reading time `line` a Medium byline's: `·` next to it, or on its line?"""
    if buf.find(b"\xc2\xb7", *line) >= 0:
        return True
    return any(
        near is not None and _SEPARATOR.fullmatch(buf, *near)
        for near in (previous_nonblank_line(buf, line[0]), next_nonblank_line(buf, line[1]))
    )


def _header_above(buf: ByteSource, line: Line, chrome: set[Line]) -> list[Line]:
    """The lines from the byline's `line` up to the page's start or known `chrome`: the title,
    subtitle, names and byline buttons; none when they run long (the post's text)."""
    found: list[Line] = []
    above = previous_nonblank_line(buf, line[0])
    while above is not None and above not in chrome:
        if len(found) == _HEADER_LINES or _is_text(buf, above):
            return []
        found.append(above)
        above = previous_nonblank_line(buf, above[0])
    return found


def _byline_below(buf: ByteSource, line: Line) -> list[Line]:
    """The byline's lines under its reading time `line`: the date, counts and buttons."""
    found: list[Line] = []
    below = next_nonblank_line(buf, line[1])
    while below is not None and _BYLINE_TAIL.fullmatch(buf, *below):
        found.append(below)
        below = next_nonblank_line(buf, below[1])
    return found


def _dated_byline(buf: ByteSource, share: Line, chrome: set[Line]) -> list[Line]:
    """A Substack byline ending at its `Share` line: the date over up to three counts, and the
    title, subtitle and name above the date up to the page's start or known `chrome`."""
    found = _date_over_counts(buf, share)
    if not found:
        return []
    header = _header_above(buf, found[-1], chrome)
    if not header or len(header) > _HEADER_LINES // 2:
        return []  # a name at least; a title, subtitle and name at most
    return found + header


def _date_over_counts(buf: ByteSource, share: Line) -> list[Line]:
    """`share` and the counts over it up to its byline's date, the date last; none when no
    date stands there."""
    found = [share]
    above = previous_nonblank_line(buf, share[0])
    while above is not None and len(found) < 4 and _BARE_COUNT.fullmatch(buf, *above):
        found.append(above)
        above = previous_nonblank_line(buf, above[0])
    if above is None or not _DATE.fullmatch(buf, *above):
        return []
    return [*found, above]


def _tags_above(buf: ByteSource, followers: Line) -> list[Line]:
    """Above the author's box over `followers` (`Follow`, `Written by Name`), the post's tags:
    short lines, each no sentence."""
    found: list[Line] = []
    above = previous_nonblank_line(buf, followers[0])
    while above is not None and _AUTHOR_BOX.fullmatch(buf, *above):
        found.append(above)
        above = previous_nonblank_line(buf, above[0])
    tags = 0
    while above is not None and tags < _TAG_LINES and _TAG.fullmatch(buf, *above):
        if _MARKER.match(buf, *above):
            break
        found.append(above)
        tags += 1
        above = previous_nonblank_line(buf, above[0])
    return found


def _blurb_below(buf: ByteSource, box: Line, chrome: set[Line]) -> list[Line]:
    """The blurb under a `box` line (a tagline, a bio): up to three lines, then a button or
    known `chrome`; none when no such line ends it."""
    found: list[Line] = []
    below = next_nonblank_line(buf, box[1])
    while below is not None and len(found) <= _BLURB_LINES:
        if below in chrome or _BUTTON.fullmatch(buf, *below):
            return found
        if _is_text(buf, below):
            return []
        found.append(below)
        below = next_nonblank_line(buf, below[1])
    return []


def _masthead_above(buf: ByteSource, box: Line, chrome: set[Line]) -> list[Line]:
    """The publication's name and its buttons above its subscribe `box`, from the page's start:
    a few short lines."""
    found: list[Line] = []
    above = previous_nonblank_line(buf, box[0])
    while above is not None and above not in chrome:
        if len(found) == _MASTHEAD_LINES or _is_text(buf, above):
            return []
        found.append(above)
        above = previous_nonblank_line(buf, above[0])
    return found if above is None else []


def _footer_from(buf: ByteSource, heading: Line) -> list[Line]:
    """The lines under a footer's `heading` (readers' comments, other posts' teasers) up to the
    next post number, which would open another thread (at most `_FOOTER_LINES`)."""
    found: list[Line] = []
    below = next_nonblank_line(buf, heading[1])
    while below is not None and len(found) < _FOOTER_LINES and not _MARKER.match(buf, *below):
        found.append(below)
        below = next_nonblank_line(buf, below[1])
    return found


def _is_text(buf: ByteSource, line: Line) -> bool:
    """Is `line` too long for a header's line, or a post's number?"""
    return line[1] - line[0] > _HEADER_LINE or _MARKER.match(buf, *line) is not None


_TRIGGER = re.compile(
    rb"[ \t]*(?:\d{1,3} min read|Discover more from |By [^\n]{1,60}"
    + _DOT.encode()
    + rb"Launched |"
    + _COUNT.encode()
    + rb" [Ff]ollowers?"
    + _DOT.encode()
    + rb")"
)
"""The lines the rules above start from and read their neighbours by."""


def judged_across(buf: ByteSource, point: int, *, whole: bool = True) -> bool:
    """Would a cut of the text at `point` (a line start) hide from a rule above the lines it
    reads: a byline, box or footer's heading within reach on either side (its header may run
    up to the page's start, its blurb and tags stand next to it), or a footer's heading above
    with no post number between? A source is not cut there. Without `whole`, `buf` is a
    stretch of a source: a line past either end within reach may be such a heading."""
    above = previous_nonblank_line(buf, point)
    below = next_nonblank_line(buf, point - 1)
    for _ in range(_HEADER_LINES + _BLURB_LINES):
        if below is None:
            if not whole:
                return True
            break
        if _is_trigger(buf, below):
            return True
        below = next_nonblank_line(buf, below[1])
    for reach in range(_FOOTER_LINES + 1):
        if above is None:
            return not whole  # a stretch's start: a footer's heading may stand above it
        if _MARKER.match(buf, *above):
            return False
        if _OPENS_FOOTER.fullmatch(buf, *above) or (
            reach <= _HEADER_LINES and _is_trigger(buf, above)
        ):
            return True
        above = previous_nonblank_line(buf, above[0])
    return False


def _is_trigger(buf: ByteSource, line: Line) -> bool:
    """Is `line` one the rules above read their neighbours from (a Substack byline's `Share`
    only under its date and counts)?"""
    if _TRIGGER.match(buf, *line):
        return True
    return bool(_SHARE.fullmatch(buf, *line) and _date_over_counts(buf, line))


_NAME = re.compile(r"[^\d@#\n][^@#\n]{0,59}")
# The writer's name on the site (`@name`) may stand under the name in a byline.
_PASSED_IN_BYLINE = re.compile(
    r"\u00b7|\u00b7?[ \t]?Follow|Following|Published in .{1,60}|@[\w.]{1,30}"
)
_READING_TIME_TEXT = re.compile(r"\d{1,3} min read(?:[ \t]?\u00b7[ \t]?.{1,30})?")
_COUNT_TEXT = re.compile(_COUNT)


def byline_author(lines: Sequence[str]) -> str | None:
    """The author's name a Medium or Substack byline among the skipped `lines` gives: the name
    above the reading time, past `·`, `Follow` and the publication it was published in
    (Medium), or above the date over the counts and `Share` (Substack)."""
    shown = [line.strip() for line in lines if line.strip()]
    for at, line in enumerate(shown):
        if _READING_TIME_TEXT.fullmatch(line):
            name = _name_above(shown, at)
            if name is not None:
                return name
        if line == "Share" and at >= 2:
            counts = at - 1
            while counts > 0 and _COUNT_TEXT.fullmatch(shown[counts]):
                counts -= 1
            if counts > 0 and _DATE.fullmatch(shown[counts].encode()):
                name = shown[counts - 1]
                if _NAME.fullmatch(name):
                    return name
    return None


def _name_above(shown: Sequence[str], at: int) -> str | None:
    """The name above a Medium byline's reading time `shown[at]`."""
    above = at - 1
    while above >= 0 and _PASSED_IN_BYLINE.fullmatch(shown[above]):
        above -= 1
    if above >= 1 and shown[above - 1] == "Published in":
        above -= 2  # the publication and its label: the name stands above them
        while above >= 0 and _PASSED_IN_BYLINE.fullmatch(shown[above]):
            above -= 1
    if above >= 0 and _NAME.fullmatch(shown[above]):
        return shown[above]
    return None
