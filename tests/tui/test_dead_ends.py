"""No dead ends: help says it scrolls, every pane has a title, the post pane follows the
filters, a truncated link says so, and a post's text or link can be copied."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Footer, OptionList, Static
from textual.widgets._footer import FooterKey

from tui.app import ThreadlineApp
from tui.links import TRUNCATED_WARNING
from tui.post_layout import HINT
from tui.screens.flag_picker import FlagPicker
from tui.screens.help_screen import HelpScreen
from tui.screens.link_picker import LinkPicker

from .helpers import (
    EMPTY,
    LIGHTHOUSE,
    SEEDLIKE,
    SMALL,
    WIDE,
    click_text,
    list_lines,
    make_app,
    notifications,
    open_thread,
    placeholder_texts,
    post_pane,
    related_pane,
    thread_list,
    thread_open,
    wait_loaded,
    wait_until,
)

WHOLE = "https://harbour.example.org/tides/spring"
CUT = "https://news.example.com/articles/the-long-story-of-the-pier"


pytestmark = pytest.mark.usefixtures("own_folders")


def links_corpus(folder: Path) -> str:
    """One thread: post 1 holds a whole link and one cut short with `…`; post 2 only the cut
    one."""
    path = folder / "links.txt"
    path.write_text(
        f"1/ Tides at {WHOLE} and more at news.example.com/articles/the-long-story-of-the-pier…\n"
        "2/ Only news.example.com/articles/the-long-story-of-the-pier… here.\n",
        encoding="utf-8",
    )
    return str(path)


async def test_help_at_80x24_scrolls_and_says_so() -> None:
    """At 80x24 the help is taller than the screen: it scrolls, and its border says how."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        body = app.screen.query_one(VerticalScroll)
        assert body.max_scroll_y > 0
        assert "scroll" in str(body.border_subtitle)


@pytest.mark.parametrize(("keys", "where"), [(("j", "j"), 2), (("G",), None), (("end", "g"), 0)])
async def test_help_scrolls_with_the_reading_keys(keys: tuple[str, ...], where: int | None) -> None:
    """In the help, `j`, `g` and `G` scroll as they move in the panes (`None`: to its end)."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        body = app.screen.query_one(VerticalScroll)
        await pilot.press(*keys)
        await pilot.pause()
        assert body.scroll_y == (body.max_scroll_y if where is None else where)


async def test_help_pages_down_with_space() -> None:
    """In the help, space pages down, as it does in the posts."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.pause()
        body = app.screen.query_one(VerticalScroll)
        await pilot.press("space")
        await pilot.pause()
        assert body.scroll_y >= body.scrollable_content_region.height - 1


async def test_a_corpus_with_no_thread_says_so_in_the_list() -> None:
    """A file with no thread in it: once read, the list says none were found in it (the
    notification alone goes away)."""
    app = make_app(EMPTY)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.pause()
        assert list_lines(app)[0].strip() == "No threads found in empty.txt"


async def test_post_pane_offers_no_thread_to_open_when_the_list_is_empty() -> None:
    """A search that matches nothing leaves no thread to open: the post pane does not say
    "Open a thread with enter"; clearing the search brings the hint back."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash", *"zzqxnothing", "enter")
        await wait_until(pilot, lambda: not thread_list(app).rows)
        await pilot.pause()
        assert placeholder_texts(app) == []
        await pilot.press("escape")
        await wait_until(pilot, lambda: bool(thread_list(app).rows))
        await pilot.pause()
        assert placeholder_texts(app) == [HINT]


async def test_related_pane_has_a_title() -> None:
    """The related pane is titled, as the list and the posts are."""
    async with thread_open(LIGHTHOUSE) as (_, app):
        assert str(related_pane(app).border_title) == "Related"


async def test_post_pane_drops_a_thread_the_search_excludes() -> None:
    """A search that leaves the open thread out of the list closes it in the post pane too."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press("slash", *"Quasarcorp", "enter")
        await pilot.pause()
        assert app.main_screen.opened is None
        assert post_pane(app).thread is None


async def test_post_pane_keeps_a_thread_the_search_keeps() -> None:
    """A search that the open thread passes leaves it open."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press("slash", *"almanac", "enter")
        await pilot.pause()
        assert post_pane(app).thread == LIGHTHOUSE


async def test_link_picker_marks_a_truncated_link(tmp_path: Path) -> None:
    """In the picker, the link the text cut short says it is truncated; the whole one not."""
    app = ThreadlineApp(paths=[links_corpus(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, LinkPicker))
        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(2)]
        assert [("truncated" in label) for label in labels] == [False, True]


async def test_opening_a_truncated_link_warns(tmp_path: Path, browser: list[str]) -> None:
    """`o` on a post whose one link was cut short opens it, with a warning that it may not
    lead to the page."""
    app = ThreadlineApp(paths=[links_corpus(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        await pilot.press("j", "o")
        await wait_until(pilot, lambda: bool(browser))
        assert browser == [CUT]
        assert any("cut short" in message for message in notifications(app))


async def test_clicking_a_truncated_link_in_a_post_warns(
    tmp_path: Path, browser: list[str]
) -> None:
    """A click on a link cut short in the post's text opens it with the same warning as the
    link picker's: it may not lead to the page."""
    app = ThreadlineApp(paths=[links_corpus(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        await click_text(pilot, app, "news.example.com/articles", skip=3)
        await wait_until(pilot, lambda: bool(browser))
        assert browser == [CUT]
        assert TRUNCATED_WARNING in notifications(app)


async def test_clicking_a_whole_link_in_a_post_does_not_warn(
    tmp_path: Path, browser: list[str]
) -> None:
    """A click on a link given whole opens it with no warning of a cut."""
    app = ThreadlineApp(paths=[links_corpus(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        await click_text(pilot, app, "harbour.example.org", skip=3)
        await wait_until(pilot, lambda: bool(browser))
        assert browser == [WHOLE]
        assert TRUNCATED_WARNING not in notifications(app)


async def test_y_copies_the_current_posts_text() -> None:
    """`y` puts the current post's text on the clipboard."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press("y")
        await pilot.pause()
        post = post_pane(app).current_post
        assert post is not None and app.clipboard == post.text


async def test_shift_y_copies_the_link_the_user_picks(tmp_path: Path) -> None:
    """`Y` on a post with two links offers them; enter copies the one highlighted."""
    app = ThreadlineApp(paths=[links_corpus(tmp_path)])
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        await pilot.press("Y")
        await wait_until(pilot, lambda: isinstance(app.screen, LinkPicker))
        await pilot.press("enter")
        await pilot.pause()
        assert app.clipboard == WHOLE


async def test_shift_y_on_a_post_without_links_copies_nothing() -> None:
    """`Y` on a post with no link says so and leaves the clipboard alone."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press("Y")
        await pilot.pause()
        assert app.clipboard == ""
        assert any("no link" in message for message in notifications(app))


async def flag_counts_after_search(search: str) -> dict[str, int]:
    """The flag picker's count per flag once `search` narrows the list."""
    app = make_app(SEEDLIKE, search=search)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, FlagPicker))
        assert isinstance(app.screen, FlagPicker)
        return {choice.code: choice.threads for choice in app.screen.choices}


async def test_flag_counts_follow_the_active_search() -> None:
    """With a search that leaves only the Quasarcorp thread, the picker counts 1 for its flag
    and 0 for the flags only the other threads carry."""
    assert await flag_counts_after_search("Quasarcorp") == {"BR": 1, "CN": 0, "RU": 0, "NO": 0}


async def test_flag_counts_without_filters_count_every_thread() -> None:
    """With no filter, each flag counts every thread that carries it."""
    assert await flag_counts_after_search("") == {"CN": 4, "RU": 4, "BR": 1, "NO": 1}


async def test_flag_picker_says_flags_combine() -> None:
    """The picker says that a thread must have all the flags picked."""
    async with thread_open(LIGHTHOUSE) as (pilot, app):
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, FlagPicker))
        hint = app.screen.query_one(".hint", Static)
        assert "all of them" in str(hint.render())


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "120x40"])
async def test_footer_fits_with_every_key_it_can_show(size: tuple[int, int]) -> None:
    """With a post with a link current and a step to go back to (every key the footer can
    show), the footer's keys all lie inside the terminal's width."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press(*"j" * 8, "slash", *"notes", "enter")
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        keys = {str(key.description): key.region for key in footer.query(FooterKey)}
        assert {"Link", "Back", "Clear"} <= keys.keys()
        assert all(region.right <= size[0] and region.width for region in keys.values())


async def test_footer_fits_after_the_terminal_narrows() -> None:
    """Started at 120 columns and narrowed to 80, the footer drops `r` and the palette's key
    as it does when started at 80, and every key it shows lies inside the width."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, LIGHTHOUSE)
        await pilot.press(*"j" * 8, "slash", *"notes", "enter")
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        keys = {str(key.description): key.region for key in footer.query(FooterKey)}
        assert {"Link", "Back", "Clear"} <= keys.keys()
        assert "Related" not in keys
        assert all(region.right <= SMALL[0] and region.width for region in keys.values())


async def test_footer_offers_related_again_after_the_terminal_widens() -> None:
    """Started at 80 columns and widened to 120, the footer shows `r` (Related) and the
    palette's key again, as it does when started at 120."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=SMALL) as pilot:
        await wait_loaded(pilot, app)
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        descriptions = {str(key.description) for key in footer.query(FooterKey)}
        assert "Related" in descriptions
        assert footer.query(".-command-palette")


async def test_many_skipped_files_are_listed_in_one_notification(tmp_path: Path) -> None:
    """A folder with seven files that are no corpus: one "Skipped" notification names the
    first five and counts the other two, instead of seven notifications over the screen."""
    (tmp_path / "thread.txt").write_text("1/ The tide came in early.\n", encoding="utf-8")
    for number in range(1, 8):
        (tmp_path / f"picture{number}.png").write_bytes(b"\x89PNG\x00\x00" + bytes(64))
    app = make_app(str(tmp_path))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await wait_until(pilot, lambda: bool(notifications(app)))
        await pilot.pause(0.3)  # any later notification would have come by now
        (note,) = notifications(app)
        assert [f"picture{number}.png" in note for number in range(1, 8)] == [True] * 5 + [
            False
        ] * 2
        assert "… and 2 more" in note
