"""Where the plugin's docks go in QGIS's main window, on a 1366×768 laptop as on a 1920×1080 screen.

By default the twin dock and the card share one tabbed area on the right (the card raised on each click), the ideas
dock is a wide panel at the bottom, and every dock can shrink (its contents scroll) so showing one never makes the
main window taller or wider than its screen. What the user arranges (area, floating, tabs, size) is remembered in
the ``dock_layout`` setting and put back at the next start, after QGIS restored its own window state.
"""

from __future__ import annotations

import json
from typing import Callable, Optional

from qgis.PyQt.QtCore import QEvent, QObject, QRect, Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea

from ..core import settings
from ..core.log import get_logger
from ..core.signals import SignalBag

LOG = get_logger(__name__)

AREAS = {int(a): a for a in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                             Qt.DockWidgetArea.TopDockWidgetArea,
                             Qt.DockWidgetArea.BottomDockWidgetArea)}
SIDE_SHARE = 0.28  # the right area's width, of the window's (at least SIDE_MIN px)
SIDE_MIN = 360
BOTTOM_SHARE = 0.34  # the ideas panel's height, of the window's
REOPENED = ("twin", "ideas")  # docks shown again at start when they were open (the card opens on a click)
DEFAULT_TABS = {"card": ("twin",)}  # a dock never seen by the user keeps these tabs
SHRUNK_HEIGHT = 60  # a dock's contents scroll below this height instead of pushing the window


def shrinkable(dock: QDockWidget) -> None:
    """Let ``dock`` get small: its widget goes into a scroll area (a dock that already scrolls is left alone)."""
    body = dock.widget()
    if body is None or isinstance(body, QScrollArea) or dock.property("digiresanShrinkable"):
        return
    scroll = QScrollArea(dock)
    scroll.setObjectName(f"{dock.objectName()}Scroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setMinimumHeight(SHRUNK_HEIGHT)
    scroll.setWidget(body)
    dock.setWidget(scroll)
    dock.setProperty("digiresanShrinkable", True)


EXTRA_TABS = ("plan", "coordination")  # docks tabbed beside the twin dock by default


class DockLayout(QObject):
    """Places ``docks`` ({"twin", "card", "ideas"} and :data:`EXTRA_TABS` → dock) in ``window`` and remembers the
    user's arrangement.

    ``bounds()``: the rectangle the window must stay inside (default: its screen's available geometry)."""

    def __init__(self, window: QMainWindow, docks: dict[str, QDockWidget],
                 bounds: Optional[Callable[[], QRect]] = None):
        super().__init__(window)
        self.window = window
        self.docks = {role: dock for role, dock in docks.items() if dock is not None}
        self._bounds = bounds
        self._applying = False
        self._listening = False  # the user's moves count once QGIS has put back its own window state
        self._sized: set[str] = set()
        self._sizes: dict[str, int] = {}
        self._signals = SignalBag()
        for role, dock in self.docks.items():
            if role != "card":
                shrinkable(dock)
            self._signals.connect(dock.dockLocationChanged, self._moved)
            self._signals.connect(dock.topLevelChanged, self._moved)
            self._signals.connect(dock.visibilityChanged, lambda visible, r=role: self._shown(r, visible))
        window.installEventFilter(self)

    # -- public --------------------------------------------------------------------------------
    def settle(self) -> None:
        """QGIS's start-up is over (its window state restored): place the docks again and follow the user."""
        self.apply()
        self._listening = True

    def close(self) -> None:
        """Remember the arrangement (once the user could change it) and stop following the window and docks."""
        if self._listening:
            self.save()
        self._listening = False
        self.window.removeEventFilter(self)
        self._signals.disconnect_all()

    def apply(self) -> None:
        """The saved arrangement, or the default one when there is none (or it cannot be read)."""
        saved = self.saved()
        self._applying = True
        try:
            if not saved or not self._restore(saved):
                self._default()
        finally:
            self._applying = False
        self.fit()

    def reset(self) -> None:
        """Forget the user's arrangement and go back to the default one."""
        settings.set_value("dock_layout", "")
        self._sized.clear()
        self._sizes.clear()
        self.apply()

    def saved(self) -> dict:
        try:
            data = json.loads(settings.get("dock_layout") or "{}")
        except (TypeError, ValueError):
            LOG.warning("Setting digiresan/dock_layout is not JSON: using the default dock layout")
            return {}
        return data if isinstance(data, dict) else {}

    def save(self) -> None:
        """Remember where each dock is now (a hidden dock keeps what was saved for it)."""
        old = self.saved()
        state = {}
        for role, dock in self.docks.items():
            entry = dict(old.get(role) or {})
            entry["area"] = int(self.window.dockWidgetArea(dock))
            entry["floating"] = dock.isFloating()
            if dock.isFloating():
                g = dock.geometry()
                entry["geometry"] = [g.x(), g.y(), g.width(), g.height()]
            if role in REOPENED:
                entry["visible"] = not dock.isHidden()  # not isVisible(): false while the window closes
            if dock.isVisible():
                entry["tabs"] = sorted(r for r, d in self.docks.items()
                                       if d is not dock and d in self.window.tabifiedDockWidgets(dock))
                entry["size"] = dock.width() if self._side(entry["area"]) else dock.height()
            state[role] = entry
        settings.set_value("dock_layout", json.dumps(state, sort_keys=True))

    def bounds(self) -> QRect:
        if self._bounds is not None:
            return self._bounds()
        screen = self.window.screen() if hasattr(self.window, "screen") else None
        return screen.availableGeometry() if screen is not None else QRect()

    def fit(self) -> None:
        """Keep the window inside :meth:`bounds`: our docks stacked in one column are tabbed together first."""
        bounds = self.bounds()
        if bounds.isEmpty():
            return
        frame = self.window.frameGeometry()
        if frame.width() <= bounds.width() and frame.height() <= bounds.height():
            return
        self._tab_stacked()
        extra_w = frame.width() - self.window.width()
        extra_h = frame.height() - self.window.height()
        self.window.resize(min(self.window.width(), bounds.width() - extra_w),
                           min(self.window.height(), bounds.height() - extra_h))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.window and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.fit)
        return False

    # -- internals -----------------------------------------------------------------------------
    @staticmethod
    def _side(area: int) -> bool:
        return area in (int(Qt.DockWidgetArea.LeftDockWidgetArea), int(Qt.DockWidgetArea.RightDockWidgetArea))

    def _default(self) -> None:
        window, twin, card, ideas = self.window, self.docks.get("twin"), self.docks.get("card"), self.docks.get("ideas")
        for dock in (twin, card):
            if dock is not None:
                dock.setFloating(False)
                window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        if twin is not None and card is not None:
            window.tabifyDockWidget(twin, card)
        for role in EXTRA_TABS:  # the maintenance plan, the coordination board: more tabs beside the twin dock
            dock = self.docks.get(role)
            if dock is not None:
                dock.setFloating(False)
                window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
                if twin is not None:
                    window.tabifyDockWidget(twin, dock)
        if ideas is not None:
            ideas.setFloating(False)
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, ideas)
        width = max(SIDE_MIN, int(window.width() * SIDE_SHARE))
        self._sizes = {"twin": width, "card": width, "ideas": int(window.height() * BOTTOM_SHARE),
                       **{role: width for role in EXTRA_TABS}}
        self._sized.clear()
        for role, dock in self.docks.items():
            if dock.isVisible():
                self._shown(role, True)

    def _restore(self, saved: dict) -> bool:
        window = self.window
        try:
            for role, dock in self.docks.items():
                entry = saved.get(role)
                if not isinstance(entry, dict):
                    return False
                area = AREAS.get(int(entry.get("area", 0)))
                if area is None:
                    return False
                window.addDockWidget(area, dock)
                if entry.get("floating") and len(entry.get("geometry") or ()) == 4:
                    dock.setFloating(True)
                    dock.setGeometry(QRect(*map(int, entry["geometry"])).intersected(self.bounds())
                                     if not self.bounds().isEmpty() else QRect(*map(int, entry["geometry"])))
                else:
                    dock.setFloating(False)
            for role, dock in self.docks.items():
                for other in saved[role].get("tabs", DEFAULT_TABS.get(role, ())) or ():
                    if other in self.docks and not self.docks[other].isFloating() and not dock.isFloating():
                        window.tabifyDockWidget(self.docks[other], dock)
            self._sizes = {role: int(saved[role]["size"]) for role in self.docks if saved[role].get("size")}
            for role in REOPENED:
                if role in self.docks and isinstance(saved[role].get("visible"), bool):
                    self.docks[role].setVisible(saved[role]["visible"])
        except (TypeError, ValueError, KeyError) as exc:
            LOG.warning("Setting digiresan/dock_layout unreadable (%s): using the default dock layout", exc)
            return False
        self._sized.clear()
        for role, dock in self.docks.items():
            if dock.isVisible():
                self._shown(role, True)
        return True

    def _shown(self, role: str, visible: bool) -> None:
        """The first time a dock shows, give it its size (the saved one, else the default share)."""
        dock = self.docks[role]
        if role in REOPENED:
            self._moved()
        if not visible or role in self._sized or dock.isFloating() or role not in self._sizes:
            return
        self._sized.add(role)
        horizontal = self._side(int(self.window.dockWidgetArea(dock)))
        self.window.resizeDocks([dock], [self._sizes[role]],
                                Qt.Orientation.Horizontal if horizontal else Qt.Orientation.Vertical)
        QTimer.singleShot(0, self.fit)

    def _moved(self, *_args) -> None:
        if self._listening and not self._applying:
            QTimer.singleShot(0, self.save)

    def _tab_stacked(self) -> None:
        """Tab together our visible docks that share a left/right area (the card first in line)."""
        by_area: dict[int, list[QDockWidget]] = {}
        for role in ("card", "twin", "ideas"):
            dock = self.docks.get(role)
            if dock is not None and dock.isVisible() and not dock.isFloating():
                area = int(self.window.dockWidgetArea(dock))
                if self._side(area):
                    by_area.setdefault(area, []).append(dock)
        for docks in by_area.values():
            first = docks[0]
            for dock in docks[1:]:
                if dock not in self.window.tabifiedDockWidgets(first):
                    self.window.tabifyDockWidget(first, dock)
