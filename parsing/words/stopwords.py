"""Words too common to say that two threads are about the same thing, per language (lower case,
three letters or more: shorter words are never terms)."""

from __future__ import annotations

_ENGLISH = """
about above across after again against all almost along also although always among and another
any anyone anything are around away back because become becomes been before behind being below
best better between both but came can cannot come comes could day days did does doing done down
during each either else enough even ever every few first for from further get gets give given
goes going gone good got great had has have having her here hers herself him himself his how
into its itself just keep know last least less let like long look lot made make makes many may
maybe more most much must myself near need never new next none nor not nothing now off okay old
one only other others our ours ourselves out over own part per perhaps put quite rather really
right said same say says see seem seems she shall should show side since some something still
such sure take than that the their theirs them themselves then there these they thing things
think this those though three through thus time times today told too took toward two under
until upon use used very via want was way ways well went were what whatever when where whether
which while who whom whose why will with within without would yes yet you your yours yourself
yourselves year years thread threads tweet tweets read http https www com amp often usually
month months week weeks yesterday tomorrow already soon later lot lots kind
what's it's that's there's don't doesn't didn't isn't aren't wasn't can't won't i'm i've we're
they're you're he's she's let's
"""
_SPANISH = """
algo algunos ante antes aquí así aunque cada como con contra cual cuando del desde donde dos
durante ella ellas ellos entre era eran esa esas ese eso esos esta está están estas este esto
estos fue fueron hace hacia han hasta hay las les los más mientras muy nada nos nuestra nuestro
otra otras otro otros para pero poco por porque puede que quien se ser sido sin sobre son
también tan tanto tiene tienen todo todos una uno unos usted ya año años
"""
_GERMAN = """
aber alle allem allen aller alles als also auch auf aus bei beim bin bis bist damit dann das
dass dem den denen der des dich die dies diese diesem diesen dieser dieses doch dort durch ein
eine einem einen einer eines für gegen hat hatte hier ihm ihn ihr ihre im immer ist jetzt kann
kein keine mehr mich mit nach nicht noch nun nur oder ohne schon sehr sein seine sich sie sind
soll über uns und unter vom von vor war waren was weil wenn wer wie wir wird wurde zum zur
zwischen jahr jahre
"""
_FRENCH = """
ainsi alors après aussi autre autres avec avant avoir bien car ce ceci cela ces cet cette chez
comme comment dans des donc dont elle elles est été être fait faire leur leurs lui mais même
mes moins nos notre nous par pas peu peut plus pour pourquoi quand que quel quelle qui sans ses
son sont sous sur tous tout toute toutes très une vers vos votre vous année années déjà
"""
_RUSSIAN = """
без более больше был была были было быть вам вас весь во вот все всё всех всего вы где да даже
для его ее её ей если есть еще ещё же за здесь из или им их как когда кто ли либо мне может мы
на над надо наш нас не него нее неё нет ни них но ну об однако он она они оно от очень по под
после при против про раз с со так также такой там те тем то того тоже только том тот тут ты уже чем
через что чтобы эта эти это этого этой этом этот году года лет
"""

STOP_WORDS = frozenset(
    word for words in (_ENGLISH, _SPANISH, _GERMAN, _FRENCH, _RUSSIAN) for word in words.split()
)
