"""Making many objects that stay (a match table for the session) with the cyclic collector paused.

While a million objects are made, the collector would otherwise start a full pass each time the old generation
grew by a quarter: five passes over ever more objects for a table at 10^6 road segments. Paused, it looks at them
about three times afterwards (young, middle, old), each once. Nothing is taken from the collector's view: no
object is frozen, so garbage of other code is collected as before, only up to the block's end later.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def making_long_lived() -> Iterator[None]:
    """Pause the cyclic collector in the block (see the module doc)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
