"""Bulk API 2.0 query jobs through simple-salesforce's bulk2 client and raw requests."""

from __future__ import annotations

import csv
import io
import sqlite3
import time

import pytest
from simple_salesforce.exceptions import SalesforceMalformedRequest

from navsync_desktop.demo_org.store import _csv_line_sql

from .conftest import API_VERSION


def _rows(pages) -> list[dict]:
    return [row for page in pages for row in csv.DictReader(io.StringIO(page))]


def test_bulk2_query_reads_every_contact_over_several_pages(sf):
    total = sf.query("SELECT COUNT() FROM Contact")["totalSize"]
    pages = list(
        sf.bulk2.Contact.query(
            "SELECT Id, LastName, Email, Account.Name FROM Contact", max_records=1500, wait=0
        )
    )
    assert len(pages) == -(-total // 1500)
    rows = _rows(pages)
    assert len(rows) == len({row["Id"] for row in rows}) == total
    assert set(rows[0]) == {"Id", "LastName", "Email", "Account.Name"}


def test_bulk2_query_all_includes_deleted_rows(sf):
    doomed = sf.Contact.create({"LastName": "Bulk Deleted", "Email": "bulk.deleted@example.com"})
    sf.Contact.delete(doomed["id"])
    soql = "SELECT Id, IsDeleted FROM Contact WHERE LastName = 'Bulk Deleted'"
    assert _rows(sf.bulk2.Contact.query(soql, wait=0)) == []
    rows = _rows(sf.bulk2.Contact.query_all(soql, wait=0))
    assert {"Id": doomed["id"], "IsDeleted": "true"} in rows


def _jobs_url(sf) -> str:
    return f"{sf.base_url}jobs/query"


def _wait_complete(sf, job_id: str, poll_s: float = 0.05) -> dict:
    for _ in range(round(10 / poll_s)):
        info = sf.session.get(f"{_jobs_url(sf)}/{job_id}", headers=sf.headers).json()
        if info["state"] == "JobComplete":
            return info
        assert info["state"] in ("UploadComplete", "InProgress")  # queued, or running
        time.sleep(poll_s)
    raise AssertionError("the job did not complete")


def _create_job(sf, soql: str) -> str:
    answer = sf.session.post(
        _jobs_url(sf), headers=sf.headers, json={"operation": "query", "query": soql}
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["id"]


def test_jobs_run_one_at_a_time_in_the_order_they_were_created(sf):
    """As Salesforce queues them: side by side they would only take turns (and the first
    one, which a client reads first, would finish late)."""
    large = "SELECT Id, LastName, Email, Title, Account.Name, Owner.Name FROM Contact"
    jobs = [_create_job(sf, large), _create_job(sf, "SELECT Id FROM User LIMIT 1")]
    _wait_complete(sf, jobs[-1], poll_s=0.002)
    info = sf.session.get(f"{_jobs_url(sf)}/{jobs[0]}", headers=sf.headers).json()
    assert info["state"] == "JobComplete", "the later, smaller job finished first"


def test_job_lifecycle_and_result_headers(sf):
    created = sf.session.post(
        _jobs_url(sf),
        headers=sf.headers,
        json={"operation": "query", "query": "SELECT Id, Name FROM Account"},
    )
    assert created.status_code == 200
    job = created.json()
    assert job["state"] == "UploadComplete"
    assert job["id"].startswith("750") and job["object"] == "Account"
    assert job["apiVersion"] == float(API_VERSION)
    info = _wait_complete(sf, job["id"])
    total = sf.query("SELECT COUNT() FROM Account")["totalSize"]
    assert info["numberRecordsProcessed"] == total

    results = f"{_jobs_url(sf)}/{job['id']}/results"
    first = sf.session.get(results, headers=sf.headers, params={"maxRecords": total - 1})
    assert first.headers["Content-Type"].startswith("text/csv")
    assert first.headers["Sforce-NumberOfRecords"] == str(total - 1)
    assert first.text.startswith('"Id","Name"\n')
    locator = first.headers["Sforce-Locator"]
    last = sf.session.get(
        results, headers=sf.headers, params={"maxRecords": total, "locator": locator}
    )
    assert last.headers["Sforce-NumberOfRecords"] == "1"
    assert last.headers["Sforce-Locator"] == "null"
    assert "api-usage=" in last.headers["Sforce-Limit-Info"]
    again = sf.session.get(results, headers=sf.headers, params={"maxRecords": total - 1})
    assert again.text == first.text  # results stay readable until the job is deleted

    deleted = sf.session.delete(f"{_jobs_url(sf)}/{job['id']}", headers=sf.headers)
    assert deleted.status_code == 204
    gone = sf.session.get(f"{_jobs_url(sf)}/{job['id']}", headers=sf.headers)
    assert gone.status_code == 404


def test_semicolon_delimiter_and_quoting(sf):
    sf.Account.create({"Name": 'Quote "Me"; Semicolon, Müller'})
    job = sf.session.post(
        _jobs_url(sf),
        headers=sf.headers,
        json={
            "operation": "query",
            "query": "SELECT Name FROM Account WHERE Name LIKE 'Quote%'",
            "columnDelimiter": "SEMICOLON",
            "lineEnding": "CRLF",
        },
    ).json()
    _wait_complete(sf, job["id"])
    body = sf.session.get(f"{_jobs_url(sf)}/{job['id']}/results", headers=sf.headers).text
    assert body == '"Name"\r\n"Quote ""Me""; Semicolon, Müller"\r\n'
    assert list(csv.reader(io.StringIO(body, newline=""), delimiter=";"))[1] == [
        'Quote "Me"; Semicolon, Müller'
    ]


def test_abort_and_bad_queries(sf):
    job = sf.session.post(
        _jobs_url(sf),
        headers=sf.headers,
        json={"operation": "query", "query": "SELECT Id FROM Lead"},
    ).json()
    _wait_complete(sf, job["id"])
    aborted = sf.session.patch(
        f"{_jobs_url(sf)}/{job['id']}", headers=sf.headers, json={"state": "Aborted"}
    )
    assert aborted.status_code == 400  # a finished job cannot be aborted any more
    with pytest.raises(SalesforceMalformedRequest) as bad:
        list(sf.bulk2.Contact.query("SELECT Nme FROM Contact", wait=0))
    assert bad.value.content[0]["errorCode"] == "INVALID_FIELD"
    listed = sf.session.get(_jobs_url(sf), headers=sf.headers).json()
    assert job["id"] in [entry["id"] for entry in listed["records"]]


def test_a_line_wider_than_one_format_call_is_still_one_csv_line():
    # SQLite's format() takes at most 127 arguments and no demo object has that many fields,
    # so the line's SQL is checked on its own, against Python's csv reader.
    values = ['"say ""hi"""', "''", "'100%'", *(f"'v{n}'" for n in range(247))]
    line = sqlite3.connect(":memory:").execute(
        f"SELECT {_csv_line_sql(values, '|', chr(13) + chr(10))}"
    )
    text = line.fetchone()[0]
    assert text.endswith('"v246"\r\n') and text.count("\r\n") == 1
    [row] = csv.reader(io.StringIO(text, newline=""), delimiter="|")
    assert row == ['say "hi"', "", "100%", *(f"v{n}" for n in range(247))]
