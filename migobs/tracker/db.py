"""Engine and sessions from a SQLAlchemy URL; schema migrations (Alembic) run from code.

SQLite (the default, a file in ``MIGOBS_HOME``) and PostgreSQL (``MIGOBS_TRACKER_URL``) run the
same migrations. ``prepare(engine)`` migrates to the newest revision and loads the reference data
(States, objectives, principles, indicator links, roles) that is not there yet.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url, select
from sqlalchemy.orm import Session, sessionmaker

from migobs.errors import TrackerError
from migobs.tracker import models, reference

MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (SQLite: the file made first, see :func:`create_sqlite_file`;
    foreign keys on, WAL, waits up to 30 s for a lock)."""
    if url.startswith("sqlite"):
        create_sqlite_file(url)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def create_sqlite_file(url: str) -> None:
    """Make the folder of a SQLite database and the file itself, readable by its owner only
    (0600; SQLite gives its WAL files the same mode), unless it exists already.

    Raises
    ------
    TrackerError
        The folder cannot be made (the message names it and says what to do).
    """
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as error:
        raise TrackerError(
            f"Cannot create the tracker database {path}: {error.strerror}. Set MIGOBS_HOME to "
            "a folder you may write to, or MIGOBS_TRACKER_URL to another database."
        ) from error


def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def sessions(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database behind ``engine`` to ``revision`` (default: the newest)."""
    _alembic(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Downgrade the database behind ``engine`` to ``revision`` (default: nothing left)."""
    _alembic(engine, command.downgrade, revision)


def _alembic(engine: Engine, step: Callable[[Config, str], None], revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        step(config, revision)


def load_reference(session: Session) -> None:
    """Insert the reference rows that are missing (States, objectives, principles, roles)."""
    _add_missing(
        session,
        models.RoleRow,
        "name",
        [{"name": k, "description": v} for k, v in models.ROLES.items()],
    )
    _add_missing(session, models.StateRow, "m49", [vars(s) for s in reference.states()])
    _add_missing(session, models.PrincipleRow, "letter", [vars(p) for p in reference.principles()])
    objectives = [
        {"number": o.number, "title": o.title, "short_label": o.short_label, "summary": o.summary}
        for o in reference.objectives()
    ]
    if _add_missing(session, models.ObjectiveRow, "number", objectives):
        session.flush()
        session.add_all(
            models.IndicatorRow(objective=o.number, **vars(link))
            for o in reference.objectives()
            for link in o.indicators
        )
    session.commit()


def _add_missing(session: Session, model: Any, key: str, rows: list[dict[str, Any]]) -> int:
    present = set(session.scalars(select(getattr(model, key))))
    missing = [row for row in rows if row[key] not in present]
    session.add_all(model(**row) for row in missing)
    return len(missing)


def prepare(engine: Engine) -> None:
    """Migrate to the newest schema and load the reference data."""
    migrate(engine)
    with Session(engine) as session:
        load_reference(session)
