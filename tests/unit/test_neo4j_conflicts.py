"""Which driver errors the Neo4j store treats as a concurrent writer winning a uniqueness race.

The race itself is exercised against a real server in tests/contract/test_neo4j_specific.py; the
driver reports it in two shapes, and this pins down that both are recognised (and nothing else)."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError, ResultFailedError, TransientError

from graph.store.neo4j import _constraint_conflict

pytestmark = pytest.mark.unit


def _failed_result_caused_by(cause: BaseException) -> ResultFailedError:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise ResultFailedError(None, "The result has failed.") from inner
    except ResultFailedError as outer:
        return outer


def test_constraint_error_is_a_conflict() -> None:
    assert _constraint_conflict(ConstraintError("Node(1) already exists"))


def test_failed_result_caused_by_a_constraint_error_is_a_conflict() -> None:
    # raised when the constraint error surfaces while the driver rolls the transaction back
    assert _constraint_conflict(_failed_result_caused_by(ConstraintError("Node(1) already exists")))


def test_other_failures_are_not_conflicts() -> None:
    assert not _constraint_conflict(_failed_result_caused_by(TransientError("deadlock")))
    assert not _constraint_conflict(ValueError("unrelated"))
