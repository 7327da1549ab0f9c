"""Redaction of a support bundle: secrets always, personal data unless the admin includes it.

Secrets are removed twice: by the log's masking patterns (token shapes, Authorization and
Cookie headers, key=value pairs) and by the literal values the bundle knows (the refresh token
in the keyring), in their plain, JSON-escaped and URL-encoded forms.

Personal data is masked consistently: each value becomes a keyed hash of it with a random
salt made for this bundle and never stored (``person-3f9a0c1d``), so the same person keeps
the same mask in every file of the bundle, while nobody can compute the masks of a list of
guessed names. Org and record ids are kept: support needs them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

import ahocorasick

from navsync_desktop.logs import MASK, mask_secrets

# Keys of the collected documents whose values are personal data, by the kind of mask.
PERSON_KEYS = {
    "name",
    "first_name",
    "last_name",
    "person_name",
    "seat_name",
    "username",
    "user_name",
}
EMAIL_KEYS = {"email", "person_email", "seat_email"}
PHONE_KEYS = {"phone", "mobile_phone", "person_phone"}
PROFILE_KEYS = {"profile_url", "person_url", "linkedin_profile_url"}
TEXT_KEYS = {"subject", "content", "conversation_title", "body"}

MASKED_DOMAIN = "masked.invalid"
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?!masked\.invalid\b)[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# International numbers (+49 …, 0049 …): local numbers are too like dates and counts to guess
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)[1-9][0-9 ()/.-]{6,}[0-9]")
_PROFILE = re.compile(
    r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|sales/lead)/[^\s\"'<>,;)]+"
)
_SHORTEST_KNOWN = 3  # shorter values ("Al") would mask parts of ordinary words


def _forms(value: str) -> set[str]:
    """How a value may stand in a file: plain, JSON-escaped, URL-encoded."""
    escaped = json.dumps(value)[1:-1]
    ascii_escaped = json.dumps(value, ensure_ascii=True)[1:-1]
    return {value, escaped, ascii_escaped, quote(value, safe=""), quote_plus(value)} - {""}


class Redactor:
    def __init__(self, *, include_personal_data: bool, secrets_known: Iterable[str] = ()):
        self.include_personal_data = include_personal_data
        self._salt = secrets.token_bytes(32)  # per bundle, never written anywhere
        self._secrets = sorted(
            {form for value in secrets_known if value for form in _forms(value)},
            key=len,
            reverse=True,
        )
        self._known: dict[str, str] = {}  # personal value -> its mask
        self._automaton: ahocorasick.Automaton | None = None

    # masks

    def _digest(self, value: str) -> str:
        normal = " ".join(value.split()).casefold()
        return hmac.new(self._salt, normal.encode("utf-8"), hashlib.sha256).hexdigest()[:8]

    def person(self, value: str) -> str:
        return f"person-{self._digest(value)}"

    def email(self, value: str) -> str:
        return f"email-{self._digest(value)}@{MASKED_DOMAIN}"

    def phone(self, value: str) -> str:
        return f"phone-{self._digest(value)}"

    def profile(self, value: str) -> str:
        return f"profile-{self._digest(value.rstrip('/'))}"

    def text(self, value: str) -> str:
        return f"text-{self._digest(value)} ({len(value)} characters)"

    # what the bundle holds

    def learn(self, document: object) -> None:
        """Remember the personal values of a collected document, so that they are masked in
        free text too (a log line, a Salesforce message, a readiness finding)."""
        if self.include_personal_data:
            return
        for key, value in _keyed_strings(document):
            mask = self._mask_for_key(key, value)
            if mask is not None and len(value) >= _SHORTEST_KNOWN:
                self._known.update(dict.fromkeys(_forms(value), mask))
        self._automaton = None

    def document(self, document: object) -> object:
        """A JSON-able document with personal values masked (by key) and every string
        scrubbed of secrets (and, by default, of known personal values)."""
        if isinstance(document, dict):
            return {key: self._value(key, value) for key, value in document.items()}
        if isinstance(document, list):
            return [self.document(item) for item in document]
        if isinstance(document, str):
            return self.scrub(document)
        return document

    def _value(self, key: str, value: object) -> object:
        if isinstance(value, str):
            mask = self._mask_for_key(key, value)
            return mask if mask is not None else self.scrub(value)
        return self.document(value)

    def _mask_for_key(self, key: str, value: str) -> str | None:
        if self.include_personal_data or not value:
            return None
        key = key.lower()
        for keys, mask in (
            (PERSON_KEYS, self.person),
            (EMAIL_KEYS, self.email),
            (PHONE_KEYS, self.phone),
            (PROFILE_KEYS, self.profile),
            (TEXT_KEYS, self.text),
        ):
            if key in keys:
                return mask(value)
        return None

    def scrub(self, text: str) -> str:
        """Free text: secrets out; personal values (known ones, emails, international phone
        numbers, LinkedIn profile URLs) masked unless included."""
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        text = mask_secrets(text)
        if self.include_personal_data:
            return text
        if self._known:
            text = self._replace_known(text)
        text = _PROFILE.sub(lambda m: self.profile(m.group(0)), text)
        text = _EMAIL.sub(lambda m: self.email(m.group(0)), text)
        return _PHONE.sub(lambda m: self.phone(m.group(0)), text)

    def _replace_known(self, text: str) -> str:
        """Every known personal value in ``text`` by its mask, the longest first where two
        overlap."""
        if self._automaton is None:
            self._automaton = ahocorasick.Automaton()
            for value, mask in self._known.items():
                self._automaton.add_word(value, (len(value), mask))
            self._automaton.make_automaton()
        pieces, kept_up_to = [], 0
        for end, (length, mask) in self._automaton.iter_long(text):
            pieces += [text[kept_up_to : end - length + 1], mask]
            kept_up_to = end + 1
        return "".join(pieces) + text[kept_up_to:]


def _keyed_strings(document: object, key: str = "") -> Iterable[tuple[str, str]]:
    if isinstance(document, dict):
        for name, value in document.items():
            yield from _keyed_strings(value, name)
    elif isinstance(document, list):
        for item in document:
            yield from _keyed_strings(item, key)
    elif isinstance(document, str):
        yield key, document
