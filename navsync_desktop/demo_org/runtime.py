"""Running the demo org: in a thread of this process, or found running as `demo-org serve`.

A demo-org folder holds the org's SQLite file, its certificate and, while `demo-org serve` runs,
``served.json`` (pid, port, instance URL). Every `--demo` command calls ``ensure_demo_org``: it
uses the served org when one answers, and otherwise starts an embedded one on the same port with
the same data and certificate, so a stored instance URL stays valid between commands.
"""

from __future__ import annotations

import http.client
import json
import os
import ssl
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .certs import CA_FILE, ensure_certificates
from .faults import FaultInjector, FaultPlan
from .files import owner_only_folder, write_owner_only
from .grants import GrantStore
from .launcher import DEFAULT_PORT
from .oauth import DEMO_CLIENT_ID
from .server import DemoOrgApp, listen, serve_on
from .store import OrgStore

__all__ = [
    "DEFAULT_PORT",
    "DEMO_CLIENT_ID",
    "DemoOrgEndpoint",
    "DemoOrgServer",
    "ensure_demo_org",
]

DATABASE_FILE = "org.sqlite"
SERVED_FILE = "served.json"
_PROBE_TIMEOUT = 3.0


@dataclass(frozen=True)
class DemoOrgEndpoint:
    instance_url: str  # "https://127.0.0.1:18443"
    login_url: str  # the same host: authorize and token live there too
    ca_cert: Path  # clients pin this (requests verify=<ca_cert>)
    client_id: str  # the preregistered client id of the desktop app

    @classmethod
    def at(cls, instance_url: str, ca_cert: Path) -> DemoOrgEndpoint:
        return cls(instance_url, instance_url, ca_cert, DEMO_CLIENT_ID)


class DemoOrgServer:
    """The demo org served from a background thread of this process."""

    def __init__(
        self,
        folder: Path,
        *,
        port: int = DEFAULT_PORT,
        scenario: str | None = None,
        records: int | None = None,
        reset: bool = False,
        access_token_lifetime: float = 7200,
        log_requests: bool = False,
        announce: bool = False,
        faults: float | None = None,
        fault_seed: int = 0,
    ):
        """``port=0`` picks a free port; ``announce`` writes served.json for other processes
        (what `demo-org serve` does), removed again by ``stop``. ``faults`` is the share of API
        requests that meet a fault (default: the scenario's, 0.2 for `flaky`, else none)."""
        self._folder = Path(folder)
        self._port = port
        self._open_args = {"scenario": scenario, "records": records, "reset": reset}
        self._token_lifetime = access_token_lifetime
        self._log_requests = log_requests
        self._announce = announce
        self._faults = (faults, fault_seed)
        self._injector: FaultInjector | None = None
        self._endpoint: DemoOrgEndpoint | None = None
        self._store: OrgStore | None = None
        self._grants: GrantStore | None = None
        self._app: DemoOrgApp | None = None
        self._httpd = None
        self._thread: threading.Thread | None = None

    @property
    def endpoint(self) -> DemoOrgEndpoint:
        if self._endpoint is None:
            raise RuntimeError("the demo org server is not running")
        return self._endpoint

    @property
    def store(self) -> OrgStore:
        if self._store is None:
            raise RuntimeError("the demo org server is not running")
        return self._store

    def start(self) -> DemoOrgEndpoint:
        if self._endpoint is not None:
            return self._endpoint
        owner_only_folder(self._folder)
        # Bind first: a busy port fails in a blink, before any seeding.
        listener = listen(self._port)
        try:
            self._open_org()
            certs = ensure_certificates(self._folder)
            self._httpd = serve_on(
                listener, self._injector, certs.server_context(), log_requests=self._log_requests
            )
        except BaseException:
            listener.close()
            self._close_org()
            raise
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="demo-org-server", daemon=True
        )
        self._thread.start()
        self._endpoint = DemoOrgEndpoint.at(f"https://127.0.0.1:{self._httpd.port}", certs.ca_cert)
        if self._announce:
            _write_served(self._folder, self._endpoint)
        return self._endpoint

    def _open_org(self) -> None:
        self._store = OrgStore.open(self._folder / DATABASE_FILE, **self._open_args)
        self._grants = GrantStore(
            self._store.path,
            org_id=self._store.organization()["Id"],
            access_token_lifetime=self._token_lifetime,
        )
        if self._open_args["reset"]:
            self._grants.clear()
        self._app = DemoOrgApp(self._store, self._grants, self._folder)
        rate, seed = self._faults
        rate = self._store.scenario.fault_rate if rate is None else rate
        self._injector = FaultInjector(self._app, FaultPlan(rate, seed) if rate else None)

    def inject_faults(self, plan: FaultPlan | None) -> None:
        """Change the faults while serving (None: none at all)."""
        if self._injector is None:
            raise RuntimeError("the demo org server is not running")
        self._injector.plan = plan

    @property
    def fault_plan(self) -> FaultPlan | None:
        return self._injector.plan if self._injector else None

    @property
    def faults_injected(self) -> dict[str, int]:
        """How many faults of each kind were injected so far."""
        injected = self._injector.injected if self._injector else {}
        return {str(kind): count for kind, count in injected.items()}

    def stop(self) -> None:
        if self._endpoint is None:
            return
        if self._announce:
            _remove_served(self._folder)
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()
        self._close_org()
        self._endpoint = None

    def _close_org(self) -> None:
        for part in (self._app, self._grants, self._store):
            if part is not None:
                part.close()
        self._app = self._grants = self._store = self._injector = None

    def __enter__(self) -> DemoOrgServer:
        self.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()


def ensure_demo_org(
    folder: Path, *, port: int = DEFAULT_PORT
) -> tuple[DemoOrgEndpoint, DemoOrgServer | None]:
    """The running `demo-org serve` of this folder, or a freshly started embedded server.

    Returns the server object only when it started one: the caller stops it when done.
    """
    folder = Path(folder)
    served = served_endpoint(folder)
    if served is not None:
        return served, None
    server = DemoOrgServer(folder, port=port)
    return server.start(), server


def served_endpoint(folder: Path) -> DemoOrgEndpoint | None:
    """The endpoint in the folder's served.json when that server answers, else None."""
    try:
        served = json.loads((Path(folder) / SERVED_FILE).read_text("utf-8"))
        endpoint = DemoOrgEndpoint.at(served["instance_url"], Path(folder) / CA_FILE)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return endpoint if _answers(endpoint) else None


def _answers(endpoint: DemoOrgEndpoint) -> bool:
    """True when the URL serves a demo org with this folder's certificate (so it is ours)."""
    parts = urlsplit(endpoint.instance_url)
    try:
        context = ssl.create_default_context(cafile=str(endpoint.ca_cert))
        connection = http.client.HTTPSConnection(
            parts.hostname, parts.port, context=context, timeout=_PROBE_TIMEOUT
        )
        try:
            connection.request("GET", "/services/data/")
            return connection.getresponse().status == 200
        finally:
            connection.close()
    except (OSError, http.client.HTTPException):
        return False


def _write_served(folder: Path, endpoint: DemoOrgEndpoint) -> None:
    port = urlsplit(endpoint.instance_url).port
    body = {"pid": os.getpid(), "port": port, "instance_url": endpoint.instance_url}
    write_owner_only(folder / SERVED_FILE, json.dumps(body).encode("utf-8"))


def _remove_served(folder: Path) -> None:
    """Remove served.json if it is still ours (another serve may have replaced it)."""
    path = folder / SERVED_FILE
    try:
        if json.loads(path.read_text("utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass
