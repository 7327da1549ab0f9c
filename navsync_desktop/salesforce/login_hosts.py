"""Which Salesforce login URLs the program accepts.

Production (https://login.salesforce.com) and My Domain URLs
(https://<name>.my.salesforce.com) are accepted. Sandboxes are refused, as the
admin guide says: sandbox installations are not supported. The demo org's
loopback address is accepted only in demo mode.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from navsync_desktop.i18n import QT_TRANSLATE_NOOP
from navsync_desktop.salesforce.errors import LoginHostRefused

PRODUCTION_LOGIN_URL = "https://login.salesforce.com"
MY_DOMAIN_SUFFIX = ".my.salesforce.com"
SANDBOX_HOSTS = ("test.salesforce.com",)
SANDBOX_MY_DOMAIN_SUFFIX = ".sandbox.my.salesforce.com"
DEMO_HOST = "127.0.0.1"

_EXPECTED = QT_TRANSLATE_NOOP(
    "Salesforce",
    "Use https://login.salesforce.com or your My Domain URL (https://<name>.my.salesforce.com).",
)


def _refused(url: str, reason) -> LoginHostRefused:
    return LoginHostRefused(
        QT_TRANSLATE_NOOP("Salesforce", "{url} cannot be used to log in: {reason}").format(
            url=url, reason=reason
        )
    )


def _is_sandbox(host: str) -> bool:
    # Legacy sandbox My Domains look like "<domain>--<sandbox>.my.salesforce.com".
    return (
        host in SANDBOX_HOSTS
        or host.endswith(SANDBOX_MY_DOMAIN_SUFFIX)
        or (host.endswith(MY_DOMAIN_SUFFIX) and "--" in host)
    )


def check_login_url(url: str, *, demo: bool = False) -> str:
    """The login URL in its canonical form (``https://host[:port]``), or LoginHostRefused."""
    candidate = url.strip().rstrip("/")
    if "://" not in candidate:
        candidate = "https://" + candidate
    try:
        parts = urlsplit(candidate)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        raise _refused(url, _EXPECTED) from None
    if parts.scheme != "https":
        raise _refused(url, QT_TRANSLATE_NOOP("Salesforce", "the login must use https:// (TLS)."))
    if parts.path or parts.query or parts.fragment or parts.username:
        raise _refused(url, _EXPECTED)
    if _is_sandbox(host):
        raise _refused(
            url, QT_TRANSLATE_NOOP("Salesforce", "Sandbox installations are not supported.")
        )
    if host == DEMO_HOST and demo:
        return f"https://{host}:{port}" if port else f"https://{host}"
    if port not in (None, 443):
        raise _refused(url, _EXPECTED)
    if host == "login.salesforce.com" or (
        host.endswith(MY_DOMAIN_SUFFIX) and len(host) > len(MY_DOMAIN_SUFFIX)
    ):
        return f"https://{host}"
    raise _refused(url, _EXPECTED)
