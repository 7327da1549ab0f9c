"""The `flaky` scenario: seeded faults on API requests, never on the OAuth pages, never a
half-applied write; the real simple-salesforce client sees what Salesforce would send."""

from __future__ import annotations

import subprocess
import sys

import pytest
import requests
from simple_salesforce import exceptions as sf_exceptions

from navsync_desktop.demo_org.faults import DEFAULT_KINDS, FaultKind, FaultPlan

from .conftest import client, oauth_tokens
from .test_cli import DEMO_ORG_MAIN, _free_port


@pytest.fixture
def org(start_org):
    return start_org(records=50)


@pytest.fixture
def sf(org):
    return client(org.endpoint, oauth_tokens(org.endpoint)["access_token"])


def outcome(call) -> str:
    try:
        call()
    except sf_exceptions.SalesforceError as error:
        return f"{error.status} {error.content[0]['errorCode']}"
    except requests.RequestException as error:
        return type(error).__name__
    return "ok"


def test_the_flaky_scenario_injects_a_fifth_of_faults_by_default(start_org):
    org = start_org("flaky", records=50)
    assert org.fault_plan == FaultPlan(0.2, 0)
    assert start_org(records=50).fault_plan is None, "other scenarios have none"
    assert start_org(records=50, faults=0.5, fault_seed=3).fault_plan == FaultPlan(0.5, 3)


@pytest.mark.parametrize(
    ("kind", "seen"),
    [
        (FaultKind.SERVER_ERROR, "500 UNKNOWN_EXCEPTION"),
        (FaultKind.UNAVAILABLE, "503 SERVER_UNAVAILABLE"),
        (FaultKind.CONCURRENT_LIMIT, "403 REQUEST_LIMIT_EXCEEDED"),
        (FaultKind.EXPIRED_SESSION, "401 INVALID_SESSION_ID"),
        (FaultKind.RESET, "ChunkedEncodingError"),
    ],
)
def test_each_kind_answers_as_salesforce_would(org, sf, kind, seen):
    org.inject_faults(FaultPlan(1.0, kinds=(kind,)))
    assert outcome(lambda: sf.query("SELECT Id FROM Contact")) == seen
    assert org.faults_injected == {kind.value: 1}


def test_the_concurrent_limit_is_not_the_daily_one(org, sf):
    org.inject_faults(FaultPlan(1.0, kinds=(FaultKind.CONCURRENT_LIMIT,)))
    with pytest.raises(sf_exceptions.SalesforceRefusedRequest) as refused:
        sf.limits()
    assert "ConcurrentPerOrgLongTxn" in refused.value.content[0]["message"]
    assert "TotalRequests" not in refused.value.content[0]["message"]


def test_a_slow_answer_still_comes(org, sf):
    org.inject_faults(FaultPlan(1.0, kinds=(FaultKind.SLOW,), slow_s=0.2))
    assert sf.query("SELECT COUNT() FROM Contact")["totalSize"] == 50


def test_the_oauth_pages_and_the_versions_list_never_fail(org):
    org.inject_faults(FaultPlan(1.0))
    tokens = oauth_tokens(org.endpoint)  # authorize page, login form, token endpoint
    assert tokens["access_token"]
    http = requests.Session()
    http.trust_env = False
    answer = http.get(f"{org.endpoint.instance_url}/services/data/", verify=org.endpoint.ca_cert)
    assert answer.status_code == 200
    assert org.faults_injected == {}


def test_a_reset_never_half_applies_a_write(org, sf):
    org.inject_faults(FaultPlan(1.0, kinds=(FaultKind.RESET,)))
    assert outcome(lambda: sf.Contact.create({"LastName": "Never Written"})) in (
        "ConnectionError",
        "ChunkedEncodingError",
        "SSLError",  # the cut can come in the middle of a TLS record
    )
    org.inject_faults(None)
    assert sf.query("SELECT Id FROM Contact WHERE LastName = 'Never Written'")["totalSize"] == 0


def test_a_lost_answer_to_a_write_is_a_separate_kind_off_by_default(org, sf):
    assert FaultKind.LOST_WRITE_ANSWER not in DEFAULT_KINDS
    org.inject_faults(FaultPlan(1.0, kinds=(FaultKind.LOST_WRITE_ANSWER,)))
    assert outcome(lambda: sf.Contact.create({"LastName": "Written, Answer Lost"})) != "ok"
    org.inject_faults(None)
    query = "SELECT Id FROM Contact WHERE LastName = 'Written, Answer Lost'"
    assert sf.query(query)["totalSize"] == 1, "committed, though the client never heard"


def test_the_same_seed_gives_the_same_faults(org, sf):
    def sequence(seed: int) -> list[str]:
        org.inject_faults(FaultPlan(0.5, seed=seed, slow_s=0.01))
        return [outcome(sf.limits) for _ in range(30)]

    first, again, other = sequence(7), sequence(7), sequence(8)
    assert first == again != other
    assert 5 < sum(result != "ok" for result in first) < 25


def test_serve_announces_the_faults(tmp_path):
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            DEMO_ORG_MAIN,
            str(tmp_path / "org"),
            "serve",
            "--port",
            str(_free_port()),
            "--records",
            "50",
            "--scenario",
            "flaky",
            "--faults",
            "0.3",
            "--fault-seed",
            "5",
            "--fault-kinds",
            "slow,unavailable",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = [process.stdout.readline() for _ in range(5)]
    finally:
        process.terminate()
        process.communicate(timeout=30)
    assert "Demo org (flaky) serving at https://127.0.0.1:" in lines[0]
    assert "Faults: 30% of API requests (seed 5): slow, unavailable\n" in lines
