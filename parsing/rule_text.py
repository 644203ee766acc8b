"""Regular expression text for the line rules: many alternatives made into few branches, and
the lines a rule matches written out (for the start of a line to be known by the rule alone)."""

from __future__ import annotations

import importlib
from typing import Any


def _alternatives(rule: str) -> list[str]:
    """`rule` split at its top-level `|` (outside groups and character classes)."""
    parts, depth, start, at, in_class = [], 0, 0, 0, False
    while at < len(rule):
        char = rule[at]
        if char == "\\":
            at += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(rule[start:at])
            start = at + 1
        at += 1
    return [*parts, rule[start:]]


def factored(rules: list[str]) -> bytes:
    """The alternation of `rules`, those that start with the same plain character put behind
    it once (`T(?:his …|witter …)`). The engine rejects a branch by its first character in a
    couple of instructions, but it still tries every branch on every line: fewer branches,
    less time per line."""
    groups: dict[str, list[str]] = {}
    for part in (part for rule in rules for part in _alternatives(rule)):
        plain = part[:1].isalpha() or part[:1] in ",@"
        key = part[0] if plain and part[1:2] not in ("?", "*", "+", "{") else part
        groups.setdefault(key, []).append(part)
    branches = [
        rules[0] if len(rules) == 1 else key + "(?:" + "|".join(r[1:] for r in rules) + ")"
        for key, rules in groups.items()
    ]
    return "|".join(branches).encode()


_PARSER: Any = importlib.import_module("re._parser")
"""The standard library's own reader of regular expressions (`re` compiles with it)."""
_VARIANTS = 256
"""Lines written out for one rule, at most: enough for its optional parts and cases."""
_SAMPLE = {"CATEGORY_DIGIT": b"0", "CATEGORY_WORD": b"a", "CATEGORY_SPACE": b" "}
"""The character written for a class of characters: any digit reads as 0 (see `cut_off`)."""

Spelled = tuple[bytes, bool]
"""Text a rule matches, and whether any text may follow it (the rule allows it there)."""


def spelled_out(rule: str, word: bytes = b"a") -> list[Spelled]:
    """The lines `rule` matches, written out from the rule itself: each optional part with and
    without it, each branch, both cases of a letter (`[Rr]`), any other class as its first
    character (a digit as `0`, a word character as `a`), once each where repeated. Where the
    rule takes any text (`.*`), the line written stops, marked as one that more may follow.
    A word character is written as `word` (a mark standing for any word, see `cut_off`)."""
    return _sequence(_PARSER.parse(rule.encode()), word)


def _sequence(items: Any, word: bytes) -> list[Spelled]:
    lines: list[Spelled] = [(b"", False)]
    for op, argument in items:
        pieces = _piece(str(op), argument, word)
        lines = [
            (text, True) if open_end else (text + piece, more)
            for text, open_end in lines
            for piece, more in ([(b"", True)] if open_end else pieces)
        ]
        lines = list(dict.fromkeys(lines))[:_VARIANTS]
    return lines


def _piece(op: str, argument: Any, word: bytes) -> list[Spelled]:
    if op == "LITERAL":
        return [(bytes([argument]), False)]
    if op == "IN":
        return _class(argument, word)
    if op == "BRANCH":
        return [line for branch in argument[1] for line in _sequence(branch, word)]
    if op == "SUBPATTERN":
        return _sequence(argument[3], word)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        least, most, item = argument
        once = _sequence(item, word)
        if any(more and not text for text, more in once):
            # Any text, however much (`.{0,200}`): the line stops here, as at `.*`; leaving
            # the repeat out would glue what follows to what came before, past a `\b`.
            return [(b"", True)]
        times = max(least, 1)
        repeated = [(text * times, more) for text, more in once] if most else []
        return ([(b"", False)] if least == 0 else []) + repeated
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return [(b"", False)]  # takes no text
    return [(b"", True)]  # any character (`.`, `[^…]`): any text from here


def _class(items: Any, word: bytes) -> list[Spelled]:
    kinds = [str(kind) for kind, _ in items]
    if "NEGATE" in kinds:
        return [(b"", True)]
    chars = bytes(char for _, char in items) if all(kind == "LITERAL" for kind in kinds) else b""
    if len(chars) == 2 and chars.lower() == chars[:1].lower() * 2 and chars.isalpha():
        return [(chars[:1], False), (chars[1:], False)]  # a letter in either case: `[Rr]`
    kind, argument = items[0]
    if str(kind) == "LITERAL":
        return [(bytes([argument]), False)]
    if str(kind) == "RANGE":
        return [(bytes([argument[0]]), False)]
    if str(argument) == "CATEGORY_WORD":
        return [(word, False)]
    return [(_SAMPLE.get(str(argument), b"a"), False)]
