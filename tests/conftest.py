"""Shared fixtures: paths to the shared material and the store backends under test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Markers follow folders, so `pytest -m contract` selects tests/contract/ and so on.
    for item in items:
        parts = Path(str(item.fspath)).relative_to(REPO / "tests").parts
        if len(parts) > 1 and parts[0] in {"unit", "contract", "api", "ingest", "e2e"}:
            item.add_marker(parts[0])
