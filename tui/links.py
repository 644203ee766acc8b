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


def open_url(app: App[Any], url: str) -> None:
    """Open `url` in the browser if it is safe to; say so either way."""
    if not is_openable(url):
        app.notify("Only http and https links are opened.", severity="warning", timeout=4)
        return
    # The browser of whoever reads: in a terminal, Textual hands the URL to `webbrowser` (as
    # one argument to the browser program, no shell involved); served to a browser by
    # `threadline serve`, the page opens it in a new tab on the reader's own machine.
    app.open_url(url, new_tab=True)
    app.notify("Opening " + url, timeout=4, markup=False)


def open_link_of(app: App[Any], post: PostData | None) -> None:
    """`o`: open the link of `post`, or let the user pick one when it has several."""
    links = [entity.value for entity in post.entities if entity.kind == "link"] if post else []
    if not links:
        app.notify("This post has no link.", timeout=3)
    elif len(links) == 1:
        open_url(app, links[0])
    else:

        def chosen(url: str | None) -> None:
            if url:
                open_url(app, url)

        app.push_screen(LinkPicker(links), chosen)
