"""`contains_bytes`: `needle in buf`, read a window at a time."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st

from parsing import corpus as corpus_module
from parsing.corpus import contains_bytes

from .test_properties import PROPERTY


@PROPERTY
@given(st.binary(max_size=40), st.binary(min_size=1, max_size=4), st.integers(1, 6))
def test_windows_find_what_in_finds(buf: bytes, needle: bytes, window: int) -> None:
    """Whatever the window, and a needle across a window's end, the answer is `in`'s."""
    with patch.object(corpus_module, "HOLDS_WINDOW", window):
        assert contains_bytes(bytearray(buf), needle) == (needle in buf)


def test_a_needle_across_a_windows_end_is_found() -> None:
    with patch.object(corpus_module, "HOLDS_WINDOW", 4):
        assert contains_bytes(bytearray(b"abcKxyz"), b"cKx")
        assert not contains_bytes(bytearray(b"abcKxyz"), b"cKy")
