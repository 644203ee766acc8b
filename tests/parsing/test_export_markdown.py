"""`export --format markdown` written from the threads' dicts: the Markdown of the export
models, whatever the corpus or the selection, with each thread's id hashed once."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing import build_index
from parsing.corpus import Corpus
from parsing.export import export_model, to_markdown
from parsing.export_index import export_index
from parsing.export_markdown import write_markdown
from tests.bench.generate import generate

from .helpers import parse_text
from .test_properties import PROPERTY, texts


def markdown_written(corpus: Corpus, threads: Sequence[int]) -> str:
    """What `export --format markdown` writes: the flags of the chosen threads, no entities."""
    out = io.StringIO()
    write_markdown(corpus, export_index(corpus, threads, with_entities=False), threads, out)
    return out.getvalue()


def markdown_of_models(corpus: Corpus, threads: Sequence[int]) -> str:
    """`to_markdown` of the validated models, built from the full index."""
    return to_markdown(export_model(corpus, build_index(corpus), threads)) + "\n"


@pytest.mark.parametrize("shape", ["few", "many"])
def test_markdown_of_a_generated_corpus_is_the_markdown_of_its_models(shape: str) -> None:
    """Every thread of a generated corpus (gaps, unnumbered posts, flags, headers) reads in
    Markdown exactly as the validated models give it."""
    corpus = parse_text("".join(line + "\n" for line in generate(600, seed=5, shape=shape)))
    threads = range(corpus.thread_count)
    assert markdown_written(corpus, threads) == markdown_of_models(corpus, threads)


def test_a_selection_keeps_each_threads_corpus_id() -> None:
    """Threads written alone name themselves by their ids in the whole corpus (the second of
    two identical threads is `-2` even when the first is not written)."""
    same = "1/2 The quay flooded at dawn. 🇯🇵\n2/2 It drained by noon.\n"
    corpus = parse_text(same + "\n\nTHREAD\n1/1 Other news.\n\n" + same)
    every = corpus.thread_ids
    assert every[2] == every[0] + "-2"
    written = markdown_written(corpus, [2])
    assert f"· id {every[2]} ·" in written
    assert written == markdown_of_models(corpus, [2])


def test_markdown_walks_the_corpus_once_for_the_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ids of the written threads are found together: a thread's id alone walks the
    threads before it, which made a selection's Markdown quadratic in the corpus."""
    corpus = parse_text("".join(line + "\n" for line in generate(600, seed=5)))
    walked = []
    shape = Corpus._thread_shape

    def counted(self: Corpus, thread: int) -> tuple[int, int, int]:
        walked.append(thread)
        return shape(self, thread)

    monkeypatch.setattr(Corpus, "_thread_shape", counted)
    threads = list(range(1, corpus.thread_count, 2))
    markdown_written(corpus, threads)
    # Once for the chosen threads' shapes, once over the threads up to the last chosen.
    assert 0 < len(walked) <= len(threads) + corpus.thread_count


@PROPERTY
@given(texts)
def test_any_texts_markdown_is_the_markdown_of_its_models(text: str) -> None:
    """For any text (markers, chrome, controls, Markdown's special characters), the Markdown
    written from the dicts is that of the models."""
    corpus = parse_text(text)
    threads = range(corpus.thread_count)
    assert markdown_written(corpus, threads) == markdown_of_models(corpus, threads)


BLOCK_OPENINGS = [
    "- a dash",
    "+ a plus",
    "---",
    "===",
    "~~~",
    "```",
    "1. one",
    "7) seven",
    "    four spaces",
    "",
    "  ",
    "~~struck~~",
    "&lt;b&gt; &amp; &copy;",
    "> quoted",
    "# hashed",
    "| a | b |",
    "***",
    "<div>",
    "plain words",
]
"""Lines of post text that Markdown would read as a block's opening, inline markup or an
entity, if written as they are."""

_RENDERED_TAGS = re.compile(r"</?([a-z0-9]+)")


def rendered(markdown: str) -> str:
    """The HTML a CommonMark renderer with GitHub's strikethrough and tables makes of it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(markdown)


@PROPERTY
@given(st.lists(st.sampled_from(BLOCK_OPENINGS), min_size=1, max_size=6))
def test_no_line_of_a_post_opens_markup(lines: list[str]) -> None:
    """Whatever a post's lines start with (a list's marker, a heading's rule, a code fence, a
    blank line before indented text) or hold (`~~`, an entity), each post renders as one
    paragraph of text: the Markdown of untrusted text is never markup."""
    text = "1/2 The quay flooded at dawn.\n" + "\n".join(lines) + "\nstill the first post\n"
    corpus = parse_text(text + "2/2 It drained by noon.\n")
    html = rendered(markdown_written(corpus, range(corpus.thread_count)))
    assert set(_RENDERED_TAGS.findall(html)) <= {"h1", "p", "em", "strong", "br"}, html
    assert html.count("<p><strong>") == 2, html
    if "&lt;b&gt; &amp; &copy;" in lines:  # shown as written, not as the characters named
        assert "&amp;lt;b&amp;gt; &amp;amp; &amp;copy;" in html, html
