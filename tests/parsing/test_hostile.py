"""Broken and hostile input for the parser: encodings, control characters, and pathological
inputs that would make a quadratic algorithm hang.

Encodings: invalid UTF-8 is kept as U+FFFD and reported once per file; a UTF-8 BOM is dropped;
UTF-16 with a BOM reads like UTF-8; \\r\\n and lone \\r give the same corpus as \\n; NUL and other
control characters stay in the data and `safe_text.visible` shows them as symbols.

No hangs: each pathological input is loaded, exported and counted, and every line is accounted
for. Speed is never asserted here: the sizes are chosen so that quadratic behaviour would take
minutes (the suite would visibly hang) while the linear parser takes well under a second.
"""

from __future__ import annotations

import codecs
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from parsing import extract_entities, load_corpus
from parsing.corpus import Corpus
from parsing.safe_text import has_controls, visible
from parsing.stats import corpus_stats

from .helpers import numbers, parse_bytes, parse_text, summary
from .test_mutations import (
    assert_bulk_tally_equals_per_post,
    assert_entities_cut_out_their_text,
    assert_every_line_accounted,
    assert_export_validates,
    decoded_lines,
)

BASE = (
    "THREAD\n"
    "⚡️⚡️⚡️\n"
    "1/ Погода в горах: a note for 🇨🇭 and 🇦🇹 hikers, via @alpwatch. #snow\n"
    "\n"
    "2/ Huts stay open until October. Details at huts.example.org/autumn… $HUTS\n"
    "A second paragraph of the same post.\n"
    "\n"
    "3/Glued marker, then 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f.\n"
    "• • •\n"
    "Missing some Tweet in this thread? You can try to\n"
    "force a refresh\n"
    "A second thread without a number (1/3)\n"
    "(2/3) with a fraction marker and 沈阳 #тег\n"
    "3/ the end\n"
)
"""A corpus of two threads using most of what the layout knows, in plain UTF-8 with \\n."""

TAG_LETTERS = "".join(chr(0xE0061 + i) for i in range(26))


def load(raw: bytes, name: str = "hostile.txt") -> Corpus:
    corpus = Corpus()
    corpus.add_source(name, raw)
    return corpus


# -- encodings -----------------------------------------------------------------------------------

INVALID_SEQUENCES = {
    "lone-continuation": b"\x80",
    "ff": b"\xff",
    "truncated-2-byte": b"\xc3",
    "truncated-3-byte": b"\xe2\x82",
    "overlong-slash": b"\xc0\xaf",
    "surrogate": b"\xed\xa0\x80",
    "above-10ffff": b"\xf4\x90\x80\x80",
    "cut-flag": b"\xf0\x9f\x87",
}


@pytest.mark.parametrize("bad", INVALID_SEQUENCES.values(), ids=INVALID_SEQUENCES.keys())
def test_invalid_utf8_is_kept_as_replacement_characters(bad: bytes) -> None:
    """Each invalid sequence becomes U+FFFD in the post text (one per maximal invalid subpart,
    as Python's `replace` decodes it), the text around it is intact, and one warning names the
    file with the count."""
    raw = b"1/ before " + bad + b" after @bob\n2/ " + bad + bad + b"\n"
    corpus = load(raw, "broken.txt")
    expected = raw.decode("utf-8", "replace")
    count = expected.count("\ufffd")
    assert summary(corpus)["texts"] == [[line[3:] for line in expected.splitlines()]]
    assert corpus.post_text(0).startswith("before \ufffd")
    assert corpus.post_text(0).endswith(" after @bob")
    plural = "s" if count != 1 else ""
    assert corpus.warnings == [
        f"broken.txt: {count} invalid UTF-8 sequence{plural} replaced by U+FFFD"
    ]
    assert [e.text for e in extract_entities(corpus.post_text(0))] == ["@bob"]


def test_invalid_utf8_is_reported_once_per_file(tmp_path: Path) -> None:
    """Three files: two with many invalid bytes spread over many lines, one clean. Exactly one
    warning line for each broken file, naming it with its total count; none for the clean one."""
    lines = [f"{n}/ text {n} among enough ordinary words to read as text " for n in range(1, 200)]
    first = b"\n".join(line.encode() + b"\xff\xfe" for line in lines)
    second = b"\n".join(line.encode() + (b"\xc3" if n % 3 == 0 else b"") for n, line in
                        enumerate(lines))  # fmt: skip
    (tmp_path / "a.txt").write_bytes(first)
    (tmp_path / "b.txt").write_bytes(second)
    (tmp_path / "c.txt").write_bytes(BASE.encode())
    corpus = load_corpus([tmp_path])
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    assert corpus.warnings == [
        f"{a}: {2 * 199} invalid UTF-8 sequences replaced by U+FFFD",
        f"{b}: {len(range(0, 199, 3))} invalid UTF-8 sequences replaced by U+FFFD",
    ]
    assert corpus.post_text(0) == "text 1 among enough ordinary words to read as text \ufffd\ufffd"


def test_utf8_bom_is_dropped() -> None:
    """A UTF-8 BOM does not reach the first post or the title; the corpus equals the one
    without it (a second BOM right after it is text, kept)."""
    with_bom = parse_bytes(codecs.BOM_UTF8 + BASE.encode())
    assert summary(with_bom) == summary(parse_text(BASE))
    assert not with_bom.post_text(0).startswith("\ufeff")
    assert with_bom.sources[0].encoding == "utf-8-sig"
    assert with_bom.warnings == []
    twice = parse_bytes(codecs.BOM_UTF8 * 2 + b"1/ x")
    assert twice.post_text(0).startswith("\ufeff")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["le", "be"],
)
@pytest.mark.parametrize("line_end", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_utf16_with_bom_reads_like_utf8(bom: bytes, codec: str, line_end: str) -> None:
    """UTF-16 LE and BE with a BOM (non-BMP emoji as surrogate pairs, tag sequences, Cyrillic
    and CJK): the same threads, posts, texts, lines and entities as the UTF-8 copy."""
    base = parse_text(BASE)
    copy = parse_bytes(bom + BASE.replace("\n", line_end).encode(codec))
    assert summary(copy) == summary(base)
    assert copy.sources[0].encoding == codec
    assert copy.warnings == []
    for post in range(base.post_count):
        assert extract_entities(copy.post_text(post)) == extract_entities(base.post_text(post))


def test_odd_length_utf16_keeps_what_it_can() -> None:
    """UTF-16 cut in the middle of a code unit: the last half unit becomes U+FFFD, reported once;
    everything before it is read."""
    raw = codecs.BOM_UTF16_LE + "1/ hello\n2/ world".encode("utf-16-le") + b"\x00"
    corpus = parse_bytes(raw)
    assert summary(corpus)["texts"] == [["hello", "world\ufffd"]]
    assert len(corpus.warnings) == 1


@pytest.mark.parametrize(
    "convert",
    [
        lambda text: text.replace("\n", "\r\n"),
        lambda text: text.replace("\n", "\r"),
        lambda text: "".join(
            line + ("\r\n", "\r", "\n")[n % 3] for n, line in enumerate(text.split("\n"))
        ),
    ],
    ids=["crlf", "cr", "mixed"],
)
def test_crlf_and_lone_cr_give_the_same_corpus_as_lf(convert: Callable[[str], str]) -> None:
    """\\r\\n, lone \\r and a mix of all three line ends: the same threads, posts, texts, lines,
    skipped chrome and titles as \\n; no \\r survives in any post."""
    base = parse_text(BASE)
    copy = parse_text(convert(BASE))
    assert summary(copy) == summary(base)
    assert all("\r" not in copy.post_text(post) for post in range(copy.post_count))
    assert_every_line_accounted(copy, decoded_lines(convert(BASE).encode()))


CONTROL_TEXT = "a\x00b\x01c\x1b[2Jd\x07e\u009bf\x7fg\x1b]0;PWNED\x07h\ttab"
"""NUL, SOH, a CSI clear, BEL, a C1 CSI (U+009B, two bytes in UTF-8), DEL, an OSC title."""


def test_control_characters_are_kept_in_the_data() -> None:
    """Control characters inside post text are data: `post_text` returns them unchanged, the
    posts around them are laid out as usual, and no warning is given (they are valid UTF-8)."""
    corpus = parse_text(f"1/ {CONTROL_TEXT}\n2/ \x00\n3/ end\x1b")
    assert summary(corpus)["numbers"] == [[1, 2, 3]]
    assert corpus.post_text(0) == CONTROL_TEXT
    assert corpus.post_text(1) == "\x00"
    assert corpus.post_text(2) == "end\x1b"
    assert corpus.warnings == []


def test_visible_shows_control_characters_as_symbols() -> None:
    """`visible` maps each control character to a symbol one-for-one (same length, so entity
    offsets still fit): ␀ ␁ ␛ ␇ ␡, ⌧ for C1; a tab becomes a space; newlines stay unless asked."""
    shown = visible(CONTROL_TEXT)
    assert len(shown) == len(CONTROL_TEXT)
    assert shown == "a␀b␁c␛[2Jd␇e⌧f␡g␛]0;PWNED␇h tab"
    assert not has_controls(shown)
    assert visible("x\ny") == "x\ny"
    assert visible("x\ny", keep_newlines=False) == "x␊y"
    every = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
    assert len(visible(every, keep_newlines=False)) == len(every)
    assert not has_controls(visible(every, keep_newlines=False))


def test_visible_post_text_keeps_entity_offsets() -> None:
    """Entities found in text full of control characters cut out the same text, shown, from the
    visible copy: the mapping is one character for one character."""
    text = parse_text(
        "1/ \x1b[31m @bob\x1b[0m \x00#tag\x07 $CASH \x9b example.com/a…\x07🇷🇺"
    ).post_text(0)
    shown = visible(text)
    entities = extract_entities(text)
    assert [e.kind for e in entities] == ["mention", "hashtag", "cashtag", "link", "flag"]
    for entity in entities:
        assert shown[entity.start : entity.end] == visible(entity.text)


# -- no hangs ------------------------------------------------------------------------------------


def mixed_line(size: int) -> str:
    """One line of about `size` bytes of words and entities (and near-entities) mixed."""
    rng = random.Random(7)
    pieces = [
        "word", "the", "@bob", "@alice_k", "＠yuki", "#tag", "#тег", "$TSLA", "$5.20",
        "example.com/a…", "https://t.co/x", "carnegie.ru/x/1…", "@bob.example.com/a…", "🇷🇺🇺🇦",
        "🇺", "🏴" + TAG_LETTERS[:5] + "\U000e007f", "日#本", "1/2", "…", "....", "@", "#", "$",
    ]  # fmt: skip
    out: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(pieces)
        out.append(piece)
        length += len(piece.encode()) + 1
    return " ".join(out)


PATHOLOGICAL: dict[str, Callable[[], str]] = {
    "mixed-2MB-line": lambda: "1/ " + mixed_line(2_000_000),
    "200k-at": lambda: "@" * 200_000,
    "200k-hash": lambda: "#" * 200_000,
    "200k-fullwidth-at": lambda: "＠" * 200_000,
    "200k-regional-indicators": lambda: "🇺" * 200_000,
    "200001-regional-indicators": lambda: "🇺" * 200_001,
    "200k-regional-pairs-after-letter": lambda: "x" + "🇺🇦" * 100_000,
    "unterminated-tag-sequence": lambda: "🏴" + (TAG_LETTERS * 4_000)[:100_000],
    "300k-letters-ellipsis": lambda: "a" * 300_000 + "…",
    "300k-letters-dotcom-ellipsis": lambda: "a" * 300_000 + ".com/x…",
    "300k-letters-at-dotcom": lambda: "@" + "a" * 300_000 + ".com/x…",
    "100k-bare-markers": lambda: "\n".join(f"{n % 50 + 1}/" for n in range(100_000)),
    "100k-fraction-markers": lambda: "\n".join(f"({n % 50 + 1}/50)" for n in range(100_000)),
    "200k-dots": lambda: "." * 200_000,
    "200k-nichi-hash": lambda: "日#" * 200_000,
    "100k-chrome-lines": lambda: "\n".join(["• • •"] * 100_000),
    "100k-end-markers": lambda: "\n".join(
        ["Missing some Tweet in this thread? You can try to", "force a refresh"] * 50_000
    ),
    "5MB-spaces": lambda: " " * 5_000_000,
    "200k-blank-lines": lambda: "\n" * 200_000,
    "200k-crs": lambda: "1/ a" + "\r" * 200_000 + "2/ b",
    "100k-emoji-lead-lines": lambda: "\n".join(["⚡️⚡️⚡️"] * 100_000),
    "100k-thread-heads": lambda: "\n".join(["THREAD"] * 100_000),
    "200k-nuls-in-a-post": lambda: "1/ " + "\x00" * 200_000,
    "100k-wide-hashtag-link-pairs": lambda: "1/ " + "#тег https://t.co/x " * 100_000,
    "200k-escapes": lambda: "1/ " + "\x1b[2J" * 200_000,
    "200k-dots-after-an-end-number": lambda: "a 1/ " + "." * 200_000 + " x",
    "100k-lines-numbered-at-end": lambda: "\n".join(f"text {n}/" for n in range(1, 100_001)),
    # Numbering at line ends starting again at 1 over and over: each restart opens a thread.
    "10k-threads-numbered-at-line-ends": lambda: "a. 1/\nb. 2/\n" * 10_000,
    "10k-threads-numbered-at-line-ends-with-totals": lambda: "a. 1/2\nb. 2/2\n" * 10_000,
    "50k-pictures-glued-to-markers-on-one-line": lambda: (
        "1/ a" + "".join(f" b.Image{n % 5_000 + 2}/ c" for n in range(50_000))
    ),
    "20k-pass-lines-then-glued-pictures": lambda: (
        "1/ a\n"
        + "Show this thread\n" * 20_000
        + "".join(f"b.Image{n + 2}/ c\n" for n in range(5_000))
    ),
    "100k-one-line-tweet-headers": lambda: "Ana @ana · 3h\ntext\n" * 50_000,
    "200k-middle-dots-on-one-line": lambda: "1/ " + "a @b · " * 200_000,
    "200k-sentences-then-numbers-in-a-teaser-line": lambda: (
        "Apr 2 • 7 tweets • 2 min read\n" + "a. 1/ " * 33_000
    ),
    # Text over a standard-tweet unroller's footer or under its header, read tweet by tweet.
    "2MB-line-over-an-unroller-footer": lambda: mixed_line(2_000_000) + "\nYou can follow @ana.",
    "50k-lines-over-an-unroller-footer": lambda: (
        "A line of a tweet.\n" * 50_000 + "You can follow @ana."
    ),
    # The start of an unroller's tip, over and over on one line under its footer.
    "400k-tip-starts-on-one-line-under-an-unroller-footer": lambda: (
        "1/ a\n• • •\nYou can follow @ana.\n" + "Tip: mention @" * 400_000
    ),
    "50k-list-numbers-under-an-unroller-header": lambda: (
        "Ana + Your Authors @ana Mar 3 1 min read\n"
        + "\n".join(f"{n}. word" for n in range(1, 50_001))
    ),
}
"""Inputs that defeat naive scanning: long runs of one sigil, unclosed sequences, huge lines."""


@pytest.mark.parametrize("make", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_input_parses_and_extracts(make: Callable[[], str]) -> None:
    """Loads, exports (JSON that validates) and counts (stats equal per-post extraction)
    without hanging; every non-blank line is in one post or one skipped entry; entities cut out
    their text."""
    raw = make().encode("utf-8")
    corpus = load(raw)
    assert_every_line_accounted(corpus, decoded_lines(raw))
    assert_entities_cut_out_their_text(corpus)
    assert_bulk_tally_equals_per_post(corpus)
    assert_export_validates(corpus)
    stats = corpus_stats(corpus)
    assert (stats.threads, stats.posts) == (corpus.thread_count, corpus.post_count)


@pytest.mark.parametrize(
    ("make", "kind", "count"),
    [
        (lambda: "1/ " + "@bob " * 100_000, "mention", 100_000),
        (lambda: "1/ " + "#tag " * 100_000, "hashtag", 100_000),
        (lambda: "1/ " + "🇷🇺" * 100_000, "flag", 100_000),
        (lambda: "1/ " + "example.com/a… " * 50_000, "link", 50_000),
        (lambda: "1/ " + "$TSLA " * 100_000, "cashtag", 100_000),
    ],
    ids=["mentions", "hashtags", "flags", "links", "cashtags"],
)
def test_a_post_with_a_hundred_thousand_entities(
    make: Callable[[], str], kind: str, count: int
) -> None:
    """One post holding 100k entities of one kind (50k links): all found, by stats and by the
    export, and each cuts out its text."""
    corpus = parse_text(make())
    assert corpus_stats(corpus).entities[kind] == count
    export = assert_export_validates(corpus)
    assert sum(e.kind == kind for e in export.threads[0].posts[0].entities) == count


def test_a_long_chrome_line_with_blanks_before_a_handle_reads_its_metadata(
    tmp_path: Path,
) -> None:
    """A cookie notice (chrome, its tail left open) holding a run of blanks, a handle and 4 MB
    after it: the metadata reader tries it as threader.app's header. If the name and the blanks
    around the button could share the run, every way to split it would scan the 4 MB again
    (minutes); it reads at once, and no name or handle comes of it."""
    page = tmp_path / "cookies.txt"
    page.write_text(
        "This site uses cookies" + " " * 36 + "@ana " + "x " * 2_000_000 + "\n1/ a\n2/ b\n",
        encoding="utf-8",
    )
    corpus = load_corpus([page])
    assert numbers(corpus) == [[1, 2]]
    assert (corpus.meta(0).author, corpus.meta(0).handle) == (None, None)


def test_numbering_restarting_at_line_ends_thousands_of_times_opens_a_thread_each_time() -> None:
    """Numbers at line ends that start again at 1 five thousand times in one source are five
    thousand threads of two posts each, however many times the numbering restarts."""
    corpus = parse_text("The lock gate. 1/\nThe weir. 2/\n" * 5_000)
    assert numbers(corpus) == [[1, 2]] * 5_000
