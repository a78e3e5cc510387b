"""Writing files so that nothing is ever half-written, lost or overwritten.

* :func:`atomic_write` replaces a file P2P Studio owns (session state, cache entries): the new
  content is written to a temporary file beside it, flushed to disk, then renamed over it.
* :func:`write_new` creates a file under a name nobody uses yet (results, exports): the name is
  claimed with a hard link, which fails instead of replacing when another process took the name
  first, so two writers can never overwrite each other's file.

Both fsync the file and its folder, give the file the permissions of any file the user creates
(``0o666`` minus the umask, not ``mkstemp``'s ``0o600``), and leave only ``.p2p-XXXXXXXX.part``
temporaries behind after a crash, which :func:`remove_stale_parts` cleans up. The temporaries have a
fixed, short name that only P2P Studio writes: never longer than a final name that fits, and never
confused with another program's ``*.part`` file in a shared folder.

Reading: :func:`read_regular_file` opens only regular files (a FIFO or device would block a
thread forever), with a size limit. Deleting: :func:`inside` resolves a path and refuses one that
leaves the folder P2P Studio owns (a symlinked ``items`` folder must not lead a clean-up outside).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from p2p_studio.core.errors import InputError
from p2p_studio.core.text import Message

PART_SUFFIX = ".part"
PART_PREFIX = ".p2p-"
#: The names of the temporaries P2P Studio writes (``mkstemp``'s 8 random characters); the only
#: ``*.part`` files it ever deletes.
PART_NAME = re.compile(r"\.p2p-[a-z0-9_]{8}\.part")
#: Longest file name where the file system does not say (ext4, NTFS, APFS: 255 bytes or units).
DEFAULT_NAME_MAX = 255
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


def _new_part(folder: Path) -> tuple[int, str]:
    """Create an empty temporary in *folder* named like :data:`PART_NAME`; its fd and path."""
    return tempfile.mkstemp(prefix=PART_PREFIX, suffix=PART_SUFFIX, dir=folder)


def _write_temp(folder: Path, write: Callable[[Path], None]) -> Path:
    """Write a complete, synced temporary file in *folder*; the caller renames or links it."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = _new_part(folder)
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
    tmp = _write_temp(path.parent, write)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_folder(path.parent)
    return path


def write_new(folder: Path, stem: str, suffix: str, write: Callable[[Path], None],
              avoid: tuple[Path, ...] = ()) -> Path:
    """Write ``folder/stem.suffix`` (or ``stem-2.suffix``, ...) without ever replacing a file.

    *avoid* names paths that must not be used even if they do not exist yet (e.g. the input). A
    stem too long for the file system is shortened (see :func:`fit_name`).
    """
    folder = Path(folder)
    avoid_resolved = {p.resolve() for p in avoid}
    tmp = _write_temp(folder, write)
    try:
        n = 1
        while True:
            target = folder / fit_name(stem, suffix if n == 1 else f"-{n}{suffix}", name_max(folder))
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


def name_max(folder: Path) -> int:
    """The longest file name *folder*'s file system takes, in bytes."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        return max(os.pathconf(folder if Path(folder).exists() else ".", "PC_NAME_MAX"), 32)
    return DEFAULT_NAME_MAX


def fit_name(stem: str, tail: str, limit: int = DEFAULT_NAME_MAX) -> str:
    """``stem + tail``, with *stem* cut (at a character boundary, ``…`` marking the cut) so that the
    name takes at most *limit* bytes on disk. *tail* (``-edit1.png``) is always kept whole."""
    name = stem + tail
    if len(os.fsencode(name)) <= limit:
        return name
    room = limit - len(os.fsencode(tail)) - len("…".encode())
    cut = stem
    while cut and len(os.fsencode(cut)) > room:
        cut = cut[:-1]
    return f"{cut}…{tail}"


def remove_stale_parts(folder: Path, older_than: float = STALE_PART_SECONDS) -> int:
    """Delete the temporaries this module wrote in *folder* (:data:`PART_NAME`) and a crash left
    behind; any other file, however it is named, is never touched. Returns how many."""
    removed = 0
    with contextlib.suppress(OSError):
        now = time.time()
        for part in Path(folder).glob(f"{PART_PREFIX}*{PART_SUFFIX}"):
            with contextlib.suppress(OSError):
                info = part.lstat()
                if PART_NAME.fullmatch(part.name) and stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                    part.unlink()
                    removed += 1
    return removed


def describe_os_error(exc: OSError) -> Message:
    """A few plain words for why a file operation failed (permission denied, disk full, ...)."""
    words = {
        errno.EACCES: Message.of("permission denied"), errno.EPERM: Message.of("permission denied"),
        errno.ENOSPC: Message.of("the disk is full"), errno.EDQUOT: Message.of("the disk quota is exceeded"),
        errno.EROFS: Message.of("the file system is read-only"), errno.ENOENT: Message.of("no such file or folder"),
        errno.ENOTDIR: Message.of("a part of the path is a file, not a folder"),
        errno.EISDIR: Message.of("it is a folder"), errno.ENAMETOOLONG: Message.of("the name is too long"),
    }
    return words.get(exc.errno or 0, Message(exc.strerror or type(exc).__name__))


def check_writable_folder(folder: Path, what: str) -> None:
    """Raise :class:`InputError` unless files can be created in *folder* (created if missing).

    Called before long work starts, so a bad output folder fails in a second, not after an edit.
    """
    folder = Path(folder)
    try:
        if folder.exists() and not folder.is_dir():
            raise InputError("{what} {folder} is a file, not a folder", what=what, folder=folder)
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = _new_part(folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InputError("cannot write to {what} {folder}: {reason}",
                         what=what, folder=folder, reason=describe_os_error(exc)) from None


def aside_name(path: Path, tag: str) -> Path:
    """Where a file the app could not use is kept: ``NAME.<time>.<tag>`` beside it."""
    return path.with_name(f"{path.name}.{time.strftime('%Y%m%d-%H%M%S')}.{tag}")


def move_aside(path: Path) -> Path:
    """Move a file the app could not use to ``NAME.<time>.corrupt`` beside it, never over another
    file; returns the new path (``OSError`` if it cannot be moved)."""
    aside = aside_name(path, "corrupt")
    if aside.exists() or aside.is_symlink():
        raise FileExistsError(errno.EEXIST, "a file of that name exists", str(aside))
    path.rename(aside)
    return aside


def inside(root: Path, path: Path) -> Path:
    """*path* resolved (symlinks followed); ``ValueError`` unless it lies in *root* resolved.

    Every path P2P Studio deletes or writes in a folder it owns goes through this, so a symlink
    planted anywhere on the way (the folder itself, a parent, a child) cannot lead it outside.
    """
    resolved_root = Path(root).resolve()
    resolved = Path(path).resolve()
    if resolved != resolved_root and resolved_root not in resolved.parents:
        raise ValueError(f"{path} leads outside {root}")
    return resolved


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of *path* if it is a regular file of at most *limit* bytes.

    Opened without blocking and checked with ``fstat`` before any read: a FIFO, socket or device
    planted under a file's name raises ``OSError`` at once instead of blocking the reading thread.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, "not a regular file (a pipe, device or folder)", str(path))
    with os.fdopen(fd, "rb") as stream:
        if info.st_size > limit:
            raise OSError(errno.EFBIG, f"{info.st_size:,} bytes is larger than the limit of {limit:,}", str(path))
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than the limit of {limit:,} bytes", str(path))
    return data


def text_of(name: str | os.PathLike[str]) -> str:
    """A file name as text that can always be encoded (UTF-8, JSON, a terminal): bytes that are not
    UTF-8 (``caf\\xe9.png`` from an old disk) appear escaped as ``\\xe9`` instead of failing."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
