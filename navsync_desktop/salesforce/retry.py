"""Bounded retries with exponential backoff and jitter for transient failures."""

from __future__ import annotations

import logging
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
    """Connection refused or reset, timeouts, a body cut short -- but never a TLS
    verification failure, which no retry can fix."""
    if isinstance(error, requests.exceptions.SSLError):
        return False
    return isinstance(
        error,
        requests.ConnectionError | requests.Timeout | requests.exceptions.ChunkedEncodingError,
    )


def _log_retry(state: RetryCallState) -> None:
    error = state.outcome.exception() if state.outcome else None
    log.warning(
        "transient Salesforce failure (%s), attempt %d; retrying in %.1f s",
        type(error).__name__,
        state.attempt_number,
        state.next_action.sleep if state.next_action else 0.0,
    )


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5  # in all, the first try included
    initial_wait_s: float = 0.5
    max_wait_s: float = 8.0

    def retrying(self, is_transient: Callable[[BaseException], bool]) -> Retrying:
        """A tenacity ``Retrying`` that re-raises the last error once the attempts are used."""
        return Retrying(
            stop=stop_after_attempt(self.attempts),
            wait=wait_exponential_jitter(
                multiplier=self.initial_wait_s, max=self.max_wait_s, jitter=self.initial_wait_s
            ),
            retry=retry_if_exception(is_transient),
            before_sleep=_log_retry,
            reraise=True,
        )
