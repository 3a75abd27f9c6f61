"""``diplograph extract`` (claims as JSON on stdout) and ``diplograph ingest`` (claims into the store).

Each input is loaded on its own: an unreadable one is reported on stderr as one line and makes
the exit code non-zero, while the other inputs still go through.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from graph.cli.app import app, console, err_console, fail
from graph.errors import GraphError, InvalidInput, UnreadableInput
from graph.ingest.load import Document, iter_inputs, load_bytes, load_path
from graph.ingest.pipeline import Extraction, extract_document
from graph.models import RelationType, Status
from graph.store.base import GraphStore


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


def _documents(inputs: list[str], failures: list[str]) -> Iterator[Document]:
    for name in inputs:
        errors: list[UnreadableInput] = []
        if name == "-":
            try:
                yield from load_bytes(sys.stdin.buffer.read(), name="stdin", errors=errors)
            except UnreadableInput as exc:
                _report(failures, str(exc))
            for error in errors:
                _report(failures, str(error))
            continue
        path = Path(name)
        if not path.exists():
            _report(failures, str(UnreadableInput(name, "no such file or directory")))
            continue
        for file in iter_inputs([path]):
            try:
                docs = load_path(file, errors)
            except UnreadableInput as exc:
                _report(failures, str(exc))
                continue
            yield from docs
            for error in errors:
                _report(failures, str(error))
            errors.clear()


def _report(failures: list[str], message: str) -> None:
    failures.append(message)
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True, markup=True)


def _dump(row: dict[str, Any], fmt: OutputFormat) -> str:
    if fmt is OutputFormat.json:
        return json.dumps(row, ensure_ascii=False, indent=2)
    return json.dumps(row, ensure_ascii=False, separators=(", ", ": "))


def run_extract(inputs: list[str], failures: list[str]) -> Iterator[Extraction]:
    """Extractions for every readable article of the inputs, in input order."""
    for doc in _documents(inputs, failures):
        yield extract_document(doc)


@app.command()
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (text, forum post, HTML, JSON, JSONL, RSS/Atom); '-' reads standard input."
        ),
    ],
    fmt: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="jsonl: one object per line; json: indented objects."),
    ] = OutputFormat.jsonl,
) -> None:
    """Print the claims of each article as JSON (schema: docs/extract-format.md)."""
    failures: list[str] = []
    out = sys.stdout
    for extraction in run_extract(inputs, failures):
        out.write(_dump(extraction.to_json(), fmt) + "\n")
    out.flush()
    if failures:
        raise typer.Exit(code=1)


def _units(inputs: list[str], failures: list[str]) -> list[Path | None]:
    """The files behind the inputs (``None`` for stdin), listed first so the bar knows its total."""
    units: list[Path | None] = []
    for name in inputs:
        if name == "-":
            units.append(None)
        elif not Path(name).exists():
            _report(failures, str(UnreadableInput(name, "no such file or directory")))
        else:
            units.extend(iter_inputs([Path(name)]))
    return units


def _load_unit(unit: Path | None, failures: list[str]) -> list[Document]:
    try:
        return load_bytes(sys.stdin.buffer.read(), name="stdin") if unit is None else load_path(unit)
    except UnreadableInput as exc:
        _report(failures, str(exc))
        return []


@dataclass
class IngestTally:
    """What one ingest run did, for the summary table."""

    read: int = 0
    created: int = 0
    unchanged: int = 0
    claims: Counter[tuple[str, str]] = field(default_factory=Counter)  # (type, status) -> n

    def add(self, extraction: Extraction, created: bool) -> None:
        self.read += 1
        self.created += int(created)
        self.unchanged += int(not created)
        self.claims.update((c.predicate.value, c.status.value) for c in extraction.claims)


def _ingest_unit(store: GraphStore, unit: Path | None, tally: IngestTally, failures: list[str]) -> None:
    for doc in _load_unit(unit, failures):
        extraction = extract_document(doc)
        try:
            result = store.add_article(extraction.article, extraction.claims)
        except InvalidInput as exc:  # one bad article does not stop the run; a store outage does
            _report(failures, f"{doc.id}: {exc}")
            continue
        tally.add(extraction, result.created)


def summary_tables(tally: IngestTally, errors: int) -> tuple[Table, Table]:
    head = Table(title="Ingest summary", title_justify="left", show_header=False)
    head.add_row("articles", f"{tally.read} read · {tally.created} new · {tally.unchanged} unchanged")
    head.add_row("claims", str(sum(tally.claims.values())))
    head.add_row("errors", Text(str(errors), style="bold red" if errors else "green"))
    statuses = [s.value for s in Status]
    claims = Table(title="Claims by type and status", title_justify="left", header_style="bold")
    claims.add_column("type")
    for status in [*statuses, "total"]:
        claims.add_column(status.replace("_", " "), justify="right")
    for rel in RelationType:
        counts = [tally.claims[(rel.value, s)] for s in statuses]
        claims.add_row(rel.value, *map(str, counts), str(sum(counts)))
    return head, claims


@app.command(epilog="Example: diplograph ingest articles/ feed.xml")
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files or folders to ingest; '-' reads stdin.")],
) -> None:
    """Extract every article and store it with its claims, with a progress bar and a summary."""
    from graph.settings import get_settings
    from graph.store import open_store  # imported late: extract must not need a store

    failures: list[str] = []
    tally = IngestTally()
    units = _units(inputs, failures)
    # The bar goes to stderr, with the error lines, so stdout keeps only the summary.
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )
    try:
        store = open_store(get_settings())
        try:
            with bar:
                task = bar.add_task("ingesting", total=len(units))
                for unit in units:
                    bar.update(task, description=f"ingesting {unit.name if unit else 'stdin'}")
                    _ingest_unit(store, unit, tally, failures)
                    bar.advance(task)
        finally:
            store.close()
    except GraphError as exc:
        fail(str(exc))
    for table in summary_tables(tally, len(failures)):
        console.print(table)
    if failures:
        raise typer.Exit(code=1)
