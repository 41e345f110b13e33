"""Alembic environment: run with a connection handed over by migobs.gcm.db.migrate."""

from alembic import context

from migobs.gcm.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations with `migobs tracker migrate` (migobs.gcm.db.migrate).")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
