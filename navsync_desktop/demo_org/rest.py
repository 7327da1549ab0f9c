"""REST API handlers: the resource list, describe, records, SOQL query paging, limits, tooling.

Handlers take an admitted ``ApiCall`` (the server has already checked the session, the org's API
access and the daily limit) and return werkzeug responses; data errors arrive as ``ApiError``.
"""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from .columns import query_columns
from .errors import ApiError
from .paging import DEFAULT_PAGE_SIZE, MIN_PAGE_SIZE, Page, QueryPager
from .sobject_collections import COLLECTION_LIMIT, record_fields
from .store import OrgStore, QueryCursor
from .wire import ApiCall, identity_url, json_response

_RESOURCES = ("sobjects", "query", "queryAll", "limits", "composite", "tooling", "jobs")


def _page_size(request: Request) -> int:
    """Honour ``Sforce-Query-Options: batchSize=N`` (200..2000), as Salesforce does."""
    options = request.headers.get("Sforce-Query-Options", "")
    for option in options.split(","):
        name, _, value = option.strip().partition("=")
        if name == "batchSize" and value.isdigit():
            return max(MIN_PAGE_SIZE, min(DEFAULT_PAGE_SIZE, int(value)))
    return DEFAULT_PAGE_SIZE


def _soql(request: Request) -> str:
    soql = request.args.get("q", "").strip()
    if not soql:
        raise ApiError(400, "MALFORMED_QUERY", "A query string has to be specified")
    return soql


class RestApi:
    def __init__(self, store: OrgStore, pager: QueryPager):
        self._store = store
        self._pager = pager
        self._org_id = store.organization()["Id"]

    # metadata

    def resources(self, call: ApiCall) -> Response:
        """The version's resources; ``identity`` is the caller's absolute identity URL."""
        listed = {name: f"{call.data_path}/{name}" for name in _RESOURCES}
        listed["identity"] = identity_url(call.request, self._org_id, call.user_id)
        return json_response(listed)

    def describe_global(self, call: ApiCall) -> Response:
        return json_response(
            {
                "encoding": "UTF-8",
                "maxBatchSize": COLLECTION_LIMIT,
                "sobjects": [
                    self._with_urls(call, entry) for entry in self._store.describe_global()
                ],
            }
        )

    def sobject_info(self, call: ApiCall, sobject: str) -> Response:
        name = self._store.canonical_sobject(sobject)
        entry = next(e for e in self._store.describe_global() if e["name"] == name)
        return json_response({"objectDescribe": self._with_urls(call, entry), "recentItems": []})

    def describe(self, call: ApiCall, sobject: str) -> Response:
        return json_response(self._with_urls(call, self._store.describe(sobject)))

    @staticmethod
    def _with_urls(call: ApiCall, entry: dict) -> dict:
        base = f"{call.data_path}/sobjects/{entry['name']}"
        urls = {"sobject": base, "describe": f"{base}/describe", "rowTemplate": f"{base}/{{ID}}"}
        return {**entry, "urls": urls}

    def limits(self, _call: ApiCall) -> Response:
        return json_response(self._store.limits())

    # records

    def create(self, call: ApiCall, sobject: str) -> Response:
        fields = record_fields(call.json_body())
        record_id = self._store.create(sobject, fields, user_id=call.user_id)
        return json_response({"id": record_id, "success": True, "errors": []}, 201)

    def get_record(self, call: ApiCall, sobject: str, record_id: str) -> Response:
        wanted = call.request.args.get("fields")
        fields = [name.strip() for name in wanted.split(",") if name.strip()] if wanted else None
        return json_response(call.with_url(self._store.get(sobject, record_id, fields), record_id))

    def update_record(self, call: ApiCall, sobject: str, record_id: str) -> Response:
        fields = record_fields(call.json_body())
        self._store.update(sobject, record_id, fields, user_id=call.user_id)
        return Response(status=204)

    def delete_record(self, call: ApiCall, sobject: str, record_id: str) -> Response:
        self._store.delete(sobject, record_id, user_id=call.user_id)
        return Response(status=204)

    # SOQL

    def query(self, call: ApiCall) -> Response:
        return self._query(call, "query", include_deleted=False)

    def query_all(self, call: ApiCall) -> Response:
        return self._query(call, "query", include_deleted=True)

    def tooling_query(self, call: ApiCall) -> Response:
        return self._query(call, "tooling/query", tooling=True)

    def query_more(self, call: ApiCall, locator: str) -> Response:
        return self._page_response(call, self._pager.next_page(locator), "query")

    def tooling_query_more(self, call: ApiCall, locator: str) -> Response:
        return self._page_response(call, self._pager.next_page(locator), "tooling/query")

    def _query(
        self, call: ApiCall, resource: str, *, include_deleted: bool = False, tooling: bool = False
    ) -> Response:
        soql = _soql(call.request)
        if call.request.args.get("columns", "").lower() == "true":
            # the query's columns instead of its rows (the Salesforce CLI lays out its table)
            compiled = self._store.compile(soql, include_deleted=include_deleted, tooling=tooling)
            return json_response(query_columns(compiled, self._store.schema[compiled.sobject]))
        if tooling:
            cursor = self._store.tooling_query(soql)
        else:
            cursor = self._store.query(soql, include_deleted=include_deleted)
        return self._first_page(call, cursor, resource)

    def _first_page(self, call: ApiCall, cursor: QueryCursor, resource: str) -> Response:
        if cursor.is_count:
            cursor.close()
            return json_response({"totalSize": cursor.total_size, "done": True, "records": []})
        sobjects = (
            f"{call.data_path}/{'tooling/' if resource.startswith('tooling') else ''}sobjects"
        )
        page = self._pager.first_page(cursor, _page_size(call.request), sobjects)
        return self._page_response(call, page, resource)

    @staticmethod
    def _page_response(call: ApiCall, page: Page, resource: str) -> Response:
        body = {
            "totalSize": page.total_size,
            "done": page.next_locator is None,
            "records": page.records,
        }
        if page.next_locator is not None:
            body["nextRecordsUrl"] = f"{call.data_path}/{resource}/{page.next_locator}"
        return json_response(body)
