"""One interface to the ideas, whatever holds them: the twin GeoPackage, PostgreSQL or the e-service's JSON export.

Implementations: :class:`~.gpkg.GeoPackageIdeaRepository`, :class:`~.postgres.PostgresIdeaRepository`,
:class:`~.http.HttpIdeaRepository`. All calls may block (a file, a database, a web server): the dock runs them in
a ``QgsTask``; :meth:`IdeaRepository.prepare` is the one call made on the UI thread (it may read QGIS's auth
manager or saved connections).

Saves are optimistic: :meth:`IdeaRepository.save` writes only if the stored ``version`` is still the one the
change was based on, else returns a :class:`~.model.Conflict` with the stored values and writes nothing. Every
change of a field lands in ``idea_events``. Which implementation a source string gets: :mod:`.sources`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Optional

from ..redact import redact
from .access import DATABASE, Access
from .model import Idea, IdeaChange, IdeaEvent, SaveResult


class RepositoryError(RuntimeError):
    """The source cannot be read or written now; the message is for the user (no credentials in it).

    ``retryable``: trying again later may help (server down, timeout), as opposed to e.g. missing privileges.
    """

    def __init__(self, message: str, retryable: bool = True):
        super().__init__(redact(message))
        self.retryable = retryable


class IdeaRepository(ABC):
    """Where the ideas are read from and saved to."""

    #: a short human description of the source (never contains credentials)
    label: str = ""
    #: whether :meth:`save` can work at all with this kind of source
    writable: bool = True
    #: whether the source itself keeps personal data from users who may not read them (False: a local file)
    protected: bool = True
    #: values the last listing could not read (one text per idea and field; those values are shown as empty)
    problems: tuple[str, ...] = ()

    def prepare(self) -> None:  # noqa: B027 - optional hook, deliberately empty by default
        """Resolve what needs QGIS's main thread (auth manager, saved connections). Default: nothing."""

    @abstractmethod
    def list_ideas(self, include_personal: bool = False) -> list[Idea]:
        """All ideas, by ``idea_id``; personal data only if ``include_personal`` and :meth:`can_read_personal_data`."""

    @abstractmethod
    def get(self, idea_id: int, include_personal: bool = False) -> Optional[Idea]:
        """One idea as stored now, or None."""

    @abstractmethod
    def history(self, idea_id: int, include_personal: bool = False) -> list[IdeaEvent]:
        """The audit log of one idea, oldest first (old/new values of personal fields blanked unless allowed)."""

    @abstractmethod
    def save(self, change: IdeaChange) -> SaveResult:
        """Write ``change`` if the idea is still at ``change.base_version``; else a conflict, nothing written."""

    @abstractmethod
    def can_read_personal_data(self) -> bool:
        """Whether this source gives submitter name and contact to this user at all."""

    def can_edit(self) -> bool:
        """Whether this user may save changes through this source."""
        return self.writable

    def access(self) -> Access:
        """What this user may do here, as the source says (may block: call it in a task). Default: from
        :meth:`can_read_personal_data` and :meth:`can_edit`, enforced by the source."""
        return Access(self.can_read_personal_data(), self.can_edit(), protected=True, basis=DATABASE)

    def audit_note(self, action: str, detail: str, user: str) -> bool:
        """Write a note that is not a field change into the source's audit log (e.g. personal data exported);
        False when the source keeps no such log. Raises :class:`RepositoryError` when writing fails."""
        return False

    def describe(self) -> str:
        return self.label

    def close(self) -> None:  # noqa: B027 - optional hook, deliberately empty by default
        """Release what the repository keeps open (nothing by default)."""
