"""The post pane: the posts of one thread, each headed `n/total`, missing posts shown in place.

One small widget per post (a thread has tens of posts, not thousands). The current post is
marked and kept in view; `j`/`k` move between posts, skipping the placeholders of missing ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from parsing.gaps import describe_gap, gaps_before_posts
from parsing.models import Entity

from ..highlight import plain, post_content


@dataclass(frozen=True, slots=True)
class PostData:
    """A post as the pane shows it."""

    number: int | None
    text: str
    entities: list[Entity]
    first_line: int
    last_line: int
    hidden: int = 0
    """Characters at the end of a very long post that are not shown."""


class PostCard(Static):
    """One post: its number, then its text with entities highlighted."""

    DEFAULT_CSS = """
    PostCard {
        padding: 0 1;
        margin-bottom: 1;
        border-left: blank;
    }
    PostCard.-current {
        border-left: thick $accent;
        background: $boost;
    }
    """

    class EntityClicked(Message):
        """An entity in a post was clicked."""

        def __init__(self, kind: str, value: str) -> None:
            super().__init__()
            self.kind = kind
            self.value = value

    def __init__(self, post: PostData, total: int, index: int, *, current: bool = False) -> None:
        self.post = post
        self.index = index
        label = f"{post.number}/{total}" if post.number is not None else "·"
        header = Content.styled(label, "bold $text-secondary")
        body = post_content(post.text, post.entities)
        parts = [header, "\n", body]
        if post.hidden:
            note = f"\n… {post.hidden:,} more characters not shown (`threadline export` has them)"
            parts.append(Content.styled(note, "italic $text-muted"))
        super().__init__(Content.assemble(*parts), classes="-current" if current else None)

    def on_click(self, event: events.Click) -> None:
        meta = event.style.meta
        if "entity" in meta:
            event.stop()
            self.post_message(self.EntityClicked(str(meta["entity"]), str(meta["value"])))


class MissingPost(Static):
    """The place of a post the copy does not have."""

    DEFAULT_CSS = """
    MissingPost {
        color: $text-muted;
        text-style: italic;
        padding: 0 1;
        margin-bottom: 1;
        border-left: blank;
    }
    """

    def __init__(self, first: int, last: int) -> None:
        super().__init__(describe_gap(first, last))
        self.first, self.last = first, last


class PostPane(VerticalScroll, can_focus=True):
    """The posts of the open thread.

    | Key | Action |
    | --- | --- |
    | j / down | next post |
    | k / up | previous post |
    """

    # Out of the footer, which has no room for them at 120 columns; `?` lists them.
    BINDINGS = [
        Binding("down", "move(1)", "Next post", show=False),
        Binding("up", "move(-1)", "Previous post", show=False),
    ]

    current: reactive[int] = reactive(0)
    """Index of the current post among the thread's posts."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cards: list[PostCard] = []
        self.thread: int | None = None

    def show(self, thread: int | None, posts: Sequence[PostData], current: int = 0) -> None:
        """Replace the pane's content with `posts` of `thread`, `current` marked.

        The current card is built marked and the pane starts at the top, so opening a thread
        costs one repaint; only a later post needs a scroll once the cards are laid out.
        """
        self.thread = thread
        self.remove_children()
        self.cards = []
        current = min(current, max(len(posts) - 1, 0))
        total = max((post.number or 0 for post in posts), default=0)
        widgets: list[Static] = []
        gaps = gaps_before_posts(post.number for post in posts)
        for index, (post, gap) in enumerate(zip(posts, gaps, strict=True)):
            if gap is not None:
                widgets.append(MissingPost(*gap))
            card = PostCard(post, total, index, current=index == current)
            self.cards.append(card)
            widgets.append(card)
        if thread is None:
            widgets.append(Static(plain("Open a thread with enter."), classes="hint"))
        self.mount_all(widgets)
        self.set_reactive(PostPane.current, current)  # the cards are marked already
        self.scroll_home(animate=False)
        if current:
            self.call_after_refresh(self._scroll_to_current)

    def watch_current(self, old: int, new: int) -> None:
        for index, marked in ((old, False), (new, True)):
            if 0 <= index < len(self.cards):
                self.cards[index].set_class(marked, "-current")
        if 0 <= new < len(self.cards):
            self._scroll_to_current()

    def keep_current_in_view(self) -> None:
        """Bring the current post back into view once the posts are laid out again: a new
        width (the related pane shown or hidden, a resized terminal) re-wraps every post."""
        self.call_after_refresh(self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        if self.current == 0:
            self.scroll_home(animate=False)
        elif self.current < len(self.cards):
            self.scroll_to_widget(self.cards[self.current], animate=False, top=False)

    def action_move(self, step: int) -> None:
        if self.cards:
            self.current = max(0, min(self.current + step, len(self.cards) - 1))

    @property
    def current_post(self) -> PostData | None:
        return self.cards[self.current].post if 0 <= self.current < len(self.cards) else None
