# ruff: noqa: N801, N805  (OpenFisca convention: a Variable class is named like the variable, and
# formulas take the entity, not self, as first argument)
"""Peer: the relocation housing subsidy in OpenFisca (openfisca-core 46.x).

A minimal tax-benefit system defined in code -- two entities, the input and formula
variables, and the parameters (3500 / 500 yuan per person, tranche shares 30/30/30/10) --
and a simulation built the fast way for large populations: ``SimulationBuilder`` with
``declare_person_entity`` / ``declare_entity`` / ``join_with_persons`` and ``set_input`` of
whole numpy arrays.  (``build_default_simulation`` is not usable here: it puts exactly one
person in each household.)

Semantic differences from the ledger rule, by construction of OpenFisca:

* No nulls.  A fact that is not recorded must be encoded as a value: booleans as ``False``,
  a missing birth date as 9999-12-31 (never "born before 2011"), hukou as the extra enum
  member ``NOT_RECORDED`` (enums are the one place the information survives).  Payouts are
  the same as the ledger rule's (an undetermined person is not paid either way), but the
  distinction "failed" vs "undetermined" is gone, so there is no household reason code here;
  and a later rule written as "born on or after X" would wrongly include the sentinel dates.
* Money is ``float`` = float32.  Tranches are ``net * share`` (the idiomatic formula, not
  largest remainder on fen); with this rule's whole-yuan amounts the exact split has no
  remainder, so any difference from the exact fen tranches is float error.  See
  `float_error` for the comparison that timing.py prints.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from openfisca_core.entities import build_entity
from openfisca_core.indexed_enums import Enum
from openfisca_core.parameters import ParameterNode
from openfisca_core.periods import DateUnit
from openfisca_core.simulations import Simulation, SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

__all__ = [
    "MONEY_VARIABLES",
    "OUTPUT_VARIABLES",
    "PERIOD",
    "build_simulation",
    "compute",
    "float_error",
    "tax_benefit_system",
]

PERIOD = "2011"
BORN_BEFORE = np.datetime64("2011-01-01")
BIRTH_NOT_RECORDED = np.datetime64("9999-12-31")

Person = build_entity(
    key="person", plural="persons", label="A person in the ledger", is_person=True
)
Household = build_entity(
    key="household",
    plural="households",
    label="A household applying for relocation",
    roles=[
        {"key": "head", "label": "Head of household", "max": 1},
        {"key": "member", "plural": "members", "label": "Other member"},
    ],
)

PARAMETERS: dict[str, Any] = {
    "relocation": {
        "housing": {
            "gross_per_person": {
                "description": "Housing subsidy per eligible person (yuan)",
                "values": {"2011-01-01": {"value": 3500}},
            },
            "withheld_per_person": {
                "description": "Amount withheld per eligible person (yuan)",
                "values": {"2011-01-01": {"value": 500}},
            },
            "tranches": {
                f"tranche_{k}": {"values": {"2011-01-01": {"value": share}}}
                for k, share in enumerate((0.3, 0.3, 0.3, 0.1), start=1)
            },
        }
    }
}


class Hukou(Enum):
    AGRICULTURAL = "agricultural"
    NON_AGRICULTURAL = "non_agricultural"
    NOT_RECORDED = "not recorded"


class birth_date(Variable):
    value_type = dt.date
    entity = Person
    definition_period = DateUnit.ETERNITY
    default_value = dt.date(9999, 12, 31)
    label = "Date of birth (9999-12-31 = not recorded)"


class hukou(Variable):
    value_type = Enum
    possible_values = Hukou
    default_value = Hukou.NOT_RECORDED
    entity = Person
    definition_period = DateUnit.YEAR
    label = "Household registration type"


class registered_locally(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.YEAR
    label = "Registered locally (False also = not recorded)"


class lives_in_area(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.YEAR
    label = "Lives in the area (False also = not recorded)"


class relocation_applied(Variable):
    value_type = bool
    entity = Household
    definition_period = DateUnit.YEAR
    label = "The household has applied for relocation"


class housing_eligible(Variable):
    value_type = bool
    entity = Person
    definition_period = DateUnit.YEAR
    label = "Eligible for the relocation housing subsidy"

    def formula(person, period, parameters):
        return (
            (person("birth_date", period) < BORN_BEFORE)
            * (person("hukou", period) == Hukou.AGRICULTURAL)
            * person("registered_locally", period)
            * person("lives_in_area", period)
            * person.household("relocation_applied", period)
        )


class housing_eligible_count(Variable):
    value_type = int
    entity = Household
    definition_period = DateUnit.YEAR
    label = "Eligible people in the household"

    def formula(household, period, parameters):
        return household.sum(household.members("housing_eligible", period))


class housing_subsidy_gross(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.YEAR
    unit = "currency-CNY"

    def formula(household, period, parameters):
        p = parameters(period).relocation.housing
        return household("housing_eligible_count", period) * p.gross_per_person


class housing_subsidy_withheld(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.YEAR
    unit = "currency-CNY"

    def formula(household, period, parameters):
        p = parameters(period).relocation.housing
        return household("housing_eligible_count", period) * p.withheld_per_person


class housing_subsidy_net(Variable):
    value_type = float
    entity = Household
    definition_period = DateUnit.YEAR
    unit = "currency-CNY"

    def formula(household, period, parameters):
        return household("housing_subsidy_gross", period) - household(
            "housing_subsidy_withheld", period
        )


def _tranche_variable(k: int) -> type[Variable]:
    def formula(household: Any, period: Any, parameters: Any) -> Any:
        share = parameters(period).relocation.housing.tranches[f"tranche_{k}"]
        return household("housing_subsidy_net", period) * share

    return type(
        f"housing_subsidy_tranche_{k}",
        (Variable,),
        {
            "value_type": float,
            "entity": Household,
            "definition_period": DateUnit.YEAR,
            "unit": "currency-CNY",
            "label": f"Tranche {k} of the net subsidy",
            "formula": formula,
        },
    )


TRANCHES = [_tranche_variable(k) for k in range(1, 5)]
MONEY_VARIABLES = (
    "housing_subsidy_gross",
    "housing_subsidy_withheld",
    "housing_subsidy_net",
    *(t.__name__ for t in TRANCHES),
)
OUTPUT_VARIABLES = ("housing_eligible_count", *MONEY_VARIABLES)


class HousingSystem(TaxBenefitSystem):
    def __init__(self) -> None:
        super().__init__([Person, Household])
        self._parameters_at_instant_cache = {}  # the base class shares one dict
        self.parameters = ParameterNode("", data=PARAMETERS)
        self.add_variables(
            birth_date,
            hukou,
            registered_locally,
            lives_in_area,
            relocation_applied,
            housing_eligible,
            housing_eligible_count,
            housing_subsidy_gross,
            housing_subsidy_withheld,
            housing_subsidy_net,
            *TRANCHES,
        )


def tax_benefit_system() -> TaxBenefitSystem:
    return HousingSystem()


def _numpy_bool(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Not recorded -> False (the semantic loss described above)."""
    return np.asarray(column.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _hukou_indices(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Arrow hukou -> indices of `Hukou` members (null -> NOT_RECORDED)."""
    members = list(Hukou)
    agri = pc.equal(column, pa.scalar(Hukou.AGRICULTURAL.value))
    non = pc.equal(column, pa.scalar(Hukou.NON_AGRICULTURAL.value))
    out = np.full(len(column), members.index(Hukou.NOT_RECORDED), dtype=np.int16)
    out[_numpy_bool(non)] = members.index(Hukou.NON_AGRICULTURAL)
    out[_numpy_bool(agri)] = members.index(Hukou.AGRICULTURAL)
    return out


def build_simulation(
    persons: pa.Table,
    households: pa.Table,
    system: TaxBenefitSystem | None = None,
    link: str = "ids",
) -> Simulation:
    """Arrow ledger -> OpenFisca simulation with all inputs set for `PERIOD`.

    ``link="ids"`` is the documented way: person and household ids are the ledger's strings
    and persons are joined to households by household id, which OpenFisca does by sorting
    (``numpy.unique`` over 4M strings and ``argsort`` over 1M).  ``link="positions"`` is what
    a user tuning for size would do: ids are 0..n-1 integers and each person carries its
    household's row number (found with ``pc.index_in``); the string ids stay outside.
    Either way OpenFisca needs every household to have at least one person: with an empty
    household ``household.sum`` fails (``numpy.bincount`` without ``minlength``), and the
    join would map the sorted *used* household ids onto all of them.
    """
    system = system or tax_benefit_system()
    builder = SimulationBuilder()
    builder.create_entities(system)
    if link == "ids":
        person_household = persons["household_id"].to_numpy()
        person_ids = persons["person_id"].to_numpy()
        household_ids = households["household_id"].to_numpy()
    elif link == "positions":
        rows = pc.index_in(
            persons["household_id"], value_set=households["household_id"].combine_chunks()
        )
        if rows.null_count:
            raise ValueError("some persons belong to no household in the households table")
        person_household = rows.to_numpy().astype(np.int64)
        person_ids = np.arange(persons.num_rows)
        household_ids = np.arange(households.num_rows)
    else:
        raise ValueError(f"link must be 'ids' or 'positions', not {link!r}")
    builder.declare_person_entity("person", person_ids)
    household_population = builder.declare_entity("household", household_ids)
    # Roles: first row of each household is the head (rows are grouped by household).
    first = np.ones(len(person_household), dtype=bool)
    first[1:] = person_household[1:] != person_household[:-1]
    builder.join_with_persons(household_population, person_household, np.where(first, 0, 1))
    simulation = builder.build(system)

    birth = persons["birth_date"].to_numpy(zero_copy_only=False).astype("datetime64[D]")
    birth[np.isnat(birth)] = BIRTH_NOT_RECORDED
    simulation.set_input("birth_date", PERIOD, birth)
    simulation.set_input("hukou", PERIOD, _hukou_indices(persons["hukou"]))
    simulation.set_input("registered_locally", PERIOD, _numpy_bool(persons["registered_locally"]))
    simulation.set_input("lives_in_area", PERIOD, _numpy_bool(persons["lives_in_area"]))
    applied = _numpy_bool(households["relocation_applied_on"].is_valid())
    simulation.set_input("relocation_applied", PERIOD, applied)
    return simulation


def compute(simulation: Simulation) -> dict[str, np.ndarray]:
    """Calculate every output variable for `PERIOD` (household order)."""
    return {name: simulation.calculate(name, PERIOD) for name in OUTPUT_VARIABLES}


_EXACT_COLUMN = {
    "housing_subsidy_gross": "gross_fen",
    "housing_subsidy_withheld": "withheld_fen",
    "housing_subsidy_net": "net_fen",
    **{f"housing_subsidy_tranche_{k}": f"tranche_{k}_fen" for k in range(1, 5)},
}


def float_error(results: dict[str, np.ndarray], exact: pa.Table) -> list[dict[str, Any]]:
    """Float32 yuan vs exact int64 fen, per money variable (all errors in fen).

    * ``households_off``: households whose value, rounded to the fen, is not the exact one
    * ``max_abs_fen``: largest per-household |float - exact|
    * ``total_f32_fen``: ``values.sum()`` as numpy does it on float32, minus the exact total
    * ``total_f64_fen``: the float32 values summed in float64, minus the exact total
    """
    rows = []
    for name, column in _EXACT_COLUMN.items():
        exact_fen = exact[column].to_numpy()
        values = np.asarray(results[name])
        fen = values.astype(np.float64) * 100.0
        exact_total = int(exact_fen.sum())
        rows.append(
            {
                "variable": name,
                "dtype": str(values.dtype),
                "households_off": int((np.rint(fen).astype(np.int64) != exact_fen).sum()),
                "max_abs_fen": float(np.abs(fen - exact_fen).max()) if len(fen) else 0.0,
                "exact_total_fen": exact_total,
                "total_f32_fen": float(values.sum()) * 100.0 - exact_total,
                "total_f64_fen": float(values.astype(np.float64).sum()) * 100.0 - exact_total,
            }
        )
    return rows
