"""``migobs serve``: the dashboard and the API on one port."""

from __future__ import annotations

import click

from migobs.cli._common import settings_from


@click.command()
@click.option(
    "--host", default=None, help="Address to listen on. Default: MIGOBS_HOST or 127.0.0.1."
)
@click.option(
    "--port", type=int, default=None, help="Port to listen on. Default: MIGOBS_PORT or 8000."
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes serving requests, each reading the same warehouse file (read-only) and the "
    "tracker's database as configured. See docs/deployment.md.",
)
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None, workers: int) -> None:
    """Serve the dashboard and the REST API (OpenAPI at /openapi.json) until interrupted.

    Reads the warehouse built by `migobs build`; pages say how to build it when it is missing.
    """
    import uvicorn

    from migobs.app import create_app
    from migobs.http.server import server_config, server_options

    settings = settings_from(ctx)
    place = {"host": host or settings.host, "port": port or settings.port, "log_level": "info"}
    if workers == 1:
        uvicorn.Server(server_config(create_app(settings), settings, **place)).run()
        return
    from migobs.tracker.service import Tracker

    # A SQLite tracker is migrated once here, not by every worker at the same moment; each
    # worker then reads the same MIGOBS_* settings and creates its own app.
    Tracker.from_settings(settings).engine.dispose()
    options = {**server_options(settings, workers=True), **place}
    uvicorn.run("migobs.app:app_from_env", factory=True, workers=workers, **options)
