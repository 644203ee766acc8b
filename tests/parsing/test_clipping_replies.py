"""X clippings (Obsidian Web Clipper's template for a post page): the header above each post
with an escaped handle or a date without its link, and the replies by other people saved under
the thread (tests/fixtures/clippings/)."""

from __future__ import annotations

from parsing import load_corpus

from .helpers import FIXTURES, numbers, skipped, texts

CLIPPINGS = FIXTURES / "clippings"


def test_replies_and_promoted_posts_by_others_are_skipped_not_posts() -> None:
    """Under the author's two posts, a reply by another handle and a promoted post (a header
    with no date) are skipped, header and text: the thread holds the author's posts only."""
    corpus = load_corpus([CLIPPINGS / "x_thread_with_replies.md"])
    assert numbers(corpus) == [[None, None]]
    assert texts(corpus)[0][1] == (
        "Seed swap is on the first Saturday in March, bring labelled packets."
    )
    skipped_texts = [text for _, text in skipped(corpus)]
    assert "Finally! Is the wheelbarrow in there too?" in skipped_texts
    assert "Save on polytunnels this spring with free delivery." in skipped_texts
    assert corpus.meta(0).handle == "ottoklee"


def test_header_with_escaped_handle_and_plain_date_is_read_and_blanked() -> None:
    """`**Name** @\\_handle 2026-03-31`: the header gives the author's name, is skipped rather
    than read as the thread's title, and the escaped list numbers under it stay text."""
    corpus = load_corpus([CLIPPINGS / "x_post_plain_date.md"])
    assert numbers(corpus) == [[None]]
    assert corpus.title(0) == "Three places to watch the spring tide this weekend."
    assert corpus.meta(0).author == "Lena Ward"
    assert corpus.meta(0).handle == "_lenaward"
    assert [line for line, _ in skipped(corpus)] == [8]


def test_the_header_of_a_quoted_post_card_is_skipped_not_the_posts_last_words() -> None:
    """The template sets a quoted post under the post as a quote, its header on one line
    (`**Name @handle** · 2026-04-20`, the date the ISO way): a tweet's header, as a copied
    page gives it, skipped with the card's picture next to it."""
    corpus = load_corpus([CLIPPINGS / "x_post_quoted_card.md"])
    assert texts(corpus) == [
        ["The ferry timetable changes on Monday.\n\nI wrote up the new sailings in one place."]
    ]
    assert [text.strip() for _, text in skipped(corpus)] == [
        "Ada Quill @_adaquill · 2026-04-20",
        "[image]",
    ]
