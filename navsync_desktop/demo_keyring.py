"""The demo's keyring: an unencrypted file inside the demo's own data folder.

Demo tokens open nothing but the local demo org, so `make demo` chooses this backend on
purpose (PYTHON_KEYRING_BACKEND); the program never picks it by itself, and real orgs need the
OS keyring. Keeping the file under NAVSYNC_HOME means the demo needs no XDG_DATA_HOME of its
own, so the browser it opens runs with the user's own environment and profile.
(Needs the `demo` extra, keyrings.alt.)
"""

from __future__ import annotations

from filelock import FileLock
from keyrings.alt.file import PlaintextKeyring

from navsync_desktop import paths

FILE_NAME = "demo-keyring.cfg"


class DemoFileKeyring(PlaintextKeyring):
    """Every call under a lock file beside the keyring file: the demo's GUI, a CLI command
    and the tour may use it at once, and each call reads, changes and rewrites the whole file."""

    @property
    def file_path(self) -> str:
        return str(paths.data_dir() / FILE_NAME)

    def _locked(self) -> FileLock:
        return FileLock(self.file_path + ".lock", timeout=30)

    def get_password(self, service, username):
        with self._locked():
            return super().get_password(service, username)

    def set_password(self, service, username, password):
        with self._locked():
            super().set_password(service, username, password)

    def delete_password(self, service, username):
        with self._locked():
            super().delete_password(service, username)
