"""Page chrome over and over, loaded from a file as a page is (so the page's metadata is read
thread by thread): the rules that read a page's chrome, bylines, headers and attributions must
stay linear in it.

Speed is never asserted: each size is chosen so that a rule reading all the page (or all its
chrome, or all its credits) again for each thread would take minutes, while the linear reading
takes a second or two. Each input loads with every line accounted for, and says what it should.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from parsing import load_corpus
from parsing.corpus import Corpus
from parsing.stats import corpus_stats

from .test_mutations import assert_every_line_accounted, decoded_lines


def load_page(tmp_path: Path, text: str) -> Corpus:
    """`text` loaded as a page, with every line accounted for."""
    corpus = load_page_unchecked(tmp_path, text)
    assert_every_line_accounted(corpus, decoded_lines(text.encode("utf-8")))
    return corpus


def load_page_unchecked(tmp_path: Path, text: str, suffix: str = ".txt") -> Corpus:
    """`text` loaded from a file named with `suffix` (a Markdown clipping's drops its rules)."""
    page = tmp_path / f"page{suffix}"
    page.write_text(text, encoding="utf-8")
    return load_corpus([page])


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


@pytest.mark.parametrize(
    "strong", ["\u2022 \u2022 \u2022", "Open in app"], ids=["end-marker", "platform-bar"]
)
def test_weak_chrome_lines_above_a_strong_one_are_chrome_in_one_reading(
    tmp_path: Path, strong: str
) -> None:
    """20,000 weak chrome lines (`Listen`, chrome only next to other chrome) stacked above one
    strong line under a post: each is chrome, the one above it confirmed by the one below. A
    pass over the weak lines for each one confirmed upwards would take minutes."""
    count = 20_000
    corpus = load_page(tmp_path, "1/ A post.\n" + "Listen\n" * count + strong + "\n")
    assert corpus.thread_count == 1
    assert len(corpus.skipped) == count + 1


PAGES: dict[str, Callable[[], str]] = {
    "5k-medium-bylines": lambda: "".join(
        f"A title of note {n}\nAda Reed\nAda Reed\n\u00b7\nFollow\n5 min read\n\u00b7\n"
        f"Mar 3, 2024\n1/ The first post of note {n}.\n2/ The second post.\n\n"
        for n in range(5_000)
    ),
    "30k-names-handles-and-reading-times": lambda: "Ada\n@ada\n5 min read\n" * 10_000,
    "5k-threader-headers": lambda: "".join(
        f"Ada Reed\n+ Your Authors\n@ada\nA bio.\nMar 3\n1 min read\n1/ Post {n}.\n"
        for n in range(5_000)
    ),
    "5k-conversation-title-bars": lambda: "".join(
        f"Thread\nConversation\nAda Reed\n@ada{n % 7}\n\u00b7\n3h\nA tweet {n}.\n12\n"
        "Retweets\nShow this thread\n"
        for n in range(5_000)
    ),
    "5k-latest-threads-unrolled": lambda: (
        "1/ A post.\nYou can follow @ada.\nLatest Threads Unrolled:\nA teaser.\n" * 5_000
    ),
    "5k-substack-dated-bylines": lambda: "Ada\nMar 3\n12\n4\nShare\n" * 5_000,
    "2MB-byline-name": lambda: (
        "Ada " * 500_000 + "\n\u00b7 Follow\n5 min read\n\u00b7\nMar 3, 2024\n1/ a\n"
    ),
}
"""Pages of one kind of chrome over and over, each block a thread or all of it skipped."""


@pytest.mark.parametrize("make", PAGES.values(), ids=PAGES.keys())
def test_a_page_of_repeated_chrome_loads_with_every_line_accounted(
    tmp_path: Path, make: Callable[[], str]
) -> None:
    """Loads (the page's metadata read for each thread) with every non-blank line in one post
    or one skipped entry; the statistics count the threads and posts laid out."""
    corpus = load_page(tmp_path, make())
    stats = corpus_stats(corpus)
    assert (stats.threads, stats.posts) == (corpus.thread_count, corpus.post_count)


def test_a_front_matter_too_long_for_a_clipper_is_read_as_text(tmp_path: Path) -> None:
    """A clipping opening with 1 MB of front matter (125,000 tags) loads; the post under it
    is read."""
    front = "---\ntitle: A page\ntags:\n" + "  - tag\n" * 125_000 + "---\n"
    corpus = load_page_unchecked(tmp_path, front + "1/ A post.\n", ".md")
    assert corpus.post_text(corpus.post_count - 1) == "A post."


def test_twenty_thousand_teaser_links_each_read_once(tmp_path: Path) -> None:
    """A clipping of 20,000 paragraphs, each one link to a thread on the unroller: each is a
    thread or a skipped line, once."""
    count = 20_000
    corpus = load_page_unchecked(
        tmp_path,
        "".join(
            f"[A teaser {n}](https://threadreaderapp.com/thread/{n}.html)\n\n" for n in range(count)
        ),
        ".md",
    )
    assert corpus.thread_count + len(corpus.skipped) == count
