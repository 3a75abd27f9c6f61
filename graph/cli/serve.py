"""``diplograph serve``: the REST API (and dashboard) under uvicorn, on the configured store."""

from __future__ import annotations

from typing import Annotated

import typer

from graph.cli.app import app, console, fail
from graph.errors import ConfigError
from graph.settings import get_settings


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port")] = 8000,
) -> None:
    """Serve the API on http://HOST:PORT (store chosen by DIPLOGRAPH_STORE)."""
    import uvicorn

    try:
        settings = get_settings()  # validated before anything listens
    except ConfigError as exc:
        fail(str(exc))
    from api.app import create_app  # the API imports FastAPI: only load it for this command

    console.print(f"diplograph API on http://{host}:{port} (store: {settings.diplograph_store})")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", access_log=False)
