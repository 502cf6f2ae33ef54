"""Write into one twin table inside one transaction (GDAL/OGR): read what is there by key, insert, update,
delete, then commit — or roll back, leaving the twin exactly as it was.

GeoPackage: GDAL's own SQLite connection (the R-tree and the catalog's triggers run as for any edit); a row the
twin's triggers refuse is reported with the database's message and the rest of the run goes on.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from osgeo import gdal, ogr

from ..tr import tr
from .values import comparable

_KINDS = {ogr.OFTString: "text", ogr.OFTInteger: "integer", ogr.OFTInteger64: "integer", ogr.OFTReal: "real",
          ogr.OFTDate: "date", ogr.OFTDateTime: "datetime"}


class WriteError(RuntimeError):
    """The twin table cannot be opened or written; the message says which and why."""


class TwinWriter:
    """One twin table opened for update (``dsn``: a GeoPackage path or an OGR ``PG:`` string)."""

    def __init__(self, dsn: str, table: str, describe: str):
        self.describe, self.table = describe, table
        gdal.UseExceptions()
        try:
            options = [] if dsn.startswith("PG:") else ["LIST_ALL_TABLES=YES"]  # the twin's own session table
            self.ds = gdal.OpenEx(dsn, gdal.OF_VECTOR | gdal.OF_UPDATE, open_options=options)
        except RuntimeError as exc:
            raise WriteError(tr("{twin}: cannot open for writing ({error})").format(twin=describe, error=exc)) from exc
        self.layer = self.ds.GetLayerByName(table) if self.ds is not None else None
        if self.layer is None:
            raise WriteError(tr("{twin}: table '{table}' not found").format(twin=describe, table=table))
        self.defn = self.layer.GetLayerDefn()
        self.kinds: dict[str, str] = {}
        self.index: dict[str, int] = {}
        for i in range(self.defn.GetFieldCount()):
            fdefn = self.defn.GetFieldDefn(i)
            kind = _KINDS.get(fdefn.GetType(), "text")
            if fdefn.GetSubType() == ogr.OFSTBoolean:
                kind = "boolean"
            self.kinds[fdefn.GetName()] = kind
            self.index[fdefn.GetName()] = i
        self.spatial = self.layer.GetGeomType() != ogr.wkbNone
        self.in_transaction = False

    def crs_wkt(self) -> Optional[str]:
        srs = self.layer.GetSpatialRef()
        return srs.ExportToWkt() if srs is not None else None

    # -- reading ---------------------------------------------------------------------------
    def normal(self, name: str, value: Any) -> Any:
        """A stored value as the importer's typed value, to compare."""
        return comparable(self.kinds.get(name, "text"), value)

    def rows(self, names: list[str], geometry: bool = False) -> Iterator[tuple[int, tuple, Optional[bytes]]]:
        """(fid, values of ``names``, ISO WKB or None) of every stored row."""
        layer = self.layer
        layer.SetIgnoredFields([n for n in self.kinds if n not in names] + ([] if geometry else ["OGR_GEOMETRY"]))
        layer.ResetReading()
        try:
            at = [self.index[n] for n in names]
            for feature in layer:
                values = tuple(self.normal(n, feature.GetField(i)) for n, i in zip(names, at))
                wkb = None
                if geometry:
                    geom = feature.GetGeometryRef()
                    wkb = bytes(geom.ExportToIsoWkb()) if geom is not None else None
                yield feature.GetFID(), values, wkb
        finally:
            layer.SetIgnoredFields([])
            layer.ResetReading()

    def geometry_wkb(self, fid: int) -> Optional[bytes]:
        """The stored geometry of one row (ISO WKB), None for none."""
        if fid is None or fid < 0:
            return None
        feature = self.layer.GetFeature(fid)
        geom = feature.GetGeometryRef() if feature is not None else None
        return bytes(geom.ExportToIsoWkb()) if geom is not None else None

    # -- writing ---------------------------------------------------------------------------
    def begin(self) -> None:
        if self.ds.StartTransaction() != 0:
            raise WriteError(tr("{twin}: cannot start a transaction").format(twin=self.describe))
        self.in_transaction = True

    def _feature(self, feature: ogr.Feature, values: dict[str, Any], wkb: Optional[bytes]) -> None:
        index = self.index
        for name, value in values.items():
            i = index[name]
            if value is None:
                feature.SetFieldNull(i)
            elif type(value) is str:
                feature.SetFieldString(i, value)
            elif type(value) is float:
                feature.SetField(i, value)
            else:
                feature.SetFieldInteger64(i, int(value))
        if wkb is not None and self.spatial:
            feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))

    def insert(self, values: dict[str, Any], wkb: Optional[bytes]) -> None:
        feature = ogr.Feature(self.defn)
        self._feature(feature, values, wkb)
        self._call(self.layer.CreateFeature, feature)

    def update(self, fid: int, values: dict[str, Any], wkb: Optional[bytes]) -> None:
        feature = self.layer.GetFeature(fid)
        self._feature(feature, values, wkb)
        self._call(self.layer.SetFeature, feature)

    def delete_all(self) -> int:
        count = self.layer.GetFeatureCount()
        fids = [fid for fid, _values, _wkb in self.rows([])]
        try:
            for fid in fids:
                self._call(self.layer.DeleteFeature, fid)
        except RowRefusedError as exc:
            raise WriteError(tr("{twin}: the twin refused to empty the table for 'replace' ({error})").format(
                twin=self.describe, error=exc)) from None
        return count

    def savepoint(self) -> None:
        self.ds.ExecuteSQL("SAVEPOINT digiresan_import_row")

    def release(self, keep: bool = True) -> None:
        if not keep:
            self.ds.ExecuteSQL("ROLLBACK TO digiresan_import_row")
        self.ds.ExecuteSQL("RELEASE digiresan_import_row")

    @staticmethod
    def _call(method, *args) -> None:
        try:
            result = method(*args)
        except RuntimeError as exc:
            raise RowRefusedError(str(exc).strip()) from None
        if result != 0:
            raise RowRefusedError(gdal.GetLastErrorMsg().strip() or tr("the database refused the row"))

    def set_session(self, table: str, who: Optional[str]) -> Optional[tuple]:
        """Inside the transaction: write ``who`` into the twin's one-row session table (read by the history
        triggers); returns the previous (who, since) to restore before commit, None without the table."""
        layer = self.ds.GetLayerByName(table)
        feature = layer.GetFeature(1) if layer is not None else None
        if feature is None:
            return None
        previous = (feature.GetField("who"), feature.GetField("since"))
        if who is None:
            feature.SetFieldNull("who")
        else:
            feature.SetField("who", who)
        layer.SetFeature(feature)
        return previous

    def restore_session(self, table: str, previous: tuple) -> None:
        layer = self.ds.GetLayerByName(table)
        feature = layer.GetFeature(1)
        for name, value in zip(("who", "since"), previous):
            if value is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, value)
        layer.SetFeature(feature)

    def commit(self) -> None:
        if self.in_transaction:
            self.in_transaction = False
            if self.ds.CommitTransaction() != 0:
                raise WriteError(tr("{twin}: the import could not be committed").format(twin=self.describe))

    def rollback(self) -> None:
        if self.in_transaction:
            self.in_transaction = False
            self.ds.RollbackTransaction()

    def close(self) -> None:
        self.rollback()
        self.layer = None
        self.ds = None


class RowRefusedError(RuntimeError):
    """The database (a trigger or constraint of the twin) refused one row; the message is the database's."""
