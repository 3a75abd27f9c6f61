"""Agreements and organisations: the list, one profile, and its members."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import AsOf, StatusQ, StoreDep
from api.errors import READ_ERRORS
from api.schemas import AgreementProfile, Items, RelatedPage
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
    members = query.members_of(store, found.id, as_of=as_of, status=Status.IN_FORCE)
    return AgreementProfile(agreement=found, member_count=len(members), as_of=as_of)


@router.get("/{agreement}/members", response_model=RelatedPage)
def list_members(agreement: AgreementRef, store: StoreDep, as_of: AsOf, status: StatusQ) -> RelatedPage:
    items = query.members_of(store, agreement, as_of=as_of, status=status)
    return RelatedPage(items=items, count=len(items), as_of=as_of)
