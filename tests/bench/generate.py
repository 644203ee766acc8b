"""Generate a realistic Thread Reader App corpus of any size, reproducibly.

    python -m tests.bench.generate --posts 100000 --seed 7 > /tmp/corpus-100k.txt
    python -m tests.bench.generate --posts 1000000 --shape many > /tmp/corpus-1m-many.txt

Threads of 3–15 posts in the formats real copies show: unnumbered first posts followed by `2/`,
`THREAD` heads, emoji lead lines, `2/Text` and `(3/7)` markers, multi-paragraph posts, missing
posts and threads that start at `2/`, end-of-thread chrome and header chrome. Posts carry
mentions, scheme-less `…`-truncated links, glued mention+link tokens, hashtags (some non-Latin),
cashtags next to dollar amounts, flags, flag runs and subdivision flags, fractions and dates that
are not markers. About 260 bytes a post, like the real pages.

`--shape many` writes the same kinds of thread with the vocabulary of a large collection, as an
independent generator might: thousands of handles (each in hundreds of threads at a million
posts), hundreds of link domains, a thousand hashtags and a few thousand words, each thread
keeping to a few handles and tags of its own, so that what threads share is spread thin.
`--shape long` writes those threads longer (6–21 posts), as the independent corpus has them.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator, Sequence

from tests.bench import keep_out_of_home

_WORDS = (
    "analysis pipeline sanctions tariff election coalition ministry grid interconnector refinery "
    "export import dependency leverage corridor summit talks ceasefire budget inflation currency "
    "reserves semiconductor lithography foundry subsidy quota shipping tanker insurance port "
    "frontier drone brigade logistics parliament referendum turnout polling court ruling treaty "
    "negotiation envoy delegation memorandum partnership region border customs data quarter "
    "growth decline market bond yield default restructuring audit procurement tender contract "
    "pipeline storage capacity demand supply outage winter summer harvest grain fertilizer"
).split()
_GLUE = "the a of to and in on for with that this is was by as at from but not".split()
_NAMES = ("mara", "ilse", "tomas", "lena", "oskar", "yuki", "amir", "nadia", "pavel", "ines")
_HANDLES = [f"{a}{b}" for a in _NAMES for b in ("_k", "_desk", "watch", "_obs", "88", "")]
_DOMAINS = (
    "northwindpolicy.org", "kestrelmonitor.eu", "harborledger.com", "baltic-wire.net",
    "eastdesk.info", "tradelens.io", "gridwatch.org", "chipbrief.jp", "steppe-review.kz",
)  # fmt: skip
_FLAGS = "🇺🇦 🇷🇺 🇨🇳 🇺🇸 🇪🇺 🇩🇪 🇵🇱 🇯🇵 🇰🇷 🇹🇼 🇮🇳 🇹🇷 🇬🇪 🇲🇩 🇫🇷 🇬🇧 🇮🇷 🇮🇱 🇦🇲 🇦🇿".split()
_TAGS = ("energy", "sanctions", "chips", "elections", "grain", "энергетика", "半導体", "반도체")
_CHROME = (
    "• • •\nMissing some Tweet in this thread? You can try to\nforce a refresh",
    "Missing some Tweet in this thread? You can try to force a refresh",
    "Nadia Verhoeven Profile picture\nMar 14 9 tweets 3 min read",
)


class Vocabulary:
    """What posts are made of: words, handles, link domains and hashtags."""

    def __init__(
        self,
        words: Sequence[str],
        handles: Sequence[str],
        domains: Sequence[str],
        tags: Sequence[str],
    ) -> None:
        self.words, self.handles, self.domains, self.tags = words, handles, domains, tags

    @classmethod
    def many(cls, posts: int, rng: random.Random) -> Vocabulary:
        """A large collection's vocabulary: about one handle per 300 posts (3,000 at a million)
        and a thread's worth of handles, tags and domains chosen per thread (`narrowed`)."""
        syllables = "ka ri to mo la ne vi su do pe ar ex ol im un ta go ze".split()

        def made(count: int, parts: int, joiner: str = "") -> list[str]:
            found: dict[str, None] = {}
            while len(found) < count:
                word = joiner.join(rng.choice(syllables) for _ in range(rng.randint(2, parts)))
                found[word + (str(rng.randint(1, 99)) if joiner == "_" else "")] = None
            return list(found)

        words = made(3_000, 4)
        handles = made(max(1_000, posts // 300), 3, "_")
        domains = [
            f"{name}.{rng.choice(('com', 'org', 'net', 'eu', 'io'))}" for name in made(400, 3)
        ]
        tags = made(1_000, 3)
        return cls(words, handles, domains, tags)

    def narrowed(self, rng: random.Random) -> Vocabulary:
        """A thread's own few: it keeps to some handles, tags and domains, as real ones do."""
        return Vocabulary(
            rng.sample(self.words, 120),
            rng.sample(self.handles, 4),
            rng.sample(self.domains, 3),
            rng.sample(self.tags, 3),
        )


def sentence(rng: random.Random, vocabulary: Vocabulary | None = None) -> str:
    pool = _WORDS if vocabulary is None else vocabulary.words
    words = [rng.choice(pool if rng.random() < 0.6 else _GLUE) for _ in range(rng.randint(6, 14))]
    return " ".join(words).capitalize() + rng.choice((".", ".", ".", "?", "!"))


def decoration(rng: random.Random, vocabulary: Vocabulary | None = None) -> str:
    """One entity (or a trap that is not one) to drop into a post."""
    handles = _HANDLES if vocabulary is None else vocabulary.handles
    domains = _DOMAINS if vocabulary is None else vocabulary.domains
    tags = _TAGS if vocabulary is None else vocabulary.tags
    words = _WORDS if vocabulary is None else vocabulary.words
    roll = rng.random()
    if roll < 0.22:
        return "@" + rng.choice(handles)
    if roll < 0.40:
        return f"{rng.choice(domains)}/{rng.choice(words)}/{rng.randint(100, 999)}…"
    if roll < 0.50:
        return "#" + rng.choice(tags)
    if roll < 0.56:
        symbol = rng.choice(("NVLT", "KSTR", "BRK.B", "GRDX"))
        return f"${symbol} fell to ${rng.randint(5, 90)}.{rng.randint(10, 99)}"
    if roll < 0.80:
        return rng.choice(_FLAGS)
    if roll < 0.86:
        return "".join(rng.sample(_FLAGS, rng.randint(2, 3)))
    if roll < 0.88:
        return "🏴󠁧󠁢󠁳󠁣󠁴󠁿"
    if roll < 0.92:
        return f"@{rng.choice(handles)}{rng.choice(domains)}/analysis/{rng.randint(10, 99)}…"
    if roll < 0.96:
        return f"about {rng.randint(1, 3)}/4 of them on {rng.randint(1, 12)}/{rng.randint(1, 28)}"
    return "https://" + rng.choice(domains) + "/" + rng.choice(words)


def post_text(rng: random.Random, vocabulary: Vocabulary | None = None) -> str:
    parts = [sentence(rng, vocabulary) for _ in range(rng.randint(2, 4))]
    for _ in range(rng.randint(1, 4)):
        parts.insert(rng.randint(0, len(parts)), decoration(rng, vocabulary))
    text = " ".join(parts)
    if rng.random() < 0.08:
        text += "\n\n" + sentence(rng, vocabulary)
    return text


def thread(
    rng: random.Random, vocabulary: Vocabulary | None = None, sizes: tuple[int, int] = (3, 15)
) -> Iterator[str]:
    size = rng.randint(*sizes)
    style = rng.random()
    if rng.random() < 0.05:
        yield rng.choice(_CHROME)
    if rng.random() < 0.06:
        first = 2  # a thread whose first post is gone
    else:
        first = 1
        head = post_text(rng, vocabulary)
        if style < 0.15:
            head = "THREAD: " + head
        elif style < 0.22:
            yield "⚡️⚡️⚡️"
        elif style < 0.30:
            head += " 🧵👇 1/"
        yield head
    gap = rng.randint(3, size) if rng.random() < 0.08 and size > 4 else -1
    for number in range(2, size + 1):
        if number == gap:
            continue
        marker = f"{number}/ "
        if style > 0.9:
            marker = f"{number}/"
        elif style > 0.85:
            marker = f"({number}/{size}) "
        yield marker + post_text(rng, vocabulary)
    if first == 2 and size < 3:
        yield "3/ " + post_text(rng, vocabulary)


SHAPES = ("few", "many")
"""The shapes benches compare by default."""
LONG = "long"
"""The many-handles vocabulary in longer threads, asked for by name (`--shape long`)."""


def generate(posts: int, seed: int, shape: str = "few") -> Iterator[str]:
    """`posts` posts of threads; `shape` "few": the small fixed vocabulary above, "many": that
    of a large collection (`Vocabulary.many`), "long": that vocabulary in threads of 6–21 posts
    (13.5 on average, as in the independent corpus of 1M posts in 73,907 threads)."""
    rng = random.Random(seed)
    whole = Vocabulary.many(posts, rng) if shape in ("many", LONG) else None
    sizes = (6, 21) if shape == LONG else (3, 15)
    written = 0
    while written < posts:
        for line in thread(rng, None if whole is None else whole.narrowed(rng), sizes):
            yield line
            if not line.startswith(("• •", "Missing", "Nadia", "⚡")):
                written += 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shape", choices=(*SHAPES, LONG), default="few")
    options = parser.parse_args(argv)
    out = sys.stdout
    for line in generate(options.posts, options.seed, options.shape):
        out.write(line + "\n")


if __name__ == "__main__":
    keep_out_of_home()
    main()
