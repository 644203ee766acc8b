"""One key registry (`tui/keys.py`): the README's tables, the help screen and the bindings of
the running reader are all made from it, row for row."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tui.app import ThreadlineApp
from tui.keys import KEYS, MOUSE, help_rows
from tui.screens.help_screen import HelpScreen
from tui.screens.main_screen import MainScreen

from .helpers import SEEDLIKE, WIDE, make_app, wait_loaded, wait_until

README = Path(__file__).resolve().parents[2] / "README.md"

TEXTUAL_NAMES = {
    "?": "question_mark",
    "/": "slash",
    "]": "right_square_bracket",
    "[": "left_square_bracket",
}


def table_rows(text: str, heading: str) -> list[tuple[str, str]]:
    """The rows of the Markdown table whose header row starts with `| heading |`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {heading} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows.append((cells[0].strip("`"), cells[1]))
    return rows


def test_readme_key_table_matches_the_reader() -> None:
    """Every key the reader documents in its help is in the README, same order, same words."""
    assert table_rows(README.read_text(encoding="utf-8"), "Key") == help_rows()


def test_readme_mouse_table_matches_the_reader() -> None:
    """The README's mouse table lists the same clicks the help screen does."""
    assert table_rows(README.read_text(encoding="utf-8"), "Mouse") == list(MOUSE)


def test_the_main_screen_binds_exactly_the_registry_keys() -> None:
    """The main screen's bindings are the registry's bound rows: same keys, same actions."""
    bound = {(binding.key, binding.action) for binding in MainScreen.BINDINGS}  # type: ignore[union-attr]
    assert bound == {(key.key, key.action) for key in KEYS if key.key and not key.everywhere}
    everywhere = {(binding.key, binding.action) for binding in ThreadlineApp.BINDINGS}  # type: ignore[union-attr]
    assert everywhere == {(key.key, key.action) for key in KEYS if key.everywhere}


async def test_every_documented_key_is_bound_in_the_reader() -> None:
    """Each key the help lists (each of `j / down` and the like) is bound while the thread
    list has the focus: by the main screen, a pane, or Textual (tab, ctrl+p). Bindings the
    footer hides for now (`o` without a link, `backspace` with nothing to go back to) count."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        chain = app.screen._binding_chain
        bound = {key for _, bindings in chain for key in bindings.key_to_bindings}
        for row in KEYS:
            for shown in row.shown.split(" / "):
                assert TEXTUAL_NAMES.get(shown, shown) in bound, row.shown


async def test_the_help_screen_shows_the_registry_rows() -> None:
    """The help screen lists every registry row, key then what it does, in order."""
    app = make_app(SEEDLIKE)
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        cells = [str(static.content) for static in app.screen.query(Static)]
        keys_start = cells.index("keys") + 1
        shown = cells[keys_start : keys_start + 2 * len(KEYS)]
        assert list(zip(shown[::2], shown[1::2], strict=True)) == help_rows()
