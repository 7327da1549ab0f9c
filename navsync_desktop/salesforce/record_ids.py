"""Salesforce record Ids as numbers, for splitting a large object into Id ranges.

The first 15 characters of an Id are a base-62 number (digits, upper case, lower case, in that
order, which is also the order Salesforce compares Ids in); the last 3 make it case-safe. Ids
grow as records are created, so evenly spaced Ids between the smallest and the largest cut an
object into parts of similar size (what Salesforce calls PK chunking).
"""

from __future__ import annotations

import string

_BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_VALUE = {char: value for value, char in enumerate(_BASE62)}
_SUFFIX = string.ascii_uppercase + "012345"


def id_number(record_id: str) -> int:
    number = 0
    for char in record_id[:15]:
        number = number * 62 + _VALUE[char]
    return number


def id_of_number(number: int) -> str:
    """The 18-character Id whose first 15 characters are ``number`` in base 62."""
    chars = []
    for _ in range(15):
        number, digit = divmod(number, 62)
        chars.append(_BASE62[digit])
    id15 = "".join(reversed(chars))
    return id15 + case_suffix(id15)


def case_suffix(id15: str) -> str:
    """One character per 5-character block, saying which of its characters are upper case."""
    suffix = ""
    for start in (0, 5, 10):
        bits = sum(1 << i for i, char in enumerate(id15[start : start + 5]) if char.isupper())
        suffix += _SUFFIX[bits]
    return suffix


def split_id_range(first_id: str, last_id: str, parts: int) -> list[str]:
    """``parts - 1`` Ids evenly spaced between two Ids: the boundaries of ``parts`` ranges."""
    low, high = id_number(first_id), id_number(last_id)
    if parts < 2 or high - low < parts:
        return []
    return [id_of_number(low + (high - low) * k // parts) for k in range(1, parts)]
