"""One running app per database file: a second launch brings the first window forward.

The key is a hash of the database file's absolute path (and the user), so another ``--db``
opens normally. The first app holds a ``QLockFile`` (which Qt finds stale once its process is
gone, even after ``kill -9``) and listens on a ``QLocalServer`` of the same name; a later
launch that cannot take the lock connects, asks the first to come forward, waits for its
"ok" and exits 0. A server socket left behind by a killed app is removed by the next one that
takes the lock.

Computing the key imports nothing of the storage layer (the window opens before SQLAlchemy is
loaded); it mirrors ``storage.resolve_target``: ``--db``, else ``TRACKER_DB``, else the saved
file, else the default file in the data folder.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QLockFile, QObject, Signal

if TYPE_CHECKING:  # QtNetwork loads when the server starts (after the first paint at start-up)
    from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QWidget

APP_NAME = "installment-tracker"  # storage.engine's, checked by a test
DB_FILENAME = "tracker.sqlite3"
WAIT_MS = 3000
ATTEMPTS = 15
"""Tries at the lock and the first app's answer (each waits 100 ms for the lock): the first
app answers once its window shows its data (``app.run_gui``), well within these 1.5 s."""
RAISE = b"raise\n"
OK = b"ok\n"


def database_path(db_arg: str | None, env: Mapping[str, str], saved: str = "") -> Path:
    """The absolute path of the database file the app will open (URLs reduced to a path)."""
    raw = db_arg if db_arg else env.get("TRACKER_DB", "").strip() or saved
    if not raw:
        import platformdirs  # as storage.default_db_path, without importing the storage layer

        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME
    if raw.startswith("sqlite:///"):
        raw = raw[len("sqlite:///") :]
    return Path(raw).expanduser().absolute()


def instance_key(path: Path) -> str:
    """The server and lock name for ``path``: the same file gives the same name."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    digest = hashlib.sha256(f"{user}\0{os.path.realpath(path)}".encode()).hexdigest()
    return f"installment-tracker-{digest[:20]}"


def bring_forward(window: QWidget | None) -> None:
    """Show, raise and activate ``window`` (restored if minimised or hidden in the tray)."""
    if window is None:
        return
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """Claim the database file for this process, or hand over to the app that has it."""

    activated = Signal()
    """Another launch asked for this app's window."""

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.lock = QLockFile(os.path.join(QDir.tempPath(), f"{key}.lock"))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone
        self.server: QLocalServer | None = None

    def claim(self, listen: bool = True) -> bool:
        """True when this process now owns the file (and listens for later launches, at once
        or, with ``listen=False``, from ``listen()``: the app calls it after its first paint,
        as loading Qt's network module costs the window 11 ms)."""
        for _attempt in range(ATTEMPTS):
            if self.lock.tryLock(100):
                if listen:
                    self.listen()
                return True
            if self.notify_running():
                return False
        # The lock is held but nobody answers (the owner is still starting, or hung):
        # better a second window than none at all.
        return True

    def listen(self) -> None:
        """Answer later launches (once; only while this process holds the lock)."""
        if self.server is not None or not self.lock.isLocked():
            return
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.key)  # a socket left by an app that was killed
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(self.key):
            server.newConnection.connect(self._on_connection)
            self.server = server

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.waitForReadyRead(WAIT_MS)
            if bytes(sock.readAll().data()).startswith(RAISE):
                self.activated.emit()
                sock.write(OK)
                sock.flush()
                sock.waitForBytesWritten(WAIT_MS)
            sock.disconnectFromServer()
            sock.deleteLater()

    def notify_running(self) -> bool:
        """Ask the app holding the file to come forward; True when it answered."""
        from PySide6.QtNetwork import QLocalSocket

        sock = QLocalSocket()
        sock.connectToServer(self.key)
        if not sock.waitForConnected(WAIT_MS):
            return False
        sock.write(RAISE)
        sock.flush()
        sock.waitForBytesWritten(WAIT_MS)
        answered = sock.waitForReadyRead(WAIT_MS) and bytes(sock.readAll().data()) == OK
        sock.disconnectFromServer()
        return answered

    def release(self) -> None:
        """Stop listening and give the file up (at exit)."""
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()
