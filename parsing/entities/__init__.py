"""Entities in post text: mentions, links, hashtags, cashtags and flags.

`extract_entities` (in `models_of`) builds pydantic entities for one text; the scanners and the
corpus-wide `tally` work on UTF-8 bytes and import no pydantic.
"""
