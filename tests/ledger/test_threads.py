"""Threads change nothing: one thread and several give the same results, errors and reasons."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import povertypolicy as pp
from povertypolicy import ledger
from povertypolicy.errors import InputError
from povertypolicy.ledger import workers
from povertypolicy.ledger.housing import Subsidy

from .test_housing_ledger import ON, PACK, build, households_st

# A cell made unreadable, a person id repeated, a member of a household not in the ledger.
damage_st = st.lists(
    st.tuples(st.sampled_from(["date", "duplicate", "unknown", "hukou"]), st.integers(0, 10**6)),
    max_size=4,
)
_FACTS = {"birth_date": dt.date(1980, 1, 1), "hukou": pp.HukouType.AGRICULTURAL}
_FACTS |= {"registered_locally": True, "lives_in_area": True}


def _damaged(persons: pa.Table, damage: list[tuple[str, int]]) -> pa.Table:
    cols = {name: persons.column(name).to_pylist() for name in persons.column_names}
    n = persons.num_rows
    for kind, at in damage:
        i = at % n
        if kind == "date":
            cols["出生日期"][i] = "1980-13-45"
        elif kind == "duplicate":
            cols["人员编号"][i] = cols["人员编号"][(i + 1) % n]
        elif kind == "unknown":
            cols["户编号"][i] = "NO-SUCH-HOUSEHOLD"
        else:
            cols["户籍性质"][i] = "外星"
    return pa.table(cols)


def _same(a: ledger.LedgerResult, b: ledger.LedgerResult) -> None:
    assert a.arrow.equals(b.arrow)
    assert a.arrow.schema == b.arrow.schema
    assert np.array_equal(a._rows, b._rows)
    for loc in ("zh_Hans", "en"):
        assert a.errors_arrow(loc).equals(b.errors_arrow(loc))
        assert a.summary.text(loc) == b.summary.text(loc)
    keys = a.arrow.column(a.rule.key).to_pylist()
    for key in keys[:2] + keys[-1:]:  # each range's first and last rows, with two threads
        assert a.explain(key, locale="zh_Hant") == b.explain(key, locale="zh_Hant")


def _runs(rule: str, persons: pa.Table, households: pa.Table) -> list[ledger.LedgerResult]:
    policy = pp.Policy.load(PACK, on=ON)
    return [
        ledger.run(rule, policy, persons=persons, households=households, threads=n)
        for n in (1, 2, 3)
    ]


@pytest.mark.parametrize("rule", ["housing.subsidy", "housing.eligibility"])
@given(population=households_st, damage=damage_st, shuffle=st.booleans())
def test_threads_give_one_threads_answer(
    rule: str, population: Any, damage: list[tuple[str, int]], shuffle: bool
) -> None:
    """Grouped ledgers are computed in ranges of households; shuffled ones are not."""
    _, persons, households = build(population)
    persons = _damaged(persons, damage)
    if shuffle:
        persons = persons.take(pa.array(np.random.default_rng(0).permutation(persons.num_rows)))
    one, *more = _runs(rule, persons, households)
    for other in more:
        _same(one, other)


def test_a_grouped_ledger_is_computed_in_ranges() -> None:
    """On two threads, ranges of households are computed concurrently and the result
    columns are the ranges' chunks (nothing is copied to join them)."""
    population = [([_FACTS] * k, dt.date(2011, 3, 20)) for k in (1, 2, 3, 4)]
    _, persons, households = build(population)
    one, two, _ = _runs("housing.subsidy", persons, households)
    assert one.arrow.column("net_fen").num_chunks == 1
    assert two.arrow.column("net_fen").num_chunks > 1
    assert two.arrow.column("net_fen").to_pylist() == [300000, 600000, 900000, 1200000]
    _same(one, two)


class _Logging(Subsidy):
    """The housing subsidy, logging a row error while it computes (no shipped rule does)."""

    name = "test.logging_subsidy"

    def compute(self, frames: Any, policy: Any, log: Any) -> Any:
        households = frames["households"]
        log.add(
            table="households",
            rows=np.arange(len(households)),
            column="户编号",
            code="ledger.error.member_row",
            ids=households.ids(),
        )
        return super().compute(frames, policy, log)


def test_a_compute_that_logs_runs_whole() -> None:
    """Errors logged by ``compute`` would come per range: the engine computes the whole as
    one instead, so the errors table is a one-thread run's."""
    _, persons, households = build([([_FACTS] * k, None) for k in (1, 2, 3, 4)])
    policy = pp.Policy.load(PACK, on=ON)
    tables = {"persons": persons, "households": households}
    one, two = (ledger.run_arrow(_Logging(), policy, tables, threads=n) for n in (1, 2))
    assert two.arrow.column("net_fen").num_chunks == 1
    assert len(two.errors_arrow("en")) == len(households) == 4
    _same(one, two)


class _Marking(Subsidy):
    """Breaks the `parts` contract: marks a row bad in compute."""

    def compute(self, frames: Any, policy: Any, log: Any) -> Any:
        frames["households"].bad[0] = True
        return super().compute(frames, policy, log)


def test_a_range_cannot_mark_the_whole_tables_rows() -> None:
    """A range's row marks are views of the whole's: a write raises, rather than leaving the
    whole marked for the run that follows."""
    _, persons, households = build([([_FACTS] * k, None) for k in (1, 2, 3, 4)])
    policy = pp.Policy.load(PACK, on=ON)
    tables = {"persons": persons, "households": households}
    assert ledger.run_arrow(_Marking(), policy, tables, threads=1).summary.output_rows == 3
    with pytest.raises(ValueError, match="read-only"):
        ledger.run_arrow(_Marking(), policy, tables, threads=2)


@pytest.mark.parametrize("threads", [0, -1, True, 1.5, "2"])
def test_threads_must_be_a_whole_number_of_at_least_one(threads: Any) -> None:
    _, persons, households = build([([_FACTS], None)])
    with pytest.raises(InputError) as err:
        ledger.run(
            "housing.subsidy",
            PACK,
            on=ON,
            persons=persons,
            households=households,
            threads=threads,
        )
    assert err.value.code == "ledger.error.threads"
    assert "线程" in err.value.text("zh_Hans")
    assert "執行緒" in err.value.text("zh_Hant")
    assert "threads" in err.value.text("en")


def test_automatic_threads_follow_the_table_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "AUTO_ROWS", 100)
    monkeypatch.setattr(workers, "available_cores", lambda: 4)
    assert workers.Workers(None, 99).threads == 1
    assert workers.Workers(None, 100).threads == 4
    assert workers.Workers(3, 10).threads == 3


@pytest.mark.parametrize("threads", [1, 2])
def test_workers_keep_order_and_raise_what_the_work_raised(threads: int) -> None:
    w = workers.Workers(threads, 0)
    assert w.map(pow, [2, 3, 4], [3, 2, 1]) == [8, 9, 4]
    assert w.submit(divmod, 7, 2).result() == (3, 1)
    pending = w.submit(divmod, 1, 0)
    with pytest.raises(ZeroDivisionError):
        pending.result()


def test_command_line_threads(tmp_path: Path) -> None:
    from povertypolicy.cli import cli

    facts = {"birth_date": dt.date(1980, 1, 1), "hukou": pp.HukouType.AGRICULTURAL}
    facts |= {"registered_locally": True, "lives_in_area": False}
    _, persons, households = build([([facts] * k, dt.date(2011, 3, 20)) for k in (3, 1, 2)])
    pq.write_table(persons, tmp_path / "persons.parquet")
    pq.write_table(households, tmp_path / "households.parquet")
    outs = []
    for n in ("1", "2"):
        out = tmp_path / f"out{n}.parquet"
        args = ["run", "housing.subsidy", "--pack", PACK, "--on", "2011-06-01"]
        args += ["--persons", str(tmp_path / "persons.parquet")]
        args += ["--households", str(tmp_path / "households.parquet")]
        args += ["--out", str(out), "--threads", n]
        done = CliRunner().invoke(cli, args)
        assert done.exit_code == 0, done.output
        outs.append(pq.read_table(out))
    assert outs[0].equals(outs[1])
    bad = CliRunner().invoke(cli, ["run", "housing.subsidy", "--threads", "0"])
    assert bad.exit_code == 1  # the command cannot be used
    assert "--threads" in bad.output


class _Probe(Subsidy):
    """The housing subsidy, checking the tables it is given link as the whole tables do."""

    name = "test.probe_subsidy"

    def __init__(self) -> None:
        self.seen: list[int] = []

    def compute(self, frames: Any, policy: Any, log: Any) -> Any:
        persons, households = frames["persons"], frames["households"]
        parent = persons.parent
        assert parent is not None
        assert (parent >= 0).all()
        assert (parent < len(households)).all()
        own = persons.cols["household_id"].values.to_pylist()
        assert households.ids().take(pa.array(parent)).to_pylist() == own
        assert len(persons.source) == len(persons.bad) == len(own)
        self.seen.append(len(households))
        return super().compute(frames, policy, log)


def test_each_range_links_as_the_whole() -> None:
    _, persons, households = build([([_FACTS] * k, None) for k in (2, 1, 3, 1, 2)])
    policy = pp.Policy.load(PACK, on=ON)
    tables = {"persons": persons, "households": households}
    probe = _Probe()
    one, two = (ledger.run_arrow(probe, policy, tables, threads=n) for n in (1, 2))
    assert probe.seen[0] == 5  # one thread: the whole
    assert len(probe.seen) > 2  # two threads: ranges of households
    assert sum(probe.seen[1:]) == 5
    _same(one, two)


def test_a_pack_refused_on_any_thread_is_refused_alike(tmp_path: Path) -> None:
    """A rule that refuses the pack (levels that do not add up to the subsidy) raises the same
    error from a range on a thread as from the whole on one."""
    from povertypolicy.errors import RuleError

    body = f'id = "bad-levels"\ntitle = "t"\nissuer = "t"\nparent = "{PACK}"\n'
    body += 'source = { document = "t.txt", section = "§1" }\n'
    body += '[parameters."housing.subsidy_county_per_person"]\nunit = "yuan_per_person"\n'
    body += 'citation = { document = "t.txt", section = "§1" }\n'
    body += 'values = [{ from = 2011-01-01, value = "1.00" }]\n'
    (tmp_path / "bad.toml").write_text(body, encoding="utf-8")
    policy = pp.Policy.load(tmp_path / "bad.toml", on=ON)
    _, persons, households = build([([_FACTS] * k, dt.date(2011, 3, 20)) for k in (1, 2, 3)])
    raised = []
    for n in (1, 2):
        with pytest.raises(RuleError) as err:
            ledger.run("housing.subsidy", policy, persons=persons, households=households, threads=n)
        raised.append((err.value.code, err.value.text("en")))
    assert raised[0] == raised[1]
    assert raised[0][0] == "housing.error.funding_levels"
