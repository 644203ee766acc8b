"""Terminal and app safety: corpus text is shown, never obeyed.

A post carrying terminal escape sequences (an OSC title, a CSI clear, a colour, an OSC 8
hyperlink), BEL, NUL, a C1 CSI, and Textual/Rich markup (`[bold red]`, `[@click=app.quit]`,
`[link=…]`) is drawn with the control characters as visible symbols (␛ ␇ ␀ ⌧) and the brackets
as typed: no raw control character reaches the screen, no markup styles or acts, and only
http(s) links are ever handed to the browser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget

from tui.app import ThreadlineApp
from tui.links import is_openable, open_url
from tui.views import SHOWN_BYTES
from tui.widgets.header_bar import HeaderBar

from .helpers import (
    click_text,
    header_text,
    list_lines,
    make_app,
    notifications,
    open_thread,
    pane_lines,
    post_pane,
    post_text,
    run_snapshot_setup,
    thread_list,
    wait_loaded,
    wait_until,
)

NAME = "hostile-terminal.txt"
TITLE_SET = "\x1b]0;PWNED\x07"
CLEAR = "\x1b[2J"
RED = "\x1b[31m"
RESET = "\x1b[0m"
C1_CSI = "\u009b"
OSC8 = "\x1b]8;;https://evil.example\x1b\\click here\x1b]8;;\x1b\\"
MARKUP = "[bold red]x[/]"
CLICK = "[@click=app.quit]click me[/]"
LINK = "[link=https://evil.example]x[/link]"
HOSTILE = (
    f"{TITLE_SET} Escape title {MARKUP} {CLEAR} thread 1/\n"
    "\n"
    f"2/ Clear {CLEAR} colour {RED}red{RESET} bell \x07 nul \x00 c1 {C1_CSI}31m end.\n"
    "\n"
    f"3/ Hyperlink {OSC8} done.\n"
    "\n"
    f"4/ Markup {MARKUP} and {CLICK} and {LINK}.\n"
    "\n"
    "5/ Plain last post #safety\n"
)
"""One thread of five posts; the first post (and so the title) carries an OSC title and markup."""
SIZE = (100, 30)
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Any C0 control but newline, DEL, any C1 control."""

SnapCompare = Callable[..., bool]


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A folder holding the hostile corpus as `hostile-terminal.txt`."""
    (tmp_path / NAME).write_text(HOSTILE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def hostile_file(corpus_dir: Path) -> str:
    return str(corpus_dir / NAME)


def raw_controls(text: str) -> list[str]:
    return sorted({hex(ord(ch)) for ch in RAW_CONTROL.findall(text)})


def segments_of(widget: Widget) -> Iterator[Any]:
    """Every segment the widget renders over its whole outer region."""
    width, height = widget.outer_size
    for strip in widget.render_lines(Region(0, 0, width, height)):
        yield from strip


async def opened(pilot: Any, app: ThreadlineApp) -> None:
    await wait_loaded(pilot, app)
    await open_thread(pilot, app, 0)


# -- (a) the posts show symbols and literal brackets ----------------------------------------------


async def test_posts_show_control_characters_as_symbols(hostile_file: str) -> None:
    """The posts' text has ␛ ␇ ␀ ⌧ where the corpus has ESC, BEL, NUL and the C1 CSI, and no raw
    control character."""
    app = make_app(hostile_file)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        first, second, third = (post_text(app, n) for n in (1, 2, 3))
        assert "␛]0;PWNED␇ Escape title" in first
        assert "Clear ␛[2J colour ␛[31mred␛[0m bell ␇ nul ␀ c1 ⌧31m end." in second
        assert "Hyperlink ␛]8;;https://evil.example␛\\click here␛]8;;␛\\ done." in third
        for block in post_pane(app).blocks:
            assert raw_controls(block.text) == [], block.text


async def test_post_shows_markup_literally(hostile_file: str) -> None:
    """`[bold red]x[/]`, `[@click=app.quit]click me[/]` and `[link=…]x[/link]` stay as typed,
    in the post's text and in what the pane draws, and style nothing."""
    app = make_app(hostile_file)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        text = post_text(app, 4)
        for markup in (MARKUP, CLICK, LINK):
            assert markup in text
        drawn = "".join("".join(pane_lines(app)).split())
        for markup in (MARKUP, CLICK, LINK):
            assert "".join(markup.split()) in drawn
        for segment in segments_of(post_pane(app)):
            if "x" in segment.text and segment.style is not None:
                assert not segment.style.bold
                assert segment.style.link in (None, "")


# -- (b) nothing raw reaches the screen -----------------------------------------------------------


async def test_no_rendered_segment_holds_a_raw_control_character(hostile_file: str) -> None:
    """Every segment drawn by the post pane, the thread list and the header is free of raw
    control characters and carries no control codes."""
    app = make_app(hostile_file)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        widgets: list[Widget] = [
            post_pane(app),
            thread_list(app),
            app.query_one(HeaderBar),
        ]
        for widget in widgets:
            for segment in segments_of(widget):
                assert raw_controls(segment.text) == [], (widget, segment.text)
                assert not segment.control, (widget, segment)
        assert any("␛" in segment.text for segment in segments_of(post_pane(app)))


async def test_screenshot_holds_symbols_and_no_raw_control_character(hostile_file: str) -> None:
    """The whole screen exported as SVG (what a terminal would be sent, as text) has the
    symbols and none of ESC, BEL, NUL, DEL or C1 controls."""
    app = make_app(hostile_file)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        svg = app.export_screenshot()
    assert raw_controls(svg) == []
    for symbol in ("␛", "␇", "␀", "⌧"):
        assert symbol in svg


# -- (c) markup does not act ----------------------------------------------------------------------


async def test_clicking_fake_click_markup_does_not_quit(hostile_file: str) -> None:
    """Clicking `click me` of `[@click=app.quit]click me[/]` leaves the app running."""
    app = make_app(hostile_file)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        assert await click_text(pilot, app, "click me", 2)
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None
        assert "[@click=app.quit]" in post_text(app, 4)


async def test_clicking_fake_links_opens_nothing(hostile_file: str, browser: list[str]) -> None:
    """Clicking the `x` of `[link=https://evil.example]x[/link]` or the text of an OSC 8
    hyperlink hands nothing to the browser and keeps the app running."""
    app = make_app(hostile_file)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        assert await click_text(pilot, app, "]x[/link]", 1)
        await pilot.pause()
        assert await click_text(pilot, app, "evil.example␛\\click", 14)
        await pilot.pause()
        assert browser == []
        assert app.is_running
        assert app.return_code is None


# -- (d) titles, file names and notifications ------------------------------------------------------


async def test_post_pane_border_title_is_plain_content(hostile_file: str) -> None:
    """The pane's border title (the thread title) is a `Content` whose text shows ␛ and ␇ and
    the literal markup, with no raw control character; the subtitle names the file."""
    app = make_app(hostile_file)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        pane = post_pane(app)
        title = pane._border_title
        assert isinstance(title, Content)
        assert title.plain.startswith("␛]0;PWNED␇ Escape title [bold red]x[/]")
        assert raw_controls(title.plain) == []
        assert raw_controls(str(pane.border_title)) == []
        subtitle = pane._border_subtitle
        assert isinstance(subtitle, Content)
        assert subtitle.plain == f"{hostile_file}:1"
        assert "␛]0;PWNED␇" in list_lines(app)[0]


async def test_hostile_file_name_shows_as_symbols_in_the_header(tmp_path: Path) -> None:
    """A corpus file whose name holds ESC and BEL is named in the header with ␛ and ␇."""
    path = tmp_path / "evil\x1b]0;PWNED\x07.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    app = make_app(str(path))
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app)
        header = header_text(app)
        assert "evil␛]0;PWNED␇.txt" in header
        assert raw_controls(header) == []
        for segment in segments_of(app.query_one(HeaderBar)):
            assert raw_controls(segment.text) == []


async def test_skipped_file_with_a_hostile_name_is_notified_as_symbols(tmp_path: Path) -> None:
    """A binary file with ESC in its name, inside the opened folder: the "Skipped" notification
    shows its name with ␛ and ␇, and the good file's thread loads."""
    (tmp_path / NAME).write_text(HOSTILE, encoding="utf-8")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    (tmp_path / "pic\x1b[2J\x07.png").write_bytes(png)
    app = make_app(str(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        await wait_until(pilot, lambda: any("pic" in note for note in notifications(app)))
        note = next(note for note in notifications(app) if "pic" in note)
        assert "pic␛[2J␇.png" in note
        assert raw_controls(note) == []
        assert len(thread_list(app).rows) == 1
        assert raw_controls(app.export_screenshot()) == []


# -- (e) only http(s) links open -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["https://example.com/a", "http://example.com", "HTTPS://Example.COM/x?q=1#f"],
)
def test_http_and_https_links_are_openable(url: str) -> None:
    """Well-formed http and https URLs with a host are accepted."""
    assert is_openable(url)


REFUSED = {
    "javascript": "javascript:alert(1)",
    "javascript-slashes": "javascript://example.com/%0aalert(1)",
    "file": "file:///etc/passwd",
    "data": "data:text/html,<script>alert(1)</script>",
    "ftp": "ftp://example.com/x",
    "no-scheme": "//example.com/x",
    "no-host": "https:///path",
    "space": "https://example.com/a b",
    "leading-space": " https://example.com/",
    "tab": "https://example.com/a\tb",
    "newline": "https://example.com/a\nb",
    "esc": "https://example.com/\x1b]0;PWNED\x07",
    "nul": "https://example.com/\x00",
    "del": "https://example.com/\x7f",
    "c1-csi": "https://example.com/\u009b31m",
    "no-break-space": "https://example.com/a\u00a0b",
    "line-separator": "https://example.com/a\u2028b",
    "ideographic-space": "https://example.com/a\u3000b",
}


@pytest.mark.parametrize("url", REFUSED.values(), ids=REFUSED.keys())
def test_other_links_are_refused(url: str) -> None:
    """Other schemes, scheme- or host-less URLs, and URLs holding spaces (ASCII or Unicode) or
    control characters are not openable."""
    assert not is_openable(url)


class NotifyRecorder:
    """Stands in for the app: `open_url` only calls its `notify` and `open_url`."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.opened: list[str] = []

    def notify(self, message: str, **options: object) -> None:
        self.messages.append(message)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        self.opened.append(url)


@pytest.mark.parametrize("url", REFUSED.values(), ids=REFUSED.keys())
def test_open_url_never_calls_the_browser_for_a_refused_url(url: str, browser: list[str]) -> None:
    """`open_url` with a refused URL does not reach the browser; it tells the user."""
    app = NotifyRecorder()
    open_url(app, url)  # type: ignore[arg-type]
    assert app.opened == []
    assert browser == []
    assert len(app.messages) == 1


def test_open_url_calls_the_browser_once_for_an_https_url() -> None:
    """An https URL goes to the app's `open_url` (the reader's browser) once, unchanged."""
    app = NotifyRecorder()
    open_url(app, "https://example.com/a?b=1")  # type: ignore[arg-type]
    assert app.opened == ["https://example.com/a?b=1"]


# -- (f) the picture ------------------------------------------------------------------------------


def test_hostile_thread_snapshot(
    snap_compare: SnapCompare, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hostile thread open at 100x30: symbols in place of control characters, brackets as
    typed, nothing styled by the fake markup."""
    monkeypatch.chdir(corpus_dir)
    assert snap_compare(
        ThreadlineApp(paths=[NAME]), terminal_size=SIZE, run_before=run_snapshot_setup("enter")
    )


async def test_a_huge_post_is_shown_in_part_with_a_note(tmp_path: Path) -> None:
    """A 2 MB one-line post opens at once: the pane shows its first SHOWN_BYTES (cut at a
    space) and a note saying how many characters are left out."""
    words = "@anna example.com/a… #tag word " * 70_000
    path = tmp_path / "huge.txt"
    path.write_text(f"1/ {words}\n2/ short\n", encoding="utf-8")
    app = ThreadlineApp(paths=[str(path)])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        await open_thread(pilot, app, 0)
        post = post_pane(app).posts[0]
        assert post.text == words[: len(post.text)]
        assert SHOWN_BYTES // 2 <= len(post.text) <= SHOWN_BYTES
        assert post.hidden == len(words.rstrip()) - len(post.text)
        assert f"{post.hidden:,} more characters not shown" in post_text(app, 1)
