"""Small builders for contract tests: a handful of countries and agreements, and claims."""

from __future__ import annotations

import hashlib
from datetime import date

from graph.models import Agreement, AgreementKind, Article, Claim, Country, Evidence, RelationType, Status

COUNTRIES = [
    Country(id="ISR", name="Israel", alpha2="IL"),
    Country(id="ARE", name="United Arab Emirates", alpha2="AE", aliases=("UAE",)),
    Country(id="BHR", name="Bahrain", alpha2="BH"),
    Country(id="AZE", name="Azerbaijan", alpha2="AZ"),
    Country(id="SAU", name="Saudi Arabia", alpha2="SA"),
    Country(id="USA", name="United States", alpha2="US"),
    Country(id="TWN", name="Taiwan", alpha2="TW"),
    Country(id="CHN", name="China", alpha2="CN"),
    Country(id="HND", name="Honduras", alpha2="HN"),
    Country(id="CIV", name="Côte d’Ivoire", alpha2="CI", aliases=("Ivory Coast",)),
    Country(id="SOMALILAND", name="Somaliland", iso=False),
]
AGREEMENTS = [
    Agreement(id="abraham_accords", name="Abraham Accords", kind=AgreementKind.ACCORD),
    Agreement(id="oic", name="Organisation of Islamic Cooperation", kind=AgreementKind.ORGANIZATION),
    Agreement(id="united_nations", name="United Nations", kind=AgreementKind.ORGANIZATION),
    Agreement(id="nato", name="NATO", kind=AgreementKind.ALLIANCE),
]


def article(article_id: str, day: date | None, text: str | None = None) -> Article:
    body = text or f"text of {article_id}"
    return Article(
        id=article_id,
        title=f"Title {article_id}",
        date=day,
        source="test",
        url=f"https://example.org/{article_id}",
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


def claim(
    subject: str,
    predicate: RelationType | str,
    obj: str,
    status: Status | str = Status.IN_FORCE,
    *,
    event_date: date | None = None,
    confidence: float = 0.8,
    sentence: str | None = None,
) -> Claim:
    sentence = sentence or f"{subject} {predicate} {obj}."
    return Claim(
        subject=subject,
        predicate=RelationType(predicate),
        object=obj,
        status=Status(status),
        event_date=event_date,
        confidence=confidence,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
        rule="test",
    )


def seed_entities(store: object) -> None:
    store.upsert_countries(COUNTRIES)  # type: ignore[attr-defined]
    store.upsert_agreements(AGREEMENTS)  # type: ignore[attr-defined]
