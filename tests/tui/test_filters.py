"""Filtering the list: the flag picker, search, escape and the command-line filters (before the
words are indexed: test_filters_while_indexing)."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList

from tui.app import ThreadlineApp
from tui.screens.flag_picker import FlagPicker

from .helpers import (
    QUASAR,
    SEEDLIKE,
    SHARED_FLAGS,
    WIDE,
    count_title,
    header_text,
    make_app,
    thread_list,
    wait_loaded,
    wait_until,
)


async def open_picker(pilot: Pilot[Any], app: ThreadlineApp) -> FlagPicker:
    await pilot.press("f")
    await wait_until(pilot, lambda: isinstance(app.screen, FlagPicker))
    await pilot.pause()
    assert isinstance(app.screen, FlagPicker)
    return app.screen


def choices(picker: FlagPicker) -> list[str]:
    """The flag codes the picker currently lists."""
    selection = picker.query_one(SelectionList)
    return [selection.get_option_at_index(i).value for i in range(selection.option_count)]


async def type_text(pilot: Pilot[Any], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)
    await pilot.pause()


async def test_f_opens_the_flag_picker_with_every_flag() -> None:
    """`f` opens the flag picker listing the corpus's four flags, most used first."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        picker = await open_picker(pilot, app)
        assert sorted(choices(picker)) == ["BR", "CN", "NO", "RU"]
        assert set(choices(picker)[:2]) == {"CN", "RU"}


async def test_typing_narrows_the_flag_picker() -> None:
    """Typing `China` in the picker leaves only China (CN)."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        picker = await open_picker(pilot, app)
        await type_text(pilot, "China")
        await wait_until(pilot, lambda: choices(picker) == ["CN"])


async def test_typing_a_code_narrows_the_flag_picker() -> None:
    """Typing the code `ru` leaves Russia in the picker."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        picker = await open_picker(pilot, app)
        await type_text(pilot, "ru")
        await wait_until(pilot, lambda: "RU" in choices(picker))
        assert "CN" not in choices(picker)


async def test_enter_applies_the_narrowed_flag() -> None:
    """`f`, `China`, enter: the list shows the four threads with 🇨🇳, `4 of 7 threads`, and the
    header shows a China chip."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        picker = await open_picker(pilot, app)
        await type_text(pilot, "China")
        await wait_until(pilot, lambda: choices(picker) == ["CN"])
        await pilot.press("enter")
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        assert not isinstance(app.screen, FlagPicker)
        assert thread_list(app).rows == SHARED_FLAGS
        assert app.main_screen.filters.flags == ("CN",)
        assert "China" in header_text(app)


async def test_escape_in_main_screen_clears_the_flag_filter() -> None:
    """After applying a flag, escape in the main screen restores `7 of 7 threads`."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_picker(pilot, app)
        await type_text(pilot, "China")
        await pilot.press("enter")
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        await pilot.press("escape")
        await wait_until(pilot, lambda: count_title(app) == "7 of 7 threads")
        assert not app.main_screen.filters.active
        assert "China" not in header_text(app)


async def test_escape_in_the_picker_cancels() -> None:
    """escape in the flag picker closes it without filtering."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await open_picker(pilot, app)
        await type_text(pilot, "China")
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, FlagPicker))
        assert count_title(app) == "7 of 7 threads"
        assert not app.main_screen.filters.active


async def test_space_toggles_two_flags_and_enter_applies_both() -> None:
    """space on China and on Russia, then enter: both flags are required; every thread listed
    carries both."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        picker = await open_picker(pilot, app)
        assert set(choices(picker)[:2]) == {"CN", "RU"}
        await pilot.press("space", "down", "space")
        assert sorted(picker.query_one(SelectionList).selected) == ["CN", "RU"]
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, FlagPicker))
        await pilot.pause()
        assert sorted(app.main_screen.filters.flags) == ["CN", "RU"]
        assert count_title(app) == "4 of 7 threads"
        assert thread_list(app).rows == SHARED_FLAGS


async def test_toggled_flags_must_all_be_present() -> None:
    """Toggling China and Norway (no thread has both) lists `0 of 7 threads`: flags combine
    with AND, not OR."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        picker = await open_picker(pilot, app)
        await type_text(pilot, "China")
        await wait_until(pilot, lambda: choices(picker) == ["CN"])
        await pilot.press("space")
        picker.query_one(Input).value = ""
        await type_text(pilot, "Norway")
        await wait_until(pilot, lambda: choices(picker) == ["NO"])
        await pilot.press("space", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, FlagPicker))
        await pilot.pause()
        assert sorted(app.main_screen.filters.flags) == ["CN", "NO"]
        assert count_title(app) == "0 of 7 threads"


async def test_slash_opens_the_search_input() -> None:
    """`/` shows the search input and focuses it."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash")
        await pilot.pause()
        search = app.query_one("#search", Input)
        assert search.display and search.region.height > 0
        assert app.focused is search


async def test_a_query_typed_right_after_slash_goes_into_the_search() -> None:
    """`/`, the query and enter arriving at once (typed fast, or pasted) search for the query:
    the letters are not taken as keys of the list, nor is enter."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        keys = [("slash", "/"), *((char.lower(), char) for char in "Quasarcorp"), ("enter", "\r")]
        for key, character in keys:
            app.post_message(events.Key(key, character))  # queued together, not one at a time
        await wait_until(pilot, lambda: thread_list(app).rows == [QUASAR])
        await pilot.pause()
        assert app.main_screen.filters.search == "Quasarcorp"
        assert thread_list(app).opened is None


async def test_flags_typed_right_after_f_go_into_the_flag_picker() -> None:
    """`f`, a flag's name and enter arriving at once filter by that flag: the name is typed
    into the picker, not taken as keys of the list."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        for key, character in [("f", "f"), *((char, char) for char in "china"), ("enter", "\r")]:
            app.post_message(events.Key(key, character))  # queued together, not one at a time
        await wait_until(pilot, lambda: app.main_screen.filters.flags == ("CN",))
        assert not isinstance(app.screen, FlagPicker)


async def test_a_name_and_enter_typed_at_once_in_the_picker_apply_that_flag() -> None:
    """In the open picker, `russia` and enter arriving together (typed fast) apply Russia:
    enter does not overtake the letters and apply the first flag of the unnarrowed list."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        picker = await open_picker(pilot, app)
        assert choices(picker)[0] != "RU"
        for key, character in [*((char, char) for char in "russia"), ("enter", "\r")]:
            app.post_message(events.Key(key, character))  # queued together, not one at a time
        await wait_until(pilot, lambda: not isinstance(app.screen, FlagPicker))
        assert app.main_screen.filters.flags == ("RU",)


async def test_slash_and_f_typed_into_the_search_are_text() -> None:
    """With the search input open, `/` and `f` are letters of the query, not keys that open
    the search again or the flag picker."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash")
        await type_text(pilot, "1/f")
        await pilot.pause()
        assert app.query_one("#search", Input).value == "1/f"
        assert not isinstance(app.screen, FlagPicker)


async def test_search_narrows_while_typing() -> None:
    """Typing in the search input narrows the list before enter is pressed."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash")
        await type_text(pilot, "Quasarcorp")
        await wait_until(pilot, lambda: thread_list(app).rows == [QUASAR])
        assert count_title(app) == "1 of 7 threads"
        assert app.focused is app.query_one("#search", Input)


async def test_enter_keeps_the_search_and_closes_the_input() -> None:
    """enter in the search input keeps the filter (`1 of 7 threads`) and hides the input."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash")
        await type_text(pilot, "Quasarcorp")
        await wait_until(pilot, lambda: thread_list(app).rows == [QUASAR])
        await pilot.press("enter")
        await pilot.pause()
        search = app.query_one("#search", Input)
        assert not search.display or search.region.height == 0
        assert app.focused is not search
        assert count_title(app) == "1 of 7 threads"
        assert app.main_screen.filters.search == "Quasarcorp"
        assert "Quasarcorp" in header_text(app)


async def test_escape_cancels_an_open_search() -> None:
    """escape while the search input is open restores every thread and hides the input."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash")
        await type_text(pilot, "Quasarcorp")
        await wait_until(pilot, lambda: thread_list(app).rows == [QUASAR])
        await pilot.press("escape")
        await wait_until(pilot, lambda: count_title(app) == "7 of 7 threads")
        search = app.query_one("#search", Input)
        assert not search.display or search.region.height == 0
        assert app.main_screen.filters.search == ""


async def test_backspace_after_a_kept_search_restores_the_list() -> None:
    """A search kept with enter can be undone with backspace: `7 of 7 threads` again."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash")
        await type_text(pilot, "Quasarcorp")
        await wait_until(pilot, lambda: thread_list(app).rows == [QUASAR])
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("backspace")
        await wait_until(pilot, lambda: count_title(app) == "7 of 7 threads")
        assert app.main_screen.filters.search == ""


async def test_typing_q_in_search_does_not_quit() -> None:
    """Letters typed into the search (q, n, p, f …) are text, not reader keys."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("slash")
        await type_text(pilot, "quasar")
        await wait_until(pilot, lambda: thread_list(app).rows == [QUASAR])
        assert app.is_running
        assert app.query_one("#search", Input).value == "quasar"


async def test_command_line_flag_filters_at_startup() -> None:
    """`flags=["CN"]` given at startup lists `4 of 7 threads` once indexing is done."""
    app = make_app(SEEDLIKE, flags=("CN",))
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await wait_until(pilot, lambda: count_title(app) == "4 of 7 threads")
        assert thread_list(app).rows == SHARED_FLAGS


async def test_command_line_search_filters_at_startup() -> None:
    """`search="quasarcorp"` given at startup lists `1 of 7 threads` once indexing is done."""
    app = make_app(SEEDLIKE, search="quasarcorp")
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await wait_until(pilot, lambda: count_title(app) == "1 of 7 threads")
        assert thread_list(app).rows == [QUASAR]
