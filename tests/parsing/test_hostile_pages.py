"""Page chrome over and over, loaded from a file as a page is (so the page's metadata is read
thread by thread): the rules that read a page's chrome, bylines, headers and attributions must
stay linear in it.

Speed is never asserted: each size is chosen so that a rule reading all the page (or all its
chrome, or all its credits) again for each thread would take minutes, while the linear reading
takes a second or two. Each input loads with every line accounted for, and says what it should.
"""

from __future__ import annotations

from pathlib import Path

from parsing import load_corpus
from parsing.corpus import Corpus

from .test_mutations import assert_every_line_accounted, decoded_lines


def load_page(tmp_path: Path, text: str) -> Corpus:
    raw = text.encode("utf-8")
    page = tmp_path / "page.txt"
    page.write_bytes(raw)
    corpus = load_corpus([page])
    assert_every_line_accounted(corpus, decoded_lines(raw))
    return corpus


def test_credits_run_into_tweets_of_two_handles_each_give_their_thread(tmp_path: Path) -> None:
    """60,000 tweets a blog embeds, each with its credit run into its last line, the handles
    taking turns: each is a thread of its own whose handle is its credit's. The credits inside
    each thread are found among the page's by where they stand, not by a look through them all
    for every thread."""
    count = 60_000
    corpus = load_page(
        tmp_path,
        "".join(
            f"A tweet {n} of text. \u2014 Ana (@ana{n % 2}) March 3, 2020\n" for n in range(count)
        ),
    )
    assert corpus.thread_count == count
    assert [corpus.meta(thread).handle for thread in (0, 1, count - 1)] == ["ana0", "ana1", "ana1"]
