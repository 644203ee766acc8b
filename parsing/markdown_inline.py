"""One line of a Markdown clipping as the plain text a reader sees, with the links it gave.

- `[text](url)` shows as its text; the URL comes back as a span over that text. A link to `#`
  or to an address ending in an empty `#` fragment is a button wired to a script (Thread
  Reader App's "force a refresh", the affiliate links it injects on ordinary words): its text
  stays, it gives no link.
- `![alt](url)` shows as `[image]` (a linked image too: the link's span covers the mark), but
  an unroller's picture of the author shows its alt text, `Name Profile picture`, as a copy of
  the page does.
- `<https://…>` shows as the address.
- HTML tags a clipper left in (`<video controls=""><source …>`, `<br>`, comments) go; the text
  between them stays.
- Backslash escapes show as the character escaped; `**strong**` and `==highlight==` lose their
  marks. Single `*` and `_` are left alone: in a post they are far more often an asterisk or
  part of a handle (`@a_b_c`) than emphasis, which tweets cannot carry anyway.
"""

from __future__ import annotations

import re
from typing import NamedTuple

IMAGE_MARK = "[image]"
_PROFILE_PICTURE = " Profile picture"


class Span(NamedTuple):
    """A link the Markdown gave: `text[start:end]` (code points) shows it, `url` is its target."""

    start: int
    end: int
    url: str


_TEXT = r"((?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)"
"""Link or alt text: escapes, and brackets only in balanced pairs one deep."""
_URL = r"[ \t]*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:[ \t]+\"[^\"]*\")?[ \t]*"
"""A destination (balanced parentheses allowed, as in Wikipedia addresses) and optional title."""
# An image whose alt text opens with another image (`![![Image](a)](b)`) is no image: the `!`
# ends the author's sentence ("important!") and a linked image follows.
_IMAGE = r"!\[(?!!\[)" + _TEXT + r"\]\(" + _URL + r"\)"
_TOKEN = re.compile(
    r"(?P<linked_image>\[[ \t]*" + _IMAGE + r"[ \t]*\]\(" + _URL + r"\))"
    r"|(?P<image>" + _IMAGE + r")"
    r"|(?P<link>\[" + _TEXT + r"\]\(" + _URL + r"\))"
    r"|(?P<autolink><(?:https?|mailto):[^\s<>]+>)"
    r"|(?P<comment><!--.*?(?:-->|$))"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[^<>]*)?/?>)"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<strong>\*\*|==)"
)
_ALNUM = re.compile(r"\w")


def inline_text(line: str) -> tuple[str, list[Span]]:
    """`line` as plain text, and the spans of the links it gave, in order."""
    pieces: list[str] = []
    spans: list[Span] = []
    length = 0
    at = 0
    for match in _TOKEN.finditer(line):
        before = line[at : match.start()]
        pieces.append(before)
        length += len(before)
        at = match.end()
        shown, url = _shown(match, line)
        if url is not None and shown and _is_target(url):
            spans.append(Span(length, length + len(shown), url))
        pieces.append(shown)
        length += len(shown)
    pieces.append(line[at:])
    return "".join(pieces), spans


def _shown(match: re.Match[str], line: str) -> tuple[str, str | None]:
    """What a token shows, and the URL it links to, if any."""
    kind = match.lastgroup
    groups = match.groups()
    if kind == "linked_image":
        return _image_shown(groups[1]), groups[3]
    if kind == "image":
        return _image_shown(groups[5]), None
    if kind == "link":
        text, url = groups[8], groups[9]
        shown = _plain(text)
        return (shown, url) if shown.strip() else (url, url)
    if kind == "autolink":
        url = match.group(kind)[1:-1]
        return url, url
    if kind == "escape":
        return match.group(kind)[1], None
    if kind == "strong" and _is_emphasis(line, match.start(), match.end()):
        return "", None
    if kind == "strong":
        return match.group(kind), None
    return "", None  # an HTML tag or comment


def _image_shown(alt: str) -> str:
    """What an image shows: `[image]`, or the alt text of an unroller's picture of the author
    (`Name Profile picture`), which a copy of the page gives as a line of text: it names the
    author, and is chrome as any such line is."""
    if alt.endswith(_PROFILE_PICTURE):
        return _plain(alt)
    return IMAGE_MARK


def _plain(text: str) -> str:
    """Link text without its own Markdown (escapes, emphasis, an image inside)."""
    shown, _ = inline_text(text)
    return shown


def _is_target(url: str) -> bool:
    """A link to somewhere: not empty, not `#` alone and not ending in an empty fragment."""
    return bool(url) and not url.endswith("#")


def _is_emphasis(line: str, start: int, end: int) -> bool:
    """`**` or `==` that opens (text right after it, none right before) or closes (the other
    way round) a stretch: `a == b` and `x==y` stay as written."""
    before = line[start - 1] if start > 0 else " "
    after = line[end] if end < len(line) else " "
    opens = not after.isspace() and not _ALNUM.match(before)
    closes = not before.isspace() and not _ALNUM.match(after)
    return opens or closes
