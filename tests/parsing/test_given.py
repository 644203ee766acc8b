"""Threads a format gives whole (an archive's): the same columns, text, metadata and entities."""

from __future__ import annotations

import io
import json

from parsing.corpus import Corpus
from parsing.export_json import write_json
from parsing.given import (
    GivenEntity,
    GivenPost,
    GivenThread,
    PostMeta,
    ThreadMeta,
    add_given_threads,
)
from parsing.index import build_index
from parsing.models import CorpusExport

META = ThreadMeta(author="Ada Example", handle="ada_example", date="2024-03-01")
THREADS = [
    GivenThread(
        (
            GivenPost(1, "First post about 🇫🇷 wine\nwith a second line"),
            GivenPost(
                2,
                "Then @bob_example and example.org/a…",
                PostMeta(
                    date="2024-03-02",
                    media=("photo",),
                    entities=(
                        GivenEntity("mention", 5, 17, "bob_example"),
                        GivenEntity("link", 22, 36, "https://example.org/a/long", True),
                    ),
                ),
            ),
        ),
        META,
    ),
    GivenThread((GivenPost(2, "A reply whose root is gone"),)),
]


def exported(corpus: Corpus) -> CorpusExport:
    out = io.StringIO()
    write_json(corpus, build_index(corpus), range(corpus.thread_count), out)
    return CorpusExport.model_validate(json.loads(out.getvalue()))


def given_corpus() -> Corpus:
    corpus = Corpus()
    add_given_threads(corpus, "archive.zip", THREADS)
    return corpus


def test_given_posts_keep_their_text_numbers_and_lines() -> None:
    """Each given post reads back exactly, numbered as given, on the lines of the source text
    (a blank line between posts, two between threads)."""
    export = exported(given_corpus())
    first, second = export.threads
    assert [post.text for post in first.posts] == [post.text for post in THREADS[0].posts]
    assert [(p.first_line, p.last_line) for p in first.posts] == [(1, 2), (4, 4)]
    assert (second.first_line, second.last_line) == (7, 7)
    assert second.missing == [1]


def test_thread_and_post_metadata_are_exported() -> None:
    """Author, handle and date on the thread; a post's date and media where given, and null
    metadata where nothing was said."""
    first, second = exported(given_corpus()).threads
    assert (first.author, first.handle, first.date) == ("Ada Example", "ada_example", "2024-03-01")
    assert (second.author, second.date, second.declared_posts) == (None, None, None)
    assert first.posts[1].date == "2024-03-02"
    assert first.posts[1].media == ["photo"]
    assert first.posts[0].date is None


def test_given_entities_replace_the_text_rules_and_flags_come_from_the_text() -> None:
    """A post with listed entities exports those (a link's value is the full URL), plus the
    flags found in its text; a post without any is read by the text rules."""
    first = exported(given_corpus()).threads[0]
    kinds = [(e.kind, e.text, e.value) for e in first.posts[1].entities]
    assert kinds == [
        ("mention", "@bob_example", "bob_example"),
        ("link", "example.org/a…", "https://example.org/a/long"),
    ]
    assert [(e.kind, e.value) for e in first.posts[0].entities] == [("flag", "FR")]
    assert first.flags == ["FR"]
