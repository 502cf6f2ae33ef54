"""Signal connections that are undone together (on unload nothing may stay connected)."""

from __future__ import annotations

from typing import Any, Callable


class SignalBag:
    """Remembers ``signal.connect(slot)`` pairs and disconnects them all at once."""

    live = 0  # connections held by all bags: 0 after every plugin unloaded

    def __init__(self) -> None:
        self._pairs: list[tuple[Any, Callable]] = []

    def connect(self, signal: Any, slot: Callable) -> None:
        signal.connect(slot)
        self._pairs.append((signal, slot))
        SignalBag.live += 1

    def disconnect_all(self) -> None:
        while self._pairs:
            signal, slot = self._pairs.pop()
            SignalBag.live -= 1
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):  # already gone with its C++ object
                pass

    def __len__(self) -> int:
        return len(self._pairs)
