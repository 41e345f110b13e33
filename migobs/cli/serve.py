"""``migobs serve``: the dashboard and the API on one port."""

from __future__ import annotations

import click
import uvicorn

from migobs.app import create_app
from migobs.cli._common import settings_from
from migobs.http.server import server_config


@click.command()
@click.option(
    "--host", default=None, help="Address to listen on. Default: MIGOBS_HOST or 127.0.0.1."
)
@click.option(
    "--port", type=int, default=None, help="Port to listen on. Default: MIGOBS_PORT or 8000."
)
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Serve the dashboard and the REST API (OpenAPI at /openapi.json) until interrupted.

    Reads the warehouse built by `migobs build`; pages say how to build it when it is missing.
    """
    settings = settings_from(ctx)
    app = create_app(settings)
    config = server_config(app, settings, host=host or settings.host, port=port or settings.port)
    uvicorn.Server(config).run()
