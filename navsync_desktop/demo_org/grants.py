"""OAuth grants of the demo org: authorization codes, access tokens and refresh tokens.

Tokens live in the org's own SQLite file (tables prefixed ``oauth_``, own connection), so a
refresh token the app stored keeps working across server restarts until the org is reset.
Only SHA-256 digests of tokens are stored, as a real authorization server would.
Authorization codes are short-lived and single-use, so they stay in memory.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

CODE_LIFETIME = 15 * 60.0  # Salesforce: authorization codes are valid for 15 minutes

_SCHEMA = """
CREATE TABLE IF NOT EXISTS oauth_secret (key BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS oauth_refresh_token (
    digest TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    issued_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS oauth_access_token (
    digest TEXT PRIMARY KEY,
    refresh_digest TEXT,
    user_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS oauth_access_by_refresh ON oauth_access_token (refresh_digest);
"""


class GrantError(Exception):
    """An OAuth error in Salesforce's words: ``error`` code and ``error_description``."""

    def __init__(self, error: str, description: str):
        super().__init__(f"{error}: {description}")
        self.error = error
        self.description = description


@dataclass(frozen=True)
class AuthorizationCode:
    user_id: str
    client_id: str
    redirect_uri: str
    code_challenge: str
    scope: str
    expires_at: float


@dataclass(frozen=True)
class AccessGrant:
    """What a valid access token stands for."""

    user_id: str
    scope: str


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    refresh_token: str | None
    user_id: str
    scope: str
    issued_at_ms: int


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def s256_challenge(verifier: str) -> str:
    """The PKCE S256 code challenge of a verifier (RFC 7636)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class GrantStore:
    def __init__(self, db_path: Path, *, org_id: str, access_token_lifetime: float):
        self._org_id = org_id
        self._lifetime = access_token_lifetime
        self._lock = threading.Lock()
        self._codes: dict[str, AuthorizationCode] = {}
        self._db = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout = 5000")
        self._db.executescript(_SCHEMA)
        self._signing_key = self._load_signing_key()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def clear(self) -> None:
        """Forget every grant: used when the org is reset."""
        with self._lock:
            self._codes.clear()
            self._db.execute("DELETE FROM oauth_access_token")
            self._db.execute("DELETE FROM oauth_refresh_token")

    def _load_signing_key(self) -> bytes:
        row = self._db.execute("SELECT key FROM oauth_secret").fetchone()
        if row:
            return row[0]
        key = secrets.token_bytes(32)
        self._db.execute("INSERT INTO oauth_secret (key) VALUES (?)", (key,))
        return key

    def sign(self, identity_url: str, issued_at_ms: int) -> str:
        """Salesforce's ``signature``: base64 HMAC-SHA256 of the identity URL + issued_at."""
        message = f"{identity_url}{issued_at_ms}".encode()
        return base64.b64encode(hmac.new(self._signing_key, message, "sha256").digest()).decode()

    # authorization codes

    def new_code(self, grant: AuthorizationCode) -> str:
        code = "aPrx" + secrets.token_urlsafe(48)
        with self._lock:
            now = time.time()
            self._codes = {c: g for c, g in self._codes.items() if g.expires_at > now}
            self._codes[code] = grant
        return code

    def redeem_code(
        self, code: str, *, client_id: str, redirect_uri: str, verifier: str
    ) -> IssuedTokens:
        """Exchange a code for tokens; a code works once, whatever the outcome."""
        with self._lock:
            grant = self._codes.pop(code, None)
        if grant is None:
            raise GrantError("invalid_grant", "invalid authorization code")
        if grant.expires_at < time.time():
            raise GrantError("invalid_grant", "expired authorization code")
        if client_id != grant.client_id:
            raise GrantError("invalid_client_id", "client identifier invalid")
        if redirect_uri != grant.redirect_uri:
            raise GrantError("redirect_uri_mismatch", "redirect_uri must match configuration")
        if not verifier or not hmac.compare_digest(s256_challenge(verifier), grant.code_challenge):
            raise GrantError("invalid_grant", "invalid code verifier")
        return self._issue(grant.user_id, client_id, grant.scope, with_refresh=True)

    # tokens

    def refresh(self, refresh_token: str, *, client_id: str) -> IssuedTokens:
        digest = _digest(refresh_token)
        with self._lock:
            row = self._db.execute(
                "SELECT user_id, client_id, scope FROM oauth_refresh_token WHERE digest = ?",
                (digest,),
            ).fetchone()
        if row is None:
            raise GrantError("invalid_grant", "expired access/refresh token")
        user_id, owner_client, scope = row
        if client_id != owner_client:
            raise GrantError("invalid_client_id", "client identifier invalid")
        return self._issue(user_id, client_id, scope, with_refresh=False, refresh_digest=digest)

    def _issue(
        self,
        user_id: str,
        client_id: str,
        scope: str,
        *,
        with_refresh: bool,
        refresh_digest: str | None = None,
    ) -> IssuedTokens:
        now = time.time()
        access = f"{self._org_id}!AQ{secrets.token_urlsafe(72)}"
        refresh = None
        if with_refresh and {"refresh_token", "offline_access"} & set(scope.split()):
            refresh = "5Aep" + secrets.token_urlsafe(64)
            refresh_digest = _digest(refresh)
        with self._lock:
            self._db.execute("DELETE FROM oauth_access_token WHERE expires_at < ?", (now,))
            if refresh:
                self._db.execute(
                    "INSERT INTO oauth_refresh_token VALUES (?, ?, ?, ?, ?)",
                    (refresh_digest, user_id, client_id, scope, now),
                )
            self._db.execute(
                "INSERT INTO oauth_access_token VALUES (?, ?, ?, ?, ?)",
                (_digest(access), refresh_digest, user_id, scope, now + self._lifetime),
            )
        return IssuedTokens(access, refresh, user_id, scope, int(now * 1000))

    def access_grant(self, access_token: str) -> AccessGrant | None:
        """The grant behind a live access token, or None when unknown, revoked or expired."""
        with self._lock:
            row = self._db.execute(
                "SELECT user_id, scope, expires_at FROM oauth_access_token WHERE digest = ?",
                (_digest(access_token),),
            ).fetchone()
        if row is None or row[2] < time.time():
            return None
        return AccessGrant(user_id=row[0], scope=row[1])

    def revoke(self, token: str) -> bool:
        """Revoke an access or refresh token; a refresh token takes its access tokens along."""
        digest = _digest(token)
        with self._lock:
            killed = self._db.execute(
                "DELETE FROM oauth_refresh_token WHERE digest = ?", (digest,)
            ).rowcount
            if killed:
                self._db.execute(
                    "DELETE FROM oauth_access_token WHERE refresh_digest = ?", (digest,)
                )
            killed += self._db.execute(
                "DELETE FROM oauth_access_token WHERE digest = ?", (digest,)
            ).rowcount
        return bool(killed)
