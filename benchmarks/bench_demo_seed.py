"""Benchmark: seed the demo org and scan its contacts.

    .venv/bin/python benchmarks/bench_demo_seed.py [--records N] [--scenario S]

Prints the seeding time (contacts/s and all rows/s) and the time of a full SOQL scan of Contact
through QueryCursor.rows (the Bulk 2.0 CSV path) and QueryCursor.pages (the REST JSON path).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from simple_salesforce import format_soql

from navsync_desktop.demo_org.store import OrgStore

SCAN_SOQL = (
    "SELECT Id, FirstName, LastName, Email, Title, AccountId, Account.Name, OwnerId, "
    "LinkedIn_Profile_URL__c, IsDeleted, SystemModstamp FROM Contact"
)
COUNTED = ("Account", "Contact", "Lead", "Opportunity", "OpportunityContactRole", "Task", "User")


def seed(path: Path, records: int, scenario: str) -> OrgStore:
    started = time.perf_counter()
    store = OrgStore.open(path, scenario=scenario, records=records, reset=True)
    seconds = time.perf_counter() - started
    rows = sum(
        store.query(format_soql("SELECT COUNT() FROM {:literal}", name)).total_size
        for name in COUNTED
    )
    print(
        f"seed     {records:>10,} contacts  {seconds:7.2f} s  "
        f"{records / seconds:>10,.0f} contacts/s  {rows / seconds:>10,.0f} rows/s ({rows:,} rows)"
    )
    print(f"file     {path.stat().st_size / 1e6:,.1f} MB")
    return store


def scan(store: OrgStore, how: str, page_size: int) -> None:
    started = time.perf_counter()
    cursor = store.query(SCAN_SOQL)
    batches = cursor.rows(page_size) if how == "rows" else cursor.pages(page_size)
    count = sum(len(batch) for batch in batches)
    cursor.close()
    seconds = time.perf_counter() - started
    print(
        f"scan     {how:<5} (pages of {page_size:>5})  {count:>10,} rows  {seconds:7.2f} s  "
        f"{count / seconds:>10,.0f} rows/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000, help="contacts to seed")
    parser.add_argument("--scenario", default="healthy")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = seed(Path(folder) / "org.db", args.records, args.scenario)
        scan(store, "rows", 10_000)
        scan(store, "pages", 2_000)
        store.close()


if __name__ == "__main__":
    main()
