"""What the connected user may do with the ideas, as the source says: a database role, the e-service's grants, or
a local file that protects nothing (no Qt here).

The dock never decides this itself: it asks the repository (:meth:`~.repository.IdeaRepository.access`) and may
only narrow it further (the "planner view" setting, or personal data left hidden on a local file).
"""

from __future__ import annotations

from dataclasses import dataclass

#: how the access was established
DATABASE = "database"  # PostgreSQL: the connected role's privileges (pg_has_role, has_column_privilege)
SERVER = "server"  # HTTP export: what the server grants the token
LOCAL_FILE = "file"  # a GeoPackage: whoever has the file has everything in it

COORDINATOR_ROLE = "ideas_coordinator"


@dataclass(frozen=True)
class Access:
    """``personal``: the source gives the submitters' name and contact to this user; ``editable``: decisions may be
    saved; ``protected``: the source itself enforces both (False for a local file: then personal data are only
    shown after an explicit, logged choice); ``basis``: one of :data:`DATABASE`, :data:`SERVER`, :data:`LOCAL_FILE`;
    ``role``: the database role or server grant that gives coordinator rights ("" when none); ``user``: who the
    source says is connected ("" when unknown)."""

    personal: bool
    editable: bool
    protected: bool
    basis: str
    role: str = ""
    user: str = ""

    @property
    def coordinator(self) -> bool:
        """The source makes this user a coordinator (may decide or read personal data)."""
        return self.personal or self.editable
