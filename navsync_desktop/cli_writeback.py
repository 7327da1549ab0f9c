"""The activity write-back's commands (mounted by cli.py): import-linkedin, activities, copy,
writeback, test-writeback, unresolved, map; ``seats set-copy`` is mounted with the seats.

``writeback`` shows a progress line when stderr is a terminal; Ctrl+C stops it after the
batch in flight (whose result is recorded), a second Ctrl+C ends the program at once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from navsync_desktop.cli_common import (
    INTERRUPTED_EXIT,
    connection_manager,
    demo_org_launcher,
    open_store,
    print_json,
    run_with_progress,
    store_to_look_at,
)
from navsync_desktop.store.activities import STATES


def add_commands(commands) -> None:
    importer = commands.add_parser(
        "import-linkedin", help="import a seat holder's LinkedIn export (messages.csv)"
    )
    importer.add_argument("file", type=Path, help="messages.csv of LinkedIn's data export")
    importer.add_argument("--seat", required=True, metavar="EMAIL", help="whose export it is")
    importer.add_argument("--json", action="store_true", help="print JSON")
    importer.set_defaults(handler=cmd_import)

    listing = commands.add_parser("activities", help="the activities and their write-back state")
    listing.add_argument("--seat", metavar="EMAIL", help="only this seat holder's")
    listing.add_argument("--state", choices=STATES, help="only activities in this state")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_activities)

    copy = commands.add_parser("copy", help="Copy to CRM: queue activities for the write-back")
    copy.add_argument("ids", nargs="*", type=int, metavar="ID", help="activity ids")
    copy.add_argument("--all", action="store_true", help="every activity not copied yet")
    copy.add_argument("--seat", metavar="EMAIL", help="with --all: only this seat holder's")
    copy.add_argument("--json", action="store_true", help="print JSON")
    copy.set_defaults(handler=cmd_copy)

    writeback = commands.add_parser("writeback", help="write the queued activities to the CRM")
    writeback.add_argument("--json", action="store_true", help="print JSON")
    writeback.set_defaults(handler=cmd_writeback)

    trial = commands.add_parser(
        "test-writeback", help="create a test contact and one test activity of each kind"
    )
    trial.add_argument("--cleanup", action="store_true", help="delete the test records")
    trial.add_argument("--json", action="store_true", help="print JSON")
    trial.set_defaults(handler=cmd_test_writeback)

    unresolved = commands.add_parser(
        "unresolved", help="LinkedIn Unresolved Activities: what could not be matched"
    )
    unresolved.add_argument("--seat", metavar="EMAIL", help="only this seat holder's")
    unresolved.add_argument(
        "--reason", choices=["no_match", "ambiguous", "no_url"], help="only this reason"
    )
    unresolved.add_argument("--csv", type=Path, metavar="FILE", help="export them as CSV")
    unresolved.add_argument("--json", action="store_true", help="print JSON")
    unresolved.set_defaults(handler=cmd_unresolved)

    mapping = commands.add_parser("map", help="map a LinkedIn person to a CRM record by hand")
    mapping.add_argument("profile_url", metavar="PROFILE_URL")
    mapping.add_argument("record_id", metavar="RECORD_ID", help="a contact, lead or account Id")
    mapping.set_defaults(handler=cmd_map)


def add_seat_commands(seat_commands) -> None:
    """``seats set-copy``, under the seats command of cli_crm."""
    copy_mode = seat_commands.add_parser(
        "set-copy", help="copy a seat holder's activities to the CRM always, or ask"
    )
    copy_mode.add_argument("email")
    copy_mode.add_argument("mode", choices=["always", "ask"])


def set_copy_mode(store, args: argparse.Namespace) -> None:
    from navsync_desktop.engine import writeback_settings
    from navsync_desktop.engine.activities import ActivityError
    from navsync_desktop.i18n import QT_TRANSLATE_NOOP

    mode = writeback_settings.CopyMode(args.mode)
    if not writeback_settings.set_copy_mode(store, args.email, mode):
        raise ActivityError(
            QT_TRANSLATE_NOOP("Activities", "No seat holder has the email {email}").format(
                email=args.email
            )
        )
    print(f"Copy mode {mode.value} for {args.email}")


def cmd_import(args: argparse.Namespace) -> int:
    from navsync_desktop.engine.linkedin_import import import_messages

    with open_store() as store:
        result = import_messages(store, args.file, args.seat)
    if args.json:
        print_json(result.to_json())
    else:
        print(result.summary())
    return 0


def _instance_url(store) -> str | None:
    row = store.connection.execute("SELECT instance_url FROM connection WHERE id = 1").fetchone()
    return row[0] if row else None


def cmd_activities(args: argparse.Namespace) -> int:
    from navsync_desktop.engine.activities import list_activities

    with store_to_look_at() as (store, _read_only):
        found = list_activities(store, seat=args.seat, state=args.state)
        instance = _instance_url(store)
    if args.json:
        print_json({"activities": [activity.to_json(instance) for activity in found]})
        return 0
    if not found:
        print("No activities.")
    for activity in found:
        person = activity.person_name or activity.person_url or activity.person_company or "?"
        where = f" -> {activity.record_sobject} {activity.record_id}" if activity.record_id else ""
        why = f" ({activity.reason})" if activity.reason else ""
        print(
            f"{activity.id:>6}  {activity.occurred_at:%Y-%m-%d %H:%M}  {activity.kind:<7}  "
            f"{activity.state}{why}{where}  {person}  [{activity.seat_email}]"
        )
        if activity.message:
            print(f"        {activity.message}")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    from navsync_desktop.cli_common import CommandError
    from navsync_desktop.engine.activities import copy_all, copy_to_crm

    if args.all == bool(args.ids):
        raise CommandError("give activity ids or --all")
    if args.seat and not args.all:
        raise CommandError("--seat goes with --all")
    with open_store() as store:
        result = copy_all(store, seat=args.seat) if args.all else copy_to_crm(store, args.ids)
    if args.json:
        print_json(result.to_json())
    else:
        print(result.summary())
        for activity_id, reason in result.refused:
            print(f"  {activity_id}: {reason}")
    return 0


def cmd_writeback(args: argparse.Namespace) -> int:
    from navsync_desktop.engine.writeback import run_writeback

    result, cancelled = run_with_progress(
        lambda store, manager, progress, cancel: run_writeback(
            store, manager, progress=progress, cancel=cancel
        )
    )
    if args.json:
        print_json(result.to_json())
    else:
        print(
            f"Write-back: {result.sent:,} sent, {result.failed:,} failed; "
            f"{result.unresolved:,} unresolved, {result.skipped:,} skipped, "
            f"{result.queued:,} still queued; {result.api_requests:,} API requests"
        )
    if result.error is not None:
        print(f"navsync-desktop writeback: {result.error}", file=sys.stderr)
        return 1
    if cancelled:
        print("navsync-desktop writeback: stopped; the rest stays queued", file=sys.stderr)
        return INTERRUPTED_EXIT
    return 0


def cmd_test_writeback(args: argparse.Namespace) -> int:
    from navsync_desktop.engine.writeback_trial import (
        cleanup_test_writeback,
        run_test_writeback,
    )

    with (
        demo_org_launcher() as demo_org,
        open_store() as store,
        connection_manager(store, demo_org) as manager,
    ):
        if args.cleanup:
            deleted = cleanup_test_writeback(store, manager)
            if args.json:
                print_json({"deleted": deleted})
            else:
                print(f"Deleted {deleted} test records.")
            return 0
        result = run_test_writeback(store, manager)
    if args.json:
        print_json(result.to_json())
        return 0
    for record in result.records:
        print(f"{record.label}: {record.id}  View in CRM: {record.view_url}")
    print(result.reports_hint)
    print("Delete the test records with: navsync-desktop test-writeback --cleanup")
    return 0


def cmd_unresolved(args: argparse.Namespace) -> int:
    from navsync_desktop.engine import unresolved

    filters = {"seat": args.seat, "reason": args.reason}
    with store_to_look_at() as (store, _read_only):
        if args.csv:
            unresolved.export_csv(store, args.csv, **filters)
        found = unresolved.list_unresolved(store, **filters)
    if args.json:
        print_json({"unresolved": [activity.to_json() for activity in found]})
    elif args.csv:
        print(f"Exported {len(found):,} unresolved activities to {args.csv}")
    else:
        if not found:
            print("No unresolved activities.")
        for activity in found:
            person = activity.person_name or "?"
            url = activity.person_url or "(no profile URL)"
            print(
                f"{activity.id:>6}  {activity.occurred_at:%Y-%m-%d}  {activity.kind:<7}  "
                f"{activity.reason_text}  {person}  {url}  [{activity.seat_email}]"
            )
    return 0


def cmd_map(args: argparse.Namespace) -> int:
    from navsync_desktop.engine import unresolved

    with open_store() as store:
        queued = unresolved.map_person(store, args.profile_url, args.record_id)
    print(f"Mapped {args.profile_url} to {args.record_id}; {queued:,} activities queued.")
    return 0
