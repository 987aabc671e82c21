"""`redpost` as the kiosk PC runs it: the window's smoke test, and screenshots of every screen."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

REDPOST = str(Path(sys.executable).with_name("redpost"))
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def redpost(
    data_dir: Path, *args: str, timeout: float = 120, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [REDPOST, "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=ENV,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gui")
    assert redpost(folder, "demo", "--days", "2", "--seed", "4").returncode == 0
    return folder


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_the_smoke_test_visits_every_desk_and_exits_cleanly(demo_dir: Path) -> None:
    started = time.monotonic()
    result = redpost(demo_dir, "--smoke-test", timeout=60)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 20
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_screenshots_save_every_screen(demo_dir: Path, tmp_path: Path, lang: str) -> None:
    out = tmp_path / lang
    # The desks as the demo's lead sees them, signed in with the lead's PIN.
    result = redpost(
        demo_dir, "--lang", lang, "screenshots", "--out", str(out), "--pin-stdin", stdin="2468\n"
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    assert names[:2] == ["00-setup-wizard.png", "00-sign-in.png"]
    for desk in ("01-inquiries", "02-volunteers", "03-lostfound", "04-today"):
        assert any(n.startswith(desk) for n in names), names
    for name in names[1:]:
        assert png_size(out / name) == (1280, 800)


def test_screenshots_on_a_new_kiosk_show_the_wizard(tmp_path: Path) -> None:
    result = redpost(tmp_path / "new", "screenshots", "--out", str(tmp_path / "shots"))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "shots").glob("*.png")] == ["00-setup-wizard.png"]
