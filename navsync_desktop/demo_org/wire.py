"""What every API handler shares: the admitted call and Salesforce-shaped JSON responses."""

from __future__ import annotations

import json
from dataclasses import dataclass

from werkzeug.wrappers import Request, Response

from .errors import ApiError
from .ids import normalize_id

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

    def with_url(self, record: dict, record_id: str) -> dict:
        """A record read by id, with ``attributes.url`` filled in as Salesforce does."""
        attributes = record["attributes"]
        canonical = normalize_id(record_id) or record_id
        attributes["url"] = f"{self.data_path}/sobjects/{attributes['type']}/{canonical}"
        return record

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


def identity_url(request: Request, org_id: str, user_id: str) -> str:
    """The identity URL of a user: absolute, on the host the client called."""
    return f"{request.host_url}id/{org_id}/{user_id}"
