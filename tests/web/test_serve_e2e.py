"""`threadline serve` end to end: the reader served to headless Chromium, driven by keys.

Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them) and the `web` and
`test` extras; skipped, saying which is missing, without them. The browser may reach the
loopback address only: every other request goes to a proxy that is not there, and every name
but 127.0.0.1 resolves to nothing.

THREADLINE_UPDATE_SCREENSHOT=1 stores the browser's picture of the reader as
assets/web-mode.png (the README shows it).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("textual_serve", reason="the web extra (textual-serve) is not installed")
pytest.importorskip("selenium", reason="selenium is not installed (the test extra)")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)",
)

SCREENSHOT = Path(__file__).resolve().parents[2] / "assets" / "web-mode.png"

RECORD_SCREEN_TEXT = """
window.screenText = "";
const NativeWebSocket = window.WebSocket;
window.WebSocket = function (...args) {
    const socket = new NativeWebSocket(...args);
    const decoder = new TextDecoder();
    socket.addEventListener("message", (event) => {
        if (event.data instanceof ArrayBuffer) {
            window.screenText += decoder.decode(event.data, {stream: true});
        } else if (typeof event.data === "string") {
            window.screenText += event.data;
        }
    });
    return socket;
};
window.WebSocket.prototype = NativeWebSocket.prototype;
Object.assign(window.WebSocket, NativeWebSocket);
"""
"""Keeps what the server sends to the page (the reader's screen updates) in `screenText`, so
that the test can read what the canvas shows."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(condition: Callable[[], Any], seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


def accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def children_of(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")  # a zombie has stopped; only its parent's wait is missing


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`threadline serve` on a free loopback port, reading the demo corpus, with its state
    (and its readers' state) under tmp_path."""
    port = free_port()
    env = dict(os.environ)
    for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: accepts_connections(port) or process.poll() is not None, 30, "serve")
        assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
        yield process, port
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,720", f"--user-data-dir={tmp_path / 'chromium'}",
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER or ""), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd(
            "Network.setBlockedURLs",
            {"urls": ["*://fonts.googleapis.com/*", "*://*.gstatic.com/*"]},
        )
        driver.execute_cdp_cmd(
            "Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_SCREEN_TEXT}
        )
        yield driver
    finally:
        driver.quit()


def screen_text(driver: Any) -> str:
    return str(driver.execute_script("return window.screenText"))


def settled_screenshot(driver: Any) -> bytes:
    """The page's picture once two in a row, half a second apart, are the same."""
    previous = b""

    def same_as_before() -> bytes | None:
        nonlocal previous
        time.sleep(0.5)
        current: bytes = driver.get_screenshot_as_png()
        settled = current if current == previous else None
        previous = current
        return settled

    picture: bytes = wait_for(same_as_before, 20, "the page to stop changing")
    return picture


def copy_by_dragging_across_the_posts(driver: Any, keyboard: Any) -> str:
    """Select text in the post pane with the mouse, press ctrl+c, and read the browser's
    clipboard (Textual copies with OSC 52, which the page hands to the clipboard)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    screen = driver.find_element(By.CSS_SELECTOR, ".xterm-screen")
    width, height = screen.size["width"], screen.size["height"]
    drag = ActionChains(driver).move_to_element_with_offset(
        screen, int(width * 0.36) - width // 2, int(height * 0.15) - height // 2
    )
    drag.click_and_hold().move_by_offset(int(width * 0.3), int(height * 0.06)).release()
    drag.perform()
    keyboard.send_keys(Keys.CONTROL, "c")

    def clipboard() -> str:
        return str(
            driver.execute_async_script(
                "const done = arguments[0];"
                "navigator.clipboard.readText().then(done, () => done(''));"
            )
        )

    copied: str = wait_for(clipboard, 10, "the selection to reach the clipboard")
    return copied


def test_served_reader_paints_answers_keys_and_stops_on_sigterm(
    server: tuple[subprocess.Popen[bytes], int], browser: Any, tmp_path: Path
) -> None:
    """The page paints the reader (the thread list), enter opens a thread (the picture and the
    text sent change), text selected with the mouse is copied to the browser's clipboard by
    ctrl+c, j moves on, the page asks nothing of any other host, flags arrive as letters, and
    SIGTERM stops the server and its reader within seconds."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    process, port = server
    origin = f"http://127.0.0.1:{port}"
    browser.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    browser.get(origin + "/")
    wait_for(lambda: "Open a thread with enter" in screen_text(browser), 30, "the reader")
    before = settled_screenshot(browser)

    keyboard = browser.find_element(By.CSS_SELECTOR, "textarea.xterm-helper-textarea")
    sent_before_enter = len(screen_text(browser))
    keyboard.send_keys(Keys.ENTER)
    wait_for(lambda: "1/" in screen_text(browser)[sent_before_enter:], 20, "the thread to open")
    after = settled_screenshot(browser)
    assert after != before
    (tmp_path / "web-mode.png").write_bytes(after)
    if os.environ.get("THREADLINE_UPDATE_SCREENSHOT"):
        SCREENSHOT.write_bytes(after)

    copied = copy_by_dragging_across_the_posts(browser, keyboard)
    assert copied.split(), "nothing reached the browser's clipboard"
    assert copied.split()[0] in screen_text(browser)

    sent_before_j = len(screen_text(browser))
    keyboard.send_keys("j")
    wait_for(lambda: len(screen_text(browser)) > sent_before_j, 20, "j to move to a post")
    assert settled_screenshot(browser) != after

    requested = browser.execute_script(
        "return performance.getEntriesByType('resource').map(entry => entry.name)"
    )
    assert requested, "the page loaded no resources"
    assert all(url.startswith(f"http://127.0.0.1:{port}/") for url in requested), requested
    assert not any(0x1F1E6 <= ord(ch) <= 0x1F1FF for ch in screen_text(browser))

    assert "-closed" not in browser.find_element(By.TAG_NAME, "body").get_attribute("class")
    assert process.poll() is None, "the server stopped while the page was open"
    readers = children_of(process.pid)
    assert readers, "no reader process was started for the page"
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=10)  # "within seconds": TimeoutExpired fails the test
    assert process.returncode == 0, process.stdout.read().decode() if process.stdout else ""
    wait_for(lambda: not any(map(is_running, readers)), 5, "the readers to stop")
