"""Weak chrome lines confirmed by their neighbours (`chrome._confirm_weak`), by property: the
lines it confirms are those a plain fixpoint of the same rule confirms."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parsing.chrome import _confirm_weak
from parsing.neighbours import Line, next_nonblank_line, previous_nonblank_line
from parsing.weak_ends import ends_a_post

from .test_properties import PROPERTY

KINDS = {
    "text": ["A line of plain prose.", "More words"],
    "weak": ["Share", "Sign up", "5 min read", "Read on X"],
    "strong": ["Follow us on every platform"],
    "footer": ["\u2022 \u2022 \u2022", "You can follow @someone.", "Enjoy Threader? Say so"],
    "blank": ["", "  "],
}
"""Lines of each kind; which are weak or confirmed is drawn apart from their words, since the
rule reads only where they stand, except the footer rule, which reads both."""

lines = st.lists(
    st.sampled_from(sorted(KINDS)).flatmap(lambda kind: st.sampled_from(KINDS[kind])),
    min_size=1,
    max_size=12,
)


def fixpoint(buf: bytes, confirmed: set[Line], weak: list[Line]) -> set[Line]:
    """The rule read plainly: sweep the weak lines not yet added (one already confirmed
    may be added too) until a sweep adds none; a line
    next to confirmed chrome is confirmed, but not by the footer under it alone when the line
    above it is text (neither chrome nor weak) and it is a kind that ends a post there."""
    weak_set, chrome, added = set(weak), set(confirmed), set()
    changed = True
    while changed:
        changed = False
        for line in sorted(weak_set - added):
            before = previous_nonblank_line(buf, line[0])
            after = next_nonblank_line(buf, line[1])
            under_text = before is not None and before not in chrome and before not in weak_set
            if before in chrome or (
                after in chrome and not (under_text and ends_a_post(buf, line, after))
            ):
                chrome.add(line)
                added.add(line)
                changed = True
    return added


@PROPERTY
@given(lines, st.data())
def test_weak_lines_confirmed_are_those_of_the_plain_fixpoint(
    texts: list[str], data: st.DataObject
) -> None:
    """Over any run of text, weak, strong, footer and blank lines, with any of them weak and
    any confirmed to start with, the lines confirmed are the fixpoint's, each once, and they
    are added to `confirmed`."""
    buf = "\n".join(texts).encode()
    spans, start = [], 0
    for text in texts:
        end = start + len(text.encode())
        spans.append((start, end))
        start = end + 1
    nonblank = [span for span, text in zip(spans, texts, strict=True) if text.strip()]
    is_weak = [text in KINDS["weak"] or data.draw(st.booleans()) for text in texts]
    weak = [s for s, w, t in zip(spans, is_weak, texts, strict=True) if w and t.strip()]
    chrome = {
        span
        for span, text in zip(spans, texts, strict=True)
        if text.strip()
        and span not in weak
        and (text in KINDS["strong"] + KINDS["footer"] or data.draw(st.booleans()))
    }
    chrome |= set(data.draw(st.lists(st.sampled_from(nonblank)))) if nonblank else set()
    expected = fixpoint(buf, chrome, weak)
    confirmed = set(chrome)
    added = _confirm_weak(buf, confirmed, weak)
    assert sorted(added) == sorted(expected)
    assert len(added) == len(set(added))
    assert confirmed == chrome | expected


def test_a_footer_confirmed_from_below_does_not_confirm_the_post_end_above_it() -> None:
    """`Sign up` under a line of text, over a weak footer that the chrome under it confirms:
    the footer is confirmed, `Sign up` stays the post's last line (the footer confirmed late
    must not hand it on)."""
    buf = "The last words of a post.\nSign up\n\u2022 \u2022 \u2022\nFollow us everywhere".encode()
    ends = [at for at, byte in enumerate(buf) if byte == ord("\n")]
    sign_up, footer, strong = (
        (ends[0] + 1, ends[1]),
        (ends[1] + 1, ends[2]),
        (ends[2] + 1, len(buf)),
    )
    confirmed = {strong}
    assert _confirm_weak(buf, confirmed, [sign_up, footer]) == [footer]
    assert sign_up not in confirmed
