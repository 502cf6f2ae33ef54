"""Where the twin's tables come from: a GeoPackage file or a PostgreSQL/PostGIS database.

A source is written as one string (kept in settings and projects, never with credentials):
``gpkg:/path/to/twin.gpkg``, ``postgres:<saved QGIS connection name>`` or ``pgservice:<service name>``
(or ``pgservice:service=<name> dbname=<db>`` to pick another database of that service).
PostgreSQL credentials stay in QGIS's auth manager (authcfg of the saved connection) or pg_service files.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import QgsCredentials, QgsDataSourceUri, QgsProviderRegistry, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from .catalog import LayerSpec
from .demo_copy import DemoTwinError, bundled_demo_path, ensure_user_demo, user_demo_path
from .read_faults import first_fault, watch_reads
from .redact import has_plain_password, redact

DEFAULT_PG_SCHEMA = "twin"
PG_GEOMETRY_COLUMN = "geom"
PG_CONNECT_TIMEOUT_S = 5
CHECK_DEADLINE_S = 8.0  # a check answers by then, whatever the driver does (retries, SSL then plain, …)
GPKG_BUSY_TIMEOUT_S = 1.0  # how long a check waits for another program's lock on a GeoPackage


class TwinSourceError(ValueError):
    """A twin source string or connection cannot be used; the message says why (credentials redacted)."""

    def __init__(self, message: str):
        super().__init__(redact(message))


@dataclass(frozen=True)
class TwinSource:
    """A twin source: ``kind`` is 'gpkg', 'postgres' (saved connection) or 'pgservice'."""

    kind: str
    location: str
    schema: str = DEFAULT_PG_SCHEMA

    # -- parsing ---------------------------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> "TwinSource":
        """Parse a source string; empty means the embedded demo twin."""
        text = (text or "").strip()
        if not text:
            return cls.demo()
        kind, sep, location = text.partition(":")
        if not sep or kind not in ("gpkg", "postgres", "pgservice") or not location:
            message = QCoreApplication.translate("TwinSource", "Twin source '{text}' is not understood: expected gpkg:<file>, postgres:<saved connection> or pgservice:<service>")  # noqa: E501 - one literal for pylupdate5
            raise TwinSourceError(message.format(text=text))
        if kind == "gpkg" and Path(location) == bundled_demo_path():
            return cls.demo()  # the shipped demo is never opened itself: its user copy is
        return cls(kind, location)

    def __post_init__(self) -> None:
        if self.kind != "gpkg" and has_plain_password(self.location):
            raise TwinSourceError(QCoreApplication.translate("TwinSource", "A twin source must not contain a password: use a saved QGIS connection with an authentication configuration, or a pg_service entry with a .pgpass file"))  # noqa: E501 - one literal for pylupdate5

    @classmethod
    def demo(cls) -> "TwinSource":
        """The embedded demo twin: the user's writable copy in the QGIS profile (made by :meth:`check`)."""
        return cls("gpkg", str(user_demo_path()))

    @classmethod
    def geopackage(cls, path: Path | str) -> "TwinSource":
        if Path(path) == bundled_demo_path():
            return cls.demo()
        return cls("gpkg", str(Path(path)))

    def to_string(self) -> str:
        return f"{self.kind}:{self.location}"

    @property
    def is_demo(self) -> bool:
        return self.kind == "gpkg" and Path(self.location) in (user_demo_path(), bundled_demo_path())

    def writable(self) -> bool:
        """Whether edits can be saved: a GeoPackage the user may write (file and folder, for SQLite's journal).
        Databases decide per table and role, so True for them."""
        if self.kind != "gpkg":
            return True
        path = Path(self.location)
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)

    def describe(self) -> str:
        """A short human description (never contains credentials)."""
        if self.kind == "gpkg":
            return Path(self.location).name
        return redact(f"{self.location} ({self.schema})")

    # -- layers ----------------------------------------------------------------------------
    def provider(self) -> str:
        return "ogr" if self.kind == "gpkg" else "postgres"

    def check(self, deadline_s: float = CHECK_DEADLINE_S) -> Optional[str]:
        """A reason why this source cannot be opened now (credentials redacted), or None. May block up to
        ``deadline_s`` seconds, never longer: call off the UI thread. The demo's user copy is made here on first
        use. A GeoPackage is opened for reading (a lock held by another program shows here, not as a frozen load)."""
        outcome: list[Optional[str]] = []
        worker = threading.Thread(target=lambda: outcome.append(self._check()), name="twin-source-check",
                                  daemon=True)  # a driver stuck past the deadline is left to its own timeout
        worker.start()
        worker.join(deadline_s)
        if not outcome:
            reason = QCoreApplication.translate("TwinSource", "Cannot reach the twin database {source}: no answer within {seconds} s").format(  # noqa: E501 - one literal for pylupdate5
                source=self.describe(), seconds=f"{deadline_s:g}")
            return reason if self.kind != "gpkg" else QCoreApplication.translate(
                "TwinSource", "GeoPackage {path} did not open within {seconds} s").format(
                path=self.location, seconds=f"{deadline_s:g}")
        return None if outcome[0] is None else redact(outcome[0])

    def _check(self) -> Optional[str]:
        if self.kind == "gpkg":
            path = Path(self.location)
            if self.is_demo and not path.is_file():
                try:
                    ensure_user_demo()  # first use: copy the shipped demo into the profile
                except DemoTwinError as exc:
                    return str(exc)
            if not path.is_file():
                return QCoreApplication.translate("TwinSource", "GeoPackage not found: {path}").format(path=path)
            return _gpkg_unreadable(path)
        try:
            uri = self._pg_base_uri()
            metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
            connection = metadata.createConnection(uri.uri(False), {})
            if self.schema not in connection.schemas():
                return QCoreApplication.translate("TwinSource", "Schema '{schema}' not found in {source}").format(
                    schema=self.schema, source=self.describe()
                )
        except TwinSourceError as exc:
            return str(exc)
        except Exception as exc:  # noqa: BLE001 - QgsProviderConnectionException and driver errors
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return QCoreApplication.translate("TwinSource", "Cannot reach the twin database {source}: {error}").format(
                source=self.describe(), error=first_line
            )
        return None

    def readable_now(self) -> bool:
        """A GeoPackage that can be read at once (no lock of another program to wait for): its check and load
        cannot block. Never waits (False for a database, a missing file or a lock)."""
        if self.kind != "gpkg" or not Path(self.location).is_file():
            return self.kind == "gpkg"  # a missing file: the check says so at once
        return _gpkg_unreadable(Path(self.location), busy_timeout=0.0) is None

    def layer_uri(self, spec: LayerSpec) -> str:
        """The data source URI of one catalog layer in this source: never with a password (it is saved in
        projects), only the service or authcfg that lead to the credentials (see :meth:`open_layer`)."""
        if self.kind == "gpkg":
            return f"{self.location}|layername={spec.table}"
        uri = self._pg_base_uri()
        uri.setPassword("")
        if uri.authConfigId() or uri.service():
            uri.setUsername("")  # the auth manager or the pg_service entry knows the user
        uri.setUseEstimatedMetadata(True)  # extents and counts from table statistics: no full scans on load
        uri.setDataSource(self.schema, spec.table, PG_GEOMETRY_COLUMN if spec.is_spatial else None, "", "fid")
        return uri.uri(False)

    def open_layer(self, spec: LayerSpec, name: Optional[str] = None) -> QgsVectorLayer:
        """A new (possibly invalid) vector layer for ``spec``; never added to a project here. A saved connection
        with a plain password (see :meth:`plain_password_warning`) hands it to QGIS's credential cache for this
        session only: the layer's source, and so the saved project, stays without it."""
        options = QgsVectorLayer.LayerOptions()
        options.loadDefaultStyle = False
        uri = self.layer_uri(spec)
        if self.kind == "postgres":
            base = self._pg_base_uri()
            if base.password() and not base.authConfigId():
                realm = QgsDataSourceUri(uri).connectionInfo(False)
                QgsCredentials.instance().put(realm, base.username(), base.password())
        return QgsVectorLayer(uri, name or spec.id, self.provider(), options)

    def open_layer_or_fault(self, spec: LayerSpec, name: Optional[str] = None
                            ) -> tuple[QgsVectorLayer, Optional[str]]:
        """:meth:`open_layer`, and why it is invalid when the database or file could not be reached (None when it
        was reached: then an invalid layer means a missing or unreadable table)."""
        with watch_reads() as faults:
            layer = self.open_layer(spec, name)
        if layer.isValid() or not faults:
            return layer, None
        message = QCoreApplication.translate("TwinSource", "Cannot reach the twin database {source}: {error}")
        return layer, message.format(source=self.describe(), error=redact(first_fault(faults)))

    def plain_password_warning(self) -> Optional[str]:
        """A warning when the saved connection keeps a plain password (None otherwise)."""
        if self.kind != "postgres":
            return None
        try:
            base = self._pg_base_uri()
        except TwinSourceError:
            return None
        if not base.password() or base.authConfigId():
            return None
        return QCoreApplication.translate("TwinSource", "The saved connection '{name}' keeps its password in plain text: store it in QGIS's authentication manager (Settings ▸ Options ▸ Authentication) and choose that configuration in the connection. The project is saved without the password.").format(name=self.location)  # noqa: E501 - one literal for pylupdate5

    def _no_connection(self) -> str:
        return QCoreApplication.translate("TwinSource", "No saved PostgreSQL connection named '{name}'").format(
            name=self.location
        )

    def _pg_base_uri(self) -> QgsDataSourceUri:
        if self.kind == "pgservice":
            if "=" in self.location:  # "service=NAME dbname=DB"
                uri = QgsDataSourceUri(self.location)
            else:
                uri = QgsDataSourceUri()
                uri.setConnection(self.location, "", "", "")  # the service variant: no credentials here
        else:
            metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
            try:
                connection = metadata.findConnection(self.location)
            except Exception as exc:  # noqa: BLE001 - QgsProviderConnectionException
                raise TwinSourceError(self._no_connection()) from exc
            if connection is None:
                raise TwinSourceError(self._no_connection())
            uri = QgsDataSourceUri(connection.uri())
        if not uri.hasParam("connect_timeout"):
            uri.setParam("connect_timeout", str(PG_CONNECT_TIMEOUT_S))
        return uri


def _gpkg_unreadable(path: Path, busy_timeout: float = GPKG_BUSY_TIMEOUT_S) -> Optional[str]:
    """Why GeoPackage ``path`` cannot be read now (locked by another program, not a GeoPackage), or None."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout)
    except sqlite3.Error as exc:
        return QCoreApplication.translate("TwinSource", "Cannot open {path}: {error}").format(path=path, error=exc)
    try:
        conn.execute("SELECT count(*) FROM gpkg_contents").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return QCoreApplication.translate("TwinSource", "GeoPackage {path} is locked by another program: close it there (or end its edit), then retry").format(path=path)  # noqa: E501 - one literal for pylupdate5
        return _not_gpkg(path, exc)
    except sqlite3.Error as exc:
        return _not_gpkg(path, exc)
    finally:
        conn.close()
    return None


def _not_gpkg(path: Path, error: Exception) -> str:
    message = QCoreApplication.translate("TwinSource", "{path} is not a GeoPackage: {error}")
    return message.format(path=path, error=error)
