"""The top and the foot of a listing as copies of real pages give them: an author page copied
from its bio down (no name, handle or picture above it), an older hashtag listing whose heading
ends in a colon, and the older donation block under a listing. Fixtures are invented text."""

from __future__ import annotations

from .helpers import numbers, parse_text, skipped, texts

_AUTHOR_PAGE = (
    "Tide tables, harbour gossip and the odd storm | skipper @NorthQuay\n"
    "Oct 12, 2025 \u2022 10 tweets \u2022 2 min read\n"
    "The breakwater was finished in 1911.\n"
    "It has moved twice since then.\n"
    "Sep 21, 2025 \u2022 7 tweets \u2022 2 min read\n"
    "Why the lighthouse keeper kept goats.\n"
    "A short thread \U0001f9f5\n"
)


def test_a_bio_opening_an_author_page_copy_is_chrome() -> None:
    """An author page copied from its bio down opens with the bio, right above the first
    thread's date and length line: header, not a thread (a thread's text never stands above
    its own length line)."""
    corpus = parse_text(_AUTHOR_PAGE)
    assert [t[0] for t in texts(corpus)] == [
        "The breakwater was finished in 1911.\nIt has moved twice since then.",
        "Why the lighthouse keeper kept goats.\nA short thread \U0001f9f5",
    ]
    assert skipped(corpus)[0] == (
        1,
        "Tide tables, harbour gossip and the odd storm | skipper @NorthQuay",
    )


def test_a_name_and_bio_opening_a_copy_above_a_length_line_are_chrome() -> None:
    """The name may be copied on its own line above the bio: both are the header."""
    corpus = parse_text("Mara Quay\n" + _AUTHOR_PAGE)
    assert [line for line, _ in skipped(corpus)][:3] == [1, 2, 3]
    assert corpus.thread_count == 2


def test_a_post_above_a_length_line_lower_down_stays_a_post() -> None:
    """Only the lines opening the copy are the header: text standing above a later length
    line is a teaser's last words."""
    corpus = parse_text(_AUTHOR_PAGE)
    assert texts(corpus)[0][-1].endswith("It has moved twice since then.")


def test_an_older_listing_heading_with_a_colon_is_chrome() -> None:
    """The older hashtag listing writes its heading `Most recents (24):`: chrome, not the
    first teaser's title."""
    corpus = parse_text(
        "Account Share\n\nDiscover and read the best of Twitter Threads about #tides\n\n"
        "Most recents (24):\nThe spring tide came early this year.\nIt flooded the lane.\n"
        "Read 5 tweets\nA note on the harbour wall.\nIt needs mending.\nRead 3 tweets\n"
    )
    assert [corpus.title(t) for t in range(corpus.thread_count)] == [
        "The spring tide came early this year.",
        "A note on the harbour wall.",
    ]
    assert (5, "Most recents (24):") in skipped(corpus)


def test_the_older_donation_block_is_chrome() -> None:
    """The older footer asks for support in its own words (a solo developer, a lower-case
    "Premium member", a beer): chrome under the listing, no thread."""
    corpus = parse_text(
        "Most recents (24)\nThe spring tide came early this year.\nIt flooded the lane.\n"
        "Read 5 tweets\nDid Thread Reader help you today?\n"
        "Support me: I'm a solo developer! Read more about the story\n"
        "Become a \U0001f48e Premium member ($30/year) and get exclusive features!\n"
        "Too expensive?\n"
        "Make a small donation instead. Buy me a \U0001f37a beer ($5) or help for the server"
        " cost ($10):\n"
        "Donate with \U0001f618 Paypal or  Become a Patron \U0001f60d on\n"
    )
    assert corpus.thread_count == 1
    assert numbers(corpus) == [[None]]
    assert [line for line, _ in skipped(corpus)] == [1, 4, 5, 6, 7, 8, 9, 10]


def test_the_older_donation_blocks_first_line_cut_short_is_chrome() -> None:
    """A copy cut inside "Support me: I'm a solo developer!" leaves its start: chrome."""
    corpus = parse_text(
        "Most recents (24)\nThe spring tide came early this year.\nRead 5 tweets\n"
        "Did Thread Reader help you today?\nSupport me: I'm a solo develo"
    )
    assert corpus.thread_count == 1
    assert [line for line, _ in skipped(corpus)] == [1, 3, 4, 5]
