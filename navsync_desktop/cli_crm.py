"""The CRM sync's commands: sync, history, seats, saved-lists (mounted by cli.py).

``sync`` shows a progress line when stderr is a terminal; Ctrl+C cancels the run cleanly
(nothing changes locally), a second Ctrl+C ends the program at once.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from navsync_desktop import cli_writeback, paths
from navsync_desktop.cli_common import (
    INTERRUPTED_EXIT,
    CommandError,
    connection_manager,
    demo_org_launcher,
    open_store,
    print_json,
    run_with_progress,
)
from navsync_desktop.store import Store
from navsync_desktop.store.connection import ConnectionState
from navsync_desktop.store.seats import SEAT_TYPES

if TYPE_CHECKING:  # the sync loads the Salesforce client: only the commands that sync do
    from navsync_desktop.engine.sync import SyncResult


def add_commands(commands) -> None:
    sync_parser = commands.add_parser("sync", help="sync the CRM data from Salesforce now")
    sync_parser.add_argument("--full", action="store_true", help="read every object whole")
    sync_parser.add_argument("--json", action="store_true", help="print JSON")
    sync_parser.set_defaults(handler=cmd_sync)

    history_parser = commands.add_parser("history", help="the sync runs, newest first")
    history_parser.add_argument("--json", action="store_true", help="print JSON")
    history_parser.set_defaults(handler=cmd_history)

    seats_parser = commands.add_parser("seats", help="Sales Navigator seat holders")
    seat_commands = seats_parser.add_subparsers(dest="seats_command", required=True)
    list_parser = seat_commands.add_parser("list", help="seat holders and their Salesforce User")
    list_parser.add_argument("--json", action="store_true", help="print JSON")
    add_parser = seat_commands.add_parser("add", help="add a seat holder")
    add_parser.add_argument("--email", required=True)
    add_parser.add_argument("--name", required=True)
    add_parser.add_argument(
        "--seat-type",
        choices=SEAT_TYPES,
        default="team_member",
    )
    add_parser.add_argument("--profile-url", metavar="URL", help="LinkedIn profile URL")
    add_parser.add_argument("--sync", choices=["on", "off"], default="on")
    import_parser = seat_commands.add_parser(
        "import", help="add or update seat holders from a CSV file"
    )
    import_parser.add_argument(
        "file", type=Path, help="columns: email, name, seat type, profile url, sync"
    )
    switch_parser = seat_commands.add_parser("set-sync", help="a seat holder's own sync switch")
    switch_parser.add_argument("email")
    switch_parser.add_argument("state", choices=["on", "off"])
    seat_commands.add_parser(
        "add-demo-reps", help="the demo org's sales reps as seat holders (after a sync)"
    )
    cli_writeback.add_seat_commands(seat_commands)
    seats_parser.set_defaults(handler=cmd_seats)

    lists_parser = commands.add_parser(
        "saved-lists", help="the seat holders' auto-saved accounts, leads and contacts"
    )
    lists_parser.add_argument("--seat", metavar="EMAIL", help="only this seat holder")
    lists_parser.add_argument("--json", action="store_true", help="print JSON")
    lists_parser.set_defaults(handler=cmd_saved_lists)


# sync


def cmd_sync(args: argparse.Namespace) -> int:
    from navsync_desktop.engine.sync import Outcome, run_sync

    result, _cancelled = run_with_progress(
        lambda store, manager, progress, cancel: run_sync(
            store, manager, full=args.full, progress=progress, cancel=cancel
        )
    )
    if args.json:
        print_json(result.to_json())
    else:
        _print_summary(result)
    if result.outcome is Outcome.SUCCEEDED:
        return 0
    if result.outcome is Outcome.CANCELLED:
        print("navsync-desktop sync: cancelled; the local data is unchanged", file=sys.stderr)
        return INTERRUPTED_EXIT
    print(f"navsync-desktop sync: {result.error}", file=sys.stderr)
    return 1


def _print_summary(result: SyncResult) -> None:
    document = result.to_json()
    kind = "full" if document["full"] else "incremental"
    read = sum(counts["read"] for counts in document["objects"].values())
    print(
        f"Sync {document['outcome']} ({kind}) in {document['seconds']:.1f} s: "
        f"{read:,} rows read, {document['api_requests']:,} API requests"
    )
    if document["objects"]:
        print(f"  {'Object':<24}{'Read':>10}{'Changed':>10}{'Deleted':>10}{'Total':>10}  API")
    for name, counts in document["objects"].items():
        print(
            f"  {name:<24}{counts['read']:>10,}{counts['changed']:>10,}"
            f"{counts['deleted']:>10,}{counts['total']:>10,}  {counts['api']}"
        )


def cmd_history(args: argparse.Namespace) -> int:
    from navsync_desktop.engine.status import read_history
    from navsync_desktop.engine.sync import SyncResult

    runs = [SyncResult(run) for run in read_history(paths.store_path())]
    if args.json:
        print_json({"runs": [run.to_json() for run in runs]})
        return 0
    if not runs:
        print("No sync has run yet.")
    for run in runs:
        document = run.to_json()
        started = datetime.fromisoformat(document["started_at"]).astimezone()
        read = sum(counts["read"] for counts in document["objects"].values())
        kind = "full" if document["full"] else "incremental"
        print(
            f"{started:%Y-%m-%d %H:%M}  {document['outcome']:<9}  {kind:<11}  "
            f"{document['seconds']:7.1f} s  {read:>9,} read  "
            f"{document['api_requests']:>6,} requests"
        )
        if document["error"]:
            print(f"    {document['error']}")
    return 0


# seats


def cmd_seats(args: argparse.Namespace) -> int:
    from navsync_desktop.engine import seats

    command = args.seats_command
    with open_store() as store:
        if command == "list":
            return _list_seats(store, args.json)
        if command == "add":
            seat = seats.add_seat(
                store,
                email=args.email,
                name=args.name,
                seat_type=args.seat_type,
                profile_url=args.profile_url,
                sync=args.sync == "on",
            )
            print(f"Added {seat.name} <{seat.email}>")
        elif command == "import":
            result = seats.import_csv(store, args.file)
            print(f"Imported {args.file.name}: {result.added} added, {result.updated} updated")
        elif command == "set-sync":
            seats.set_sync(store, args.email, args.state == "on")
            print(f"Sync {args.state} for {args.email}")
        elif command == "set-copy":
            cli_writeback.set_copy_mode(store, args)
        elif command == "add-demo-reps":
            _require_demo(store)
            result = seats.add_sales_reps(store)
            print(f"Added {result.added} sales reps of the demo org as seat holders")
    return 0


def _require_demo(store: Store) -> None:
    with demo_org_launcher() as demo_org, connection_manager(store, demo_org) as manager:
        record = manager.record()
    if not record.is_demo or record.state is ConnectionState.DISCONNECTED:
        raise CommandError("only for the demo org (connect --demo, then sync)")


def _list_seats(store: Store, as_json: bool) -> int:
    from navsync_desktop.engine import seats

    holders = seats.seat_holders(store)
    if as_json:
        print_json({"seats": [holder.to_json() for holder in holders]})
        return 0
    if not holders:
        print("No seat holders yet (seats add, seats import FILE).")
    for holder in holders:
        seat = holder.seat
        user = holder.user_name if holder.matched else str(seats.NOT_MATCHED)
        synced = "sync on " if holder.synced else "sync off"
        print(
            f"{seat.name} <{seat.email}>  {seats.SEAT_TYPE_LABELS[seats.SeatType(seat.seat_type)]}"
            f"  {synced}  Salesforce: {user}  lists: {holder.accounts:,} accounts, "
            f"{holder.leads_and_contacts:,} leads and contacts"
        )
    return 0


def cmd_saved_lists(args: argparse.Namespace) -> int:
    from navsync_desktop.engine import autosave

    with open_store() as store:
        lists = autosave.saved_lists(store, args.seat)
    if args.seat and not lists:
        raise CommandError(f"no seat holder has the email {args.seat}")
    if args.json:
        print_json({"seats": [seat_lists.to_json() for seat_lists in lists]})
        return 0
    for seat_lists in lists:
        seat = seat_lists.seat
        print(f"{seat.name} <{seat.email}>")
        print(f"  My CRM Accounts: {len(seat_lists.accounts):,}")
        if args.seat:
            for record in seat_lists.accounts:
                print(f"    {record.id}  {record.name}")
        print(f"  My CRM Leads and Contacts: {len(seat_lists.leads_and_contacts):,}")
        if args.seat:
            for record in seat_lists.leads_and_contacts:
                print(f"    {record.id}  {record.sobject:<7}  {record.name}")
    return 0
