"""Freed memory handed back to the operating system between the phases of a big maintenance run.

glibc's ``malloc`` keeps the pages of freed blocks inside its heap (a network-sized NumPy temporary freed between
long-lived arrays leaves a hole the process still holds); ``malloc_trim(0)`` returns every whole free page. Called
after the network is read, after the assessment and after a scenario year, so the next phase starts from what is
alive. A no-op where the C library is not glibc (Windows, macOS).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from typing import Callable, Optional

_trim: Optional[Callable[[int], int]] = None
_looked_up = False


def _malloc_trim() -> Optional[Callable[[int], int]]:
    global _trim, _looked_up
    if not _looked_up:
        _looked_up = True
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                _trim = getattr(libc, "malloc_trim", None)  # glibc only (musl has none)
            except OSError:
                _trim = None
    return _trim


def release_free_memory() -> None:
    """Give the heap's free pages back to the operating system (glibc), else nothing."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
