"""The words of page chrome: the line rules `chrome` resolves, compiled once.

Strong lines are chrome wherever they stand, weak ones only next to other chrome, passing ones
(`old_twitter`) wherever they stand but inside a thread; some lines are known by how they end,
and one-line page headers by their reading time. See `chrome` for how they are resolved.
"""

from __future__ import annotations

import re

from .chrome_blog import MONTH as _MONTH
from .chrome_blog import STRONG as _BLOG_STRONG
from .chrome_blog import WEAK as _BLOG_WEAK
from .chrome_platforms import PASSING as _PLATFORM_PASSING
from .chrome_platforms import STRONG as _PLATFORM_STRONG
from .chrome_platforms import WEAK as _PLATFORM_WEAK
from .old_twitter import PASSING as _OLD_TWITTER_PASSING
from .old_twitter import STRONG as _OLD_TWITTER_STRONG
from .old_twitter import WEAK as _OLD_TWITTER_WEAK
from .rule_text import factored as _factored
from .teaser_lines import DATE, LENGTH, LISTING
from .unroller_phrases import FOLLOW, TIP

# Each rule matches a whole line, give or take trailing spaces and a final full stop.
#
# Every line of a corpus is tried against these rules, so each one starts with a literal or a
# character class, never with an optional or repeated group: the engine rejects a rule that
# starts with a literal or class in a couple of instructions, but sets up a repeat for every
# line it tries one on. An optional prefix is written out as a rule of its own instead.
_STRONG = [
    r"\xe2\x80\xa2[ \t]*\xe2\x80\xa2[ \t]*\xe2\x80\xa2",  # • • •
    r"Missing some Tweets? in this thread\? You can try to"
    r"(?:[ \t]+\[?force a refresh\]?(?:\(#\))?)?",
    r"force a refresh",
    r"Enjoying this thread\?",
    r"Keep Current with(?:[ \t].*)?",
    r"Stay in touch and get notified when new unrolls are available from this author!",
    r'Add to "My Authors"',
    r"My Authors",
    r"Read all threads",
    r"\d[\d,.]*[KkM]? added to My Authors",  # under an author page's bio
    r"This Thread may be Removed Anytime!",
    r"Twitter may remove this content at anytime[,!].*",
    r"Save (?:this thread )?as PDF",
    r"Try unrolling a thread yourself!",
    r"[Hh]ow to unroll video",
    # The two steps of "Try unrolling a thread yourself!", as a list a clipping numbers or
    # bullets; a clipping may glue the link to the word after it ("@ThreadReaderAppto").
    r"Follow @ThreadReaderApp ?to mention us!",
    r"\d[.)][ \t]+Follow @ThreadReaderApp ?to mention us!",
    r"[-*+][ \t]+Follow @ThreadReaderApp ?to mention us!",
    r"From a Twitter thread mention us with a keyword \"unroll\"",
    r"\d[.)][ \t]+From a Twitter thread mention us with a keyword \"unroll\"",
    r"[-*+][ \t]+From a Twitter thread mention us with a keyword \"unroll\"",
    r"1\) Follow Thread Reader App on Twitter so you can easily mention us!",
    r"2\) Go to a Twitter thread \(series of Tweets by the same owner\) and mention us with a"
    r" keyword \"unroll\"(?:[ \t]+@threadreaderapp unroll)?",
    r"@threadreaderapp unroll",
    r"`@threadreaderapp unroll`",  # a clipping's code span
    r"[Pp]ractice here first or read more on our help page[ \t]?!",
    r"You can [Pp]ractice here first or read more on our help page[ \t]?!",
    r"Follow Us(?: on Twitter)?!",
    r"Did Thread Reader help you today\?",
    r"Support us! We are indie developers!",
    r"This site is made by just \w+ indie developers on a laptop doing marketing, support and"
    r" development! Read more about the story[ \t]?",
    r"Become a (?:[^ \t\n]{1,8} )?Premium [Mm]ember .*",
    r"Become Premium",
    r"Too expensive\? Make a small donation .*",
    r"Make a small donation by buying us coffee .*",
    r"Don't want to be a Premium member but still want to support us\?",
    r"Donate via Paypal.*",
    r"Or Donate anonymously using crypto!",
    r"Thank you for your support!",
    # The older footer's words for the same asks, from a solo developer.
    r"Support me: I(?:'|\xe2\x80\x99)m a solo developer!.*",
    r"Make a small donation instead\. Buy me a .*",
    r"Donate with (?:[^ \t\n]{1,8} )?Paypal or .*",
    r"Thread by @\w{1,20} on Thread Reader App.*",
    # twtext's and twunroll's page title, the thread's first words cut short: a saved page
    # keeps it above the thread.
    r"Thread by @\w{1,15}[,:] .{1,200}\[(?:\.\.\.|\xe2\x80\xa6)\]",
    r"Share this page!",
    r"Enter URL or ID to Unroll",
    r"Unroll Thread",
    r"You can paste full URL like: .*",
    r"or just the ID like: \d+",
    r"How to get URL link on X \(Twitter\) App",
    r"On the Twitter thread, click on .*",
    r"Click again on .*",
    r"Click on Copy Link to Tweet",
    r"Paste it above and click \"Unroll Thread\"!",
    r"More info at Twitter Help",
    r"Send Email!",
    r"Email the whole thread instead of just a link!",
    r"Separate emails with commas",
    r"Here's a great thread you should read right now!",
    r"Email Successfully Sent!",
    r"Help[ \t]\||About[ \t]\||TOS[ \t]\|",
    r"\d[\d,.]*[KkMm]? views",
    r"Send Thread As Email!",
    # Scrolly's footer under the thread it shows.
    r"Share this Scrolly Tale with your friends[.!]?",
    r"A Scrolly Tale is a new way to read (?:Twitter|X) threads with a more visually immersive"
    r" experience",
    r"Discover more beautiful Scrolly Tales like this",
    # Hashtag listings (their heading and tabs are in LISTING).
    r"Related hashtags",
    # threader.app's notice above a thread about the pandemic (its numbered advice under it:
    # `chrome_context.health_advice`).
    r"Note: This thread is related to #Coronavirus.*",
    r"Follow the World Health Organization(?:'|\xe2\x80\x99)s instructions to reduce your risk"
    r" of infection:",
    # twtext, twunroll and threader.app around their unrolled threads; each tip names its bot.
    FOLLOW,
    TIP + r" on a Twitter thread.*",
    r"Latest Threads Unrolled:?",
    # threader.app's footer's sign-up line, its link perhaps on the next line (its page title is
    # `PAGE_TITLE`).
    r"Enjoy Threader\?(?:[ \t]+Sign up)?",
    r"This (?:site|website) uses cookies.*",
    r"We use cookies to .*",
    r"By (?:continuing to use|using) (?:the|this|our) (?:site|website)\b.{0,200}cookies.*",
    # twunroll's notice in its words: a copy cut inside it leaves their start (`cut_off`), which
    # the rule above, its middle left open, cannot spell out.
    r"By continuing to use the site, you are consenting to the use of cookies as explained in"
    r" our Cookie Policy to improve your experience",
    # The 2019 header, when the name before the comma was not copied.
    r", \d{1,4} tweets?, \d{1,4} min read(?: Read on (?:Twitter|X))?",
    *LENGTH,
    *LISTING,
    *_BLOG_STRONG,
    *_PLATFORM_STRONG,
    *_OLD_TWITTER_STRONG,
]
# Rules that end a line rather than start it: found by their literal text, then checked whole.
SUFFIX_RULES = [
    # A header's picture after its name; or an author page's row of its subscribers' names and
    # pictures, with their count ("Ana Profile picture Bo Profile picture 2 subscribed", in the
    # older layout "… 2 added to My Authors").
    (
        b"Profile picture",
        re.compile(
            rb"[ \t]*(?:[^\n]{1,60}[ \t])?Profile picture"
            rb"(?:[ \t][^\n]{1,100}?[ \t]Profile picture)*"
            rb"(?:[ \t]+\d[\d,.]*[KkM]? (?:subscribed|added to My Authors))?"
            rb"[ \t.]*"
        ),
    ),
    (
        b"(@threadreaderapp) got hacked",
        re.compile(rb"[^\n]{0,40}Our X/Twitter account \(@threadreaderapp\) got hacked[^\n]*"),
    ),
]
SUFFIX_NEEDLES = tuple(needle for needle, _ in SUFFIX_RULES)
"""Text the lines found by how they end contain: a buffer without any has none of them."""
# Headers on one line that start with a name: the 2019 one ("Name, 9 tweets, 2 min read Read on
# Twitter") and threader.app's (name, "+ Your Authors", handle, bio, date, "1 min read"; a
# clipping drops the button and may keep its clock icon as `**`: "Name  @handle  bio  Mar 3,
# 2019  ** 3 min read"). Without the button, the date right before the reading time tells the
# header from a sentence that names someone and a reading time. A header opens a page, so they
# are only looked for where a page may start: the first line, and the line after strong chrome
# (or after the author's picture under it) or a "Profile picture" line. A needle searched
# through the whole buffer would cost a scan of every corpus. Both give the reading time.
ONE_LINE_HEADER = re.compile(
    rb"[^\n]{1,80}?, \d{1,4} tweets?, \d{1,4} min read(?: Read on (?:Twitter|X))?[ \t.]*"
    rb"|[^\n]{0,200}\+ Your Authors[^\n]* min read[^\n]*"
    rb"|[^\n@]{1,80}[ \t]@\w{1,15}[ \t](?:[^\n]{0,300}[ \t])?"
    + _MONTH.encode()
    + rb" \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?[ \t]+(?:\*\*[ \t]*)?\d{1,3} min read[ \t.]*"
)
# threader.app's page title, above its header. Only where a page may start (the first line, or
# under a block of strong chrome, as a one-line header): inside a thread, a line that says who
# wrote it is the author's text.
PAGE_TITLE = re.compile(rb"[ \t]*A thread written by @\w{1,15}[ \t.]*")
_WEAK = [
    r"Post|Share|Email|Message|[Cc]opy|Privacy|Subscribe|Bookmark|Scrolly|Gift Link",
    # threader.app's share row (a clipping glues its two buttons); a clipping's share list, its
    # items bulleted; an icon a clipping kept as bare emphasis marks.
    r"Share this thread(?:[ \t]*Bookmark)?",
    r"[-*+][ \t]+(?:Facebook|LinkedIn|Twitter|Reddit|WhatsApp|Telegram|Email|Pinterest|Tumblr"
    r"|\[image\])",
    r"\*\*",
    r"Ethereum|Bitcoin|\xc3\x97|Read on X|Read on Twitter|Thread Reader|Thread Reader App",
    r"Follow|Following|Account|Account Share|Accept|Accept all|Got it!?|Decline|Cookie [Pp]olicy",
    # The link a cookie notice puts between its message and its button ("Got it!"); the link
    # under threader.app's "Enjoy Threader?" when a copy puts it on a line of its own.
    r"Learn more|Sign up",
    # A picture's place: "Image" in a copied page, "[image]" from a clipping. A post may show a
    # picture between two paragraphs, so only next to other chrome is it chrome: read as chrome
    # there, it would cut the thread in two. A post with several pictures shows a mark for each.
    # A row of pictures (the faces of a post's likers on Substack) is a run of marks.
    r"Image(?:[ \t]*Image)*|\[image\](?:[ \t]*\[image\])*",
    # threader.app's header over several lines (`threader_header`): its button alone (or with
    # the rest of the header after it, the name on the line above), and the reading time that
    # closes it, perhaps after the day.
    r"\+ Your Authors",
    r"\+ Your Authors[ \t]+@\w{1,15}[^\n]{0,400}?[ \t]\d{1,3} min read(?:[ \t]*\+ Your Authors)?",
    r"\d{1,3} min read",
    r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?[ \t,*]*(?:\xc2\xb7|\xe2\x80\xa2)?"
    r"[ \t*]*\d{1,3} min read",
    # The older footer's question over its donation line: a post may ask it too.
    r"Too expensive\?",
    # Donation addresses under "Or Donate anonymously using crypto!".
    r"0x[0-9a-fA-F]{40}|bc1[0-9a-z]{25,59}|[13][1-9A-HJ-NP-Za-km-z]{25,34}",
    *DATE,
    *_BLOG_WEAK,
    *_PLATFORM_WEAK,
    *_OLD_TWITTER_WEAK,
]


_PASSING = [*_OLD_TWITTER_PASSING, *_PLATFORM_PASSING]
UNMISTAKABLE = [*_STRONG, *_PASSING]
"""The rules whose lines are chrome by their words alone, wherever they stand (strong) or
inside a thread (passing): the start of one ending a copy is what is left of it (`cut_off`)."""

STRONG = _factored(_STRONG)
WEAK = _factored(_WEAK)
PASSING = _factored(_PASSING)
_BODY = (
    rb"[ \t]*(?:(?P<strong>"
    + STRONG
    + rb")|(?P<passing>"
    + PASSING
    + rb")|(?P<weak>"
    + WEAK
    + rb"))[ \t.]*(?=\n|\Z)"
)
CHROME_LINE = re.compile(_BODY)
# "Keep Current with" alone on its line puts the author's name on the next one.
NAME_FOLLOWS = re.compile(rb"[ \t]*Keep Current with[ \t.]*")
