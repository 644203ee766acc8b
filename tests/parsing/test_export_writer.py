"""The JSON export writer: whole threads in large chunks, flags and ids for the written threads
only, and still the bytes of the plain one-thread-at-a-time encoding of `thread_value` with the
full index and every thread's id."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parsing import background, build_index, export_posts, load_corpus
from parsing.background import later_written
from parsing.corpus import Corpus
from parsing.entities.extract import extract_spans
from parsing.export_chunks import Chunks
from parsing.export_index import export_evidence, export_index
from parsing.export_json import add_skipped, encode, thread_value, write_json
from parsing.export_writer import halves
from parsing.index import glued_evidence
from parsing.search import threads_matching
from parsing.tables import SkippedLine
from tests.bench.generate import generate

from .helpers import REPO, TRA, parse_text
from .test_properties import PROPERTY, texts

GLUED = (
    "1/2 Read @kestrel_obshttps://kestrel.example.org/notes/1 and "
    "@harbor_deskhttps://kestrel.example.org/notes/2 🇺🇦 #grain $TSLA\n"
    "2/2 Then https://kestrel.example.org/notes/3 and 🇵🇱🇺🇦 again\n"
)
SAME_THREAD = "1/2 The quay flooded at dawn. 🇯🇵\n2/2 It drained by noon.\n"


def reference(corpus: Corpus, threads: Sequence[int], with_related: bool = False) -> str:
    """The export encoded one thread at a time from the full index and all the ids."""
    index = build_index(corpus, with_words=with_related)
    ids = corpus.thread_ids
    pieces = ['{"threads": [']
    for position, thread in enumerate(threads):
        value = thread_value(corpus, index, thread, with_related, thread_id=ids[thread])
        pieces.append(("\n" if position == 0 else ",\n") + encode(value))
    pieces.append('\n], "skipped": [')
    for position, line in enumerate(corpus.skipped):
        skipped = {"source": corpus.sources[line.source].name, "line": line.line, "text": line.text}
        pieces.append(("\n" if position == 0 else ",\n") + encode(skipped))
    pieces.append("\n]}\n")
    return "".join(pieces)


def written(
    corpus: Corpus, threads: Sequence[int], with_related: bool = False, *, as_text: bool = False
) -> str:
    """What `threadline export` writes: the full index only for related threads, else the flags
    read by the writer. Into UTF-8 with bytes below it (as standard output is), or with
    `as_text` into text alone."""
    index = build_index(corpus) if with_related else export_index(corpus, threads, with_flags=False)
    below = io.BytesIO()
    out = io.StringIO() if as_text else io.TextIOWrapper(below, encoding="utf-8")
    write_json(corpus, index, threads, out, with_related=with_related, read_flags=not with_related)
    if isinstance(out, io.StringIO):
        return out.getvalue()
    out.flush()
    return below.getvalue().decode("utf-8")


def generated(posts: int) -> Corpus:
    return parse_text("".join(line + "\n" for line in generate(posts, seed=7)))


def test_demo_export_matches_the_reference_byte_for_byte() -> None:
    """Every demo thread, with related threads, is written exactly as encoded one by one."""
    corpus = load_corpus([REPO / "assets" / "demo"])
    threads = range(corpus.thread_count)
    assert written(corpus, threads, with_related=True) == reference(corpus, threads, True)


def test_an_export_with_related_hashes_each_thread_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Related entries name threads from anywhere in the corpus: every thread's id is hashed
    once for the whole export (a selection's too), not the corpus walked again for each
    thread's related ones."""
    corpus = load_corpus([REPO / "assets" / "demo"])
    index = build_index(corpus)
    hashed: list[int] = []
    digest = Corpus._thread_digest

    def counted(self: Corpus, thread: int) -> str:
        hashed.append(thread)
        return digest(self, thread)

    monkeypatch.setattr(Corpus, "_thread_digest", counted)
    selection = range(1, corpus.thread_count)  # a selection: its own ids are not all of them
    write_json(corpus, index, selection, io.StringIO(), with_related=True, read_flags=False)
    assert sorted(hashed) == list(range(corpus.thread_count))


def test_a_thread_digest_hashes_its_post_numbers_and_texts() -> None:
    """A thread's id is the BLAKE2b (6 bytes) of each post's number, a NUL, its text and a
    \\x01 in turn: the ids a reader remembered stay those of the same threads (posts with a
    hole, the marker under a lead line, included)."""
    corpus = parse_text(GLUED + "⚡️⚡️\n1/2 Harbor notes\n⚡️\n2/2 The quay 🇯🇵\n" + SAME_THREAD)
    assert corpus.posts.holes
    for thread in range(corpus.thread_count):
        digest = hashlib.blake2b(digest_size=6)
        for post in corpus.thread_posts(thread):
            digest.update(b"%d\x00" % corpus.posts.number[post])
            digest.update(corpus.post_text(post).encode())
            digest.update(b"\x01")
        assert corpus.thread_digests([thread]) == [digest.hexdigest()]


def test_demo_export_without_related_matches_the_reference_byte_for_byte() -> None:
    """Without related threads each head is written straight (author, date and declared
    length from the page included), the bytes of encoding `thread_value`."""
    corpus = load_corpus([REPO / "assets" / "demo"])
    threads = range(corpus.thread_count)
    assert written(corpus, threads) == reference(corpus, threads)


@pytest.mark.shared
@pytest.mark.skipif(not TRA.is_dir(), reason="../shared is absent")
def test_real_pages_export_matches_the_reference_byte_for_byte() -> None:
    """Real page texts (bylines, dates, page chrome) are written unchanged."""
    corpus = load_corpus([TRA])
    threads = range(corpus.thread_count)
    assert written(corpus, threads) == reference(corpus, threads)


def test_generated_export_matches_the_reference_byte_for_byte() -> None:
    """A generated corpus (links, glued tokens, flags, chrome lines) is written unchanged."""
    corpus = generated(3_000)
    threads = range(corpus.thread_count)
    assert written(corpus, threads) == reference(corpus, threads)


def test_a_search_selection_matches_the_reference_byte_for_byte() -> None:
    """A few threads chosen by search get the flags and ids the whole corpus gives them."""
    corpus = generated(3_000)
    threads = sorted(set(threads_matching(corpus, "audit at")))
    assert 0 < len(threads) < corpus.thread_count // 4
    assert written(corpus, threads) == reference(corpus, threads)


def test_glued_tokens_use_the_corpus_wide_evidence() -> None:
    """Glued mention+link tokens split by evidence from all threads, flags in first-use order."""
    corpus = parse_text(GLUED + "\n\n" + GLUED.replace("1/2", "1/3"))
    threads = [1]
    text = written(corpus, threads)
    assert text == reference(corpus, threads)
    assert '"flags": ["UA", "PL"]' in text


def test_identical_threads_keep_their_numbered_ids_in_a_selection() -> None:
    """The third copy of a thread is `-3` whether or not the earlier copies are written."""
    others = [f"1/2 Ferry number {n} left late.\n2/2 It came back.\n" for n in range(4)]
    text = "\n\n".join([SAME_THREAD, GLUED, SAME_THREAD, SAME_THREAD, *others])
    corpus = parse_text(text)
    every = corpus.thread_ids
    assert corpus.thread_count == 8
    assert every[3] == every[0] + "-3"
    fresh = parse_text(text)
    assert fresh.ids_of([3, 1]) == {1: every[1], 3: every[3]}
    assert written(fresh, [3]) == reference(corpus, [3])


@pytest.mark.parametrize(
    "chosen",
    [[], [0], [0, 1, 2], [3, 4, 5, 6, 7], [2, 3], [7, 3, 0], list(range(8))],
    ids=["none", "first", "a-prefix", "a-second-half", "a-middle", "scattered", "all"],
)
def test_the_ids_of_any_selection_are_those_of_the_whole_corpus(chosen: list[int]) -> None:
    """A prefix, a second half or a few threads get the ids hashing every thread gives them,
    copies of one thread numbered in corpus order (`-2`, `-3`), hashing only what they need."""
    others = [f"1/2 Ferry number {n} left late.\n2/2 It came back.\n" for n in range(3)]
    text = "\n\n".join([SAME_THREAD, GLUED, SAME_THREAD, *others, SAME_THREAD, SAME_THREAD])
    every = parse_text(text).thread_ids
    assert every[7] == every[0] + "-4"
    assert parse_text(text).ids_of(chosen) == {thread: every[thread] for thread in chosen}


def test_small_groups_and_chunks_write_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Threads read a few at a time and written a few pieces at a time (a long post's entities
    in several writes) give the same bytes."""
    corpus = parse_text(GLUED + "\n\n" + "1/1 " + "@quay #tide 🇯🇵 \x85" * 300 + "\n\n" + GLUED)
    threads = range(corpus.thread_count)
    monkeypatch.setattr(export_posts, "GROUP_BYTES", 64)
    monkeypatch.setattr(export_posts, "_PIECES", 7)
    assert written(corpus, threads) == reference(corpus, threads)


def test_a_post_of_many_entities_after_other_posts_writes_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A post with more entities than a window, after posts of non-ASCII text in the same
    batch, has its entities written a window at a time with the offsets of its own text."""
    many = "@quay #tide 🇯🇵 日本 " * 40
    corpus = parse_text(f"1/3 Über die Brücke. 🇩🇪\n2/3 Ça va? {many}\n3/3 Fin 🇫🇷 #end\n")
    threads = range(corpus.thread_count)
    monkeypatch.setattr(export_posts, "_PIECES", 7)
    assert written(corpus, threads) == reference(corpus, threads)


def test_two_processes_write_the_same_bytes_into_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Into a file, the second half of the threads is written by a forked process and copied
    after the first: the file holds the reference's bytes."""
    corpus = generated(2_000)
    threads = range(corpus.thread_count)
    forks = []

    def counted(work: Callable[[BinaryIO], None]) -> background.Written:
        forks.append(work)
        return later_written(work)

    monkeypatch.setattr(background, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(background, "later_written", counted)
    path = tmp_path / "export.json"
    with path.open("w", encoding="utf-8") as out:
        index = export_index(corpus, threads, with_flags=False)
        write_json(corpus, index, threads, out, read_flags=True)
    assert len(forks) == 1
    assert path.read_text(encoding="utf-8") == reference(corpus, threads)


def test_evidence_read_in_two_halves_is_the_whole_corpus_evidence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Glued-token evidence read in two processes, each source cut at a middle line end, is
    the evidence `build_index` reads from the whole."""
    corpus = parse_text(GLUED + "\n\n" + "".join(line + "\n" for line in generate(400, seed=3)))
    monkeypatch.setattr(background, "PARALLEL_BYTES", 1)
    assert export_evidence(corpus) == glued_evidence(corpus)
    assert export_evidence(corpus).domains


@PROPERTY
@given(texts)
@example('1/2 say "hi" \\ back\ttab \x7f del \x85 nel 🇷🇺 @quay\n2/2 "x" \x1b #tide\n')
def test_any_text_exports_the_references_bytes(text: str) -> None:
    """For any text (markers, chrome, links, glued tokens, flags, controls, invalid pieces),
    the writer's bytes are those of encoding `thread_value` thread by thread."""
    corpus = parse_text(text)
    threads = range(corpus.thread_count)
    assert written(corpus, threads) == reference(corpus, threads)


@PROPERTY
@given(texts)
def test_any_text_exported_into_text_alone_is_the_references(text: str) -> None:
    """Into an output with no bytes below it (the writer gathers UTF-8 and decodes it there),
    the text is the reference's too."""
    corpus = parse_text(text)
    threads = range(corpus.thread_count)
    assert written(corpus, threads, as_text=True) == reference(corpus, threads)


LONG_POST = "1/1 " + " ".join(
    ["@quay", "#tide", "🇯🇵🇫🇷", "kestrel.example.org/n/1…", "$TSLA", "word", "日#本", "＠yuki"] * 40
)


@pytest.mark.parametrize(
    "text",
    [
        LONG_POST,
        "1/3 Harbor notes.\n2/3 " + LONG_POST[4:] + "\n3/3 Done #tide",
        "1/1 " + "word " * 400 + "@quay",
        "1/1 @quay " + "word " * 400,
        "1/1 " + "x" * 3000,
    ],
    ids=["one-post", "middle-post", "entities-after-the-cut", "entities-before", "no-space"],
)
def test_a_long_thread_cut_inside_a_post_writes_the_same_bytes_into_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str
) -> None:
    """When the middle of the text falls inside a long thread, the two processes each write
    part of one post (cut just after a space): the file holds the reference's bytes."""
    corpus = parse_text(GLUED + "\n\n" + text + "\n\n" + SAME_THREAD)
    threads = range(corpus.thread_count)
    monkeypatch.setattr(background, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(export_posts, "GROUP_BYTES", 64)
    shared = halves(corpus, threads).shared
    assert shared is not None and shared.thread == 1
    path = tmp_path / "export.json"
    with path.open("w", encoding="utf-8") as out:
        index = export_index(corpus, threads, with_flags=False)
        write_json(corpus, index, threads, out, read_flags=True)
    assert path.read_text(encoding="utf-8") == reference(corpus, threads)


def test_evidence_of_one_long_line_is_read_in_two_halves(monkeypatch: pytest.MonkeyPatch) -> None:
    """A single long line is cut at a space in the middle for the evidence, which stays the
    whole line's."""
    corpus = parse_text(LONG_POST.replace("kestrel", "@harbor_deskkestrel", 3))
    monkeypatch.setattr(background, "PARALLEL_BYTES", 1)
    assert export_evidence(corpus) == glued_evidence(corpus)
    assert export_evidence(corpus).domains


@PROPERTY
@given(texts, st.integers(min_value=0))
def test_a_post_cut_after_a_space_reads_as_its_two_parts(text: str, choice: int) -> None:
    """A post's spans are those of its part up to a space (included) followed by those of the
    rest read alone, shifted: what lets two processes share one long post."""
    corpus = parse_text(text)
    evidence = glued_evidence(corpus)
    for post in range(corpus.post_count):
        raw = corpus.post_bytes(post)
        spaces = [at + 1 for at, byte in enumerate(raw) if byte == 0x20]
        if spaces:
            cut = spaces[choice % len(spaces)]
            after = [
                span._replace(start=span.start + cut, end=span.end + cut)
                for span in extract_spans(raw[cut:], evidence)
            ]
            assert extract_spans(raw[:cut], evidence) + after == extract_spans(raw, evidence)


_ANY_TEXT = st.text(st.characters(exclude_categories=()))
"""Any text, lone surrogates too (a line of bytes that are no UTF-8, decoded to keep them)."""
_SKIPPED = st.tuples(st.integers(0, 1), st.integers(1, 10**7), _ANY_TEXT)
_MANY_SKIPPED = [(n % 2, n + 1, f'line "{n}"\x7f\u0085') for n in range(10_001)]
"""More than one batch of skipped lines, with what the encoder and the control escape change."""


@given(st.lists(_SKIPPED, max_size=20), st.lists(_ANY_TEXT, min_size=2, max_size=2))
@example(_MANY_SKIPPED, ['a "page".txt', "b\x1b.txt"])
@example([(0, 1, "\udce9 \x85" * 200_000), (1, 2, "\ud800")], ["\udcff.txt", ""])
@settings(deadline=None)  # the line longer than a chunk of output
def test_skipped_lines_are_written_as_the_encoder_writes_their_dicts(
    lines: list[tuple[int, int, str]], names: list[str]
) -> None:
    """`add_skipped` writes each skipped line as the JSON encoder writes its dict, controls
    escaped, lone surrogates and lines longer than a chunk as well, after `\\n` (the first)
    or `,\\n`, across its batches."""
    out = io.StringIO()
    chunks = Chunks(out)
    add_skipped(chunks, names, [SkippedLine(*line) for line in lines])
    chunks.flush()
    assert out.getvalue() == "".join(
        ("\n" if position == 0 else ",\n")
        + encode({"source": names[source], "line": line, "text": text})
        for position, (source, line, text) in enumerate(lines)
    )
