"""Pydantic entities from byte spans: the public `extract_entities`."""

from __future__ import annotations

from ..models import Entity
from .extract import extract_spans
from .found import found_entities
from .glued import GluedEvidence
from .spans import Span


def extract_entities(text: str, evidence: GluedEvidence | None = None) -> list[Entity]:
    """The entities of one text, with code-point offsets; `text[e.start:e.end] == e.text`."""
    buf = text.encode("utf-8", "surrogatepass")
    return entities_of(text, buf, extract_spans(buf, evidence))


def entities_of(text: str, buf: bytes, spans: list[Span]) -> list[Entity]:
    """Pydantic entities for byte `spans` of `buf`, which is `text` encoded."""
    return [Entity(**found._asdict()) for found in found_entities(text, buf, spans)]
