"""Digiresan ideas: model, filtering, the programme summary and the repositories (GeoPackage, PostgreSQL, HTTP JSON
export). psycopg2 and requests are imported by the repositories only when they are used."""

from .filtering import FilterResult, IdeaFilter, IdeaIndex, filter_ideas, ideas_for_feature, status_counts
from .gpkg import GeoPackageIdeaRepository
from .http import HttpIdeaRepository
from .model import (
    CATEGORIES,
    EDITABLE_FIELDS,
    IDEAS_CRS,
    PERSONAL_FIELDS,
    STATUSES,
    THEMES,
    Conflict,
    Idea,
    IdeaChange,
    IdeaEvent,
    SaveResult,
)
from .postgres import PostgresIdeaRepository
from .repository import IdeaRepository, RepositoryError
from .sources import open_repository, repository_from_settings
from .summary import ProgrammeSummary, programme_summary

__all__ = [
    "CATEGORIES", "EDITABLE_FIELDS", "IDEAS_CRS", "PERSONAL_FIELDS", "STATUSES", "THEMES", "Conflict",
    "FilterResult", "Idea", "IdeaChange", "IdeaEvent", "IdeaFilter", "IdeaIndex", "IdeaRepository",
    "ProgrammeSummary", "RepositoryError", "SaveResult", "filter_ideas", "ideas_for_feature", "open_repository",
    "programme_summary", "repository_from_settings", "status_counts",
    "GeoPackageIdeaRepository", "PostgresIdeaRepository", "HttpIdeaRepository",
]
