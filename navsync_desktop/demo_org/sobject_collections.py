"""sObject Collections: create, update and delete up to 200 records in one call.

Each call runs in one store transaction: a record's failure is reported in its own result, and
with ``allOrNone`` it rolls back every record of the call without a trace.
"""

from __future__ import annotations

from collections.abc import Callable

from werkzeug.wrappers import Response

from .errors import ApiError
from .ids import normalize_id
from .store import OrgStore
from .wire import ApiCall, json_response

COLLECTION_LIMIT = 200
RETRIEVE_LIMIT = 2000  # Salesforce reads up to 2,000 records of one type in one call
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


def record_fields(body: object) -> dict:
    """A record's fields from a JSON request body, without its ``attributes``."""
    if not isinstance(body, dict):
        raise ApiError(400, "JSON_PARSER_ERROR", "The request body must be a JSON object")
    return {name: value for name, value in body.items() if name != "attributes"}


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _strings(value: object) -> bool:
    """True for a non-empty list of non-empty strings."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)


def _too_many(what: str) -> ApiError:
    return ApiError(
        400,
        "EXCEEDED_ID_LIMIT",
        f"{what} limit reached. cannot submit more than {COLLECTION_LIMIT} {what}s into this call",
    )


def _typed(record: dict) -> tuple[str, dict]:
    sobject = (record.get("attributes") or {}).get("type")
    if not sobject:
        raise ApiError(400, "INVALID_TYPE", "Must send a concrete entity type.")
    return sobject, record_fields(record)


class SObjectCollections:
    def __init__(self, store: OrgStore):
        self._store = store

    def create(self, call: ApiCall) -> Response:
        def create(record: dict) -> str:
            sobject, fields = _typed(record)
            if fields.get("Id"):
                raise ApiError(400, "INVALID_FIELD", "cannot specify Id in an insert call")
            return self._store.create(sobject, fields, user_id=call.user_id)

        return self._apply(*self._records(call.json_body()), create)

    def update(self, call: ApiCall) -> Response:
        def update(record: dict) -> str:
            sobject, fields = _typed(record)
            record_id = fields.pop("Id", None)
            if not record_id:
                raise ApiError(400, "MISSING_ARGUMENT", "Id not specified in an update call")
            self._store.update(sobject, record_id, fields, user_id=call.user_id)
            return record_id

        return self._apply(*self._records(call.json_body()), update)

    def delete(self, call: ApiCall) -> Response:
        """DELETE ?ids=…&allOrNone=…: the records may be of different types."""
        args = call.request.args
        ids = _split(args.get("ids", ""))
        if not ids:
            raise ApiError(400, "MISSING_ARGUMENT", "ids: required parameter is missing")
        if len(ids) > COLLECTION_LIMIT:
            raise _too_many("id")

        def delete(record_id: str) -> str:
            sobject = self._store.sobject_of_id(record_id)
            try:
                self._store.delete(sobject, record_id, user_id=call.user_id)
            except ApiError as error:
                if error.error_code == "NOT_FOUND":  # the record never existed here
                    raise ApiError(400, "ENTITY_IS_DELETED", "entity is deleted") from None
                raise
            return normalize_id(record_id) or record_id

        all_or_none = args.get("allOrNone", "false").strip().lower() == "true"
        return self._apply(all_or_none, ids, delete)

    def retrieve(self, call: ApiCall, sobject: str) -> Response:
        """GET ?ids=…&fields=… or POST {"ids": […], "fields": […]}: records of one type in the
        order asked, null where a record is not found."""
        if call.request.method == "POST":
            body = call.json_body()
            ids, fields = (
                (body.get("ids"), body.get("fields")) if isinstance(body, dict) else ([], [])
            )
        else:
            ids, fields = (_split(call.request.args.get(name, "")) for name in ("ids", "fields"))
        if not _strings(ids) or not _strings(fields):
            raise ApiError(400, "MISSING_ARGUMENT", "ids and fields: lists of ids and field names")
        if len(ids) > RETRIEVE_LIMIT:
            raise ApiError(
                400, "EXCEEDED_ID_LIMIT", f"cannot retrieve more than {RETRIEVE_LIMIT} records"
            )
        sobject = self._store.canonical_sobject(sobject)  # an unknown type is a 404 of the call
        records = []
        for record_id in ids:
            try:
                record = self._store.get(sobject, record_id, fields)
            except ApiError as error:
                if error.status != 404:
                    raise
                record = None
            else:
                record = call.with_url(record, record_id)
            records.append(record)
        return json_response(records)

    @staticmethod
    def _records(body: object) -> tuple[bool, list[dict]]:
        records = body.get("records") if isinstance(body, dict) else None
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise ApiError(400, "JSON_PARSER_ERROR", "The request needs a list of records")
        if len(records) > COLLECTION_LIMIT:
            raise _too_many("record")
        return bool(body.get("allOrNone", False)), records

    def _apply(self, all_or_none: bool, items: list, apply: Callable[..., str]) -> Response:
        """Apply to each item in one transaction; with allOrNone, one failure rolls back
        every item."""
        try:
            with self._store.transaction():
                results = [_result(apply, item) for item in items]
                if all_or_none and not all(result["success"] for result in results):
                    raise _RolledBack(results)
        except _RolledBack as rolled_back:
            results = [_ROLLED_BACK if r["success"] else r for r in rolled_back.results]
        return json_response(results)


def _result(apply: Callable[..., str], item: object) -> dict:
    """A SaveResult (or DeleteResult) for one item."""
    try:
        record_id = apply(item)
    except ApiError as error:
        failure = {"statusCode": error.error_code, "message": error.message, "fields": error.fields}
        return {"success": False, "errors": [failure]}
    return {"id": record_id, "success": True, "errors": []}
