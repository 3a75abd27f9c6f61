"""The domain model's validation and the as-of derivation rule."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from graph.derive import derive_relation
from graph.models import RelationType, Status, kind_of, triple_key
from tests.contract.factories import claim

R, M, N = RelationType.RECOGNIZES, RelationType.MEMBER_OF, RelationType.NEGOTIATING_WITH


def dated(c, day: date):  # type: ignore[no-untyped-def]
    return c.model_copy(update={"article_date": day})


@pytest.mark.parametrize(
    ("subject", "predicate", "obj", "message"),
    [
        ("ISR", R, "nato", "needs a country"),
        ("ISR", M, "ARE", "needs an agreement"),
        ("ISR", R, "ISR", "itself"),
        ("ISR", R, "isr!", "Invalid entity id"),
    ],
)
def test_wrong_endpoint_kinds_are_rejected(
    subject: str, predicate: RelationType, obj: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        claim(subject, predicate, obj)


def test_bad_enum_value_names_the_choices() -> None:
    with pytest.raises(ValueError, match="RECOGNIZES"):
        RelationType("RECOGNISE")


def test_kind_of_and_symmetric_keys() -> None:
    assert kind_of("SOMALILAND").value == "country" and kind_of("abraham_accords").value == "agreement"
    assert triple_key("USA", N, "AZE") == triple_key("AZE", N, "USA") == ("AZE", N, "USA")
    assert triple_key("USA", R, "AZE") == ("USA", R, "AZE")


def test_latest_claim_wins_and_event_date_beats_article_date() -> None:
    key = ("CAN", R, "PSE")
    claims = [
        dated(claim("CAN", R, "PSE", Status.ANNOUNCED), date(2025, 7, 30)),
        dated(claim("CAN", R, "PSE", Status.IN_FORCE, event_date=date(2025, 9, 21)), date(2025, 9, 22)),
        dated(claim("CAN", R, "PSE", Status.DENIED), date(2024, 1, 1)),
    ]
    assert derive_relation(key, claims, date(2023, 1, 1)) is None
    assert derive_relation(key, claims, date(2024, 6, 1)).status is Status.DENIED  # type: ignore[union-attr]
    assert derive_relation(key, claims, date(2025, 8, 1)).status is Status.ANNOUNCED  # type: ignore[union-attr]
    final = derive_relation(key, claims, date(2025, 10, 1))
    assert final is not None and final.status is Status.IN_FORCE
    assert (final.since, final.until, final.evidence_count) == (date(2025, 9, 21), None, 3)
    assert (final.first_seen, final.last_seen) == (date(2024, 1, 1), date(2025, 9, 21))


def test_order_of_input_does_not_matter() -> None:
    key = ("SAU", R, "ISR")
    a = dated(claim("SAU", R, "ISR", Status.DENIED, confidence=0.7), date(2025, 1, 1))
    b = dated(claim("SAU", R, "ISR", Status.PROPOSED, confidence=0.7), date(2025, 1, 1))
    assert derive_relation(key, [a, b], date(2025, 2, 1)) == derive_relation(key, [b, a], date(2025, 2, 1))


def test_a_new_run_restarts_since() -> None:
    key = ("PNG", R, "XKX")
    claims = [
        dated(claim("PNG", R, "XKX", Status.IN_FORCE), date(2012, 10, 3)),
        dated(claim("PNG", R, "XKX", Status.ENDED), date(2018, 1, 1)),
        dated(claim("PNG", R, "XKX", Status.IN_FORCE), date(2020, 5, 5)),
    ]
    ended = derive_relation(key, claims, date(2019, 1, 1))
    assert ended is not None and (ended.since, ended.until) == (date(2012, 10, 3), date(2018, 1, 1))
    again = derive_relation(key, claims, date(2021, 1, 1))
    assert again is not None and (again.since, again.until) == (date(2020, 5, 5), None)


def test_derived_relation_equals_a_constructed_one() -> None:
    from graph.models import Relation

    relation = derive_relation(
        triple_key("ARE", R, "ISR"), [dated(claim("ARE", R, "ISR"), date(2020, 9, 15))], date(2021, 1, 1)
    )
    assert relation is not None
    fields = relation.model_dump()
    assert relation == Relation.model_construct(**fields) == Relation(**fields)
    assert relation.model_fields_set == set(Relation.model_fields)
    assert relation.model_dump_json() == Relation(**fields).model_dump_json()
