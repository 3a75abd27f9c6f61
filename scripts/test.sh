#!/usr/bin/env bash
# Run the whole suite against a Neo4j server this script starts and always stops.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-diplograph-test}"
export NEO4J_URI="${NEO4J_URI:-bolt://127.0.0.1:${NEO4J_BOLT_PORT}}"
export NEO4J_USER="${NEO4J_USER:-neo4j}"

started_here=0
if ! scripts/neo4j status >/dev/null 2>&1; then
  scripts/neo4j start
  started_here=1
fi
cleanup() { if [ "$started_here" = 1 ]; then scripts/neo4j stop; fi; }
trap cleanup EXIT

.venv/bin/ruff check graph api tests scripts
.venv/bin/mypy
.venv/bin/pytest "$@"
