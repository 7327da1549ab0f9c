"""Starting the demo org the first time a command needs it, and stopping what was started.

Importing this module is cheap (the server, its TLS and SOQL parts load only on first use),
so a program can hand a launcher to its connection code without paying for the demo org.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_PORT = 18443


class DemoOrgLauncher:
    """``launcher()`` returns the demo org's endpoint: the running server of the folder (a
    `demo-org serve`, or one another NavSync Desktop started), or a server it starts itself on
    ``port()`` (default 18443). A server run by another process may stop at any time: then
    the next call starts one here, on that server's port, so addresses stay valid.
    ``close`` stops a server it started."""

    def __init__(
        self, folder: Callable[[], Path], port: Callable[[], int | None] = lambda: None
    ) -> None:
        self._folder = folder  # called on first use, so the folder is made only when needed
        self._port = port
        self._lock = threading.Lock()
        self._endpoint: Any = None
        self._server: Any = None

    def __call__(self):
        from .runtime import endpoint_answers, ensure_demo_org

        with self._lock:
            port = self._port() or DEFAULT_PORT
            started_elsewhere = self._endpoint is not None and self._server is None
            if started_elsewhere and not endpoint_answers(self._endpoint):
                port = urlsplit(self._endpoint.instance_url).port or port  # the same address
                self._endpoint = None  # the other process stopped it: start one here
            if self._endpoint is None:
                self._endpoint, self._server = ensure_demo_org(self._folder(), port=port)
            return self._endpoint

    def reset(self) -> str:
        """Stop the server started here and seed the folder's org anew (its next use starts
        it again); DemoOrgBusyError when another process serves it. Returns the scenario."""
        from .runtime import reset_org_folder

        with self._lock:
            if self._server is not None:
                self._server.stop()
            self._endpoint = self._server = None
            return reset_org_folder(self._folder())

    def close(self) -> None:
        with self._lock:
            if self._server is not None:
                self._server.stop()
            self._endpoint = self._server = None

    def __enter__(self) -> DemoOrgLauncher:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
