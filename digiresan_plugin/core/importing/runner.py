"""Run one import: a source file through a mapping into one twin layer, in one transaction.

``read = inserted + updated + unchanged + rejected`` always holds, counted in source rows (a source row that gives
several twin rows, e.g. 24 hourly columns, counts once: inserted if any of its rows is new, else updated if any
changed). A dry run does everything, then rolls back. A failure or a cancel rolls back: the twin is as before.
Only the one table is written; ``replace`` empties that table (inside the transaction) before inserting.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsGeometry

from ..catalog import Catalog
from ..domains import field_domains
from ..gpkg_triggers import session_user
from ..i18n import ui_language
from ..log import get_logger
from ..maintenance_spec import maintenance_spec
from ..tr import tr
from ..twin_source import TwinSource
from .aggregate import SITE_COLUMNS, RecordProblem, SiteRow, profiles
from .gpkg_writer import GpkgWriter
from .link_rows import gpkg_rows
from .linking import NearestLinker
from .mapping import Mapping, MappingError, check_against
from .measures import MeasureLinker
from .names import SourceFields
from .results import ImportCancelledError, ImportResult, Rejection
from .rows import RowMapper, RowRejectedError
from .source import Source, SourceRow
from .writer import RowRefusedError, TwinWriter, WriteError

LOG = get_logger(__name__)
MODES = ("insert", "upsert", "replace")
PROGRESS_EVERY = 500
GEOMETRY_TOLERANCE = 0.001  # twin CRS units (metres): less is a reprojection's rounding, not a change


def target_dsn(source: TwinSource) -> tuple[str, str]:
    """The OGR data source string and table prefix of a twin source."""
    if source.kind == "gpkg":
        return source.location, ""
    if source.kind == "pgservice" and "=" not in source.location:
        return f"PG:service={source.location}", f"{source.schema}."
    if source.kind == "pgservice":
        return f"PG:{source.location}", f"{source.schema}."
    raise WriteError(tr("{twin}: importing into a saved PostgreSQL connection is not supported yet; use a pg_service "
                        "entry (pgservice:<service>)").format(twin=source.describe()))


class Importer:
    """Everything one run needs, opened; :meth:`run` does it."""

    def __init__(self, catalog: Catalog, target: TwinSource, source_path: Path | str, mapping: Mapping,
                 mode: str = "upsert", dry_run: bool = False, today: Optional[date] = None, crs: str = "",
                 transform_context: Optional[QgsCoordinateTransformContext] = None):
        if mode not in MODES:
            raise MappingError(
                mapping.path, "MODE", tr("one of {modes}, got '{mode}'").format(modes=", ".join(MODES), mode=mode)
            )
        self.catalog, self.target, self.mapping, self.mode, self.dry_run = catalog, target, mapping, mode, dry_run
        if mapping.layer not in {s.id for s in catalog.layers}:
            raise MappingError(
                mapping.path,
                "layer",
                tr("a layer id of the catalog ({value})").format(value=", ".join(s.id for s in catalog.layers)),
            )
        self.spec = catalog.layer(mapping.layer)
        dsn, prefix = target_dsn(target)
        self.prefix = prefix
        describe = f"{target.describe()}: {self.spec.table}"
        self.writer = (GpkgWriter(dsn, self.spec.table, describe) if target.kind == "gpkg"
                       else TwinWriter(dsn, prefix + self.spec.table, describe))
        self.key = mapping.key or ((self.spec.key,) if self.spec.key else ())
        if not self.key:
            raise MappingError(
                mapping.path, "key", tr("key fields (layer '{id}' has no key in the catalog)").format(id=self.spec.id)
            )
        check_against(mapping, catalog, self.writer.kinds, self.key)
        rules = {r.field: r for r in field_domains(catalog).rules_for(self.spec.id)}
        unfilled = [r.field for r in rules.values() if r.not_null and r.field not in mapping.targets()
                    and r.field in self.writer.kinds]
        if unfilled:
            raise MappingError(mapping.path, f"fields.{unfilled[0]}", tr('a mapping for this required twin field'))
        linker, by_measure, link_title = None, None, None
        self.link_writer: Optional[TwinWriter] = None
        self.linkers: list = []
        crs_wkt = self.writer.crs_wkt()
        if mapping.link is not None:
            link_spec = catalog.layer(mapping.link.layer)
            link_title = link_spec.title.text(ui_language())
            # the linkers read the twin's features only when a row first needs linking: a GeoPackage through the
            # import's own connection (inside its transaction), PostGIS through this dataset, kept open till then
            self.link_writer = TwinWriter(dsn, prefix + link_spec.table, link_spec.table)
            crs_wkt = crs_wkt or self.link_writer.crs_wkt()
            table = prefix + link_spec.table
            rows = gpkg_rows(self.writer.conn, table) if isinstance(self.writer, GpkgWriter) else None
            try:
                linker = NearestLinker(self.link_writer.ds, table, link_spec.key or mapping.link.field,
                                       mapping.link.max_distance_m, rows)
                if mapping.link.measure is not None:
                    by_measure = MeasureLinker(self.link_writer.ds, table, link_spec.key or mapping.link.field,
                                               mapping.link.measure, link_title, str(mapping.path), rows)
            finally:
                self.linkers = [one for one in (linker, by_measure) if one is not None]
                if rows is not None:  # the GeoPackage's dataset was needed only to check the table
                    self.link_writer.close()
                    self.link_writer = None
        target_crs = QgsCoordinateReferenceSystem.fromWkt(crs_wkt) if crs_wkt else None
        self.source = Source(source_path, mapping, target_crs, crs, transform_context, self.writer.spatial)
        geometry = self.spec.geometry if self.writer.spatial else None
        # an aggregating mapping's site rows carry the route and measure columns of their first record
        self.carried = by_measure.bound(self.source.fields).columns if by_measure is not None else []
        fields = (self.source.fields if mapping.aggregate is None
                  else SourceFields(SITE_COLUMNS + [c for c in self.carried if c not in SITE_COLUMNS]))
        self.mapper = RowMapper(mapping, fields, self.writer.kinds, geometry, rules,
                                today or date.today(), linker, self.key[0], by_measure, link_title)
        self.result = ImportResult(self.source.name, self.spec.id, mode, dry_run)
        for name in self.mapper.missing:
            self.result.warnings.append(tr("{file}: no column {column} (mapping {mapping})").format(
                file=self.source.name, column=name, mapping=mapping.id))

    # -- the run -----------------------------------------------------------------------------
    def run(self, progress: Optional[Callable[[float], bool]] = None) -> ImportResult:
        """Import, or raise (after rolling back): :class:`ImportCancelledError`, :class:`WriteError`, any fault."""
        writer, result = self.writer, self.result
        compare = [n for n in self.mapping.targets() if n in writer.kinds]
        key_at = [compare.index(k) for k in self.key]
        # the stored rows, kept small: key digest → (fid, digest of the compared values, digest of the geometry)
        existing: dict[bytes, tuple[int, bytes, Optional[bytes]]] = {}
        self.pending: set[tuple] = set()
        self.buffered = getattr(writer, "buffered", False)
        if self.mode != "replace":
            single = key_at[0] if len(key_at) == 1 else None
            for fid, values, wkb in writer.rows(compare, geometry=writer.spatial):
                key = (values[single],) if single is not None else tuple(values[i] for i in key_at)
                existing.setdefault(_seen_key(key), (fid, _seen_key(values), _digest(wkb)))
        session = maintenance_spec(self.catalog).history.session_table
        try:
            writer.begin()
            previous = writer.set_session(session, session_user()) if self.target.kind == "gpkg" else None
            if self.mode == "replace":
                result.deleted = writer.delete_all()
            seen: dict[bytes, int] = {}  # the keys met so far (as _seen_key digests) → their source row
            total = max(self.source.count, 1)
            combining = self.mapping.link is not None and self.mapping.link.combine is not None
            groups: dict[tuple, list[tuple[SourceRow, Any]]] = {}
            for row in self._rows():
                members = getattr(row, "members", ()) or (row.number,)
                result.read += len(members)
                if progress is not None and result.read % PROGRESS_EVERY < len(members) and not progress(
                        100.0 * result.read / total):
                    raise ImportCancelledError("cancelled")
                try:
                    if combining:
                        twin_rows = self.mapper.map(row)
                        if len(twin_rows) == 1 and twin_rows[0].linked:  # combined with its kind at the end
                            values = twin_rows[0].values
                            groups.setdefault(tuple(values.get(k) for k in self.key), []).append((row, twin_rows[0]))
                            continue
                        self._one(row, compare, existing, seen, len(members), twin_rows)
                    else:
                        self._one(row, compare, existing, seen, len(members))
                except RowRejectedError as exc:
                    self._reject(row, exc)
            for group in groups.values():
                self._combined(group, compare, existing, seen)
            self._flush(existing, seen)
            seen.clear()  # not needed any more: freed before the R-tree is built at commit (the run's peak)
            existing.clear()
            result.rejections.sort(key=lambda r: r.row)
            if progress is not None and not progress(100.0):
                raise ImportCancelledError("cancelled")
            if self.dry_run:
                writer.rollback()
            else:
                if previous is not None:
                    writer.restore_session(session, previous)
                writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.close()
            self._close_link()
        return result

    def preview(self, limit: int = 10) -> list[tuple[int, Optional[dict[str, Any]], Optional[str]]]:
        """The first ``limit`` source rows after mapping, nothing written: (row, twin values or None, reason)."""
        out: list[tuple[int, Optional[dict[str, Any]], Optional[str]]] = []
        try:
            for row in self._rows():
                try:
                    out += [(row.number, twin.values, None) for twin in self.mapper.map(row)][:limit - len(out)]
                except RowRejectedError as exc:
                    out.append((row.number, None, f"{exc.field or '–'}: {exc.reason}"))
                if len(out) >= limit:
                    break
        finally:
            self.writer.close()
            self._close_link()
        return out

    def _close_link(self) -> None:
        for linker in self.linkers:
            linker.rows = None  # the twin's file is not held open by a linker after the run
        if self.link_writer is not None:
            self.link_writer.close()
            self.link_writer = None

    def _rows(self) -> Iterator[SourceRow]:
        """The source's rows, or its sites' profiles for an aggregating mapping (refused records counted here)."""
        if self.mapping.aggregate is None:
            yield from self.source.rows()
            return
        problems: list[RecordProblem] = []
        sites = list(profiles(self.source.rows(), self.source.fields, self.mapping.aggregate, problems,
                              self.carried))
        for p in problems:
            self.result.read += 1
            self.result.rejections.append(Rejection(p.row, p.field, p.value, p.reason, _shown(p.values)))
        yield from sites

    def _reject(self, row: SourceRow, exc: RowRejectedError) -> None:
        members = getattr(row, "members", ()) or (row.number,)
        originals = getattr(row, "member_values", ()) or (row.values,)
        self.result.rejections += [Rejection(number, exc.field, exc.value, exc.reason, _shown(values))
                                   for number, values in zip(members, originals)]

    def _flush(self, existing: dict, seen: dict, refused: Optional[list] = None) -> None:
        """Write the rows queued by a buffered writer; a refused one moves from inserted to rejected."""
        if refused is None:
            if not self.buffered:
                return
            refused = self.writer.flush()
            self.pending.clear()
        for (row, key, weight), message in refused:
            self.result.inserted -= weight
            self.result.twin_rows -= 1
            existing.pop(_seen_key(key), None)
            seen.pop(_seen_key(key), None)
            self._reject(row, RowRejectedError(None, None, tr("refused by the twin: {reason}").format(
                reason=message)))

    def _combined(self, group: list, compare: list[str], existing: dict, seen: dict) -> None:
        """Source rows linked by position to the same twin key, as one twin row standing for all of them."""
        first = group[0][0]
        row = SiteRow(first.number, first.values, members=tuple(r.number for r, _t in group),
                      member_values=tuple(r.values for r, _t in group))
        try:
            self._one(row, compare, existing, seen, len(group), [self.mapper.combine([t for _r, t in group])])
        except RowRejectedError as exc:
            self._reject(row, exc)

    def _one(self, row: SourceRow, compare: list[str], existing: dict, seen: dict, weight: int = 1,
             twin_rows: Optional[list] = None) -> None:
        twin_rows = self.mapper.map(row) if twin_rows is None else twin_rows
        names = self.key
        if self.buffered and len(twin_rows) == 1:  # the usual new row: queued, its key digested once
            twin = twin_rows[0]
            key = tuple([twin.values.get(k) for k in names])
            digest = None if None in key or key in self.pending else _seen_key(key)
            if digest is not None and digest not in seen and digest not in existing:
                self._queue(row, key, digest, twin, existing, seen, weight)
                return
        plan = []
        for twin in twin_rows:
            values = twin.values
            key = tuple([values.get(k) for k in names])
            if key in self.pending:  # its fate is known only once written
                self._flush(existing, seen)
            if None in key:
                raise RowRejectedError(names[key.index(None)], None, tr("the key field has no value"))
            first = seen.get(_seen_key(key))
            if first is not None:
                shown = "/".join(str(k) for k in key)
                raise RowRejectedError(names[0], shown, tr("key {key} appears twice in the file (first at row "
                                                           "{row})").format(key=shown, row=first))
            old = existing.get(_seen_key(key))
            if old is None:
                plan.append(("insert", None, key, twin))
            elif self.mode == "insert":
                raise RowRejectedError(names[0], "/".join(str(k) for k in key),
                                       tr("already in the twin (mode insert; use upsert to update)"))
            elif old[1] == _seen_key(tuple([values.get(n) for n in compare])) and (
                    not self.writer.spatial or twin.wkb is None or old[2] == _digest(twin.wkb)
                    or same_geometry(self.writer.geometry_wkb(old[0]), twin.wkb)):
                plan.append(("unchanged", old[0], key, twin))
            else:
                plan.append(("update", old[0], key, twin))
        if len(plan) == 1 and plan[0][0] == "insert" and self.buffered:
            self._queue(row, plan[0][2], _seen_key(plan[0][2]), plan[0][3], existing, seen, weight)
            return
        writes = sum(1 for p in plan if p[0] != "unchanged")
        if self.buffered and writes:  # written now, after the queued rows (their refusals accounted first)
            self._flush(existing, seen)
        # a refused statement aborts a whole PostgreSQL transaction: there every written row gets a savepoint
        savepoint = writes > 1 or (writes == 1 and self.target.kind != "gpkg")
        if savepoint:
            self.writer.savepoint()
        try:
            for action, fid, _key, twin in plan:
                if action == "insert":
                    self.writer.insert(twin.values, twin.wkb)
                elif action == "update":
                    self.writer.update(fid, twin.values, twin.wkb)
        except RowRefusedError as exc:
            if savepoint:
                self.writer.release(keep=False)
            raise RowRejectedError(None, None, tr("refused by the twin: {reason}").format(reason=exc)) from None
        if savepoint:
            self.writer.release()
        self._account(plan, row, compare, existing, seen, weight)

    def _queue(self, row: SourceRow, key: tuple, digest: bytes, twin: Any, existing: dict, seen: dict,
               weight: int) -> None:
        """A new row queued: written with its chunk, refused (if so) then."""
        self.pending.add(key)
        seen[digest] = row.number
        self.result.twin_rows += 1
        self.result.inserted += weight
        refused = self.writer.queue(twin.values, twin.wkb, (row, key, weight), twin.envelope)
        if not self.writer.pending_count:  # the chunk was written
            self.pending.clear()
        if refused:
            self._flush(existing, seen, refused)

    def _account(self, plan: list, row: SourceRow, compare: list[str], existing: dict, seen: dict,
                 weight: int) -> None:
        for action, fid, key, twin in plan:
            seen[_seen_key(key)] = row.number
            if action == "update":  # (a new key is in ``seen``: a second row with it is refused before this)
                existing[_seen_key(key)] = (fid, _seen_key(tuple(twin.values.get(n) for n in compare)),
                                            _digest(twin.wkb))
            if action != "unchanged":
                self.result.twin_rows += 1
        actions = {p[0] for p in plan}
        if "insert" in actions:
            self.result.inserted += weight
        elif "update" in actions:
            self.result.updated += weight
        else:
            self.result.unchanged += weight


def _seen_key(key: tuple) -> bytes:
    """A key (or a row's compared values) as kept for the look-ups: 16 bytes instead of the texts and numbers
    (at 10^6 rows some hundred MB less; two different ones share a digest with a chance of ~10^-27)."""
    return hashlib.blake2b(repr(key).encode("utf-8"), digest_size=16).digest()


def _digest(wkb: Optional[bytes]) -> Optional[bytes]:
    """What is kept of a stored geometry to compare (16 bytes, not the geometry: memory stays small)."""
    return None if wkb is None else hashlib.blake2b(wkb, digest_size=16).digest()


def same_geometry(old: Optional[bytes], new: bytes) -> bool:
    """Equal, or apart by less than :data:`GEOMETRY_TOLERANCE` everywhere (a reprojection's last digits)."""
    if old == new:
        return True
    if old is None:
        return False
    a, b = QgsGeometry(), QgsGeometry()
    a.fromWkb(old)
    b.fromWkb(new)
    if a.wkbType() != b.wkbType() or a.constGet().nCoordinates() != b.constGet().nCoordinates():
        return False
    return a.hausdorffDistance(b) < GEOMETRY_TOLERANCE


def _shown(values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in values.items():
        if hasattr(value, "isNull") and not isinstance(value, str):
            try:
                value = None if value.isNull() else str(value.toString() if hasattr(value, "toString") else value)
            except TypeError:
                value = str(value)
        out[name] = value
    return out


def run_import(catalog: Catalog, target: TwinSource, source_path: Path | str, mapping: Mapping, mode: str = "upsert",
               dry_run: bool = False, today: Optional[date] = None, crs: str = "",
               progress: Optional[Callable[[float], bool]] = None,
               transform_context: Optional[QgsCoordinateTransformContext] = None) -> ImportResult:
    """Open, import and close (see :class:`Importer`)."""
    importer = Importer(catalog, target, source_path, mapping, mode, dry_run, today, crs, transform_context)
    return importer.run(progress)
