"""Build the Linux installers, unpack the .deb into a temporary root and run the app from it.

Marked ``packaging`` (a few minutes): run with ``--run-packaging`` or
``P2P_STUDIO_PACKAGING_TESTS=1`` (CI does). Uses the current Python environment for the build
(``build.sh --current-python``), which must have PyInstaller (the ``packaging`` extra).
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from p2p_studio import __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
                       reason="the .deb is built on Linux with dpkg-deb"),
]


def _clean_env(home: Path) -> dict[str, str]:
    """What a desktop session without any Python setup would give the app."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
            "TMPDIR": str(home), "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("linux-build")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run([str(ROOT / "packaging/linux/build.sh"), "cpu", "--current-python", "--out", str(out)],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def unpacked(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deb-root")
    debs = list(built.glob("p2p-studio_*.deb"))
    assert len(debs) == 1
    subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(root)], check=True)
    return root


def test_deb_metadata_names_version_and_size(built: Path) -> None:
    deb = next(built.glob("p2p-studio_*.deb"))
    assert f"_{__version__}_" in deb.name
    fields = dict(line.split(": ", 1) for line in subprocess.run(
        ["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True).stdout.splitlines()
        if ": " in line and not line.startswith(" "))
    assert fields["Package"] == "p2p-studio" and fields["Version"] == __version__
    assert int(fields["Installed-Size"]) > 100_000  # KiB: torch alone is several hundred MB
    report = json.loads((built / "size-report.json").read_text())
    assert report["torch_variant"] == "cpu" and report["folder_mb"] > 100


def test_deb_installs_launchers_desktop_entry_icons_and_notices(unpacked: Path) -> None:
    app = unpacked / "opt/p2p-studio"
    for exe in ("p2p-studio", "p2p-studio-gui"):
        assert os.access(app / exe, os.X_OK)
        wrapper = (unpacked / "usr/bin" / exe).read_text()
        assert f"/opt/p2p-studio/{exe}" in wrapper and os.access(unpacked / "usr/bin" / exe, os.X_OK)
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(unpacked / "usr/share/applications/p2p-studio.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].split()[0] == "p2p-studio-gui" and desktop["Icon"] == "p2p-studio"
    for size in (16, 32, 48, 128, 256, 512):
        assert (unpacked / f"usr/share/icons/hicolor/{size}x{size}/apps/p2p-studio.png").is_file()
    doc = unpacked / "usr/share/doc/p2p-studio"
    notices = (doc / "THIRD-PARTY-NOTICES.txt").read_text()
    for name in ("torch", "PySide6", "diffusers", "transformers", "LGPL", "OpenAI"):
        assert name in notices
    assert "Apache License" in (doc / "copyright").read_text()
    internal = app / "_internal"
    assert (internal / "resources/demo-model/model_index.json").is_file()
    assert not any(internal.glob("cv2")) and not any(internal.glob("scipy")) and not any(internal.glob("pytest"))


def test_unpacked_app_passes_its_self_test_without_python(unpacked: Path, tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    for exe in ("p2p-studio", "p2p-studio-gui"):
        done = subprocess.run([str(unpacked / "opt/p2p-studio" / exe), "--self-test"], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        lines = done.stdout.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"P2P Studio {__version__} self-test passed")


def test_unpacked_cli_help_and_clear_error(unpacked: Path, tmp_path: Path) -> None:
    cli = str(unpacked / "opt/p2p-studio/p2p-studio")
    env = _clean_env(tmp_path)
    done = subprocess.run([cli, "--help"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "usage: p2p-studio" in done.stdout and "edit" in done.stdout
    version = subprocess.run([cli, "--version"], env=env, capture_output=True, text=True, timeout=120)
    assert version.stdout.strip() == f"p2p-studio {__version__}"
    missing = subprocess.run([cli, "edit", str(tmp_path / "nope.png"), "--caption", "a cat", "--edit", "a dog"],
                             env=env, capture_output=True, text=True, timeout=300)
    assert missing.returncode != 0
    assert len(missing.stderr.strip().splitlines()) == 1 and "nope.png" in missing.stderr
