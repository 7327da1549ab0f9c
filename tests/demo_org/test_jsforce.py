"""jsforce, the Node.js Salesforce client, against the demo org unchanged.

The npm packages (jsforce and the Node 22 it needs) are pinned in tests/js/package-lock.json;
`make test` installs them with `npm ci --prefix tests/js`. tests/js/jsforce_checks.mjs runs each
call and prints what jsforce returned; this test checks it against the org.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from navsync_desktop.demo_org.runtime import DEMO_CLIENT_ID
from navsync_desktop.demo_org.versions import LATEST_VERSION

from .conftest import REDIRECT_URI, client, https_session, oauth_tokens, refresh

JS_DIR = Path(__file__).parents[1] / "js"
NODE = JS_DIR / "node_modules" / "node" / "bin" / "node"
CONTACTS = 2_500  # more than one 2,000-record page
MARKER = "Jsforce Probe"


def _node() -> Path:
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed: the jsforce checks need Node.js and npm")
    if not (NODE.is_file() and (JS_DIR / "node_modules" / "jsforce").is_dir()):
        pytest.skip("jsforce is not installed: run `make test` (npm ci --prefix tests/js)")
    return NODE


def test_jsforce_works_against_the_demo_org(start_org):
    node = _node()
    endpoint = start_org(records=CONTACTS).endpoint
    tokens = oauth_tokens(endpoint)
    # jsforce starts with an access token the org no longer accepts (as if it had expired, but
    # without waiting for that): its first call gets 401 INVALID_SESSION_ID and it must refresh.
    revoked = https_session(endpoint).post(
        f"{endpoint.login_url}/services/oauth2/revoke", data={"token": tokens["access_token"]}
    )
    assert revoked.status_code == 200
    given = {
        "instanceUrl": endpoint.instance_url,
        "loginUrl": endpoint.login_url,
        "clientId": DEMO_CLIENT_ID,
        "redirectUri": REDIRECT_URI,
        "accessToken": tokens["access_token"],
        "refreshToken": tokens["refresh_token"],
        "version": LATEST_VERSION,
        "marker": MARKER,
    }
    done = subprocess.run(
        [str(node), "jsforce_checks.mjs"],
        cwd=JS_DIR,
        input=json.dumps(given),
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(endpoint.ca_cert)},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    sf = client(endpoint, refresh(endpoint, tokens["refresh_token"]).json()["access_token"])
    contacts = sf.query("SELECT COUNT() FROM Contact")["totalSize"]
    user = sf.query(
        "SELECT Id, Username FROM User WHERE Username = 'integration@northwind-demo.example'"
    )

    assert out["refresh"]["refreshes"] == 1, "the 401 made jsforce refresh once"
    assert out["refresh"]["dailyApiRequests"]["Max"] == 115_000
    assert out["refreshesInAll"] == 1

    assert out["identity"] == {
        "username": "integration@northwind-demo.example",
        "userId": user["records"][0]["Id"],
        "organizationId": sf.query("SELECT Id FROM Organization")["records"][0]["Id"],
    }

    auto = out["autoFetch"]
    assert auto["totalSize"] == auto["fetched"] == auto["distinctIds"] == contacts > 2000
    assert auto["parentAttributes"]["type"] == "Account"
    assert auto["parentAttributes"]["url"].startswith(
        f"/services/data/v{LATEST_VERSION}/sobjects/Account/001"
    )

    assert out["queryMore"] == {
        "firstPage": 2000,
        "firstDone": False,
        "secondPage": min(contacts - 2000, 2000),
        "overlap": 0,
    }

    assert out["describe"]["name"] == "Contact"
    assert out["describe"]["keyPrefix"] == "003"
    assert {"LastName", "Email", "AccountId"} <= set(out["describe"]["fields"])

    created = out["create"]
    assert [result["success"] for result in created] == [True, True, True]
    assert all(result["id"].startswith("003") for result in created)

    retrieved = out["retrieveUpdate"]
    assert retrieved["retrieved"]["LastName"] == f"{MARKER} One"
    assert retrieved["retrieved"]["url"].endswith(f"/sobjects/Contact/{created[0]['id']}")
    assert retrieved["updated"]["success"] is True
    assert retrieved["retrievedMany"] == [
        {"LastName": f"{MARKER} One", "Title": "Updated by jsforce"},
        {"LastName": f"{MARKER} Two", "Title": None},
    ]

    assert out["destroy"] == [
        {"id": result["id"], "success": True, "errors": []} for result in created
    ]
    assert out["leftAfterDestroy"] == 0

    assert out["bulk2"] == {"rows": contacts, "distinctIds": contacts, "columns": ["Id", "Email"]}
    assert "LID" in out["tooling"]
