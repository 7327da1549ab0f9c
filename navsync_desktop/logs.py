"""Logging to a rotating file, with secrets masked before anything is written."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from navsync_desktop import paths

LOG_FILE_NAME = "navsync-desktop.log"
MASK = "***"

# Each pattern keeps its first group (the label) and masks the rest.
_SECRET_PATTERNS = [
    # Authorization headers in any quoting: "Authorization: Bearer x", {'Authorization': 'OAuth x'}
    re.compile(r"(authorization['\"]?\s*[:=]\s*['\"]?(?:bearer|oauth|basic)?\s*)[^\s'\",}]+", re.I),
    # token-ish keys in query strings, form bodies, JSON and reprs
    re.compile(
        r"((?:access_token|refresh_token|id_token|session_id|sessionid|client_secret|code_verifier"
        r"|password|code)['\"]?\s*[:=]\s*['\"]?)[^\s&'\",}]+",
        re.I,
    ),
    # Salesforce session ids: the 15-char org id, "!", then the opaque part
    re.compile(r"(00D[A-Za-z0-9]{12,15}!)[A-Za-z0-9._]+"),
]


def mask_secrets(text: str) -> str:
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return text


class SecretMaskingFilter(logging.Filter):
    """Rewrites a record's message and traceback text with secrets masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_secrets(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_secrets(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_secrets(record.stack_info)
        return True


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the application's log to the rotating file; returns its path."""
    target = log_file()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "navsync", False):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(target, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.navsync = True
    handler.addFilter(SecretMaskingFilter())
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(level)
    return target
