"""The SOQL parser (lark, LALR) and Salesforce-worded MALFORMED_QUERY errors."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from ..errors import ApiError

_GRAMMAR = Path(__file__).with_name("soql.lark")


@cache
def _parser() -> Lark:
    return Lark(_GRAMMAR.read_text(encoding="utf-8"), start="query", parser="lalr")


def parse(soql: str) -> Tree:
    try:
        return _parser().parse(soql)
    except UnexpectedInput as error:
        raise _malformed(soql, error) from None


def query_error(error_code: str, soql: str, line: int, column: int, text: str) -> ApiError:
    """Salesforce's SOQL error message: the query line, a caret, the position, the reason."""
    lines = soql.splitlines() or [""]
    source = lines[min(line, len(lines)) - 1]
    message = f"\n{source}\n{' ' * (column - 1)}^\nERROR at Row:{line}:Column:{column}\n{text}"
    return ApiError(400, error_code, message)


def token_error(error_code: str, soql: str, token: Token, text: str) -> ApiError:
    return query_error(error_code, soql, token.line or 1, token.column or 1, text)


def _malformed(soql: str, error: UnexpectedInput) -> ApiError:
    if isinstance(error, UnexpectedToken) and error.token.type != "$END":
        text = f"unexpected token: '{error.token}'"
    elif isinstance(error, UnexpectedCharacters):
        text = f"unexpected token: '{_word_at(soql, error.pos_in_stream)}'"
    else:
        return _at_end(soql)
    return query_error("MALFORMED_QUERY", soql, error.line, error.column, text)


def _at_end(soql: str) -> ApiError:
    lines = soql.rstrip().splitlines() or [""]
    return query_error(
        "MALFORMED_QUERY", soql, len(lines), len(lines[-1]) + 1, "unexpected token: <EOF>"
    )


def _word_at(soql: str, position: int) -> str:
    end = position + 1
    while end < len(soql) and not soql[end].isspace() and soql[end] not in ",()":
        end += 1
    return soql[position:end]
