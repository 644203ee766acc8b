"""A copy cut off in the middle of a line of chrome: what is left of that line is skipped, never
a thread nor a post's last words; a post's own last words stay."""

from __future__ import annotations

import re

import pytest

from parsing.chrome_rules import CHROME_LINE, UNMISTAKABLE
from parsing.cut_off import fragment_line
from parsing.rule_text import spelled_out

from .helpers import numbers, parse_text, skipped, texts

THREAD = "1/ The pier lights are fixed.\n2/ The railings are next.\n"


@pytest.mark.parametrize(
    "fragment",
    [
        "Thank ",
        "Thank you for y",
        "Did Thread Rea",
        "Read all thr",
        "Read 4 twe",  # a number stands for any number
        "12 tweets • 3 mi",
        "Keep Current wi",
        "Or Donate anonym",
        "Show this thr",
        "Share th",
        "Leave a Rep",
        "By continuing to use the site, you are consenting to the",  # twunroll's notice
    ],
)
def test_the_cut_end_of_a_chrome_line_after_chrome_is_skipped(fragment: str) -> None:
    corpus = parse_text(f"{THREAD}• • •\n{fragment}")
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus)[-1] == (4, fragment)


@pytest.mark.parametrize(
    "fragment",
    [
        "This site is made by just three indie dev",
        "This site is made by just two indie developers on a laptop doing marketing, supp",
    ],
)
def test_a_chrome_line_cut_past_a_word_its_rule_leaves_open_is_skipped(fragment: str) -> None:
    """A rule that takes any word at a place (`just \\w+ indie developers`) knows its line
    whatever word stands there: the cut line is still the start of that chrome line."""
    corpus = parse_text(f"{THREAD}• • •\nSupport us! We are indie developers!\n\n{fragment}")
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus)[-1] == (6, fragment)


@pytest.mark.parametrize(
    "fragment",
    [
        "• •",
        "Missing some Tweet in th",
        "Twitter may remove this content",
        "Thank you for your sup",
        "Read 4 twe",  # a count and the line's words after it
        "Read 12 t",
    ],
)
def test_a_distinct_cut_chrome_line_right_under_a_post_is_skipped(fragment: str) -> None:
    """The end marker's start, or a long start of a chrome line, is no post's last words."""
    corpus = parse_text(f"{THREAD}{fragment}")
    assert texts(corpus) == [["The pier lights are fixed.", "The railings are next."]]
    assert skipped(corpus) == [(3, fragment)]


@pytest.mark.parametrize("fragment", ["Keep Current ", "Thank ", "Read all\t"])
def test_a_chrome_line_cut_after_a_word_and_saved_with_a_newline_is_skipped(
    fragment: str,
) -> None:
    """The blank the cut left before the final newline tells a cut line from a whole one."""
    corpus = parse_text(f"{THREAD}• • •\n{fragment}\n")
    assert numbers(corpus) == [[1, 2]]
    assert skipped(corpus)[-1] == (4, fragment)


def test_a_distinct_chrome_line_cut_after_a_word_under_a_post_is_skipped() -> None:
    corpus = parse_text(f"{THREAD}Thank you for your sup \n")
    assert texts(corpus) == [["The pier lights are fixed.", "The railings are next."]]
    assert skipped(corpus) == [(3, "Thank you for your sup ")]


@pytest.mark.parametrize("last", ["Keep Current\n", "Keep Current \n\n", "Keep Current \nat sea"])
def test_a_chrome_lines_start_ended_by_no_cut_stays_a_thread(last: str) -> None:
    """No blank before the final newline, or lines after it: the line is whole, not cut."""
    corpus = parse_text(f"{THREAD}• • •\n{last}")
    assert (4, "Keep Current") not in [(line, text.strip()) for line, text in skipped(corpus)]
    assert texts(corpus)[-1][0].startswith("Keep Current")


@pytest.mark.parametrize("last", ["Thank", "Read all", "3/ Thank you", "Show this", "Read 4"])
def test_a_short_cut_line_under_a_post_is_the_posts(last: str) -> None:
    corpus = parse_text(f"{THREAD}{last}")
    assert corpus.skipped == []
    assert last.removeprefix("3/ ") in texts(corpus)[0][-1]


@pytest.mark.parametrize("last", ["Thank you, pier crew", "Read all about it", "Sharp"])
def test_a_cut_line_that_starts_no_chrome_line_stays_a_thread(last: str) -> None:
    corpus = parse_text(f"{THREAD}• • •\n{last}")
    assert texts(corpus)[-1] == [last]


def test_a_whole_chrome_line_at_the_end_is_chrome_not_a_fragment() -> None:
    corpus = parse_text(f"{THREAD}• • •\nRead all threads")
    assert skipped(corpus) == [(3, "• • •"), (4, "Read all threads")]


@pytest.mark.parametrize("rule", UNMISTAKABLE)
def test_each_line_a_chrome_rule_writes_out_is_one_it_matches(rule: str) -> None:
    """The known lines are the rules' own: each whole line written out of a rule is a line the
    rule matches (the others stop where the rule takes any text)."""
    whole = re.compile(rule.encode())
    lines = spelled_out(rule)
    assert lines
    for text in [text for text, more in lines if not more]:
        assert whole.fullmatch(text), text


@pytest.mark.parametrize("rule", UNMISTAKABLE)
def test_every_cut_of_a_chrome_rules_line_is_a_fragment_only_at_the_end(rule: str) -> None:
    """Each line of a strong or passing chrome rule, cut after any character, is a cut-off
    fragment as the last line of a copy that stops inside it, and with a newline after it only
    when the cut fell after a blank; never when more text follows. What is still a whole chrome
    line when cut is no fragment."""
    above = f"{THREAD}• • •\n".encode()
    for text, _ in spelled_out(rule):
        line = text.decode("utf-8")
        for cut in range(1, len(line)):
            part = line[:cut].encode()
            if len(part.strip()) < 2 or CHROME_LINE.fullmatch(part.strip()):
                continue
            assert fragment_line(above + part) == (len(above), len(above + part)), part
            cut_after_blank = part.endswith((b" ", b"\t"))
            expected = (len(above), len(above + part)) if cut_after_blank else None
            assert fragment_line(above + part + b"\n") == expected, part
            assert fragment_line(above + part + b"\n3/ Paint") is None, part


@pytest.mark.parametrize(
    "fragment",
    ["Mar 27 • 18 tweets • 5 mi", "Mar 27, 2024 18 twe", "27 Mar 9 tweets 2 min re"],
)
def test_the_cut_date_and_length_heading_a_teaser_is_skipped_after_a_post(fragment: str) -> None:
    """An author page copied up to the middle of the next teaser's date and length line: what
    is left of that line is its heading, skipped, not the last words of the teaser above."""
    corpus = parse_text(f"Dec 4 • 6 tweets • 2 min read\nThe harbour froze in 1963.\n{fragment}")
    assert texts(corpus) == [["The harbour froze in 1963."]]
    assert skipped(corpus)[-1] == (3, fragment)


def test_a_date_and_words_ending_a_post_at_the_cut_stay() -> None:
    """A last line cut after a date and words that start no length line stays the post's."""
    corpus = parse_text("Dec 4 • 6 tweets • 2 min read\nThe harbour froze.\nMar 27 we met the")
    assert texts(corpus) == [["The harbour froze.\nMar 27 we met the"]]


@pytest.mark.parametrize(
    "last",
    [
        "Thread by @harbourmaster",
        "You can follow @the_pier_lights_crew",
        "Read 4 to 6",
        "Grandmother's avatar",  # a word, then only 9 bytes of the line's own text
    ],
)
def test_a_posts_last_line_read_only_into_an_open_word_or_count_stays_the_posts(
    last: str,
) -> None:
    """A post's own last line in a copy without a final newline that reads as the start of a
    chrome line only through the word or the count that line leaves open (`Thread by @\\w+`,
    `Read 0 tweets`) stays the post's: the open word is the author's, not the line's."""
    corpus = parse_text(f"{THREAD}{last}")
    assert corpus.skipped == []
    assert texts(corpus)[0][-1].endswith(last.removeprefix("3/ "))
