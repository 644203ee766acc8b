"""Wrapping a thread's posts into lines, without running the reader."""

from __future__ import annotations

from tui.post_layout import HINT, PostData, lay_out


def post(number: int | None, text: str) -> PostData:
    return PostData(number=number, text=text, entities=[], first_line=1, last_line=1)


def test_a_missing_post_gets_a_placeholder_block_in_its_place() -> None:
    """Posts 1 and 3 give three blocks: post 1, a placeholder naming post 2, post 3."""
    layout = lay_out(0, [post(1, "First."), post(3, "Third.")], 40)
    assert [block.post for block in layout.blocks] == [0, None, 1]
    assert "2" in layout.blocks[1].text
    assert layout.block_of_post == [0, 2]


def test_posts_are_wrapped_to_the_width_with_a_blank_line_between() -> None:
    """A post longer than the width wraps over several lines; the next block starts one blank
    line after its last, and the height counts that line too."""
    words = "word " * 20
    layout = lay_out(0, [post(1, words), post(2, "Short.")], 20)
    first, second = layout.blocks
    assert len(first.lines) > 2
    assert all(line.cell_length <= 20 for line in first.lines)
    assert second.top == first.top + len(first.lines) + 1
    assert layout.height == second.top + len(second.lines) + 1


def test_no_thread_shows_the_hint() -> None:
    """With no thread open the layout is the hint alone."""
    layout = lay_out(None, [], 40)
    assert [block.text for block in layout.blocks] == [HINT]


def test_width_zero_lays_out_nothing() -> None:
    """Before the pane has a size nothing is wrapped."""
    assert lay_out(0, [post(1, "First.")], 0).blocks == []


def test_the_post_scrolled_to_is_the_first_that_starts_on_screen() -> None:
    """Posts of 2 lines each (number, text; a blank line between: tops 0, 3, 6). With lines 3–5
    on screen the
    post starting at 3 becomes current; the current post stays while it starts on screen; a
    post covering the whole screen stays current."""
    layout = lay_out(0, [post(1, "First."), post(2, "Second."), post(3, "Third.")], 40)
    assert [block.top for block in layout.blocks] == [0, 3, 6]
    assert layout.post_scrolled_to(3, 6, current=0) == 1
    assert layout.post_scrolled_to(2, 5, current=1) == 1
    assert layout.post_scrolled_to(4, 8, current=0) == 2
    assert layout.post_scrolled_to(4, 5, current=1) == 1  # it fills the screen
