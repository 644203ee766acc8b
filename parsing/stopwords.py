"""Words too common to say that two threads are about the same thing (lower case, 4+ letters)."""

from __future__ import annotations

STOP_WORDS = frozenset(
    word.encode()
    for word in """
    about above across after again against almost along also although always among another
    anyone anything around away back because become becomes been before behind being below
    best better between both came cannot come comes could days does doing done down during each
    either else enough even ever every first from further gets give given goes going gone good
    great have having here hers herself himself into itself just keep know last least less like
    long look made make makes many maybe more most much must myself near need never next none
    nothing okay only other others ours ourselves over part perhaps quite rather really right
    said same says seem seems shall should show side since some something still such sure take
    than that their theirs them themselves then there these they thing things think this those
    though through thus time times today told took toward under until upon used very want ways
    well went were what whatever when where whether which while whom whose will with within
    without would year years your yours yourself yourselves thread threads tweet tweets read
    here http https what's it's that's there's
    """.split()
)
