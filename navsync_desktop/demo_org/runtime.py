"""Running the demo org: in a thread of this process, or found running in another one.

A demo-org folder holds the org's SQLite file, its certificate and, while a server runs from it,
``served.json`` (pid, port, instance URL, browser URL) and a lock: one server per folder, so two
never share one org. Every `--demo` command calls ``ensure_demo_org``: it uses the running
server of the folder when one answers, and otherwise starts one on the same port with the same
data and certificate, so a stored instance URL stays valid between commands.

The API answers on HTTPS (the app pins the demo CA); the pages a person's browser opens (login,
front door) are also served on plain HTTP on 127.0.0.1, which browsers trust without a
certificate warning.
"""

from __future__ import annotations

import errno
import http.client
import json
import os
import ssl
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from filelock import FileLock, Timeout

from .certs import CA_FILE, ensure_certificates
from .faults import FaultInjector, FaultPlan
from .files import owner_only_folder, write_owner_only
from .grants import GrantStore
from .keep_alive import KEEP_ALIVE_S
from .launcher import DEFAULT_PORT
from .oauth import DEMO_CLIENT_ID
from .scenarios import Scenario
from .server import BrowserPages, DemoOrgApp, listen, serve_on, serve_plain_on
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
LOCK_FILE = "demo-org.lock"
_PROBE_TIMEOUT = 3.0
_STARTING_WAIT_S = 60.0  # how long to wait for another process that is starting the org


class DemoOrgBusyError(OSError):
    """Another process serves (or is starting) the demo org of this folder."""

    def __init__(self, folder: Path, served: dict | None):
        where = f" at {served['instance_url']} (pid {served.get('pid')})" if served else ""
        super().__init__(errno.EBUSY, f"A demo org already runs from {folder}{where}")
        self.folder = folder
        self.instance_url = served.get("instance_url") if served else None
        self.pid = served.get("pid") if served else None


@dataclass(frozen=True)
class DemoOrgEndpoint:
    instance_url: str  # "https://127.0.0.1:18443": the API
    login_url: str  # the same host: the token endpoint lives there too
    ca_cert: Path  # clients pin this (requests verify=<ca_cert>)
    client_id: str  # the preregistered client id of the desktop app
    browser_url: str  # "http://127.0.0.1:<port>": where a browser opens the login page

    @classmethod
    def at(
        cls, instance_url: str, ca_cert: Path, browser_url: str | None = None
    ) -> DemoOrgEndpoint:
        return cls(instance_url, instance_url, ca_cert, DEMO_CLIENT_ID, browser_url or instance_url)


class DemoOrgServer:
    """The demo org served from a background thread of this process."""

    def __init__(
        self,
        folder: Path,
        *,
        port: int = DEFAULT_PORT,
        scenario: str | Scenario | None = None,
        records: int | None = None,
        reset: bool = False,
        access_token_lifetime: float = 7200,
        log_requests: bool = False,
        announce: bool = False,
        faults: float | None = None,
        fault_seed: int = 0,
        keep_alive_s: float = KEEP_ALIVE_S,
    ):
        """``scenario``: a named one or a Scenario (a replayed support bundle's); ``port=0``
        picks a free port; ``announce`` writes served.json for other processes
        (what `demo-org serve` does), removed again by ``stop``. ``faults`` is the share of API
        requests that meet a fault (default: the scenario's, 0.2 for `flaky`, else none);
        an API connection idle for ``keep_alive_s`` between requests is closed."""
        self._folder = Path(folder)
        self._port = port
        self._open_args = {"scenario": scenario, "records": records, "reset": reset}
        self._token_lifetime = access_token_lifetime
        self._log_requests = log_requests
        self._announce = announce
        self._faults = (faults, fault_seed)
        self._keep_alive_s = keep_alive_s
        self._injector: FaultInjector | None = None
        self._endpoint: DemoOrgEndpoint | None = None
        self._store: OrgStore | None = None
        self._grants: GrantStore | None = None
        self._app: DemoOrgApp | None = None
        self._httpd = None
        self._browser_httpd = None
        self._threads: list[threading.Thread] = []
        self._lock = FileLock(str(self._folder / LOCK_FILE), mode=0o600)

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
        """Serves the folder's org; DemoOrgBusyError when another process already does,
        PortInUseError when the port is taken."""
        if self._endpoint is not None:
            return self._endpoint
        owner_only_folder(self._folder)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise DemoOrgBusyError(self._folder, _read_served(self._folder)) from None
        try:
            self._endpoint = self._serve()
        except BaseException:
            self._lock.release()
            raise
        if self._announce:
            _write_served(self._folder, self._endpoint)
        return self._endpoint

    def _serve(self) -> DemoOrgEndpoint:
        # Bind first: a busy port fails in a blink, before any seeding.
        listener = listen(self._port)
        try:
            browser_listener = listen(0)
        except BaseException:
            listener.close()
            raise
        try:
            self._open_org()
            certs = ensure_certificates(self._folder)
            self._httpd = serve_on(
                listener,
                self._injector,
                certs.server_context(),
                log_requests=self._log_requests,
                keep_alive_s=self._keep_alive_s,
            )
            self._browser_httpd = serve_plain_on(
                browser_listener, BrowserPages(self._app), log_requests=self._log_requests
            )
        except BaseException:
            listener.close()
            browser_listener.close()
            if self._httpd is not None:
                self._httpd.server_close()
            self._close_org()
            raise
        browser_url = f"http://127.0.0.1:{self._browser_httpd.port}"
        self._app.browser_origin = browser_url
        for name, httpd in (("demo-org-api", self._httpd), ("demo-org-pages", self._browser_httpd)):
            thread = threading.Thread(target=httpd.serve_forever, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        return DemoOrgEndpoint.at(
            f"https://127.0.0.1:{self._httpd.port}", certs.ca_cert, browser_url
        )

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
        for httpd in (self._httpd, self._browser_httpd):
            httpd.shutdown()
            httpd.server_close()
        for thread in self._threads:
            thread.join()
        self._threads.clear()
        self._httpd = self._browser_httpd = None
        self._close_org()
        self._endpoint = None
        self._lock.release()

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


def reset_org_folder(folder: Path) -> str:
    """Seed the folder's org anew as it was seeded (same scenario and size); the logins go with
    the old file. DemoOrgBusyError when a server runs from the folder: a server's file is not
    swapped under its open connections and Bulk jobs (restart it with --reset instead).
    Returns the scenario's name."""
    folder = Path(folder)
    owner_only_folder(folder)
    lock = FileLock(str(folder / LOCK_FILE), mode=0o600)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise DemoOrgBusyError(folder, _read_served(folder)) from None
    try:
        store = OrgStore.open(folder / DATABASE_FILE, reset=True)
        store.close()
        return store.scenario.name
    finally:
        lock.release()


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
    # Announced, so that other processes (a CLI beside the GUI) use it rather than start theirs.
    server = DemoOrgServer(folder, port=port, announce=True)
    try:
        return server.start(), server
    except DemoOrgBusyError:
        # Another process holds the folder: it may be starting (seeding takes a moment).
        deadline = time.monotonic() + _STARTING_WAIT_S
        while time.monotonic() < deadline:
            served = served_endpoint(folder)
            if served is not None:
                return served, None
            time.sleep(0.2)
        raise


def _read_served(folder: Path) -> dict | None:
    try:
        served = json.loads((Path(folder) / SERVED_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return served if isinstance(served, dict) and "instance_url" in served else None


def served_endpoint(folder: Path) -> DemoOrgEndpoint | None:
    """The endpoint in the folder's served.json when that server answers, else None."""
    served = _read_served(folder)
    if served is None:
        return None
    endpoint = DemoOrgEndpoint.at(
        served["instance_url"], Path(folder) / CA_FILE, served.get("browser_url")
    )
    return endpoint if endpoint_answers(endpoint) else None


def endpoint_answers(endpoint: DemoOrgEndpoint) -> bool:
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
    body = {
        "pid": os.getpid(),
        "port": port,
        "instance_url": endpoint.instance_url,
        "browser_url": endpoint.browser_url,
    }
    write_owner_only(folder / SERVED_FILE, json.dumps(body).encode("utf-8"))


def _remove_served(folder: Path) -> None:
    """Remove served.json if it is still ours (another serve may have replaced it)."""
    path = folder / SERVED_FILE
    try:
        if json.loads(path.read_text("utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass
