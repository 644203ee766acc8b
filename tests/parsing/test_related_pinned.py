"""Every related list of the seed corpus and of the demo corpus, whole: threads, scores and
reasons, in order. Both are small enough that every thread sharing a feature is a candidate, so
bounding the candidates of a big corpus must leave each of these lists as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing import build_index, load_corpus
from parsing.related import related_threads
from tui.assets import demo_dir

from .helpers import SEED, SHARED

Listed = list[list[tuple[int, float, tuple[str, ...]]]]

SEED_RELATED: Listed = [
    [
        (5, 2.555, ("recent conversation", "@DmitriTrenin", "additional", "increasingly")),
        (4, 2.374, ("address", "africa", "alliance", "alternative")),
        (6, 1.456, ("@MID_RF", "balance", "important", "🇷🇺")),
        (1, 1.194, ("kremlin", "viewed", "🇷🇺")),
        (2, 1.054, ("military", "powers", "🇷🇺")),
    ],
    [
        (5, 1.318, ("executives", "story", "🇷🇺")),
        (0, 1.194, ("kremlin", "viewed", "🇷🇺")),
        (3, 1.126, ("economic", "bloomberg.com", "🇷🇺")),
    ],
    [
        (5, 4.083, ("case", "spy", "🇨🇳 🇷🇺", "china")),
        (3, 2.914, ("🇨🇳 🇷🇺",)),
        (4, 2.829, ("strength", "🇨🇳 🇷🇺")),
    ],
    [
        (4, 3.963, ("growing", "key", "🇨🇳 🇷🇺")),
        (5, 3.313, ("chinese", "🇨🇳 🇷🇺")),
        (2, 2.914, ("🇨🇳 🇷🇺",)),
    ],
    [
        (5, 4.234, ("growing dependency", "🇷🇺 🇨🇳", "beijing")),
        (3, 3.963, ("growing", "key", "🇷🇺 🇨🇳")),
        (2, 2.829, ("strength", "🇷🇺 🇨🇳")),
        (0, 2.374, ("address", "africa", "alliance", "alternative")),
    ],
    [
        (4, 4.234, ("growing dependency", "🇨🇳 🇷🇺", "beijing")),
        (2, 4.083, ("case", "spy", "🇨🇳 🇷🇺", "china")),
        (3, 3.313, ("chinese", "🇨🇳 🇷🇺")),
        (0, 2.555, ("recent conversation", "@DmitriTrenin", "additional", "increasingly")),
    ],
    [
        (0, 1.456, ("@MID_RF", "balance", "important", "🇷🇺")),
        (3, 1.205, ("relationship", "economic", "🇷🇺")),
        (5, 1.133, ("beijing", "china", "🇷🇺")),
        (4, 1.132, ("digital", "beijing", "🇷🇺")),
    ],
]
DEMO_RELATED: Listed = [
    [
        (17, 9.417, ("🇨🇳 🇳🇱 🇯🇵 🇹🇼 🇰🇷", "lithography tools", "@elena_vasquez", "@kaito_morimoto")),
        (1, 8.486, ("🇨🇳 🇯🇵 🇺🇸 🇹🇼 🇰🇷", "@elena_vasquez", "@kaito_morimoto", "yields")),
        (3, 7.302, ("export controls", "🇨🇳 🇹🇼 🇰🇷", "#semiconductors", "fabs")),
        (4, 6.864, ("🇨🇳 🇯🇵 🇺🇸 🇹🇼 🇰🇷", "#semiconductors")),
        (2, 6.001, ("🇯🇵 🇺🇸 🇹🇼", "lithography tools", "#semiconductors", "fabs")),
    ],
    [
        (4, 9.385, ("🇰🇷 🇺🇸 🇯🇵 🇹🇼 🇨🇳", "swing factor", "expected", "packaging")),
        (0, 8.486, ("🇰🇷 🇺🇸 🇯🇵 🇹🇼 🇨🇳", "@elena_vasquez", "@kaito_morimoto", "yields")),
        (17, 6.437, ("🇰🇷 🇯🇵 🇹🇼 🇨🇳", "@elena_vasquez", "@kaito_morimoto", "#semiconductors")),
    ],
    [
        (0, 6.001, ("🇹🇼 🇯🇵 🇺🇸", "lithography tools", "#semiconductors", "fabs")),
        (4, 5.249, ("🇹🇼 🇯🇵 🇺🇸", "clusters", "#semiconductors", "chip")),
    ],
    [
        (0, 7.302, ("export controls", "🇨🇳 🇹🇼 🇰🇷", "#semiconductors", "fabs")),
        (17, 6.744, ("#芯片", "🇨🇳 🇹🇼 🇰🇷", "seven posts", "bottom line")),
        (4, 5.934, ("🇨🇳 🇹🇼 🇰🇷", "assembly", "#semiconductors", "chip")),
    ],
    [],
    [],
    [
        (8, 6.738, ("🇲🇩 🇪🇺 🇺🇦", "cold snap", "#энергетика", "@mara_kovalenko")),
        (14, 5.231, ("🇲🇩 🇪🇺 🇺🇦", "#энергетика", "@mara_kovalenko", "kestrelmonitor.eu")),
        (7, 4.696, ("low river", "🇷🇴 🇺🇦")),
    ],
    [
        (14, 5.698, ("#BlackSea", "black sea", "🇺🇦 🇵🇱", "premiums")),
        (6, 4.696, ("low river", "🇷🇴 🇺🇦")),
        (10, 2.97, ("🇺🇦 🇵🇱",)),
        (8, 2.799, ("🇺🇦 🇵🇱",)),
    ],
    [
        (14, 9.02, ("🇺🇦 🇪🇺 🇵🇱 🇸🇰 🇲🇩", "#энергетика", "@mara_kovalenko", "kestrelmonitor.eu")),
        (6, 6.738, ("🇺🇦 🇪🇺 🇲🇩", "cold snap", "#энергетика", "@mara_kovalenko")),
        (10, 5.693, ("capacity auctions", "🇺🇦 🇵🇱", "#энергетика", "demand")),
    ],
    [
        (15, 2.32, ("@h_aydin_ports", "black sea", "caspian", "🇹🇷")),
    ],
    [
        (11, 8.698, ("🇱🇹 🇱🇻 🇪🇪", "@liis_tamm", "ahead", "baltic")),
        (14, 6.104, ("🇵🇱 🇺🇦", "#энергетика", "asset", "@mara_kovalenko")),
        (8, 5.693, ("capacity auctions", "🇵🇱 🇺🇦", "#энергетика", "demand")),
    ],
    [
        (10, 8.698, ("🇪🇪 🇱🇻 🇱🇹", "@liis_tamm", "ahead", "baltic")),
    ],
    [
        (17, 5.441, ("🇩🇪 🇯🇵 🇰🇷", "seven posts", "bottom line")),
        (14, 3.842, ("gas storage", "storage sits", "trade", "🇪🇺")),
    ],
    [
        (17, 3.629, ("🇩🇪 🇳🇱",)),
        (12, 3.521, ("🇩🇪 🇮🇹",)),
    ],
    [
        (8, 9.02, ("🇺🇦 🇪🇺 🇵🇱 🇸🇰 🇲🇩", "#энергетика", "@mara_kovalenko", "kestrelmonitor.eu")),
        (10, 6.104, ("🇺🇦 🇵🇱", "#энергетика", "asset", "@mara_kovalenko")),
        (7, 5.698, ("#BlackSea", "black sea", "🇺🇦 🇵🇱", "premiums")),
        (6, 5.231, ("🇺🇦 🇪🇺 🇲🇩", "#энергетика", "@mara_kovalenko", "kestrelmonitor.eu")),
        (12, 3.842, ("gas storage", "storage sits", "trade", "🇪🇺")),
    ],
    [
        (9, 2.32, ("@h_aydin_ports", "black sea", "caspian", "🇹🇷")),
    ],
    [],
    [
        (0, 9.417, ("🇨🇳 🇳🇱 🇯🇵 🇹🇼 🇰🇷", "lithography tools", "@elena_vasquez", "@kaito_morimoto")),
    ],
]


def _lists(paths: list[Path]) -> Listed:
    corpus = load_corpus(paths)
    index = build_index(corpus)
    found = [related_threads(index, thread) for thread in range(corpus.thread_count)]
    assert not any(item.same for items in found for item in items)  # none is saved twice
    return [[(item.thread, item.score, item.reasons) for item in items] for items in found]


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")
def test_the_seed_lists_are_pinned() -> None:
    """Each of the seed's seven threads lists the threads, scores and reasons it always has."""
    assert _lists([SEED]) == SEED_RELATED


def test_the_demo_lists_are_pinned() -> None:
    """Each of the demo corpus's threads lists the threads, scores and reasons it always has."""
    assert _lists(sorted(demo_dir().iterdir())) == DEMO_RELATED
