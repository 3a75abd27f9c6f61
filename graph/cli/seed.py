"""``diplograph seed``: load the baseline facts (memberships, recognitions, UN status)."""

from __future__ import annotations

import time

from rich.table import Table

from graph.cli.app import app, console, fail
from graph.errors import GraphError
from graph.seed import seed_store
from graph.settings import get_settings
from graph.store import open_store


@app.command()
def seed() -> None:
    """Load the seed facts into the configured store (idempotent: a rerun changes nothing)."""
    started = time.perf_counter()
    try:
        store = open_store(get_settings())
        try:
            report = seed_store(store)
        finally:
            store.close()
    except GraphError as exc:
        fail(str(exc))
    table = Table(title="Seeded", show_header=False)
    table.add_row("countries", str(report.countries))
    table.add_row("agreements", str(report.agreements))
    table.add_row("sources", f"{report.sources} ({report.created} written, {report.unchanged} unchanged)")
    table.add_row("claims", str(report.claims))
    console.print(table)
    console.print(f"done in {time.perf_counter() - started:.1f}s")
