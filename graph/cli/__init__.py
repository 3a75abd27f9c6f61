"""The ``diplograph`` command line. Each module below registers its commands on ``app``."""

from __future__ import annotations

# Importing a command module registers its commands (one import line per module).
import graph.cli.extract  # noqa: F401
import graph.cli.query  # noqa: F401
import graph.cli.seed  # noqa: F401
import graph.cli.serve  # noqa: F401
from graph.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
