"""Markdown clippings (Obsidian Web Clipper and the like) as plain page text.

A clipping is a web page saved as Markdown: YAML front matter, then the page's visible text with
links, images and escapes written in Markdown, and now and then HTML the clipper could not
convert. `clipping_to_text` gives the text a copy of the page would have given, line for line:
line N of the result comes from line N of the clipping, so the line numbers the corpus reports
point into the file the user has. The page chrome stays in the text (`## Enter URL or ID to
Unroll` becomes `Enter URL or ID to Unroll`), to be recognised as on any copied page.

Line by line:

- the front matter is read (`ClipMeta`), then each of its lines becomes a blank line, and so
  does a line the clipper wrote from it (the title again as a heading, `Source: <address>`);
- a heading's `#` marks, a quote's `>` marks and a hard break's trailing spaces or `\\` go;
- links, images, escapes, emphasis and inline HTML: see `markdown_inline`;
- the line an X clipping template writes above each post (`**Name** @handle [date](address)`)
  is read like the front matter (a field it left empty is filled), then blanked, and marks a
  post start;
- leftovers of HTML tags cut in the middle (`thread#showTweet" data-tweet="…" dir="auto">`,
  `data-category="…" data-label="">`) go; the visible text after such a tail stays. A tail that
  names a post (`data-tweet="…"`) marks where one post of the page ends and the next begins:
  those lines are returned as `post_starts`;
- a paragraph that is one link to a thread on an unroller, under a `More from @x` heading or
  with others like it, is a teaser of another thread (`clipping_teasers`): those lines are
  returned as `thread_starts`, and a clipper's repeat of a teaser's text under its link is
  dropped;
- an escaped list number at a line start (`1\\.`, `2\\)`) shows as `1.` behind a WORD JOINER
  (U+2060). The backslash told the Markdown reader "this is text, not a list"; the parser would
  otherwise take a line-start `1.` for a post number, which this text is not (the author wrote
  a list inside one post). The joiner is invisible and takes no cell on screen, keeps the line
  readable and searchable, and no number-marker rule can match across it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .clipping_meta import ClipMeta, clip_meta, iso_date
from .clipping_teasers import Teasers
from .front_matter import front_matter
from .markdown_inline import Span, inline_text

WORD_JOINER = "\u2060"
_NEWLINE = re.compile(r"\r\n|\r|\n")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_RULE = re.compile(r"[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
_ESCAPED_NUMBER = re.compile(r"([ \t]*)(\d{1,4})\\([.)])")
_ATTRIBUTES = r"(?:[ \t]+[A-Za-z_:][\w:.-]*(?:=(?:\"[^\"]*\"|'[^']*'))?)*[ \t]*"
# The end of a tag whose start was cut off: what is left of an attribute value, its closing
# quote, more attributes, then `>`. The value's rest must show it is one (a `controller#action`
# name, or `=` attributes after it) so that a line opening with a quotation's last word and a
# closing quote stays text.
_TAIL_AFTER_VALUE = re.compile(
    r"[ \t]*(?P<value>[^\s\"<>=]*)\"(?P<attributes>" + _ATTRIBUTES + r")(?:/?>|$)"
)
_TAIL_OF_ATTRIBUTES = re.compile(
    r"[ \t]*[A-Za-z_:][\w:.-]*=(?:\"[^\"]*\"|'[^']*')" + _ATTRIBUTES + r"(?:/?>|$)"
)
_NAMES_A_POST = re.compile(r"data-tweet=\"\d+\"")
# The line an X clipping template writes above each post: the name in bold, the handle (its
# underscores escaped, `@\_ram\_`), and the date linked to the post's address, or the date
# alone, or nothing (a promoted post shows none).
_POST_HEADER = re.compile(
    r"[ \t]*\*\*(?P<name>[^*\n]{1,60})\*\*[ \t]+@(?P<handle>(?:\\_|\w){1,30})"
    r"(?:[ \t]+(?:\[(?P<date>[^\]\n]{1,40})\]"
    r"\(https?://(?:[\w-]+\.)?(?:x|twitter)\.com/\w{1,15}/status/\d+[^)\s]*\)"
    r"|(?P<plain_date>\d{4}-\d{2}-\d{2})))?"
    r"[ \t]*"
)


class LinkSpan(NamedTuple):
    """A link the Markdown gave: `text[start:end]` (code points into `ClippedPage.text`) shows
    it, `url` is its target. The corpus finds link entities in the text it reads; these are the
    links whose address the text no longer shows."""

    start: int
    end: int
    url: str


class ClippedPage(NamedTuple):
    text: str
    """The page as plain text, with exactly as many lines as the clipping."""
    meta: ClipMeta
    links: tuple[LinkSpan, ...]
    post_starts: tuple[int, ...]
    """1-based lines where the clipping's leftover HTML said a new post of the page begins (the
    first text line after each such tail)."""
    dropped: tuple[tuple[int, str], ...]
    """(1-based line, its text) of each line the clipper wrote rather than the page (a post
    header, the title again, `Source: …`): blank in `text`, to be listed as skipped."""
    thread_starts: tuple[int, ...] = ()
    """1-based lines where a teaser under `More from @x` begins another thread (see the
    module's note)."""


def clipping_to_text(raw: str) -> ClippedPage:
    """The plain text, front matter fields, links and post starts of the clipping `raw`."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    lines = _NEWLINE.split(raw)
    fields, skip = front_matter(lines)
    meta = clip_meta(fields)
    out: list[str] = [""] * skip
    links: list[LinkSpan] = []
    post_starts: list[int] = []
    dropped: list[tuple[int, str]] = []
    offset = skip  # the front matter's lines, each now an empty line and its newline
    post_pending = False
    teasers = Teasers()
    paragraph_open = False
    replies = _replies_by_others(lines, skip, meta.handle)
    for index, line in enumerate(lines[skip:], skip):
        if index in replies:
            if _line_text(line)[0].strip():
                dropped.append((len(out) + 1, line))
            out.append("")
            offset += 1
            continue
        spans: list[Span] = []
        header = _POST_HEADER.fullmatch(line)
        if header is not None:
            meta = _with_post_header(meta, header)
            shown, names_post = "", True
        else:
            shown, spans, names_post = _line_text(line)
        if header is not None or _repeats_meta(shown, meta) or teasers.repeats_teaser(shown):
            dropped.append((len(out) + 1, line))
            shown, spans = "", []
        post_pending = post_pending or names_post
        if post_pending and shown.strip():  # the tail's own line, when text follows it there
            post_starts.append(len(out) + 1)
            post_pending = False
        teasers.read(len(out) + 1, shown, spans, paragraph_open)
        paragraph_open = bool(shown.strip())
        links.extend(LinkSpan(offset + s.start, offset + s.end, s.url) for s in spans)
        out.append(shown)
        offset += len(shown) + 1
    return ClippedPage(
        "\n".join(out),
        meta,
        tuple(links),
        tuple(post_starts),
        tuple(dropped),
        tuple(teasers.finish()),
    )


def _with_post_header(meta: ClipMeta, header: re.Match[str]) -> ClipMeta:
    """`meta` with what a post header says filled in where the front matter said nothing."""
    date = header["date"] or header["plain_date"]
    return meta._replace(
        author=meta.author or header["name"].strip(),
        handle=meta.handle or _handle(header),
        date=meta.date or (iso_date(date.strip()) if date else None),
    )


def _handle(header: re.Match[str]) -> str:
    return header["handle"].replace("\\_", "_")


def _replies_by_others(lines: list[str], skip: int, handle: str | None) -> set[int]:
    """The indexes of `lines` (from `skip` on) that hold posts by people other than the thread's
    author: from each post header naming another handle up to the next header. A clipping of a
    thread's page saves the replies and promoted posts under it with the same headers; they are
    no posts of the thread. The author is the front matter's handle, else the first header's."""
    headers = [
        (index, _handle(header))
        for index in range(skip, len(lines))
        if (header := _POST_HEADER.fullmatch(lines[index])) is not None
    ]
    if not headers:
        return set()
    owner = (handle or headers[0][1]).lower()
    found: set[int] = set()
    for position, (index, named) in enumerate(headers):
        if named.lower() != owner:
            end = headers[position + 1][0] if position + 1 < len(headers) else len(lines)
            found.update(range(index, end))
    return found


def _repeats_meta(shown: str, meta: ClipMeta) -> bool:
    """Is the line one the clipper wrote from its own fields (the title as a heading, a
    "Source: <address>" line)? Those are the clipping's, not the page's."""
    text = shown.strip()
    if not text:
        return False
    if text == meta.title:
        return True
    label, _, value = text.partition(":")
    return label.strip().lower() in ("source", "url") and value.strip() == meta.source


def _line_text(line: str) -> tuple[str, list[Span], bool]:
    """One body line as plain text, its link spans, and whether it was a tail naming a post."""
    names_post = False
    tail = _tag_tail(line)
    if tail:
        names_post = _NAMES_A_POST.search(line, 0, tail) is not None
        line = line[tail:]
    if _RULE.fullmatch(line):
        return "", [], names_post
    line = _block_marks(line)
    line = _ESCAPED_NUMBER.sub(lambda m: m.group(1) + WORD_JOINER + m.group(2) + m.group(3), line)
    shown, spans = inline_text(line)
    end = len(shown.rstrip())
    return shown[:end], [s for s in spans if s.start < end], names_post


def _tag_tail(line: str) -> int:
    """How long the leftover tag end at the start of `line` is (0: none)."""
    match = _TAIL_AFTER_VALUE.match(line)
    if match is not None and ("#" in match["value"] or "=" in match["attributes"]):
        return match.end()
    match = _TAIL_OF_ATTRIBUTES.match(line)
    return match.end() if match is not None else 0


def _block_marks(line: str) -> str:
    """`line` without a heading's or quote's marks and a hard break's `\\`."""
    heading = _HEADING.match(line)
    if heading is not None:
        line = _CLOSING_HASHES.sub("", line[heading.end() :])
    quote = _QUOTE.match(line)
    if quote is not None:
        line = line[quote.end() :]
    if line.endswith("\\") and not line.endswith("\\\\"):
        line = line[:-1]
    return line
