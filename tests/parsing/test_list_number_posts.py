"""List numbers (`1.`, `3.`) that number posts, and lists that stay inside one post: indented
by the page, restarting inside a post, glued after an emoji tag (the other numbering styles:
test_layout_numbering)."""

from __future__ import annotations

import pytest

from .helpers import numbers, parse_text, texts


@pytest.mark.parametrize("indent", ["", "   ", " " * 24])
def test_list_numbers_indented_by_the_page_still_number_posts(indent: str) -> None:
    """`3.`, `4.`, `6.` skip a number, so they number posts, however deep the page indents them."""
    corpus = parse_text(
        "The flood, one village at a time.\n"
        f"{indent}3. Millbrook lost its footbridge.\n"
        f"{indent}4. Ashford kept its bridge.\n"
        f"{indent}6. Lower Heath is cut off at high tide.\n"
    )
    assert numbers(corpus) == [[None, 3, 4, 6]]
    assert texts(corpus)[0][3] == "Lower Heath is cut off at high tide."


def test_a_list_restarting_among_list_numbered_posts_stays_in_its_post() -> None:
    """Posts numbered `1.` to `3.` (more text than one post holds), then a short list `1.`,
    `2.` inside post 3: the list is the post's, whole."""
    item = (
        "a long line about the harbour works, the dredger, the new moorings and the fees, in detail"
    )
    item += " for the owners"
    corpus = parse_text(
        f"1. {item}.\n2. {item}.\n3. {item}. Two rules:\n1. No mooring.\n2. No fishing.\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert texts(corpus)[0][2] == f"{item}. Two rules:\n1. No mooring.\n2. No fishing."


def test_list_numbers_glued_after_an_emoji_tag_number_posts() -> None:
    """Each post tagged with emoji glued to its list number (`📮🇬🇧2. Text`), the numbered
    lines holding more than one post could: the numbers are post numbers as without the tag,
    and the tag and number stay the post's text, kept from the line start."""
    tale = " It was a season of letters lost, parcels left in the rain, and queues out the door."
    corpus = parse_text(
        f"📮🇬🇧1. The post office shut three branches this spring.{tale}\nMore in my column:\n"
        f"📮🇬🇧2. They were the oldest in town and the busiest on market days.{tale}\n"
        f"📮🇬🇧3. Nobody asked the town before the closures.{tale}\n"
    )
    assert numbers(corpus) == [[1, 2, 3]]
    assert (
        texts(corpus)[0][1]
        == f"📮🇬🇧2. They were the oldest in town and the busiest on market days.{tale}"
    )


def test_an_emoji_tagged_short_list_inside_a_post_stays_text() -> None:
    """A short list under a post's intro, each item tagged (`✅1. Ropes`): the items are the
    post's, as an untagged list's are."""
    corpus = parse_text("Packing for the crossing:\n✅1. Ropes.\n✅2. Flares.\n✅3. Water.\n")
    assert numbers(corpus) == [[None]]
