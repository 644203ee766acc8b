"""Benchmark: an X archive's load against `json.loads` of the same `tweets.js`, in one run.

    python -m tests.bench.archive                    # 200k tweets (about 200 MB), 3 runs
    python -m tests.bench.archive --tweets 50000 --runs 3

Generates a `tweets.js` (fixed seed: chains, branches, lone tweets, retweets, links, mentions,
hashtags, escapes, emoji, media) and reports, as medians of fresh processes: `json.loads` of the
file (the baseline), `read_archive` (tweets to threads), the whole load through the read loop
into a corpus, the reader's start to its first painted thread, and `threadline export` to JSON;
each with its wall time, peak memory and the ratios against the baseline and the file's size.
Targets: the whole load within 3x the baseline's time, its memory within 3x the file.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.bench import keep_out_of_home

from .run import installed_threadline, run_process

WORDS = (
    "harbour lantern copper meadow quarry signal orchard ferry granite willow cobalt tundra "
    "ledger beacon thistle marble canyon ember prairie saffron glacier walnut"
).split()
EXTRAS = ("&amp;", "&gt;", "🦉", "—", "ünd", "кошка")

BASELINE = """
import json, sys
data = open(sys.argv[1], 'rb').read()
json.loads(data[data.index(b'=') + 1:])
"""
READ_ARCHIVE = """
import sys
from parsing.formats.x_archive import read_archive
data = open(sys.argv[1], 'rb').read()
read_archive(lambda member: data if member == 'data/tweets.js' else None)
"""
LOAD = """
import sys
from parsing.corpus import Corpus
from parsing.read_loop import plan, read_into
corpus = Corpus()
read_into(corpus, plan([sys.argv[1]]))
corpus.post_text(corpus.thread_posts(0)[0])  # the first thread, as the reader paints it
"""
FIRST_PAINT = """
import asyncio, sys
from tui.app import ThreadlineApp
async def main():
    app = ThreadlineApp(paths=[sys.argv[1]])
    async with app.run_test(size=(120, 40)) as pilot:
        threads = app.query_one("#threads")
        while not (threads.rows and threads.render_line(0).text.strip()):
            await pilot.pause(0.01)
asyncio.run(main())
"""


def tweet(rng: random.Random, number: int, when: datetime, parent: str | None) -> dict[str, object]:
    tweet_id = str(1_500_000_000_000_000_000 + number * 4096)
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 40))]
    words[rng.randrange(len(words))] = rng.choice(EXTRAS)
    text = " ".join(words)
    entities: dict[str, list[dict[str, object]]] = {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [],
    }
    if rng.random() < 0.3:
        start = len(text) + 1
        text += " @crane_operator"
        entities["user_mentions"].append(
            {
                "name": "Crane",
                "screen_name": "crane_operator",
                "indices": [str(start), str(len(text))],
            }
        )
    if rng.random() < 0.2:
        start = len(text) + 1
        text += " #" + rng.choice(WORDS)
        entities["hashtags"].append(
            {"text": text[start + 1 :], "indices": [str(start), str(len(text))]}
        )
    if rng.random() < 0.4:
        start = len(text) + 1
        text += f" https://t.co/{number:010d}"
        entities["urls"].append(
            {
                "url": f"https://t.co/{number:010d}",
                "expanded_url": f"https://example.org/{rng.choice(WORDS)}/{number}",
                "display_url": f"example.org/{rng.choice(WORDS)}/…",
                "indices": [str(start), str(len(text))],
            }
        )
    if rng.random() < 0.1:
        text = "RT @ferry_log: " + text
    body: dict[str, object] = {
        "edit_info": {"initial": {"editTweetIds": [tweet_id], "editsRemaining": "5"}},
        "retweeted": False,
        "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
        "entities": entities,
        "display_text_range": ["0", str(len(text))],
        "favorite_count": str(rng.randint(0, 50)),
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": "0",
        "id": tweet_id,
        "created_at": when.strftime("%a %b %d %H:%M:%S +0000 %Y"),
        "favorited": False,
        "full_text": text,
        "lang": "en",
    }
    if parent is not None:
        body |= {
            "in_reply_to_status_id_str": parent,
            "in_reply_to_status_id": parent,
            "in_reply_to_user_id": "4242",
            "in_reply_to_user_id_str": "4242",
            "in_reply_to_screen_name": "quillfeather",
        }
    return {"tweet": body}


def write_archive(path: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    when = datetime(2015, 1, 1, tzinfo=UTC)
    recent: list[str] = []
    with path.open("w", encoding="utf-8") as out:
        out.write("window.YTD.tweets.part0 = [ ")
        for number in range(count):
            when += timedelta(seconds=rng.randint(30, 4000))
            parent = rng.choice(recent) if recent and rng.random() < 0.35 else None
            element = tweet(rng, number, when, parent)
            recent = [*recent[-4:], str(1_500_000_000_000_000_000 + number * 4096)]
            text = json.dumps(element, indent=2, ensure_ascii=False)
            out.write(("" if number == 0 else ", ") + text)
        out.write(" ]")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tweets", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data" / "tweets.js"
        path.parent.mkdir()
        write_archive(path, args.tweets)
        size = path.stat().st_size
        export = [*installed_threadline(), "export", "--format", "json", str(path)]
        commands = {
            "json.loads (baseline)": [sys.executable, "-c", BASELINE, str(path)],
            "read_archive": [sys.executable, "-c", READ_ARCHIVE, str(path)],
            "load into a corpus": [sys.executable, "-c", LOAD, str(path)],
            "reader: first thread": [sys.executable, "-c", FIRST_PAINT, str(path)],
            "threadline export": export,
        }
        results = {}
        for label, command in commands.items():
            runs = [run_process(command) for _ in range(args.runs)]
            results[label] = (
                statistics.median(t for t, _ in runs),
                statistics.median(m for _, m in runs),
            )
    base_s = results["json.loads (baseline)"][0]
    print(f"tweets.js: {args.tweets} tweets, {size / 1e6:.1f} MB; medians of {args.runs} runs")
    for label, (seconds, peak) in results.items():
        print(
            f"  {label:24} {seconds:7.2f} s  x{seconds / base_s:4.2f}   "
            f"peak {peak / 1e6:7.1f} MB  x{peak / size:4.2f} of the file"
        )


if __name__ == "__main__":
    keep_out_of_home()
    main()
