"""Program settings: JSON values by key."""

from __future__ import annotations

import json
from typing import Any

from navsync_desktop.store.database import Store


def get(store: Store, key: str, default: Any = None) -> Any:
    row = store.connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row["value"])


def put(store: Store, key: str, value: Any) -> None:
    store.connection.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value)),
    )


def all_settings(store: Store) -> dict[str, Any]:
    rows = store.connection.execute("SELECT key, value FROM settings ORDER BY key")
    return {row["key"]: json.loads(row["value"]) for row in rows}
