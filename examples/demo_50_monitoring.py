"""A township's monitoring ledger: MON-1 screening and MON-3 levels, a spot check and a summary."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from povertypolicy import ledger
from povertypolicy.ledger.monitoring_summary import summarise

PACK = "town-return-poverty-monitoring-2021"
RISKS = ("因大病", "因学", "因残", "因灾", "因突发事件", "因产业失败", "因就业不稳")
NEEDS = ("义务教育有保障", "基本医疗有保障", "住房安全有保障", "饮水安全")
LABOUR = ("有劳动能力", "部分丧失劳动能力", "完全丧失劳动能力")


def _facts(rng: np.random.Generator, n: int, p_yes: float, p_missing: float = 0.05) -> pa.Array:
    """A yes/no column with some cells not recorded."""
    yes = rng.random(n) < p_yes
    missing = rng.random(n) < p_missing
    return pa.array(yes, mask=missing)


def _choice(rng: np.random.Generator, n: int, words: list[str | None], p: list[float]) -> pa.Array:
    codes = rng.choice(len(words), size=n, p=p).astype(np.int8)
    dictionary = pa.array([w if w is not None else "" for w in words])
    mask = np.array([w is None for w in words])[codes]
    return pa.DictionaryArray.from_arrays(pa.array(codes, mask=mask), dictionary)


def township(n: int, villages: int = 38, seed: int = 11) -> tuple[pa.Table, pa.Table]:
    """A generated monitoring ledger with Chinese headers, as the town keeps it."""
    rng = np.random.default_rng(seed)
    size = rng.integers(1, 6, n)
    hh = np.repeat(np.arange(n), size)
    m = len(hh)
    hid = pa.array(np.char.add("JC", np.char.zfill(np.arange(n).astype(str), 7)))
    # Whole yuan per person; a third of households near the 6,000-yuan monitoring line.
    income = np.where(
        rng.random(n) < 0.3, rng.integers(5_000, 7_000, n), rng.integers(2_000, 20_000, n)
    )
    income_cells = pa.array(income, mask=rng.random(n) < 0.03)
    risk_words: list[str | None] = [
        "无",
        "因大病",
        "因学",
        "因灾、因残",
        "因就业不稳",
        "因大病、因产业失败",
        None,
    ]
    need_words: list[str | None] = ["无", "住房安全有保障", "饮水安全", "基本医疗有保障", None]
    monitored = pa.table(
        {
            "户编号": hid,
            "乡镇": pa.array(["某镇"] * n),
            "村": pa.array(
                np.char.add("第", np.char.add((np.arange(n) % villages + 1).astype(str), "村"))
            ),
            "评定日期": pa.array(np.full(n, np.datetime64("2021-05-01"))).cast(pa.date32()),
            "人均可支配收入": income_cells,
            "建档立卡已脱贫户": _facts(rng, n, 0.4),
            "低保": pa.array(rng.random(n) < 0.1),
            "特困供养": pa.array(rng.random(n) < 0.02),
            "刚性支出较大": _facts(rng, n, 0.05),
            "收入大幅缩减": _facts(rng, n, 0.05),
            "基本生活严重困难": _facts(rng, n, 0.03),
            "基本生活困难": _facts(rng, n, 0.15),
            "风险类型": _choice(rng, n, risk_words, [0.6, 0.1, 0.05, 0.05, 0.1, 0.05, 0.05]),
            "未保障事项": _choice(rng, n, need_words, [0.9, 0.02, 0.03, 0.01, 0.04]),
            "有创业能力": _facts(rng, n, 0.3),
            "收入仅靠帮扶分红": _facts(rng, n, 0.1),
            "收入不稳定": _facts(rng, n, 0.3),
            "自主发展动力不足": _facts(rng, n, 0.2),
            "主要依靠产业项目和帮扶": _facts(rng, n, 0.2),
            "上次预警等级": _choice(rng, n, ["红", "黄", "蓝", None], [0.03, 0.05, 0.1, 0.82]),
        }
    )
    offsets = np.arange(m) - np.repeat(np.cumsum(size) - size, size)
    persons = pa.table(
        {
            "人员编号": pa.array(
                np.char.add(np.asarray(hid)[hh].astype(str), np.char.add("-", offsets.astype(str)))
            ),
            "户编号": hid.take(pa.array(hh)),
            "出生日期": pa.array(
                np.datetime64("1935-01-01") + rng.integers(0, 30_000, m).astype("timedelta64[D]")
            ).cast(pa.date32()),
            "劳动能力": _choice(rng, m, [*LABOUR, None], [0.7, 0.15, 0.1, 0.05]),
        }
    )
    return monitored, persons


def main() -> None:
    monitored, persons = township(20_000)
    start = time.perf_counter()
    result = ledger.run(
        "monitoring.screening", PACK, on=dt.date(2021, 6, 1), monitored=monitored, persons=persons
    )
    seconds = time.perf_counter() - start
    print(f"{monitored.num_rows:,} households, {persons.num_rows:,} members in {seconds:.2f} s\n")
    checks = pa.table(
        {"村": ["第1村", "第2村", "第3村"], "抽查户数": [40, 50, 60], "疑似问题户数": [1, 1, 2]}
    )
    spot = ledger.run("monitoring.spot_check", PACK, on=dt.date(2021, 6, 1), spot_checks=checks)
    summary = summarise(result, spot_checks=spot)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        print(result.summary.text(locale), end="\n\n")
        print("\n".join(summary.text(locale).splitlines()[:4]), end="\n\n")
    first_red = next(r["household_id"] for r in result.arrow.to_pylist() if r["reason"] == "red")
    for locale in ("zh_Hans", "zh_Hant", "en"):
        print(result.explain(first_red, locale=locale), end="\n\n")
    out = Path(tempfile.mkdtemp()) / "monitoring-summary.xlsx"
    summary.to_xlsx(str(out))
    print(out)


if __name__ == "__main__":
    main()
