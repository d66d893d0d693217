"""The few system calls kg uses that not every system has, each with a fallback.

Linux has them all. macOS has no ``copy_file_range`` or ``posix_fadvise``;
Windows has neither, nor ``pread``/``pwrite``, ``fchmod`` or ``nice``, and its
``os.kill(pid, 0)`` would end the process it asks about. Callers use these
functions rather than ``os``'s, so a missing call costs speed, never a crash.
Each checks ``os`` when called (not at import), so that tests can take a call
away and see the fallback work (tests/test_portable.py, and the CI step that
runs the build, query and incremental tests with KG_PORTABLE_TEST=1).
"""
from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
import warnings
from pathlib import Path

START_METHOD_VARIABLE = "KG_START_METHOD"
COPY_CHUNK = 1 << 20

# Without pread/pwrite a read or write is a seek and a read on the shared file offset: one at a time.
_seek_lock = threading.Lock()


def processes():
    """The multiprocessing context kg starts every worker process from.

    Workers are given all they need (a pool's initializer, a process's
    arguments) and inherit nothing, so any start method works. Fork on Linux: a
    worker starts in milliseconds, where spawn, importing kg again, took 0.3 s
    a query and 1.3 s a build's pool here. Spawn elsewhere, as Python itself
    does on macOS and Windows. KG_START_METHOD=spawn makes Linux start them as
    those do (the CI runs the tests so).
    """
    import multiprocessing  # here: most commands start no process (14 ms of kg query's start)

    method = os.environ.get(START_METHOD_VARIABLE) or ("fork" if sys.platform.startswith("linux") else "spawn")
    return multiprocessing.get_context(method)


def pread(fd: int, length: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, length, offset)
    with _seek_lock:
        os.lseek(fd, offset, os.SEEK_SET)
        return os.read(fd, length)


def pwrite(fd: int, data, offset: int) -> int:
    if hasattr(os, "pwrite"):
        return os.pwrite(fd, data, offset)
    with _seek_lock:
        os.lseek(fd, offset, os.SEEK_SET)
        return os.write(fd, data)


def copy_range(source: int, target: int, length: int, start: int, at: int) -> int:
    """Copy up to ``length`` bytes from ``source`` at ``start`` to ``target`` at ``at``; return how many.

    In the kernel where the system can (Linux: no bytes pass through this
    process, and a file system that shares blocks shares them); else read and write.
    """
    if hasattr(os, "copy_file_range"):
        return os.copy_file_range(source, target, length, start, at)
    data = pread(source, min(length, COPY_CHUNK), start)
    done = 0
    view = memoryview(data)
    while done < len(data):
        done += pwrite(target, view[done:], at + done)
    return done


def write_back(fd: int, offset: int, length: int) -> None:
    """Ask the system to start writing these bytes to disk now (a hint: where it cannot, nothing happens)."""
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(fd, offset, length, os.POSIX_FADV_DONTNEED)


def chmod_fd(fd: int, path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:
        os.chmod(path, mode)


def lowest_priority() -> None:
    """Run this process at the lowest CPU priority where the system lets us say so."""
    if hasattr(os, "nice"):
        try:
            os.nice(19)
        except OSError:
            pass


def alive(pid: int) -> bool:
    """Whether a process with this id is running (on Windows, assumed so: asking would end it)."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def exclusive(path, wait: float | None = None):
    """Hold an exclusive lock on the file ``path`` (made if need be) until the block ends.

    filelock takes the system's own lock (flock on Unix, msvcrt on Windows),
    released by the system if the process dies; without either it falls back
    to a lock file that names its owner, taken over once that process is gone
    (and, here, one left empty by a holder killed before it wrote its name).
    Raises TimeoutError after ``wait`` seconds (None: waits as long as it takes).
    """
    with warnings.catch_warnings():  # without flock or msvcrt filelock warns that it falls back: that is the intent
        warnings.filterwarnings("ignore", "only soft file lock is available")
        from filelock import FileLock, SoftFileLock, Timeout, __version__ as filelock_version

    lock = FileLock(str(path), timeout=-1 if wait is None else wait)
    # (filelock 4 writes its holder's name in a fallback lock file, and never breaks an empty one: a holder killed
    # between making the file and writing in it would keep the folder locked for ever; so the fallback is waited
    # on in steps, looking for such a file between them)
    step = _ORPHAN_CHECK if isinstance(lock, SoftFileLock) and int(filelock_version.split(".")[0]) >= 4 else None
    deadline = None if wait is None else time.monotonic() + wait
    while True:
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        bounds = [x for x in (left, step) if x is not None]
        timeout = min(bounds) if bounds else -1  # (-1: as long as it takes)
        try:
            lock.acquire(timeout=timeout, poll_interval=0.05)
            break
        except Timeout:
            if not (step and _remove_empty_marker(Path(path))) and left is not None and left <= timeout:
                raise TimeoutError(f"{path} is locked") from None
    try:
        yield
    finally:
        lock.release()


_ORPHAN_CHECK = 2.0  # seconds an empty fallback lock file stays before it is taken for a killed holder's


def _remove_empty_marker(path: Path) -> bool:
    """Remove a fallback lock file that is empty and has been for a while, and say whether one was removed."""
    try:
        info = path.stat()
    except OSError:
        return False
    if info.st_size or time.time() - info.st_mtime < _ORPHAN_CHECK:
        return False  # a holder's name in it (filelock judges those), or a holder writing its name this moment
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    return True


def sync_data(fd: int) -> None:
    """Write the file's data to disk (fdatasync, which macOS and Windows lack, skips the metadata)."""
    if hasattr(os, "fdatasync"):
        os.fdatasync(fd)
    else:
        os.fsync(fd)


def point(link: Path, name: str) -> None:
    """Make ``link`` name its sibling ``name`` instead of what it named, at once for every reader.

    A symbolic link where the system lets us make one; else (Windows, without
    the privilege to make links) a small file holding the name, which
    ``pointed`` reads alike.
    """
    temporary = link.with_name(f".{link.name}.link.tmp")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    try:
        os.symlink(name, temporary)
    except (AttributeError, NotImplementedError, OSError):
        temporary.write_text(name, encoding="utf-8")
    os.replace(temporary, link)


def pointed(link: Path) -> str:
    """The name ``link`` (made by ``point``) names, or '' if it names none."""
    if link.is_symlink():
        return os.readlink(link)
    try:
        return link.read_text(encoding="utf-8").strip() if link.is_file() else ""
    except (OSError, UnicodeDecodeError):
        return ""
