"""What counts as an emoji character in UTF-8 bytes, for the rules that read raw buffers."""

from __future__ import annotations

# Pictographs (U+1F000–U+1FAFF), misc symbols and dingbats (U+2600–U+27BF), arrows and stars
# (U+2B00–U+2BFF), ‼ ⁉ 〰 〽, with their joiners, variation selectors, keycaps and tags.
EMOJI_CHAR = (
    rb"(?:\xf0\x9f[\x80-\xab][\x80-\xbf]|\xe2[\x98-\x9e][\x80-\xbf]|\xe2[\xac-\xaf][\x80-\xbf]"
    rb"|\xe2\x80[\xbc\x8d]|\xe2\x81\x89|\xe3\x80[\xb0\xbd]|\xef\xb8\x8f|\xe2\x83\xa3"
    rb"|\xf3\xa0[\x80-\x81][\x80-\xbf])"
)
