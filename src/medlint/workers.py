"""Worker processes that die with the run that forked them.

A worker that outlives its parent (``kill -9`` of the run) would go on checking
files for nobody, and with ``--fix`` go on rewriting them.  On Linux the kernel
kills a worker when its parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a
watcher thread notices the parent is gone and ends the worker.  Either way, a
worker asks :func:`parent_alive` before every write, which covers the moment
between the parent's death and the signal's arrival.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
#: The process that forked this worker (None in the parent, where there is no one to outlive).
_parent: int | None = None


def worker_init(parent: int) -> None:
    """In a new worker: die with *parent*, and exit at once if it is already gone."""
    global _parent
    _parent = parent
    if not _die_with_parent():
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="medlint-parent-watch").start()
    if not parent_alive():
        os._exit(1)


def parent_alive() -> bool:
    """False in a worker whose parent has died (it must not write anything more)."""
    return _parent is None or os.getppid() == _parent


def _die_with_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes  # only in a worker process: off the start-up path
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)
