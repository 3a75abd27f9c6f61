"""The ``diplograph`` command line run as a user would (a child process) on a seeded store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from tests.conftest import REPO
from tests.e2e.conftest import NEWS_SENTENCE, cli_env

pytestmark = pytest.mark.e2e


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph.cli", *args], cwd=REPO, env=cli_env(data_dir),
        capture_output=True, text=True, timeout=120, check=False,
    )


def ok_json(data_dir: Path, *args: str) -> dict:
    done = run(data_dir, *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_recognized_by_as_of_a_date(seeded_dir: Path) -> None:
    body = ok_json(seeded_dir, "query", "recognized-by", "ISR", "--as-of", "2025-08-01")
    ids = {i["id"] for i in body["items"]}
    assert body["as_of"] == "2025-08-01" and body["count"] == len(ids) > 100
    assert {"ARE", "BHR", "EGY", "USA"} <= ids and "IRN" not in ids
    assert all(i["status"] == "in_force" for i in body["items"])
    earlier = ok_json(seeded_dir, "query", "recognized-by", "israel", "--as-of", "1950-01-01")
    assert 0 < earlier["count"] < body["count"]
    table = run(seeded_dir, "query", "recognized-by", "IL", "--as-of", "2025-08-01")
    assert table.returncode == 0
    assert f"Israel (ISR) is recognized by: {body['count']} as of 2025-08-01" in table.stdout
    assert "Albania" in table.stdout and "1949-04-16" in table.stdout


def test_recognizes_memberships_members_and_negotiations(seeded_dir: Path) -> None:
    ended = ok_json(seeded_dir, "query", "recognized-by", "ISR", "--status", "ended")
    assert ended["count"] > 0 and {i["status"] for i in ended["items"]} == {"ended"}
    members = ok_json(seeded_dir, "query", "members", "abraham_accords", "--as-of", "2025-08-01")
    assert {"ARE", "BHR", "ISR", "MAR", "SDN"} <= {i["id"] for i in members["items"]}
    assert "KAZ" not in {i["id"] for i in members["items"]}  # joined in November 2025
    joined = ok_json(seeded_dir, "query", "memberships", "Azerbaijan")
    assert {"united_nations", "oic"} <= {i["id"] for i in joined["items"]}
    talks = ok_json(seeded_dir, "query", "negotiations", "SAU", "--as-of", "2025-07-01")
    assert [i["id"] for i in talks["items"]] == ["ISR"]
    assert ok_json(seeded_dir, "query", "recognizes", "ISR", "--status", "any")["count"] >= 0


def test_path_between_two_states(seeded_dir: Path) -> None:
    body = ok_json(seeded_dir, "path", "AZE", "SAU")
    assert body["count"] == len(body["paths"]) > 0
    for path in body["paths"]:
        assert path[0]["id"] == "AZE" and path[-1]["id"] == "SAU"
        assert [n["kind"] for n in path[1:-1:2]] == ["agreement"] * (len(path) // 2)
    table = run(seeded_dir, "path", "Azerbaijan", "Saudi Arabia")
    assert table.returncode == 0 and "Azerbaijan → " in table.stdout and "shortest path" in table.stdout


def test_export_in_three_formats(seeded_dir: Path, tmp_path: Path) -> None:
    done = run(seeded_dir, "export", "--format", "json")
    assert done.returncode == 0, done.stderr
    graph = json.loads(done.stdout)
    assert len(graph["countries"]) > 200 and any(c["evidence"]["sentence"] == NEWS_SENTENCE
                                                 for c in graph["claims"])
    rows = list(csv.DictReader(io.StringIO(run(seeded_dir, "export", "-f", "csv").stdout)))
    assert len(rows) == len(graph["claims"])
    assert {"RECOGNIZES", "MEMBER_OF", "NEGOTIATING_WITH"} == {r["predicate"] for r in rows}
    out = tmp_path / "graph.graphml"
    done = run(seeded_dir, "export", "--format", "graphml", "--output", str(out))
    assert done.returncode == 0 and "wrote" in done.stdout
    drawn = nx.read_graphml(out)
    assert drawn.nodes["ISR"]["kind"] == "country" and drawn.number_of_edges() > 500


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("query", "recognized-by", "Atlantis"), "Unknown country 'Atlantis'"),
        (("query", "members", "no_such_pact"), "Unknown agreement"),
        (("query", "recognized-by", "ISR", "--as-of", "2025-13-01"), "Invalid date"),
        (("query", "recognized-by", "ISR", "--status", "maybe"), "Unknown status"),
        (("path", "AZE", "Narnia"), "Unknown country 'Narnia'"),
    ],
)
def test_errors_are_one_line_on_stderr_with_a_non_zero_exit(
    seeded_dir: Path, args: tuple[str, ...], needle: str
) -> None:
    done = run(seeded_dir, *args)
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0], done.stderr


@pytest.mark.parametrize(
    "command",
    [("query", "recognized-by"), ("query", "recognizes"), ("query", "members"), ("query", "memberships"),
     ("query", "negotiations"), ("path",), ("export",), ("ingest",)],
)
def test_every_command_has_help_with_an_example(seeded_dir: Path, command: tuple[str, ...]) -> None:
    done = run(seeded_dir, *command, "--help")
    assert done.returncode == 0
    assert "Example: diplograph " + " ".join(command) in done.stdout


def test_ingest_shows_a_summary_and_is_idempotent(data_dir: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "talks.txt").write_text(
        "Talks resume\n\nArmenia and Azerbaijan resumed peace talks in Abu Dhabi on 10 July 2025, "
        "their foreign ministries said.\n", encoding="utf-8")
    (inbox / "broken.bin").write_bytes(b"\x00\x01\x02 not an article")
    first = run(data_dir, "ingest", str(inbox))
    assert first.returncode == 1  # one input could not be read
    assert "Ingest summary" in first.stdout and "1 read · 1 new · 0 unchanged" in first.stdout
    assert "Claims by type and status" in first.stdout and "NEGOTIATING_WITH" in first.stdout
    assert [line for line in first.stderr.splitlines() if line.startswith("error: ")] == [
        line for line in first.stderr.splitlines() if "broken.bin" in line
    ]
    again = run(data_dir, "ingest", str(inbox / "talks.txt"))
    assert again.returncode == 0, again.stderr
    assert "1 read · 0 new · 1 unchanged" in again.stdout
