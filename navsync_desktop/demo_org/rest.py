"""REST API handlers: versions, describe, records, SOQL query paging, collections, limits, tooling.

Handlers take an admitted ``ApiCall`` (the server has already checked the session, the org's API
access and the daily limit) and return werkzeug responses; data errors arrive as ``ApiError``.
"""

from __future__ import annotations

from collections.abc import Callable

from werkzeug.wrappers import Request, Response

from .errors import ApiError
from .paging import DEFAULT_PAGE_SIZE, MIN_PAGE_SIZE, Page, QueryPager
from .store import OrgStore, QueryCursor
from .wire import ApiCall, add_urls, json_response

# (version, release label), oldest first, as GET /services/data/ lists them.
API_VERSIONS = (
    ("55.0", "Summer '22"),
    ("56.0", "Winter '23"),
    ("57.0", "Spring '23"),
    ("58.0", "Summer '23"),
    ("59.0", "Winter '24"),
    ("60.0", "Spring '24"),
    ("61.0", "Summer '24"),
    ("62.0", "Winter '25"),
)
SUPPORTED_VERSIONS = frozenset(version for version, _ in API_VERSIONS)
COLLECTION_LIMIT = 200
_ROLLED_BACK = {
    "success": False,
    "errors": [
        {
            "statusCode": "ALL_OR_NONE_OPERATION_ROLLED_BACK",
            "message": "Record rolled back because not all records were valid and the request "
            "was using AllOrNone header",
            "fields": [],
        }
    ],
}


class _RolledBack(Exception):
    """Ends an allOrNone collection's transaction when a record failed."""

    def __init__(self, results: list[dict]) -> None:
        super().__init__("allOrNone collection rolled back")
        self.results = results


def versions(_request: Request) -> Response:
    """GET /services/data/: public, as on Salesforce."""
    return json_response(
        [
            {"label": label, "url": f"/services/data/v{version}", "version": version}
            for version, label in API_VERSIONS
        ]
    )


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

    # metadata

    def resources(self, call: ApiCall) -> Response:
        names = ("sobjects", "query", "queryAll", "limits", "composite", "tooling", "jobs")
        return json_response({name: f"{call.data_path}/{name}" for name in names})

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
        fields = self._record_fields(call.json_body())
        record_id = self._store.create(sobject, fields, user_id=call.user_id)
        return json_response({"id": record_id, "success": True, "errors": []}, 201)

    def get_record(self, call: ApiCall, sobject: str, record_id: str) -> Response:
        wanted = call.request.args.get("fields")
        fields = [name.strip() for name in wanted.split(",") if name.strip()] if wanted else None
        record = self._store.get(sobject, record_id, fields)
        return json_response(add_urls(record, f"{call.data_path}/sobjects"))

    def update_record(self, call: ApiCall, sobject: str, record_id: str) -> Response:
        fields = self._record_fields(call.json_body())
        self._store.update(sobject, record_id, fields, user_id=call.user_id)
        return Response(status=204)

    def delete_record(self, call: ApiCall, sobject: str, record_id: str) -> Response:
        self._store.delete(sobject, record_id, user_id=call.user_id)
        return Response(status=204)

    @staticmethod
    def _record_fields(body: object) -> dict:
        if not isinstance(body, dict):
            raise ApiError(400, "JSON_PARSER_ERROR", "The request body must be a JSON object")
        return {name: value for name, value in body.items() if name != "attributes"}

    # sObject Collections

    def create_collection(self, call: ApiCall) -> Response:
        def create(sobject: str, fields: dict) -> str:
            if fields.get("Id"):
                raise ApiError(400, "INVALID_FIELD", "cannot specify Id in an insert call")
            return self._store.create(sobject, fields, user_id=call.user_id)

        return self._collection(call, create)

    def update_collection(self, call: ApiCall) -> Response:
        def update(sobject: str, fields: dict) -> str:
            record_id = fields.pop("Id", None)
            if not record_id:
                raise ApiError(400, "MISSING_ARGUMENT", "Id not specified in an update call")
            self._store.update(sobject, record_id, fields, user_id=call.user_id)
            return record_id

        return self._collection(call, update)

    def _collection(self, call: ApiCall, apply: Callable[[str, dict], str]) -> Response:
        """Apply to each record in one transaction; with allOrNone, one failure rolls
        back every record."""
        all_or_none, records = self._collection_body(call.json_body())
        try:
            with self._store.transaction():
                results = [self._apply_one(apply, record) for record in records]
                if all_or_none and not all(result["success"] for result in results):
                    raise _RolledBack(results)
        except _RolledBack as rolled_back:
            results = [_ROLLED_BACK if r["success"] else r for r in rolled_back.results]
        return json_response(results)

    @staticmethod
    def _collection_body(body: object) -> tuple[bool, list[dict]]:
        records = body.get("records") if isinstance(body, dict) else None
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise ApiError(400, "JSON_PARSER_ERROR", "The request needs a list of records")
        if len(records) > COLLECTION_LIMIT:
            raise ApiError(
                400,
                "EXCEEDED_ID_LIMIT",
                f"record limit reached. cannot submit more than {COLLECTION_LIMIT} records "
                "into this call",
            )
        return bool(body.get("allOrNone", False)), records

    @staticmethod
    def _apply_one(apply: Callable[[str, dict], str], record: dict) -> dict:
        sobject = (record.get("attributes") or {}).get("type")
        try:
            if not sobject:
                raise ApiError(400, "INVALID_TYPE", "Must send a concrete entity type.")
            record_id = apply(sobject, RestApi._record_fields(record))
        except ApiError as error:
            failure = {
                "statusCode": error.error_code,
                "message": error.message,
                "fields": error.fields,
            }
            return {"success": False, "errors": [failure]}
        return {"id": record_id, "success": True, "errors": []}

    # SOQL

    def query(self, call: ApiCall) -> Response:
        cursor = self._store.query(_soql(call.request))
        return self._first_page(call, cursor, "query")

    def query_all(self, call: ApiCall) -> Response:
        cursor = self._store.query(_soql(call.request), include_deleted=True)
        return self._first_page(call, cursor, "query")

    def tooling_query(self, call: ApiCall) -> Response:
        cursor = self._store.tooling_query(_soql(call.request))
        return self._first_page(call, cursor, "tooling/query")

    def query_more(self, call: ApiCall, locator: str) -> Response:
        return self._page_response(call, self._pager.next_page(locator), "query")

    def tooling_query_more(self, call: ApiCall, locator: str) -> Response:
        return self._page_response(call, self._pager.next_page(locator), "tooling/query")

    def _first_page(self, call: ApiCall, cursor: QueryCursor, resource: str) -> Response:
        if cursor.is_count:
            cursor.close()
            return json_response({"totalSize": cursor.total_size, "done": True, "records": []})
        page = self._pager.first_page(cursor, _page_size(call.request))
        return self._page_response(call, page, resource)

    @staticmethod
    def _page_response(call: ApiCall, page: Page, resource: str) -> Response:
        sobjects = (
            f"{call.data_path}/{'tooling/' if resource.startswith('tooling') else ''}sobjects"
        )
        body = {
            "totalSize": page.total_size,
            "done": page.next_locator is None,
            "records": [add_urls(record, sobjects) for record in page.records],
        }
        if page.next_locator is not None:
            body["nextRecordsUrl"] = f"{call.data_path}/{resource}/{page.next_locator}"
        return json_response(body)
