"""The readings export makes of entities against their references: the plain-tuple reading
of a batch of posts against `extract_spans` (and its overlap rule against the rule itself), the
glued tokens read for the evidence against those `tally` records."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from parsing.entities.extract import drop_overlaps, extract_span_tuples, extract_spans
from parsing.entities.glued import GluedEvidence
from parsing.entities.spans import EntityKind, SpanTuple
from parsing.entities.tally import glued_tokens, tally

from .test_entity_properties import sigil_texts
from .test_properties import PROPERTY, texts

GLUED_TEXT = "@alicecarnegie.ru/a/b… and carnegie.ru/x and @bobcarnegie.ru/a/b…"


def overlaps_dropped_one_by_one(spans: list[SpanTuple]) -> list[SpanTuple]:
    """The rule as stated: by start, the longer first where two start together; a span that
    overlaps one kept before it is left out."""
    kept: list[SpanTuple] = []
    reach = -1
    for span in sorted(spans, key=lambda span: (span[1], -span[2])):
        if span[1] >= reach:
            kept.append(span)
            reach = span[2]
    return kept


@PROPERTY
@given(sigil_texts | texts, st.lists(texts, max_size=2))
@example(GLUED_TEXT, [])
@example("see example.com/#frag and x.org/@name/$AB 🇷🇺", [])
def test_tuples_are_the_spans_of_the_reference_reading(
    text: str, evidence_texts: list[str]
) -> None:
    """`extract_span_tuples` gives what `extract_spans` gives with the same evidence: the same
    kinds, offsets, values and truncation, in the same order (a tuple equals its `Span`)."""
    raw = text.encode()
    evidence = GluedEvidence.gather(
        [
            span.value.removeprefix("https://").split("/")[0]
            for more in [text, *evidence_texts]
            for span in extract_spans(more.encode())
            if span.kind is EntityKind.LINK
        ],
        [],
    )
    assert extract_span_tuples(raw, evidence) == extract_spans(raw, evidence)


span_lists = st.lists(
    st.tuples(st.sampled_from(list(EntityKind)), st.integers(0, 30), st.integers(0, 6)).map(
        lambda drawn: (drawn[0], drawn[1], drawn[1] + drawn[2], "v", False)
    ),
    max_size=12,
)


@PROPERTY
@given(span_lists)
@example([(EntityKind.MENTION, 3, 3, "v", False), (EntityKind.LINK, 3, 9, "v", False)])
@example([(EntityKind.LINK, 0, 9, "v", False), (EntityKind.HASHTAG, 4, 6, "v", False)])
def test_overlaps_are_dropped_as_the_rule_says(spans: list[SpanTuple]) -> None:
    """Spans that touch nowhere come back sorted as they are; overlapping, tied or empty ones
    go by the rule: by start, the longer first, nothing that overlaps what is kept."""
    assert drop_overlaps(spans) == overlaps_dropped_one_by_one(spans)


@PROPERTY
@given(sigil_texts | texts)
@example("@alicecarnegie.ru/a @bob @carol＠dan.example.org/x ＠erinkestrel.org/p…")
def test_glued_tokens_are_those_the_tally_records(text: str) -> None:
    """The glued tokens read for the evidence (only mentions with something glued on) are
    those `tally` records while counting every mention."""
    raw = text.encode()
    assert glued_tokens(raw) == tally(raw).glued
