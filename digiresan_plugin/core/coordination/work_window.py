"""The work window of a permit's daily work (plain data): from the segment's hourly traffic profile, the
contiguous window of ``length`` hours between ``from_hour`` and ``to_hour`` with the fewest vehicles (the
earliest on a tie), and the hours to avoid: those with at least ``PEAK_SHARE`` of the day's busiest hour."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

PEAK_SHARE = 0.75


@dataclass(frozen=True)
class WorkWindow:
    start_hour: int
    end_hour: int  # exclusive: 9–15 is six hours
    vehicles: int  # in the window
    peaks: tuple[int, ...]  # hours to avoid

    def label(self) -> str:
        return f"{self.start_hour:02d}–{self.end_hour:02d}"

    def peaks_label(self) -> str:
        """The hours to avoid as spans: '07–08, 11–16'."""
        spans: list[list[int]] = []
        for h in self.peaks:
            if spans and spans[-1][1] == h:
                spans[-1][1] = h + 1
            else:
                spans.append([h, h + 1])
        return ", ".join(f"{a:02d}–{b:02d}" for a, b in spans)


def work_window(hours: Sequence[Optional[float]], length: int, from_hour: int = 6,
                to_hour: int = 22) -> Optional[WorkWindow]:
    """The quietest window, or None without a full profile (24 hourly values) or a window that fits."""
    if len(hours) != 24 or any(v is None for v in hours) or length <= 0 or to_hour - from_hour < length:
        return None
    volumes = [float(v) for v in hours]
    best = min(range(from_hour, to_hour - length + 1), key=lambda h: (sum(volumes[h:h + length]), h))
    top = max(volumes)
    peaks = tuple(h for h in range(24) if top > 0 and volumes[h] >= PEAK_SHARE * top)
    return WorkWindow(best, best + length, int(round(sum(volumes[best:best + length]))), peaks)
