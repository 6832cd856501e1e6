"""Storage: SQLAlchemy tables, Alembic migrations, and one repository class per table."""

from warlog.store.articles import ArticleRepository
from warlog.store.db import Database, DatabaseUnavailable, open_database, resolve_url
from warlog.store.learned_aliases import LearnedAliasRepository
from warlog.store.reports import ReportRepository

__all__ = [
    "ArticleRepository",
    "Database",
    "DatabaseUnavailable",
    "LearnedAliasRepository",
    "ReportRepository",
    "open_database",
    "resolve_url",
]
