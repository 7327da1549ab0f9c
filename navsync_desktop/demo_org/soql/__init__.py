"""SOQL for the demo org: a lark grammar (soql.lark), its parser, and a compiler to SQLite SQL."""

from .compiler import Column, CompiledQuery, compile_query

__all__ = ["Column", "CompiledQuery", "compile_query"]
