"""The one read loop: which files a path holds, which format reads each, what is skipped."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from parsing.errors import ThreadlineError
from parsing.loader import load_corpus
from parsing.read_loop import Named, plan

PAGE = "1/ A first post.\n\n2/ A second post.\n"


def zipped(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_folder_reads_text_files_and_names_the_others_as_skipped(tmp_path: Path) -> None:
    """In a folder, `.txt` files are page text; a `.js` file or one with no extension (a
    `LICENSE` beside the pages) is no thread file: each named once on its own warning line,
    never parsed."""
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "LICENSE").write_text(PAGE, encoding="utf-8")
    (tmp_path / "script.js").write_text("1/ looks like a post\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [source.name for source in corpus.sources] == [str(tmp_path / "a.txt")]
    assert len(corpus.warnings) == 2
    assert all("skipped" in warning for warning in corpus.warnings)
    assert any("LICENSE" in warning for warning in corpus.warnings)
    assert any("script.js" in warning for warning in corpus.warnings)


def test_a_file_with_no_extension_named_on_its_own_is_read(tmp_path: Path) -> None:
    """Named on the command line, a page saved with no extension is read as page text."""
    (tmp_path / "notes").write_text(PAGE, encoding="utf-8")
    corpus = load_corpus([tmp_path / "notes"])
    assert [source.name for source in corpus.sources] == [str(tmp_path / "notes")]
    assert corpus.thread_count >= 1
    assert not corpus.warnings


def test_a_zip_is_read_in_place_its_members_named_after_it(tmp_path: Path) -> None:
    """A zip named on the command line is opened without unpacking; each text member is a
    source named `zip:member`, in name order."""
    path = tmp_path / "pages.zip"
    path.write_bytes(zipped({"b/two.txt": PAGE, "a/one.txt": PAGE, "a/.hidden.txt": PAGE}))
    corpus = load_corpus([path])
    assert [source.name for source in corpus.sources] == [f"{path}:a/one.txt", f"{path}:b/two.txt"]
    assert corpus.thread_count == 2
    assert not list(tmp_path.glob("a"))  # nothing unpacked


def test_a_zip_inside_a_folder_is_opened_too(tmp_path: Path) -> None:
    """A zip found in a folder is read like a named one, beside the folder's text files."""
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "more.zip").write_bytes(zipped({"c.txt": PAGE}))
    corpus = load_corpus([tmp_path])
    assert [source.name for source in corpus.sources] == [
        str(tmp_path / "a.txt"),
        f"{tmp_path / 'more.zip'}:c.txt",
    ]


def test_a_binary_member_of_a_zip_is_skipped_with_a_warning(tmp_path: Path) -> None:
    """A `.txt` member that is binary is named and skipped; the rest of the zip loads."""
    path = tmp_path / "mixed.zip"
    path.write_bytes(zipped({"bad.txt": b"\x89PNG\r\n\x1a\n" + bytes(600), "good.txt": PAGE}))
    corpus = load_corpus([path])
    assert [source.name for source in corpus.sources] == [f"{path}:good.txt"]
    assert any("bad.txt" in line and "skipped" in line for line in corpus.warnings)


def test_a_named_zip_without_threads_is_an_error(tmp_path: Path) -> None:
    """A zip of pictures, named by the user: one line naming it."""
    path = tmp_path / "pictures.zip"
    path.write_bytes(zipped({"a.png": b"\x89PNG\r\n\x1a\n" + bytes(100)}))
    with pytest.raises(ThreadlineError, match=r"pictures\.zip: no threads"):
        plan([path])


def test_a_file_named_twice_is_planned_once(tmp_path: Path) -> None:
    """Named directly and also found in its folder: one entry."""
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    items = plan([tmp_path / "a.txt", tmp_path]).items
    assert [item.entry.name for item in items] == [str(tmp_path / "a.txt")]


def test_a_named_path_is_shown_by_its_given_name(tmp_path: Path) -> None:
    """A folder given with a shown name (the demo corpus) names its files after it."""
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    corpus = load_corpus([Named(str(tmp_path), "demo")])
    assert [source.name for source in corpus.sources] == ["demo/a.txt"]


def test_progress_is_reported_after_each_file(tmp_path: Path) -> None:
    """The loop reports each file with the bytes read so far, up to the total."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    seen: list[tuple[str, int, int]] = []
    load_corpus([tmp_path], lambda item, done, total: seen.append((item.entry.name, done, total)))
    size = len(PAGE.encode())
    assert [(Path(name).name, done, total) for name, done, total in seen] == [
        ("a.txt", size, 2 * size),
        ("b.txt", 2 * size, 2 * size),
    ]
