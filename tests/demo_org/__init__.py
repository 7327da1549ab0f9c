"""Tests of the embedded demo org (a package so tests can share conftest helpers)."""
