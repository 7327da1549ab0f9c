"""The pages behind the browser login: the home page and record pages
(``/lightning/r/<Object>/<Id>/view``), in the browser's language. A browser without a session is
sent to the login and comes back afterwards."""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from .browser_sessions import BrowserAuth, page_response
from .page_format import PageFormat, time_zone
from .page_language import page_language
from .pages import home_page, not_found_page, record_page
from .record_data import RecordNotFound, RecordReader
from .store import OrgStore


class RecordPages:
    def __init__(self, store: OrgStore, auth: BrowserAuth):
        self._store = store
        self._auth = auth
        self._reader = RecordReader(store)

    def home(self, request: Request) -> Response:
        user = self._auth.user(request)
        if user is None:
            return self._auth.to_login(request)
        page = home_page(
            user=user,
            organization=self._store.organization(),
            scenario=self._store.scenario,
            recent=self._reader.recent(),
            fmt=self._format(request, user),
        )
        return page_response(page)

    def view(self, request: Request, sobject: str, record_id: str) -> Response:
        user = self._auth.user(request)
        if user is None:
            return self._auth.to_login(request)
        fmt = self._format(request, user)
        try:
            view = self._reader.view(sobject, record_id)
        except RecordNotFound:
            return page_response(not_found_page(fmt.language), 404)
        organization = self._store.organization()
        return page_response(record_page(view, user=user, organization=organization, fmt=fmt))

    def not_found(self, request: Request, **_path: str) -> Response:
        """Any other page under /lightning/: after the login, the same 404 as a missing record."""
        user = self._auth.user(request)
        if user is None:
            return self._auth.to_login(request)
        return page_response(not_found_page(page_language(request)), 404)

    def _format(self, request: Request, user: dict) -> PageFormat:
        """Dates in the browser's language and the user's time zone, amounts in the org's
        currency."""
        return PageFormat(
            page_language(request),
            time_zone(user.get("TimeZoneSidKey")),
            self._store.organization().get("DefaultCurrencyIsoCode") or "EUR",
        )
