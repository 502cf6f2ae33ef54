"""Where the ideas are loaded and saved: :class:`IdeasStore` owns the repository and its background tasks.

One loading task reads the list and reports it at once (``listed``: enough to show and count it), then goes on
with the facets and search texts (``indexed``: filtering is instant from then on) and the programme summary
(``summarised``), and ends with the map's point features (``mapped``). Saves and the history of one idea run in
their own tasks. Signals arrive on the main thread; no widget here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from qgis.PyQt.QtCore import QObject, pyqtSignal

from .. import settings
from ..log import get_logger
from ..tasks import BackgroundTask, LatestTask, run_task
from .access import Access
from .card import card_section
from .features import layer_features
from .filtering import IdeaIndex
from .model import Idea, IdeaChange, IdeaEvent, SaveResult
from .repository import IdeaRepository, RepositoryError
from .sources import repository_from_settings
from .summary import ProgrammeSummary, programme_summary

LOG = get_logger(__name__)


@dataclass
class Listing:
    """The ideas as first read: ``index`` has what listing and counting need (the rest follows, see ``indexed``).

    The index is shared with whoever shows the list: a saved idea put into it (``IdeaIndex.replace``) is what
    :meth:`IdeasStore.ideas` returns from then on."""

    ideas: Sequence[Idea]
    index: IdeaIndex
    personal: bool  # the submitters' data are included
    editable: bool  # this user may save decisions through this source
    access: Optional[Access] = None  # what the source gives this user (see .access)


class _Indexed:
    """Reported by the loading task once the index is complete."""


class IdeasStore(QObject):
    """The ideas of one source, loaded off the UI thread; see the module docstring for the order of the signals."""

    listed = pyqtSignal(object)  # Listing
    indexed = pyqtSignal()  # facets and search texts built
    summarised = pyqtSignal(object)  # ProgrammeSummary
    mapped = pyqtSignal(object)  # list[QgsFeature]: the located ideas for the map layer
    failed = pyqtSignal(str)  # the ideas could not be loaded (a message for the user)
    busy_changed = pyqtSignal(bool)  # a load or a save started or ended

    def __init__(self, repository: Optional[IdeaRepository] = None, parent: Optional[QObject] = None):
        super().__init__(parent)
        self._repository = repository
        self._listing: Optional[Listing] = None
        self._load: Optional[BackgroundTask] = None
        self._load_id = 0
        self._save: Optional[BackgroundTask] = None
        self._history = LatestTask()
        self._closed = False

    # -- the source ------------------------------------------------------------------------------------------------
    @property
    def repository(self) -> Optional[IdeaRepository]:
        return self._repository

    def set_repository(self, repository: Optional[IdeaRepository]) -> None:
        """Use another source (``None``: the one the settings name, opened at the next load)."""
        if self._repository is not None and self._repository is not repository:
            self._repository.close()
        self._repository = repository

    def describe(self) -> Optional[str]:
        """The source as the user knows it (never with credentials); None without a source."""
        return self._repository.describe() if self._repository is not None else None

    # -- state -----------------------------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._load is not None

    @property
    def saving(self) -> bool:
        return self._save is not None

    @property
    def busy(self) -> bool:
        return self.loading or self.saving

    def ideas(self) -> Sequence[Idea]:
        """The ideas of the last listing (saved ideas in place); empty before the first."""
        return self._listing.index.ideas if self._listing is not None else []

    # -- loading ---------------------------------------------------------------------------------------------------
    def load(self, personal: bool, local_personal: bool = False, restart: bool = False) -> bool:
        """Start reading the ideas: with the submitters' data when ``personal`` and the source gives them to this
        user — from a source that protects nothing (a local file) only when ``local_personal`` too (the user's
        explicit choice). ``restart``: drop a running load and start again (the source or the mode changed).
        False when nothing was started: closed, a load is running, or the source cannot be opened (``failed``)."""
        if self._closed or (self._load is not None and not restart):
            return False
        if self._load is not None:
            self._load.dropped = True
            try:
                self._load.cancel()
            except RuntimeError:  # already deleted by QGIS
                pass
            self._load = None
        try:
            if self._repository is None:
                self._repository = repository_from_settings()
            self._repository.prepare()  # auth manager / saved connections: main thread
        except RepositoryError as exc:
            self.failed.emit(str(exc))
            return False
        repository = self._repository
        first_year = int(settings.get("programme_first_year"))  # read here, on the main thread

        def work(task: BackgroundTask) -> list:
            # a protecting source gives personal data only where allowed; a local file only on the explicit choice
            include = personal and (repository.protected or local_personal)
            ideas = repository.list_ideas(include_personal=include)
            access = repository.access()  # after the listing: an HTTP server's grants are known by now
            listing = Listing(ideas, IdeaIndex(ideas, search=False), include and access.personal, access.editable,
                              access)
            task.report(listing)
            listing.index.prepare()  # the other columns, the facets and the search texts
            for problem in repository.problems[:20]:  # named, and the list is shown all the same
                LOG.warning("%s (%s)", problem, repository.label)
            if len(repository.problems) > 20:
                LOG.warning("%d more unreadable values in %s", len(repository.problems) - 20, repository.label)
            task.report(_Indexed)
            task.report(programme_summary(ideas, first_year=first_year))
            return layer_features(ideas)  # plain QgsFeature objects: safe in a task

        self._load_id += 1
        load_id = self._load_id  # the callbacks hold this number, not the task
        self._load = run_task(self.tr("Loading Digiresan ideas"), work,
                              lambda features, error: self._loaded(load_id, features, error),
                              on_report=lambda value: self._reported(load_id, value))
        self.busy_changed.emit(True)
        return True

    def _reported(self, load_id: int, value: Any) -> None:
        if load_id != self._load_id or self._closed:
            return
        if isinstance(value, Listing):
            self._listing = value
            self.listed.emit(value)
        elif value is _Indexed:
            self.indexed.emit()
        elif isinstance(value, ProgrammeSummary):
            self.summarised.emit(value)

    def _loaded(self, load_id: int, features: Optional[list], error: Optional[BaseException]) -> None:
        if load_id != self._load_id:
            return
        self._load = None
        self.busy_changed.emit(self.busy)
        if self._closed:
            return
        if error is not None:
            self.failed.emit(self.error_text(error, self.tr("The ideas could not be loaded")))
            return
        self.mapped.emit(features)

    # -- one idea --------------------------------------------------------------------------------------------------
    def history(self, idea_id: int, personal: bool,
                on_done: Callable[[Optional[list[IdeaEvent]], Optional[str]], None]) -> None:
        """Read one idea's history; ``on_done(events, error_text)`` unless a newer history request came first."""
        repository = self._repository
        if repository is None:
            return

        def done(events: Optional[list[IdeaEvent]], error: Optional[BaseException]) -> None:
            if not self._closed:
                on_done(events, None if error is None else self.error_text(error, self.tr("No history")))

        self._history.start(self.tr("Loading idea history"),
                            lambda _task: repository.history(idea_id, include_personal=personal), done)

    def save(self, change: IdeaChange, on_done: Callable[[Optional[SaveResult], Optional[str]], None]) -> bool:
        """Save ``change`` (one save at a time: False when one is running); ``on_done(result, error_text)``."""
        repository = self._repository
        if self._closed or self._save is not None or repository is None:
            return False

        def done(result: Optional[SaveResult], error: Optional[BaseException]) -> None:
            self._save = None
            self.busy_changed.emit(self.busy)
            if not self._closed:
                text = None if error is None else self.error_text(error, self.tr("The idea could not be saved"))
                on_done(result, text)

        self._save = run_task(self.tr("Saving Digiresan idea"), lambda _task: repository.save(change), done)
        self.busy_changed.emit(True)
        return True

    def audit_note(self, action: str, detail: str, user: str,
                   on_done: Callable[[Optional[bool], Optional[str]], None]) -> bool:
        """Write a note into the source's audit log in a task; ``on_done(written, error_text)`` (``written``
        False: the source keeps no such log). False when there is no source."""
        repository = self._repository
        if self._closed or repository is None:
            return False

        def done(written: Optional[bool], error: Optional[BaseException]) -> None:
            if not self._closed:
                on_done(written, None if error is None else self.error_text(error, self.tr("No audit note written")))

        run_task(self.tr("Writing a Digiresan audit note"), lambda _task: repository.audit_note(action, detail, user),
                 done)
        return True

    # -- the twin card ---------------------------------------------------------------------------------------------
    def card_section(self, report: dict) -> Optional[dict]:
        """The card's ideas section for a report (see :func:`.card.card_section`); None before the first listing."""
        return card_section(self.ideas(), report)

    # -- errors, end -----------------------------------------------------------------------------------------------
    @staticmethod
    def error_text(error: BaseException, fallback: str) -> str:
        """A repository's message as it is; anything else (a bug) logged and shown after ``fallback``."""
        if isinstance(error, RepositoryError):
            return str(error)
        LOG.error("Digiresan ideas: %r", error)
        return f"{fallback}: {error}"

    def close(self) -> None:
        """Drop running tasks' results and release the repository (the dock's cleanup)."""
        self._closed = True
        if self._repository is not None:
            self._repository.close()
        self._history.cancel()
        for task in (self._load, self._save):
            if task is not None:
                task.dropped = True
                try:
                    task.cancel()
                except RuntimeError:  # already deleted by QGIS
                    pass
