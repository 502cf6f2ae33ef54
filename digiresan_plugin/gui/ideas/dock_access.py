"""The ideas dock's access part: what the source gives this user (a database role, a server's grants, a local
file that protects nothing), the planner view that only narrows it, the explicit and logged choice to show a local
file's personal data, and exports of personal data (asked, logged, noted in the source's audit log).

A mixin of :class:`~.dock.IdeasDock` (it uses the dock's store, model, table, header and editor).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication

from ...core import settings
from ...core.csv_style import csv_style
from ...core.ideas.editing import user_name
from ...core.ideas.export import CSV_PERSONAL_FIELDS, write_csv
from ...core.ideas.repository import IdeaRepository
from ...core.log import get_logger
from . import personal_data

LOG = get_logger(__name__)
translate = QCoreApplication.translate  # the dock's context: the strings are the dock's
MESSAGE_SECONDS = 5


class IdeasAccessMixin:
    """Access, planner view, local personal data and exports of the ideas dock."""

    def set_repository(self, repository: Optional[IdeaRepository], reload: bool = True) -> None:
        """Use another source at once (e.g. after the twin source changed); ``None``: from the settings. What was
        shown from the old source (its personal data above all) is dropped before the new one is read."""
        self.store.set_repository(repository)
        self._from_settings = repository is None
        self.local_personal = False
        self.access = None
        self.detail.forget_places()
        self._hide_personal_now()
        self._update_mode_widgets()
        if reload:
            self.refresh(keep_selection=False, restart=True)

    def set_planner_view(self, on: bool) -> None:
        """Narrow to a planner's view (no editing, no personal data) or back to what the source allows; at once."""
        self._view_fixed = True
        self._apply_planner_view(bool(on))

    def set_coordinator_mode(self, on: bool) -> None:
        """Kept for scripts: ``False`` is :meth:`set_planner_view` (True), ``True`` lifts it (the role still comes
        from the source)."""
        self.set_planner_view(not on)

    def _apply_planner_view(self, on: bool) -> None:
        if on == self.planner_view:
            return
        self.planner_view = on
        if on:
            self._hide_personal_now()
        self._update_mode_widgets()
        self.refresh(restart=True)

    def _setting_changed(self, key: str) -> None:
        if self._closed:
            return
        if key == "ideas_planner_view" and not self._view_fixed:
            self._apply_planner_view(bool(settings.get("ideas_planner_view")))
        elif key in ("ideas_source", "ideas_authcfg", "twin_source") and self._from_settings:
            self.set_repository(None)

    @property
    def coordinator(self) -> bool:
        """The source makes this user a coordinator and the planner view does not narrow it."""
        return not self.planner_view and self.access is not None and self.access.coordinator

    @property
    def show_personal(self) -> bool:
        return not self.planner_view and self.personal_available

    @property
    def editing(self) -> bool:
        return not self.planner_view and self.can_edit

    def show_local_personal_data(self, on: bool = True) -> bool:
        """On a local file: show (after the user confirms; logged) or hide the submitters' personal data; the
        list reloads at once. False when nothing changed (not a local file, planner view, or not confirmed)."""
        access = self.access
        if on == self.local_personal or self.planner_view or access is None or access.protected:
            return False
        source = self.store.describe() or "?"
        if on:
            if not personal_data.ASK_SHOW_LOCAL(self, source):
                return False
            LOG.warning("Digiresan ideas: %s chose to show the personal data of the local file %s",
                        user_name(), source)
            self._audit_note("show_personal_data", f"personal data shown in the ideas dock ({source})")
        else:
            self._hide_personal_now()
        self.local_personal = on
        self._update_mode_widgets()
        self.refresh(restart=True)
        return True

    def _hide_personal_now(self) -> None:
        """No personal data on screen from now on (the reload that follows drops them from memory too)."""
        if not self.personal_available:
            return
        current = self.current_idea()
        self.personal_available = False
        self.model.set_personal(False)
        self.table.set_column_widths()
        if current is not None:
            self._pending_select = current.idea_id
            self._select_pending(scroll=False, force=True)

    def _update_mode_widgets(self) -> None:
        self.editor_page.set_editing(self.editing)
        show_tab = getattr(self.tabs, "setTabVisible", self.tabs.setTabEnabled)  # setTabVisible: Qt >= 5.15
        show_tab(self.tabs.indexOf(self.editor_page), self.coordinator)
        mode, tip = personal_data.mode_text(self.access, self.planner_view, self.show_personal)
        self.header.set_source(self.store.describe(), mode, tip)
        local = self.access is not None and not self.access.protected and not self.planner_view
        self.header.set_local_notice(local, self.local_personal)

    # -- export ----------------------------------------------------------------------------------------------------
    def _export(self, path: str) -> None:
        """The header's export: with personal data only if the user says so (the default is without), noted in
        the log and the source's audit log."""
        include = False
        if self.show_personal:
            choice = personal_data.ASK_EXPORT(self, CSV_PERSONAL_FIELDS)
            if choice is None:
                return
            include = choice
        try:
            n = self.export_csv(path, personal=include)
        except OSError as exc:
            text = translate("IdeasDock", "Could not write {path}: {error}").format(path=path, error=exc)
            self.message(text, Qgis.MessageLevel.Critical, MESSAGE_SECONDS)
            return
        text = translate("IdeasDock", "Exported {n} ideas to {path}").format(n=n, path=path)
        self.message(text, Qgis.MessageLevel.Success, MESSAGE_SECONDS)

    def export_csv(self, path: Path | str, personal: bool = False) -> int:
        """Write the filtered list, in the table's order, to a UTF-8 CSV (Excel-friendly BOM); returns rows.

        ``personal``: with the submitters' columns, when they are shown; such an export is logged and noted in
        the source's audit log (who, how many, which fields, where)."""
        personal = personal and self.show_personal
        n = write_csv(path, self.model.visible_ideas(), personal=personal, style=csv_style(self.language))
        if personal:
            fields = ", ".join(CSV_PERSONAL_FIELDS)
            LOG.warning("Digiresan ideas: %s exported %d ideas with personal data (%s) to %s", user_name(), n,
                        fields, path)
            self._audit_note("export_personal_data", f"{n} ideas with {fields} to {path}")
        return n

    def _audit_note(self, action: str, detail: str) -> None:
        def done(written: Optional[bool], error: Optional[str]) -> None:
            if error is not None:
                self.message(translate("IdeasDock", "The audit note could not be written: {error}").format(error=error),
                             Qgis.MessageLevel.Warning, MESSAGE_SECONDS)
            self.audit_noted.emit(action)

        self.store.audit_note(action, detail, user_name(), done)
