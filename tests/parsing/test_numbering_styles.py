"""Every way of numbering posts the unroller pages show, in one table: each style read as the
author meant it, and the numbers that are no post numbers (dates, year ranges, ratios, escaped
Markdown list numbers) kept as text. Fixtures are invented text; the rules behind each row are
tested one by one in test_trailing_numbers, test_layout and their neighbours."""

from __future__ import annotations

import pytest

from .helpers import numbers, parse_text, texts

FIRST = "The old canal was dug by hand by men from the hills"
SECOND = "Barges carried coal to the town for a whole century"
THIRD = "The railway took the trade away and the locks fell quiet"
LONG = " It was slow work, and the pay was poor for every one of the hands who did it." * 3
POSTS = [FIRST, SECOND, THIRD]


def _lines(pattern: str) -> str:
    """The three posts, each written by `pattern` (`{text}`, `{n}`), a line each."""
    return "".join(pattern.format(text=text, n=n) + "\n" for n, text in enumerate(POSTS, 1))


STYLES: dict[str, tuple[str, list[list[int | None]], list[str]]] = {
    # A number on its own line after the text it numbers.
    "own-line-after": (
        f"{FIRST}.\n1/\n{SECOND}.\n2/\n{THIRD}.\n3/\n",
        [[1, 2, 3]],
        [f"{FIRST}.", f"{THIRD}."],
    ),
    "thread-emoji-after": (
        f"{FIRST}.\n🧵1/3\n{SECOND}.\n2/3\n{THIRD}.\n3/3\n",
        [[1, 2, 3]],
        [f"{FIRST}.", f"{THIRD}."],
    ),
    "bracket-n-after": (
        f"{FIRST}.\n[1/n]\n{SECOND}.\n[2/n]\n{THIRD}.\n[3/n]\n",
        [[1, 2, 3]],
        [f"{FIRST}.", f"{THIRD}."],
    ),
    "end-after": (
        f"{FIRST}.\n1/\n{SECOND}.\n2/\n{THIRD}.\nend/\n",
        [[1, 2, 3]],
        [f"{FIRST}.", f"{THIRD}."],
    ),
    "n-slash-end-after": (
        f"{FIRST}.\n1/x\n{SECOND}.\n2/x\n{THIRD}.\n3/END\n",
        [[1, 2, 3]],
        [f"{FIRST}.", f"{THIRD}."],
    ),
    # Numbers at line ends.
    "line-end": (_lines("{text}. {n}/"), [[1, 2, 3]], [f"{FIRST}.", f"{THIRD}."]),
    "line-end-x": (_lines("{text}. {n}/x"), [[1, 2, 3]], [f"{FIRST}.", f"{THIRD}."]),
    "ellipsis-glued": (_lines("{text}…{n}/3"), [[1, 2, 3]], [f"{FIRST}…", f"{THIRD}…"]),
    # A hashtag after the number is the author's tag: the line keeps it, number and all.
    "line-end-then-hashtag": (
        _lines("{text} {n}/3 #Canal"),
        [[1, 2, 3]],
        [f"{FIRST} 1/3 #Canal", f"{THIRD} 3/3 #Canal"],
    ),
    # Numbers at line ends starting again at 1: a second thread (a footer's next teaser).
    "line-end-restart": (
        _lines("{text}. {n}/3") + f"{FIRST}. 1/2\n{SECOND}. 2/2\n",
        [[1, 2, 3], [1, 2]],
        [f"{FIRST}.", f"{THIRD}."],
    ),
    "line-end-restart-cut-under-its-first": (
        _lines("{text}. {n}/3") + f"{FIRST}. 1/14\n{SECOND}",
        [[1, 2, 3], [1, None]],
        [f"{FIRST}.", f"{THIRD}."],
    ),
    # A lone `1/2` under numbers written without totals may be a half: text of the last post.
    "line-end-half-stays": (
        _lines("{text}. {n}/") + "Add flour 1/2\nand stir\n",
        [[1, 2, 3, None]],
        [f"{FIRST}.", "Add flour 1/2\nand stir"],
    ),
    "n-of-m": (_lines("{text} ({n}of3)"), [[1, 2, 3]], [FIRST, THIRD]),
    "glued-to-a-word": (_lines("{text}{n}/"), [[1, 2, 3]], [FIRST, THIRD]),
    "glued-to-an-emoticon": (_lines("{text} :D{n}/"), [[1, 2, 3]], [f"{FIRST} :D", f"{THIRD} :D"]),
    "glued-to-an-emoji": (_lines("{text} 🚢{n}/"), [[1, 2, 3]], [f"{FIRST} 🚢", f"{THIRD} 🚢"]),
    # Numbers before the text.
    "one-slash-thread": (
        f"1/Thread {FIRST}.\n2/ {SECOND}.\n3/ {THIRD}.\n",
        [[1, 2, 3]],
        [f"Thread {FIRST}.", f"{THIRD}."],
    ),
    "end-before-the-last": (
        f"1/ {FIRST}.\n2/ {SECOND}.\nend/ {THIRD}.\n",
        [[1, 2, 3]],
        [f"{FIRST}.", f"{THIRD}."],
    ),
    # Numbered before the text, then on at line ends: each number below ends the next post.
    "prefix-then-line-end-slash-first": (
        f"1/ {FIRST}.\n2/ {SECOND}.\n{THIRD}. /3\nThe basin silted up. /4\n",
        [[1, 2, 3, 4]],
        [f"{FIRST}.", "The basin silted up."],
    ),
    "prefix-then-line-end": (
        f"1/ {FIRST}.\n2/ {SECOND}.\n{THIRD}. 3/\nThe basin silted up. 4/\n",
        [[1, 2, 3, 4]],
        [f"{FIRST}.", "The basin silted up."],
    ),
    "slash-first": (_lines("/{n} {text}."), [[1, 2, 3]], [f"{FIRST}.", f"{THIRD}."]),
    "paren-posts": (
        _lines("{n}) {text}." + LONG),
        [[1, 2, 3]],
        [f"{FIRST}.{LONG}", f"{THIRD}.{LONG}"],
    ),
    # A post replying to someone opens with the handle, then the author's number: the line
    # keeps its handle and number as text (nothing lost), numbered as the author wrote it.
    "paren-posts-replying": (
        f"1) {FIRST}.{LONG}\n2) {SECOND}.{LONG}\n@Lockkeeper 3) {THIRD}.{LONG}\n",
        [[1, 2, 3]],
        [f"{FIRST}.{LONG}", f"@Lockkeeper 3) {THIRD}.{LONG}"],
    ),
    "dot-posts": (
        _lines("{n}. {text}." + LONG),
        [[1, 2, 3]],
        [f"{FIRST}.{LONG}", f"{THIRD}.{LONG}"],
    ),
    # Short items numbered `1.` or `1)` under a post's opening: a list inside that post.
    "dot-list-in-a-post": (
        f"1/ Three things about the canal:\n1. It is old.\n2. It is long.\n3. It is wet.\n"
        f"2/ {SECOND}.\n",
        [[1, 2]],
        [
            "Three things about the canal:\n1. It is old.\n2. It is long.\n3. It is wet.",
            f"{SECOND}.",
        ],
    ),
    "paren-list-in-a-post": (
        f"1/ Three things about the canal:\n1) It is old.\n2) It is long.\n3) It is wet.\n"
        f"2/ {SECOND}.\n",
        [[1, 2]],
        [
            "Three things about the canal:\n1) It is old.\n2) It is long.\n3) It is wet.",
            f"{SECOND}.",
        ],
    ),
    # Totals that disagree, and a page whose text starts mid-thread.
    "unknown-then-known-total": (
        f"1/? {FIRST}.\n2/3 {SECOND}.\n3/3 {THIRD}.\n",
        [[1, 2, 3]],
        [f"{FIRST}.", f"{THIRD}."],
    ),
    "starts-at-post-7": (
        _lines("{n}/ {text}.").replace("1/", "7/", 1).replace("2/", "8/", 1).replace("3/", "9/", 1),
        [[7, 8, 9]],
        [f"{FIRST}.", f"{THIRD}."],
    ),
    # Slashes that number nothing stay text.
    "date-stays": (
        f"1/ On 12/03/2021 {FIRST}.\n2/ {SECOND}.\n",
        [[1, 2]],
        [f"On 12/03/2021 {FIRST}.", f"{SECOND}."],
    ),
    "year-range-stays": (
        f"1/ From 1790/1791 {FIRST}.\n2/ {SECOND}.\n",
        [[1, 2]],
        [f"From 1790/1791 {FIRST}.", f"{SECOND}."],
    ),
    "ratio-stays": (
        f"1/ About 3/4 of {FIRST}.\n2/ {SECOND}.\n",
        [[1, 2]],
        [f"About 3/4 of {FIRST}.", f"{SECOND}."],
    ),
    "date-line-stays": (
        f"{FIRST}.\n12/3\n{SECOND}.\n",
        [[None]],
        [f"{FIRST}.\n12/3\n{SECOND}.", f"{FIRST}.\n12/3\n{SECOND}."],
    ),
    "escaped-markdown-list-stays": (
        f"1\\. {FIRST}.\n2\\. {SECOND}.\n",
        [[None]],
        [f"1\\. {FIRST}.\n2\\. {SECOND}.", f"1\\. {FIRST}.\n2\\. {SECOND}."],
    ),
}


@pytest.mark.parametrize(("text", "expected_numbers", "ends"), STYLES.values(), ids=STYLES)
def test_each_numbering_style_reads_as_the_author_meant(
    text: str, expected_numbers: list[list[int | None]], ends: list[str]
) -> None:
    """The thread's post numbers are the author's, its first post's text and its last post's
    text are whole, with no number of the thread's in them."""
    corpus = parse_text(text)
    assert numbers(corpus) == expected_numbers
    posts = texts(corpus)[0]
    assert [posts[0], posts[-1]] == ends
