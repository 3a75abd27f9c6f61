"""Agreements and organisations: the list, one profile, and its members."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.deps import AsOf, StatusQ, StoreDep, store_read
from api.errors import READ_ERRORS
from api.schemas import AgreementProfile, Items, RelatedPage, related_page
from graph import query
from graph.models import Agreement, Status

router = APIRouter(prefix="/v1/agreements", tags=["agreements"], responses=READ_ERRORS)

AgreementRef = Annotated[
    str, Path(description="id or name, any case ('abraham_accords', 'NATO')", max_length=200)
]


@router.get("", response_model=Items[Agreement])
def list_agreements(store: StoreDep) -> Items[Agreement]:
    agreements = store.find_agreements()
    return Items[Agreement](items=agreements, count=len(agreements))


@router.get("/{agreement}", response_model=AgreementProfile)
def read_agreement(agreement: AgreementRef, store: StoreDep, as_of: AsOf) -> AgreementProfile:
    found = query.resolve_agreement(store, agreement)
    members = query.related_rows(store, "members_of", found.id, as_of=as_of, status=Status.IN_FORCE)
    return AgreementProfile(agreement=found, member_count=len(members), as_of=as_of)


@router.get("/{agreement}/members", response_model=RelatedPage)
async def list_members(agreement: AgreementRef, store: StoreDep, as_of: AsOf, status: StatusQ) -> Response:
    rows = await store_read(
        store, query.related_rows, store, "members_of", agreement, as_of=as_of, status=status
    )
    return related_page(rows, as_of)
