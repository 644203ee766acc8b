"""Properties over random text built from the pieces the parser cares about: markers, heads,
emoji leads, chrome, entity sigils, flags, line ends of every kind (the entity scan's own:
test_entity_properties)."""

from __future__ import annotations

import codecs
import os
import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from parsing.decoding import decode, utf16_encoding
from parsing.search import threads_matching, threads_matching_slowly

from .helpers import parse_bytes, parse_text, shares_a_glued_line, summary

PIECES = [
    "1/", "2/", "3/ ", "4/", "2/5 ", "(2/5)", "[1/4]", "1/n", "10/31", "24/7", "3/4 of",
    " 2/x", "…1/4", " (1 of 5)", ".2/", " end/", " /end",
    "🧵", "🧵 ", "THREAD", "THREAD ", "Thread: ", "⚡️", "⚡️⚡️⚡️", "👇", " 1/",
    "• • •", "Missing some Tweet in this thread? You can try to", "force a refresh", ".",
    "Share", "Read on X", "Keep Current with", "More from @someone", "12,345 views",
    "3 tweets • 1 min read", "Profile picture", "Read all threads", "Image", ".Image",
    "@", "＠", "#", "＃", "$", "…", "@bob", "@alicecarnegie", "carnegie.ru", "example.com",
    "/path", "/x/1…", "https://", "t.co/abc", "#tag", "$TSLA", "$5.20b", "RT",
    "🇷🇺", "🇦🇲", "🇨🇳", "🇺", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "\n", "\n", "\n", "\r", "\r\n", "\n\n", " ", " ", "\t", "\ufeff", "\u2028", "\x85", "\x0b",
    "\x00", "\x1b[2J", "a", "word", "Й", "é", "İ", "ß", "ﬀ", "沈阳", "😀", "\u200d",
    ". 1/2 cup", " by 1/5", " by Image", "1/3 ",
    " — Ana (@ana) May 2, 2021", "— Bo (@bo) May 2, 2021", " pic.twitter.com/Ab1", "(@",
]  # fmt: skip

LEADS = [
    "", "", "", "1/ ", "2/ ", "3/", "5/ ", "1/5 ", "(2/5) ", "[3/4] ", "🧵 1/ ", "THREAD 1/ ",
    "THREAD", "🧵 ", "⚡️⚡️⚡️", "1/n", "24/7 ", "• • •", "force a refresh", "Share", "  ",
    "2/", "end/", "/2 ", "1. ", "2) ", "🧵1/5", "2020/2021 ", "10/31 ", "2/15 ", "3/15 ",
    "— Ana (@ana) May 2, 2021", "— Bo (@bo) May 2, 2021", "A thread 👇",
    "A thread written by @ana", "**", "Bo @bo · 2020-01-12",
    "Ana  @ana  Tides.  Mar 3, 2019  ** 1 min read", "1/2 cup ", "Feb 2 • 3 tweets • 1 min read",
    "You can follow @ana.", "Ana + Your Authors @ana Mar 3 1 min read", "Sep 2", "Jun 22, 2021",
    "Seaside cottages " * 12,
    "4 min read", "·", "Follow", "12", "Discover more from Ana", "Discussion about this post",
    "312 followers · 4 following", "Press enter or click to view image in full size",
    "Tip: mention @twtextapp on a Twitter thread with", "Latest Threads Unrolled:", "Sign up",
    "7:40 AM · Apr 14, 2021", "Quote", "Post your reply", "Sourced from across X",
    "– Ana (@ana) May 2, 2021", "-- Bo (@bo) May 2, 2021",
]  # fmt: skip
pieces = st.sampled_from(PIECES) | st.text(max_size=4)
line = st.tuples(st.sampled_from(LEADS), st.lists(pieces, max_size=6).map("".join)).map("".join)
lines_text = st.tuples(
    st.lists(line, max_size=15), st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
).map(lambda parts: parts[1].join(parts[0]))
texts = st.lists(pieces, max_size=60).map("".join) | lines_text
"""Random text: loose pieces, or lines that often open with a marker, head or chrome."""
EXAMPLES = int(os.environ.get("THREADLINE_PROPERTY_EXAMPLES", "300"))
"""Raise it for a longer hunt: THREADLINE_PROPERTY_EXAMPLES=5000 pytest tests/parsing."""
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
LINE_END = re.compile(r"\r\n|\r|\n")
ASCII_BLANK = " \t\v\f"


def source_lines(text: str) -> list[str]:
    """The lines of `text` as the parser numbers them: BOM dropped, universal newlines."""
    return LINE_END.split(text.removeprefix("\ufeff"))


def decoded_lines(text: str) -> list[str]:
    """The lines of `text`'s UTF-8 bytes as the parser reads them: bytes that look like
    BOM-less UTF-16 (a NUL in every other byte, as in `\\x00\\r\\xc2\\x80`) are read as
    UTF-16 (`decoding.utf16_encoding`), so their lines are not the UTF-8 text's."""
    data = decode(text.encode("utf-8", "surrogatepass")).data
    return data.decode("utf-8").split("\n")


@PROPERTY
@given(texts)
def test_parsing_text_never_raises(text: str) -> None:
    corpus = parse_text(text)
    for thread in range(corpus.thread_count):
        corpus.title(thread)
        corpus.missing(thread)
    for post in range(corpus.post_count):
        corpus.post_text(post)


@PROPERTY
@given(st.binary(max_size=300))
def test_parsing_bytes_never_raises(raw: bytes) -> None:
    corpus = parse_bytes(raw)
    assert all(corpus.post_text(post) is not None for post in range(corpus.post_count))


@PROPERTY
@given(texts)
@example("1/ Image3/ 1/")  # a picture glued to a marker, with no text of the post above it
@example("\x00\r\x80")  # a NUL then a lone CR: bytes read as BOM-less UTF-16, `\r슀`
@example("Word.\nImage\nWord.\n\nImage Image\n\nWord. Image\nWord\n")  # marks ending posts
@example("1/ Word. Image\nword\n\nImage\nWord\n2/ Word. Image\nWord\n")  # marks inside posts
@example("Mar 3 • 5 tweets • 1 min read\nA title\n1/ Text one.\nMore of it.2/ Text two.\n")
@example("Most recents (9)\nAn opening.\n\nA thread 🧵\nOne. /1\nTwo. /2\nRead 5 tweets\n")
@example("A title\n1 of 3\n2 of 3:\n\nTwo.\n3 of 3:\n\nThree.\n")
@example("More from @someone\n1/1/\n1/ 1/")  # a teaser's closing `1/` opens the shared line
def test_every_line_is_in_one_post_or_skipped(text: str) -> None:
    """Non-blank lines land in exactly one post range or one skipped entry; ranges are disjoint
    (but for a line a glued marker splits between two posts), in order, and start and end on
    non-blank lines."""
    corpus = parse_text(text)
    lines = decoded_lines(text)
    owner: dict[int, str] = {}
    previous_end = 0
    for thread in range(corpus.thread_count):
        for post in corpus.thread_posts(thread):
            first, last = corpus.posts.first_line[post], corpus.posts.last_line[post]
            shared = first == previous_end and shares_a_glued_line(
                corpus, post - 1, post, lines[first - 1]
            )
            assert previous_end < first or shared, (first, last)
            assert first <= last <= len(lines), (first, last)
            previous_end = last
            assert lines[first - 1].strip(ASCII_BLANK), f"post {post} starts on a blank line"
            assert lines[last - 1].strip(ASCII_BLANK), f"post {post} ends on a blank line"
            for line in range(first + shared, last + 1):
                assert line not in owner, f"line {line} is in {owner[line]} and post {post}"
                owner[line] = f"post {post}"
    for entry in corpus.skipped:
        assert entry.line not in owner, f"skipped line {entry.line} is also in {owner[entry.line]}"
        owner[entry.line] = "skipped"
        assert entry.text.strip() == lines[entry.line - 1].strip(), entry
    for number, line in enumerate(lines, 1):
        if line.strip(ASCII_BLANK):
            assert number in owner, f"line {number} {line!r} is dropped"


@PROPERTY
@given(st.data(), texts)
def test_fast_search_equals_slow_search(data: st.DataObject, text: str) -> None:
    """Queries cut from the source text or from a post's text (which may join a lead line to
    the text after its marker)."""
    corpus = parse_text(text)
    posts = [corpus.post_text(post) for post in range(corpus.post_count)]
    haystack = data.draw(st.sampled_from([text, *posts]))
    start = data.draw(st.integers(0, len(haystack)))
    length = data.draw(st.integers(1, 12))
    query = data.draw(st.sampled_from([haystack[start : start + length] or "a", "A", "é", "İ"]))
    assert threads_matching(corpus, query) == threads_matching_slowly(corpus, query)


@PROPERTY
@given(texts)
@example("\x00")  # a BOM then a NUL: still UTF-8
@example("1/ a\x00b\x00c\x00")
def test_crlf_and_bom_copy_parses_identically(text: str) -> None:
    """The same text with \\r\\n line ends and a UTF-8 BOM gives the same corpus."""
    assume(utf16_encoding(text.encode()) is None)  # BOM-less UTF-16 look-alikes: see below
    base = parse_text(text)
    lines = source_lines(text)
    copy = parse_bytes(codecs.BOM_UTF8 + "\r\n".join(lines).encode("utf-8"))
    assert summary(copy) == summary(base)


def _also_utf32(data: bytes) -> bool:
    if not data.startswith(codecs.BOM_UTF32_LE) or len(data) == 4 or len(data) % 4:
        return False
    try:
        data[4:].decode("utf-32-le")
    except UnicodeDecodeError:
        return False
    return True


@PROPERTY
@given(texts)
@example("\x00")  # BOM + U+0000 in UTF-16 LE is also a UTF-32 LE BOM: still UTF-16
@example("\x00ab")
def test_utf16_copy_parses_identically(text: str) -> None:
    """The same text in UTF-16 LE and BE with a BOM gives the same corpus.

    Texts whose UTF-8 bytes look like BOM-less UTF-16 (a NUL in every other byte) are left out
    of both copy tests: the parser deliberately sniffs such bytes as UTF-16. So are the texts
    whose UTF-16 LE copy is also valid UTF-32 LE (a NUL first, then a character up to U+0010
    in every other place): those bytes mean both, and the decoder has to guess.
    """
    assume(utf16_encoding(text.encode()) is None)
    plain = text.removeprefix("\ufeff")
    assume(not _also_utf32(codecs.BOM_UTF16_LE + plain.encode("utf-16-le")))
    base = parse_text(text)
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        copy = parse_bytes(bom + plain.encode(codec))
        assert summary(copy) == summary(base)
