"""Fields Salesforce computes itself hold for seeded records and API-written ones alike."""

from __future__ import annotations

from simple_salesforce import format_soql


def closed_task_statuses(sf) -> set[str]:
    statuses = sf.query_all("SELECT MasterLabel, IsClosed FROM TaskStatus")["records"]
    return {status["MasterLabel"] for status in statuses if status["IsClosed"]}


def test_task_statuses_are_salesforce_s_defaults(sf):
    statuses = sf.query_all("SELECT MasterLabel, IsClosed, IsDefault FROM TaskStatus")["records"]
    assert [s["MasterLabel"] for s in statuses] == [
        "Not Started",
        "In Progress",
        "Completed",
        "Waiting on someone else",
        "Deferred",
    ]
    assert closed_task_statuses(sf) == {"Completed"}
    assert [s["MasterLabel"] for s in statuses if s["IsDefault"]] == ["Not Started"]


def test_seeded_tasks_are_closed_by_their_status(sf):
    closed = closed_task_statuses(sf)
    tasks = sf.query_all("SELECT Status, IsClosed FROM Task")["records"]
    assert any(task["Status"] == "Completed" for task in tasks)
    assert all(task["IsClosed"] == (task["Status"] in closed) for task in tasks)
    past = sf.query("SELECT COUNT() FROM Task WHERE IsClosed = true")["totalSize"]
    completed = sf.query("SELECT COUNT() FROM Task WHERE Status = 'Completed'")["totalSize"]
    assert past == completed > 0, "a report of past activities finds every completed task"


def test_seeded_opportunities_follow_their_stage(sf):
    stages = {
        stage["ApiName"]: stage
        for stage in sf.query_all(
            "SELECT ApiName, IsClosed, IsWon, ForecastCategoryName FROM OpportunityStage"
        )["records"]
    }
    opportunities = sf.query_all(
        "SELECT StageName, IsClosed, IsWon, ForecastCategoryName FROM Opportunity"
    )["records"]
    assert {opportunity["StageName"] for opportunity in opportunities} == set(stages)
    for opportunity in opportunities:
        stage = stages[opportunity["StageName"]]
        for field in ("IsClosed", "IsWon", "ForecastCategoryName"):
            assert opportunity[field] == stage[field]


def test_created_and_updated_records_derive_the_same_way(sf):
    task = sf.Task.create({"Subject": "Derived probe", "Status": "Completed"})["id"]
    assert sf.Task.get(task)["IsClosed"] is True
    sf.Task.update(task, {"Status": "Deferred"})
    assert sf.Task.get(task)["IsClosed"] is False
    assert sf.Task.get(sf.Task.create({"Subject": "Default status"})["id"])["IsClosed"] is False

    won = {"Name": "Derived probe", "StageName": "Closed Won", "CloseDate": "2026-12-01"}
    opportunity = sf.Opportunity.create(won | {"Amount": 1000})["id"]
    record = sf.Opportunity.get(opportunity)
    assert (record["IsClosed"], record["IsWon"], record["ForecastCategoryName"]) == (
        True,
        True,
        "Closed",
    )
    assert record["ExpectedRevenue"] == 1000
    sf.Opportunity.update(opportunity, {"StageName": "Closed Lost"})
    record = sf.Opportunity.get(opportunity)
    assert (record["IsClosed"], record["IsWon"]) == (True, False)

    contact = sf.Contact.create({"FirstName": "Derived", "LastName": "Probe"})["id"]
    soql = format_soql("SELECT Name FROM Contact WHERE Id = {}", contact)
    assert sf.query(soql)["records"][0]["Name"] == "Derived Probe"


def test_a_note_s_preview_comes_from_its_content_base64_or_plain(sf):
    """Clients send a note's content base64-encoded; plain text is taken as it is, non-ASCII
    letters too (they once made the create fail with 500)."""
    encoded = sf.ContentNote.create(
        {"Title": "Encoded", "Content": "R3LDvMOfZSBhdXMgS8O2bG4="}  # "Grüße aus Köln"
    )["id"]
    assert sf.ContentNote.get(encoded)["TextPreview"] == "Grüße aus Köln"
    plain = sf.ContentNote.create({"Title": "Plain", "Content": "Grüße aus Köln"})["id"]
    record = sf.ContentNote.get(plain)
    assert (record["TextPreview"], record["FileType"]) == ("Grüße aus Köln", "SNOTE")
