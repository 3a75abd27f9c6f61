"""Countries: the list, one profile, and the four relation lists of a country."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import AsOf, StatusQ, StoreDep
from api.errors import READ_ERRORS
from api.schemas import CountryProfile, Items, RelatedPage
from graph import query
from graph.models import Country, Status
from graph.query import RelatedItem
from graph.store.base import GraphStore

router = APIRouter(prefix="/v1/countries", tags=["countries"], responses=READ_ERRORS)

CountryRef = Annotated[
    str,
    Path(description="alpha-3 id, alpha-2 code or name, any case ('ISR', 'IL', 'israel')", max_length=200),
]
Lister = Callable[..., list[RelatedItem]]


def _page(lister: Lister, store: GraphStore, country: str, as_of: date, status: Status | None) -> RelatedPage:
    items = lister(store, country, as_of=as_of, status=status)
    return RelatedPage(items=items, count=len(items), as_of=as_of)


@router.get("", response_model=Items[Country])
def list_countries(store: StoreDep) -> Items[Country]:
    countries = store.find_countries()
    return Items[Country](items=countries, count=len(countries))


@router.get("/{country}", response_model=CountryProfile)
def read_country(country: CountryRef, store: StoreDep, as_of: AsOf) -> CountryProfile:
    found = query.resolve_country(store, country)
    counts = query.country_counts(store, found.id, as_of=as_of)
    return CountryProfile(country=found, counts=counts, as_of=as_of)


@router.get("/{country}/recognized-by", response_model=RelatedPage)
def list_recognizers(country: CountryRef, store: StoreDep, as_of: AsOf, status: StatusQ) -> RelatedPage:
    """The countries that recognise this one."""
    return _page(query.recognized_by, store, country, as_of, status)


@router.get("/{country}/recognizes", response_model=RelatedPage)
def list_recognized(country: CountryRef, store: StoreDep, as_of: AsOf, status: StatusQ) -> RelatedPage:
    """The countries this one recognises."""
    return _page(query.recognizes, store, country, as_of, status)


@router.get("/{country}/memberships", response_model=RelatedPage)
def list_memberships(country: CountryRef, store: StoreDep, as_of: AsOf, status: StatusQ) -> RelatedPage:
    """The agreements and organisations this country belongs to."""
    return _page(query.memberships, store, country, as_of, status)


@router.get("/{country}/negotiations", response_model=RelatedPage)
def list_negotiations(country: CountryRef, store: StoreDep, as_of: AsOf, status: StatusQ) -> RelatedPage:
    """The countries this one negotiates with."""
    return _page(query.negotiations, store, country, as_of, status)
