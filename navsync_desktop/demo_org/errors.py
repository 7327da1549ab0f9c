"""Salesforce-shaped errors raised by the demo org's data layer and turned into responses."""

from __future__ import annotations

NOT_FOUND_MESSAGE = "The requested resource does not exist"


class ApiError(Exception):
    """An error the server answers with status `status` and the JSON-list body of `to_body`."""

    def __init__(self, status: int, error_code: str, message: str, fields: list[str] | None = None):
        super().__init__(f"{error_code}: {message}")
        self.status = status
        self.error_code = error_code
        self.message = message
        self.fields = list(fields or [])

    def to_body(self) -> list[dict]:
        return [{"message": self.message, "errorCode": self.error_code, "fields": self.fields}]


def not_found() -> ApiError:
    return ApiError(404, "NOT_FOUND", NOT_FOUND_MESSAGE)
