"""A thread's posts wrapped into lines: what the post pane draws, without the pane.

Pure: given the posts and a width, `lay_out` gives the blocks (posts, and placeholders where
posts are missing) and the line each starts at, so it is tested without running the reader.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.content import Content
from textual.strip import Strip

from parsing.entities.found import FoundEntity
from parsing.gaps import describe_gap, gaps_before_posts

from .highlight import post_content

HINT = "Open a thread with enter."


@dataclass(frozen=True, slots=True)
class PostData:
    """A post as the pane shows it."""

    number: int | None
    text: str
    entities: list[FoundEntity]
    first_line: int
    last_line: int
    hidden: int = 0
    """Characters at the end of a very long post that are not shown."""
    declared: int = 0
    """How many posts the thread's page said it has (0: it did not say)."""


@dataclass(frozen=True, slots=True)
class Block:
    """A post, or the placeholder of missing posts, wrapped to the pane's width."""

    post: int | None
    """Index of the post among the thread's posts; None for a placeholder or the hint."""
    content: Content
    lines: list[Content]
    """`content` wrapped."""
    top: int
    """Its first line in the pane; a blank line follows its last."""

    @property
    def text(self) -> str:
        """The block's text as given, before wrapping."""
        return self.content.plain


def post_text(post: PostData, total: int, search: str = "") -> Content:
    """What the pane shows of a post: `n/total` (· when unnumbered), then its text."""
    label = f"{post.number}/{total}" if post.number is not None else "·"
    parts: list[str | Content] = [Content.styled(label, "bold $text-secondary"), "\n"]
    parts.append(post_content(post.text, post.entities, search))
    if post.hidden:
        note = f"\n… {post.hidden:,} more characters not shown (`threadline export` has them)"
        parts.append(Content.styled(note, "italic $text-muted"))
    return Content.assemble(*parts)


@dataclass(slots=True)
class Layout:
    """A thread's posts wrapped to one width, and the lines drawn from them so far."""

    posts: Sequence[PostData]
    """The posts as given: the same object tells that a prepared layout is still current."""
    width: int
    """The text width the blocks were wrapped to (0: not laid out)."""
    blocks: list[Block] = field(default_factory=list)
    tops: list[int] = field(default_factory=list)
    block_of_post: list[int] = field(default_factory=list)
    strips: dict[tuple[int, bool], Strip] = field(default_factory=dict)
    """Drawn lines by (row, marked)."""
    search: str = ""
    """The search text marked in the posts."""

    @property
    def height(self) -> int:
        return self.blocks[-1].top + len(self.blocks[-1].lines) + 1 if self.blocks else 0

    def add(self, post: int | None, content: Content) -> None:
        top = self.height
        self.tops.append(top)
        self.blocks.append(Block(post, content, content.wrap(self.width), top))

    def post_rows(self, index: int) -> tuple[int, int] | None:
        """The first line and the height of post `index`; None for no such post."""
        if not 0 <= index < len(self.block_of_post):
            return None
        block = self.blocks[self.block_of_post[index]]
        return block.top, len(block.lines)

    def post_scrolled_to(self, top: int, bottom: int, current: int) -> int:
        """The post to make current when lines `top` to `bottom` are on screen: `current` while
        it starts there or fills them all, else the first post that starts there, else the one
        that covers the top line."""
        rows = self.post_rows(current)
        if rows is not None:
            start, end = rows[0], rows[0] + rows[1]
            if top <= start < bottom or (start < top and end >= bottom):
                return current
        covering = current
        for at in range(max(bisect_right(self.tops, top) - 1, 0), len(self.blocks)):
            block = self.blocks[at]
            if block.top >= bottom:
                break
            if block.post is None:
                continue
            if block.top >= top:
                return block.post
            if block.top + len(block.lines) > top:
                covering = block.post
        return covering


def lay_out(
    thread: int | None, posts: Sequence[PostData], width: int, search: str = "", hint: str = HINT
) -> Layout:
    """Every post and placeholder of `thread` wrapped to `width` (nothing when it is 0), with
    `search` marked in the posts; with no thread, `hint` (if any) says what to do."""
    layout = Layout(posts, width, search=search)
    if not width:
        return layout
    # A page that declared more posts than were copied numbers them `8/20`, not `8/8`: a thread
    # cut short must not look complete.
    total = max((max(post.number or 0, post.declared) for post in posts), default=0)
    gaps = gaps_before_posts(post.number for post in posts)
    for index, (post, gap) in enumerate(zip(posts, gaps, strict=True)):
        if gap is not None:
            layout.add(None, Content.styled(describe_gap(*gap), "italic $text-muted"))
        layout.block_of_post.append(len(layout.blocks))
        layout.add(index, post_text(post, total, search))
    if thread is None and hint:
        layout.add(None, Content.styled(hint, "$text-muted"))
    return layout
