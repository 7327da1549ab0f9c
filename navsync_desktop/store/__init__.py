"""The local SQLite store: one module per aggregate over ``database.Store``."""

from navsync_desktop.store.database import (
    Store,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreTooNewError,
)

__all__ = ["Store", "StoreCorruptError", "StoreError", "StoreLockedError", "StoreTooNewError"]
