"""Entity spans as export JSON, a whole column at a time.

`export_json.entity_values` is the reference: a dict per entity, encoded by the json module.
Here every step over the spans of many posts is a `map` or a slice over whole columns (code
points counted between bounds, texts sliced and escaped by the encoder's own C function, each
entity formatted from its kind's template), so no Python code runs per entity; the bytes are the
reference's (tests/parsing/test_export_writer.py holds them equal).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import accumulate, chain, islice, repeat
from json.encoder import encode_basestring
from operator import sub

from .entities.spans import EntityKind, Span

_CONTINUATIONS = bytes(1 if 0x80 <= byte < 0xC0 else 0 for byte in range(256))
_TEMPLATES = {
    (kind, truncated): (
        f'{{"kind": "{kind.value}", "start": %d, "end": %d, "text": %s, "value": %s'
        + (
            f', "truncated": {"true" if truncated else "false"}}}'
            if kind is EntityKind.LINK
            else "}"
        )
    )
    for kind in EntityKind
    for truncated in (False, True)
}
"""Each kind's entity JSON, by kind and `truncated` (which only a link shows)."""


def continuation_marks(buf: bytes) -> bytes:
    """A 1 where `buf` holds a UTF-8 continuation byte, else 0: a byte offset less the marks
    before it is a code-point offset (`bytes.count` counts them in C, without copies)."""
    return buf.translate(_CONTINUATIONS)


def code_points(
    marks: bytes, lows: Sequence[int], highs: Sequence[int], origin: tuple[int, int] = (0, 0)
) -> tuple[list[int], list[int]]:
    """Byte offsets to code points for spans in order (each low ≤ its high ≤ the next low),
    counted from `origin` (a byte offset and its code point, at or before the first low)."""
    bounds = [0] * (2 * len(lows))
    bounds[0::2], bounds[1::2] = lows, highs
    byte, point = origin
    counted = map(marks.count, repeat(1), chain((byte,), bounds), bounds)
    before = islice(accumulate(counted, initial=byte - point), 1, None)
    points = list(map(sub, bounds, before))
    return points[0::2], points[1::2]


def entity_json(
    text: str, marks: bytes, spans: Sequence[Span], bases: Iterable[int], origin: tuple[int, int]
) -> list[str]:
    """Each span as the JSON of its entity dict. `text` is the decoded buffer the spans point
    into (`marks` its continuation marks), `bases` the code point each span's post starts at,
    `origin` a byte offset and its code point at or before the first span."""
    if not spans:
        return []
    kinds, starts, ends, values, truncated = zip(*spans, strict=True)
    lows, highs = code_points(marks, starts, ends, origin)
    bases = list(islice(bases, len(spans)))  # `bases` may be endless (`repeat`)
    return list(
        map(
            str.__mod__,
            map(_TEMPLATES.__getitem__, zip(kinds, truncated, strict=True)),
            zip(
                map(sub, lows, bases),
                map(sub, highs, bases),
                map(encode_basestring, map(text.__getitem__, map(slice, lows, highs))),
                map(encode_basestring, values),
                strict=True,
            ),
        )
    )


def per_post(
    text: str, marks: bytes, spans: Sequence[Span], cuts: Sequence[int], bases: Sequence[int]
) -> list[str]:
    """The entities of each post, as the JSON inside its list: post i holds
    `spans[cuts[i]:cuts[i + 1]]` and starts at code point `bases[i]`."""
    counts = list(map(sub, cuts[1:], cuts))
    owners = chain.from_iterable(map(repeat, bases, counts))
    entities = entity_json(text, marks, spans, owners, (0, 0))
    return list(map(", ".join, map(entities.__getitem__, map(slice, cuts, cuts[1:]))))
