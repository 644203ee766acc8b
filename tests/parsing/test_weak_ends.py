"""Weak lines a page puts under their heading or over a thread, never between a thread's last
line and its footer: there they end a post (`parsing.weak_ends`)."""

from __future__ import annotations

import pytest

from .helpers import parse_text, skipped, texts

_FOOTERS = [
    "• • •\nMissing some Tweet in this thread? You can try to force a refresh\n",
    "You can follow @lidolog.\n",
    "Enjoy Threader?\nSign up\n",
]


@pytest.mark.parametrize("footer", _FOOTERS)
@pytest.mark.parametrize("last", ["Sign up", "5 min read", "Discover more"])
def test_a_posts_last_line_right_above_a_footer_is_kept(last: str, footer: str) -> None:
    """Under the post's text and over the footer that closes the thread, `Sign up`, a bare
    reading time or `Discover more` is the post's last line: no page puts its link or header
    there."""
    corpus = parse_text(f"1/ The lido opens in May.\n2/ Tickets at the gate:\n{last}\n{footer}")
    assert texts(corpus) == [["The lido opens in May.", f"Tickets at the gate:\n{last}"]]


def test_the_sign_up_link_under_its_heading_is_still_chrome() -> None:
    """Under `Enjoy Threader?` the link is the footer's: the post above keeps its own last line
    `Sign up`, and the footer's is skipped."""
    corpus = parse_text("The lido opens in May.\nSign up\nEnjoy Threader?\nSign up\n")
    assert texts(corpus) == [["The lido opens in May.\nSign up"]]
    assert [text for _, text in skipped(corpus)] == ["Enjoy Threader?", "Sign up"]


def test_a_reading_time_over_a_footer_under_other_chrome_is_chrome() -> None:
    """A reading time with chrome above it as well is the page's: only text above it makes it
    a post's line."""
    corpus = parse_text("1/ The lido opens in May.\nShare\n5 min read\n• • •\n")
    assert texts(corpus) == [["The lido opens in May."]]
    assert [text for _, text in skipped(corpus)][:2] == ["Share", "5 min read"]
