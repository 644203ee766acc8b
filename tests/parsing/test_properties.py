"""Properties over random text built from the pieces the parser cares about: markers, heads,
emoji leads, chrome, entity sigils, flags, line ends of every kind."""

from __future__ import annotations

import codecs
import os
import re
from collections import Counter

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from parsing import extract_entities
from parsing.corpus import Corpus
from parsing.decoding import decode, utf16_encoding
from parsing.entities.batch import read_batch, spans_by_post
from parsing.entities.by_thread import tally_by_thread
from parsing.entities.extract import extract_spans
from parsing.entities.flags import flag_emoji
from parsing.entities.glued import _ASCII_AT_GLUED, GLUED, GluedEvidence
from parsing.entities.glued_counts import GluedSummary, apply_glued
from parsing.entities.hashtags import find_hashtags, find_hashtags_slowly
from parsing.entities.mentions import MENTION, find_mentions
from parsing.entities.spans import EntityKind, Span
from parsing.entities.tally import Tally, tally
from parsing.entities.urls import AT_TOKEN_WITHOUT_LINKS, scan_links, search_links
from parsing.index import glued_evidence
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
@given(
    st.lists(st.sampled_from(["@", "a", "Z", "0", "_", "-", ".", "/", "com", "ru", "xn--"]))
    .map("".join)
    .map(lambda token: "@" + token),
    st.booleans(),
)
def test_glued_tokens_the_shortcut_skips_hold_no_link(token: str, truncated: bool) -> None:
    """A token `links_in_token` answers at once (`@` and name, host and path characters, maybe
    a closing `…`) holds no link by the general search either."""
    raw = (token + ("…" if truncated else "")).encode()
    assert AT_TOKEN_WITHOUT_LINKS.fullmatch(raw)  # the shortcut would skip it
    assert list(search_links(raw, 0, len(raw))) == []


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


def entity_text_fits(kind: str, text: str, value: str, truncated: bool) -> bool:
    if kind == "mention":
        return text[0] in "@＠" and text[1:] == value
    if kind in ("hashtag",):
        return text[0] in "#＃" and text[1:] == value
    if kind == "cashtag":
        return text == "$" + value
    if kind == "flag":
        return flag_emoji(value) == text
    body = text[:-1] if truncated else text
    return truncated == text.endswith("…") and value in (body, "https://" + body)


@PROPERTY
@given(texts)
def test_entity_offsets_cut_out_their_text(text: str) -> None:
    buf = text.encode("utf-8")
    entities = extract_entities(text)
    spans = extract_spans(buf)
    assert len(spans) == len(entities)
    reach = 0
    for entity, span in zip(entities, spans, strict=True):
        assert entity.text == text[entity.start : entity.end]
        assert entity.text == buf[span.start : span.end].decode()
        assert reach <= entity.start < entity.end
        reach = entity.end
        assert entity_text_fits(entity.kind, entity.text, entity.value, entity.truncated), entity


def counters(spans_of_posts: list[list[object]]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("mention", "hashtag", "cashtag")}
    counts |= {"flag": Counter(), "link": Counter()}
    for spans in spans_of_posts:
        for span in spans:
            kind, value = span.kind.value, span.value  # type: ignore[attr-defined]
            counts[kind][value] += 1
    return counts


@PROPERTY
@given(st.lists(texts, min_size=1, max_size=3))
@example(["⚡️1/\n1/1/＠2/"])  # `＠2` is a mention, not a post's text and its number
def test_bulk_tally_equals_per_post_extraction(sources: list[str]) -> None:
    """What `stats` counts over whole buffers is what extraction finds post by post."""
    corpus = Corpus()
    for number, text in enumerate(sources):
        corpus.add_source(f"s{number}.txt", text.encode("utf-8"))
    whole = Tally()
    for source in corpus.sources:
        whole.add(tally(source.buf))
    evidence = GluedEvidence.gather(whole.domains, whole.glued_tokens())
    apply_glued(whole, evidence)
    per_post = [extract_spans(corpus.post_bytes(p), evidence) for p in range(corpus.post_count)]
    expected = counters(per_post)
    assert whole.counts() == {kind: c.total() for kind, c in expected.items()}
    assert +whole.mentions == expected["mention"]
    assert +whole.hashtags == expected["hashtag"]
    assert +whole.cashtags == expected["cashtag"]
    assert +whole.flags == expected["flag"]


@PROPERTY
@given(st.lists(texts, min_size=1, max_size=4), st.lists(texts, max_size=2))
def test_posts_read_in_one_batch_get_the_spans_each_gets_alone(
    pieces: list[str], evidence_texts: list[str]
) -> None:
    """Posts joined and read by one `extract_spans` call (what export does) get, each, the spans
    of reading the post alone, with the same glued-token evidence."""
    raws = [piece.encode("utf-8") for piece in pieces]
    evidence = GluedEvidence.gather(
        [
            span.value.removeprefix("https://").split("/")[0]
            for text in evidence_texts
            for span in extract_spans(text.encode())
            if span.kind.value == "link"
        ],
        [],
    )
    batch = spans_by_post(read_batch(raws, evidence))
    assert batch == [extract_spans(raw, evidence) for raw in raws]


@PROPERTY
@given(texts)
def test_posts_of_a_corpus_read_in_one_batch_get_their_own_spans(text: str) -> None:
    """The same for the posts of a parsed corpus, with its corpus-wide evidence."""
    corpus = parse_text(text)
    evidence = glued_evidence(corpus)
    raws = [corpus.post_bytes(post) for post in range(corpus.post_count)]
    batch = spans_by_post(read_batch(raws, evidence))
    assert batch == [extract_spans(raw, evidence) for raw in raws]


@PROPERTY
@given(texts)
def test_counts_by_thread_equal_each_thread_counted_alone(text: str) -> None:
    """The index counts every thread of a batch in one scan per pattern; each thread's counts
    are those of counting its text alone."""
    corpus = parse_text(text)
    buf = corpus.sources[0].buf if corpus.sources else b""
    spans = []
    for thread in range(corpus.thread_count):
        posts = corpus.thread_posts(thread)
        spans.append((corpus.posts.text_start[posts.start], corpus.posts.text_end[posts.stop - 1]))
    assert tally_by_thread(buf, spans) == [tally(buf, start, end) for start, end in spans]


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


@PROPERTY
@given(st.lists(texts, min_size=1, max_size=4))
def test_glued_summaries_of_parts_add_up_to_the_whole(sources: list[str]) -> None:
    """Glued tokens split from the summed summaries of separate parts (what forked parts of
    `stats` send back) give the same counts as splitting the whole tally's tokens."""
    buffers = [text.encode("utf-8") for text in sources]
    whole = Tally()
    for buf in buffers:
        whole.add(tally(buf))
    summed, by_parts = GluedSummary(), Tally()
    for buf in buffers:
        part = tally(buf)
        summed.add(GluedSummary.taken_from(part))
        assert not part.glued
        by_parts.add(part)
    evidence = GluedEvidence.gather(whole.domains, whole.glued_tokens())
    assert summed.evidence(by_parts.domains) == evidence
    apply_glued(whole, evidence)
    apply_glued(by_parts, evidence, summed)
    whole.glued.clear()  # the parts' tokens live on in the summary alone
    assert by_parts == whole


plain_link_tokens = st.builds(
    "{}{}{}.{}{}{}{}".format,
    st.sampled_from(["", "(", "[", '"', "'", "“", "((", "«", "-"]),
    st.sampled_from(["", "https://", "http://", "HTTPS://"]),
    st.lists(
        st.sampled_from(["a", "t", "news", "x-y", "a--b", "-a", "b-", "9", "a" * 63, "b" * 64]),
        min_size=1,
        max_size=3,
    ).map(".".join),
    st.sampled_from(["com", "ru", "org", "zz", "co", "COM", "t"]),
    st.sampled_from(["", "/", "/a/1", "/a.", "/a-", "/~x", "/%20", "/Ab12", "/" + "c" * 41]),
    st.sampled_from(["", "…"]),
    st.sampled_from(
        [
            "",
            ".",
            ",",
            ")",
            "),",
            ").",
            "!",
            "?",
            "?!",
            "'",
            '"',
            "”",
            ":",
            ";",
            "]",
            "'s",
            "=",
            "»",
        ]
    ),
)


@PROPERTY
@given(plain_link_tokens)
@example("https://" + "a" * 64 + ".com/x")
@example("a" * 63 + ".b" * 2 + ".com/x…")
def test_the_plain_link_shortcut_reads_a_token_as_the_general_rules_do(token: str) -> None:
    """A token the plain-link shortcut reads (any host of labels, dots and a top-level domain,
    with or without a scheme, path or `…`, in brackets or quotes, before punctuation) gives the
    links the general rules give: a label over 63 bytes or an unknown domain included."""
    raw = token.encode()
    assert list(scan_links(raw, 0, len(raw))) == list(search_links(raw, 0, len(raw)))


sigil_texts = st.lists(
    st.sampled_from(
        ["#", "＃", "@", "＠", "a", "Z", "9", "_", "&", "-", ".", "/", ":", "://", " ", "\n", "é",
         "ж", "\u200c", "\ufe0f", "・", "日", "🇷🇺", "…", "com", "ru", "x.org/p"]
    ),
    max_size=40,
).map("".join)  # fmt: skip
"""Text of sigils, name characters and what may stand before and after them."""


@PROPERTY
@given(sigil_texts | texts, st.integers(0, 8), st.integers(0, 8))
@example("#" + "a" * 5000, 0, 0)
@example("#" + "a" * 5000 + "é", 0, 0)
def test_the_hashtag_shortcut_reads_as_every_sign_does(text: str, cut: int, trim: int) -> None:
    """`find_hashtags` (ASCII hashtags by one pattern, the others sign by sign) gives what
    `hashtag_at` gives for every sign, over a whole text or a stretch of it; a name longer than
    `hashtag_at` reads whole included."""
    raw = text.encode()
    start, end = min(cut, len(raw)), max(min(cut, len(raw)), len(raw) - trim)
    assert list(find_hashtags(raw, start, end)) == list(find_hashtags_slowly(raw, start, end))


@PROPERTY
@given(sigil_texts | texts, st.integers(0, 8), st.integers(0, 8))
def test_the_ascii_at_patterns_read_as_the_full_ones(text: str, cut: int, trim: int) -> None:
    """Without a full-width at sign, the mention and glued-token patterns that start with `@`
    find what the patterns for both signs find."""
    raw = text.encode()
    start, end = min(cut, len(raw)), max(min(cut, len(raw)), len(raw) - trim)
    expected = [
        Span(EntityKind.MENTION, m.start(), m.end(), m.group(1).decode())
        for m in MENTION.finditer(raw, start, end)
    ]
    assert list(find_mentions(raw, start, end)) == expected
    if "＠".encode() not in raw[start:end]:  # else `find_glued` uses `GLUED` itself
        expected_glued = [m.span() for m in GLUED.finditer(raw, start, end)]
        assert [m.span() for m in _ASCII_AT_GLUED.finditer(raw, start, end)] == expected_glued
