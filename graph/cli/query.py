"""``diplograph query ...`` and ``diplograph path``: read the graph from the terminal.

Every command prints a rich table by default and the API's JSON shape with ``--json``
(``{"items": [...], "count": N, "as_of": "YYYY-MM-DD"}`` for lists, ``{"paths": ...}`` for
paths), so scripts can switch between the CLI and ``/v1`` without re-parsing. Names are
resolved by ``graph.query`` ("israel", "IL" and "ISR" are the same country).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from graph import query as q
from graph.cli.app import app, console, fail
from graph.errors import GraphError
from graph.models import Node, Status
from graph.settings import get_settings
from graph.store import open_store
from graph.store.base import GraphStore

query_app = typer.Typer(
    help="Who recognizes whom, who belongs to what, who negotiates with whom (as of a date).",
    no_args_is_help=True,
)
app.add_typer(query_app, name="query")

STATUS_STYLE = {
    "in_force": "green", "announced": "yellow", "proposed": "cyan", "denied": "red", "ended": "magenta",
}

AsOf = Annotated[
    str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (default: today).", show_default=False)
]
StatusOpt = Annotated[
    str, typer.Option("--status", "-s", help="in_force, announced, proposed, denied, ended or any.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (the API's shape) instead of a table.")]

Lister = Callable[..., list[q.RelatedItem]]


@contextmanager
def _store() -> Iterator[GraphStore]:
    """The configured store, closed afterwards; any GraphError becomes one stderr line."""
    try:
        store = open_store(get_settings())
    except GraphError as exc:
        fail(str(exc))
    try:
        yield store
    except GraphError as exc:
        fail(str(exc))
    finally:
        store.close()


def parse_day(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        fail(f"Invalid date {text!r} for --as-of: expected YYYY-MM-DD, e.g. 2025-08-01.")


def parse_status(text: str) -> Status | None:
    try:
        return q.parse_status(text)
    except GraphError as exc:
        fail(str(exc))


def print_json(payload: Any) -> None:
    # Plain stdout, not rich: no wrapping or colour codes in output meant for scripts.
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))


def _status(value: Status) -> Text:
    return Text(value.value.replace("_", " "), style=STATUS_STYLE.get(value.value, ""))


def items_table(title: str, items: list[q.RelatedItem]) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    for col, justify in (("id", "left"), ("name", "left"), ("status", "left"), ("since", "left"),
                         ("until", "left"), ("conf.", "right"), ("evidence", "right")):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for i in items:
        table.add_row(i.id, i.name, _status(i.status), str(i.since or "—"), str(i.until or "—"),
                      f"{i.confidence:.2f}", str(i.evidence_count))
    return table


def _run_list(entity: str, verb: str, lister: Lister, resolver: Callable[..., Any],
              as_of: str | None, status: str, as_json: bool) -> None:
    day, wanted = parse_day(as_of), parse_status(status)
    with _store() as store:
        found = resolver(store, entity)
        items = lister(store, found.id, as_of=day, status=wanted)
    if as_json:
        print_json({"items": [i.model_dump(mode="json") for i in items], "count": len(items),
                    "as_of": day.isoformat()})
        return
    scope = "any status" if wanted is None else wanted.value.replace("_", " ")
    title = f"{found.name} ({found.id}) {verb}: {len(items)} as of {day.isoformat()} ({scope})"
    if items:
        console.print(items_table(title, items))
    else:
        console.print(f"[bold]{title}[/]")


@query_app.command("recognized-by", epilog="Example: diplograph query recognized-by ISR --as-of 2025-08-01")
def recognized_by(country: Annotated[str, typer.Argument(help="Country id, ISO code or name.")],
                  as_of: AsOf = None, status: StatusOpt = "in_force", as_json: JsonOpt = False) -> None:
    """The states that recognize COUNTRY."""
    _run_list(country, "is recognized by", q.recognized_by, q.resolve_country, as_of, status, as_json)


@query_app.command("recognizes", epilog="Example: diplograph query recognizes PSE --status any")
def recognizes(country: Annotated[str, typer.Argument(help="Country id, ISO code or name.")],
               as_of: AsOf = None, status: StatusOpt = "in_force", as_json: JsonOpt = False) -> None:
    """The states COUNTRY recognizes."""
    _run_list(country, "recognizes", q.recognizes, q.resolve_country, as_of, status, as_json)


@query_app.command("members", epilog="Example: diplograph query members abraham_accords --json")
def members(agreement: Annotated[str, typer.Argument(help="Agreement id, name or alias.")],
            as_of: AsOf = None, status: StatusOpt = "in_force", as_json: JsonOpt = False) -> None:
    """The member states of AGREEMENT."""
    _run_list(agreement, "has members", q.members_of, q.resolve_agreement, as_of, status, as_json)


@query_app.command("memberships", epilog="Example: diplograph query memberships Azerbaijan")
def memberships(country: Annotated[str, typer.Argument(help="Country id, ISO code or name.")],
                as_of: AsOf = None, status: StatusOpt = "in_force", as_json: JsonOpt = False) -> None:
    """The agreements and organisations COUNTRY belongs to."""
    _run_list(country, "is a member of", q.memberships, q.resolve_country, as_of, status, as_json)


@query_app.command("negotiations", epilog="Example: diplograph query negotiations SAU --status any")
def negotiations(country: Annotated[str, typer.Argument(help="Country id, ISO code or name.")],
                 as_of: AsOf = None, status: StatusOpt = "in_force", as_json: JsonOpt = False) -> None:
    """The states COUNTRY negotiates with."""
    _run_list(country, "negotiates with", q.negotiations, q.resolve_country, as_of, status, as_json)


def _path_text(path: list[Node]) -> Text:
    text = Text()
    for n, node in enumerate(path):
        if n:
            text.append(" → ", style="dim")
        text.append(node.name, style="bold blue" if node.kind.value == "country" else "dark_orange")
    return text


@app.command("path", epilog="Example: diplograph path AZE SAU --max-hops 4")
def path(source: Annotated[str, typer.Argument(help="From: country id, ISO code or name.")],
         target: Annotated[str, typer.Argument(help="To: country id, ISO code or name.")],
         max_hops: Annotated[int, typer.Option("--max-hops", min=1, max=10, help="Longest path, in edges.")]
         = 4,
         as_of: AsOf = None, as_json: JsonOpt = False) -> None:
    """Shortest treaty-membership paths between two states (country → agreement → country ...)."""
    day = parse_day(as_of)
    with _store() as store:
        a, b = q.resolve_country(store, source), q.resolve_country(store, target)
        paths = q.membership_paths(store, a.id, b.id, max_hops=max_hops, as_of=day)
    if as_json:
        print_json({"paths": [[n.model_dump(mode="json") for n in p] for p in paths], "count": len(paths),
                    "as_of": day.isoformat()})
        return
    if not paths:
        console.print(f"No membership path from {a.name} to {b.name} within {max_hops} hops "
                      f"as of {day.isoformat()}.")
        return
    table = Table(title=f"{len(paths)} shortest path(s) {a.name} → {b.name} as of {day.isoformat()}",
                  title_justify="left", header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("hops", justify="right")
    table.add_column("path")
    for n, p in enumerate(paths, 1):
        table.add_row(str(n), str(len(p) - 1), _path_text(p))
    console.print(table)


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    graphml = "graphml"


FormatOpt = Annotated[ExportFormat, typer.Option(
    "--format", "-f", help="json: entities, articles and claims; csv: one row per claim; "
    "graphml: entities and relations as of --as-of.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).", show_default=False)
]


@app.command("export", epilog="Example: diplograph export --format graphml --output graph.graphml")
def export(fmt: FormatOpt = ExportFormat.json, output: OutputOpt = None, as_of: AsOf = None) -> None:
    """Export the whole graph (the same bytes as GET /v1/export)."""
    from api import export as exporter  # the API's serialisers: one format, two front doors

    day = parse_day(as_of)
    with _store() as store:
        data = store.export()
        if fmt is ExportFormat.json:
            body = data.model_dump_json(indent=2) + "\n"
        elif fmt is ExportFormat.csv:
            body = exporter.to_csv(data)
        else:
            body = exporter.to_graphml(data, store.find_relations(as_of=day))
    if output is None:
        typer.echo(body, nl=False)
        return
    try:
        output.write_text(body, encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write {output}: {exc.strerror or exc}.")
    console.print(f"wrote {output} ({fmt.value}, {len(body.encode()):,} bytes)", highlight=False)
