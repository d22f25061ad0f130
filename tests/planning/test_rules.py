"""R2: resources move identified → committed → secured (a commitment may fall through); totals per currency."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import product

import pytest

from service.errors import RuleViolation
from service.planning.rules import (
    ResourceAmount,
    ResourceStatus,
    check_activity,
    check_objectives,
    check_resource_move,
    quarter_timeline,
    resource_totals,
)

R = ResourceStatus
ALLOWED = {(R.IDENTIFIED, R.COMMITTED), (R.IDENTIFIED, R.SECURED), (R.COMMITTED, R.SECURED),
           (R.COMMITTED, R.IDENTIFIED)} | {(s, s) for s in R}


@pytest.mark.parametrize(("old", "new"), sorted(ALLOWED))
def test_resource_status_moves_that_are_allowed(old, new):
    check_resource_move(old, new)


@pytest.mark.parametrize(("old", "new"), sorted(set(product(R, R)) - ALLOWED))
def test_resource_status_moves_that_are_refused_naming_r2(old, new):
    with pytest.raises(RuleViolation) as refused:
        check_resource_move(old, new, field="resources.0.status")
    assert (refused.value.rule, refused.value.field) == ("R2", "resources.0.status")


def test_totals_are_per_currency_and_status_and_never_mix_currencies():
    totals = resource_totals([
        ResourceAmount("USD", R.COMMITTED, Decimal("15000.00")),
        ResourceAmount("USD", R.IDENTIFIED, Decimal("2500.50")),
        ResourceAmount("USD", R.COMMITTED, Decimal("0.10")),
        ResourceAmount("CAD", R.SECURED, Decimal("0.20")),
    ])
    assert totals == [
        {"currency": "CAD", "total": Decimal("0.20"),
         "by_status": {"identified": Decimal("0"), "committed": Decimal("0"), "secured": Decimal("0.20")}},
        {"currency": "USD", "total": Decimal("17500.60"),
         "by_status": {"identified": Decimal("2500.50"), "committed": Decimal("15000.10"), "secured": Decimal("0")}},
    ]


def test_no_resources_means_no_totals():
    assert resource_totals([]) == []


def test_objective_codes_are_unique():
    with pytest.raises(RuleViolation) as refused:
        check_objectives(["O1", "O2", "O1"])
    assert refused.value.field == "objectives.2.code"


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"objective": "O9"}, "activities.0.objective"),
    ({"starts_on": date(2027, 5, 1), "ends_on": date(2027, 4, 1)}, "activities.0.ends_on"),
    ({"starts_on": date(2028, 1, 1), "ends_on": date(2028, 2, 1)}, "activities.0.starts_on"),
])
def test_an_activity_serves_an_objective_of_the_plan_within_its_year(kwargs, field):
    values = {"year": 2027, "objective": "O1", "objective_codes": {"O1"}, "starts_on": date(2027, 1, 1),
              "ends_on": date(2027, 3, 1)} | kwargs
    with pytest.raises(RuleViolation) as refused:
        check_activity(0, **values)
    assert refused.value.field == field


def test_timelines_read_in_quarters():
    assert quarter_timeline(date(2027, 1, 15), date(2027, 5, 31)) == "T1–T2 2027"
    assert quarter_timeline(date(2027, 10, 1), date(2027, 11, 1), "en") == "Q4 2027"
    assert quarter_timeline(date(2027, 11, 1), date(2028, 2, 1)) == "T4 2027–T1 2028"
