"""Digiresan ideas: model, filtering and the repositories (GeoPackage, PostgreSQL, HTTP JSON export)."""

from .filtering import FilterResult, IdeaFilter, IdeaIndex, filter_ideas, ideas_for_feature, status_counts
from .model import (
    CATEGORIES,
    EDITABLE_FIELDS,
    PERSONAL_FIELDS,
    STATUSES,
    THEMES,
    Conflict,
    Idea,
    IdeaChange,
    IdeaEvent,
    ProgrammeSummary,
    SaveResult,
    programme_summary,
)
from .repository import IdeaRepository, RepositoryError, open_repository


def __getattr__(name: str):
    """The implementations, imported on first use (psycopg2/requests only when needed)."""
    if name == "GeoPackageIdeaRepository":
        from .gpkg import GeoPackageIdeaRepository

        return GeoPackageIdeaRepository
    if name == "PostgresIdeaRepository":
        from .postgres import PostgresIdeaRepository

        return PostgresIdeaRepository
    if name == "HttpIdeaRepository":
        from .http import HttpIdeaRepository

        return HttpIdeaRepository
    raise AttributeError(name)


__all__ = [
    "CATEGORIES", "EDITABLE_FIELDS", "PERSONAL_FIELDS", "STATUSES", "THEMES", "Conflict", "FilterResult", "Idea",
    "IdeaChange", "IdeaEvent", "IdeaFilter", "IdeaIndex", "IdeaRepository", "ProgrammeSummary", "RepositoryError",
    "SaveResult", "filter_ideas", "ideas_for_feature", "open_repository", "programme_summary", "status_counts",
    "GeoPackageIdeaRepository", "PostgresIdeaRepository", "HttpIdeaRepository",
]
