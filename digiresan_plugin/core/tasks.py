"""Background work: the one way the plugin runs something off the UI thread.

``work(task)`` runs in a ``QgsTask`` (never touch a layer or a widget there: read feature-source snapshots, files,
databases, the network); ``on_done(result, error)`` then runs on the main thread, ``error`` being the exception the
work raised (None on success, :class:`TaskCancelledError` after a cancel). ``task.report(value)`` sends an
intermediate result to the main thread (signal ``reported``) while the work goes on.

:class:`LatestTask` keeps one task per purpose: starting a new one cancels the old one, whose result is dropped.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from .log import get_logger

LOG = get_logger(__name__)

Work = Callable[["BackgroundTask"], Any]
Done = Callable[[Any, Optional[BaseException]], None]

_RUNNING: set["BackgroundTask"] = set()  # Python references until QGIS is done with each task


class TaskCancelledError(Exception):
    """The task was cancelled before its work finished."""


class BackgroundTask(QgsTask):
    """A ``QgsTask`` running ``work(self)``; ``on_done(result, error)`` on the main thread when it ends."""

    reported = pyqtSignal(object)  # an intermediate result (queued to the main thread)

    def __init__(self, description: str, work: Work, on_done: Optional[Done] = None, can_cancel: bool = True):
        super().__init__(description, QgsTask.Flag.CanCancel if can_cancel else QgsTask.Flags())
        self._work = work
        self._on_done = on_done
        self.result: Any = None
        self.error: Optional[BaseException] = None
        self.dropped = False  # set: on_done is not called (e.g. a newer task replaced this one)

    def report(self, value: Any) -> None:
        """Send ``value`` to the main thread's ``reported`` receivers (call from the work)."""
        self.reported.emit(value)

    def run(self) -> bool:
        try:
            self.result = self._work(self)
        except Exception as exc:  # noqa: BLE001 - handed to on_done on the main thread
            self.error = exc
            return False
        if self.isCanceled():
            self.error = TaskCancelledError(self.description())
            return False
        return True

    def finished(self, ok: bool) -> None:
        _RUNNING.discard(self)
        try:  # every report has been delivered by now: keep no receiver (nor what it holds) alive
            self.reported.disconnect()
        except TypeError:  # nothing connected
            pass
        if ok is False and self.error is None:
            self.error = TaskCancelledError(self.description())
        if self.dropped or self._on_done is None:
            return
        try:
            self._on_done(self.result if ok else None, self.error)
        except Exception:  # QGIS swallows exceptions of finished(): log them at least
            LOG.exception("Handling the end of task '%s' failed", self.description())
            raise


def run_task(description: str, work: Work, on_done: Optional[Done] = None, can_cancel: bool = True,
             on_report: Optional[Callable[[Any], None]] = None) -> BackgroundTask:
    """Start ``work`` in QGIS's task manager; see the module docstring. ``on_report`` receives the values the work
    reports (on the main thread; connected before the task starts, so none is missed)."""
    task = BackgroundTask(description, work, on_done, can_cancel)
    if on_report is not None:
        task.reported.connect(on_report)
    _RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    return task


class LatestTask:
    """At most one task of one purpose: a new start cancels the previous one and drops its result."""

    def __init__(self) -> None:
        self.task: Optional[BackgroundTask] = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(self, description: str, work: Work, on_done: Optional[Done] = None) -> BackgroundTask:
        self.cancel()

        def done(result: Any, error: Optional[BaseException]) -> None:
            if self.task is task:
                self.task = None
            if on_done is not None:
                on_done(result, error)

        task = run_task(description, work, done)
        self.task = task
        return task

    def cancel(self) -> None:
        """Cancel the running task (its result is never delivered)."""
        task, self.task = self.task, None
        if task is not None:
            task.dropped = True
            try:
                task.cancel()
            except RuntimeError:  # already deleted by QGIS
                pass
