"""Logging to a rotating, owner-only file, with secrets masked in the formatted text.

Masking happens in the formatter, on the finished line (message, traceback and stack
together), so no log record is ever changed for other handlers. It knows two things:
the names under which secrets travel (as whole words, in key=value, JSON, escaped
JSON, Python reprs, percent-encoded forms and HTTP headers), and the shapes of
Salesforce's own tokens wherever they stand.

When the log folder cannot be written, the log goes to stderr (warnings and worse)
instead of stopping the program.
"""

from __future__ import annotations

import logging
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from navsync_desktop import paths
from navsync_desktop.private_files import private_opener

LOG_FILE_NAME = "navsync-desktop.log"
MASK = "***"
LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_KEYS = (
    r"access_token|refresh_token|id_token|client_secret|code_verifier|password|session_?id"
    r"|sid|code"
)
# A key as a whole word ("errorCode" and "status_code" are not "code"), perhaps quoted or with
# escaped quotes, then = : %3D or %3A and perhaps an opening quote; the value runs to the next
# separator (& , ; whitespace, a quote, a closing bracket, or an encoded & or quote).
_KEY_VALUE = re.compile(
    rf"""(?<![A-Za-z0-9_])((?:{_KEYS})(?:\\?["'])?\s*(?:[=:]|%3[DdAa])\s*(?:\\?["']|%22|%27)?)"""
    r"""(?:(?!%2[67C]|%22)[^\s&,;'"\\)}\]])+""",
    re.IGNORECASE,
)
# Authorization headers in any quoting: "Authorization: Bearer x", {'Authorization': 'OAuth x'};
# and a bare "Bearer <token>"
_AUTHORIZATION = re.compile(
    r"""(authorization(?:\\?["'])?\s*[:=]\s*(?:\\?["'])?\s*(?:(?:bearer|oauth|basic)\s+)?)"""
    r"""[^\s'",}\\]+""",
    re.IGNORECASE,
)
_BEARER = re.compile(r"(\bbearer\s+)[A-Za-z0-9._~+/=!%-]{16,}", re.IGNORECASE)
# Cookie and Set-Cookie headers: every value of the line
_COOKIE = re.compile(r"""((?:set-)?cookie(?:\\?["'])?\s*[:=]\s*(?:\\?["'])?)[^\r\n'"\\]+""", re.I)
# Salesforce's token shapes, wherever they stand: session ids (the org id, "!" or %21, then the
# secret with its "-", "." and "_" pieces), refresh tokens (5Aep...), authorization codes (aPrx...)
_TOKEN_SHAPES = [
    re.compile(r"(00D[A-Za-z0-9]{12,15}(?:!|%21))[A-Za-z0-9._\-%]+"),
    re.compile(r"()5Aep[A-Za-z0-9._\-%]{16,}"),
    re.compile(r"()aPrx[A-Za-z0-9._\-%]{16,}"),
]
_PATTERNS = [_AUTHORIZATION, _BEARER, _COOKIE, _KEY_VALUE, *_TOKEN_SHAPES]


def mask_secrets(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return text


class SecretMaskingFormatter(logging.Formatter):
    """Masks secrets in the whole formatted line; the record itself stays untouched."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_secrets(super().format(record))


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Creates the log file (and each new one after a rotation) owner-only."""

    def _open(self):
        return open(
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=private_opener,
        )


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the application's log to the rotating file and return its path; when the log
    folder cannot be written, log warnings to stderr instead and return None."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "navsync", False):
            root.removeHandler(handler)
            handler.close()
    try:
        target = log_file()
        handler: logging.Handler = _PrivateRotatingFileHandler(
            target, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except (OSError, paths.DataFolderError) as error:
        target, problem = None, error
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
    handler.navsync = True
    handler.setFormatter(SecretMaskingFormatter(LINE_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    if target is None:
        logging.getLogger(__name__).warning(
            "the log file cannot be written (%s); logging to stderr only", problem
        )
    return target
