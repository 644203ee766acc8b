"""Teasers of other threads in a clipping whose clipper dropped the `More from @x` heading (a
newsletter's clipper, say): two or more paragraphs in a row that are each one link to a thread
on the unroller read as under the heading, each a thread of its own; the clipper's repeat of a
teaser's text under its link is dropped."""

from __future__ import annotations

from pathlib import Path

from parsing import load_corpus

from .helpers import FIXTURES, numbers, skipped, texts

CLIPPINGS = FIXTURES / "clippings"
TEASERS = [
    "Why I stopped oiling my chain every week, and what I use now.",
    "A short guide to patching a tube by the roadside, with no water to hand.",
    "My winter tyre pressures, and why they are lower than the sidewall says.",
]


def test_teasers_without_their_heading_read_as_with_it() -> None:
    with_heading = load_corpus([CLIPPINGS / "more_from_links.md"])
    without = load_corpus([CLIPPINGS / "more_from_no_heading.md"])
    assert numbers(without) == numbers(with_heading) == [[1, 2, 3], [None], [None], [None]]
    assert texts(without)[1:] == [[teaser] for teaser in TEASERS]


def test_a_teasers_repeated_text_under_its_link_is_skipped() -> None:
    corpus = load_corpus([CLIPPINGS / "more_from_no_heading.md"])
    assert [line for line, _ in skipped(corpus)] == [7, 8, 9, 15, 18, 21]


def test_teasers_take_the_pages_handle_but_not_the_clippings_author_and_date() -> None:
    """The front matter's author and date are the clipped page's (here a newsletter's name and
    the day it was clipped), not another thread's; the handle is the page's author's."""
    corpus = load_corpus([CLIPPINGS / "more_from_no_heading.md"])
    for thread in (1, 2, 3):
        meta = corpus.meta(thread)
        assert (meta.author, meta.handle, meta.date) == (None, "pollyquill", None)


def test_one_link_to_a_thread_alone_stays_the_text_it_stands_in(tmp_path: Path) -> None:
    page = tmp_path / "clip.md"
    page.write_text(
        "---\ntitle: A note\n---\n1/ The chain wore out in March.\n\n"
        "[Why I stopped oiling my chain every week.](https://threadreaderapp.com/thread/182.html)"
        "\n\n2/ The new one is quieter.\n",
        encoding="utf-8",
    )
    corpus = load_corpus([page])
    assert numbers(corpus) == [[1, 2]]
    assert texts(corpus)[0][0].endswith("Why I stopped oiling my chain every week.")
