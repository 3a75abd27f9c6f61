"""The one source of entity names: countries, agreements and officeholders.

Countries come from pycountry (every ISO 3166-1 entry) merged with
``seeds/countries.yaml`` (display names, aliases, demonyms, capitals, and the
entities without an ISO code such as Kosovo). Agreements come from
``seeds/agreements.yaml``, officeholders from ``seeds/leaders.yaml``. The
extractor's lexicon and the seeded graph are both built from these loaders.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict

from graph.models import Agreement, Country, CountryId

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


class Officeholder(BaseModel):
    """A person who speaks for a country while in office (head of state, FM, ...)."""

    model_config = ConfigDict(frozen=True)

    name: str
    aliases: tuple[str, ...] = ()
    country: CountryId
    role: str
    start: date
    end: date | None = None

    def in_office(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return self.start <= day and (self.end is None or day <= self.end)


def _read_yaml(name: str) -> Any:
    path = SEEDS_DIR / name
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _iso_base() -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for entry in pycountry.countries:
        name = getattr(entry, "common_name", None) or entry.name
        official = getattr(entry, "official_name", None)
        rows[entry.alpha_3] = {
            "id": entry.alpha_3,
            "name": name,
            "official_name": official,
            "alpha2": entry.alpha_2,
            "iso": True,
            "aliases": list(dict.fromkeys(n for n in (entry.name, official) if n and n != name)),
        }
    return rows


def _merge(base: dict[str, Any] | None, extra: dict[str, Any], country_id: str) -> dict[str, Any]:
    row: dict[str, Any] = dict(base or {"id": country_id, "iso": False})
    for key, value in extra.items():
        if key == "aliases":
            row["aliases"] = list(dict.fromkeys([*row.get("aliases", []), *value]))
        else:
            row[key] = value
    return row


@lru_cache(maxsize=1)
def load_countries() -> tuple[Country, ...]:
    """Every country and partially recognised state, ordered by id."""
    rows = _iso_base()
    extras: dict[str, dict[str, Any]] = _read_yaml("countries.yaml") or {}
    for country_id, extra in extras.items():
        rows[country_id] = _merge(rows.get(country_id), extra or {}, country_id)
    return tuple(Country.model_validate(rows[k]) for k in sorted(rows))


@lru_cache(maxsize=1)
def load_agreements() -> tuple[Agreement, ...]:
    rows: list[dict[str, Any]] = _read_yaml("agreements.yaml") or []
    return tuple(sorted((Agreement.model_validate(r) for r in rows), key=lambda a: a.id))


@lru_cache(maxsize=1)
def load_leaders() -> tuple[Officeholder, ...]:
    rows: list[dict[str, Any]] = _read_yaml("leaders.yaml") or []
    return tuple(Officeholder.model_validate(r) for r in rows)
