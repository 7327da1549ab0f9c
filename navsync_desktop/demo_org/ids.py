"""Salesforce record ids: 3-char key prefix + 12 chars, plus the 3-char case-safe suffix."""

from __future__ import annotations

import re
import string
from functools import cache, lru_cache

BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_SUFFIX_CHARS = string.ascii_uppercase + "012345"
_UPPER_TO_BITS = str.maketrans(
    {c: "1" for c in string.ascii_uppercase} | {c: "0" for c in BASE62 if not c.isupper()}
)
_POD = "Dm0"  # the instance/reserved characters every demo-org id shares
_ID_15 = re.compile(r"[0-9A-Za-z]{15}")
_ID_18 = re.compile(r"[0-9A-Z]{15}[A-Z0-5]{3}")
# The 9-digit base62 counter is three 3-digit chunks looked up in a table, each with a 3-bit
# mask of its upper-case letters, so the checksum needs no per-character work (1M ids/seed).
_CHUNK = 62**3


@cache
def _chunk_table() -> tuple[list[str], list[int]]:
    chunks = [a + b + c for a in BASE62 for b in BASE62 for c in BASE62]
    masks = [sum(1 << i for i, char in enumerate(chunk) if char.isupper()) for chunk in chunks]
    return chunks, masks


def checksum(id15: str) -> str:
    """The suffix that makes an id case-insensitively unique (one char per 5-char block)."""
    return "".join(_block_char(id15[i : i + 5]) for i in (0, 5, 10))


@lru_cache(maxsize=4096)
def _block_char(block: str) -> str:
    return _SUFFIX_CHARS[int(block.translate(_UPPER_TO_BITS)[::-1], 2)]


def make_id(prefix: str, number: int) -> str:
    """The 18-char id of the `number`-th record with key prefix `prefix`."""
    chunks, masks = _chunk_table()
    high, rest = divmod(number, _CHUNK * _CHUNK)
    middle, low = divmod(rest, _CHUNK)
    # blocks: prefix+"Dm" | "0"+high+middle[0] | middle[1:]+low
    second = (masks[high] << 1) | ((masks[middle] & 1) << 4)
    third = (masks[middle] >> 1) | (masks[low] << 2)
    return (
        prefix
        + _POD
        + chunks[high]
        + chunks[middle]
        + chunks[low]
        + _block_char(prefix + _POD[:2])
        + _SUFFIX_CHARS[second]
        + _SUFFIX_CHARS[third]
    )


def normalize_id(value: str) -> str | None:
    """The 18-char form of a 15- or 18-char id, or None when `value` is not an id."""
    if _ID_18.fullmatch(value.upper()[:15] + value[15:].upper()) and len(value) == 18:
        return _restore_case(value[:15], value[15:].upper())
    if _ID_15.fullmatch(value):
        return value + checksum(value)
    return None


def _restore_case(id15: str, suffix: str) -> str:
    """18-char ids are case-insensitive: the suffix says which of the 15 chars are upper case."""
    chars = []
    for block, suffix_char in enumerate(suffix):
        bits = _SUFFIX_CHARS.index(suffix_char)
        for offset, char in enumerate(id15[block * 5 : block * 5 + 5]):
            chars.append(char.upper() if bits >> offset & 1 else char.lower())
    return "".join(chars) + suffix
