"""Page text and Markdown clippings through the format seam: threads carry what the page says
of them (author, handle, date, declared length), clippings keep their link addresses."""

from __future__ import annotations

import io
import json
from pathlib import Path

from parsing.export_json import write_json
from parsing.index import build_index
from parsing.loader import load_corpus
from parsing.models import CorpusExport

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def exported(*paths: Path) -> CorpusExport:
    corpus = load_corpus(paths)
    out = io.StringIO()
    write_json(corpus, build_index(corpus, with_words=False), range(corpus.thread_count), out)
    return CorpusExport.model_validate(json.loads(out.getvalue()))


def test_a_page_header_gives_its_thread_author_handle_date_and_length() -> None:
    """The header lines above a Thread Reader App thread are skipped as chrome and read for
    the thread's metadata; a teaser under "More from" gets its own date and length."""
    thread, teaser = exported(FIXTURES / "pages" / "tra_current.txt").threads
    assert (thread.author, thread.handle, thread.date, thread.declared_posts) == (
        "Orla Brennan",
        "orlabrennan",
        "2023-03-04",
        6,
    )
    assert (teaser.handle, teaser.date, teaser.declared_posts) == ("orlabrennan", "Jan 9", 3)


def test_header_lines_that_gave_metadata_stay_in_skipped() -> None:
    """The metadata is read from skipped lines; they are still listed there."""
    export = exported(FIXTURES / "pages" / "tra_current.txt")
    assert "@orlabrennan" in [line.text for line in export.skipped]


def test_a_clipping_is_read_as_its_page_with_its_front_matter() -> None:
    """A `.md` clipping: no front matter or Markdown in the text; the handle its front matter
    names fills what the page's header does not say."""
    first = exported(FIXTURES / "clippings" / "tra_page.md").threads[0]
    assert first.title.startswith("The pier at Saltby reopens")
    assert first.handle == "pierwatch"
    text = "\n".join(post.text for post in first.posts)
    assert "](" not in text and "---" not in text and "[image]" in text


def test_a_clipping_keeps_a_markdown_links_address_as_a_link_entity() -> None:
    """A Markdown link shows its text; its address is the link entity's value, where the text
    alone would have given only the truncated address it shows."""
    first = exported(FIXTURES / "clippings" / "tra_page.md").threads[0]
    links = [e for post in first.posts for e in post.entities if e.kind == "link"]
    assert [(e.text, e.value) for e in links] == [
        ("saltby.example.org/pier…", "https://saltby.example.org/pier/reopening")
    ]


def test_a_folder_reads_clippings_beside_pages(tmp_path: Path) -> None:
    """In a folder, `.md` files are clippings and `.txt` files page text."""
    for name in ("clippings/tra_page.md", "pages/tra_current.txt"):
        (tmp_path / Path(name).name).write_bytes((FIXTURES / name).read_bytes())
    corpus = load_corpus([tmp_path])
    assert sorted(Path(source.name).name for source in corpus.sources) == [
        "tra_current.txt",
        "tra_page.md",
    ]
    assert corpus.warnings == []
