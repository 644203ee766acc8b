"""Nothing lost: corpora built from Thread Reader App pieces, then broken on purpose.

A small grammar writes plausible copies (markers `N/ text`, `N/Text`, `(N/M)`, unnumbered lines,
`THREAD` heads, emoji lead lines, end-of-thread chrome, blank lines, mentions, hashtags,
cashtags, `…`-truncated links, flags and tag sequences); mutations then flip bytes, cut and
repeat lines, insert markers, control and invalid bytes and stray regional indicators, change
line ends and truncate. Whatever comes out, parsing does not raise, every non-blank line is
accounted for exactly once, every entity cuts out its own text, the bulk tally agrees with
per-post extraction, and the JSON export validates.

The checks are plain functions so that `test_hostile.py` runs them on its pathological inputs.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from parsing import extract_entities
from parsing.corpus import Corpus
from parsing.decoding import utf16_encoding
from parsing.entities.extract import extract_spans
from parsing.entities.glued import GluedEvidence
from parsing.entities.glued_counts import apply_glued
from parsing.entities.tally import Tally, tally
from parsing.export_json import write_json
from parsing.index import build_index
from parsing.models import CorpusExport
from parsing.stats import corpus_stats

from .helpers import parse_bytes, shares_a_glued_line
from .test_entity_properties import counters

EXAMPLES = int(os.environ.get("THREADLINE_PROPERTY_EXAMPLES", "200"))
"""Raise it for a longer hunt: THREADLINE_PROPERTY_EXAMPLES=5000 pytest tests/parsing."""
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
LINE_END = re.compile(r"\r\n|\r|\n")
ASCII_BLANK = " \t\v\f"
RAW_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""What must never appear unescaped in exported JSON (a newline between records is fine)."""

# -- checks --------------------------------------------------------------------------------------


def decoded_lines(raw: bytes) -> list[str]:
    """The lines of `raw` as a reader would number them, worked out independently of the parser's
    buffers: UTF-16 where the parser says so (BOM or NUL pattern), else UTF-8 with each invalid
    sequence as U+FFFD; one BOM dropped; universal newlines (\\r\\n, \\r, \\n)."""
    codec = utf16_encoding(raw) or "utf-8"
    text = raw.decode(codec, "replace").removeprefix("\ufeff")
    return LINE_END.split(text)


def is_blank(line: str) -> bool:
    return not line.strip(ASCII_BLANK)


def assert_every_line_accounted(corpus: Corpus, lines: list[str], source: int = 0) -> None:
    """Every non-blank line of source `source` lies in exactly one post's
    [first_line, last_line] or is exactly one skipped entry; post ranges are in order, disjoint
    (but for a line a glued marker splits between two posts, see `shares_a_glued_line`) and
    inside the file; a skipped entry's text is its line's."""
    owner: dict[int, str] = {}
    previous_end = 0
    for thread in range(corpus.thread_count):
        if corpus.threads.source[thread] != source:
            continue
        for post in corpus.thread_posts(thread):
            first, last = corpus.posts.first_line[post], corpus.posts.last_line[post]
            shared = first == previous_end and shares_a_glued_line(
                corpus, post - 1, post, lines[first - 1]
            )
            assert previous_end < first or shared, (post, first, last, len(lines))
            assert first <= last <= len(lines), (post, first, last, len(lines))
            previous_end = last
            for line in range(first + shared, last + 1):
                assert line not in owner, f"line {line} is in {owner[line]} and post {post}"
                owner[line] = f"post {post}"
    for entry in corpus.skipped:
        if entry.source != source:
            continue
        assert 1 <= entry.line <= len(lines), entry
        assert entry.line not in owner, f"skipped line {entry.line} is also in {owner[entry.line]}"
        owner[entry.line] = "skipped"
        assert entry.text.strip() == lines[entry.line - 1].strip(), entry
    dropped = [n for n, line in enumerate(lines, 1) if not is_blank(line) and n not in owner]
    assert not dropped, (
        f"{len(dropped)} lines dropped, first {dropped[0]}: {lines[dropped[0] - 1]!r}"
    )


def assert_entities_cut_out_their_text(corpus: Corpus) -> None:
    """`post_text[e.start:e.end] == e.text` for every entity of every post, in order."""
    for post in range(corpus.post_count):
        text = corpus.post_text(post)
        reach = 0
        for entity in extract_entities(text):
            assert text[entity.start : entity.end] == entity.text, (post, entity)
            assert reach <= entity.start < entity.end, (post, entity)
            reach = entity.end


def assert_bulk_tally_equals_per_post(corpus: Corpus) -> None:
    """What `stats` counts over whole buffers is what extraction finds post by post (the
    approach of test_properties (d)), and `corpus_stats` reports the same counts."""
    whole = Tally()
    for source in corpus.sources:
        whole.add(tally(source.buf))
    evidence = GluedEvidence.gather(whole.domains, whole.glued_tokens())
    apply_glued(whole, evidence)
    per_post = [extract_spans(corpus.post_bytes(p), evidence) for p in range(corpus.post_count)]
    expected = counters(per_post)  # type: ignore[arg-type]
    totals = {kind: count.total() for kind, count in expected.items()}
    assert whole.counts() == totals
    assert +whole.mentions == expected["mention"]
    assert +whole.hashtags == expected["hashtag"]
    assert +whole.cashtags == expected["cashtag"]
    assert +whole.flags == expected["flag"]
    assert corpus_stats(corpus).entities == totals


def export_json(corpus: Corpus) -> str:
    out = io.StringIO()
    write_json(corpus, build_index(corpus), range(corpus.thread_count), out)
    return out.getvalue()


def assert_export_validates(corpus: Corpus) -> CorpusExport:
    """The JSON export parses, validates as `CorpusExport`, holds every thread, post and skipped
    line, carries no raw control character, and its entities agree with `stats`."""
    text = export_json(corpus)
    assert not RAW_CONTROLS.search(text), RAW_CONTROLS.findall(text)[:5]
    export = CorpusExport.model_validate(json.loads(text))
    assert len(export.threads) == corpus.thread_count
    assert sum(len(thread.posts) for thread in export.threads) == corpus.post_count
    assert len(export.skipped) == len(corpus.skipped)
    kinds = Counter(e.kind for t in export.threads for p in t.posts for e in p.entities)
    assert {kind: kinds[kind] for kind in corpus_stats(corpus).entities} == (
        corpus_stats(corpus).entities
    )
    for thread in export.threads:
        for post in thread.posts:
            for entity in post.entities:
                assert post.text[entity.start : entity.end] == entity.text, entity
    return export


def check_nothing_lost(raw: bytes) -> Corpus:
    """All of the above for one source holding `raw`; the corpus, for more checks."""
    corpus = parse_bytes(raw)
    for thread in range(corpus.thread_count):
        corpus.title(thread)
        corpus.missing(thread)
    assert_every_line_accounted(corpus, decoded_lines(raw))
    assert_entities_cut_out_their_text(corpus)
    assert_bulk_tally_equals_per_post(corpus)
    assert_export_validates(corpus)
    return corpus


# -- the grammar ---------------------------------------------------------------------------------

TAG_FLAG = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
WORDS = [
    "word", "the", "grid", "Сибирь", "沈阳", "naïve", "İstanbul", "5.2", "1/2", "24/7", "…",
    "@bob", "@alice_k", "@x", "＠yuki", "@bob@carol", "@bob.example.com/a…", "email@host.com",
    "#tag", "#энергетика", "＃タグ", "#1", "C#", "$CASH", "$TSLA", "$5.20", "$BRK.B",
    "example.com/a…", "carnegie.ru/x/1…", "https://t.co/abc", "http://a.example/p?q=1",
    "🇷🇺🇺🇦", "🇨🇳", "🇺", TAG_FLAG, "🏴", "⚡️", "👇", "🧵", "😀",
]  # fmt: skip
numbers = st.integers(1, 25)
text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
glued_text = st.tuples(st.sampled_from(["The", "Sanctions", "Grid", "Да", "#Tag"]), text).map(
    " ".join
)
line = st.one_of(
    st.builds("{}/ {}".format, numbers, text),
    st.builds("{}/{}".format, numbers, glued_text),
    st.builds("({}/{}) {}".format, numbers, numbers, text),
    st.builds("{2} ({0}/{1})".format, numbers, numbers, text),
    st.builds("{}/".format, numbers),
    st.builds("{}.Image{}/ {}".format, text, numbers, text),  # a picture glued to a marker
    text,
    st.sampled_from(["THREAD", "🧵 THREAD", "Thread:", "THREAD 🧵", "🧵"]),
    st.builds("THREAD {}".format, text),
    st.sampled_from(["⚡️⚡️⚡️", "👇👇", "🚨🚨"]),
    st.sampled_from(
        ["• • •", "Missing some Tweet in this thread? You can try to", "force a refresh"]
    ),
    st.just("• • •\nMissing some Tweet in this thread? You can try to\nforce a refresh"),
    st.sampled_from(["", "", " ", "\t"]),
)
corpora = st.lists(line, max_size=30).map("\n".join)
"""A plausible Thread Reader App copy (or several threads of one)."""

# -- the mutations -------------------------------------------------------------------------------

CONTROLS = [b"\x1b", b"\x00", b"\x07", b"\x1b[2J", b"\x1b]0;PWNED\x07", "\u009b".encode(), b"\x7f"]
INVALID = [b"\xff", b"\xfe", b"\x80", b"\xc3", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80",
           b"\xf4\x90\x80\x80", b"\xf0\x9f\x87"]  # fmt: skip
MUTATIONS = [
    "flip", "cut", "repeat", "marker", "crlf", "cr", "controls", "indicator", "truncate",
    "invalid", "bom",
]  # fmt: skip


def mutate(draw: st.DrawFn, raw: bytes, how: str) -> bytes:
    """`raw` with one mutation applied; positions and details drawn by Hypothesis."""
    lines = raw.split(b"\n")
    position = draw(st.integers(0, len(raw)))
    at_line = draw(st.integers(0, len(lines)))
    if how == "flip" and raw:
        flipped = bytearray(raw)
        flipped[min(position, len(raw) - 1)] ^= draw(st.integers(1, 255))
        return bytes(flipped)
    if how == "cut":
        end = draw(st.integers(at_line, min(len(lines), at_line + 5)))
        return b"\n".join(lines[:at_line] + lines[end:])
    if how == "repeat":
        end = draw(st.integers(at_line, min(len(lines), at_line + 5)))
        times = draw(st.integers(1, 3))
        return b"\n".join(lines[:end] + lines[at_line:end] * times + lines[end:])
    if how == "marker":
        marker = draw(st.sampled_from(["{}/ ", "{}/", "({}/9) ", "{}/\n", "\n{}/ "]))
        insert = marker.format(draw(numbers)).encode()
        marked = insert + b"".join(lines[at_line : at_line + 1])
        return b"\n".join([*lines[:at_line], marked, *lines[at_line + 1 :]])
    if how == "crlf":
        return raw.replace(b"\n", b"\r\n")
    if how == "cr":
        return raw.replace(b"\n", b"\r")
    if how == "controls":
        return raw[:position] + draw(st.sampled_from(CONTROLS)) + raw[position:]
    if how == "indicator":
        stray = draw(st.sampled_from(["🇺", "🇺🇺🇺", "🏴\U000e0067", "\U000e007f"])).encode()
        return raw[:position] + stray + raw[position:]
    if how == "truncate":
        return raw[:position]
    if how == "invalid":
        return raw[:position] + draw(st.sampled_from(INVALID)) + raw[position:]
    if how == "bom":
        return codecs.BOM_UTF8 + raw
    return raw


@st.composite
def mutated_corpora(draw: st.DrawFn) -> bytes:
    raw = draw(corpora).encode("utf-8")
    for how in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        raw = mutate(draw, raw, how)
    return raw


# -- the properties ------------------------------------------------------------------------------


@PROPERTY
@given(mutated_corpora())
@example(b"1/ a\x1b[2J\xff\n\n2/\xc3 @bob\r\n\xf0\x9f\x87\xba\xf0\x9f\x87")
@example(b"\xef\xbb\xbf\xef\xbb\xbf1/ twice a BOM\r\r\n2/ x")
@example("THREAD\n⚡️⚡️⚡️\n1/ a\n• • •\n1/ b".encode()[:-1])
@example("1/ 🇷🇺🇺🇦🇺\n2/ 🏴\U000e0067\U000e0062\n3/ \U000e007f@bob".encode())
@example(b"1/\x00\n2/\x00\n3/\x00\n4/\x00\n")
def test_mutated_corpus_loses_nothing(raw: bytes) -> None:
    """A mutated corpus parses without raising; every non-blank line is in one post or one
    skipped entry; entities cut out their text; bulk tally equals per-post extraction; the
    JSON export validates."""
    check_nothing_lost(raw)


@PROPERTY
@given(corpora)
def test_unmutated_corpus_loses_nothing(text: str) -> None:
    """The grammar's own corpora, before any mutation, pass the same checks."""
    check_nothing_lost(text.encode("utf-8"))


@PROPERTY
@given(mutated_corpora(), mutated_corpora())
def test_two_mutated_sources_lose_nothing(first: bytes, second: bytes) -> None:
    """Two mutated sources in one corpus: lines of each are accounted for against their own
    source, and the bulk tally and the export cover both."""
    corpus = Corpus()
    corpus.add_source("first.txt", first)
    corpus.add_source("second.txt", second)
    assert_every_line_accounted(corpus, decoded_lines(first), source=0)
    assert_every_line_accounted(corpus, decoded_lines(second), source=1)
    assert_entities_cut_out_their_text(corpus)
    assert_bulk_tally_equals_per_post(corpus)
    export = assert_export_validates(corpus)
    assert {t.source for t in export.threads} <= {"first.txt", "second.txt"}


@PROPERTY
@given(mutated_corpora())
def test_invalid_utf8_is_counted_in_one_warning(raw: bytes) -> None:
    """However a corpus is broken, its invalid UTF-8 shows up as U+FFFD and is reported in at
    most one warning naming the source, whose count is the number of replacements made."""
    corpus = parse_bytes(raw, name="broken.txt")
    assert len(corpus.warnings) <= 1, corpus.warnings
    codec = utf16_encoding(raw)
    replaced = raw.decode(codec or "utf-8", "replace").count("\ufffd") - raw.decode(
        codec or "utf-8", "ignore"
    ).count("\ufffd")
    if replaced:
        assert len(corpus.warnings) == 1
        assert corpus.warnings[0].startswith(f"broken.txt: {replaced} invalid")
    else:
        assert corpus.warnings == []
