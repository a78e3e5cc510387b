"""Writing files so that nothing is ever half-written, lost or overwritten.

* :func:`atomic_write` replaces a file P2P Studio owns (session state, cache entries): the new
  content is written to a temporary file beside it, flushed to disk, then renamed over it.
* :func:`write_new` creates a file under a name nobody uses yet (results, exports): the name is
  claimed with a hard link, which fails instead of replacing when another process took the name
  first, so two writers can never overwrite each other's file.

Both fsync the file and its folder, give the file the permissions of any file the user creates
(``0o666`` minus the umask, not ``mkstemp``'s ``0o600``), and leave only ``.*.part`` temporaries
behind after a crash, which :func:`remove_stale_parts` cleans up.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from p2p_studio.core.errors import InputError

PART_SUFFIX = ".part"
#: Temporary files older than this are leftovers of a crash (a write takes seconds at most).
STALE_PART_SECONDS = 3600.0


def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` would race with other threads)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):  # not possible on Windows: NTFS journals renames
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_temp(folder: Path, name: str, write: Callable[[Path], None]) -> Path:
    """Write a complete, synced temporary file in *folder*; the caller renames or links it."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=PART_SUFFIX, dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        with open(tmp, "rb+") as stream:
            os.fsync(stream.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` for a temporary file beside *path*, then rename it over *path*."""
    path = Path(path)
    tmp = _write_temp(path.parent, path.name, write)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_folder(path.parent)
    return path


def write_new(folder: Path, stem: str, suffix: str, write: Callable[[Path], None],
              avoid: tuple[Path, ...] = ()) -> Path:
    """Write ``folder/stem.suffix`` (or ``stem-2.suffix``, ...) without ever replacing a file.

    *avoid* names paths that must not be used even if they do not exist yet (e.g. the input).
    """
    folder = Path(folder)
    avoid_resolved = {p.resolve() for p in avoid}
    tmp = _write_temp(folder, f"{stem}{suffix}", write)
    try:
        n = 1
        while True:
            target = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
            n += 1
            if target.resolve() not in avoid_resolved and _claim(tmp, target):
                break
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_folder(folder)
    return target


def _claim(tmp: Path, target: Path) -> bool:
    """Give *tmp*'s content the name *target* unless that name exists; True when it did."""
    try:
        os.link(tmp, target)
        return True
    except FileExistsError:
        return False
    except OSError as exc:  # a file system without hard links: reserve the name, then fill it
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
    try:
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except FileExistsError:
        return False
    os.replace(tmp, target)  # over the empty file this call created, nothing else
    return True


def remove_stale_parts(folder: Path, older_than: float = STALE_PART_SECONDS) -> int:
    """Delete ``.*.part`` temporaries in *folder* left by a crash; returns how many."""
    removed = 0
    with contextlib.suppress(OSError):
        now = time.time()
        for part in Path(folder).glob(f".*{PART_SUFFIX}"):
            with contextlib.suppress(OSError):
                if part.is_file() and now - part.stat().st_mtime > older_than:
                    part.unlink()
                    removed += 1
    return removed


def describe_os_error(exc: OSError) -> str:
    """A few plain words for why a file operation failed (permission denied, disk full, ...)."""
    words = {
        errno.EACCES: "permission denied", errno.EPERM: "permission denied", errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded", errno.EROFS: "the file system is read-only",
        errno.ENOENT: "no such file or folder", errno.ENOTDIR: "a part of the path is a file, not a folder",
        errno.EISDIR: "it is a folder", errno.ENAMETOOLONG: "the name is too long",
    }
    return words.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def check_writable_folder(folder: Path, what: str) -> None:
    """Raise :class:`InputError` unless files can be created in *folder* (created if missing).

    Called before long work starts, so a bad output folder fails in a second, not after an edit.
    """
    folder = Path(folder)
    try:
        if folder.exists() and not folder.is_dir():
            raise InputError(f"{what} {folder} is a file, not a folder")
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".p2p-write-check.", suffix=PART_SUFFIX, dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InputError(f"cannot write to {what} {folder}: {describe_os_error(exc)}") from None
