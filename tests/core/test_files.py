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
    old, fresh = tmp_path / ".p2p-abc12_xy.part", tmp_path / ".p2p-def34_zz.part"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert remove_stale_parts(tmp_path) == 1 and not old.exists() and fresh.exists()


def test_only_our_own_temporaries_are_cleaned_in_a_shared_folder(tmp_path) -> None:
    """A cache folder may be shared: other programs' ``*.part`` files (a browser's download, an
    earlier release's ``.NAME.XXXX.part``), links and folders are never touched, however old."""
    others = [".holiday.mkv.part", ".photo.png.abc123.part", ".p2p-notours.part", ".p2p-abcdefgh.part.x",
              "p2p-abcdefgh.part"]
    for name in others:
        (tmp_path / name).write_bytes(b"keep")
    outside = tmp_path / "outside.bin"
    outside.write_bytes(b"keep")
    (tmp_path / ".p2p-linkxxxx.part").symlink_to(outside)
    (tmp_path / ".p2p-folderxx.part").mkdir()
    ours = tmp_path / ".p2p-q7_0a9zz.part"
    ours.write_bytes(b"crash leftover")
    for path in tmp_path.iterdir():
        os.utime(path, (time.time() - 7200, time.time() - 7200), follow_symlinks=False)
    assert remove_stale_parts(tmp_path) == 1 and not ours.exists()
    assert all((tmp_path / name).read_bytes() == b"keep" for name in others) and outside.exists()
    assert (tmp_path / ".p2p-linkxxxx.part").is_symlink() and (tmp_path / ".p2p-folderxx.part").is_dir()


def test_temporaries_have_one_short_name_so_long_final_names_still_fit(tmp_path) -> None:
    """A 232-byte name (76 CJK characters) plus ``-edit1.png`` fits in 255 bytes; the temporary must
    not be the part that does not fit. Names too long for the file system are shortened whole."""
    stem = "猫" * 76  # 228 bytes
    written = write_new(tmp_path, stem, "-edit1.png", lambda tmp: tmp.write_bytes(b"x"))
    assert written.name == f"{stem}-edit1.png" and len(os.fsencode(written.name)) == 238
    longer = write_new(tmp_path, "猫" * 90, ".png", lambda tmp: tmp.write_bytes(b"y"))
    again = write_new(tmp_path, "猫" * 90, ".png", lambda tmp: tmp.write_bytes(b"z"))
    assert longer.name.endswith("猫….png") and again.name.endswith("猫…-2.png")
    assert max(len(os.fsencode(p.name)) for p in (longer, again)) <= 255
    assert again.read_bytes() == b"z" and longer.read_bytes() == b"y"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([written.name, longer.name, again.name])


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
