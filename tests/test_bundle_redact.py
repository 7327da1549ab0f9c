"""The bundle's redactor on its own: which mask a value gets, in structured fields and in free
text, and that secrets go in every form while personal data stays when it is included."""

from __future__ import annotations

import json
import re
from urllib.parse import quote, quote_plus

from navsync_desktop.engine.bundle_redact import Redactor

REFRESH = "5Aep861ThisIsTheRefreshToken_Value.123"


def test_the_same_value_gets_the_same_mask_and_the_longest_known_value_wins():
    redactor = Redactor(include_personal_data=False)
    redactor.learn({"people": [{"name": "Anna"}, {"name": "Anna Schmidt"}]})
    masked = redactor.document({"name": "Anna Schmidt", "note": "met Anna Schmidt and Anna"})
    full, short = redactor.person("Anna Schmidt"), redactor.person("Anna")
    assert masked == {"name": full, "note": f"met {full} and {short}"}
    assert full != short and re.fullmatch(r"person-[0-9a-f]{8}", full)
    assert redactor.person("anna  SCHMIDT") == full  # case and spacing do not matter


def test_known_values_are_masked_in_their_encoded_forms_too():
    redactor = Redactor(include_personal_data=False)
    redactor.learn({"person_name": "Jürgen Weiß", "person_email": "jw@example.org"})
    text = (
        f"q={quote('Jürgen Weiß')} p={quote_plus('Jürgen Weiß')} "
        f"j={json.dumps('Jürgen Weiß')} e={quote('jw@example.org', safe='')}"
    )
    scrubbed = redactor.scrub(text)
    assert "J%C3%BCrgen" not in scrubbed and "\\u00fc" not in scrubbed and "jw%40" not in scrubbed
    assert scrubbed.count(redactor.person("Jürgen Weiß")) == 3


def test_unknown_emails_phones_and_profiles_in_free_text_are_masked():
    redactor = Redactor(include_personal_data=False)
    text = (
        "duplicate value found: Email lea@firma.example, phone +49 30 1234567, "
        "https://www.linkedin.com/in/lea-x-42/ at 2026-11-27 08:00:01, 115,000 requests, "
        "org 00D5g000004XyZaEAK"
    )
    scrubbed = redactor.scrub(text)
    assert redactor.email("lea@firma.example") in scrubbed
    assert redactor.phone("+49 30 1234567") in scrubbed
    assert "lea-x-42" not in scrubbed
    assert "2026-11-27 08:00:01, 115,000 requests" in scrubbed  # dates and counts stay
    assert "00D5g000004XyZaEAK" in scrubbed  # ids stay


def test_subjects_and_bodies_become_a_length():
    redactor = Redactor(include_personal_data=False)
    masked = redactor.document({"subject": "Our merger", "content": "secret words"})
    assert masked["subject"] == redactor.text("Our merger")
    assert masked["content"].endswith("(12 characters)")


def test_included_personal_data_stays_but_secrets_never_do():
    redactor = Redactor(include_personal_data=True, secrets_known=[REFRESH])
    document = {
        "name": "Anna Schmidt",
        "log": f"Authorization: Bearer 00D5g000004XyZa!AQ0abcdefghijklmnopqrstuvwx body "
        f"{json.dumps({'token': REFRESH})} url ?t={quote(REFRESH)}",
    }
    masked = redactor.document(document)
    assert masked["name"] == "Anna Schmidt"
    assert REFRESH not in masked["log"] and quote(REFRESH) not in masked["log"]
    assert "AQ0abcdefghijklmnopqrstuvwx" not in masked["log"]
