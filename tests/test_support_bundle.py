"""The support bundle: what it holds, and what it never holds. Secrets and personal values are
put into the store, the log, the keyring and the demo org; every byte of every file of the zip
is searched for each of them, plain, JSON-escaped and URL-encoded."""

from __future__ import annotations

import json
import logging
import re
import zipfile
from contextlib import contextmanager
from urllib.parse import quote, quote_plus

import pytest
from conftest import BrowserStandIn, connect_demo, served_demo_org
from sync_support import QUICK, QUICK_RETRY, demo_org_server
from test_cli_connect import run_cli

from navsync_desktop import credentials
from navsync_desktop.demo_org.scenarios import PERSONAL_ADMIN_USERNAME
from navsync_desktop.engine import seats
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.engine.support_bundle import BundleError, create_support_bundle
from navsync_desktop.engine.sync import Outcome, run_sync
from navsync_desktop.logs import log_file, setup_logging
from navsync_desktop.store import activities as stored_activities

SEAT_NAME = "Zofia Brzęczyszczykiewicz"
SEAT_EMAIL = "zofia.brz@northwind-demo.example"
SEAT_URL = "https://www.linkedin.com/in/zofia-brz-0815/"
PERSON_NAME = "Ignatius Wolfenstein"
PERSON_EMAIL = "ignatius@wolfenstein.example"
PERSON_URL = "https://www.linkedin.com/in/ignatius-wolfenstein-4711/"
PERSON_PHONE = "+49 170 5550123"
SUBJECT = "Merger of Quokka Holdings"
CONTENT = f"Call me on {PERSON_PHONE} about the Quokka merger, Ignatius"
ADMIN_NAME = "Dana Fischer"  # the personal admin the demo org logs in as
CONTACT_FIRST, CONTACT_LAST = "Quirinus", "Zeppelinfeld"
CONTACT_EMAIL = "quirinus.zeppelinfeld@example.org"

ACCESS_TOKEN = "00D5g000004XyZaEAK!AQ4AQFakeAccessTokenValue.ForTheBundleTest_123"
COOKIE_VALUE = "sid_cookie_value_8d7f6e5d4c3b2a19"
CLIENT_SECRET = "F00DFACE1234567890CLIENTSECRET"
REFRESH_IN_LOG = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJMDXQq3zkJjUFAKE"


@contextmanager
def connected_as_personal_admin(store):
    """The email-validation-rule org, connected as Dana Fischer (a person, not an
    integration user: her name shows in the readiness findings) and synced."""
    with (
        demo_org_server("email-validation-rule") as server,
        ConnectionManager(store, retry=QUICK_RETRY, demo_org=served_demo_org()) as manager,
    ):
        connect_demo(
            manager, BrowserStandIn(server.endpoint.ca_cert), username=PERSONAL_ADMIN_USERNAME
        )
        with manager.open_session() as session:  # a person in the org, as any client adds one
            session.call(
                lambda sf: sf.Contact.create(
                    {
                        "FirstName": CONTACT_FIRST,
                        "LastName": CONTACT_LAST,
                        "Email": CONTACT_EMAIL,
                        "Phone": PERSON_PHONE,
                    }
                )
            )
        assert run_sync(store, manager, options=QUICK).outcome is Outcome.SUCCEEDED
        yield server, manager


def put_personal_data_in_store(store) -> None:
    seat = seats.add_seat(store, email=SEAT_EMAIL, name=SEAT_NAME, profile_url=SEAT_URL)
    message = {
        "context": "Salesforce",
        "source": f"Salesforce refused it: duplicate value found: Email {PERSON_EMAIL}",
        "args": {},
    }
    now = stored_activities.now_text()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO activities (key, ref, seat_id, kind, source, direction, occurred_at, "
            "subject, content, person_key, person_url, person_name, person_email, state, "
            "error_code, message, attempts, created_at, updated_at) VALUES "
            "('k1', 'NS-1', ?, 'inmail', 'linkedin_export', 'sent', ?, ?, ?, ?, ?, ?, ?, "
            "'failed', 'DUPLICATE_VALUE', ?, 1, ?, ?)",
            (
                seat.id,
                now,
                SUBJECT,
                CONTENT,
                "linkedin.com/in/ignatius-wolfenstein-4711",
                PERSON_URL,
                PERSON_NAME,
                PERSON_EMAIL,
                json.dumps(message),
                now,
                now,
            ),
        )


def put_secrets_and_people_in_log() -> None:
    setup_logging()
    logging.getLogger("navsync_desktop.test").warning(
        "for %s <%s>: request with Authorization: Bearer %s and Cookie: sid=%s",
        SEAT_NAME,
        SEAT_EMAIL,
        ACCESS_TOKEN,
        COOKIE_VALUE,
    )
    # an older version's line, written without the masking formatter: masked again anyway
    with log_file().open("a", encoding="utf-8") as log:
        log.write(
            f"2026-11-27 08:00:00 INFO old POST /token body=grant_type=refresh_token&"
            f"refresh_token={quote(REFRESH_IN_LOG)}&client_secret={CLIENT_SECRET}\n"
            f"2026-11-27 08:00:01 INFO old headers {{'Authorization': 'OAuth {ACCESS_TOKEN}', "
            f"'Cookie': 'sid={COOKIE_VALUE}'}} about {PERSON_NAME} ({PERSON_PHONE}) "
            f"{quote_plus(PERSON_EMAIL)} {PERSON_URL}\n"
        )


def encodings(value: str) -> set[str]:
    return {
        value,
        json.dumps(value)[1:-1],
        json.dumps(value, ensure_ascii=False)[1:-1],
        quote(value, safe=""),
        quote_plus(value),
    }


def files_of(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def found_in(files: dict[str, str], values: list[str]) -> list[tuple[str, str]]:
    return [
        (value, name)
        for value in values
        for name, text in files.items()
        for form in encodings(value)
        if form.lower() in text.lower()
    ]


@pytest.fixture
def customer(store):
    """(manager, secrets, personal values) of a store and org full of both."""
    with connected_as_personal_admin(store) as (_server, manager):
        put_personal_data_in_store(store)
        put_secrets_and_people_in_log()
        refresh_token = credentials.load(manager.record().org_id).refresh_token
        secrets = [refresh_token, ACCESS_TOKEN, COOKIE_VALUE, CLIENT_SECRET, REFRESH_IN_LOG]
        personal = [
            SEAT_NAME,
            SEAT_EMAIL,
            SEAT_URL,
            PERSON_NAME,
            PERSON_EMAIL,
            PERSON_URL,
            PERSON_PHONE,
            SUBJECT,
            CONTENT,
            ADMIN_NAME,
            PERSONAL_ADMIN_USERNAME,
            f"{CONTACT_FIRST} {CONTACT_LAST}",
            CONTACT_EMAIL,
        ]
        yield manager, secrets, personal


def test_bundle_holds_no_secret_and_no_personal_value_in_any_encoding(customer, store, tmp_path):
    manager, secrets, personal = customer
    target = tmp_path / "bundle.zip"
    steps = []
    result = create_support_bundle(target, store, manager, progress=steps.append)
    files = files_of(target)

    assert found_in(files, secrets) == []
    assert found_in(files, personal) == []
    assert [step.done for step in steps] == [0, 1, 2, 3]
    assert result.personal_data_masked and result.org_source == "checked_now"


def test_bundle_holds_what_support_needs_with_consistent_masks(customer, store, tmp_path):
    manager, _secrets, _personal = customer
    target = tmp_path / "bundle.zip"
    create_support_bundle(target, store, manager)
    files = files_of(target)

    manifest = json.loads(files["manifest.json"])
    assert manifest["format_version"] == 1 and manifest["personal_data_masked"] is True
    listed = {item["file"] for item in manifest["contents"]}
    assert listed | {"manifest.json", "README.txt"} == set(files)
    assert "masked" in files["README.txt"]

    org = json.loads(files["org.json"])
    shape = org["shape"]
    record = manager.record()
    assert shape["org_id"] == record.org_id and shape["user"]["id"] == record.user_id
    assert shape["edition"] == "Enterprise Edition" and shape["package_installed"] is True
    assert shape["user"]["view_all_data"] and shape["user"]["modify_all_data"]
    assert shape["user"]["integration_user"] is False
    assert [rule["rule_name"] for rule in shape["contact_validation_rules"]] == [
        "Contact_Email_Required"
    ]
    assert shape["contact_validation_rules"][0]["error_field"] == "Email"
    assert shape["record_counts"]["Contact"] == 201  # 200 seeded, one added by the test
    assert shape["daily_api_max"] == 115_000
    statuses = {check["id"]: check["status"] for check in org["checks"]}
    assert statuses["integration_user"] == "warn" and statuses["validation_rules"] == "warn"

    writeback = json.loads(files["writeback.json"])
    assert writeback["counts"]["failed"] == 1
    (error,) = writeback["errors"]
    assert error["error_code"] == "DUPLICATE_VALUE" and "duplicate value found" in error["message"]
    # the same person has the same mask in every file: in the item, its message, and the log
    person_mask = error["person_name"]
    assert re.fullmatch(r"person-[0-9a-f]{8}", person_mask)
    assert person_mask in files["log.txt"]
    email_mask = error["person_email"]
    assert email_mask in error["message"] and email_mask.endswith("@masked.invalid")
    seat_mask = error["seat_name"]
    assert seat_mask in files["log.txt"] and seat_mask != person_mask
    finding = next(c for c in org["checks"] if c["id"] == "integration_user")["finding"]
    assert shape["user"]["name"] in finding

    connection = json.loads(files["connection.json"])
    assert connection["org_id"] == record.org_id and connection["state"] == "connected"
    environment = json.loads(files["environment.json"])
    assert environment["pyside6"] and "unencrypted file" in environment["keyring_backend"]
    assert json.loads(files["sync_history.json"])[0]["status"] == "succeeded"


def test_masks_differ_between_bundles(customer, store, tmp_path):
    """The salt is new for each bundle, so masks cannot be matched across bundles (or
    computed from a list of guessed names)."""
    manager, _secrets, _personal = customer
    masks = []
    for name in ("one.zip", "two.zip"):
        create_support_bundle(tmp_path / name, store, manager)
        masks.append(json.loads(files_of(tmp_path / name)["writeback.json"])["errors"][0])
    assert masks[0]["person_name"] != masks[1]["person_name"]


def test_personal_data_switch_keeps_secrets_out(customer, store, tmp_path):
    manager, secrets, _personal = customer
    target = tmp_path / "bundle.zip"
    result = create_support_bundle(target, store, manager, include_personal_data=True)
    files = files_of(target)

    assert found_in(files, secrets) == []
    error = json.loads(files["writeback.json"])["errors"][0]
    assert (error["person_name"], error["subject"]) == (PERSON_NAME, SUBJECT)
    assert json.loads(files["manifest.json"])["personal_data_masked"] is False
    assert not result.personal_data_masked


def test_not_connected_the_bundle_shows_the_last_known_checks(customer, store, tmp_path):
    manager, _secrets, _personal = customer
    create_support_bundle(tmp_path / "first.zip", store, manager)
    manager.disconnect()
    create_support_bundle(tmp_path / "second.zip", store, manager)
    org = json.loads(files_of(tmp_path / "second.zip")["org.json"])
    assert org["source"] == "last_known" and "not connected" in org["why_not_checked"]
    assert {check["id"] for check in org["checks"]} >= {"api", "edition", "validation_rules"}


def test_cli_writes_a_bundle_and_refuses_a_bad_target(tmp_path):
    result = run_cli("support-bundle", str(tmp_path / "bundle.zip"), "--json")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed["personal_data_masked"] is True and printed["org_checks"] == "unavailable"
    assert "manifest.json" in files_of(tmp_path / "bundle.zip")

    (tmp_path / "a-folder.zip").mkdir()
    for bad, why in (
        (tmp_path / "bundle.txt", "must be a .zip file"),
        (tmp_path / "missing" / "bundle.zip", "does not exist"),
        (tmp_path / "a-folder.zip", "could not be written to"),
    ):
        result = run_cli("support-bundle", str(bad))
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and why in result.stderr
        assert "Traceback" not in result.stderr


def test_a_bad_target_raises_a_translatable_error(store, tmp_path):
    with pytest.raises(BundleError) as raised:
        create_support_bundle(tmp_path / "b.tar", store, None)
    assert raised.value.text.context == "SupportBundle"


def test_the_last_known_checks_come_from_the_check_command_too(customer, store, tmp_path):
    manager, _secrets, _personal = customer
    result = run_cli("check", "--json")
    assert result.returncode in (0, 1), result.stderr
    checked = json.loads(result.stdout)["org"]
    manager.disconnect()
    create_support_bundle(tmp_path / "bundle.zip", store, manager)
    org = json.loads(files_of(tmp_path / "bundle.zip")["org.json"])
    assert org["source"] == "last_known"
    assert [(c["id"], c["status"]) for c in org["checks"]] == [
        (c["id"], c["status"]) for c in checked
    ]
    assert org["shape"] is None  # only a bundle reads the org's shape
