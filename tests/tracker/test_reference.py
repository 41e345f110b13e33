from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from migobs.tracker import db, models, reference


def test_reference_data_is_complete() -> None:
    objectives = reference.objectives()
    assert [o.number for o in objectives] == list(range(1, 24))
    assert objectives[22].title.startswith("Strengthen international cooperation")
    assert [p.letter for p in reference.principles()] == list("abcdefghij")
    assert all(o.indicators for o in objectives)
    codes = {s.m49: s.name for s in reference.states()}
    assert codes["484"] == "Mexico" and codes["008"] == "Albania"
    assert reference.source()["document"] == "A/RES/73/195"


def test_migrations_go_down_and_up_again(tracker_url: str) -> None:
    engine = db.make_engine(tracker_url)
    try:
        db.downgrade(engine)
        assert "commitments" not in inspect(engine).get_table_names()
        db.prepare(engine)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM objectives")).scalar() == 23
            assert connection.execute(text("SELECT count(*) FROM principles")).scalar() == 10
    finally:
        engine.dispose()


def test_the_migrated_schema_is_the_models(tracker_url: str) -> None:
    engine = db.make_engine(tracker_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert compare_metadata(context, models.Base.metadata) == []
    finally:
        engine.dispose()


def test_tokens_issued_before_expiry_get_an_end(tracker_url: str) -> None:
    """Revision 0002 fills ``expires_at`` of existing tokens: created_at plus 90 days."""
    engine = db.make_engine(tracker_url)
    try:
        db.downgrade(engine, "0001")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (id, email, password_hash, role, active, created_at) "
                    "VALUES (1, 'a@example.org', 'x', 'admin', true, :at)"
                ),
                {"at": dt.datetime(2026, 1, 1)},
            )
            connection.execute(
                text(
                    "INSERT INTO api_tokens (user_id, token_hash, created_at, revoked) "
                    "VALUES (1, 'h', :at, false)"
                ),
                {"at": dt.datetime(2026, 1, 1, 12)},
            )
        db.migrate(engine)
        with Session(engine) as session:
            token = session.scalars(select(models.ApiToken)).one()
            assert token.expires_at == dt.datetime(2026, 4, 1, 12, tzinfo=dt.UTC)
    finally:
        engine.dispose()
