"""Threads from an archive's self-replies: roots, order, branches, missing roots, edits."""

from __future__ import annotations

from datetime import timedelta

from parsing.formats.x_archive import ArchiveThread, read_archive

from .archive_maker import START, ArchiveMaker, opener


def threads(maker: ArchiveMaker, **options: bool) -> list[ArchiveThread]:
    return read_archive(opener(maker.files()), **options)


def texts(found: list[ArchiveThread]) -> list[list[str]]:
    return [[post.text for post in thread.posts] for thread in found]


def test_a_self_reply_chain_is_one_thread_in_reply_order() -> None:
    """A tweet with the account's replies beneath it is a thread, root first."""
    maker = ArchiveMaker()
    one = maker.tweet("kettle one")
    two = maker.tweet("kettle two", reply_to=one)
    maker.tweet("kettle three", reply_to=two)
    [thread] = threads(maker)
    assert texts([thread]) == [["kettle one", "kettle two", "kettle three"]]
    assert (thread.root_missing, thread.author, thread.handle, thread.date) == (
        False,
        "Quill Feather",
        "quillfeather",
        "2024-05-06",
    )


def test_the_array_order_does_not_matter() -> None:
    """Replies listed before their parents (archives are not in time order) still chain."""
    maker = ArchiveMaker()
    one = maker.tweet("lamp one")
    two = maker.tweet("lamp two", reply_to=one)
    maker.tweet("lamp three", reply_to=two)
    maker.tweets.reverse()
    assert texts(threads(maker)) == [["lamp one", "lamp two", "lamp three"]]


def test_a_branching_thread_keeps_every_post_depth_first_earlier_first() -> None:
    """Two replies to one post: the earlier branch is read to its end, then the later one."""
    maker = ArchiveMaker()
    root = maker.tweet("root")
    later = maker.tweet("b1 later branch", reply_to=root, at=START + timedelta(hours=2))
    early = maker.tweet("a1 early branch", reply_to=root, at=START + timedelta(hours=1))
    maker.tweet("b2 under later", reply_to=later, at=START + timedelta(hours=3))
    maker.tweet("a2 under early", reply_to=early, at=START + timedelta(hours=4))
    assert texts(threads(maker)) == [
        ["root", "a1 early branch", "a2 under early", "b1 later branch", "b2 under later"]
    ]


def test_lone_tweets_and_retweets_are_not_threads_by_default() -> None:
    maker = ArchiveMaker()
    maker.tweet("a lone thought")
    maker.tweet("RT @someone: borrowed words")
    maker.tweet("@other thanks", reply_to="11", reply_user="999")
    assert threads(maker) == []


def test_all_tweets_makes_each_lone_tweet_and_retweet_a_thread() -> None:
    """With all_tweets, every tweet outside a thread is a one-post thread of its own."""
    maker = ArchiveMaker()
    maker.tweet("a lone thought")
    root = maker.tweet("chain start")
    maker.tweet("chain end", reply_to=root)
    maker.tweet("RT @someone: borrowed words")
    assert texts(threads(maker, all_tweets=True)) == [
        ["a lone thought"],
        ["chain start", "chain end"],
        ["RT @someone: borrowed words"],
    ]


def test_threads_come_in_time_order_of_their_first_post() -> None:
    maker = ArchiveMaker()
    late = maker.tweet("late root", at=START + timedelta(days=2))
    maker.tweet("late reply", reply_to=late, at=START + timedelta(days=3))
    early = maker.tweet("early root", at=START)
    maker.tweet("early reply", reply_to=early, at=START + timedelta(days=1))
    assert [thread.posts[0].text for thread in threads(maker)] == ["early root", "late root"]


def test_a_chain_whose_root_is_gone_is_a_thread_that_says_so() -> None:
    """Replies to the account's own tweet that the archive lacks: a thread, root missing."""
    maker = ArchiveMaker()
    first = maker.tweet("second of a chain", reply_to="1234")
    maker.tweet("third of a chain", reply_to=first)
    [thread] = threads(maker)
    assert thread.root_missing
    assert texts([thread]) == [["second of a chain", "third of a chain"]]


def test_a_reply_chain_under_someone_elses_tweet_is_whole() -> None:
    """A reply to another account, with self-replies beneath it: a thread, nothing missing."""
    maker = ArchiveMaker()
    first = maker.tweet("@stranger I disagree", reply_to="77", reply_user="555")
    maker.tweet("and here is why", reply_to=first)
    [thread] = threads(maker)
    assert not thread.root_missing
    assert texts([thread]) == [["@stranger I disagree", "and here is why"]]


def test_without_an_account_the_owner_is_the_one_self_replies_answer() -> None:
    """No account.js and no manifest: the missing root is still recognised as the account's."""
    maker = ArchiveMaker()
    first = maker.tweet("orphan head", reply_to="1234")
    maker.tweet("orphan tail", reply_to=first)
    [thread] = read_archive(opener(maker.files(manifest=False, account=False)))
    assert thread.root_missing
    assert (thread.author, thread.handle) == (None, None)


def test_only_the_last_version_of_an_edited_tweet_is_kept() -> None:
    """Both versions are in the archive; the thread shows the edit, and a reply to the first
    version stays beneath it."""
    maker = ArchiveMaker()
    first, last = "1790000000000005000", "1790000000000009000"
    maker.tweet("draft wording", tweet_id=first, edits=(first, last))
    maker.tweet("final wording", tweet_id=last, edits=(first, last))
    maker.tweet("a reply to the draft", reply_to=first)
    assert texts(threads(maker)) == [["final wording", "a reply to the draft"]]


def test_replies_that_answer_each_other_in_a_circle_are_not_lost() -> None:
    """A damaged archive where two tweets reply to each other still shows both posts."""
    maker = ArchiveMaker()
    maker.tweet("loop a", tweet_id="501", reply_to="502")
    maker.tweet("loop b", tweet_id="502", reply_to="501")
    assert texts(threads(maker)) == [["loop a", "loop b"]]


def test_a_later_version_naming_only_its_first_replaces_it() -> None:
    """An edit that names only `initialTweetId` still hides the first version."""
    maker = ArchiveMaker()
    maker.tweet("old words", tweet_id="701", edits=("701",))
    maker.tweet("new words", tweet_id="702")
    maker.tweets[-1]["edit_info"] = {"edit": {"initialTweetId": "701"}}
    maker.tweet("under it", reply_to="701")
    assert texts(threads(maker)) == [["new words", "under it"]]


def test_the_owner_is_recognised_by_handle_when_the_archive_gives_no_user_id() -> None:
    """A missing root known only by `in_reply_to_screen_name`, in another case."""
    maker = ArchiveMaker(handle="QuillFeather")
    first = maker.tweet("head gone", reply_to="99")
    maker.tweet("tail", reply_to=first)
    for tweet in maker.tweets:
        tweet.pop("in_reply_to_user_id_str", None)
        tweet.pop("in_reply_to_user_id", None)
    maker.tweets[0]["in_reply_to_screen_name"] = "quillfeather"
    [thread] = threads(maker)
    assert thread.root_missing
