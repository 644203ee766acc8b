"""What twtext, twunroll and threader.app print around an unrolled thread, stated once for the
rules that read it (chrome lines, the unrollers' standard tweets, their list of other threads,
a tip wrapped over several lines, the lines kept above a footer)."""

from __future__ import annotations

FOLLOW = r"You can follow @\w{1,15}"
"""The footer's first line, naming the thread's author (`You can follow @x.`)."""
TIP = r"Tip: mention @(?:twtextapp|threader_app)"
"""The start of the tip under the footer; each unroller's tip names its own bot."""
