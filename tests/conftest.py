"""Shared fixtures: a fresh store per test, optionally with a station already set up, and
three demo days."""

from __future__ import annotations

import os

# Before any QApplication exists: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import socket
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from station import clock, paths
from station.demo import fill
from station.services import station as station_service
from station.store import Store, open_store
from station.sync import secret

# Demo data is made as if it were this moment, so figures in tests do not depend on the clock.
DEMO_NOW = datetime(2026, 11, 30, 16, 30, tzinfo=clock.LOCAL_TZ)


@pytest.fixture(scope="session", autouse=True)
def _own_config_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test touches the real user's config folder, where the sealed password's key lives."""
    config = tmp_path_factory.mktemp("user-config")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(config))  # Linux
        patch.setenv("APPDATA", str(config))  # Windows
        yield


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store migrated to the current schema, copied by each test (migrating takes 0.25 s)."""
    folder = tmp_path_factory.mktemp("template") / "data"
    open_store(folder).close()
    return folder


@pytest.fixture
def store(migrated_template: Path, tmp_path: Path) -> Iterator[Store]:
    """An empty, migrated store in a temporary folder of its own."""
    folder = tmp_path / "data"
    shutil.copytree(migrated_template, folder)
    opened = open_store(folder)
    yield opened
    opened.close()


@pytest.fixture
def station_store(store: Store) -> Store:
    """A store whose station YF01 (恩江古城红驿站) has two posts."""
    with store.transaction() as session:
        station_service.init(
            session, code="YF01", name="恩江古城红驿站", posts=["古戏台广场", "驼背桥"]
        )
    return store


@pytest.fixture
def refusing_server() -> Iterator[int]:
    """A PostgreSQL look-alike that refuses every password (SQLSTATE 28P01), as a server
    with password authentication does; the local test server trusts everyone."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = int(listener.getsockname()[1])

    def refuse(conn: socket.socket) -> None:
        with conn:
            while True:
                head = conn.recv(8)
                if len(head) < 8:
                    return
                length = int.from_bytes(head[:4], "big")
                code = int.from_bytes(head[4:8], "big")
                if length > 8:
                    conn.recv(length - 8)
                if code in (80877103, 80877104):  # SSL / GSS encryption request: no
                    conn.sendall(b"N")
                    continue
                fields = (
                    b'SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user "st"\0\0'
                )
                conn.sendall(b"E" + (len(fields) + 4).to_bytes(4, "big") + fields)
                return

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=refuse, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield port
    listener.close()


@pytest.fixture
def no_os_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Pin keyring's "no usable backend", as on a kiosk account with no desktop session: the
    sync seals central's password in the data folder, its key in the user's config folder,
    here a folder of the test's own (never the real one). No environment override."""
    monkeypatch.delenv(secret.ENV_PASSWORD, raising=False)
    config = tmp_path / "user-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))  # Linux
    monkeypatch.setenv("APPDATA", str(config))  # Windows
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(before)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three demo days ending at DEMO_NOW; copy it before changing it."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    with clock.frozen_at(DEMO_NOW), open_store(folder) as store:
        fill(store, days=3, seed=3)
    return folder


def spoil_first_page(folder: Path, name: str) -> None:
    """Write over the first page of the store's table or index `name`, as a failing disk
    might; everything else in the file stays as it was."""
    db = paths.database(folder)
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the page is in the file itself
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()
    with db.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * 64)
