"""Photos are untrusted input: only regular files, one pixel limit, reasons in plain words."""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest
from PIL import Image

from p2p_studio.core import files, photos
from p2p_studio.core.errors import InputError
from p2p_studio.core.photos import DEFAULT_MAX_PIXELS, load_photo


def test_a_fifo_is_refused_at_once_instead_of_hanging(tmp_path) -> None:
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)
    code = ("import sys; from p2p_studio.core.photos import load_photo\n"
            "try:\n    load_photo(sys.argv[1])\nexcept Exception as e:\n    print(e)")
    out = subprocess.run([sys.executable, "-c", code, str(fifo)], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == ("photo.jpg: not a regular file (a folder, pipe or device cannot be opened "
                                  "as a photo)")


@pytest.mark.parametrize("path", ["/dev/null", "/dev/zero"])
def test_devices_and_folders_are_refused(tmp_path, path) -> None:
    for target in (path, tmp_path):
        with pytest.raises(InputError, match="not a regular file"):
            load_photo(target)


def test_permission_denied_is_said_so(tmp_path, monkeypatch) -> None:
    Image.new("RGB", (32, 32)).save(tmp_path / "p.png")

    def denied(*_args: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "open", denied)
    with pytest.raises(InputError, match=r"^p\.png: permission denied$"):
        load_photo(tmp_path / "p.png")


def test_one_pixel_limit_past_pillows_own(tmp_path) -> None:
    """Pillow warns above 89.5 MP and refuses above 179 MP; P2P Studio's limit (120 MP) decides."""
    between = tmp_path / "between.png"
    Image.new("1", (10_000, 9_500)).save(between)  # 95 MP: above Pillow's warning, below ours
    assert load_photo(between).size == (10_000, 9_500)
    beyond = tmp_path / "beyond.png"
    Image.new("1", (14_000, 13_000)).save(beyond)  # 182 MP: Pillow itself would refuse it
    with pytest.raises(InputError, match=f"larger than the limit of {DEFAULT_MAX_PIXELS:,} pixels"):
        load_photo(beyond)
