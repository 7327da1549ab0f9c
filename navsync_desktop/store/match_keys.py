"""Keys that make CRM records and LinkedIn people comparable: the same person or company
written differently (case, accents, legal form, URL variants) gets the same key.

The sync stores them beside the raw values (indexed), and seats and matching compute them
with the same functions, so a lookup is an index seek. Pure Python, called by the sync's
reader threads (not as SQLite functions: a Python callback inside a statement on a connection
that another thread uses can deadlock on the GIL).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

_NOT_WORD = re.compile(r"[^\w]+")
_LEGAL_FORMS = frozenset(
    "gmbh ag kg se co ohg ug mbh ev inc incorporated ltd limited llc plc corp corporation "  # noqa: SIM905
    "company bv nv sa sas sarl srl spa aps ab as asa oy oyj sro sp zoo kft".split()
)
_PROFILE_PATH = re.compile(r"/(in|pub|company|school)/([^/?#]+)", re.IGNORECASE)
# How German umlauts are written without them (Müller, Mueller): matching tries both ways.
_TRANSLITERATIONS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)
_WRITTEN_OUT = re.compile(r"(?<=[a-z])(a|o|u)e")


@lru_cache(maxsize=65536)  # names repeat a lot: Müller, Schmidt, …
def _folded_words(text: str) -> tuple[str, ...]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return tuple(word for word in _NOT_WORD.sub(" ", plain).replace("_", " ").split() if word)


@lru_cache(maxsize=65536)
def name_key(*parts: str | None) -> str | None:
    """'Jürgen  Müller' and 'jurgen muller' -> 'jurgen muller'."""
    words = [word for part in parts if part for word in _folded_words(part)]
    return " ".join(words) or None


@lru_cache(maxsize=65536)
def company_key(name: str | None) -> str | None:
    """'Nordlicht Logistik GmbH & Co. KG' -> 'nordlicht logistik'."""
    if not name:
        return None
    words = [word for word in _folded_words(name) if word not in _LEGAL_FORMS]
    return " ".join(words) or name_key(name)


def name_variants(*parts: str | None) -> set[str]:
    """The name's key as written, with umlauts written out (Müller -> mueller) and with
    written-out umlauts folded back (Mueller -> muller), so either spelling finds the other's
    key as the sync stored it."""
    plain = name_key(*parts)
    if plain is None:
        return set()
    spelled = name_key(*(part.translate(_TRANSLITERATIONS) for part in parts if part))
    return {plain, spelled or plain, _WRITTEN_OUT.sub(r"\1", plain)}


def profile_slug(url: str | None) -> str | None:
    """The member part of a LinkedIn profile URL as written (percent-decoded, case kept):
    'https://www.linkedin.com/in/ACoAAB1x/' -> 'ACoAAB1x' (the package's member token has
    this form)."""
    match = _PROFILE_PATH.search(url or "")
    if match is None or match.group(1).lower() != "in":
        return None
    return unicodedata.normalize("NFC", unquote(match.group(2))).strip() or None


def profile_key(url: str | None) -> str | None:
    """A LinkedIn profile URL without scheme, www, language subdomain, query, fragment,
    trailing slash, percent-encoding or case:
    'https://de.linkedin.com/in/J%C3%BCrgen-Doe/?trk=x' -> 'linkedin.com/in/jürgen-doe'.
    The one normalisation of profile URLs: the sync, seats and the LinkedIn import use it.
    (Not cached: a sync meets each URL once, and a plain one takes a microsecond.)"""
    if not url or url.isspace():
        return None
    match = _PROFILE_PATH.search(url)
    if match is None:
        return url.strip().casefold()
    kind, slug = match.groups()
    if "%" in slug or not slug.isascii():  # most are plain ASCII: nothing to decode
        slug = unicodedata.normalize("NFC", unquote(slug))
    return f"linkedin.com/{kind.lower()}/{slug.strip().casefold()}"


def web_domain(url: str | None) -> str | None:
    """'https://www.Example.com/about' -> 'example.com'."""
    if not url or not url.strip():
        return None
    text = url.strip()
    host = urlsplit(text if "//" in text else f"//{text}").hostname
    if not host:
        return None
    return host.removeprefix("www.")
