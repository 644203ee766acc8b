"""Thread titles (the first sentence, without the THREAD/🧵/emoji lead), corpus text made safe
to print, and the JSON and Markdown exports."""

from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing import build_index, load_corpus, titles
from parsing.export import export_model, to_json, to_markdown, write_markdown
from parsing.models import CorpusExport
from parsing.safe_text import visible
from parsing.titles import MAX_TITLE, title_of

from .helpers import REPO, parse_text
from .test_properties import PROPERTY

CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@pytest.mark.parametrize(
    ("first_post", "title"),
    [
        ("THREAD\nThe pier reopens. Details below.", "The pier reopens."),
        ("THREAD: The pier reopens. Details below.", "The pier reopens."),
        ("THREAD. The pier reopens. Details below.", "The pier reopens."),
        ("Thread; The pier reopens. Details below.", "The pier reopens."),
        ("(THREAD) The pier reopens. Details below.", "The pier reopens."),
        ("🧵 The pier reopens. Details below.", "The pier reopens."),
        ("Thread 🧵: The pier reopens. Details below.", "The pier reopens."),
        ("⚡️⚡️⚡️\nThe pier reopens! Details below.", "The pier reopens!"),
        ("Why did the pier close? Details below.", "Why did the pier close?"),
        ("Dr. Reyes and the U.S. team met at 5.30 today. Then lunch.",
         "Dr. Reyes and the U.S. team met at 5.30 today."),
        ("First line without a full stop\nsecond line", "First line without a full stop"),
        ("Water rose by 2.5 metres… Then it fell.", "Water rose by 2.5 metres…"),
        ("The mayor said “the pier stays open.” Then she left.",
         "The mayor said “the pier stays open.”"),
        # A list number opening the post (the author numbered items and posts apart) is no
        # sentence of its own.
        ("5. The ferry now stops at the island twice a day. More soon. 7/",
         "5. The ferry now stops at the island twice a day."),
        ("12) Tolls rise in May. Details below.", "12) Tolls rise in May."),
        # "Thread" before a lower-case word is the sentence's own word, not a lead.
        ("Thread of odd finds from the river bed 🧵", "Thread of odd finds from the river bed"),
        # A month's abbreviation before a day ends no sentence.
        ("Data update (Feb. 21) 💉 More below.", "Data update (Feb. 21) 💉 More below."),
        ("Report due Sept. 3. Then rest.", "Report due Sept. 3."),
        ("  spaced   out   words.  ", "spaced out words."),
        ("", "(empty thread)"),
    ],
)  # fmt: skip
def test_title(first_post: str, title: str) -> None:
    assert title_of(first_post) == title


def test_long_title_is_cut_with_an_ellipsis() -> None:
    title = title_of("word " * 100)
    assert len(title) <= MAX_TITLE
    assert title.endswith("…")
    assert title.startswith("word word")


@pytest.mark.parametrize("lead", ["THREAD", "🧵", "👇"])
def test_a_lead_alone_is_still_a_title(lead: str) -> None:
    assert title_of(lead) == lead


HOSTILE = "Bell\x07, escape \x1b]0;owned\x07, C1 \x9b2J, DEL \x7f, NUL \x00, tab\tend"


def test_visible_leaves_no_control_characters() -> None:
    shown = visible(HOSTILE + "\nnext line")
    assert not CONTROLS.search(shown)
    assert shown.count("\n") == 1
    assert "\n" not in visible("a\nb", keep_newlines=False)
    assert visible("plain text, nothing to do") == "plain text, nothing to do"


def test_visible_shows_bidi_overrides_and_keeps_marks() -> None:
    """Bidi embeddings, overrides and isolates (which reorder text on screen) become ⌧, one
    for one; the right-to-left and left-to-right marks stay, as Arabic and Hebrew need them."""
    text = "admin\u202e\u2066 // evil\u2069\u202c ok \u200f\u200e"
    shown = visible(text)
    assert len(shown) == len(text)
    assert shown == "admin⌧⌧ // evil⌧⌧ ok \u200f\u200e"


def hostile_export() -> CorpusExport:
    corpus = parse_text(f"1/ {HOSTILE} #tag\n2/ *stars* and _under_ [x](y)\n5/ last")
    return export_model(corpus, build_index(corpus), range(corpus.thread_count))


def test_json_export_escapes_controls_and_round_trips() -> None:
    export = hostile_export()
    text = to_json(export)
    assert not CONTROLS.search(text.replace("\n", ""))
    data = json.loads(text)
    assert data["threads"][0]["posts"][0]["text"] == f"{HOSTILE} #tag"
    [tag] = data["threads"][0]["posts"][0]["entities"]
    assert (tag["kind"], tag["value"], tag["text"]) == ("hashtag", "tag", "#tag")
    assert data["threads"][0]["missing"] == [3, 4]


def test_markdown_export_is_safe_and_shows_missing_posts() -> None:
    markdown = to_markdown(hostile_export())
    assert not CONTROLS.search(markdown)
    assert "\\*stars\\*" in markdown
    assert markdown.index("posts 3–4 are missing") < markdown.index("last")
    assert "post 3 is missing" not in markdown


def test_streamed_markdown_equals_the_markdown_of_the_model() -> None:
    """`write_markdown` (what `export --format markdown` runs, thread by thread and without
    entities) writes exactly `to_markdown` of the whole export model, related threads included."""
    corpus = load_corpus([REPO / "assets" / "demo"])
    index = build_index(corpus)
    threads = list(range(corpus.thread_count))
    out = io.StringIO()
    write_markdown(corpus, index, threads, out, with_related=True)
    expected = to_markdown(export_model(corpus, index, threads, with_related=True)) + "\n"
    assert out.getvalue() == expected
    assert "Related: " in expected


_MONTH_BEFORE = "".join(rf"(?<!\b{month})" for month in titles._MONTHS)
SENTENCE_END_LOOKING_BEFORE = re.compile(
    rf"(?<!\b[A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<!\bMrs)(?<!\bvs)(?<!\bNo)"
    rf"(?:[!?…]|(?:{_MONTH_BEFORE}|(?!\.\s+\d))\.)[\"'”’)\]]*"
    rf"(?=\s+[\"'“‘(\[A-Z0-9{titles._EMOJI}@#]|\s*$)|\n"
)
"""The sentence end as first written: the abbreviations looked for before the mark."""


@PROPERTY
@given(st.text(alphabet=st.sampled_from(list(".!?…\n \"')]A.ZaDrMsStvNo5🧵#@éFebJu")), max_size=40))
def test_a_sentence_ends_where_the_pattern_looking_before_the_mark_says(text: str) -> None:
    """The sentence end, searched for from its mark, is where the pattern that looks for the
    abbreviations before the mark finds it."""
    found, expected = titles._SENTENCE_END.search(text), SENTENCE_END_LOOKING_BEFORE.search(text)
    assert (found and found.span()) == (expected and expected.span())


title_ends = st.lists(
    st.sampled_from(
        [" ", "  ", "\u00a0", "\u2003", "\n", "\t", "word", "B", "1", "2", "/", "(", ")", "[",
         "]", ".", "…", "👇", "🧵", "http", "s", "://", "n", "many", "x.y", "1/", "é", "٣"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@PROPERTY
@given(title_ends)
def test_a_title_ends_as_the_plain_rule_ends_it(text: str) -> None:
    """What trails a title (` 1/`, 👇, a link cut short) is dropped exactly as the plain rule
    (spaces folded, `_TRAILING` applied) drops it, though it is looked for only when the last
    word could be some."""
    plain = titles._TRAILING.sub("", titles._SPACES.sub(" ", text).strip())
    assert titles.without_trailing(" ".join(text.split())) == plain


OPENINGS = st.lists(
    st.sampled_from(["word", " ", ". ", "The", "🇷🇺", "é", "沈", "\n", "…"]), max_size=40
)


@PROPERTY
@given(OPENINGS)
def test_a_long_first_post_gets_the_title_of_its_whole_text(pieces: list[str]) -> None:
    """A first post longer than the bytes a title is read from (here of wide characters, flags
    four bytes each) gets the title its whole text gives."""
    opening = "".join(pieces)
    corpus = parse_text("1/ " + opening + " " + "🇷🇺沈é " * titles.TITLE_BYTES + "\n2/ more\n")
    first_post = corpus.post_text(corpus.threads.first_post[0])
    assert len(first_post.encode()) > titles.TITLE_BYTES
    assert corpus.title(0) == title_of(first_post)
