"""The support commands (mounted by cli.py): support-bundle."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from navsync_desktop import cli_types
from navsync_desktop.cli_common import (
    CommandError,
    ProgressLine,
    connection_manager,
    demo_org_launcher,
    print_json,
    store_to_look_at,
)


def add_commands(commands) -> None:
    bundle = commands.add_parser(
        "support-bundle", help="write a redacted support bundle (zip) for NavSync support"
    )
    bundle.add_argument("out", type=Path, metavar="OUT.zip", help="the zip file to write")
    bundle.add_argument(
        "--include-personal-data",
        action="store_true",
        help="do not mask names, emails, phone numbers and message texts (secrets never go in)",
    )
    bundle.add_argument(
        "--log-lines",
        type=cli_types.positive_int,
        metavar="N",
        help="how many of the log's last lines to include (default 2000)",
    )
    bundle.add_argument("--json", action="store_true", help="print JSON")
    bundle.set_defaults(handler=cmd_support_bundle)


def cmd_support_bundle(args: argparse.Namespace) -> int:
    from navsync_desktop.engine.support_bundle import (  # loads the Salesforce client
        DEFAULT_LOG_LINES,
        BundleError,
        check_target,
        create_support_bundle,
    )

    line = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    try:
        target = check_target(args.out)  # before the org is checked: a typo costs nothing
        with (
            demo_org_launcher(args) as demo_org,
            store_to_look_at() as (store, read_only),
            connection_manager(store, demo_org, read_only=read_only) as manager,
        ):
            result = create_support_bundle(
                target,
                store,
                manager,
                include_personal_data=args.include_personal_data,
                log_line_count=args.log_lines or DEFAULT_LOG_LINES,
                progress=line,
            )
    except BundleError as error:
        raise CommandError(str(error)) from None
    finally:
        if line is not None:
            line.close()
    if args.json:
        print_json(result.to_json())
    else:
        print(result.summary())
    return 0
