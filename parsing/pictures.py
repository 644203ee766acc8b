"""`Image`: what a copied page shows where a post had a picture.

A copy of an unroller page puts `Image` where a post's picture was: on a line of its own, at the
end of the post's last line (`… this week. Image`), or glued to the next post's marker
(`Image2/ Text`, read as that marker by `lines`). None of it is post text:

- alone on its line between two posts (the next non-blank line is a number marker), it is
  chrome the thread goes on past. Between two paragraphs of one post it is the post's picture,
  blanked where it stands (`picture_runs`): cutting the post there would make its second half a
  post of its own; but in a run of such marks under unnumbered posts each ends its post
  (`picture_runs.lone_marks_ending_posts`). Next to other chrome it is chrome (a weak line, see
  `chrome`);
- at the end of a post's last line, after the end of a sentence or after a word and a space
  (Thread Reader App prints the mark after the post's text, and a caption often has no full
  stop: `… under the vineyard Image`), it is blanked out of the buffer, so the post ends before
  it and its line stays in the post. After a determiner or a preposition (`the Image`,
  `published by Image`) it is a noun of the sentence and stays. Since the mark follows a post's
  text, a line above a post's last that ends with one too ends a post of its own (unnumbered
  posts one a line, each with its picture): the run of such lines up from a post's end is
  blanked alike, each line under one starting a post (`blank_trailing`). A pictured line alone
  above text that ends in no picture stays in its post, its mark blanked all the same: one post
  may show a picture before more of its text (a quoted tweet's), and no run says otherwise
  (`picture_runs.blank_marks_left`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from .byte_source import ByteSource
from .emoji_bytes import EMOJI_CHAR
from .neighbours import Line, next_nonblank_line, previous_nonblank_line, trim_end

Structure = tuple[int, int, int, int, bool]
"""A line of structure as `events.Event` gives it: its start and its kind first."""

# A clipping's `[image]` is the visible mark of a picture in a post (`clipping_text`): not here.
# A post with several pictures shows a mark for each (`Image Image`): a run of marks is read as
# one.
_ALONE = re.compile(rb"[ \t]*Image(?:[ \t]*Image)*[ \t.]*")
_WORD = b"Image"
# Marks glued together (`ImageImage`) up to a blank: glued to more letters they are a word.
_GLUED_MARKS = re.compile(rb"(?:Image){2,}(?=[ \t\n]|\Z)")
# What ends the sentence before a trailing `Image`: a full stop, `!`, `?`, `…`, a colon (`the
# chart: Image`), a closing quote or bracket, an emoji.
_SENTENCE_END = re.compile(
    rb"(?:[.!?:)\]\"']|\xe2\x80\xa6|\xe2\x80\x9d|" + EMOJI_CHAR + rb")[ \t]*\Z"
)
_LONGEST_END = 4
"""Bytes: the longest mark `_SENTENCE_END` reads (an emoji's UTF-8)."""
# The last word before a trailing `Image` and the blanks after it: a picture mark after a word
# is one only with a space between (`MyImage` is a word).
_WORD_BEFORE = re.compile(rb"(\S+)[ \t]+\Z")
# Words after which `Image` is a noun of the sentence, not a picture's mark: a determiner
# (`Here is the Image`), or a word a sentence runs on from (`RUNS_ON`).
DETERMINERS = frozenset(
    b"a an the this that these those my your his her its our their no each every any some "
    b"one which what whose".split()
)
RUNS_ON = frozenset(
    b"by from of with at to for in on into onto via about like than per under over out off up "
    b"down around and or but nor is was are were be been being nearly almost only just "
    b"roughly".split()
)
"""Words a sentence does not end with (a preposition, a conjunction, a form of `to be`, a word
of degree): what follows one is the sentence's own, its object or its measure (`Saga,
published by Image`, `cut the tolls by 1/5`), not a picture's mark or a post's number."""

_LIST_NUMBER = re.compile(rb"[ \t]*\d{1,3}[.)][ \t]")
"""A line opening with a list number: whether it starts a post is read with the other numbers
of its run (`list_numbers`), which a post start given here would cut."""


def between_posts(
    buf: ByteSource, weak: Iterable[Line], events: Sequence[Structure], marker: int
) -> list[Line]:
    """The lone `Image` lines of `weak` whose next non-blank line is a number marker (the
    `events` of kind `marker`, in order), or that end the text."""
    found = []
    for line in weak:
        if not _ALONE.fullmatch(buf, *line):
            continue
        below = next_nonblank_line(buf, line[1])
        if below is None or is_marker_at(events, marker, below[0]):
            found.append(line)
    return found


def is_lone_picture(buf: ByteSource, start: int, end: int) -> bool:
    """Is the line `buf[start:end]` a picture's `Image` alone?"""
    return _ALONE.fullmatch(buf, start, end) is not None


def ends_in_picture(buf: ByteSource, line: Line) -> bool:
    """Does the line end with `Image`? A source is not cut under such a line: whether the
    picture is post text depends on the line under it."""
    start, end = line
    while end > start and buf[end - 1] in b" \t.":
        end -= 1
    return bytes(buf[max(start, end - len(_WORD)) : end]) == _WORD


PICTURE_WORD = len(_WORD)
# The mark, then a sentence's start: `Image quality matters` is a post's own words.
_THEN_TEXT = re.compile(rb"Image[ \t]+[A-Z0-9\"'(#@\x80-\xff]")


def picture_then_text(buf: ByteSource, at: int) -> bool:
    """Is `buf[at:]` a picture's mark right after a post's number, with a sentence after it on
    the line (`1/n Image The current …`)? Thread Reader App prints a post's picture after its
    text, never before it: a copy that runs a teaser's posts together puts there the picture
    of the post above, which is no text of the post the number heads."""
    return _THEN_TEXT.match(buf, at) is not None


def blank_trailing(buf: bytearray, under: Sequence[int]) -> list[int]:
    """Blank a sentence's trailing `Image` on a line that ends a post: the last non-blank line
    above each line start of `under` (lines of structure: markers, chrome), and the buffer's
    last non-blank line; and on each line above such a line that ends with a picture's mark
    too, in a run up from it (blank lines between). Thread Reader App prints a post's pictures
    after its text, so each line of the run ends a post as well (posts one a line, each with
    its picture), and the text under it starts the next: returns those lines' starts (but for
    lines opening with a list number, see `_LIST_NUMBER`)."""
    spots = []
    for start in under:
        above = previous_nonblank_line(buf, start)
        if above is not None and buf.endswith(_WORD, *above):
            spots.append(above)
    last = last_nonblank_line(buf)
    if last is not None and buf.endswith(_WORD, *last):
        spots.append(last)
    ends = [line for line in spots if _blank_mark(buf, line)]
    starts: list[int] = []
    for end in ends:
        below, above = end, previous_nonblank_line(buf, end[0])
        while above is not None and buf.endswith(_WORD, *above) and _blank_mark(buf, above):
            if not opens_with_list_number(buf, below):
                starts.append(below[0])
            below, above = above, previous_nonblank_line(buf, above[0])
    return starts


def opens_with_list_number(buf: ByteSource, line: Line) -> bool:
    """Does `line` open with a list number (`_LIST_NUMBER`)?"""
    return _LIST_NUMBER.match(buf, *line) is not None


def marks_start(buf: ByteSource, start: int, spot: int) -> int:
    """Where the run of picture marks that ends with the `Image` at `spot` starts, on the line
    (or text) from `start`: a post with several pictures shows a mark for each, a blank apart
    (`… at dawn. Image Image`) or none (`… at dawn. ImageImage`, as a copy glues them). The
    run's first mark follows a blank, the line's start or a sentence's end: in `MyImage` it is
    a word."""
    while True:
        before = spot
        while before > start and buf[before - 1] in b" \t":
            before -= 1
        word = before - len(_WORD)
        if word < start or buf[word:before] != _WORD:
            return spot
        if word > start and buf[word - 1] not in b" \t" and buf[word - len(_WORD) : word] != _WORD:
            # Glued to what precedes it: a sentence's end (`dawn.ImageImage`), or a word.
            return word if ends_sentence(buf, start, word) else spot
        spot = word


def marks_end(buf: ByteSource, at: int, stop: int) -> int:
    """Past the blanks after a picture's mark ending at `at` and any more marks of its run,
    each with the blanks after it, up to `stop` (see `marks_start`)."""
    while at < stop and buf[at] in b" \t":
        at += 1
    while buf[at : at + len(_WORD)] == _WORD and (
        at + len(_WORD) >= stop
        or buf[at + len(_WORD)] in b" \t\n"
        or _GLUED_MARKS.match(buf, at, stop) is not None
    ):
        at += len(_WORD)
        while at < stop and buf[at] in b" \t":
            at += 1
    return at


def _blank_mark(buf: bytearray, line: Line) -> bool:
    """Blank the `Image` that ends `line`, with the marks of its run before it, where it is a
    picture's mark after the line's text (`ends_text`); the line stays in its post. True when
    blanked."""
    start, end = line
    spot = marks_start(buf, start, end - len(_WORD))
    if spot > start and ends_text(buf, start, spot):
        buf[spot:end] = b" " * (end - spot)
        return True
    return False


def without_trailing_picture(buf: ByteSource, start: int, end: int) -> int:
    """Where a post's text `buf[start:end]` ends without the picture mark its last line ends
    with, as `blank_trailing` reads it: for posts that only the layout finds (numbered like a
    list), whose ends the blanking before it could not know."""
    end = trim_end(buf, start, end)
    if end - start < len(_WORD) or buf[end - len(_WORD) : end] != _WORD:
        return end
    line_start = max(buf.rfind(b"\n", start, end - len(_WORD)) + 1, start)
    spot = marks_start(buf, line_start, end - len(_WORD))
    if spot > line_start and ends_text(buf, line_start, spot):
        return trim_end(buf, start, spot)
    return end


def ends_sentence(buf: ByteSource, start: int, end: int) -> bool:
    """Does `buf[start:end]` end a sentence (blanks after it aside): a full stop, `!`, `?`, `…`,
    `:`, a closing quote or bracket, an emoji?"""
    # Only the few bytes before the blanks are looked at (the longest mark is an emoji's
    # four): a search from `start` would scan the whole line on every call.
    text_end = end
    while text_end > start and buf[text_end - 1] in b" \t":
        text_end -= 1
    return _SENTENCE_END.search(buf, max(start, text_end - _LONGEST_END), end) is not None


def ends_text(buf: ByteSource, start: int, spot: int) -> bool:
    """Does `buf[start:spot]`, a line's text before a trailing `Image`, end where a post's text
    does: a sentence's end, or a word (ending in a letter or digit, so that a bare marker,
    `1/ Image`, keeps its only text) that is no determiner or possessive, nor a word a
    sentence runs on from (`RUNS_ON`)?"""
    if ends_sentence(buf, start, spot):
        return True
    before = _WORD_BEFORE.search(buf, start, spot)
    if before is None:
        return False
    word = before[1].decode("utf-8", "replace")
    possessive = word.endswith(("'s", "\u2019s"))  # `its maker's Image`: a noun as well
    lowered = word.lower().encode()
    return (
        word[-1].isalnum()
        and not possessive
        and lowered not in DETERMINERS
        and lowered not in RUNS_ON
    )


def picture_after(buf: ByteSource, start: int, end: int) -> int:
    """Past a picture's `Image` at `start` and the blanks after it, on the line ending at
    `end` (`start` when no such word stands there): the mark after a post's number."""
    stop = start + len(_WORD)
    if buf[start:stop] != _WORD or (stop < end and buf[stop] not in b" \t"):
        return start
    while stop < end and buf[stop] in b" \t":
        stop += 1
    return stop


def may_end_in_picture(buf: ByteSource) -> bool:
    """Could the buffer's last non-blank line end with `Image` (a quick look at its tail)?"""
    return bytes(buf[-256:]).rstrip().endswith(_WORD)


def last_nonblank_line(buf: ByteSource) -> Line | None:
    """The buffer's last non-blank line, with or without a newline after it."""
    return previous_nonblank_line(buf, len(buf) + (buf[-1:] != b"\n"))


def is_marker_at(events: Sequence[Structure], marker: int, start: int) -> bool:
    """Is the line at `start` one of the `events` (in order) of kind `marker`?"""
    at = bisect_left(events, (start,))
    return at < len(events) and events[at][0] == start and events[at][1] == marker


# A picture's mark between blanks in the middle of a line, after an emoji (a teaser's first
# post ends with its thread emoji, `🧵👇`), a sentence opening after it. After a full stop
# `Image` may open the author's own sentence (`the end. Image Comics bought …`).
_MID_LINE_PICTURE = re.compile(rb"(?<=[^ \t\n])[ \t]+Image[ \t]+(?=[A-Z0-9\"'(#@\x80-\xff])")
_ENDS_WITH_EMOJI = re.compile(EMOJI_CHAR + rb"\Z")


def picture_between_posts(buf: ByteSource, start: int, stop: int) -> tuple[int, int] | None:
    """In an unnumbered teaser's text `buf[start:stop]`, the first picture's mark in the middle
    of a line after an emoji, with a sentence after it (`… died 🧵👇 Image The quay
    …`): where the first post's text ends and the next post's starts, or None. Thread Reader
    App prints a post's picture after its text, and a teaser runs its posts together: the mark
    stands where the line break between the two posts was. After a word or a full stop
    (`the Image Comics shop`, `… the end. Image Comics …`) it may be the sentence's own."""
    for match in _MID_LINE_PICTURE.finditer(buf, start, stop):
        before = max(start, match.start() - _LONGEST_END)
        if _ENDS_WITH_EMOJI.search(buf, before, match.start()):
            return match.start(), match.end()
    return None
