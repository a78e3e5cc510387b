"""``p2p-studio --self-test`` from the source tree: a pass on the bundled demo, a one-line failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from p2p_studio import __version__
from p2p_studio.selftest import run_self_test

pytestmark = pytest.mark.slow  # whole demo edits in subprocesses: outside `make test-fast`


def test_self_test_edits_the_sample_and_keeps_its_result(qapp, tmp_path: Path) -> None:
    line = run_self_test(tmp_path)
    assert line.startswith(f"P2P Studio {__version__} self-test passed: demo model")
    with Image.open(tmp_path / "result.png") as result:
        assert result.info.get("p2p_studio")  # the recipe travelled with the saved PNG
    assert (tmp_path / "window.png").stat().st_size > 0


def test_a_passing_self_test_leaves_no_temporary_folder(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "p2p_studio", "--self-test"], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "every pixel outside it kept" in done.stdout and not list(tmp_path.glob("p2p-studio-self-test-*"))


def test_self_test_fails_in_one_line_when_the_bundle_is_broken(tmp_path: Path) -> None:
    broken = tmp_path / "resources"
    (broken / "samples").mkdir(parents=True)  # no demo model, no samples.json
    env = {**os.environ, "P2P_STUDIO_RESOURCES": str(broken), "QT_QPA_PLATFORM": "offscreen",
           "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "p2p_studio", "--self-test"], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1 and done.stdout == ""
    message = [line for line in done.stderr.splitlines() if "self-test" in line]
    assert len(message) == 1 and "FAILED" in message[0] and "samples.json" in message[0]
