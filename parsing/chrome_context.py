"""Chrome known by where it stands rather than by its words.

Some lines of an unroller page are ordinary text by shape; the page's layout makes them chrome:

- the header above a thread: the display name, then (past buttons such as `Subscribe`) a lone
  `@handle`, then a date or `N tweets • M min read` line. The handle and the line under it
  decide; the name is any short line above them. An author page has the author's bio between
  the handle and the first thread's date;
- the bare date line heading each teaser under `More from @x`, a hashtag listing or an author
  page: a date on its own line is chrome when the last strong chrome above it opened such a
  listing (`More from @x`, `Read N tweets`, `Most recents`, …) and no numbered post stands
  between (a restart of numbering is where a part of a source may begin);
- a short line alone between two strong chrome lines (the ad Thread Reader App puts in its
  footer, a name the footer repeats): a post never stands alone inside a page's chrome block.
  The line may not end a sentence, nor stand under a listing line or a date or length line, nor
  above `Read N tweets`, so a one-line teaser stays a thread;
- the last line of a page copied only in part, when it is the start of a chrome line
  (`Thank `): it is what is left of that line, not a thread (see `cut_off`);
- the unroller's link back to the thread on its source (`Read on Twitter`, `Read on X`) ending
  the text: twtext prints it under the last post, below its `End of thread` line (chrome only
  there); a post never ends in exactly that link. Inside the text it stays weak (`chrome`).

Every rule that looks up from a line has a counterpart in `could_be_context_chrome`, which
looks only down: a part of a source cut just above such a line must not lay it out otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

from .byte_source import ByteSource
from .date_order import day_of
from .neighbours import Line, next_nonblank_line, previous_nonblank_line
from .teaser_lines import DATE, LENGTH, LISTING, is_date, whole
from .teaser_openings import marker_between

_HEADER_FIELD = whole(DATE + LENGTH)
# The 2019 thread page's length line, the name it follows copied onto the line above with the
# handle ("Profile picture", "Name @handle", ", 9 tweets, 2 min read Read on Twitter").
_LENGTH_2019 = re.compile(
    rb"[ \t]*, \d{1,4} tweets?, \d{1,4} min read(?: Read on (?:Twitter|X))?[ \t.]*"
)
_LISTING = whole(LISTING)
_READ_N = whole(LISTING[1:2])
_HANDLE = re.compile(rb"[ \t]*@\w{1,15}[ \t]*")
_LINK_BACK = re.compile(rb"[ \t]*Read on (?:Twitter|X)[ \t.]*")
# twtext closes a thread with this line above its link back. An author may write it too, as
# the last post's own words, so it is chrome only where twtext puts it.
_END_OF_THREAD = re.compile(rb"[ \t]*End of thread[ \t.]*")
_BUTTON = re.compile(rb"[ \t]*(?:Subscribe|Follow|Following)[ \t]*")
_SHORT = 60
"""Bytes: a display name, an ad's few words."""
_BIO = 320
"""Bytes: a profile's bio, which X keeps to 160 characters."""
_SENTENCE_END = re.compile(rb"[^\n]*(?:[.!?:;,\"')\]]|\xe2\x80\xa6|\xe2\x80\x9d)[ \t]*")
# A line that numbers a post, after `THREAD` or 🧵 too: never a name, an ad or a bio.
_MARKER_START = re.compile(
    rb"[ \t]*(?:(?:THREAD|Thread|\xf0\x9f\xa7\xb5)[ \t]*[:.]?[ \t]*)?[(\[]?\d{1,4}/"
)
Structure = tuple[int, int, int, int, bool]
"""A line of structure as `events.Event` gives it: its start and its kind first."""
IsCandidate = Callable[[ByteSource, int, int], bool]


def header_lines(
    buf: ByteSource, fields: list[Line], confirmed: set[Line], is_candidate: IsCandidate
) -> tuple[list[Line], list[Line]]:
    """For each header field line in `fields` (a date or a length) under a lone `@handle`, or
    under the bio line under it (an author page): the handle, the bio, the field, the buttons
    above the handle and the name above them. Also, apart, the author pages' fields: each opens
    the page's listing of threads."""
    found: list[Line] = []
    author_fields: list[Line] = []
    for field in fields:
        handle = previous_nonblank_line(buf, field[0])
        if handle is None:
            continue
        if not _HANDLE.fullmatch(buf, *handle):
            bio, handle = handle, previous_nonblank_line(buf, handle[0])
            if handle is None or not _HANDLE.fullmatch(buf, *handle) or not is_bio(buf, bio):
                continue
            if is_candidate(buf, *bio):
                continue
            found.append(bio)
            author_fields.append(field)
        found += [handle, field]
        name = previous_nonblank_line(buf, handle[0])
        while name is not None and _BUTTON.fullmatch(buf, *name):
            found.append(name)
            name = previous_nonblank_line(buf, name[0])
        if name is not None and name not in confirmed and _is_name(buf, name, is_candidate):
            found.append(name)
    return found, author_fields


def bios_under_pictures(
    buf: ByteSource, pictures: Iterable[Line], chrome: set[Line]
) -> tuple[list[Line], list[Line]]:
    """The bio between a "Name Profile picture" line (among `pictures`) and the date or length
    line under it: Scrolly's header (`Name Profile picture`, the bio, `Nov 29, 2021, 20 tweets`)
    and an author page copied without its handle. A post never stands between a header's
    picture and its date. Also, apart, those date or length lines: like an author page's
    under its handle and bio, each opens a listing of the author's threads (`teaser_dates`).
    The 2019 thread page puts the name and handle there, above its length line: chrome the
    same way, but that length opens no listing (a thread page lists no threads)."""
    bios: list[Line] = []
    fields: list[Line] = []
    pictures = list(pictures)
    pictured = set(pictures)
    for picture in pictures:
        bio = next_nonblank_line(buf, picture[1])
        if bio is None or bio in chrome or not is_bio(buf, bio) or is_date(buf, bio):
            continue
        field = next_nonblank_line(buf, bio[1])
        # Past the row of the author's subscribers, which an author page shows under the bio.
        while field is not None and field in pictured:
            field = next_nonblank_line(buf, field[1])
        if field is not None and _HEADER_FIELD.fullmatch(buf, *field) is not None:
            bios.append(bio)
            fields.append(field)
        elif field is not None and _LENGTH_2019.fullmatch(buf, *field) is not None:
            bios.append(bio)
    return bios, fields


_ADVICE = re.compile(
    rb"[ \t]*[1-3]/[ \t]*(?:Frequently clean hands|When coughing and sneezing|Avoid close contact)"
    rb"[^\n]*"
)


def health_advice(buf: ByteSource, strong: Iterable[Line]) -> list[Line]:
    """The numbered advice under threader.app's notice above a thread about the pandemic
    ("Follow the World Health Organization's instructions …:", then `1/ Frequently clean
    hands …` to `3/ Avoid close contact …`): the site's words, not posts, though numbered
    like them. Looked for under the strong lines alone."""
    found: list[Line] = []
    for line in strong:
        if buf.find(b"World Health Organization", *line) < 0:
            continue
        advice = next_nonblank_line(buf, line[1])
        while advice is not None and _ADVICE.fullmatch(buf, *advice):
            found.append(advice)
            advice = next_nonblank_line(buf, advice[1])
    return found


# The count of an author page's followers under its bio: "N subscribers", or in the older
# layout "N added to My Authors".
_FOLLOWERS = re.compile(rb"[ \t]*\d[\d,.]*[KkM]? (?:added to My Authors|subscribers?)[ \t.]*")
BIO_LINES = 3
"""The most lines a bio takes: X keeps it to 160 characters, a few line breaks."""


def bios_above_followers(buf: ByteSource, strong: Iterable[Line], chrome: set[Line]) -> list[Line]:
    """The bio right above an author page's count of its followers (among `strong`): the
    header's, as the page shows it under the name and handle, which a copy may leave out. A post
    never stands there: the threads' teasers start under their date or length lines. A bio of
    several lines is taken whole where it stands right under other chrome (the name's picture
    line) or opens the text; otherwise only its line next to the count is sure to be the bio."""
    found: list[Line] = []
    for line in strong:
        # Its words first, in the line alone: a search of the whole buffer would cost every
        # corpus a scan.
        if (
            buf.find(b"My Authors", *line) < 0 and buf.find(b"subscriber", *line) < 0
        ) or not _FOLLOWERS.fullmatch(buf, *line):
            continue
        block: list[Line] = []
        bio = previous_nonblank_line(buf, line[0])
        while (
            bio is not None
            and len(block) < BIO_LINES
            and bio not in chrome
            and is_bio(buf, bio)
            and not _HEADER_FIELD.fullmatch(buf, *bio)
        ):
            block.append(bio)
            bio = previous_nonblank_line(buf, bio[0])
        found += block if bio is None or bio in chrome else block[:1]
    return found


def teaser_dates(
    buf: ByteSource,
    strong: list[Line],
    author_fields: list[Line],
    dates: list[Line],
    *,
    events: Sequence[Structure],
    marker: int,
) -> tuple[list[Line], set[Line]]:
    """The date lines whose nearest strong chrome or author page header above (`strong`,
    `author_fields`: in file order) opens a listing of threads, with no number marker (the
    lines of `events` of kind `marker`) between: a numbered post ends the listing. Also, apart,
    the listing lines that made some date chrome: a source cut below one of them and above
    the next marker would lose the date's reason (see `LayoutBuilder._starts_afresh`). Each
    date finds its anchor by bisection: a page has few dates and many chrome lines."""
    openers = set(author_fields)
    anchors = sorted([*strong, *author_fields]) if author_fields else strong
    found: list[Line] = []
    used: set[Line] = set()
    for date in dates:
        above = bisect_left(anchors, date) - 1
        if above < 0 or date in openers:
            continue
        anchor = anchors[above]
        if marker_between(buf, events, marker, (anchor[1], date[0])):
            continue
        if anchor in openers or _LISTING.fullmatch(buf, *anchor) is not None:
            found.append(date)
            used.add(anchor)
    return found, used


def bio_above_dates(
    buf: ByteSource,
    dates: list[Line],
    strong: list[Line],
    *,
    events: Sequence[Structure],
    marker: int,
) -> Line | None:
    """The author's bio opening a copy of an older author page taken from under the handle:
    one line a bio's length at most, then bare dates (`dates`, in file order), the first over
    a teaser that opens with a sentence, the second earlier than the first: the page lists the
    author's threads newest first. That order tells it from a diary thread, whose dated entries
    run forward (`A diary⏎Mar 4⏎…⏎Mar 5⏎…`), and one date alone, or one a sentence runs over
    (`… lit on⏎Sep 2⏎and stayed lit`), is no evidence: taking the line for a header would drop
    it from the thread. Both dates are read with no number marker or strong chrome between
    them (where a big file may be cut: both stay in the part that holds the page's start).
    None when the copy does not open so."""
    if len(dates) < 2:
        return None
    first = next_nonblank_line(buf, -1)
    if first is None or next_nonblank_line(buf, first[1]) != dates[0] or not is_bio(buf, first):
        return None
    if marker_between(buf, events, marker, (dates[0][1], dates[1][0])):
        return None
    if bisect_left(strong, dates[0]) != bisect_left(strong, dates[1]):
        return None  # strong chrome between the two dates
    newer, older = day_of(buf, dates[0]), day_of(buf, dates[1])
    if newer is None or older is None or not older < newer:
        return None
    # The teaser under the second date is not asked about: a copy cut right under that date
    # (a big file's part) must read its start as the whole does.
    teaser = next_nonblank_line(buf, dates[0][1])
    if teaser is None or teaser == dates[1] or _opens_lower_case(buf, teaser):
        return None
    return first


def _opens_lower_case(buf: ByteSource, line: Line) -> bool:
    return bytes(buf[line[0] : line[1]]).lstrip()[:1].islower()


def sandwiched_lines(
    buf: ByteSource, edges: Iterable[tuple[Line, Line | None, Line]], chrome: set[Line]
) -> list[Line]:
    """Short lines alone between the end of a block of strong chrome and the start of the next
    (`edges`: each block's last line, the line under it, the next block's first line), unless
    the line above opens a listing or heads a thread (a date or length line: an author page's
    teaser, a one-line thread, stands under it) or the line below counts a teaser's posts: the
    line is a teaser then."""
    found: list[Line] = []
    for above, middle, below in edges:
        if middle is None or middle == below or middle in chrome or not _is_filler(buf, middle):
            continue
        if next_nonblank_line(buf, middle[1]) != below:
            continue
        if (
            not _LISTING.fullmatch(buf, *above)
            and not _HEADER_FIELD.fullmatch(buf, *above)
            and not _READ_N.fullmatch(buf, *below)
        ):
            found.append(middle)
    return found


def could_be_context_chrome(buf: ByteSource, start: int, end: int, is_strong: IsCandidate) -> bool:
    """Could the rules above make the line `buf[start:end]` chrome, judging by what stands below
    it (a header's name, a short line above strong chrome), or does it open a listing's teasers
    (the line under `More from @x`)? (A cut-off last line: see `chrome.is_chrome_candidate`.)"""
    above = previous_nonblank_line(buf, start)
    if above is not None and _LISTING.fullmatch(buf, *above):
        return True
    if not _is_filler(buf, (start, end)):
        return False
    below = next_nonblank_line(buf, end)
    while below is not None and _BUTTON.fullmatch(buf, *below):
        below = next_nonblank_line(buf, below[1])
    if below is None:
        return False
    if not _HANDLE.fullmatch(buf, *below):
        return is_strong(buf, *below)
    field = next_nonblank_line(buf, below[1])
    if field is not None and not _HEADER_FIELD.fullmatch(buf, *field):
        field = next_nonblank_line(buf, field[1])  # past an author page's bio
    return field is not None and _HEADER_FIELD.fullmatch(buf, *field) is not None


def link_back_at_end(buf: ByteSource, weak: Iterable[Line]) -> list[Line]:
    """The line of `weak` that is the link back to the thread's source and the text's last
    non-blank line, if any, with the `End of thread` line above it (the weak lines next to it
    are chrome by it, see `chrome`)."""
    found = [
        line
        for line in weak
        if _LINK_BACK.fullmatch(buf, *line) and next_nonblank_line(buf, line[1]) is None
    ]
    for line in found[:]:
        above = previous_nonblank_line(buf, line[0])
        while above is not None and _LINK_BACK.fullmatch(buf, *above):
            above = previous_nonblank_line(buf, above[0])
        if above is not None and _END_OF_THREAD.fullmatch(buf, *above):
            found.append(above)
    return found


def is_link_back(buf: ByteSource, line: Line) -> bool:
    """Could `line` be chrome by `link_back_at_end` if the text ended under it? A source is not
    cut under such a line."""
    return _LINK_BACK.fullmatch(buf, *line) is not None


def is_header_field(buf: ByteSource, line: Line) -> bool:
    return _HEADER_FIELD.fullmatch(buf, *line) is not None


def _is_name(buf: ByteSource, line: Line, is_candidate: IsCandidate) -> bool:
    return _is_filler(buf, line) and not is_candidate(buf, *line)


def is_bio(buf: ByteSource, line: Line) -> bool:
    return line[1] - line[0] <= _BIO and not _MARKER_START.match(buf, *line)


def _is_filler(buf: ByteSource, line: Line) -> bool:
    """A short line that ends no sentence and numbers no post: a name, an ad's words."""
    start, end = line
    return (
        end - start <= _SHORT
        and not _SENTENCE_END.fullmatch(buf, start, end)
        and not _MARKER_START.match(buf, start, end)
    )
