"""The demo org's TLS certificate: a private CA and a server certificate for the loopback host.

simple-salesforce always speaks https, so the demo org needs a certificate that clients can
verify. The CA certificate is what clients pin (``verify=<ca.pem>``); both files live in the
demo-org folder and are reused, so a pinned path stays valid across restarts.
"""

from __future__ import annotations

import datetime
import ssl
from dataclasses import dataclass
from pathlib import Path

import trustme

from .files import owner_only_folder, write_owner_only

CA_FILE = "ca.pem"
SERVER_FILE = "server.pem"  # private key followed by the certificate chain
HOSTNAMES = ("127.0.0.1", "localhost")
_VALIDITY = datetime.timedelta(days=3650)


@dataclass(frozen=True)
class Certificates:
    ca_cert: Path
    server_pem: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(self.server_pem)
        return context


def ensure_certificates(folder: Path) -> Certificates:
    """Return the folder's certificates, creating both files when either is missing."""
    certs = Certificates(ca_cert=folder / CA_FILE, server_pem=folder / SERVER_FILE)
    if not (certs.ca_cert.is_file() and certs.server_pem.is_file()):
        _generate(certs)
    return certs


def _generate(certs: Certificates) -> None:
    owner_only_folder(certs.ca_cert.parent)
    ca = trustme.CA(organization_name="NavSync demo org")
    now = datetime.datetime.now(datetime.UTC)
    leaf = ca.issue_cert(
        *HOSTNAMES,
        organization_name="NavSync demo org",
        not_before=now - datetime.timedelta(days=1),
        not_after=now + _VALIDITY,
    )
    # Owner-only from the first byte: the server file holds the private key.
    write_owner_only(certs.server_pem, leaf.private_key_and_cert_chain_pem.bytes())
    write_owner_only(certs.ca_cert, ca.cert_pem.bytes())
