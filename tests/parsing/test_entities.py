"""Entity rules, one small example each: mentions, hashtags, cashtags, links, flags, glued
mention+link tokens, and code-point offsets."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from parsing import extract_entities
from parsing.entities.flags import flag_emoji, region_names
from parsing.entities.glued import GluedEvidence
from parsing.entities.tlds import top_level_domains
from parsing.entities.urls import NEVER_STARTS_A_TLD

SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
"""🏴 and the tags g b s c t, then the cancel tag: the flag of Scotland."""


def found(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    """(kind, value) of the entities of `text`, or the values alone for one `kind`."""
    return [(e.kind, e.value) for e in extract_entities(text) if kind in (None, e.kind)]


def values(text: str, kind: str) -> list[str]:
    return [e.value for e in extract_entities(text) if e.kind == kind]


# -- mentions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@harbourmaster opened the gates", ["harbourmaster"]),
        ("thanks, @ab_12!", ["ab_12"]),
        ("RT@keeper: the lamp is lit", ["keeper"]),
        ("rt:@keeper the lamp is lit", ["keeper"]),
        ("＠wide at sign", ["wide"]),
        ("a@keeper", []),
        ("mail me at lamp@keeper.org", []),
        ("snake_@keeper", []),
        ("@first@second", []),
        ("@café is closed", []),
        ("@http://example.com", []),
        ("(@paren) and [@bracket]", ["paren", "bracket"]),
    ],
)
def test_mention_contexts(text: str, expected: list[str]) -> None:
    assert values(text, "mention") == expected


def test_mention_name_is_at_most_20_characters() -> None:
    """Twenty characters are a whole mention; from a longer run only the first twenty are read."""
    assert values("@" + "a" * 20, "mention") == ["a" * 20]
    [entity] = [e for e in extract_entities("@" + "b" * 25) if e.kind == "mention"]
    assert (entity.start, entity.end, entity.value) == (0, 21, "b" * 20)


# -- hashtags ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("spring #garden notes", ["garden"]),
        ("#сад весной", ["сад"]),
        ("#花園 photos", ["花園"]),
        ("#2024 was dry", []),
        ("#1st prize", ["1st"]),
        ("#_", []),
        ("abc#tag", []),
        ("é#tag", []),
        ("5#tag", []),
        ("&#tag", []),
        ("✌️#peace", ["peace"]),
        ("✌#peace", ["peace"]),
        ("#one#two", []),
        ("#tag, #other.", ["tag", "other"]),
        ("＃fullwidth", ["fullwidth"]),
    ],
)
def test_hashtags(text: str, expected: list[str]) -> None:
    assert values(text, "hashtag") == expected


def test_hashtag_inside_a_link_belongs_to_the_link() -> None:
    assert found("see example.com/#section now") == [("link", "https://example.com/#section")]
    assert found("https://example.org/page#top") == [("link", "https://example.org/page#top")]


# -- cashtags ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$TSLA is up", ["TSLA"]),
        ("buy $brk.b today", ["brk.b"]),
        ("$BRK.B", ["BRK.B"]),
        ("$TSLA.", ["TSLA"]),
        ("trade was $68.63b", []),
        ("it cost $5", []),
        ("text$NO", []),
        ("$TOOLONGX", []),
        ("$AB_CD", ["AB_CD"]),
    ],
)
def test_cashtags(text: str, expected: list[str]) -> None:
    assert values(text, "cashtag") == expected


# -- links -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "link_text", "value", "truncated"),
    [
        ("read example.com today", "example.com", "https://example.com", False),
        ("https://example.com/a/b.", "https://example.com/a/b", "https://example.com/a/b", False),
        ("http://example.com/x", "http://example.com/x", "http://example.com/x", False),
        ("see news.example.org/2020/story…", "news.example.org/2020/story…",
         "https://news.example.org/2020/story", True),
        ("example.com/path… more", "example.com/path…", "https://example.com/path", True),
        ("(example.com/x)", "example.com/x", "https://example.com/x", False),
        ("example.co.uk/page!", "example.co.uk/page", "https://example.co.uk/page", False),
        ("visit www.example.com, then", "www.example.com", "https://www.example.com", False),
        ("q: http://example.com/p?q=1&x=2.", "http://example.com/p?q=1&x=2",
         "http://example.com/p?q=1&x=2", False),
        ("“example.com/quoted”", "example.com/quoted", "https://example.com/quoted", False),
        ("https://t.co/abc123/extra", "https://t.co/abc123", "https://t.co/abc123", False),
        ("go https://t.co/xyz789… now", "https://t.co/xyz789…", "https://t.co/xyz789", True),
        ("t https://t.co/abc?amp=1", "https://t.co/abc?amp=1", "https://t.co/abc?amp=1", False),
    ],
)  # fmt: skip
def test_links(text: str, link_text: str, value: str, truncated: bool) -> None:
    [link] = [e for e in extract_entities(text) if e.kind == "link"]
    assert (link.text, link.value, link.truncated) == (link_text, value, truncated)


@pytest.mark.parametrize(
    "text",
    [
        "write to lamp@keeper.org",
        "https://t.co/" + "a" * 41,
        "file.notatld here",
        "v1.2.3",
        # Words of the TLD list's header are no domains: sentences run together stay text.
        "That was it.And then the rest",
        "over.the top",
        "plan.a",
    ],
)
def test_not_links(text: str) -> None:
    assert values(text, "link") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it was dark.” Then example.com/a", ["https://example.com/a"]),
        ("read this.🧵 example.com/b", ["https://example.com/b"]),
        ("so it goes.… and «quoted.» text", []),
        ("example.рф and http://例子.みんな", ["https://example.рф", "http://例子.みんな"]),
    ],
)
def test_links_beside_punctuation_after_a_full_stop(text: str, expected: list[str]) -> None:
    """A full stop before a quote, an ellipsis or an emoji starts no link; links with
    internationalised top-level domains are still read."""
    assert values(text, "link") == expected


def test_no_top_level_domain_starts_with_what_candidates_skip() -> None:
    """The link candidates skip a dot followed by Latin-1 punctuation, general punctuation or
    an emoji: no top-level domain starts with any of those characters, in any case."""
    # What the pattern skips: U+0080–U+00BF, U+2000–U+203F and U+1F000–U+1FFFF.
    skipped = [*range(0x80, 0xC0), *range(0x2000, 0x2040), *range(0x1F000, 0x20000)]
    assert all(re.match(NEVER_STARTS_A_TLD, chr(c).encode()) for c in skipped)
    firsts = {tld[0] for tld in top_level_domains()}
    assert [hex(c) for c in skipped if chr(c).lower()[:1] in firsts] == []


def test_links_serialise_truncated_and_others_do_not() -> None:
    link, mention = extract_entities("example.com/a… @keeper")
    assert link.model_dump()["truncated"] is True
    assert "truncated" not in mention.model_dump()


# -- flags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("🇷🇺", ["RU"]),
        ("🇷🇺🇦🇲 alliance", ["RU", "AM"]),
        ("🇨🇳🇷🇺 trade", ["CN", "RU"]),
        ("🇦🇲🇷🇺🇦", ["AM", "RU"]),
        ("🇽🇽 is no region", []),
        ("🇪🇺 and 🇺🇳", ["EU", "UN"]),
        (SCOTLAND + " Highlands", ["GB-SCT"]),
        ("🏴 a black flag alone", []),
    ],
)
def test_flags(text: str, expected: list[str]) -> None:
    """Regional indicators pair from the left: 🇷🇺🇦🇲 holds no 🇺🇦, 🇨🇳🇷🇺 no 🇳🇷."""
    assert values(text, "flag") == expected


def test_flag_names_come_from_cldr() -> None:
    names = region_names()
    assert names["RU"] == "Russia"
    assert names["CN"] == "China"
    assert names["GB-SCT"] == "Scotland"
    assert names["EU"] == "European Union"
    assert flag_emoji("GB-SCT") == SCOTLAND
    assert flag_emoji("ru") == "🇷🇺"


# -- glued mention+link tokens -----------------------------------------------------------------


def test_glued_token_without_evidence_stays_a_mention() -> None:
    assert found("@test.com") == [("mention", "test")]
    assert found("ask @lampkeeper.org/faq") == [("mention", "lampkeeper")]


def test_glued_tokens_sharing_domain_and_path_split() -> None:
    """Two handles glued to the same domain and path: the common ending is the domain label."""
    text = "by @alicecarnegie.ru/x/1… and @bobcarnegie.ru/x/1…"
    assert found(text) == [
        ("mention", "alice"),
        ("link", "https://carnegie.ru/x/1"),
        ("mention", "bob"),
        ("link", "https://carnegie.ru/x/1"),
    ]
    alice, link = extract_entities(text)[:2]
    assert (alice.text, link.text, link.truncated) == ("@alice", "carnegie.ru/x/1…", True)
    assert link.start == alice.end


def test_glued_token_splits_when_its_domain_is_a_link_elsewhere() -> None:
    text = "via @reporterbloomberg.com/news/a1… see bloomberg.com/news/b2…"
    assert found(text) == [
        ("mention", "reporter"),
        ("link", "https://bloomberg.com/news/a1"),
        ("link", "https://bloomberg.com/news/b2"),
    ]


def test_glued_token_splits_on_corpus_evidence() -> None:
    text = "by @alicecarnegie.ru/x/1…"
    assert found(text) == [("mention", "alicecarnegie")]
    evidence = GluedEvidence(frozenset({"carnegie.ru"}))
    entities = extract_entities(text, evidence)
    assert [(e.kind, e.text) for e in entities] == [
        ("mention", "@alice"),
        ("link", "carnegie.ru/x/1…"),
    ]


def test_glued_tokens_with_the_same_name_do_not_split() -> None:
    """The same merged name twice gives no differing names, hence no evidence."""
    text = "@bobexample.com/a/b… and again @bobexample.com/a/b…"
    assert values(text, "mention") == ["bobexample", "bobexample"]
    assert values(text, "link") == []


# -- offsets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "𝐁𝐨𝐥𝐝 @me 😀 #tag 🇷🇺 x.com/a $ABC",
        "🇨🇳🇷🇺 @one 👇 example.com/x… " + SCOTLAND,
        "沈阳 #大学 @x ＠y",
        "\U0001f9f5 1/ 𠀡 @alicecarnegie.ru/x/1… @bobcarnegie.ru/x/1…",
    ],
)
def test_offsets_are_code_points(text: str) -> None:
    entities = extract_entities(text)
    assert entities
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
    starts = [e.start for e in entities]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in pairwise(entities))


def test_found_entities_have_the_public_entity_fields() -> None:
    """What the reader shows of an entity (`FoundEntity`) has the fields of the public model,
    in its order, and the public model is built from it: the two cannot drift apart."""
    from parsing.entities.found import FoundEntity
    from parsing.models import Entity

    assert FoundEntity._fields == tuple(Entity.model_fields)
    text = "see @Someone at example.org/a and #tag 🇺🇦"
    found = extract_entities(text)
    assert [entity.kind for entity in found] == ["mention", "link", "hashtag", "flag"]
