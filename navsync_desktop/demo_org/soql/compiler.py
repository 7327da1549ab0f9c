"""Compiles a parsed SOQL query into parameterised SQLite SQL over the demo org's tables.

Every sObject is a table of the same name, every field a column; parent relationships
(Account.Owner.Email) become LEFT JOINs on the lookup's Id. Literal values always travel as
SQL parameters; only schema-checked identifiers are written into the SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lark import Token, Tree

from ..errors import ApiError
from ..ids import normalize_id
from ..schema import NUMBER_TYPES, STRING_TYPES, FieldDef, SObjectDef
from ..values import format_datetime, parse_datetime
from . import literals
from .parser import parse, token_error

_INVALID_FIELD_HINT = (
    "If you are attempting to use a custom field, be sure to append the '__c' after the custom "
    "field name. Please reference your WSDL or the describe call for the appropriate names."
)
_INVALID_TYPE_HINT = (
    "If you are attempting to use a custom object, be sure to append the '__c' after the entity "
    "name. Please reference your WSDL or the describe call for the appropriate names."
)
_RELATIONSHIP_HINT = (
    "If you are attempting to use a custom relationship, be sure to append the '__r' after the "
    "custom relationship name. Please reference your WSDL or the describe call for the "
    "appropriate names."
)
_TYPE_WORDS = {"boolean": "boolean", "date": "date", "datetime": "dateTime"}
MAX_INTEGER = 2**31 - 1  # LIMIT and OFFSET are Java ints on Salesforce
MAX_OFFSET = 2000
_SQLITE_INTEGER = 2**63 - 1


@dataclass(frozen=True)
class Column:
    """One selected field path and where its value sits in a result row."""

    path: tuple[str, ...]  # canonical relationship names, then the field name
    fdef: FieldDef
    expression: str


@dataclass(frozen=True)
class Join:
    path: tuple[str, ...]  # canonical relationship names from the root object
    alias: str
    sobject: str
    lookup_column: str  # the child's lookup column, e.g. t0."AccountId"
    foreign_key: str  # the lookup field's name, e.g. AccountId

    def sql(self) -> str:
        return (
            f" LEFT JOIN {quote(self.sobject)} AS {self.alias}"
            f' ON {self.alias}."Id" = {self.lookup_column} AND {self.alias}."IsDeleted" = 0'
        )


@dataclass
class CompiledQuery:
    sobject: str
    is_count: bool
    columns: list[Column]
    joins: list[Join]
    from_sql: str  # FROM ... JOIN ... WHERE ... (no ORDER BY / LIMIT)
    params: list
    order_sql: str
    limit: int | None
    offset: int | None

    def select_sql(self, expressions: list[str]) -> tuple[str, list]:
        sql = f"SELECT {', '.join(expressions)} {self.from_sql}{self.order_sql}"
        return self._paged(sql, self.params)

    def count_sql(self) -> tuple[str, list]:
        if self.limit is None and self.offset is None:
            return f"SELECT COUNT(*) {self.from_sql}", list(self.params)
        inner, params = self._paged(f"SELECT 1 {self.from_sql}", self.params)
        return f"SELECT COUNT(*) FROM ({inner})", params  # noqa: S608 - compiled, parameterised

    def _paged(self, sql: str, params: list) -> tuple[str, list]:
        if self.limit is None and self.offset is None:
            return sql, list(params)
        limit = -1 if self.limit is None else self.limit
        return f"{sql} LIMIT ? OFFSET ?", [*params, limit, self.offset or 0]


def compile_query(
    soql: str,
    objects: dict[str, SObjectDef],
    *,
    queryable: set[str],
    include_deleted: bool,
    today: date,
) -> CompiledQuery:
    """Parse and compile `soql`. `objects` is the whole schema (parents may live anywhere in it);
    the FROM object must be one of `queryable`."""
    tree = parse(soql)
    return _Compiler(soql, objects, queryable, today).compile(tree, include_deleted)


def quote(identifier: str) -> str:
    return f'"{identifier}"'


@dataclass
class _Compiler:
    soql: str
    objects: dict[str, SObjectDef]
    queryable: set[str]
    today: date
    joins: dict[tuple[str, ...], Join] = field(default_factory=dict)
    params: list = field(default_factory=list)

    def compile(self, tree: Tree, include_deleted: bool) -> CompiledQuery:
        select, name_token, *clauses = tree.children
        self.root = self._sobject(name_token)
        is_count = select.data == "count_all"
        columns = [] if is_count else self._columns(select)
        parts = {clause.data: clause for clause in clauses}
        conditions = [] if include_deleted else ['t0."IsDeleted" = 0']
        if "where" in parts:
            conditions.append(self._condition(parts["where"].children[0]))
        order_sql = self._order_by(parts["order_by"]) if "order_by" in parts else ""
        from_sql = f"FROM {quote(self.root.name)} AS t0" + "".join(
            join.sql() for join in self.joins.values()
        )
        if conditions:
            from_sql += " WHERE " + " AND ".join(conditions)
        return CompiledQuery(
            sobject=self.root.name,
            is_count=is_count,
            columns=columns,
            joins=list(self.joins.values()),
            from_sql=from_sql,
            params=self.params,
            order_sql=order_sql,
            limit=self._int_clause(parts.get("limit")),
            offset=self._offset(parts.get("offset")),
        )

    # --- FROM and field paths --------------------------------------------------------------

    def _sobject(self, token: Token) -> SObjectDef:
        for name in self.queryable:
            if name.lower() == token.lower():
                return self.objects[name]
        text = f"sObject type '{token}' is not supported. {_INVALID_TYPE_HINT}"
        raise token_error("INVALID_TYPE", self.soql, token, text)

    def _columns(self, field_list: Tree) -> list[Column]:
        columns, seen = [], set()
        for path_tree in field_list.children:
            column = self._field(path_tree)
            key = ".".join(column.path).lower()
            if key in seen:
                first = path_tree.children[0]
                text = f"duplicate field selected: {'.'.join(column.path)}"
                raise token_error("INVALID_FIELD", self.soql, first, text)
            seen.add(key)
            columns.append(column)
        return columns

    def _field(self, path_tree: Tree) -> Column:
        *relationships, field_token = path_tree.children
        obj, alias, names = self.root, "t0", []
        for rel_token in relationships:
            obj, alias, rel_name = self._follow(obj, alias, tuple(names), rel_token)
            names.append(rel_name)
        fdef = obj.field(field_token)
        if fdef is None:
            text = f"No such column '{field_token}' on entity '{obj.name}'. {_INVALID_FIELD_HINT}"
            raise token_error("INVALID_FIELD", self.soql, field_token, text)
        return Column((*names, fdef.name), fdef, f"{alias}.{quote(fdef.name)}")

    def _follow(
        self, obj: SObjectDef, alias: str, path: tuple[str, ...], rel_token: Token
    ) -> tuple[SObjectDef, str, str]:
        lookup = obj.relationship(rel_token)
        if lookup is None or lookup.polymorphic:
            text = (
                f"Didn't understand relationship '{rel_token}' in field path. {_RELATIONSHIP_HINT}"
            )
            raise token_error("INVALID_FIELD", self.soql, rel_token, text)
        assert lookup.relationship_name is not None
        key = (*path, lookup.relationship_name)
        parent = self.objects[lookup.reference_to[0]]
        if key not in self.joins:
            parent_alias = f"t{len(self.joins) + 1}"
            lookup_column = f"{alias}.{quote(lookup.name)}"
            self.joins[key] = Join(key, parent_alias, parent.name, lookup_column, lookup.name)
        return parent, self.joins[key].alias, lookup.relationship_name

    # --- WHERE -------------------------------------------------------------------------------

    def _condition(self, node: Tree) -> str:
        if node.data in ("and_", "or_"):
            joiner = " AND " if node.data == "and_" else " OR "
            return "(" + joiner.join(self._condition(child) for child in node.children) + ")"
        if node.data == "not_":
            return f"NOT ({self._condition(node.children[0])})"
        column = self._field(node.children[0])
        if node.data == "compare":
            return self._compare(column, str(node.children[1]), node.children[2].children[0])
        if node.data == "like":
            return self._like(column, node.children[1].children[0])
        values = [value.children[0] for value in node.children[1].children]
        return self._in(column, values, negate=node.data == "not_in")

    def _compare(self, column: Column, operator: str, token: Token) -> str:
        expression = column.expression
        if token.type == "NULL":
            if operator not in ("=", "!=", "<>"):
                raise token_error("MALFORMED_QUERY", self.soql, token, "unexpected token: 'null'")
            return f"{expression} IS {'NULL' if operator == '=' else 'NOT NULL'}"
        if token.type in ("DATE_LITERAL", "DATE_N_LITERAL"):
            return self._date_range(column, operator, token)
        self._param(column, token)
        if operator in ("!=", "<>"):
            return f"{expression} IS NOT ?"  # SOQL's != also matches null values
        return f"{expression} {operator} ?"

    def _date_range(self, column: Column, operator: str, token: Token) -> str:
        self._check_type(column.fdef, token)
        try:
            start, end = literals.date_range(token, self.today)
        except literals.DateLiteralOutOfRange:
            text = f"Date literal out of the valid range of dates (1700-4000): {token}"
            raise token_error("MALFORMED_QUERY", self.soql, token, text) from None
        bounds = [self._day_value(column.fdef, day) for day in (start, end)]
        expression = column.expression
        if operator in ("!=", "<>"):
            self.params.extend(bounds)
            return f"({expression} IS NULL OR {expression} < ? OR {expression} >= ?)"
        if operator == "=":
            self.params.extend(bounds)
            return f"({expression} >= ? AND {expression} < ?)"
        # x < range: before its start; x <= range: before its end; > and >= mirror that
        bound = bounds[0] if operator in ("<", ">=") else bounds[1]
        self.params.append(bound)
        return f"{expression} {'<' if operator in ('<', '<=') else '>='} ?"

    @staticmethod
    def _day_value(fdef: FieldDef, day: date) -> str:
        return day.isoformat() + ("T00:00:00.000+0000" if fdef.type == "datetime" else "")

    def _like(self, column: Column, token: Token) -> str:
        if column.fdef.type not in STRING_TYPES or token.type != "STRING":
            text = f"invalid operator on field '{column.fdef.name}': LIKE needs a string field"
            raise token_error("INVALID_FIELD", self.soql, token, text)
        self.params.append(self._decode(token, like=True))
        return f"{column.expression} LIKE ? ESCAPE '\\'"

    def _in(self, column: Column, tokens: list[Token], *, negate: bool) -> str:
        has_null = any(token.type == "NULL" for token in tokens)
        marks = []
        for token in tokens:
            if token.type != "NULL":
                self._param(column, token)
                marks.append("?")
        expression = column.expression
        membership = f"{expression} {'NOT IN' if negate else 'IN'} ({', '.join(marks)})"
        if not marks:
            membership = "0" if not negate else "1"
        if negate:
            null_part = "IS NOT NULL" if has_null else "IS NULL"
            joiner = " AND " if has_null else " OR "
            return f"({expression} {null_part}{joiner}{membership})"
        return f"({membership} OR {expression} IS NULL)" if has_null else membership

    def _param(self, column: Column, token: Token) -> None:
        """Type-check `token` against the column, append its SQL value to the parameters."""
        self._check_type(column.fdef, token)
        self.params.append(self._sql_value(column.fdef, token))

    def _check_type(self, fdef: FieldDef, token: Token) -> None:
        accepted = {
            "boolean": ("TRUE", "FALSE"),
            "date": ("DATE", "DATE_LITERAL", "DATE_N_LITERAL"),
            "datetime": ("DATETIME", "DATE_LITERAL", "DATE_N_LITERAL"),
        }.get(fdef.type, ("NUMBER",) if fdef.type in NUMBER_TYPES else ("STRING",))
        if token.type in accepted:
            return
        word = _TYPE_WORDS.get(fdef.type, "double" if fdef.type in NUMBER_TYPES else "string")
        quoted = "should" if accepted == ("STRING",) else "should not"
        text = (
            f"value of filter criterion for field '{fdef.name}' must be of type {word} "
            f"and {quoted} be enclosed in quotes"
        )
        raise token_error("INVALID_FIELD", self.soql, token, text)

    def _sql_value(self, fdef: FieldDef, token: Token) -> object:
        if token.type in ("TRUE", "FALSE"):
            return int(token.type == "TRUE")
        if token.type == "NUMBER":
            if "." in token:
                return float(token)
            number = int(token)
            return number if abs(number) <= _SQLITE_INTEGER else float(number)
        if token.type == "DATETIME":
            moment = parse_datetime(token)
            if moment is None:
                raise token_error(
                    "MALFORMED_QUERY", self.soql, token, f"unexpected token: '{token}'"
                )
            return format_datetime(moment)
        if token.type == "DATE":
            return str(token)
        text = self._decode(token)
        if fdef.type in ("id", "reference"):
            normalized = normalize_id(text)
            if normalized is None:
                raise token_error(
                    "INVALID_QUERY_FILTER_OPERATOR", self.soql, token, f"invalid ID field: {text}"
                )
            return normalized
        return text

    def _decode(self, token: Token, *, like: bool = False) -> str:
        try:
            return literals.decode_string(token, like=like)
        except literals.BadEscape as error:
            text = (
                f"Invalid string literal {token}. Illegal character sequence '{error}' "
                f"in string literal."
            )
            raise token_error("MALFORMED_QUERY", self.soql, token, text) from None

    # --- ORDER BY, LIMIT, OFFSET -------------------------------------------------------------

    def _order_by(self, node: Tree) -> str:
        items = []
        for item in node.children:
            path_tree, *modifiers = item.children
            column = self._field(path_tree)
            if column.fdef.type == "textarea":
                text = f"field '{column.fdef.name}' can not be sorted in a query call"
                raise token_error("INVALID_FIELD", self.soql, path_tree.children[0], text)
            direction = "ASC"
            nulls = None
            for modifier in modifiers:
                if isinstance(modifier, Token):
                    direction = modifier.upper()
                else:
                    nulls = modifier.children[0].upper()
            nulls = nulls or ("FIRST" if direction == "ASC" else "LAST")
            items.append(f"{column.expression} {direction} NULLS {nulls}")
        return " ORDER BY " + ", ".join(items)

    def _int_clause(self, node: Tree | None) -> int | None:
        if node is None:
            return None
        token = node.children[0]
        if int(token) > MAX_INTEGER:
            raise token_error("MALFORMED_QUERY", self.soql, token, f"number too large: {token}")
        return int(token)

    def _offset(self, node: Tree | None) -> int | None:
        offset = self._int_clause(node)
        if offset is not None and offset > MAX_OFFSET:
            raise ApiError(
                400, "NUMBER_OUTSIDE_VALID_RANGE", f"Maximum SOQL offset allowed is {MAX_OFFSET}"
            )
        return offset
