"""What every command shares: one JSON document on stdout, one-line errors, the store, the
connection and the demo org (started only when a command needs it)."""

from __future__ import annotations

import json
import sys

from navsync_desktop import paths
from navsync_desktop.demo_org.launcher import DemoOrgLauncher
from navsync_desktop.store import Store, StoreCorruptError


class CommandError(Exception):
    """A command failed for a reason the user can act on (one line)."""


def print_json(document: object) -> None:
    json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def open_store() -> Store:
    """The store for a command that writes; a damaged file is moved aside (said on stderr)
    and the command goes on with a new, empty store."""
    try:
        return Store.open(paths.store_path())
    except StoreCorruptError as error:
        print(f"navsync-desktop: {error}", file=sys.stderr)
        return Store.open(paths.store_path())


def connection_manager(store: Store, demo_org: DemoOrgLauncher):
    """The engine's ConnectionManager, imported here: it loads the Salesforce client, which
    `status` and `doctor` do without."""
    from navsync_desktop.engine.connection import ConnectionManager

    return ConnectionManager(store, demo_org=demo_org)


def demo_org_launcher() -> DemoOrgLauncher:
    """Starts the demo org only if the command turns out to need it."""
    return DemoOrgLauncher(paths.demo_org_dir)
