"""The last line of a copy that stops in the middle of a line of chrome.

Copies are often cut short: the selection ends inside the footer (`Thank ` of "Thank you for
your support!", `• •` of the end marker, `Read 4 twe` of a teaser's count). What is left of the
line is chrome, not a thread nor a post's last words, when:

- it is the start of a line of a chrome rule known by its words alone, strong or passing
  (numbers stand for any number: `Read 4 twe` is the start of `Read 0 tweets`), not a whole
  chrome line, and
- it follows chrome; or, after a post's text, it is long enough to be no word of the post
  (`_DISTINCT` bytes), reads past a count into the line's words (`Read 4 twe`) or is the end
  marker's start: a post that ends in "Thank" or "Read 4" keeps it.

A copy's last line is cut when no newline ends the buffer, or when a space or tab ends the
line before the final newline (the cut fell after a word, and saving the copy added the
newline). A part of a source cut for counting always ends with a newline: it is never cut
under a line of the second kind (`is_cut_at_a_space`), so this never reads a part otherwise
than the whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from .byte_source import ByteSource
from .chrome_rules import CHROME_LINE, UNMISTAKABLE
from .neighbours import Line, previous_nonblank_line
from .rule_text import spelled_out
from .tweet_counts import starts_line_under_tweet

_SHORTEST = 2
_LONGEST = 200
_DISTINCT = 16
"""Bytes: a cut line this long that starts a known chrome line is no post's last words."""
_NUMBER = re.compile(rb"\d[\d,.]*")
# A count read on into the words of the chrome line it is the start of (`Read 4 twe`, under a
# listing's teaser): a post's own words would have to run into that line's words word for word.
# The count alone (`Read 4`) may still be a post's last words.
_COUNT_AND_WORDS = re.compile(rb"\d[ \t]+[^ \t\d]")
_BLANK = b" \t"
_BULLETS = re.compile(rb"\xe2\x80\xa2(?:[ \t]*\xe2\x80\xa2)?[ \t]*")
# A date heading a length on its line (`Mar 27 • `, `27 Mar 2024 `), up to the count after it.
_DATE_FIRST = re.compile(
    rb"(?:[A-Z][a-z]{2} \d{1,2}|\d{1,2} [A-Z][a-z]{2})(?:,? \d{4})?,?[ \t]+"
    rb"(?:\xe2\x80\xa2[ \t]*)?(?=\d)"
)


_ANY_WORD = b"\x00"
"""Written for a word a rule leaves open (`just \\w+ indie developers`): no text holds it."""
_WORD = re.compile(rb"\w+")


@cache
def _known_lines() -> tuple[bytes, ...]:
    """The lines of the chrome rules known by their words alone (`chrome_rules.UNMISTAKABLE`),
    written out by the rules themselves (`rule_text.spelled_out`), numbers as `0`, a word the
    rule leaves open as `_ANY_WORD`, in order. Written out when a copy first ends mid-line: most
    never do."""
    lines = (text for rule in UNMISTAKABLE for text, _ in spelled_out(rule, word=_ANY_WORD))
    return tuple(sorted({_NUMBER.sub(b"0", line) for line in lines}))


@cache
def _open_word_lines() -> tuple[tuple[bytes, ...], ...]:
    """The known lines with a word left open, as their texts between such words."""
    return tuple(tuple(line.split(_ANY_WORD)) for line in _known_lines() if _ANY_WORD in line)


def _past_an_open_word(shape: bytes, word_may_end: bool) -> int:
    """How many bytes of a known line's own text `shape` holds, read as the start of that line
    past a word the line leaves open: its texts in turn, any word where the line leaves one
    open (0: none). (`word_may_end`: see `cut_chrome_text`.)"""
    lines = _open_word_lines()
    return max((_starts_with_words(shape, texts, word_may_end) for texts in lines), default=0)


def _starts_with_words(shape: bytes, texts: tuple[bytes, ...], word_may_end: bool) -> int:
    """How many bytes of `texts` `shape` holds, when it is the start of the line of `texts`
    with any word between each two of them (0: it is not). A word alone is no line's start:
    any word is one. Unless `word_may_end`, `shape` may not stop at or inside such a word."""
    at = read = 0
    for index, text in enumerate(texts):
        if index:
            word = _WORD.match(shape, at)
            if word is None:
                return read if at == len(shape) else 0
            at = word.end()
        rest = shape[at:]
        if len(rest) <= len(text):
            ends_in_word = index > 0 and not rest
            if (ends_in_word and not word_may_end) or not text.startswith(rest):
                return 0
            return read + len(rest)
        if not rest.startswith(text):
            return 0
        at += len(text)
        read += len(text)
    return 0


def cut_last_line(buf: ByteSource) -> Line | None:
    """The last line, when the buffer stops inside it (see the module's docstring)."""
    end = len(buf)
    if not end:
        return None
    if buf[end - 1] == 0x0A:
        end -= 1
        if not end or buf[end - 1] not in _BLANK:
            return None
    return buf.rfind(b"\n", 0, end) + 1, end


def fragment_line(buf: ByteSource) -> Line | None:
    """The last line, when the buffer stops inside it and it is the start of a chrome line."""
    cut = cut_last_line(buf)
    if cut is None:
        return None
    start, end = cut
    text = bytes(buf[start:end]).strip()
    if len(text) < _SHORTEST or len(text) >= _LONGEST:
        return None
    return (start, end) if is_cut_chrome(text) else None


def is_cut_at_a_space(buf: ByteSource, line: Line) -> bool:
    """Would `line` be what is left of a chrome line, were it the last line with a newline
    after it? A source is not cut under such a line."""
    start, end = line
    if end - start < _SHORTEST or buf[end - 1] not in _BLANK:
        return False
    text = bytes(buf[start:end]).strip()
    return _SHORTEST <= len(text) < _LONGEST and (
        is_cut_chrome(text) or starts_line_under_tweet(text)
    )


def is_cut_chrome(text: bytes) -> bool:
    """Is `text` (a line, stripped) the start of a known chrome line and not a whole chrome line?
    A number stands for any number. A date before a length (`Mar 27 • 18 tweets • 5 mi`, an
    author page's teaser heading) may be read past: the length is the known line."""
    return cut_chrome_text(text, word_may_end=True) > 0


def cut_chrome_text(text: bytes, word_may_end: bool) -> int:
    """How many bytes of `text` (a line, stripped) are a known chrome line's own, when it is the
    start of that line and not a whole chrome line (0: it is not): all of them, but for the
    words the line leaves open (`Thread by @\\w+`), which may be anyone's. Unless
    `word_may_end`, a line that stops at or inside such a word (`Thread by @harbourmaster`) is
    not that line's start: the word may be the author's last."""
    own = _starts_known_line(text, word_may_end)
    if own:
        return own
    dated = _DATE_FIRST.match(text)
    if dated is None or dated.end() == len(text):
        return 0
    own = _starts_known_line(text[dated.end() :], word_may_end)
    return dated.end() + own if own else 0


def _starts_known_line(text: bytes, word_may_end: bool) -> int:
    """How many bytes of `text` are a known chrome line's own (`cut_chrome_text`), when it is
    the start of that line and not a whole chrome line; 0 when it is not."""
    if CHROME_LINE.fullmatch(text) is not None:
        return 0
    shape = _NUMBER.sub(b"0", text)
    known = _known_lines()
    # The lines that start with `shape` follow it in order: the first of them, or the one after
    # `shape` itself, is longer than it if any is.
    at = bisect_left(known, shape)
    at += at < len(known) and known[at] == shape
    if at < len(known) and known[at].startswith(shape):
        return len(text)
    own = _past_an_open_word(shape, word_may_end)
    # A number written as `0` is one byte of `shape`, more of `text`: only a line read in
    # full is counted as `text`'s length.
    return min(own, len(text))


def cut_off_fragment(buf: ByteSource, chrome: set[Line]) -> Line | None:
    """The last line of a copy that stops mid-line, when it is the start of a chrome line and
    follows chrome, or is distinct enough to follow anything (see the module's docstring)."""
    last = fragment_line(buf)
    if last is None:
        return None
    if previous_nonblank_line(buf, last[0]) in chrome:
        return last
    start, end = last
    text = bytes(buf[start:end]).strip()
    own = cut_chrome_text(text, word_may_end=False)
    if not own:
        return None
    if (end - start if own == len(text) else own) >= _DISTINCT:
        return last
    if _BULLETS.fullmatch(buf, start, end):
        return last
    if _COUNT_AND_WORDS.search(buf, start, end):
        return last
    return None
