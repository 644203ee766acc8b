"""Markdown clippings read as plain page text (tests/fixtures/clippings/): line for line, with
the front matter's fields, the links Markdown gave, and the chrome left to be skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import load_corpus
from parsing.clipping_meta import ClipMeta
from parsing.clipping_text import WORD_JOINER, ClippedPage, clipping_to_text
from parsing.corpus import Corpus
from parsing.front_matter import front_matter
from parsing.markdown_inline import Span, inline_text

from .helpers import FIXTURES, numbers, parse_text, texts

CLIPPINGS = FIXTURES / "clippings"


def convert(name: str) -> ClippedPage:
    return clipping_to_text((CLIPPINGS / name).read_text(encoding="utf-8"))


def parsed(page: ClippedPage) -> Corpus:
    return parse_text(page.text, "clip.txt")


@pytest.mark.parametrize("name", ["tra_page.md", "x_post.md", "leaked_html.md"])
def test_the_text_has_the_clippings_lines(name: str) -> None:
    """Line N of the text comes from line N of the clipping, so line numbers stay true."""
    raw = (CLIPPINGS / name).read_text(encoding="utf-8")
    assert len(convert(name).text.split("\n")) == len(raw.split("\n"))


def test_front_matter_fields() -> None:
    assert convert("tra_page.md").meta == ClipMeta(
        title="Thread by @pierwatch on Thread Reader App",
        source="https://threadreaderapp.com/thread/1111111111111111111.html",
        handle="pierwatch",
    )
    assert convert("leaked_html.md").meta == ClipMeta(
        title="Harbour notes (2 minute read)",
        source="https://threadreaderapp.com/thread/3333333333333333333.html",
        author="Weekly Digest",
        date="2025-03-04",
    )


def test_the_front_matter_becomes_blank_lines() -> None:
    text = convert("tra_page.md").text.split("\n")
    assert text[:10] == [""] * 10
    assert text[10] == "Enter URL or ID to Unroll"


def test_an_x_post_header_is_read_then_blanked() -> None:
    """`**Name** @handle [date](status)` fills the fields the front matter left empty, is listed
    as dropped, and the post starts on the next text line."""
    page = convert("x_post.md")
    assert page.meta.author == "TIDE WRITER"
    assert page.meta.handle == "tidewriter"
    assert page.meta.date == "2024-05-02"  # the front matter's own date wins
    assert page.text.split("\n")[11] == ""
    assert [line for line, _ in page.dropped] == [12]
    assert page.post_starts == (14,)


def test_escaped_list_numbers_stay_text() -> None:
    """`1\\.` shows as `1.` behind an invisible word joiner: one post, never post numbers."""
    page = convert("x_post.md")
    corpus = parsed(page)
    assert numbers(corpus) == [[None]]
    post = texts(corpus)[0][0]
    assert f"{WORD_JOINER}1. check the [local] datum first." in post
    assert "springs and neaps for the month" in post
    assert post.endswith("a quoted line\n\n[image]")


def test_a_tra_page_clipping_parses_like_the_page() -> None:
    """Links show as their text, pictures as `[image]`, HTML goes; the chrome is skipped and
    the teaser under `More from` is a thread of its own."""
    corpus = parsed(convert("tra_page.md"))
    first, teaser = texts(corpus)
    assert first == [
        "The pier at Saltby reopens on Saturday after the winter storms.\n\n"
        "Three things changed: [image]\n\n"
        f"{WORD_JOINER}1. The railings are new.\n{WORD_JOINER}2. The lights run on the tide "
        f"clock.\n{WORD_JOINER}3. Dogs are welcome again.\n\n"
        "Details at saltby.example.org/pier…"
    ]
    assert teaser == ["The lifeboat crew trained in the dark last night.\n\nIt went well."]
    skipped = {line.text for line in corpus.skipped}
    # The author's picture shows its alt text, as the copied page does, and is skipped.
    assert {
        "Seaside cottages for rent",
        "Pier Watch Profile picture",
        "Feb 11",
        "More from @pierwatch",
    } <= skipped


def test_links_are_spans_of_the_text() -> None:
    page = convert("tra_page.md")
    shown = [(page.text[link.start : link.end], link.url) for link in page.links]
    assert shown == [
        ("saltby.example.org/pier…", "https://saltby.example.org/pier/reopening"),
        ("Pier Watch", "https://threadreaderapp.com/user/pierwatch"),
    ]


def test_leaked_html_goes_and_marks_post_starts() -> None:
    page = convert("leaked_html.md")
    assert "data-" not in page.text
    assert "#click" not in page.text
    assert page.post_starts == (23, 25, 27)
    assert page.text.split("\n")[26] == "A party is planned for May."
    assert [line for line, _ in page.dropped] == [8, 10]
    corpus = parsed(page)
    assert texts(corpus) == [
        [
            "The harbour master retires this spring.\n\nHer first job was painting the buoys.\n"
            'She said "it was the best job" and meant it.\nA party is planned for May.'
        ]
    ]
    skipped = [line.text for line in corpus.skipped]
    assert skipped[:2] == ["Share this page!", "Email"]
    assert "Harbour Desk" in skipped
    assert skipped[-1] == "Send Thread As Email!"


INLINE = [
    ("[text](https://a.example/x)", "text", [Span(0, 4, "https://a.example/x")]),
    ("[](https://a.example/x)", "https://a.example/x", [Span(0, 19, "https://a.example/x")]),
    ("a [word](https://b.example/#) b", "a word b", []),
    ("[act](#)", "act", []),
    ("![alt](https://i.example/p.png)", "[image]", []),
    ("[![alt](i.png)](https://a.example/(x))", "[image]", [Span(0, 7, "https://a.example/(x)")]),
    # The `!` ending a sentence before a linked image stays.
    ("Go!![Image](i.png)", "Go![image]", []),
    (
        "Go![![Image](i.png)](https://a.example/p)",
        "Go![image]",
        [Span(3, 10, "https://a.example/p")],
    ),
    # An unroller's picture of the author shows its alt text, as a copy of the page does.
    ("![Ann Lee Profile picture](https://p.example/a.jpg)", "Ann Lee Profile picture", []),
    ("<https://a.example/y>", "https://a.example/y", [Span(0, 19, "https://a.example/y")]),
    ("a<br/>b <!-- note --> c", "ab  c", []),
    ("\\[x\\] \\*y\\*", "[x] *y*", []),
    ("**bold** ==mark==", "bold mark", []),
    ("a == b, x==y, 2**3", "a == b, x==y, 2**3", []),
    ("@a_b_c *kept* _kept_", "@a_b_c *kept* _kept_", []),
]


@pytest.mark.parametrize(("line", "shown", "spans"), INLINE)
def test_inline_markdown(line: str, shown: str, spans: list[Span]) -> None:
    assert inline_text(line) == (shown, spans)


@pytest.mark.parametrize(
    "line",
    [
        'thread#showTweet" data-tweet="1" dir="auto">',
        'data-category="x" data-label="">',
        'twitter-profile#error" >',
    ],
)
def test_tag_tails_go(line: str) -> None:
    assert clipping_to_text(line + "\nText").text == "\nText"


@pytest.mark.parametrize("line", ['wow" said he', 'end" of quote', '"quoted" words'])
def test_a_quote_at_a_line_start_is_no_tag_tail(line: str) -> None:
    assert clipping_to_text(line).text == line


@pytest.mark.parametrize(
    ("block", "fields"),
    [
        ('title: "A \\"quoted\\" title"', {"title": 'A "quoted" title'}),
        ("title: 'it''s'", {"title": "it's"}),
        ("tags: [a, b]", {"tags": ["a", "b"]}),
        ("author:\n  - x\n  - y", {"author": ["x", "y"]}),
        ("published: 2024-01-02 # a comment", {"published": "2024-01-02"}),
        ("nested:\n  key: value\nafter: 1", {"after": "1"}),
    ],
)
def test_front_matter_subset(block: str, fields: dict[str, object]) -> None:
    lines = ["---", *block.split("\n"), "---", "body"]
    assert front_matter(lines) == (fields, len(lines) - 1)


@pytest.mark.parametrize("text", ["body only", "---\nno closing fence", "", "---"])
def test_no_front_matter(text: str) -> None:
    assert front_matter(text.split("\n")) == ({}, 0)


def test_a_file_that_is_not_markdown_is_kept_as_is() -> None:
    raw = "1/ Plain text.\n2/ More."
    assert clipping_to_text(raw).text == raw


def test_line_ends_of_any_kind(tmp_path: Path) -> None:
    page = clipping_to_text("---\r\ntitle: T\r\n---\r\n**a**\rb\n")
    assert page.text == "\n\n\na\nb\n"
    assert page.meta.title == "T"
    path = tmp_path / "c.txt"
    path.write_text(page.text, encoding="utf-8")
    assert texts(load_corpus([path])) == [["a\nb"]]


def test_each_tweet_a_leaked_tail_names_starts_a_post() -> None:
    """A clipping whose leftover HTML names each tweet (`data-tweet="…"`) reads as one post per
    tweet, the text after a tail on its own line or on the tail's line; the thread stays one."""
    corpus = load_corpus([CLIPPINGS / "tweet_tails.md"])
    assert texts(corpus) == [
        [
            "We fired the big kiln for the first time since the roof went on.\n\n"
            "It took eleven hours to reach temperature.",
            "The glaze on the north shelf ran, as it always does.",
            "Of forty mugs, thirty-one came out whole.\n"
            "The cracked ones go to the garden as plant pots.",
            "Next firing is in November, weather permitting.",
        ]
    ]
    assert [corpus.posts.first_line[post] for post in range(4)] == [13, 16, 18, 21]
    assert corpus.thread_meta[0].declared_posts == 4
    assert corpus.thread_meta[0].handle == "kilnyard"


def test_the_leaked_html_page_reads_as_its_three_posts() -> None:
    corpus = load_corpus([CLIPPINGS / "leaked_html.md"])
    assert [len(thread) for thread in texts(corpus)] == [3]
    assert texts(corpus)[0][2] == "A party is planned for May."


def test_a_tail_above_a_numbered_post_keeps_its_number() -> None:
    """Where the post's own marker stands at the start the tail marks, the marker numbers it."""
    tail = 'thread#showTweet" data-screenname="kilnyard" data-tweet="1" dir="auto">'
    page = f"{tail}\n1/ Kiln news.\n{tail}\n2/ More kiln news.\n"
    corpus = Corpus()
    converted = clipping_to_text(page)
    corpus.add_source("t.md", converted.text.encode(), post_starts=converted.post_starts)
    assert numbers(corpus) == [[1, 2]]


def test_teasers_linked_under_more_from_are_threads_of_their_own() -> None:
    """Under `## More from @x` a clipped page lists the author's other threads, each teaser a
    paragraph that links to its own thread on the unroller: each is a thread of its own (one
    unnumbered post, the link kept), none a post of the thread above, nor all one thread."""
    corpus = load_corpus([CLIPPINGS / "more_from_links.md"])
    assert numbers(corpus) == [[1, 2, 3], [None], [None], [None]]
    assert [posts[0] for posts in texts(corpus)[1:]] == [
        "Why I stopped oiling my chain every week, and what I use now.",
        "A short guide to patching a tube by the roadside, with no water to hand.",
        "My winter tyre pressures, and why they are lower than the sidewall says.",
    ]
    assert "More from @pollyquill" in [entry.text for entry in corpus.skipped]
    teasers = [corpus.threads.first_post[thread] for thread in range(1, 4)]
    assert [
        [(link.start, link.value[-24:]) for link in corpus.post_meta[post].extra]
        for post in teasers
    ] == [
        [(0, "1822222222222222222.html")],
        [(0, "1833333333333333333.html")],
        [(0, "1844444444444444444.html")],
    ]


def test_a_link_under_a_blanked_picture_mark_keeps_its_text(tmp_path: Path) -> None:
    """A picture's mark ending a line inside a numbered post is blanked and the text under it
    moves up over the blanks: a link on a line under it still spans its own shown text."""
    path = tmp_path / "moved.md"
    path.write_text(
        '---\ntitle: "A walk"\n---\n'
        "1/ The towpath was flooded past the second lock. Image\n"
        "See [the canal notice](https://example.org/notice) for the detour.\n\n"
        "2/ We walked the road instead.\n",
        encoding="utf-8",
    )
    corpus = load_corpus([path])
    first = texts(corpus)[0][0]
    assert first.endswith("lock.\nSee the canal notice for the detour.")
    links = corpus.post_meta[corpus.threads.first_post[0]].extra
    assert [(first[link.start : link.end], link.value) for link in links] == [
        ("the canal notice", "https://example.org/notice")
    ]


def test_a_link_after_blanks_moved_before_a_mid_line_number_keeps_its_text(tmp_path: Path) -> None:
    """The blanks of a picture's mark above move to the middle of a line, before a number that
    follows a picture's mark there: the text after that number keeps its place, so a link in
    the next post still spans its own shown text."""
    path = tmp_path / "moved.md"
    path.write_text(
        '---\ntitle: "A walk"\n---\n'
        "1/ The towpath was flooded past the second lock. Image\n"
        "See the notice for the detour. Image 2/ We walked [the road](https://example.org/road)"
        " instead.\n\n"
        "3/ Home by six.\n",
        encoding="utf-8",
    )
    corpus = load_corpus([path])
    assert numbers(corpus) == [[1, 2, 3]]
    second = texts(corpus)[0][1]
    links = corpus.post_meta[corpus.threads.first_post[0] + 1].extra
    assert [(second[link.start : link.end], link.value) for link in links] == [
        ("the road", "https://example.org/road")
    ]
