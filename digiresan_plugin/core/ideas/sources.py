"""Which repository a source string means: the twin GeoPackage, PostgreSQL or the e-service's JSON export."""

from __future__ import annotations

from .. import settings
from ..tr import tr
from ..twin_source import TwinSource, TwinSourceError
from .gpkg import GeoPackageIdeaRepository
from .http import HttpIdeaRepository
from .postgres import PostgresIdeaRepository
from .repository import IdeaRepository, RepositoryError


def open_repository(source: str, authcfg: str = "") -> IdeaRepository:
    """The repository for a source string: ``""`` (the embedded demo twin), ``gpkg:<file>``,
    ``postgres:<saved QGIS connection>``, ``pgservice:<service>`` or an ``http(s)://`` URL of the JSON export
    (``authcfg``: the QGIS authentication configuration giving its token).
    """
    text = (source or "").strip()
    if text.startswith(("http://", "https://")):
        return HttpIdeaRepository(text, authcfg=authcfg)
    try:
        twin = TwinSource.parse(text)
    except TwinSourceError as exc:
        raise RepositoryError(str(exc), retryable=False) from exc
    if twin.kind == "gpkg":
        return GeoPackageIdeaRepository(twin.location)
    if twin.kind == "pgservice":
        if "=" in twin.location:  # "service=NAME dbname=DB" (another database of that service)
            params = _service_params(twin.location)
            return PostgresIdeaRepository.from_service(params["service"], dbname=params.get("dbname"))
        return PostgresIdeaRepository.from_service(twin.location)
    return PostgresIdeaRepository.from_qgis_connection(twin.location)


def repository_from_settings() -> IdeaRepository:
    """The ideas source: setting ``ideas_source`` (e.g. an http(s) URL of the e-service export, with
    ``ideas_authcfg``), else the twin source (its GeoPackage or PostgreSQL database)."""
    source = str(settings.get("ideas_source", "") or "") or str(settings.get("twin_source") or "")
    return open_repository(source, authcfg=str(settings.get("ideas_authcfg", "") or ""))


def _service_params(text: str) -> dict[str, str]:
    """``service`` and ``dbname`` of "service=NAME dbname=DB" (nothing else: no credentials in a source string)."""
    params: dict[str, str] = {}
    for part in text.split():
        key, sep, value = part.partition("=")
        if not sep or key not in ("service", "dbname") or not value:
            raise RepositoryError(
                tr("'{text}': only service=<name> and dbname=<database> are understood here").format(text=text), False
            )
        params[key] = value.strip("'\"")
    if "service" not in params:
        raise RepositoryError(tr("'{text}' names no service").format(text=text), False)
    return params
