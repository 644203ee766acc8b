"""Opening links from the corpus: only http and https, never through a shell, always in the
browser of the person reading (through `App.open_url`)."""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import urlsplit

from textual.app import App

from .post_layout import PostData
from .screens.link_picker import LinkPicker

SAFE_SCHEMES = frozenset({"http", "https"})


def is_openable(url: str) -> bool:
    """True for a well-formed http(s) URL with a host and no control or space characters."""
    if any(ord(ch) < 0x21 or (ord(ch) >= 0x7F and _is_space_or_control(ch)) for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.netloc)


def _is_space_or_control(ch: str) -> bool:
    # Unicode spaces and separators (Z*) and controls, format characters such as bidi overrides,
    # surrogates and unassigned code points (C*) have no place in a link a browser is handed.
    return unicodedata.category(ch)[0] in "CZ"


TRUNCATED_WARNING = "This link was cut short in the text (it ended in …): the page may not open."


def open_url(app: App[Any], url: str, *, truncated: bool = False) -> None:
    """Open `url` in the browser if it is safe to; say so either way, and warn when the
    text gave only its beginning (`truncated`)."""
    if not is_openable(url):
        app.notify("Only http and https links are opened.", severity="warning", timeout=4)
        return
    # The browser of whoever reads: in a terminal, Textual hands the URL to `webbrowser` (as
    # one argument to the browser program, no shell involved); served to a browser by
    # `threadline serve`, the page opens it in a new tab on the reader's own machine.
    app.open_url(url, new_tab=True)
    app.notify("Opening " + url, timeout=4, markup=False)
    if truncated:
        app.notify(TRUNCATED_WARNING, severity="warning", timeout=8)


def open_link_of(app: App[Any], post: PostData | None) -> None:
    """`o`: open the link of `post`, or let the user pick one when it has several."""
    links = links_of(post)
    if not links:
        app.notify("This post has no link.", timeout=3)
    elif len(links) == 1:
        open_url(app, links[0][0], truncated=links[0][1])
    else:

        def chosen(link: tuple[str, bool] | None) -> None:
            if link:
                open_url(app, link[0], truncated=link[1])

        app.push_screen(LinkPicker(links), chosen)


def copy_link_of(app: App[Any], post: PostData | None) -> None:
    """`Y`: put the link of `post` on the clipboard, or the one the user picks; with no
    browser at hand, a link can still be taken elsewhere."""
    links = links_of(post)
    if not links:
        app.notify("This post has no link.", timeout=3)
    elif len(links) == 1:
        copy_to_clipboard(app, links[0][0], "the link")
    else:

        def chosen(link: tuple[str, bool] | None) -> None:
            if link:
                copy_to_clipboard(app, link[0], "the link")

        app.push_screen(LinkPicker(links, verb="copy"), chosen)


def copy_to_clipboard(app: App[Any], text: str, what: str) -> None:
    """Hand `text` to the terminal's clipboard (OSC 52: terminals that do not take it leave
    the clipboard as it was), and say what was copied."""
    app.copy_to_clipboard(text)
    app.notify(f"Copied {what} to the clipboard.", timeout=3)


def links_of(post: PostData | None) -> list[tuple[str, bool]]:
    """(address, cut short in the text) for each link of `post`."""
    if post is None:
        return []
    return [(entity.value, entity.truncated) for entity in post.entities if entity.kind == "link"]
