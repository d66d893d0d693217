"""Reading the files of sources/: regular files only, lying in the folder they are named in, as UTF-8 text.

A source's files are published a quote at a time, so a text that is a link to
/etc/passwd, a FIFO or a device must be refused, not read.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from graph.errors import SourceError


def read_text(path: Path) -> str:
    return decode_text(read_in_folder(path), path)


def read_in_folder(path: Path, within: Path | None = None) -> bytes:
    """The bytes of a regular file that lies, links resolved, in ``within`` (by default the folder it is named in).

    A source's files are read only from the sources folder: a text that is a
    link to /etc/passwd would otherwise be published, a quote at a time, and a
    FIFO or a device would be read for ever.
    """
    try:
        return read_regular(path, Path(path).parent if within is None else within)
    except FileNotFoundError:
        raise SourceError("file not found", path) from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", path) from None


def read_regular(path, within=None, limit: int | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file (lying in ``within``, links resolved, and of at most
    ``limit`` bytes); OSError if not (EFBIG when too large).

    Opened without waiting, so that a FIFO is refused rather than waited on.
    """
    if within is not None and not _directly_in(path, within):
        real, folder = os.path.realpath(path), os.path.realpath(within)
        if os.path.commonpath([real, folder]) != folder:
            raise OSError(errno.EACCES, f"it leads outside {within} (to {real}); a source's files must lie in the sources folder")
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if limit is None:
            return handle.read()
        data = handle.read(limit + 1)  # (the file may grow as it is read)
        if max(status.st_size, len(data)) > limit:
            raise OSError(errno.EFBIG, f"{max(status.st_size, len(data)):,} bytes, more than {limit:,}")
        return data


def _directly_in(path, folder) -> bool:
    """Whether ``path`` names a file of ``folder`` itself that is not a link: then it lies in the folder,
    wherever the folder is. (Resolving both paths for every file took a tenth of compiling a source.)"""
    path, folder = os.fspath(path), os.fspath(folder)
    return os.path.dirname(path) == folder and not os.path.islink(path)


def decode_text(data: bytes, path: Path) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})", path, line) from None
    if not text.strip():
        raise SourceError("the file is empty", path, 1)
    return text.removeprefix("\ufeff")
