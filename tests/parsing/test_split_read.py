"""A page file read in two parts by two processes (`split_read`): joined, the parts are the
corpus a single read of the file gives, at every cut the layout allows."""

from __future__ import annotations

from pathlib import Path

import pytest

import parsing.split_read
import parsing.tables
from parsing.corpus import Corpus
from parsing.read_loop import plan
from parsing.split_read import Halves, join_second, plan_halves, read_first, read_second

from .helpers import REPO
from .test_split_points import allowed_cuts

PAGES = [
    page
    for page in sorted((REPO / "tests" / "fixtures" / "pages").glob("*.txt"))
    if not page.name.startswith("old_twitter")  # replies by others: no cut (`split_points`)
]


def whole_read(path: Path) -> Corpus:
    corpus = Corpus()
    for item in plan([str(path)]).items:
        item.format.read(item.entry, corpus)
    return corpus


def read_in_two(halves: Halves) -> Corpus:
    corpus = Corpus()
    resume, first_check = read_first(halves, corpus)
    second, second_check = read_second(halves)
    assert first_check == second_check
    join_second(corpus, second, resume)
    return corpus


def everything(corpus: Corpus) -> dict[str, object]:
    """What a read gives, every column and list of it."""
    posts, source = corpus.posts, corpus.sources[0]
    return {
        "buf": bytes(source.buf),
        "encoding": source.encoding,
        "replaced": source.replaced,
        "posts": [
            list(column)
            for column in (
                posts.text_start,
                posts.text_end,
                posts.first_line,
                posts.last_line,
                posts.number,
            )
        ],
        "holes": (posts.holes, posts.with_holes),
        "threads": (list(corpus.threads.first_post), list(corpus.threads.source)),
        "skipped": corpus.skipped,
        "thread_meta": corpus.thread_meta,
        "warnings": corpus.warnings,
    }


@pytest.fixture
def pages_file(tmp_path: Path) -> Path:
    """Every page layout of the fixtures in one file: authors, listings, chrome, pictures."""
    path = tmp_path / "pages.txt"
    path.write_bytes(b"".join(page.read_bytes().replace(b"\r\n", b"\n") for page in PAGES))
    return path


def test_every_allowed_cut_joins_into_the_single_read(pages_file: Path) -> None:
    """At each cut the layout allows, the two parts joined equal the whole file read at once:
    buffer, columns, skipped lines, page metadata (which may read lines across the cut)."""
    raw = pages_file.read_bytes()
    expected = everything(whole_read(pages_file))
    cuts = [cut for cut in allowed_cuts(raw) if 0 < cut < len(raw)]
    assert len(cuts) > 10
    for cut in cuts:
        joined = read_in_two(Halves(str(pages_file), str(pages_file), 0, cut))
        assert everything(joined) == expected, cut


def test_a_first_part_in_8_byte_columns_joins_the_same_positions(
    pages_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The columns of a file past 4 GiB (8 bytes a position) hold what the 4-byte columns of
    a smaller one hold: a first part widened before the join gives the single read's corpus."""
    monkeypatch.setattr(parsing.split_read, "SPLIT_BYTES", 1)
    halves = plan_halves(plan([str(pages_file)]))
    assert halves is not None
    corpus = Corpus()
    resume, _ = read_first(halves, corpus)
    corpus.posts.reach(1 << 32)
    second, _ = read_second(halves)
    join_second(corpus, second, resume)
    assert corpus.posts.text_start.typecode == corpus.posts.text_end.typecode == "q"
    assert everything(corpus) == everything(whole_read(pages_file))


def test_two_parts_under_the_bound_joined_past_it_widen_the_columns(
    pages_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two parts each under the bound whose joined buffer reaches it (the bound lowered here
    to the file's size, as two parts of a 5 GiB file would) join into 8-byte columns with the
    single read's positions."""
    monkeypatch.setattr(parsing.split_read, "SPLIT_BYTES", 1)
    halves = plan_halves(plan([str(pages_file)]))
    assert halves is not None
    expected = everything(whole_read(pages_file))
    monkeypatch.setattr(parsing.tables, "NARROW_SIZE", len(expected["buf"]))
    corpus = Corpus()
    resume, _ = read_first(halves, corpus)
    second, _ = read_second(halves)
    assert corpus.posts.text_start.typecode == second.posts.text_start.typecode == "I"
    join_second(corpus, second, resume)
    assert corpus.posts.text_start.typecode == corpus.posts.text_end.typecode == "q"
    assert everything(corpus) == expected


def test_line_ends_mark_and_invalid_bytes_in_both_parts(
    pages_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file with a byte-order mark, CRLF line ends and invalid UTF-8 on both sides of its
    cut reads as it does at once, with one warning counting every replaced sequence."""
    monkeypatch.setattr(parsing.split_read, "SPLIT_BYTES", 1)
    text = pages_file.read_bytes()
    middle = len(text) // 2
    broken = text[:100] + b"\xff" + text[100:middle] + b"\xfe\xfe" + text[middle:]
    pages_file.write_bytes(b"\xef\xbb\xbf" + broken.replace(b"\n", b"\r\n"))
    halves = plan_halves(plan([str(pages_file)]))
    assert halves is not None and halves.mark == 3
    expected = everything(whole_read(pages_file))
    joined = everything(read_in_two(halves))
    assert joined == expected
    assert len(joined["warnings"]) == 1  # type: ignore[arg-type]


def test_small_files_and_several_files_are_read_whole(pages_file: Path, tmp_path: Path) -> None:
    """Below `SPLIT_BYTES`, or with more than one file, nothing is cut."""
    other = tmp_path / "other.txt"
    other.write_bytes(pages_file.read_bytes())
    assert plan_halves(plan([str(pages_file)])) is None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parsing.split_read, "SPLIT_BYTES", 1)
        assert plan_halves(plan([str(pages_file)])) is not None
        assert plan_halves(plan([str(pages_file), str(other)])) is None


def test_copies_and_shifts_in_pieces_give_the_same_corpus(
    pages_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parts copied, counted and shifted a few bytes or numbers at a time (as a big file's
    are, so the reader's interface keeps its turns) join into the single read too."""
    monkeypatch.setattr(parsing.split_read, "SPLIT_BYTES", 1)
    monkeypatch.setattr(parsing.split_read, "_WINDOW", 48)
    halves = plan_halves(plan([str(pages_file)]))
    assert halves is not None
    assert everything(read_in_two(halves)) == everything(whole_read(pages_file))


def test_parts_ending_under_a_blanked_picture_join_into_the_single_read(tmp_path: Path) -> None:
    """Posts with a picture's mark ending a line inside them, the text going on under it: the
    blanks the marks leave move to the end of each post's text, and a part ending there
    keeps them before its last newline as the whole file does, so every cut joins into the
    single read, byte for byte."""
    path = tmp_path / "pictured.txt"
    post = (
        b"1/ The lock keeper rose before the barges.\nHe oiled the gates first. Image\n"
        b"Then he swept the steps.\n2/ The river was high that spring. Image\n"
        b"The weir roared all night.\n"
    )
    path.write_bytes(post * 4)
    expected = everything(whole_read(path))
    cuts = [cut for cut in allowed_cuts(path.read_bytes()) if 0 < cut < len(post) * 4]
    assert cuts
    for cut in cuts:
        assert everything(read_in_two(Halves(str(path), str(path), 0, cut))) == expected, cut
