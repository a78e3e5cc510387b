"""scripts/ensure-venv's note on the desktop app's system libraries tells the truth."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIBS = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-image.so.0",
        "libxcb-render-util.so.0", "libxcb-shape.so.0", "libxkbcommon-x11.so.0", "libEGL.so.1"]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux only")


def _note(tmp_path: Path, present: list[str]) -> str:
    """The script's stderr with a fake ``ldconfig -p`` that lists *present* first, then a long tail
    (so a reader that stops at the first match leaves the writer writing: SIGPIPE)."""
    listing = tmp_path / "listing"
    lines = [f"\t{lib} (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/{lib}" for lib in present]
    lines += [f"\tlibfiller{i}.so.1 (libc6,x86-64) => /usr/lib/libfiller{i}.so.1" for i in range(50_000)]
    listing.write_text("1000 libs found in cache `/etc/ld.so.cache'\n" + "\n".join(lines) + "\n")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "ldconfig"
    fake.write_text(f"#!/bin/sh\ncat {listing}\n")
    fake.chmod(0o755)
    # the script up to its library check (what follows sets up a virtual environment)
    check = tmp_path / "check.sh"
    lines = (ROOT / "scripts" / "ensure-venv").read_text().splitlines(keepends=True)
    check.write_text("".join(lines[: lines.index("check_system_libraries\n") + 1]))
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    done = subprocess.run(["bash", str(check)], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_present_libraries_are_never_reported_missing(tmp_path) -> None:
    for _ in range(3):  # the old check reported a different subset on each run
        assert _note(tmp_path, LIBS) == ""
        shutil.rmtree(tmp_path)
        tmp_path.mkdir()


def test_missing_libraries_are_named_exactly(tmp_path) -> None:
    note = _note(tmp_path, [lib for lib in LIBS if lib not in ("libEGL.so.1", "libxcb-shape.so.0")] +
                 ["libEGL.so.10", "libxcb-shape.so.0.0"])  # near names do not count
    assert note.startswith("note: the desktop app needs system libraries missing here: libxcb-shape.so.0 libEGL.so.1 ")


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_install_user_links_the_command_and_never_replaces_a_file(tmp_path) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    command = venv / "bin" / "p2p-studio"
    command.write_text("#!/bin/sh\necho p2p-studio here\n")
    command.chmod(0o755)
    bin_dir = tmp_path / "bin"

    def install() -> subprocess.CompletedProcess[str]:  # -o setup: the venv is this fake one
        return subprocess.run(["make", "-s", "-o", "setup", "install-user", f"BIN={bin_dir}", f"VENV={venv}"],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)

    assert install().returncode == 0 and install().returncode == 0  # a second run replaces its own link
    assert (bin_dir / "p2p-studio").resolve() == command.resolve()
    (bin_dir / "p2p-studio").unlink()
    (bin_dir / "p2p-studio").write_text("someone else's")
    done = install()
    assert done.returncode != 0 and "exists and is not a link: left as it is" in done.stderr
    assert (bin_dir / "p2p-studio").read_text() == "someone else's"
