#!/usr/bin/env bash
# Front-end packages for the dashboard, from the npm registry; reinstalled only when the lock file changes.
set -euo pipefail
cd "$(dirname "$0")/../api/dashboard"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
