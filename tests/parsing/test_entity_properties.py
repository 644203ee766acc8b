"""Properties of the entity scan over random text built from the pieces the parser cares about:
offsets that cut out their text, tallies read in bulk, by thread or in parts equal to each read
alone, and the shortcuts (glued tokens, plain links, hashtags, ASCII mentions) reading as the
general rules do."""

from __future__ import annotations

from collections import Counter

from hypothesis import example, given
from hypothesis import strategies as st

from parsing import extract_entities
from parsing.corpus import Corpus
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

from .helpers import parse_text
from .test_properties import PROPERTY, texts


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
