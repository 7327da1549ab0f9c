"""``query?q=…&columns=true``: the columns of a SOQL query, as Salesforce describes them.

The Salesforce CLI asks for this after every query that returns rows, to lay out its table.
Salesforce answers with the query's columns instead of its rows: each selected field with its
Apex type, and each parent relationship (``Account.Name``) as one column named after the
relationship, with the parent's fields nested in ``joinColumns``.
"""

from __future__ import annotations

from .schema import NUMBER_TYPES, STRING_TYPES, FieldDef, SObjectDef
from .soql import CompiledQuery

_APEX_TYPES = {
    "id": "Id",
    "reference": "Id",
    "boolean": "Boolean",
    "int": "Integer",
    "double": "Double",
    "currency": "Decimal",
    "percent": "Decimal",
    "date": "Date",
    "datetime": "Datetime",
    "base64": "Blob",
}


def query_columns(compiled: CompiledQuery, sobject: SObjectDef) -> dict:
    """The ``columns=true`` answer for a compiled query whose FROM object is ``sobject``."""
    top: list[dict] = []
    relationships: dict[tuple[str, ...], dict] = {}
    foreign_keys = {join.path: join.foreign_key for join in compiled.joins}
    for column in compiled.columns:
        siblings = top
        for depth in range(1, len(column.path)):
            path = column.path[:depth]
            if path not in relationships:
                relationships[path] = _relationship_column(path[-1], foreign_keys[path])
                siblings.append(relationships[path])
            siblings = relationships[path]["joinColumns"]
        siblings.append(_field_column(column.fdef))
    return {
        "columnMetadata": top,
        "entityName": sobject.name,
        "groupBy": False,  # the demo org's SOQL has no GROUP BY
        "idSelected": any(column.path == ("Id",) for column in compiled.columns),
        "keyPrefix": sobject.key_prefix,
    }


def _column(name: str, **values: object) -> dict:
    column = {
        "aggregate": False,
        "apexType": None,
        "booleanType": False,
        "columnName": name,
        "custom": False,
        "displayName": name,
        "foreignKeyName": None,
        "insertable": False,
        "joinColumns": [],
        "numberType": False,
        "textType": False,
        "updatable": False,
    }
    column.update(values)
    return column


def _field_column(fdef: FieldDef) -> dict:
    return _column(
        fdef.name,
        apexType=_APEX_TYPES.get(fdef.type, "String"),
        booleanType=fdef.type == "boolean",
        custom=fdef.custom,
        insertable=fdef.createable,
        numberType=fdef.type in NUMBER_TYPES,
        textType=fdef.type in STRING_TYPES and fdef.type not in ("id", "reference"),
        updatable=fdef.updateable,
    )


def _relationship_column(relationship: str, foreign_key: str) -> dict:
    return _column(relationship, foreignKeyName=foreign_key)
