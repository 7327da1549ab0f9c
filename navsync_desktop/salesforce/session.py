"""A Salesforce API session over simple-salesforce that looks after itself.

simple-salesforce does not renew OAuth tokens. This layer does: on an expired
session it refreshes the access token once with the refresh token (one refresh
at a time across threads) and retries; transient failures are retried with
backoff and jitter, bounded; the API usage Salesforce reports in
``Sforce-Limit-Info`` is kept; every error leaves as a ``SalesforceError``.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import requests
from simple_salesforce import Salesforce
from simple_salesforce import exceptions as sf_exceptions
from simple_salesforce.util import exception_handler

from navsync_desktop.credentials import SalesforceCredentials
from navsync_desktop.i18n import QT_TRANSLATE_NOOP
from navsync_desktop.salesforce import oauth
from navsync_desktop.salesforce.errors import (
    DailyLimitExceeded,
    ReconnectRequired,
    SalesforceApiError,
    SalesforceError,
    SalesforceUnavailable,
    WriteOutcomeUnknown,
)
from navsync_desktop.salesforce.retry import (
    HTTP_TIMEOUT_S,
    RetryNotice,
    RetryPolicy,
    is_transient_network_error,
)

log = logging.getLogger(__name__)

API_VERSION = "62.0"
POOL_CONNECTIONS = 16
_SOBJECT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
# The userinfo/identity endpoints answer a dead token with 403 and this body, not 401.
_BAD_OAUTH_TOKEN = "Bad_OAuth_Token"  # noqa: S105 - an error body, not a secret

T = TypeVar("T")


@dataclass(frozen=True)
class ApiUsage:
    used: int
    total: int


class _HttpSession(requests.Session):
    """requests has no default timeout; a hung connection must end as a transient failure.
    ``verify`` goes with every request: a session-level pin alone would be replaced by
    REQUESTS_CA_BUNDLE from the environment. Every request is counted and first passes
    ``before_request`` (a sync's pacing may wait there, or refuse); every answer is shown to
    ``on_answer`` (which reads the API usage from it)."""

    def __init__(self, on_answer: Callable[[requests.Response], None]) -> None:
        super().__init__()
        # One kept connection per thread that may ask at once (a sync reads several objects
        # and plans all of them at once): each connection costs a TLS handshake.
        self.mount("https://", requests.adapters.HTTPAdapter(pool_maxsize=POOL_CONNECTIONS))
        self.before_request: Callable[[], None] | None = None
        self._on_answer = on_answer
        self._count_lock = threading.Lock()
        self.requests_sent = 0

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", HTTP_TIMEOUT_S)
        kwargs.setdefault("verify", self.verify)
        if self.before_request is not None:
            self.before_request()
        with self._count_lock:
            self.requests_sent += 1
        response = super().request(method, url, **kwargs)
        self._on_answer(response)
        return response


def _first_error(error: sf_exceptions.SalesforceError) -> tuple[str, str]:
    """Salesforce's errorCode and message from an error body (a JSON list, or text)."""
    content = error.content
    if isinstance(content, list) and content and isinstance(content[0], dict):
        first = content[0]
        return str(first.get("errorCode", "UNKNOWN")), str(first.get("message", ""))
    if isinstance(content, dict):
        return str(content.get("errorCode", "UNKNOWN")), str(content.get("message", ""))
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else str(content)
    return f"HTTP_{error.status}", text.strip()[:200]


def _is_expired_session(error: BaseException) -> bool:
    if isinstance(error, sf_exceptions.SalesforceExpiredSession):
        return True
    return (
        isinstance(error, sf_exceptions.SalesforceRefusedRequest)
        and str(error.content).strip() == _BAD_OAUTH_TOKEN
    )


def _limit_kind(error: sf_exceptions.SalesforceError) -> str | None:
    """REQUEST_LIMIT_EXCEEDED comes in two kinds: the org's daily allowance is used up
    ("TotalRequests Limit exceeded") or too many long requests run at once (ConcurrentPerOrg...).
    Only the second passes by itself within seconds."""
    code, message = _first_error(error)
    if code != "REQUEST_LIMIT_EXCEEDED":
        return None
    if "TotalRequests" in message:
        return "daily"
    return "concurrent" if "concurrent" in message.lower() else "other"


def _is_transient(error: BaseException) -> bool:
    if is_transient_network_error(error):
        return True
    if isinstance(error, sf_exceptions.SalesforceError):
        return error.status >= 500 or _limit_kind(error) == "concurrent"
    return False


def _mapped(error: sf_exceptions.SalesforceError) -> SalesforceError:
    code, message = _first_error(error)
    if _limit_kind(error) == "daily":
        return DailyLimitExceeded(error.status, code, message)
    if _is_transient(error):
        return SalesforceUnavailable(
            QT_TRANSLATE_NOOP(
                "Salesforce", "Salesforce kept failing ({code}: {message}); try again later."
            ).format(code=code, message=message),
            error_code=code,
            status=error.status,
            message=message,
        )
    return SalesforceApiError.from_answer(error.status, code, message)


class SalesforceSession:
    """One connected org. Thread safe: workers may share it."""

    def __init__(
        self,
        credentials: SalesforceCredentials,
        *,
        user_id: str,
        ca_cert: Path | None = None,
        access_token: str | None = None,
        version: str = API_VERSION,
        retry: RetryPolicy = RetryPolicy(),  # noqa: B008 - immutable
        on_reconnect_required: Callable[[ReconnectRequired], None] | None = None,
        on_credentials_rotated: Callable[[SalesforceCredentials], None] | None = None,
    ) -> None:
        self._credentials = credentials
        self._user_id = user_id
        self._ca_cert = ca_cert
        self._version = version
        self._retry = retry
        self._on_reconnect_required = on_reconnect_required
        self._on_credentials_rotated = on_credentials_rotated
        self._http = _HttpSession(self._note_answer)
        self._http.verify = str(ca_cert) if ca_cert else True  # never False
        self._state_lock = threading.Lock()
        self._flight: Future | None = None  # the refresh that is running, shared by its waiters
        self._refused: ReconnectRequired | None = None
        self._client = self._client_for(access_token) if access_token else None
        self._api_usage: ApiUsage | None = None
        self._describe_cache: dict[str, dict] = {}
        self.refreshes = 0  # access tokens renewed by this session (sync health shows it)
        self.on_retry: Callable[[RetryNotice], None] | None = None  # e.g. a sync's progress

    @property
    def org_id(self) -> str:
        return self._credentials.org_id

    @property
    def user_id(self) -> str:
        """The connected user's Id."""
        return self._user_id

    @property
    def instance_url(self) -> str:
        return self._credentials.instance_url

    @property
    def api_usage(self) -> ApiUsage | None:
        """The org's daily API usage as of the latest answer, or None before the first."""
        with self._state_lock:
            return self._api_usage

    @property
    def retry_policy(self) -> RetryPolicy:
        return self._retry

    @property
    def http_requests(self) -> int:
        """HTTP requests sent to the org's API by this session, retries included."""
        return self._http.requests_sent

    @property
    def request_gate(self) -> Callable[[], None] | None:
        return self._http.before_request

    @request_gate.setter
    def request_gate(self, gate: Callable[[], None] | None) -> None:
        """Called before every API request; it may wait, or raise to stop the request."""
        self._http.before_request = gate

    def _client_for(self, access_token: str) -> Salesforce:
        return Salesforce(
            instance_url=self._credentials.instance_url,
            session_id=access_token,
            session=self._http,
            version=self._version,
            object_pairs_hook=None,  # plain dicts: json's fast path, not OrderedDict
        )

    def _current_client(self) -> Salesforce:
        client = self._client
        if client is None:
            self._refresh(stale=None)
            client = self._client
        return client

    def _refresh(self, *, stale: Salesforce | None) -> None:
        """Renew the access token, unless another thread already renewed ``stale``'s.

        One refresh at a time: threads that need one while it runs wait for it and share its
        outcome, a failure included. A refused refresh token is final for the session: every
        later call gets the same ReconnectRequired without asking Salesforce again, and
        ``on_reconnect_required`` is told once."""
        with self._state_lock:
            if self._refused is not None:
                raise self._refused
            if self._client is not None and self._client is not stale:
                return
            flight, leader = self._flight, self._flight is None
            if leader:
                flight = self._flight = Future()
        if not leader:
            flight.result()  # the leader's outcome: returns, or raises its error
            return
        try:
            self._renew()
        except ReconnectRequired as error:
            log.warning("token refresh refused for org %s: %s", self.org_id, error.error_code)
            with self._state_lock:
                self._refused = error
            flight.set_exception(error)
            if self._on_reconnect_required:
                self._on_reconnect_required(error)
            raise
        except BaseException as error:
            flight.set_exception(error)
            raise
        else:
            flight.set_result(None)
        finally:
            with self._state_lock:
                self._flight = None

    def _renew(self) -> None:
        tokens = oauth.refresh_access_token(
            self._credentials.instance_url,
            refresh_token=self._credentials.refresh_token,
            client_id=self._credentials.client_id,
            ca_cert=self._ca_cert,
            retry=self._retry,
        )
        if tokens.refresh_token and tokens.refresh_token != self._credentials.refresh_token:
            # Orgs with refresh token rotation hand out a new one; the old one is dead.
            self._credentials = replace(self._credentials, refresh_token=tokens.refresh_token)
            if self._on_credentials_rotated:
                self._on_credentials_rotated(self._credentials)
        client = self._client_for(tokens.access_token)
        with self._state_lock:
            self._client = client
            self.refreshes += 1
        log.info("access token renewed for org %s", self.org_id)

    def _note_answer(self, response: requests.Response) -> None:
        """Every answer (errors and streamed ones too) says how much of the daily API
        allowance is used."""
        limit_info = response.headers.get("Sforce-Limit-Info")
        usage = Salesforce.parse_api_usage(limit_info).get("api-usage") if limit_info else None
        if usage is not None:
            with self._state_lock:
                self._api_usage = ApiUsage(usage.used, usage.total)

    def call(self, fn: Callable[[Salesforce], T]) -> T:
        """Run ``fn`` with the simple-salesforce client: renewed on an expired session,
        retried on transient failures, errors mapped. For reads: a write goes through
        ``write``."""
        try:
            return self._retry.retrying(_is_transient, self.on_retry)(lambda: self._attempt(fn))
        except (sf_exceptions.SalesforceError, requests.RequestException) as error:
            raise self._failure(error) from None  # the client's error repeats the whole body

    def write(self, fn: Callable[[Salesforce], T]) -> T:
        """Run a write once. An expired session is renewed and the request sent again
        (Salesforce refused it before running it), but nothing else is retried: after a
        timeout, a reset or a 5xx the write may have happened, so the caller reconciles
        (``WriteOutcomeUnknown``) before sending anything again."""
        try:
            return self._attempt(fn)
        except (sf_exceptions.SalesforceError, requests.RequestException) as error:
            failure = self._failure(error)
        if isinstance(failure, SalesforceUnavailable):
            raise WriteOutcomeUnknown(failure.text, error_code=failure.error_code) from None
        raise failure from None

    def _attempt(self, fn: Callable[[Salesforce], T]) -> T:
        # One renewal per attempt: an expired session seen again on a later attempt (after
        # a transient failure) is renewed again rather than taken as final.
        client = self._current_client()
        try:
            return fn(client)
        except sf_exceptions.SalesforceError as error:
            if not _is_expired_session(error):
                raise
            self._refresh(stale=client)
            return fn(self._current_client())

    def _failure(self, error: Exception) -> SalesforceError:
        if isinstance(error, sf_exceptions.SalesforceError):
            return _mapped(error)
        log.warning("Salesforce request failed: %s", type(error).__name__)
        return SalesforceUnavailable(
            QT_TRANSLATE_NOOP(
                "Salesforce",
                "Salesforce at {instance} could not be reached ({reason}); check the "
                "network and retry.",
            ).format(instance=self.instance_url, reason=type(error).__name__)
        )

    def query_all_iter(
        self, soql: str, include_deleted: bool = False, *, batch_size: int | None = None
    ) -> Iterator[dict]:
        """The query's records page by page (``batch_size`` 200..2000 records a page);
        each page is retried on its own."""
        for page in self.query_pages(soql, include_deleted, batch_size=batch_size):
            yield from page["records"]

    def query_pages(
        self, soql: str, include_deleted: bool = False, *, batch_size: int | None = None
    ) -> Iterator[dict]:
        """The query's answers as Salesforce sends them (``records``, ``totalSize``, …)."""
        headers = {"Sforce-Query-Options": f"batchSize={batch_size}"} if batch_size else {}
        page = self.call(
            lambda sf: sf.query(soql, include_deleted=include_deleted, headers=headers)
        )
        while True:
            yield page
            if page["done"]:
                return
            page = self._next_page(page["nextRecordsUrl"], headers)

    def _next_page(self, next_records_url: str, headers: dict[str, str] | None = None) -> dict:
        return self.call(
            lambda sf: sf.query_more(next_records_url, identifier_is_url=True, headers=headers)
        )

    def stream(
        self,
        path: str,
        consume: Callable[[requests.Response], T],
        *,
        params: dict[str, Any] | None = None,
    ) -> T:
        """GET ``path`` (below the versioned data URL, e.g. ``jobs/query/<id>/results``) and
        hand the answer to ``consume`` while its body is still arriving. The request and
        ``consume`` are retried together, so ``consume`` must cope with running again."""

        def fetch(sf: Salesforce) -> T:
            response = sf.session.request(
                "GET", sf.base_url + path, headers=sf.headers, params=params, stream=True
            )
            with closing(response):
                if response.status_code >= 300:
                    exception_handler(response, name=path)
                return consume(response)

        return self.call(fetch)

    def query_all(self, soql: str) -> list[dict]:
        return list(self.query_all_iter(soql))

    def tooling_query(self, soql: str) -> list[dict]:
        page = self.call(lambda sf: sf.toolingexecute("query/", params={"q": soql}))
        records = list(page["records"])
        while not page["done"]:
            page = self._next_page(page["nextRecordsUrl"])
            records.extend(page["records"])
        return records

    def describe(self, sobject: str) -> dict:
        """The sObject's describe, fetched once per session."""
        if not _SOBJECT_NAME.fullmatch(sobject):
            raise ValueError(f"not an sObject name: {sobject!r}")
        key = sobject.lower()
        with self._state_lock:
            cached = self._describe_cache.get(key)
        if cached is None:
            cached = self.call(lambda sf: sf.restful(f"sobjects/{sobject}/describe"))
            with self._state_lock:
                self._describe_cache[key] = cached
        return cached

    def limits(self) -> dict:
        return self.call(lambda sf: sf.limits())

    def userinfo(self) -> dict[str, Any]:
        return self.call(lambda sf: sf.oauth2("userinfo"))

    def front_door_url(self, path: str) -> str:
        """A single-use link that opens ``path`` in a browser already logged in (Salesforce's
        single access: the token needs the ``web`` scope)."""
        answer = self.call(lambda sf: sf.oauth2("singleaccess", {"redirect_uri": path}))
        return answer["frontdoor_uri"]

    def revoke(self) -> bool:
        """Revoke the refresh token (and with it every access token) at the org."""
        return oauth.revoke_token(
            self.instance_url,
            self._credentials.refresh_token,
            ca_cert=self._ca_cert,
            retry=self._retry,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SalesforceSession:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
