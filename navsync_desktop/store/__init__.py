"""The local SQLite store: one module per aggregate over ``database.Store``."""

from navsync_desktop.store.database import (
    Store,
    StoreBusyError,
    StoreCorruptError,
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    StoreMigrationError,
    StoreTooNewError,
    StoreUnavailableError,
)

__all__ = [
    "Store",
    "StoreBusyError",
    "StoreCorruptError",
    "StoreDamagedError",
    "StoreError",
    "StoreLockedError",
    "StoreMigrationError",
    "StoreTooNewError",
    "StoreUnavailableError",
]
