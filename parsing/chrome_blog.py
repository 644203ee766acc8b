"""The chrome of a blog that reposts a thread: share and like buttons, bylines, tags, comment
counts and forms, links to the posts before and after (WordPress, Blogger and the like).

Each rule matches a whole line (see `chrome`). A rule that could be a sentence of a post on its
own (`Related`, `Posted in Travel`, `Tags: rivers`, `3 Comments`) is weak: chrome only next to
other chrome, as it always stands on a blog page, under or above the post in a block.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from .byte_source import ByteSource
from .events import EMBED_END, EMBED_OTHER
from .neighbours import Line, next_nonblank_line, previous_nonblank_line

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
"""A month as pages write it in a date: `Mar`, `March`, `Mar.`."""
_DAY_YEAR = r"\d{1,2}(?:st|nd|rd|th)?,? \d{4}"

STRONG = [
    r"Skip to (?:main )?content",
    r"Share this:",
    r"Like this:",
    r"Like Loading\.\.\.|Like Loading\xe2\x80\xa6",
    r"Loading\.\.\.|Loading\xe2\x80\xa6",
    r"Leave a [Rr]eply(?: Cancel reply)?",
    r"Leave a [Cc]omment",
    r"Cancel reply",
    r"Post navigation",
    r"Continue reading(?: \xe2\x86\x92| \xc2\xbb| \".{1,120}\"| \xe2\x80\x9c.{1,120})?",
    r"Click to (?:share on \w{1,20}|email (?:a link to a friend|this to a friend)|print)"
    r" \(Opens in new window\)",
    r"View all posts by .{1,60}",
    r"Originally tweeted by .{1,120}",
    r"Blog at WordPress\.com",
    r"Create a (?:free )?website or blog at WordPress\.com",
    r"Enter your email address to (?:follow|subscribe to) this blog.*",
    r"Report this content",
    r"View site in Reader",
    r"Manage subscriptions",
    r"Collapse this bar",
    r"Already have a WordPress\.com account\? Log in now",
    # A byline with a date: "Posted on March 3, 2020 by Orla", "Posted by Orla on March 3, 2020".
    r"Posted on " + MONTH + " " + _DAY_YEAR + r"(?: by .{1,60})?",
    r"Posted on \d{1,2} " + MONTH + r",? \d{4}(?: by .{1,60})?",
    r"Posted by .{1,60} on (?:" + MONTH + " " + _DAY_YEAR + r"|\d{1,2} " + MONTH + r",? \d{4})",
    # The title of a tweet archive's page, its avatar's alt text run into it: "ada_q's
    # avatarada_q's Twitter Archive—№ 1,234" (the number counts the author's tweets).
    r"\w{1,15}(?:'|\xe2\x80\x99)s avatar\w{1,15}(?:'|\xe2\x80\x99)s Twitter Archive"
    r"(?:[ \t]?\xe2\x80\x94[ \t]?\xe2\x84\x96 ?[\d,]{1,12})?",
]
WEAK = [
    r"Related|Like|Comments|Reblog|Print|More|Tumblr|Reddit|LinkedIn|Pinterest|Pocket",
    r"Twitter|Facebook|WhatsApp|Telegram|Threads|Mastodon|Bluesky|Recent Posts|Archives",
    r"Posted (?:in|by|on) .{1,80}",
    r"Published (?:by|on) .{1,80}",
    r"Filed under:? .{1,120}",
    r"Tagged:? .{1,160}",
    r"Tags?: ?.{0,160}",
    r"Categor(?:y|ies): ?.{0,160}",
    r"(?:Previous|Next) [Pp]ost(?:: .{1,120})?",
    r"\xc2\xab .{1,120}|\xe2\x86\x90 .{1,120}",  # « Previous title, ← Previous title
    r"\d{1,5} [Cc]omments?|\d{1,5} [Rr]esponses?(?: to .{1,120})?",
    r"No [Cc]omments(?: yet)?|One [Cc]omment|One [Rr]esponse(?: to .{1,120})?",
    r"\d{1,5} thoughts? on .{1,120}|One thought on .{1,120}",
]

_BYLINE = re.compile(rb"[ \t]*Posted (?:on|by) ")
_CREDIT_DASHES = ("\u2014", "\u2013", "--")
"""The dash an embed's credit opens with: the em dash the platform's markup writes, or the en
dash or `--` a copy or a converter turned it into."""
CREDIT_DASH_TEXT = "(?:" + "|".join(_CREDIT_DASHES) + ")"
"""Those dashes, for a pattern over decoded text."""
CREDIT_DASH = (
    "(?:"
    + "|".join("".join(f"\\x{byte:02x}" for byte in dash.encode()) for dash in _CREDIT_DASHES)
    + ")"
)
"""Those dashes, for the patterns over the raw UTF-8 text, byte by byte as they spell them."""
_EMBED_DASH = re.compile(rb"[ \t]*" + CREDIT_DASH.encode())
"""How the line under an embedded tweet starts (`— Name (@handle) March 3, 2020`): the other
lines the thread goes on past (`old_twitter.PASSING`) never start so."""
_EMBED_HANDLE = re.compile(rb"\(@(\w{1,15})\)")
"""The handle on that line, in brackets after the name."""
_TITLE = 120
"""Bytes: a post's title is a line, seldom a long one."""
_MASTHEAD = 12
"""Lines: a blog's name, its menu and the post's title."""
_NOT_A_TITLE = re.compile(rb"[ \t]*[(\[]?\d{1,4}/|[^\n]*\.[ \t]*\Z")
BARE_BYLINE = r"[Bb]y (?P<name>[A-Z][^\s,;:]{0,30}(?: [A-Z][^\s,;:]{0,30}){0,4})"
"""A byline without a date under a post's title (`by Kelvin Smith`): the author's name, each
word capitalised, as a blog prints it (read by `page_meta` too)."""
_BARE_BYLINE = re.compile(rb"[ \t]*" + BARE_BYLINE.encode() + rb"[ \t]*")


def embed_ends(buf: ByteSource, passing: Iterable[Line]) -> dict[Line, int]:
    """The lines among `passing` (chrome the thread goes on past) that a blog puts under each
    tweet it embeds, each with its `Event.number`: `EMBED_END`, which ends a post of the
    thread, or `EMBED_OTHER` where its handle is not the one under the tweet embedded above
    (in file order): a tweet by someone else, no post of that thread."""
    found: dict[Line, int] = {}
    last_handle: bytes | None = None
    for line in sorted(passing):
        if _EMBED_DASH.match(buf, *line) is None:
            continue
        named = _EMBED_HANDLE.search(buf, *line)
        handle = named[1].lower() if named is not None else None
        other = handle is not None and last_handle is not None and handle != last_handle
        found[line] = EMBED_OTHER if other else EMBED_END
        last_handle = handle or last_handle
    return found


_HANDLED_CREDIT = re.compile(CREDIT_DASH.encode() + rb"[^\n]{0,80}?\(@(\w{1,15})\)")
"""A dash, then a handle in brackets on its line: any line `embed_ends` may read a handle from
(as the line under a tweet or a credit run into its last line), and some it does not."""
_DASH_BYTES = tuple(dash.encode() for dash in _CREDIT_DASHES)


def credit_handles(buf: ByteSource) -> list[tuple[int, bytes]]:
    """Where each line shaped like an embed's credit holds a handle (`_HANDLED_CREDIT`), with
    that handle (lower case), in file order: found once for a source, by its dashes."""
    return list(_credits(buf, 0, len(buf)))


def handles_differ_across(credits: list[tuple[int, bytes]], point: int) -> bool:
    """Could the first credit under `point` be read against a credit above it under another
    handle (`embed_ends` remembers the last handle however far up)? A part starting at `point`
    would read that credit as ending a post of its thread, the whole as another's tweet. Every
    credit's shape counts (`credit_handles`), read or not, so the answer is yes whenever it
    might be."""
    first = bisect_left(credits, (point, b""))
    if first == len(credits):
        return False
    return any(handle != credits[first][1] for _, handle in credits[:first])


def handles_differ_at(buf: ByteSource, point: int) -> bool:
    """`handles_differ_across(credit_handles(buf), point)`, reading no further than it must:
    the first credit under `point` (most copies hold none), then the credits from the top
    until one under another handle. One point of a large source is asked about: its whole
    list of credits is not needed, and the shorter side is read first: no credit there, no
    question."""
    if point <= len(buf) - point and _credit_from(buf, 0, point) is None:
        return False
    first = _credit_from(buf, point, len(buf))
    if first is None:
        return False
    return any(handle != first[1] for _, handle in _credits(buf, 0, point))


def _credit_from(buf: ByteSource, start: int, stop: int) -> tuple[int, bytes] | None:
    """The first credit of `credit_handles` whose dash starts in `start:stop`."""
    return next(_credits(buf, start, stop), None)


def _credits(buf: ByteSource, start: int, stop: int) -> Iterator[tuple[int, bytes]]:
    """The credits of `credit_handles` whose dash starts in `start:stop`, in file order. Each
    kind of dash is looked for from where its last one was found, so a kind the text never
    holds is searched for once, not once per credit of another kind."""
    upcoming = [_next_dash(buf, dash, start, stop) for dash in _DASH_BYTES]
    while True:
        found = [at for at in upcoming if at >= 0]
        if not found:
            return
        at = min(found)
        named = _HANDLED_CREDIT.match(buf, at)
        if named is not None:
            yield at, named[1].lower()
        for kind, dash in enumerate(_DASH_BYTES):
            if upcoming[kind] == at:
                upcoming[kind] = _next_dash(buf, dash, at + 1, stop)


def _next_dash(buf: ByteSource, dash: bytes, start: int, stop: int) -> int:
    """Where the first `dash` starting in `start:stop` starts, or -1. Its last byte is looked
    for first: one byte is found many times faster than several, and in most text the last
    byte of a long dash is rare (elsewhere the search of the whole dash takes over there)."""
    end = len(dash) - 1
    last = buf.find(dash[end:], start + end, stop + end)
    if last < 0:
        return -1
    if buf[last - end : last + 1] == dash:
        return last - end
    return buf.find(dash, last - end + 1, stop + end)


def titles_above_bylines(buf: ByteSource, strong: list[Line], chrome: set[Line]) -> list[Line]:
    """The blog's masthead and the post's title: the lines above a dated byline among the
    `strong` lines, when they are all short lines that end no sentence (the blog's name, its
    menu, the title) up to the page's start or `chrome`. Laid out, they would be a thread of
    their own: the thread's text starts under the byline."""
    found: list[Line] = []
    for line in strong:
        if not _BYLINE.match(buf, *line):
            continue
        above: list[Line] = []
        title = previous_nonblank_line(buf, line[0])
        while title is not None and title not in chrome and len(above) < _MASTHEAD:
            if title[1] - title[0] > _TITLE or _NOT_A_TITLE.match(buf, *title):
                break
            above.append(title)
            title = previous_nonblank_line(buf, title[0])
        else:
            if title is None or title in chrome:
                found += above
    return found


def bylined_headers(buf: ByteSource, top_block: Line | None) -> list[Line]:
    """A repost's header at the page's start, or under the block of strong chrome that opens
    the page (`top_block`: its last line; a blog's masthead and menu): its title (a few short
    lines that end no sentence) and a bare byline under them (`by Kelvin Smith`). A post's text
    never opens with a title and a byline: they are the page's, the thread starts under them."""
    found = _bylined_header(buf, next_nonblank_line(buf, -1))
    if top_block is not None:
        found += _bylined_header(buf, next_nonblank_line(buf, top_block[1]))
    return found


def opens_bylined_header(buf: ByteSource, line: Line) -> bool:
    """Could `line` be the first of a header `bylined_headers` finds, were the text to start
    there? A source is not cut above such a line: the whole may read it as text."""
    return bool(_bylined_header(buf, line))


def _bylined_header(buf: ByteSource, top: Line | None) -> list[Line]:
    """The title lines from `top` down and the bare byline under them; none if there is none."""
    above: list[Line] = []
    line = top
    while line is not None and len(above) < _MASTHEAD:
        if _BARE_BYLINE.fullmatch(buf, *line):
            return [*above, line] if above else []
        if line[1] - line[0] > _TITLE or _NOT_A_TITLE.match(buf, *line):
            return []
        above.append(line)
        line = next_nonblank_line(buf, line[1])
    return []
