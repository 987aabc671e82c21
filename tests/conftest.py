"""Shared fixtures: a fresh store per test, optionally with a station already set up."""

from __future__ import annotations

import os

# Before any QApplication exists: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.services import station as station_service
from station.store import Store, open_store


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
