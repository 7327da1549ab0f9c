"""What can go wrong when talking to Salesforce, as a small hierarchy of errors.

Each error carries Salesforce's ``error_code`` and HTTP ``status`` when there
was an answer, Salesforce's own ``message``, and ``text``: what the user is
told (a translatable ``Text``). Messages never contain tokens.
"""

from __future__ import annotations

from navsync_desktop.i18n import QT_TRANSLATE_NOOP, Text


class SalesforceError(Exception):
    # True when the user chose this outcome (cancelled, pressed Deny): not a failure to log
    user_decision = False

    def __init__(
        self,
        text: Text,
        *,
        error_code: str | None = None,
        status: int | None = None,
        message: str | None = None,
        cli_text: Text | None = None,
    ) -> None:
        """``text`` in the GUI's words; ``cli_text`` where the command line's advice differs
        (``str()`` is the command line's)."""
        super().__init__(str(cli_text or text))
        self.text = text
        self.cli_text = cli_text
        self.error_code = error_code
        self.status = status
        self.message = message


class SalesforceApiError(SalesforceError):
    """Salesforce answered a request with an error (bad query, no permission, limit...)."""

    @classmethod
    def from_answer(cls, status: int, error_code: str, message: str) -> SalesforceApiError:
        return cls(
            QT_TRANSLATE_NOOP(
                "Salesforce", "Salesforce refused the request ({code}): {message}"
            ).format(code=error_code, message=message),
            error_code=error_code,
            status=status,
            message=message,
        )


class DailyLimitExceeded(SalesforceApiError):
    """The org's API allowance for the last 24 hours is used up ("TotalRequests Limit
    exceeded"). Retrying within seconds cannot help, so it is never retried."""

    def __init__(self, status: int, error_code: str, message: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Salesforce",
                "The org has used up its daily allowance of API requests ({message}). "
                "Salesforce counts the requests of the last 24 hours, so requests become "
                "possible again within 24 hours. Try again then, or ask your Salesforce account "
                "team for a higher API limit.",
            ).format(message=message),
            error_code=error_code,
            status=status,
            message=message,
        )


class SalesforceUnavailable(SalesforceError):
    """Salesforce could not be reached, or kept failing, after the bounded retries."""


class WriteOutcomeUnknown(SalesforceUnavailable):
    """A write's answer was lost (timeout, reset, 5xx): it may or may not have happened."""


class ReconnectRequired(SalesforceError):
    """The refresh token no longer works (revoked, user deactivated, policy change)."""


class LoginHostRefused(SalesforceError):
    """The login URL is not one the program may connect to."""


class AuthorizationFailed(SalesforceError):
    """The browser login did not produce a usable authorization."""

    @property
    def user_decision(self) -> bool:
        return self.error_code == "access_denied"  # the user pressed Deny


class PortBusy(AuthorizationFailed):
    def __init__(self, port: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Salesforce",
                "Port {port} on 127.0.0.1 is already in use, so the login cannot come back to "
                "NavSync Desktop. Close the program that uses it, or choose another redirect "
                "port and add its callback URL to your External Client App.",
            ).format(port=port),
            cli_text=QT_TRANSLATE_NOOP(
                "Salesforce",
                "Port {port} on 127.0.0.1 is already in use, so the login cannot come back to "
                "NavSync Desktop. Close the program that uses it, or use --port P with a port "
                "whose callback URL http://localhost:P/OauthRedirect is in your External "
                "Client App.",
            ).format(port=port),
        )
        self.port = port


class AuthorizationTimedOut(AuthorizationFailed):
    pass


class AuthorizationCancelled(AuthorizationFailed):
    user_decision = True
