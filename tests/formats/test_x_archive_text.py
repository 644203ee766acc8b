"""A post's text as the reader saw it on X: unescaped, links as shown, media link dropped,
entities at their places in that text."""

from __future__ import annotations

from parsing.formats.x_archive import ArchivePost, read_archive
from parsing.given import GivenEntity

from .archive_maker import ArchiveMaker, opener


def only_post(full_text: str, **options: object) -> ArchivePost:
    """The post X shows for one tweet of `full_text` (the tweet read with --all-tweets)."""
    maker = ArchiveMaker()
    maker.tweet(full_text, **options)  # type: ignore[arg-type]
    [thread] = read_archive(opener(maker.files()), all_tweets=True)
    [post] = thread.posts
    return post


def test_html_escapes_are_undone() -> None:
    """`&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;` read as the characters they stand for."""
    post = only_post("Salt &amp; pepper &lt;b&gt; &quot;quoted&quot; it&#39;s done")
    assert post.text == 'Salt & pepper <b> "quoted" it\'s done'


def test_entity_indices_count_the_escaped_text() -> None:
    """An entity after an escape is cut where the archive's indices say (counted in the escaped
    text), and lands on the right characters of the unescaped text."""
    post = only_post("Bread &amp; butter &gt;&gt; with @millerhand and #crumbs")
    assert post.text == "Bread & butter >> with @millerhand and #crumbs"
    assert [(e.kind, post.text[e.start : e.end], e.value) for e in post.entities] == [
        ("mention", "@millerhand", "millerhand"),
        ("hashtag", "#crumbs", "crumbs"),
    ]


def test_astral_characters_count_one_code_point() -> None:
    """Emoji before an entity count one each (the archives count code points, not UTF-16)."""
    post = only_post("🦉🦉 owls at dusk with $OWLS and @nightwatch")
    mention = post.entities[-1]
    assert post.text[mention.start : mention.end] == "@nightwatch"
    cashtag = post.entities[0]
    assert (cashtag.kind, post.text[cashtag.start : cashtag.end]) == ("cashtag", "$OWLS")


def test_links_show_their_display_url_with_the_expanded_value() -> None:
    """A t.co link reads as its display_url; the entity's value is the expanded_url."""
    post = only_post(
        "Read https://t.co/Abc123 today",
        links=(
            ("https://t.co/Abc123", "https://example.org/notes/owls", "example.org/notes/owls"),
        ),
    )
    assert post.text == "Read example.org/notes/owls today"
    assert post.entities == (GivenEntity("link", 5, 27, "https://example.org/notes/owls", False),)


def test_a_display_url_ending_in_an_ellipsis_is_truncated() -> None:
    """A display_url X shortened (ending in `…`) is marked truncated; the value is whole."""
    post = only_post(
        "See https://t.co/Long99",
        links=(
            ("https://t.co/Long99", "https://example.org/a/very/long/path", "example.org/a/very/…"),
        ),
    )
    [link] = post.entities
    assert post.text == "See example.org/a/very/…"
    assert (link.truncated, link.value) == (True, "https://example.org/a/very/long/path")


def test_the_media_link_is_dropped_and_the_kind_kept() -> None:
    """The trailing t.co link of attached media is not text: it goes, the post says photo."""
    post = only_post("Look at this nest", media=("photo", "photo"))
    assert (post.text, post.media) == ("Look at this nest", ("photo",))


def test_video_and_gif_kinds_are_kept_in_order() -> None:
    post = only_post("Two clips", media=("video", "animated_gif"))
    assert post.media == ("video", "animated_gif")


def test_a_post_without_media_has_none() -> None:
    assert only_post("Plain words").media == ()


def test_line_ends_are_kept_and_carriage_returns_normalised() -> None:
    """A post's own line breaks stay; `\\r\\n` reads as `\\n`, entity offsets still right."""
    post = only_post("first line\r\nsecond with #tag")
    assert post.text == "first line\nsecond with #tag"
    [tag] = post.entities
    assert post.text[tag.start : tag.end] == "#tag"


def test_entities_with_indices_out_of_range_are_ignored() -> None:
    """Indices past the end of the text (a damaged archive) drop the entity, not the post."""
    maker = ArchiveMaker()
    maker.tweet("short @ab")
    maker.tweets[0]["entities"]["user_mentions"][0]["indices"] = ["6", "99"]
    [thread] = read_archive(opener(maker.files()), all_tweets=True)
    assert (thread.posts[0].text, thread.posts[0].entities) == ("short @ab", ())


def test_post_date_is_iso_from_created_at() -> None:
    assert only_post("dated").date == "2024-05-06"
