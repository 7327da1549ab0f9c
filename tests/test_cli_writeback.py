"""The write-back commands as subprocesses: the JSON shapes (DESIGN.md), one-line errors, and
exactly-once under kill -9: `writeback` is killed at random moments many times, with the
demo org losing write answers or failing like `flaky`, then run to the end; the Tasks in the
demo org are counted through its REST API: none lost, none twice."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from conftest import served_demo_org
from linkedin_export import Member, conversations, row, write
from test_cli_connect import run_cli
from test_cli_sync import connected, json_of  # noqa: F401 - connected is a fixture
from writeback_support import SEAT, SEAT_EMAIL, refs_count, started, tasks_since

from navsync_desktop import paths
from navsync_desktop.demo_org.faults import FaultKind, FaultPlan
from navsync_desktop.engine.connection import ConnectionManager
from navsync_desktop.store import Store

CLI = [sys.executable, "-m", "navsync_desktop"]
WRITEBACK_KEYS = {"sent", "failed", "unresolved", "skipped", "api_requests", "items"}


@pytest.fixture
def ready(connected):  # noqa: F811 - the fixture of test_cli_sync
    """Connected through the CLI, synced, Lena a seat holder, write-back on."""
    for command in (
        ("sync",),
        ("seats", "add", "--email", SEAT_EMAIL, "--name", SEAT.name, "--profile-url", SEAT.url),
        ("settings", "set", "writeback.enabled", "yes"),
    ):
        result = run_cli(*command)
        assert result.returncode == 0, result.stderr
    return connected


def people(count: int) -> list[Member]:
    with Store.open_readonly(paths.store_path()) as store:
        rows = store.connection.execute(
            "SELECT first_name || ' ' || last_name, linkedin_profile_url FROM crm_contact "
            "WHERE linkedin_profile_url IS NOT NULL ORDER BY id LIMIT ?",
            (count,),
        ).fetchall()
    return [Member(name, url) for name, url in rows]


@contextmanager
def org_session():
    with (
        Store.open(paths.store_path()) as store,
        ConnectionManager(store, demo_org=served_demo_org()) as manager,
        manager.open_session() as session,
    ):
        yield session


def test_import_copy_writeback_activities_and_unresolved_print_the_documented_json(ready, tmp_path):
    stranger = Member("Zoë Unbekannt", "https://www.linkedin.com/in/zoe-unbekannt")
    rows = conversations(SEAT, people(5), count=20)
    rows.append(row("2-z", stranger, [SEAT], datetime(2024, 1, 2, 3, 4, tzinfo=UTC), "Hi"))
    path = write(tmp_path / "messages.csv", rows, bom=True)
    assert run_cli("seats", "set-copy", SEAT_EMAIL, "ask").returncode == 0

    imported = json_of("import-linkedin", str(path), "--seat", SEAT_EMAIL)
    assert imported["added"] >= 21 and imported["queued"] == 0
    listed = json_of("activities", "--seat", SEAT_EMAIL, "--state", "new")["activities"]
    assert len(listed) == imported["added"]
    assert set(listed[0]) >= {"id", "kind", "state", "record_id", "person", "date"}

    copied = json_of("copy", "--all", "--seat", SEAT_EMAIL)
    assert copied["queued"] == imported["added"] - 1 and copied["unresolved"] == 1

    document = json_of("writeback")
    assert set(document) >= WRITEBACK_KEYS
    assert document["sent"] == copied["queued"] and document["failed"] == 0
    assert document["unresolved"] == 1 and document["api_requests"] > 0
    item = document["items"][0]
    assert set(item) >= {"id", "state", "record_id", "message"} and item["state"] == "sent"
    sent = json_of("activities", "--state", "sent")["activities"]
    assert all(a["view_url"].endswith(f"/lightning/r/Task/{a['record_id']}/view") for a in sent)

    unresolved = json_of("unresolved")["unresolved"]
    assert [u["reason"] for u in unresolved] == ["no_match"]
    exported = run_cli("unresolved", "--csv", str(tmp_path / "u.csv"))
    assert exported.returncode == 0 and "Zoë Unbekannt" in (tmp_path / "u.csv").read_text(
        encoding="utf-8-sig"
    )
    contact_id = json_of("activities", "--state", "sent")["activities"][0]["match"]["id"]
    mapped = run_cli("map", stranger.url, contact_id)
    assert mapped.returncode == 0 and "1 activities queued" in mapped.stdout
    assert json_of("writeback")["sent"] == 1


def test_bad_input_is_refused_in_one_line(ready, tmp_path):
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("CONVERSATION ID,FROM\n1,M\xfcller\n".encode("latin-1"))
    for args, expected in (
        (("import-linkedin", str(latin1), "--seat", SEAT_EMAIL), "not UTF-8"),
        (("import-linkedin", str(tmp_path / "none.csv"), "--seat", SEAT_EMAIL), "cannot be read"),
        (("import-linkedin", str(latin1), "--seat", "nobody@x.example"), "No seat holder"),
        (("copy",), "give activity ids or --all"),
        (("copy", "999"), "No activity has the id 999"),
        (("map", "https://example.com/x", "003000000000001AAA"), "not a LinkedIn profile URL"),
        (("map", "https://www.linkedin.com/in/x", "00300000000zzzzAAA"), "sync the CRM data"),
        (("seats", "set-copy", "nobody@x.example", "ask"), "No seat holder"),
        (("settings", "set", "writeback.kinds", "inmail,fax"), "writeback.kinds must be"),
    ):
        result = run_cli(*args)
        assert result.returncode != 0, args
        assert expected in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_test_writeback_and_cleanup_on_the_command_line(ready):
    created = json_of("test-writeback")
    assert created["records"][0]["what"] == "Contact" and "reports" in created
    assert len(created["records"]) == 5  # the contact, InMail, message, note, call
    assert json_of("test-writeback", "--cleanup") == {"deleted": 6}


# exactly once under kill -9


KILL_VARIANTS = {
    # every write may lose its answer after committing; slow answers widen the windows
    "lost-write-answer": FaultPlan(
        rate=0.35, seed=11, kinds=(FaultKind.LOST_WRITE_ANSWER, FaultKind.SLOW), slow_s=0.3
    ),
    "flaky": FaultPlan(rate=0.2, seed=5, slow_s=0.3),
}


@pytest.mark.parametrize("variant", sorted(KILL_VARIANTS))
def test_writeback_killed_at_random_moments_writes_every_activity_exactly_once(
    ready, tmp_path, variant
):
    # enough work that ten kills land before it is all written, on a quick machine too
    path = write(tmp_path / "messages.csv", conversations(SEAT, people(40), count=300, seed=3))
    since = started()
    imported = json_of("import-linkedin", str(path), "--seat", SEAT_EMAIL)
    expected = imported["queued"]
    assert expected >= 300
    # small batches: many requests, so the kills land between and inside them
    assert run_cli("settings", "set", "writeback.batch_size", "4").returncode == 0
    ready.inject_faults(KILL_VARIANTS[variant])
    rng = random.Random(variant)

    kills = in_flight = 0
    for _ in range(30):
        process = subprocess.Popen(
            [*CLI, "writeback", "--json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.4, 1.4))
        if process.poll() is not None:  # it finished before the kill
            break
        process.kill()  # SIGKILL: no cleanup runs
        process.wait(timeout=30)
        kills += 1
        with Store.open_readonly(paths.store_path()) as store:
            states = dict(
                store.connection.execute("SELECT state, count(*) FROM activities GROUP BY state")
            )
        in_flight += states.get("sending", 0) > 0
        if states.get("queued", 0) + states.get("sending", 0) == 0:
            break

    ready.inject_faults(None)
    final = run_cli("writeback", "--json", timeout=180)
    assert final.returncode == 0, final.stderr

    with Store.open_readonly(paths.store_path()) as store:
        kept = dict(store.connection.execute("SELECT ref, state FROM activities"))
    with org_session() as session:
        tasks = tasks_since(session, since)
    refs = refs_count(tasks)
    written = {ref for ref, state in kept.items() if state == "sent"}
    assert len(written) == expected, "none lost"
    assert set(refs) == written and max(refs.values()) == 1, "none twice"
    assert len(tasks) == expected
    assert sum(ready.faults_injected.values()) > 0
    assert kills >= 10 and in_flight >= 3, (kills, in_flight)
