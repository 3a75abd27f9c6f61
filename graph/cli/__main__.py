"""``python -m graph.cli``: the same command line as the ``diplograph`` script."""

import graph.cli  # noqa: F401  (registers every command)
from graph.cli.app import app

app(prog_name="diplograph")
