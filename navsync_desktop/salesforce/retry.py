"""Bounded retries with exponential backoff and jitter for transient failures."""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass

import requests
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

log = logging.getLogger(__name__)

HTTP_TIMEOUT_S = 60  # per request; a hung connection counts as a transient failure


def is_transient_network_error(error: BaseException) -> bool:
    """Connection refused or reset (also in the middle of TLS), timeouts, a body cut short --
    but never a certificate that fails verification, which no retry can fix."""
    if isinstance(error, requests.exceptions.SSLError) and _certificate_refused(error):
        return False
    return isinstance(
        error,
        requests.ConnectionError | requests.Timeout | requests.exceptions.ChunkedEncodingError,
    )


def _certificate_refused(error: BaseException) -> bool:
    """Whether the TLS failure is the peer's certificate (not a connection cut mid-TLS).
    requests wraps urllib3's errors, which wrap the ssl module's: look through all of them."""
    seen: set[int] = set()
    pending: list[object] = [error]
    while pending:
        current = pending.pop()
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError | ssl.CertificateError):
            return True
        pending.extend([current.__cause__, current.__context__, getattr(current, "reason", None)])
        pending.extend(current.args)
    return "CERTIFICATE_VERIFY_FAILED" in str(error)


@dataclass(frozen=True)
class RetryNotice:
    """A transient failure about to be retried: what failed, and how long until the retry."""

    error: BaseException
    attempt: int  # the attempt that failed, the first being 1
    wait_s: float


def _log_retry(state: RetryCallState) -> RetryNotice:
    error = state.outcome.exception() if state.outcome else None
    wait_s = state.next_action.sleep if state.next_action else 0.0
    notice = RetryNotice(error, state.attempt_number, wait_s)
    log.warning(
        "transient Salesforce failure (%s), attempt %d; retrying in %.1f s",
        type(error).__name__,
        notice.attempt,
        notice.wait_s,
    )
    return notice


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5  # in all, the first try included
    initial_wait_s: float = 0.5
    max_wait_s: float = 8.0

    def retrying(
        self,
        is_transient: Callable[[BaseException], bool],
        on_retry: Callable[[RetryNotice], None] | None = None,
    ) -> Retrying:
        """A tenacity ``Retrying`` that re-raises the last error once the attempts are used;
        ``on_retry`` hears of each retry before its wait."""

        def before_sleep(state: RetryCallState) -> None:
            notice = _log_retry(state)
            if on_retry is not None:
                on_retry(notice)

        return Retrying(
            stop=stop_after_attempt(self.attempts),
            wait=wait_exponential_jitter(
                multiplier=self.initial_wait_s, max=self.max_wait_s, jitter=self.initial_wait_s
            ),
            retry=retry_if_exception(is_transient),
            before_sleep=before_sleep,
            reraise=True,
        )
