"""The ``diplograph`` command line. Each module below registers its commands on ``app``."""

from __future__ import annotations

from graph.cli.app import app

# Importing a command module registers its commands (one import line per module).


def main() -> None:
    app()


__all__ = ["app", "main"]
