"""Mutation testing one module at a time (``make mutation``, ``make mutation MODULE=...``).

Each module is mutated against its own tests only, in a scratch copy of the project under the
temporary folder (``povertypolicy-mutation/<module>``, kept to inspect survivors), so runs do
not share mutmut's ``mutants/`` folder and the tracked ``setup.cfg`` is never rewritten.
Prints the survivors and one score line per module::

    python tools/mutation.py                 # the DEFAULT modules, one after another
    python tools/mutation.py monitoring.spot_check housing
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = "src/povertypolicy"

# module name → (files to mutate, the tests that exercise them)
MODULES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "money": (
        (f"{PKG}/money.py",),
        (
            "tests/test_money.py",
            "tests/test_exact.py",
            "tests/test_money_explained.py",
            "tests/test_money_errors.py",
        ),
    ),
    "housing": (
        (f"{PKG}/rules/housing.py", f"{PKG}/rules/housing_release.py"),
        (
            "tests/rules/test_housing.py",
            "tests/rules/test_housing_steps.py",
            "tests/rules/test_housing_errors.py",
            "tests/rules/test_housing_input_errors.py",
        ),
    ),
    "monitoring.spot_check": (
        (f"{PKG}/rules/monitoring/spot_check.py",),
        ("tests/rules/test_monitoring_cadence.py", "tests/rules/test_monitoring_steps.py"),
    ),
    "monitoring.support": (
        (f"{PKG}/rules/monitoring/support.py",),
        (
            "tests/rules/test_monitoring_cadence.py",
            "tests/rules/test_monitoring_steps.py",
            "tests/rules/test_monitoring_input_errors.py",
        ),
    ),
    "monitoring.calendar": (
        (f"{PKG}/rules/monitoring/calendar.py",),
        (
            "tests/rules/test_monitoring_cadence.py",
            "tests/rules/test_monitoring_steps.py",
            "tests/rules/test_monitoring_input_errors.py",
        ),
    ),
    "monitoring.history": (
        (f"{PKG}/rules/monitoring/history.py",),
        (
            "tests/rules/test_monitoring_cadence.py",
            "tests/rules/test_monitoring_steps.py",
            "tests/rules/test_monitoring_input_errors.py",
        ),
    ),
    "registration.eligibility": (
        (f"{PKG}/rules/registration/eligibility.py",),
        (
            "tests/rules/test_registration.py",
            "tests/rules/test_registration_eligibility_steps.py",
            "tests/rules/test_registration_support_steps.py",
            "tests/rules/test_registration_quota_steps.py",
            "tests/rules/test_registration_procedure_steps.py",
            "tests/rules/test_registration_input_errors.py",
        ),
    ),
    "registration.quota": (
        (f"{PKG}/rules/registration/quota.py",),
        (
            "tests/rules/test_registration.py",
            "tests/rules/test_registration_eligibility_steps.py",
            "tests/rules/test_registration_support_steps.py",
            "tests/rules/test_registration_quota_steps.py",
            "tests/rules/test_registration_procedure_steps.py",
            "tests/rules/test_registration_input_errors.py",
        ),
    ),
    "registration.procedure": (
        (f"{PKG}/rules/registration/procedure.py",),
        (
            "tests/rules/test_registration.py",
            "tests/rules/test_registration_eligibility_steps.py",
            "tests/rules/test_registration_support_steps.py",
            "tests/rules/test_registration_quota_steps.py",
            "tests/rules/test_registration_procedure_steps.py",
            "tests/rules/test_registration_input_errors.py",
        ),
    ),
    "registration.support": (
        (f"{PKG}/rules/registration/support.py",),
        (
            "tests/rules/test_registration.py",
            "tests/rules/test_registration_eligibility_steps.py",
            "tests/rules/test_registration_support_steps.py",
            "tests/rules/test_registration_quota_steps.py",
            "tests/rules/test_registration_procedure_steps.py",
            "tests/rules/test_registration_input_errors.py",
        ),
    ),
    "site.affiliated": (
        (f"{PKG}/rules/site/affiliated.py",),
        (
            "tests/rules/test_site_units.py",
            "tests/rules/test_site_organisations.py",
            "tests/rules/test_site_grids_services.py",
            "tests/rules/test_site_plan_not_recorded.py",
            "tests/rules/test_site_steps.py",
            "tests/rules/test_site_input_errors.py",
        ),
    ),
    "site.units": (
        (f"{PKG}/rules/site/units.py",),
        (
            "tests/rules/test_site_units.py",
            "tests/rules/test_site_organisations.py",
            "tests/rules/test_site_grids_services.py",
            "tests/rules/test_site_plan_not_recorded.py",
            "tests/rules/test_site_partition.py",
            "tests/rules/test_site_units_steps.py",
            "tests/rules/test_site_input_errors.py",
        ),
    ),
    "site.plan": (
        (f"{PKG}/rules/site/plan.py",),
        (
            "tests/rules/test_site_plan.py",
            "tests/rules/test_site_plan_steps.py",
            "tests/rules/test_site_input_errors.py",
        ),
    ),
    "site.services": (
        (f"{PKG}/rules/site/services.py",),
        (
            "tests/rules/test_site_units.py",
            "tests/rules/test_site_organisations.py",
            "tests/rules/test_site_grids_services.py",
            "tests/rules/test_site_plan_not_recorded.py",
            "tests/rules/test_site_services_steps.py",
            "tests/rules/test_site_input_errors.py",
        ),
    ),
    "site.grids": (
        (f"{PKG}/rules/site/grids.py",),
        (
            "tests/rules/test_site_units.py",
            "tests/rules/test_site_organisations.py",
            "tests/rules/test_site_grids_services.py",
            "tests/rules/test_site_plan_not_recorded.py",
            "tests/rules/test_site_partition.py",
            "tests/rules/test_site_grids_steps.py",
            "tests/rules/test_site_input_errors.py",
        ),
    ),
    "site.committees": (
        (f"{PKG}/rules/site/committees.py",),
        (
            "tests/rules/test_site_units.py",
            "tests/rules/test_site_organisations.py",
            "tests/rules/test_site_grids_services.py",
            "tests/rules/test_site_plan_not_recorded.py",
            "tests/rules/test_site_committees_steps.py",
        ),
    ),
    "site.party": (
        (f"{PKG}/rules/site/party.py",),
        (
            "tests/rules/test_site_units.py",
            "tests/rules/test_site_organisations.py",
            "tests/rules/test_site_grids_services.py",
            "tests/rules/test_site_plan_not_recorded.py",
            "tests/rules/test_site_party_steps.py",
            "tests/rules/test_site_input_errors.py",
        ),
    ),
    "site._base": (
        (f"{PKG}/rules/site/_base.py",),
        (
            "tests/rules/test_site_units.py",
            "tests/rules/test_site_organisations.py",
            "tests/rules/test_site_grids_services.py",
            "tests/rules/test_site_plan_not_recorded.py",
            "tests/rules/test_site_base.py",
            "tests/rules/test_site_units_steps.py",
            "tests/rules/test_site_party_steps.py",
            "tests/rules/test_site_committees_steps.py",
            "tests/rules/test_site_grids_steps.py",
            "tests/rules/test_site_services_steps.py",
            "tests/rules/test_site_input_errors.py",
        ),
    ),
    "site.values": (
        (f"{PKG}/rules/site/values.py",),
        (
            "tests/rules/test_site_units.py",
            "tests/rules/test_site_organisations.py",
            "tests/rules/test_site_grids_services.py",
            "tests/rules/test_site_plan_not_recorded.py",
            "tests/rules/test_site_plan.py",
            "tests/rules/test_site_steps.py",
            "tests/rules/test_site_units_steps.py",
            "tests/rules/test_site_party_steps.py",
            "tests/rules/test_site_committees_steps.py",
            "tests/rules/test_site_grids_steps.py",
            "tests/rules/test_site_services_steps.py",
        ),
    ),
    "follow_up.old_house": (
        (f"{PKG}/rules/follow_up/old_house.py",),
        (
            "tests/rules/test_follow_up.py",
            "tests/rules/test_follow_up_subsidies_steps.py",
            "tests/rules/test_follow_up_support_steps.py",
            "tests/rules/test_follow_up_old_house_steps.py",
            "tests/rules/test_follow_up_input_errors.py",
        ),
    ),
    "land.places": (
        (f"{PKG}/rules/land/places.py",),
        (
            "tests/rules/test_land_places.py",
            "tests/rules/test_land_places_steps.py",
            "tests/rules/test_land_input_errors.py",
        ),
    ),
    "land.audit": (
        (f"{PKG}/rules/land/audit.py",),
        (
            "tests/rules/test_land_split.py",
            "tests/rules/test_land_audit_steps.py",
            "tests/rules/test_land_input_errors.py",
        ),
    ),
    "follow_up.subsidies": (
        (f"{PKG}/rules/follow_up/subsidies.py",),
        (
            "tests/rules/test_follow_up_subsidies.py",
            "tests/rules/test_follow_up_subsidies_steps.py",
            "tests/rules/test_follow_up_support_steps.py",
            "tests/rules/test_follow_up_old_house_steps.py",
            "tests/rules/test_follow_up_input_errors.py",
        ),
    ),
    "follow_up.support": (
        (f"{PKG}/rules/follow_up/support.py",),
        (
            "tests/rules/test_follow_up.py",
            "tests/rules/test_follow_up_subsidies_steps.py",
            "tests/rules/test_follow_up_support_steps.py",
            "tests/rules/test_follow_up_old_house_steps.py",
            "tests/rules/test_follow_up_input_errors.py",
        ),
    ),
    "indicators.fund_plan": (
        (f"{PKG}/rules/indicators/fund_plan.py",),
        (
            "tests/rules/test_indicators.py",
            "tests/rules/test_indicators_steps.py",
            "tests/rules/test_indicators_input_errors.py",
        ),
    ),
    "monitoring.screening": (
        (f"{PKG}/rules/monitoring/screening.py", f"{PKG}/rules/monitoring/screening_values.py"),
        (
            "tests/rules/test_monitoring.py",
            "tests/rules/test_monitoring_steps.py",
            "tests/rules/test_monitoring_screening_scope_steps.py",
            "tests/rules/test_monitoring_screening_levels_steps.py",
            "tests/rules/test_monitoring_input_errors.py",
        ),
    ),
    "land.security": (
        (f"{PKG}/rules/land/security.py", f"{PKG}/rules/_args.py"),
        (
            "tests/rules/test_land_security.py",
            "tests/rules/test_land_security_steps.py",
            "tests/rules/test_land_input_errors.py",
        ),
    ),
    "land.schedules": (
        (f"{PKG}/rules/land/schedules.py",),
        (
            "tests/rules/test_land_security.py",
            "tests/rules/test_land_security_steps.py",
            "tests/rules/test_land_input_errors.py",
        ),
    ),
    "land.split": (
        (f"{PKG}/rules/land/split.py",),
        ("tests/rules/test_land_split.py", "tests/rules/test_land_split_steps.py"),
    ),
    "land.values": (
        (f"{PKG}/rules/land/values.py",),
        (
            "tests/rules/test_land_values.py",
            "tests/rules/test_land_places.py",
            "tests/rules/test_land_split.py",
            "tests/rules/test_land_input_errors.py",
        ),
    ),
    "follow_up.checks": (
        (f"{PKG}/rules/follow_up/checks.py",),
        (
            "tests/rules/test_follow_up.py",
            "tests/rules/test_follow_up_checks_steps.py",
            "tests/rules/test_follow_up_input_errors.py",
        ),
    ),
    "follow_up.site": (
        (f"{PKG}/rules/follow_up/site.py",),
        (
            "tests/rules/test_indicators.py",
            "tests/rules/test_follow_up_checks_steps.py",
            "tests/rules/test_follow_up_input_errors.py",
        ),
    ),
    "indicators.schedule": (
        (f"{PKG}/rules/indicators/schedule.py",),
        (
            "tests/rules/test_indicators.py",
            "tests/rules/test_indicators_schedule_steps.py",
            "tests/rules/test_indicators_input_errors.py",
        ),
    ),
    "indicators.checklists": (
        (f"{PKG}/rules/indicators/checklists.py",),
        (
            "tests/rules/test_indicators.py",
            "tests/rules/test_indicators_checklists.py",
            "tests/rules/test_indicators_input_errors.py",
        ),
    ),
    "indicators.engine": (
        (f"{PKG}/rules/indicators/engine.py",),
        (
            "tests/rules/test_indicators.py",
            "tests/rules/test_indicators_engine_measures_steps.py",
            "tests/rules/test_indicators_engine_scorecard_steps.py",
            "tests/rules/test_indicators_engine_thresholds_steps.py",
            "tests/rules/test_indicators_input_errors.py",
        ),
    ),
    "data_quality.identity": (
        (f"{PKG}/rules/data_quality/identity.py",),
        (
            "tests/rules/test_data_quality_identity.py",
            "tests/rules/test_data_quality_identity_steps.py",
        ),
    ),
    "data_quality.pairings": (
        (f"{PKG}/rules/data_quality/pairings.py",),
        (
            "tests/rules/test_data_quality_pairings.py",
            "tests/rules/test_data_quality_pairings_steps.py",
        ),
    ),
    "data_quality.conditions": (
        (f"{PKG}/rules/data_quality/conditions.py",),
        (
            "tests/rules/test_data_quality_checks.py",
            "tests/rules/test_data_quality_conditions_steps.py",
        ),
    ),
    "data_quality.checks": (
        (f"{PKG}/rules/data_quality/checks.py", f"{PKG}/rules/data_quality/clauses.py"),
        (
            "tests/rules/test_data_quality_checks.py",
            "tests/rules/test_data_quality_checklist_parser.py",
            "tests/rules/test_data_quality_checklist_errors.py",
        ),
    ),
    "data_quality.fields": (
        (f"{PKG}/rules/data_quality/fields.py",),
        ("tests/rules/test_data_quality_checks.py", "tests/rules/test_data_quality_fields.py"),
    ),
    "land.compensation": (
        (f"{PKG}/rules/land/compensation.py",),
        (
            "tests/rules/test_land_compensation.py",
            "tests/rules/test_land_approved_increase.py",
            "tests/rules/test_land_compensation_steps.py",
            "tests/rules/test_land_input_errors.py",
        ),
    ),
    "poverty": (
        (f"{PKG}/rules/poverty.py",),
        ("tests/policy/test_packs.py", "tests/rules/test_poverty_steps.py"),
    ),
}

# Modules listed but below the 85% the project asks for (their survivors are not yet covered
# by tests); `make mutation MODULE=<name>` still runs one.
BELOW_TARGET: tuple[str, ...] = ()
# Modules listed, with their step tests, whose score has not been measured yet.
NOT_MEASURED: tuple[str, ...] = ()
# What `make mutation` runs without MODULE: every module that reached 85% (scores in the
# CHANGELOG).
DEFAULT = tuple(m for m in MODULES if m not in BELOW_TARGET + NOT_MEASURED)


def config(files: tuple[str, ...], tests: tuple[str, ...]) -> str:
    lines = ["[mutmut]", "source_paths =", "    src/", "only_mutate ="]
    lines += [f"    {f}" for f in files]
    lines += ["pytest_add_cli_args_test_selection ="]
    lines += [f"    {t}" for t in tests]
    lines += ["pytest_add_cli_args =", "    -p", "    no:randomly", "    -q", ""]
    return "\n".join(lines)


def run(name: str, children: int) -> tuple[int, int]:
    """Mutate module ``name``; return (killed, total)."""
    files, tests = MODULES[name]
    bin_dir = Path(sys.executable).parent
    work = Path(tempfile.gettempdir()) / "povertypolicy-mutation" / name
    shutil.rmtree(work, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "src", work / "src", ignore=ignore)
    shutil.copytree(ROOT / "tests", work / "tests", ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", work / "pyproject.toml")
    (work / "setup.cfg").write_text(config(files, tests), encoding="utf-8")
    mutmut = str(bin_dir / "mutmut")
    subprocess.run([mutmut, "run", "--max-children", str(children)], cwd=work, check=False)
    subprocess.run([mutmut, "results"], cwd=work, check=False)
    subprocess.run([mutmut, "export-cicd-stats"], cwd=work, check=True)
    stats = json.loads((work / "mutants" / "mutmut-cicd-stats.json").read_text())
    print(f"{name}: survivors can be shown with `cd {work} && mutmut show NAME`")
    return int(stats["killed"]), int(stats["total"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=", ".join(MODULES))
    parser.add_argument("--max-children", type=int, default=2)
    args = parser.parse_args()
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module {unknown}; choose from {', '.join(MODULES)}")
    lines = []
    for name in args.modules or DEFAULT:
        killed, total = run(name, args.max_children)
        pct = 100 * killed / total if total else 100.0
        lines.append(f"mutation score {name}: {killed} killed of {total} = {pct:.1f}%")
        print(lines[-1], flush=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
