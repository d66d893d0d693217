"""Run Python as if on a system without Linux's extra calls: for the CI's second pass over the tests.

With KG_PORTABLE_TEST=1 and this folder on PYTHONPATH, every Python process
(the tests, `kg` run as a subprocess, and every worker, which spawn starts
afresh) starts without os.copy_file_range and os.posix_fadvise (macOS and
Windows lack them) and os.pread, os.pwrite, os.fdatasync, os.fchmod and
os.nice (Windows lacks them), and `import fcntl` fails as it does on Windows.
(os.register_at_fork stays: macOS has it, and only a process that forks uses
it.) The CI sets KG_START_METHOD=spawn beside it, as on macOS and Windows.
See .ci/run and graph/portable.py.
"""
import os
import sys

if os.environ.get("KG_PORTABLE_TEST") == "1":
    for name in ("copy_file_range", "posix_fadvise", "pread", "pwrite", "fdatasync", "fchmod", "nice"):
        if hasattr(os, name):
            delattr(os, name)

    class _NoFcntl:
        """Refuses to import fcntl, as Windows does."""

        def find_spec(self, name, path=None, target=None):
            if name == "fcntl":
                raise ModuleNotFoundError("No module named 'fcntl' (KG_PORTABLE_TEST)", name=name)
            return None

    sys.modules.pop("fcntl", None)
    sys.meta_path.insert(0, _NoFcntl())
