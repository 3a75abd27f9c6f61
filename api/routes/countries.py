"""Countries: the list, one profile, and the four relation lists of a country."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.deps import AsOf, StatusQ, StoreDep, store_read
from api.errors import READ_ERRORS
from api.schemas import CountryProfile, Items, RelatedPage, related_page
from graph import query
from graph.models import Country, Status
from graph.query import RelatedList
from graph.store.base import GraphStore

router = APIRouter(prefix="/v1/countries", tags=["countries"], responses=READ_ERRORS)

CountryRef = Annotated[
    str,
    Path(description="alpha-3 id, alpha-2 code or name, any case ('ISR', 'IL', 'israel')", max_length=200),
]


async def _page(
    which: RelatedList, store: GraphStore, country: str, as_of: date, status: Status | None
) -> Response:
    # Serialised here from trusted rows: FastAPI would validate and dump one model per item.
    rows = await store_read(store, query.related_rows, store, which, country, as_of=as_of, status=status)
    return related_page(rows, as_of)


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
async def list_recognizers(country: CountryRef, store: StoreDep, as_of: AsOf, status: StatusQ) -> Response:
    """The countries that recognise this one."""
    return await _page("recognized_by", store, country, as_of, status)


@router.get("/{country}/recognizes", response_model=RelatedPage)
async def list_recognized(country: CountryRef, store: StoreDep, as_of: AsOf, status: StatusQ) -> Response:
    """The countries this one recognises."""
    return await _page("recognizes", store, country, as_of, status)


@router.get("/{country}/memberships", response_model=RelatedPage)
async def list_memberships(country: CountryRef, store: StoreDep, as_of: AsOf, status: StatusQ) -> Response:
    """The agreements and organisations this country belongs to."""
    return await _page("memberships", store, country, as_of, status)


@router.get("/{country}/negotiations", response_model=RelatedPage)
async def list_negotiations(country: CountryRef, store: StoreDep, as_of: AsOf, status: StatusQ) -> Response:
    """The countries this one negotiates with."""
    return await _page("negotiations", store, country, as_of, status)
