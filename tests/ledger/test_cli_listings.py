"""packs and sources speak the command's locale: labels, levels, kinds and messages in zh_Hans
(the default), zh_Hant and en; nothing English is left in the Chinese listings."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner, Result

import povertypolicy as pp
from povertypolicy.cli import cli

_ENGLISH_LABEL = re.compile(
    r"\b(issuer|level|province|place|source|parent|kind|date|formerly|note)\b: "
)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_packs_in_simplified_chinese_by_default() -> None:
    res = invoke("packs", "--province", "ZJ")
    assert res.exit_code == 0
    assert "适用层级：地级（市、州、盟）；省份：CN-ZJ；适用地方：浙江省台州市" in res.stdout
    assert "发布机关：" in res.stdout
    assert "出处：" in res.stdout
    assert not _ENGLISH_LABEL.search(res.stdout)


def test_packs_in_traditional_chinese() -> None:
    res = invoke("packs", "--level", "county", "--locale", "zh_TW")
    assert res.exit_code == 0
    assert "發布機關：" in res.stdout
    assert "適用層級：縣級" in res.stdout
    assert not _ENGLISH_LABEL.search(res.stdout)


@pytest.mark.parametrize(
    ("locale", "shipped", "excerpt"),
    [
        ("zh_Hans", "[未附全文]", "[节录：仅第四十七条]"),
        ("zh_Hant", "[未附全文]", "[節錄：僅第四十七条]"),  # the part name as the law writes it
        ("en", "[text not shipped]", "[excerpt: 第四十七条 only]"),
    ],
)
def test_sources_list(locale: str, shipped: str, excerpt: str) -> None:
    res = invoke("sources", "--locale", locale)
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    nbs = next(x for x in lines if x.startswith("nbs-rural-poverty-monitoring-report  "))
    assert nbs.endswith(shipped)
    law = next(x for x in lines if x.startswith("land-administration-law-2004  "))
    assert law.endswith(excerpt)
    for src in pp.list_sources():  # titles as citations show them in the locale
        assert f"{src.id}  {src.title.in_locale(locale, src.script)}  " in res.stdout


def test_sources_show_and_find_in_chinese() -> None:
    show = invoke("sources", "show", "poverty-work-plan-samples")
    assert show.exit_code == 0
    assert "  收录方式：文件汇编" in show.stdout
    assert "  日期：2023-03-24（网站发布日期）" in show.stdout
    assert (
        "  - 篇3  深山区移民搬迁扶贫工作方案  (县级；某县（彭山林场、车桥镇、林泉乡）)"
        in show.stdout
    )
    assert not _ENGLISH_LABEL.search(show.stdout)
    hant = invoke("sources", "show", "poverty-work-plan-samples", "--locale", "zh_Hant")
    assert "  收錄方式：" in hant.stdout
    assert "  原檔名：003_2d36845397adf6a3.txt" in hant.stdout
    found = invoke("sources", "find", "poverty-work-plan-samples", "2011年1月1日以前出生")
    assert found.exit_code == 0
    assert found.stdout.startswith("poverty-work-plan-samples 篇3 第 74 行第 79 列\n")
    missing = invoke("sources", "find", "poverty-work-plan-samples", "每人4000元", "--part", "篇3")
    assert missing.exit_code == 1
    assert "在 poverty-work-plan-samples 篇3 中未找到" in missing.stderr
    nbs = invoke("sources", "find", "nbs-rural-poverty-monitoring-report", "2300")
    assert nbs.exit_code == 1
    assert "nbs-rural-poverty-monitoring-report 的全文未随软件包提供" in nbs.stderr


def test_every_ledger_table_has_its_description_in_every_locale() -> None:
    from povertypolicy.explain.render import render_message
    from povertypolicy.ledger import ledger_rules

    for rule in ledger_rules().values():
        area = rule.name.partition(".")[0]
        for table in rule.tables:
            key = f"ledger.table_doc.{area}.{table.name}"
            assert render_message(key, {}, "en") == table.doc, key  # one English text
            for locale in ("zh_Hans", "zh_Hant"):
                assert render_message(key, {}, locale) != table.doc, (key, locale)


def test_rules_describes_its_tables_in_chinese() -> None:
    res = invoke("rules", "--rule", "land.audit")
    assert "  补偿款支付表（payments），选项 --payments：每笔已支付的补偿款一行" in res.stdout
    assert "One row per" not in res.stdout


def test_rules_says_what_a_result_row_is() -> None:
    from povertypolicy.explain.render import render_message
    from povertypolicy.ledger import ledger_rules

    for name, rule in ledger_rules().items():
        if rule.per:  # a payee of a case, a finding …: never "one row per cases row"
            assert render_message(f"ledger.rule_per.{name}", {}, "en") == rule.per
    en = invoke("rules", "--rule", "land.split", "--locale", "en").stdout
    assert "  output: one row per payee of each case, by id\n" in en
    hans = invoke("rules", "--rule", "land.split").stdout
    assert "  输出：每个批次的每个收款方各一行，按 id\n" in hans
    housing = invoke("rules", "--rule", "housing.subsidy", "--locale", "en").stdout
    assert "  output: one row per households row, by household_id\n" in housing
