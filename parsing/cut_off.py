"""The last line of a copy that stops in the middle of a line of chrome.

Copies are often cut short: the selection ends inside the footer (`Thank ` of "Thank you for
your support!", `• •` of the end marker, `Read 4 twe` of a teaser's count). What is left of the
line is chrome, not a thread nor a post's last words, when:

- it is the start of a known chrome line (numbers stand for any number: `Read 4 twe` is the
  start of `Read 0 tweets`), not the whole of it, and
- it follows chrome; or, after a post's text, it is long enough to be no word of the post
  (`_DISTINCT` bytes) or is the end marker's start: a post that ends in "Thank" keeps it.

A copy's last line is only cut when no newline ends the buffer; a part of a source cut for
counting always ends with one, so this never reads a part otherwise than the whole.
"""

from __future__ import annotations

import re

from .byte_source import ByteSource
from .neighbours import Line, previous_nonblank_line

_SHORTEST = 2
_LONGEST = 200
_DISTINCT = 16
"""Bytes: a cut line this long that starts a known chrome line is no post's last words."""
_NUMBER = re.compile(rb"\d[\d,.]*")
_BULLETS = re.compile(rb"\xe2\x80\xa2(?:[ \t]*\xe2\x80\xa2)?[ \t]*")
_KNOWN_LINES = tuple(
    line.encode()
    for line in (
        # Thread Reader App, above and under a thread.
        "• • •",
        "Missing some Tweet in this thread? You can try to force a refresh",
        "Missing some Tweets in this thread? You can try to force a refresh",
        "Enjoying this thread?",
        "Keep Current with",
        "Stay in touch and get notified when new unrolls are available from this author!",
        'Add to "My Authors"',
        "Read all threads",
        "Read 0 tweets",
        "0 tweets • 0 min read",
        ", 0 tweets, 0 min read Read on Twitter",
        "0 views",
        "This Thread may be Removed Anytime!",
        "Twitter may remove this content at anytime! Save it as PDF for later use!",
        "Save this thread as PDF",
        "Try unrolling a thread yourself!",
        "Follow @ThreadReaderApp to mention us!",
        "Practice here first or read more on our help page!",
        "You can practice here first or read more on our help page!",
        "Follow Us on Twitter!",
        "More from @",
        "Did Thread Reader help you today?",
        "Support us! We are indie developers!",
        "Become a Premium Member",
        "Too expensive? Make a small donation by buying us coffee",
        "Don't want to be a Premium member but still want to support us?",
        "Make a small donation by buying us coffee",
        "Donate via Paypal",
        "Or Donate anonymously using crypto!",
        "Thank you for your support!",
        "Share this page!",
        "Enter URL or ID to Unroll",
        "Send Email!",
        "Send Thread As Email!",
        "Email the whole thread instead of just a link!",
        "Here's a great thread you should read right now!",
        "Discover and read the best of Twitter Threads about #",
        "Related hashtags",
        # twtext, twunroll.
        "Tip: mention @twtextapp on a Twitter thread",
        "Latest Threads Unrolled:",
        # Old twitter.com.
        "Show this thread",
        "End of conversation",
        "New conversation",
        "This Tweet is unavailable.",
        "This Tweet was deleted by the Tweet author.",
        # Blogs.
        "Share this:",
        "Like this:",
        "Like Loading...",
        "Leave a Reply",
        "Leave a comment",
        "Cancel reply",
        "Continue reading",
        "Blog at WordPress.com.",
    )
)


def fragment_line(buf: ByteSource) -> Line | None:
    """The last line, when the buffer stops inside it and it is the start of a chrome line."""
    if not len(buf) or buf[len(buf) - 1] == 0x0A:
        return None
    start = buf.rfind(b"\n") + 1
    text = bytes(buf[start:]).strip()
    if len(text) < _SHORTEST or len(text) >= _LONGEST:
        return None
    shape = _NUMBER.sub(b"0", text)
    if any(known.startswith(shape) and known != shape for known in _KNOWN_LINES):
        return start, len(buf)
    return None


def cut_off_fragment(buf: ByteSource, chrome: set[Line]) -> Line | None:
    """The last line of a copy that stops mid-line, when it is the start of a chrome line and
    follows chrome, or is distinct enough to follow anything (see the module's docstring)."""
    last = fragment_line(buf)
    if last is None:
        return None
    if previous_nonblank_line(buf, last[0]) in chrome:
        return last
    start, end = last
    if end - start >= _DISTINCT or _BULLETS.fullmatch(buf, start, end):
        return last
    return None
