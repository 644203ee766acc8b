"""`threadline export` of one big page-text file on two cores (`export_halves`): each process
parses and writes its part of the file, and the bytes are those of the general path (the whole
corpus loaded, then written by `export_writer`) at every cut the layout allows."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import parsing.split_points
import parsing.stats
from parsing import background, load_corpus
from parsing.corpus import Corpus
from parsing.export_halves import _Halves, export_in_halves
from parsing.export_index import export_index
from parsing.export_json import write_json
from parsing.export_markdown import write_markdown
from parsing.export_part import Filters
from parsing.filters import filter_threads
from parsing.formats.page_threads import attach_page_meta
from parsing.index import CorpusIndex, build_index
from tests.bench.generate import generate

from .test_mutations import PROPERTY
from .test_split_points import allowed_cuts, corpora, with_regressions

GLUED = (
    "1/2 Read @kestrel_obshttps://kestrel.example.org/notes/1 and "
    "@harbor_deskhttps://kestrel.example.org/notes/2 🇺🇦 #grain $TSLA\n"
    "2/2 Then https://kestrel.example.org/notes/3 and 🇵🇱🇺🇦 again\n"
)
AUTHOR_PAGE = (
    "More from @ana\n"
    "Ana Vidal Profile picture\n"
    "Feb 3, 2021 • 4 tweets • 1 min read\n"
    "1/ Seaside cottages flood at dawn. 🇵🇹\n"
    "2/ The quay drained by noon.\n"
    "Read 2 tweets\n"
)
SAME_THREAD = "1/2 The quay flooded at dawn. 🇯🇵\n2/2 It drained by noon.\n"


def general(corpus: Corpus, filters: Filters) -> str:
    """What `threadline export` writes through the general path (the whole corpus loaded)."""
    # Flags filter through the whole index.
    index = build_index(corpus) if filters.codes else CorpusIndex(thread_count=corpus.thread_count)
    threads = filter_threads(corpus, index, filters.codes, filters.search, author=filters.author)
    if not filters.codes:  # the writer reads the flags of the threads it writes
        index = export_index(corpus, threads, with_flags=False)
    out = io.StringIO()
    write_json(corpus, index, threads, out, read_flags=not filters.codes)
    return out.getvalue()


def page_corpus(raw: bytes, name: str = "t.txt") -> Corpus:
    """The corpus the page-text format reads from `raw`."""
    corpus = Corpus()
    corpus.add_source(name, raw)
    attach_page_meta(corpus, 0, 0)
    return corpus


def general_markdown(corpus: Corpus, filters: Filters) -> str:
    """What `threadline export --format markdown` writes through the general path."""
    index = build_index(corpus) if filters.codes else CorpusIndex(thread_count=corpus.thread_count)
    threads = filter_threads(corpus, index, filters.codes, filters.search, author=filters.author)
    if not filters.codes:
        index = export_index(corpus, threads, with_entities=False)
    out = io.StringIO()
    write_markdown(corpus, index, threads, out)
    return out.getvalue()


def in_halves(
    raw: bytes, cut: int, tmp_path: Path, filters: Filters, *, markdown: bool = False
) -> tuple[str, list[str]]:
    """The export written by two processes, the second parsing `raw[cut:]`; and the warnings."""
    path = tmp_path / "export.json"
    warnings: list[int] = []
    with path.open("w", encoding="utf-8") as out:
        halves = _Halves("t.txt", filters, out, markdown=markdown)
        halves.run(bytearray(raw), 0, cut, warnings.append)
    return path.read_text(encoding="utf-8"), [str(count) for count in warnings if count]


def generated(posts: int, seed: int) -> str:
    return "".join(line + "\n" for line in generate(posts, seed=seed))


def middle_cuts(raw: bytes) -> list[int]:
    cuts = [cut for cut in allowed_cuts(raw) if 0 < cut < len(raw)]
    return sorted(cuts, key=lambda cut: abs(cut - len(raw) // 2))[:3]


# Threads among the lines a page puts around them (authors, dates, lengths, listings), which
# page metadata reads across a cut.
page_lines = (
    st.lists(
        st.sampled_from(
            ["1/ word one", "2/ word two", "3/ word", "word", "", "Share", "1/ Other thread",
             "More from @ana", "Ana Vidal Profile picture", "Ana Vidal", "@ana", "Jun 22",
             "Feb 3, 2021 • 4 tweets • 1 min read", "Read 2 tweets", "12 tweets • 3 min read",
             "Keep Current with Ana Vidal", "• • •", "Read all threads", "3 views",
             "— Ana Vidal (@ana) March 3, 2020", "Bob Stone", "Read 4 tweets"]
        ),
        min_size=3,
        max_size=25,
    )
    .map("\n".join)
    .map(str.encode)
)  # fmt: skip

FILTERS = [Filters(), Filters(search="quay"), Filters(codes=["UA"]), Filters(author="ana")]


@pytest.mark.parametrize("filters", FILTERS, ids=["all", "search", "flag", "author"])
def test_a_generated_corpus_with_pages_and_glued_tokens_writes_the_general_bytes(
    tmp_path: Path, filters: Filters
) -> None:
    """Glued tokens whose evidence lies in the other part, identical threads on either side of
    the cut (ids `-2`), an author page cut between its threads: the bytes of the general path,
    whichever filter selects."""
    text = GLUED + SAME_THREAD + AUTHOR_PAGE + generated(300, 5) + SAME_THREAD + AUTHOR_PAGE + GLUED
    raw = text.encode()
    corpus = page_corpus(raw)
    cuts = middle_cuts(raw)
    assert cuts
    for cut in cuts:
        assert in_halves(raw, cut, tmp_path, filters)[0] == general(corpus, filters), cut


@pytest.mark.parametrize("filters", FILTERS, ids=["all", "search", "flag", "author"])
def test_a_generated_corpus_in_markdown_writes_the_general_markdown(
    tmp_path: Path, filters: Filters
) -> None:
    """The Markdown export on two cores: each part writes its threads' Markdown (page metadata
    and ids read across the cut, as for JSON) and the whole is the general path's."""
    text = GLUED + SAME_THREAD + AUTHOR_PAGE + generated(300, 5) + SAME_THREAD + AUTHOR_PAGE + GLUED
    raw = text.encode()
    corpus = page_corpus(raw)
    expected = general_markdown(corpus, filters)
    assert "-2 ·" in expected or filters != Filters()  # an id made unique across the cut
    for cut in middle_cuts(raw):
        assert in_halves(raw, cut, tmp_path, filters, markdown=True)[0] == expected, cut


def test_markdown_with_no_thread_chosen_on_one_side_or_both(tmp_path: Path) -> None:
    """A part that chooses no thread writes nothing, and with none chosen at all the export is
    the line end the general path writes."""
    raw = (GLUED + SAME_THREAD + AUTHOR_PAGE + generated(40, 3) + SAME_THREAD).encode()
    corpus = page_corpus(raw)
    cuts = middle_cuts(raw)
    assert cuts
    for filters in (Filters(search="kestrel"), Filters(search="flooded"), Filters(search="zqx")):
        expected = general_markdown(corpus, filters)
        for cut in cuts:
            assert in_halves(raw, cut, tmp_path, filters, markdown=True)[0] == expected, cut
    assert general_markdown(corpus, Filters(search="zqx")) == "\n"


def test_a_last_part_of_chrome_without_a_final_newline_names_the_author_above(
    tmp_path: Path,
) -> None:
    """The part under the cut holds no thread, only the line that names the author of the
    thread above it, and the file does not end in a newline: that line still reaches the part
    above, and the export names the author, handle and date as the whole does."""
    raw = "1/ word one\nKeep Current with Ana Vidal\n— Ana Vidal (@ana) March 3, 2020".encode()
    cut = raw.index("—".encode())
    assert cut in allowed_cuts(raw)
    written = in_halves(raw, cut, tmp_path, Filters())[0]
    assert '"handle": "ana", "date": "2020-03-03"' in written
    assert written == general(page_corpus(raw), Filters())


@settings(PROPERTY, max_examples=min(PROPERTY.max_examples, 150))
@given(page_lines | corpora)
@with_regressions
@example(AUTHOR_PAGE.encode() + AUTHOR_PAGE.encode())
# The line under the cut names the author of the thread above it.
@example("1/ word one\n2/ word two\nRead all threads\n— Ana Vidal (@ana) March 3, 2020\n".encode())
# A listing's handle above the cut names the author of a teaser under it.
@example(
    "3/ word\nRead all threads\nMore from @ana\nMore from @ana\nKeep Current with Ana Vidal\n"
    "word\nRead 4 tweets\n1/ Other thread\nRead all threads\n3/ word\n1/ Other thread\nShare\n"
    "@ana\n1/ Other thread\n3/ word\nFeb 3, 2021 • 4 tweets • 1 min read".encode()
)
@example(b"More from @ana\nJun 22\na\n\xe2\x80\xa2 \xe2\x80\xa2 \xe2\x80\xa2\nb\nJun 22\nc")
def test_every_cut_exports_the_general_bytes(raw: bytes) -> None:
    """At every cut the layout allows, the two processes write the bytes the whole source
    gives, as JSON and as Markdown: page metadata read across the cut, skipped lines numbered
    on."""
    import tempfile

    corpus = page_corpus(raw)
    expected = general(corpus, Filters())
    expected_markdown = general_markdown(corpus, Filters())
    with tempfile.TemporaryDirectory() as folder:
        for cut in allowed_cuts(raw):
            if 0 < cut < len(raw):
                assert in_halves(raw, cut, Path(folder), Filters())[0] == expected, cut
                markdown = in_halves(raw, cut, Path(folder), Filters(), markdown=True)[0]
                assert markdown == expected_markdown, cut


@pytest.mark.parametrize(
    "encoded",
    [
        lambda text: text.encode(),
        lambda text: text.replace("\n", "\r\n").encode(),
        lambda text: b"\xef\xbb\xbf" + text.encode(),
        lambda text: text.replace("quay", "qu\udcffay").encode("utf-8", "surrogateescape"),
        lambda text: text.encode("utf-16"),
    ],
    ids=["utf-8", "crlf", "byte-order-mark", "invalid-utf-8", "utf-16"],
)
def test_a_big_file_is_written_on_two_cores_with_the_general_bytes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, encoded: object
) -> None:
    """A file read from disk as `export` reads it, whatever its encoding and line ends: the
    bytes of the general path, and the same one warning of replaced sequences."""
    text = GLUED + AUTHOR_PAGE + generated(400, 9) + SAME_THREAD + AUTHOR_PAGE + SAME_THREAD
    source = tmp_path / "corpus.txt"
    source.write_bytes(encoded(text))  # type: ignore[operator]
    monkeypatch.setattr(background, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(parsing.stats, "_PARALLEL_BYTES", 1)  # mapped and cut as stats does
    path = tmp_path / "export.json"
    warnings: list[str] = []
    with path.open("w", encoding="utf-8") as out:
        assert export_in_halves([str(source)], out, Filters(), warnings.append)
    corpus = load_corpus([str(source)])
    assert path.read_text(encoding="utf-8") == general(corpus, Filters())
    assert warnings == corpus.warnings


@pytest.mark.parametrize(
    "paths",
    [["small"], ["small", "small2"]],
    ids=["too-small", "two-files"],
)
def test_small_or_several_files_take_the_general_path(tmp_path: Path, paths: Sequence[str]) -> None:
    """Below the size a second process pays for, or with more than one file, nothing is
    written here: the general path writes the export."""
    for name in paths:
        (tmp_path / name).write_text(GLUED, encoding="utf-8")
    with (tmp_path / "export.json").open("w", encoding="utf-8") as out:
        assert not export_in_halves([str(tmp_path / name) for name in paths], out, Filters(), print)
    assert (tmp_path / "export.json").read_text(encoding="utf-8") == ""


@pytest.mark.parametrize("near", [0.42, 0.5])
def test_a_cut_is_found_near_where_it_is_asked(near: float) -> None:
    """The process that starts first takes less text: a cut asked for `near` of the way in
    (mapped UTF-8 or normalised text alike) falls closer to it than to any other tenth."""
    raw = generated(3000, 11).encode()
    import mmap
    import tempfile

    with tempfile.TemporaryFile() as file:
        file.write(raw)
        file.flush()
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(parsing.stats, "_PARALLEL_BYTES", 1)
            patch.setattr(parsing.split_points, "_WINDOW", 1 << 14)  # a window about the cut
            for buf in (mapped, bytearray(raw)):
                cut = parsing.stats.split_of(buf, 0, near)
                assert cut is not None
                assert abs(cut / len(raw) - near) < 0.05
        mapped.close()
