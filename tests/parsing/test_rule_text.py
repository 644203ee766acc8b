"""Rules factored by their first character match exactly the lines the plain alternation does."""

from __future__ import annotations

import re

import pytest

from parsing.rule_text import factored

RULES = [r"Post|Share", r"Pay(?:pal)?", r"[Hh]elp", r"S?ave", r"Ab\|c|x", r"\d views", r"-"]


def test_rules_with_one_first_character_share_a_branch() -> None:
    assert factored(["Post|Share", "Pay"]).decode() == "P(?:ost|ay)|Share"


@pytest.mark.parametrize(
    "line",
    [
        "Post",
        "Share",
        "Pay",
        "Paypal",
        "help",
        "Help",
        "ave",
        "Save",
        "Ab|c",
        "x",
        "3 views",
        "-",
        "Pa",
        "Sh",
    ],
)
def test_same_lines_match(line: str) -> None:
    plain = re.compile("(?:" + "|".join(RULES) + ")")
    grouped = re.compile(b"(?:" + factored(RULES) + b")")
    assert bool(grouped.fullmatch(line.encode())) == bool(plain.fullmatch(line))
