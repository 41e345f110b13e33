"""Alembic environment: run with a connection handed over by migobs.tracker.db.migrate."""

from alembic import context

from migobs.tracker.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations with `migobs tracker migrate` (migobs.tracker.db.migrate).")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
