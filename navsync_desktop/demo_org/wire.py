"""What every API handler shares: the admitted call and Salesforce-shaped JSON responses."""

from __future__ import annotations

import json
from dataclasses import dataclass

from werkzeug.wrappers import Request, Response

from .errors import ApiError

JSON_TYPE = "application/json;charset=UTF-8"


@dataclass(frozen=True)
class ApiCall:
    """An authenticated API request: who calls, and at which API version."""

    request: Request
    version: str
    user_id: str

    @property
    def data_path(self) -> str:
        return f"/services/data/v{self.version}"

    def json_body(self) -> object:
        try:
            return json.loads(self.request.get_data(as_text=True))
        except ValueError as error:
            raise ApiError(
                400, "JSON_PARSER_ERROR", f"Malformed JSON in request body: {error}"
            ) from None


def json_response(body: object, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, content_type=JSON_TYPE)


def error_response(error: ApiError) -> Response:
    return json_response(error.to_body(), error.status)


def add_urls(record: dict, sobjects_path: str) -> dict:
    """Fill in ``attributes.url`` on a record and its nested parents, as Salesforce does.

    ``sobjects_path`` is e.g. ``/services/data/v60.0/sobjects`` (or its tooling twin).
    """
    attributes = record.get("attributes")
    if attributes is not None and record.get("Id"):
        attributes["url"] = f"{sobjects_path}/{attributes['type']}/{record['Id']}"
    for value in record.values():
        if isinstance(value, dict) and "attributes" in value:
            add_urls(value, sobjects_path)
    return record
