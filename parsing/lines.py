"""The line shapes that give a thread its structure: number markers, thread heads, emoji leads,
page chrome.

One compiled `bytes` expression finds them all. It is anchored on `\\n`, so the regular
expression engine skips from line to line quickly and only looks at line starts; ordinary lines
cost nothing more. Each line found becomes a small tuple, an `Event`.
"""

from __future__ import annotations

import re

from .blanked_gaps import close_blanked_gaps
from .byte_source import ByteSource
from .chrome import opens_with_header, resolve_chrome
from .chrome_rules import PASSING, STRONG, SUFFIX_NEEDLES, WEAK
from .cut_off import fragment_line
from .embed_credits import with_credits
from .emoji_bytes import EMOJI_CHAR
from .events import (
    CHROME,
    DATE,
    EMOJI,
    END,
    HEAD,
    MARKER,
    PASS,
    Event,
    marker_event,
    numbered,
)
from .given_starts import with_starts_at
from .glued_pictures import (
    PICTURED_MARKER,
    blank_glued_picture,
    blank_pictures,
    pictures_in_lines,
    with_glued_markers,
)
from .neighbours import Line, line_end
from .old_twitter import may_hold_one_line_header
from .picture_ends import with_picture_ends
from .picture_runs import blank_marks_left, starts_under_pictures
from .pictures import (
    PICTURE_WORD,
    blank_trailing,
    marks_end,
    may_end_in_picture,
    picture_then_text,
)
from .teaser_openings import read_teaser_openings

_THREAD_EMOJI = "\U0001f9f5".encode()  # 🧵


_MARKER = numbered("num", "total")
# A marker after `THREAD` or 🧵 opens a thread. It is a rule of its own rather than an optional
# prefix of `_MARKER`: every line is tried on these rules, and an optional group at the start
# would cost each line a repeat set up in the engine.
_OPENING_MARKER = (
    rb"(?:THREAD|Thread|"
    + _THREAD_EMOJI
    + rb")[ \t]*[:.]?[ \t]*(?:"
    + numbered("opening_num", "opening_total")
    # `🧵/1`: the number after its slash, as in `/2 Text` (`_SLASH_FIRST`).
    + rb"|/(?P<opening_slashed>\d{1,3})(?:[ \t]+|(?=\n|\Z)))"
)
# A thread head without a number: `THREAD`, `THREAD:`, `Thread: …`, `🧵 …`; `[Thread]` alone
# on its line (in brackets before text it may be a tag of the sentence's).
_HEAD = (
    rb"THREAD\b|Thread[ \t]*[:.]|Thread[ \t]+"
    + _THREAD_EMOJI
    + rb"|"
    + _THREAD_EMOJI
    + rb"|\[(?:THREAD|Thread)\][ \t]*(?=\n|\Z)"
)
_LINE_END = rb"(?=\n|\Z)"
# `/2 Text`: the number after its slash, as some authors write it. Whitespace or the line end
# must follow, so a path (`/2021/report`) stays text.
_SLASH_FIRST = rb"/(?P<slashed>\d{1,3})(?:[ \t]+|" + _LINE_END + rb")"
# `3 of 21:` opening a line, the count written out and closed by a colon, as some authors number
# their posts: the colon sets it apart from text that opens with a count (`3 of 5 voters`). A
# count alone on its line (`1 of 21`) is set apart as well, by the line end: it numbers a post
# as `1/21` alone on its line does, but only in a run of such counts (`_in_a_run_of_counts`):
# alone and without one, it may be a score or a tally.
_COUNTED = (
    rb"(?P<counted_num>\d{1,3})[ \t]+of[ \t]+(?P<counted_total>\d{1,3})[ \t]*"
    + rb"(?:(?P<counted_colon>:)[ \t]*|"
    + _LINE_END
    + rb")"
)
# The next line that opens with a count, for `_in_a_run_of_counts`; looked for within a few
# posts' length, as a thread's posts are short.
_NEXT_COUNT = re.compile(rb"\n[ \t]*(\d{1,3})[ \t]+of[ \t]+(\d{1,3})[ \t]*(?::|\n|\Z)")
_RUN_REACH = 4096
# `end/` or `/end` alone on a line, or `END` in capitals: the author's mark under the last post
# (see `layout`).
_END = rb"(?:[Ee]nd|END|[Ff]in|FIN)/|/(?:[Ee]nd|END)|END"
# `end/ Text`: the same mark before the last post's text, where the posts above are numbered
# before their text (`1/ …`, `2/ …`; see `layout_trailers`).
_END_PREFIX = rb"(?:[Ee]nd|END)/[ \t]+(?=[^ \t\n])"
_CHROME_TAIL = rb"[ \t.]*" + _LINE_END
# Blanks before a line's shape carry no meaning: a copied page's markup indents its blocks (an
# older twtext copy indents every post but the first by two dozen spaces).
_BODY = (
    rb"[ \t]*(?:(?P<marker>"
    + _MARKER
    + rb")|(?P<opening>"
    + _OPENING_MARKER
    + rb")|(?P<pictured>"
    + PICTURED_MARKER
    + rb")|(?P<head>"
    + _HEAD
    + rb")|(?P<counted>"
    + _COUNTED
    + rb")|(?P<slash_first>"
    + _SLASH_FIRST
    + rb")|(?P<end>(?:"
    + _END
    + rb")[ \t]*"
    + _LINE_END
    + rb")|(?P<end_prefix>"
    + _END_PREFIX
    + rb")|(?P<emoji>(?:"
    + EMOJI_CHAR
    + rb"[ \t]*)+"
    + _LINE_END
    + rb")|(?P<strong>(?:"
    + STRONG
    + rb")"
    + _CHROME_TAIL
    + rb")|(?P<passing>(?:"
    + PASSING
    + rb")"
    + _CHROME_TAIL
    + rb")|(?P<weak>(?:"
    + WEAK
    + rb")"
    + _CHROME_TAIL
    + rb"))"
)
_LINE = re.compile(rb"\n" + _BODY)
"""A line that matters, with the newline before it: the engine skips from newline to newline."""
_NUM, _TOTAL = _LINE.groupindex["num"], _LINE.groupindex["total"]


def read_structure(
    buf: bytearray, *, keep_texts: bool = True
) -> tuple[list[Event], dict[int, str]]:
    """The marker, head, emoji-only and chrome lines of `buf`, in order, with the markers a copy
    glued to a picture's `Image` in the middle of a line (see `glued_pictures`); and `buf` with
    the bytes in no post blanked (`blank_outside_posts`, which returns the chrome's texts), the
    marks of pictures after a post's number among them (where such a mark ends a post in the
    middle of a line, the next post's `START`: see `picture_ends`)."""
    events, credits = with_credits(buf, _line_events(buf))
    glued, pictures = pictures_in_lines(buf, 0, len(buf))
    if glued:
        events = with_glued_markers(buf, events, glued)
    texts, post_starts, gaps = blank_outside_posts(buf, events, keep_texts=keep_texts)
    if keep_texts:
        texts.update(credits)  # a credit's event has no length: its text was taken before
    if post_starts:
        events = with_starts_at(buf, events, post_starts)
    if pictures:
        events = blank_pictures(buf, pictures, with_picture_ends(buf, events, pictures))
        gaps += [line_end(buf, spot) for spot in pictures]  # the blanks moved to the line end
    if gaps:
        close_blanked_gaps(buf, events, gaps)
    return events, texts


def _line_events(buf: bytes | bytearray) -> list[Event]:
    """The marker, head, emoji-only and chrome lines of `buf`, in order: every line start."""
    events: list[Event] = []
    chrome: list[tuple[int, int, bool]] = []
    passing: list[Line] = []
    append = events.append
    first, shift = _match_line(buf, 0, line_end(buf, 0))
    matches = _LINE.finditer(buf)
    if first is not None:
        _classify(first, 0, events, chrome, shift, passing=passing)
    # Most lines found are markers: they are read with numbered groups and made into events by
    # `tuple.__new__`, which skips a Python-level call each (a fifth of this function's time).
    new = tuple.__new__
    for match in matches:
        number, total = match.group(_NUM, _TOTAL)
        if number is not None:
            value = int(number)
            # `events.marker_event`'s tests, in the order that settles most markers first and
            # written as comparisons: a plain call per marker would cost this loop its speed.
            if not value or 1900 <= value < 2100:
                continue
            if total is None or not total.isdigit():
                start, end = match.span()
                append(new(Event, (start + 1, MARKER, value, end, False)))
            else:
                start, end = match.span()
                declared = int(total)
                plain = value <= declared and (declared < 13 or value > 12 or declared > 31)
                append(new(Event, (start + 1, MARKER if plain else DATE, value, end, False)))
            continue
        _classify(match, match.start() + 1, events, chrome, passing=passing)
    if (
        chrome
        or passing
        or any(needle in buf for needle in SUFFIX_NEEDLES)
        or may_hold_one_line_header(buf)
        or opens_with_header(buf)
        or fragment_line(buf) is not None
    ):
        resolved = resolve_chrome(buf, chrome, events, MARKER, passing)
        return read_teaser_openings(buf, _with_chrome(events, *resolved), resolved[3])
    return events


def _match_line(buf: ByteSource, start: int, end: int) -> tuple[re.Match[bytes] | None, int]:
    """`_LINE` matched at the line that starts at `start` (and ends by `end`), and how far the
    match's positions are shifted from the buffer's: the first line has no newline before it,
    so it is matched in a copy that has one."""
    if start > 0 and buf[start - 1] == 0x0A:
        return _LINE.match(buf, start - 1, end), 0
    return _LINE.match(b"\n" + bytes(buf[start:end])), start - 1


def _classify(
    match: re.Match[bytes],
    start: int,
    events: list[Event],
    chrome: list[tuple[int, int, bool]],
    shift: int = 0,
    *,
    passing: list[Line] | None = None,
) -> None:
    """Record the line at `start` that `match` read (`shift`: see `_match_line`); a line the
    thread goes on past goes to `passing` (with no list for them, among the strong chrome)."""
    kind = match.lastgroup
    if kind in ("marker", "opening", "pictured"):
        prefix = "" if kind == "marker" else kind + "_"
        number = match[prefix + "num"]
        event = marker_event(
            start,
            int(match["opening_slashed"] if number is None else number),
            match[prefix + "total"],
            match.end() + shift,
            kind == "opening",
        )
        if event is not None:
            events.append(event)
    elif kind == "slash_first":
        value = int(match["slashed"])
        if value:
            events.append(Event(start, MARKER, value, match.end() + shift))
    elif kind == "counted":
        value, total = int(match["counted_num"]), int(match["counted_total"])
        if 0 < value <= total and (
            match["counted_colon"] is not None or _in_a_run_of_counts(match, value, events)
        ):
            events.append(Event(start, MARKER, value, match.end() + shift))
    elif kind in ("end", "end_prefix"):
        events.append(Event(start, END, 0, match.end() + shift))
    elif kind == "head":
        events.append(Event(start, HEAD))
    elif kind == "emoji":
        events.append(Event(start, EMOJI))
    elif kind == "passing" and passing is not None:
        passing.append((start, match.end() + shift))
    else:
        chrome.append((start, match.end() + shift, kind == "strong"))


def _in_a_run_of_counts(match: re.Match[bytes], value: int, events: list[Event]) -> bool:
    """Whether the count `match` read alone on its line (`1 of 21`) follows the post numbered
    one less or comes before the next count, of one more and the same total: a run of counts
    numbers posts, where one count alone may be a score or a tally."""
    if events and events[-1].kind == MARKER and events[-1].number == value - 1:
        return True
    end = match.end()
    after = _NEXT_COUNT.search(match.string, end, end + _RUN_REACH)
    return after is not None and int(after[1]) == value + 1 and after[2] == match["counted_total"]


def read_line(buf: ByteSource, start: int, end: int) -> tuple[str | None, Event | None]:
    """How `read_structure` reads the line `buf[start:end]` by its own shape: "marker", "head",
    "emoji", "strong", "passing" or "weak" (chrome), or None for text; with the marker's event
    when the marker is a valid one. (Chrome judged by its neighbours or by its end is not seen
    here.)"""
    match, shift = _match_line(buf, start, end)
    if match is None:
        return None, None
    events: list[Event] = []
    _classify(match, start, events, [], shift)
    shape = (
        "marker"
        if match.lastgroup in ("opening", "pictured", "slash_first", "counted")
        else match.lastgroup
    )
    return shape, events[0] if events and events[0].kind == MARKER else None


def _with_chrome(
    events: list[Event],
    chrome: list[Line],
    passing: set[Line],
    listings: set[Line],
    numbers: dict[Line, int],
) -> list[Event]:
    """`events` with the confirmed chrome lines merged in, those of `passing` as `PASS`; chrome
    wins over any other reading. A chrome line in `listings` `opens` a listing: dates under it
    are chrome by it up to the next marker. A chrome line in `numbers` has the `number` it gives
    (`TEASER_EDGE`, `LISTING_HEAD`: a listing's teaser starts under it; `EMBED_END`)."""
    lines = {start for start, _ in chrome}
    merged = [event for event in events if event[0] not in lines]  # [0]: its start, read fast
    new = tuple.__new__
    merged += [
        new(
            Event,
            (
                start,
                PASS if (start, end) in passing else CHROME,
                numbers.get((start, end), 0),
                end,
                (start, end) in listings,
            ),
        )
        for start, end in chrome
    ]
    merged.sort()
    return merged


_BLANKS = frozenset(b" \t\n\v\f\r")


def blank_outside_posts(
    buf: bytearray, events: list[Event], *, keep_texts: bool = True
) -> tuple[dict[int, str], list[int], list[int]]:
    """Overwrite with spaces the bytes that are in no post but could touch post text: chrome
    lines, number markers glued to their text (`2/Text`) and pictures' marks ending a post's
    line (`pictures.blank_trailing`). Returns the chrome lines' text (nothing without
    `keep_texts`: counting needs none), the starts of the posts those marks begin, and the ends
    of the lines inside posts whose marks were blanked (`blanked_gaps`).

    Afterwards one scan of the whole buffer reads entities exactly as a scan of each post would:
    `2/$TSLA` no longer hides a cashtag behind a `/`, chrome mentions are gone. Lines stay where
    they were, since no newline is touched.
    """
    texts: dict[int, str] = {}
    blanks = _BLANKS
    size = len(buf)
    pictured: list[int] = []
    """Starts of the lines under a line that ends with `e`, perhaps a post's trailing `Image`
    (`pictures.blank_trailing`): found here rather than by a search of the whole buffer."""
    for start, kind, _, end, _ in events:  # unpacked: a field read by name costs more
        if start > 3 and (  # "ge\n", "ge\n\n": the end of "Image" on the line above
            (buf[start - 2] == 0x65 and buf[start - 3] == 0x67)
            or (buf[start - 3] == 0x65 and buf[start - 4] == 0x67)
        ):
            pictured.append(start)
        if kind == MARKER:
            if start and buf[start - 1] != 0x0A:  # glued to a picture mid-line: no line start
                blank_glued_picture(buf, start)
            if end < size and buf[end] == 0x49 and picture_then_text(buf, end):
                # `1/n Image The current …`: a picture's mark (or a run of them), no word of
                # the post; a run that ends the line is the post's only text and stays.
                stop = marks_end(buf, end + PICTURE_WORD, size)
                if stop < size and buf[stop] != 0x0A:
                    buf[end:stop] = b" " * (stop - end)
            if end <= start or buf[end - 1] in blanks:
                continue  # most markers: a space after them, nothing to blank
        elif kind in (CHROME, PASS):  # chrome of both kinds (post starts come later)
            if keep_texts:
                texts[start] = bytes(buf[start:end]).decode("utf-8", "replace")
        else:
            continue
        buf[start:end] = b" " * (end - start)
    post_starts, left, gaps = starts_under_pictures(buf, events)
    if pictured or may_end_in_picture(buf):
        post_starts += blank_trailing(buf, pictured)
    gaps += blank_marks_left(buf, left)
    return texts, post_starts, gaps
