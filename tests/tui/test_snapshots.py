"""Screenshots of the reader, compared with the accepted SVGs in `__snapshots__/`.

Regenerate after an intended change with `python -m pytest tests/tui --snapshot-update` and
look at every changed SVG before accepting it. Each setup waits until the corpus is loaded and
indexed, so the pictures do not depend on timing. The fixture corpus is opened by a relative
name from inside `fixtures/`, so no absolute path ends up in a picture.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tui.app import ThreadlineApp

from .helpers import FIXTURES, SMALL, WIDE, run_snapshot_setup

SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's `snap_compare(app, press=..., terminal_size=..., run_before=...)`."""


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)


def test_demo_main_screen_wide(snap_compare: SnapCompare) -> None:
    """Demo corpus at 120x40 with the first thread open: list, posts and related panes."""
    assert snap_compare(ThreadlineApp(), terminal_size=WIDE, run_before=run_snapshot_setup("enter"))


def test_demo_main_screen_small(snap_compare: SnapCompare) -> None:
    """Demo corpus at 80x24 with the first thread open: the related pane is hidden."""
    assert snap_compare(
        ThreadlineApp(), terminal_size=SMALL, run_before=run_snapshot_setup("enter")
    )


def test_demo_startup_before_opening(snap_compare: SnapCompare) -> None:
    """Demo corpus at 120x40 right after loading, nothing open yet."""
    assert snap_compare(ThreadlineApp(), terminal_size=WIDE, run_before=run_snapshot_setup())


def test_flag_picker(snap_compare: SnapCompare) -> None:
    """The flag picker over the demo corpus, listing every flag with its thread count."""
    assert snap_compare(ThreadlineApp(), terminal_size=WIDE, run_before=run_snapshot_setup("f"))


def test_flag_picker_narrowed(snap_compare: SnapCompare) -> None:
    """The flag picker after typing `chi`: only matching flags remain."""
    assert snap_compare(
        ThreadlineApp(), terminal_size=WIDE, run_before=run_snapshot_setup("f", "c", "h", "i")
    )


def test_help_screen(snap_compare: SnapCompare) -> None:
    """The help screen listing every key and mouse action."""
    assert snap_compare(
        ThreadlineApp(), terminal_size=WIDE, run_before=run_snapshot_setup("question_mark")
    )


def test_missing_first_post_placeholder(snap_compare: SnapCompare, in_fixtures: None) -> None:
    """The orchard thread starts at 2/: a "post 1 is missing" placeholder comes first."""
    assert snap_compare(
        ThreadlineApp(paths=["seedlike.txt"]),
        terminal_size=WIDE,
        run_before=run_snapshot_setup("down", "enter"),
    )


def test_missing_middle_post_placeholder(snap_compare: SnapCompare, in_fixtures: None) -> None:
    """The lighthouse thread scrolled to post 14: "post 13 is missing" sits above it."""
    keys = ("enter", *["j"] * 12)
    assert snap_compare(
        ThreadlineApp(paths=["seedlike.txt"]),
        terminal_size=WIDE,
        run_before=run_snapshot_setup(*keys),
    )


def test_search_open(snap_compare: SnapCompare, in_fixtures: None) -> None:
    """The search bar open with `Quasarcorp` typed: one thread listed."""
    keys = ("slash", *"Quasarcorp")
    assert snap_compare(
        ThreadlineApp(paths=["seedlike.txt"]),
        terminal_size=WIDE,
        run_before=run_snapshot_setup(*keys),
    )


def test_hostile_text_screen(snap_compare: SnapCompare, in_fixtures: None) -> None:
    """Markup-looking text and escape sequences drawn literally, as symbols."""
    assert snap_compare(
        ThreadlineApp(paths=["hostile.txt"]),
        terminal_size=WIDE,
        run_before=run_snapshot_setup("enter"),
    )
