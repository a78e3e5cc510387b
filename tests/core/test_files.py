"""Files are never half-written, never overwritten, and failures say why before work starts."""

from __future__ import annotations

import errno
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from p2p_studio.core import files
from p2p_studio.core.errors import InputError
from p2p_studio.core.files import atomic_write, check_writable_folder, remove_stale_parts, write_new

WRITES = 200


def _writer(folder: str, who: int) -> list[str]:
    written = []
    for i in range(WRITES):
        text = f"writer {who} file {i}\n" * 50

        def write(tmp: Path, text: str = text) -> None:
            tmp.write_text(text)

        written.append(str(write_new(Path(folder), "result", ".txt", write)))
    return written


def test_two_processes_saving_into_one_folder_never_overwrite(tmp_path) -> None:
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        a, b = pool.starmap(_writer, [(str(tmp_path), 1), (str(tmp_path), 2)])
    assert len(set(a) | set(b)) == 2 * WRITES
    for who, paths in ((1, a), (2, b)):
        for i, path in enumerate(paths):
            assert Path(path).read_text() == f"writer {who} file {i}\n" * 50
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(Path(p).name for p in a + b)  # no temporaries


def test_write_new_skips_taken_and_avoided_names_and_uses_normal_permissions(tmp_path) -> None:
    (tmp_path / "x.png").write_bytes(b"user's file")
    path = write_new(tmp_path, "x", ".png", lambda tmp: tmp.write_bytes(b"new"), avoid=(tmp_path / "x-2.png",))
    assert path == tmp_path / "x-3.png" and (tmp_path / "x.png").read_bytes() == b"user's file"
    assert not (tmp_path / "x-2.png").exists()
    umask = os.umask(0o022)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_new_without_hard_links_still_never_overwrites(tmp_path, monkeypatch) -> None:
    def no_links(*_args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    (tmp_path / "x.png").write_bytes(b"user's file")
    path = write_new(tmp_path, "x", ".png", lambda tmp: tmp.write_bytes(b"new"))
    assert path == tmp_path / "x-2.png" and path.read_bytes() == b"new"
    assert (tmp_path / "x.png").read_bytes() == b"user's file"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path) -> None:
    target = tmp_path / "session.json"
    target.write_text("old")

    def fail(tmp: Path) -> None:
        tmp.write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        atomic_write(target, fail)
    with pytest.raises(OSError):
        write_new(tmp_path, "out", ".png", fail)
    assert target.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["session.json"]


def test_stale_temporaries_are_removed_fresh_ones_kept(tmp_path) -> None:
    old, fresh = tmp_path / ".photo.png.abc.part", tmp_path / ".photo.png.def.part"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert remove_stale_parts(tmp_path) == 1 and not old.exists() and fresh.exists()


def test_unwritable_folders_fail_with_the_reason(tmp_path, monkeypatch) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match=r"^output folder .*/file is a file, not a folder$"):
        check_writable_folder(tmp_path / "file", "output folder")
    with pytest.raises(InputError, match="a part of the path is a file, not a folder"):
        check_writable_folder(tmp_path / "file" / "sub", "output folder")

    def full(*_args: object, **_kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.tempfile, "mkstemp", full)
    with pytest.raises(InputError, match=r"^cannot write to cache folder .*: the disk is full$"):
        check_writable_folder(tmp_path, "cache folder")
    def denied(*_args: object, **_kw: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", denied)
    with pytest.raises(InputError, match=r"permission denied$"):
        check_writable_folder(tmp_path, "output folder")


EXPORTER = r"""
import sys
from pathlib import Path
from PIL import Image
from p2p_studio.core.files import atomic_write
from p2p_studio.core.recipe import Recipe, save_png
out = Path(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    image = Image.new("RGB", (640, 480), (n % 256, 10, 20))
    save_png(out, "result", image, Recipe("a cat", f"edit {n}"))
    atomic_write(out / "cache.bin", lambda tmp: tmp.write_bytes(bytes([n % 256]) * 2_000_000))
    n += 1
"""


def test_kill_9_while_exporting_and_caching_leaves_only_whole_files(tmp_path) -> None:
    import random
    import signal
    import subprocess
    import sys

    from PIL import Image

    from p2p_studio.core.recipe import read_recipe

    rng = random.Random(3)
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", EXPORTER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.1, 0.8))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for png in tmp_path.glob("result*.png"):
            with Image.open(png) as img:
                img.load()  # a truncated file would raise here
            assert read_recipe(png) is not None
        cache = tmp_path / "cache.bin"
        if cache.exists():
            data = cache.read_bytes()
            assert len(data) == 2_000_000 and data == data[:1] * len(data)
        others = {p.name for p in tmp_path.iterdir()} - {p.name for p in tmp_path.glob("result*.png")} - {"cache.bin"}
        assert all(name.startswith(".") and name.endswith(".part") for name in others), others
