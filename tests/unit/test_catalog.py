"""The seed lexicon (countries, agreements, officeholders) parses, is unambiguous and covers
the names the extractor and the seeded graph rely on."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
import yaml

from graph.catalog import SEEDS_DIR, Officeholder, load_agreements, load_countries, load_leaders
from graph.models import Agreement, Country

pytestmark = pytest.mark.unit

AGREEMENT_IDS_DOC = Path("/work/helpers/AGREEMENT_IDS.md")

# The ids fixed by the project brief (AGREEMENT_IDS.md), kept here so the test does not
# depend on a file outside the repository.
REQUIRED_AGREEMENT_IDS = frozenset({
    "united_nations", "european_union", "african_union", "arab_league", "oic", "asean", "gcc",
    "sco", "cis", "eaeu", "opec",
    "commonwealth", "oas", "ecowas", "council_of_europe", "osce", "oecd", "wto", "apec", "caricom",
    "celac", "unasur", "sadc", "eac",
    "igad", "pacific_islands_forum", "saarc", "nordic_council", "iaea",
    "nato", "csto", "aukus", "quad", "five_eyes", "anzus", "warsaw_pact", "rio_pact",
    "brics", "g7", "g20", "g77", "non_aligned_movement", "mercosur", "visegrad_group", "benelux",
    "eurozone", "schengen_area",
    "opec_plus", "alba", "andean_community",
    "icc", "npt", "ctbt", "paris_agreement", "kyoto_protocol", "chemical_weapons_convention",
    "ottawa_treaty",
    "arms_trade_treaty", "new_start", "inf_treaty", "open_skies_treaty", "cptpp", "tpp", "usmca",
    "nafta", "rcep",
    "egypt_israel_peace_treaty", "israel_jordan_peace_treaty", "prespa_agreement",
    "algiers_agreement",
    "dayton_agreement", "good_friday_agreement",
    "abraham_accords", "jcpoa", "camp_david_accords", "oslo_accords", "minsk_agreements",
    "washington_agreement_2020", "belt_and_road_initiative", "negev_forum", "i2u2",
})

NON_ISO_IDS = (
    "XKX", "SOMALILAND", "ABKHAZIA", "SOUTH_OSSETIA", "TRANSNISTRIA", "NORTHERN_CYPRUS",
    "CATALONIA", "DONETSK", "LUHANSK", "NAGORNO_KARABAKH",
)


def _norm(name: str) -> str:
    """Compare names the way a reader would: case, dots and spacing do not matter."""
    return re.sub(r"\s+", " ", name.replace(".", "").lower()).strip()


def _raw(name: str) -> object:
    with (SEEDS_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _countries() -> dict[str, Country]:
    return {c.id: c for c in load_countries()}


def _agreements() -> dict[str, Agreement]:
    return {a.id: a for a in load_agreements()}


def _shared(groups: dict[str, set[str]]) -> dict[str, set[str]]:
    return {name: ids for name, ids in groups.items() if len(ids) > 1}


# --- parsing ----------------------------------------------------------------


def test_every_agreement_row_parses_and_ids_are_unique() -> None:
    rows = _raw("agreements.yaml")
    assert isinstance(rows, list)
    ids = [Agreement.model_validate(row).id for row in rows]
    assert len(ids) == len(set(ids))
    assert len(load_agreements()) == len(rows)


def test_every_agreement_has_a_founding_date_and_description() -> None:
    for a in load_agreements():
        assert a.founded is not None, a.id
        assert a.description, a.id


def test_every_country_row_parses() -> None:
    rows = _raw("countries.yaml")
    assert isinstance(rows, dict)
    countries = _countries()
    assert set(rows) <= set(countries)
    assert len(countries) >= 249 + len(NON_ISO_IDS)


def test_every_leader_row_parses_with_sane_dates() -> None:
    rows = _raw("leaders.yaml")
    assert isinstance(rows, list)
    for row in rows:
        person = Officeholder.model_validate(row)
        assert person.end is None or person.start <= person.end, person.name
        assert person.start >= date(1950, 1, 1), person.name
    assert len(load_leaders()) == len(rows) >= 120


# --- coverage ---------------------------------------------------------------


def test_required_agreement_ids_are_present() -> None:
    assert set(_agreements()) >= REQUIRED_AGREEMENT_IDS


@pytest.mark.skipif(not AGREEMENT_IDS_DOC.exists(), reason="brief not available")
def test_brief_agreement_ids_match_the_copy_in_this_test() -> None:
    text = AGREEMENT_IDS_DOC.read_text(encoding="utf-8")
    for agreement_id in REQUIRED_AGREEMENT_IDS:
        assert agreement_id in text, agreement_id


def test_at_least_sixty_agreements() -> None:
    assert len(load_agreements()) >= 60


def test_non_iso_entities_are_present_and_flagged() -> None:
    countries = _countries()
    for country_id in NON_ISO_IDS:
        assert country_id in countries, country_id
        assert countries[country_id].iso is False, country_id


def test_sovereign_states_have_demonyms() -> None:
    # A sample across regions; territories may lack them, states should not.
    countries = _countries()
    for country_id in ("USA", "GBR", "FRA", "CHN", "RUS", "ISR", "PSE", "AZE", "KAZ", "ARE",
                       "SAU", "TWN", "XKX", "SRB", "MAR", "SDN", "BHR", "QAT", "TUR", "IRN",
                       "UKR", "ESH", "ETH", "NGA", "BRA"):
        assert countries[country_id].demonyms, country_id


# --- ambiguity --------------------------------------------------------------


def test_no_alias_is_shared_by_two_agreements() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for a in load_agreements():
        for name in (a.name, *a.aliases):
            owners[_norm(name)].add(a.id)
    assert _shared(owners) == {}


def test_no_name_or_alias_is_shared_by_two_countries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for c in load_countries():
        for name in (c.name, *c.aliases):
            owners[_norm(name)].add(c.id)
    assert _shared(owners) == {}


def test_no_capital_or_demonym_points_at_two_countries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for c in load_countries():
        for name in (*c.demonyms, *c.capitals):
            owners[_norm(name)].add(c.id)
    assert _shared(owners) == {}


def test_organisation_cities_are_not_country_metonyms() -> None:
    seats = {_norm(n) for c in load_countries() for n in c.capitals}
    assert not seats & {"brussels", "the hague", "geneva", "new york"}


def test_every_leader_country_exists() -> None:
    countries = _countries()
    missing = {p.country for p in load_leaders() if p.country not in countries}
    assert missing == set()


def test_one_surface_never_names_two_countries_on_the_same_day() -> None:
    # Surfaces like "Aliyev" or "Clinton" are shared on purpose and told apart by date.
    by_surface: dict[str, list[Officeholder]] = defaultdict(list)
    for person in load_leaders():
        for name in {person.name, *person.aliases}:
            by_surface[_norm(name)].append(person)
    for surface, people in by_surface.items():
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                if a.country == b.country:
                    continue
                a_end = a.end or date.max
                b_end = b.end or date.max
                assert a_end < b.start or b_end < a.start, (surface, a.name, b.name)


# --- spot checks ------------------------------------------------------------


def test_country_spot_checks() -> None:
    countries = _countries()
    assert countries["TWN"].name == "Taiwan"
    assert countries["RUS"].name == "Russia"
    assert countries["IRN"].name == "Iran"
    assert countries["KOR"].name == "South Korea"
    assert countries["PSE"].name == "Palestine"
    assert countries["VAT"].name == "Holy See"
    assert countries["XKX"].name == "Kosovo"
    assert countries["SOMALILAND"].name == "Somaliland"
    assert "UAE" in countries["ARE"].aliases
    assert "Baku" in countries["AZE"].capitals
    assert "Turkey" in countries["TUR"].aliases
    assert "Macedonia" in countries["MKD"].aliases
    assert "Burma" in countries["MMR"].aliases
    assert "Ivory Coast" in countries["CIV"].aliases
    assert {"the Kremlin", "Moscow"} <= set(countries["RUS"].capitals)
    assert {"Washington", "White House"} <= set(countries["USA"].capitals)
    assert {"Israeli", "Israelis"} <= set(countries["ISR"].demonyms)
    assert "Sahrawi" in countries["ESH"].demonyms
    assert "TRNC" in countries["NORTHERN_CYPRUS"].aliases
    assert "DRC" in countries["COD"].aliases


def test_agreement_spot_checks() -> None:
    agreements = _agreements()
    assert "NATO" in agreements["nato"].aliases
    assert agreements["nato"].kind.value == "alliance"
    assert "Abraham Accords" in agreements["abraham_accords"].aliases
    assert agreements["abraham_accords"].founded == date(2020, 9, 15)
    assert "Iran nuclear deal" in agreements["jcpoa"].aliases
    assert "Rome Statute" in agreements["icc"].aliases
    assert "OAU" in agreements["african_union"].aliases
    assert agreements["iaea"].kind.value == "organization"
    assert agreements["belt_and_road_initiative"].kind.value == "bloc"
    assert "Commonwealth of Independent States" not in agreements["commonwealth"].aliases


def test_leader_spot_checks() -> None:
    def holders(surface: str, day: date) -> set[str]:
        return {p.country for p in load_leaders()
                if surface in {p.name, *p.aliases} and p.in_office(day)}

    assert holders("Trump", date(2019, 6, 1)) == {"USA"}
    assert holders("Trump", date(2023, 6, 1)) == set()
    assert holders("Trump", date(2025, 6, 1)) == {"USA"}
    assert holders("Aliyev", date(2020, 9, 27)) == {"AZE"}
    assert holders("Lavrov", date(2022, 3, 1)) == {"RUS"}
    assert holders("Medvedev", date(2010, 1, 1)) == {"RUS"}
    assert holders("Netanyahu", date(2020, 9, 15)) == {"ISR"}
    assert holders("Netanyahu", date(2022, 1, 1)) == set()
    assert holders("Kurti", date(2023, 3, 18)) == {"XKX"}
    assert holders("Vučić", date(2020, 9, 4)) == {"SRB"}
