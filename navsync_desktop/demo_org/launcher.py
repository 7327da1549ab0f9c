"""Starting the demo org the first time a command needs it, and stopping what was started.

Importing this module is cheap (the server, its TLS and SOQL parts load only on first use),
so a program can hand a launcher to its connection code without paying for the demo org.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT_PORT = 18443


class DemoOrgLauncher:
    """``launcher(port)`` returns the demo org's endpoint: the running `demo-org serve` of the
    folder, or an embedded server it starts (on ``port``, or the default port). The first
    endpoint stays for the launcher's life; ``close`` stops a server it started."""

    def __init__(self, folder: Callable[[], Path]) -> None:
        self._folder = folder  # called on first use, so the folder is made only when needed
        self._lock = threading.Lock()
        self._endpoint: Any = None
        self._server: Any = None

    def __call__(self, port: int | None = None):
        with self._lock:
            if self._endpoint is None:
                from .runtime import ensure_demo_org

                self._endpoint, self._server = ensure_demo_org(
                    self._folder(), port=port or DEFAULT_PORT
                )
            return self._endpoint

    def close(self) -> None:
        with self._lock:
            if self._server is not None:
                self._server.stop()
            self._endpoint = self._server = None

    def __enter__(self) -> DemoOrgLauncher:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
