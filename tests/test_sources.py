"""The shipped sources: metadata, texts, quote lookup, and every quote the packs make."""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from pathlib import Path

import pytest

import povertypolicy as pp
from povertypolicy.explain.citation import render_citation
from povertypolicy.policy import load_pack
from povertypolicy.policy.pack import shipped_pack_ids
from povertypolicy.rules.data_quality import load_checks
from povertypolicy.sources import DateBasis, SourceKind
from povertypolicy.sources.registry import lookup

# sha256 of the five seed documents as collected: the package ships them byte for byte.
SEED_SHA256 = {
    "state-farm-landless-farmers-security-2022": (
        "000_c829afd554b9e9f2.txt",
        "b9dac9ed23d81be5ef61f76a9272cc27ed6d8e6a706dead1a04ab004e5c57958",
    ),
    "relocation-follow-up-documents": (
        "001_e19348023069d8ed.txt",
        "91a2ab79ed6cf42d534dc4f8728cf30f0509328c4ef9c6aee276d33bd52915cf",
    ),
    "zj-taizhou-2019-47": (
        "002_71bca5dad035c17f.txt",
        "c70209696a9116071b623eb642ddb554d1b56aec367926274f2af8c5dd7a057b",
    ),
    "poverty-work-plan-samples": (
        "003_2d36845397adf6a3.txt",
        "fb7d8afe155198ed20da2627d490b16518b7f29094fb907939f1c9675a8770d0",
    ),
    "city-four-haves-demonstration-towns-2022": (
        "004_0eb987484117efec.txt",
        "154d99898754288a922e64c7593a2f21bf6d72b11442378fef07b095466377ae",
    ),
}


def _all_citations() -> list[tuple[str, pp.Citation]]:
    """Every citation a shipped pack, the check list or a rule module makes."""
    out: list[tuple[str, pp.Citation]] = []
    for pack_id in shipped_pack_ids():
        pack = load_pack(pack_id)
        out.append((f"{pack_id}: source", pack.source))
        for name, param in pack.parameters.items():
            out.extend((f"{pack_id}: {name}", v.citation) for v in param.values)
    checks = load_checks()
    out.append(("checks: source", checks.source))
    out.extend((f"check {c.code}", c.citation) for c in checks.checks)
    for info in pkgutil.walk_packages(pp.rules.__path__, "povertypolicy.rules."):
        module = importlib.import_module(info.name)
        out.extend(
            (f"{info.name}.{k}", v) for k, v in vars(module).items() if isinstance(v, pp.Citation)
        )
    return out


def test_every_shipped_quote_is_in_its_shipped_source() -> None:
    found = 0
    for where, c in _all_citations():
        if c.document is None:
            continue  # a law or standard cited by name (民法典, GB 11643): not shipped
        source = lookup(c.document)
        assert source is not None, (where, c.document)
        assert source.id == c.document, (where, "cite by id, not by former file name")
        part = source.part_for(c.section)
        if source.parts and source.kind is not SourceKind.DOCUMENT:
            assert part is not None, (where, c.section)
        if c.quote is None:
            continue
        assert source.has_text, where
        match = pp.find_quote(source.id, c.quote, part=None if part is None else part.name)
        assert match is not None, (where, c.quote)
        found += 1
    assert found >= 250


def test_the_national_pack_cites_national_sources_only() -> None:
    pack = load_pack("cn")
    cited = [pack.source, *(v.citation for p in pack.parameters.values() for v in p.values)]
    for c in cited:
        assert c.document is not None
        source = pp.get_source(c.document)
        assert source.level is pp.JurisdictionLevel.NATIONAL, c


def test_every_shipped_pack_has_level_and_its_source_part_agrees() -> None:
    for info in pp.packs():
        assert info.level is not None, info.id
        assert info.source_id is not None, info.id
        source = pp.get_source(info.source_id)
        where = source.part(info.source_part) if info.source_part else source
        assert where.level is info.level, info.id
        assert where.province == info.province, info.id


def test_seed_texts_are_shipped_byte_for_byte() -> None:
    for sid, (former, digest) in SEED_SHA256.items():
        source = pp.get_source(sid)
        assert source.formerly == former
        assert hashlib.sha256(source.text().encode("utf-8")).hexdigest() == digest


def test_collections_have_parts_with_their_own_titles_and_places() -> None:
    samples = pp.get_source("poverty-work-plan-samples")
    assert samples.kind is SourceKind.COLLECTION
    assert [p.name for p in samples.parts] == [f"篇{i}" for i in range(1, 11)]
    p4 = samples.part("篇4")
    assert p4.title is not None
    assert p4.title.hans == "镇农村扶贫对象建档立卡工作实施方案"
    assert p4.title.hant == "鎮農村扶貧對象建檔立卡工作實施方案"
    assert (p4.level, p4.province, p4.year, p4.dated) == (
        pp.JurisdictionLevel.TOWNSHIP,
        "CN-HN",
        2014,
        DateBasis.TEXT,
    )
    assert p4.text().startswith("篇4\n")
    assert "隆政辦函〔2014〕21號" in p4.text()
    assert "篇5" not in p4.text()
    docs = pp.get_source("relocation-follow-up-documents")
    assert [p.name for p in docs.parts] == ["篇一", "篇二", "第二篇", "第三篇", "第四篇", "第五篇"]
    assert docs.part("第四篇").text().startswith("第四篇:汾西")
    with pytest.raises(pp.InputError):
        docs.part("篇9")


def test_excerpts_say_where_the_whole_law_is() -> None:
    law = pp.get_source("land-administration-law-2004")
    assert law.is_excerpt
    assert law.url == "https://flk.npc.gov.cn"
    assert [p.name for p in law.parts] == ["第四十七条"]
    assert law.part("第四十七条").text().startswith("第四十七条　征收土地的")
    regs = pp.get_source("land-administration-regulations-1998")
    assert [p.name for p in regs.parts] == ["第二十五条", "第二十六条"]


def test_a_reference_has_no_text_and_says_so() -> None:
    nbs = pp.get_source("nbs-rural-poverty-monitoring-report")
    assert nbs.kind is SourceKind.REFERENCE
    assert not nbs.has_text
    with pytest.raises(pp.InputError) as info:
        nbs.text()
    assert info.value.code == "core.error.source_no_text"
    assert "中国统计出版社" in info.value.text("zh_Hans")
    with pytest.raises(pp.InputError):
        pp.find_quote(nbs.id, "2300")


def test_unknown_source_names_the_shipped_ones() -> None:
    with pytest.raises(pp.InputError) as info:
        pp.get_source("003_2d36845397adf6a3.txt")
    assert info.value.code == "core.error.source_unknown"
    assert "poverty-work-plan-samples" in info.value.text("en")


# -- quote lookup --------------------------------------------------------------------------


def test_find_quote_reads_through_pinyin_glosses_and_line_breaks() -> None:
    match = pp.find_quote(
        "poverty-work-plan-samples", "處于扶貧標準線2300元(2010年不變價)以下的農村家庭居民"
    )
    assert match is not None
    assert match.part == "篇4"
    assert match.text.startswith("處于扶貧標(biāo)準(zhǔn)線2300元")
    assert match.sentence.startswith("扶貧開發(fā)對象必須是以戶為單位")
    assert match.sentence.endswith("農(nóng)村家庭居民。")
    assert match.plain_sentence.endswith("處于扶貧標準線2300元(2010年不變價)以下的農村家庭居民。")
    text = pp.get_source("poverty-work-plan-samples").text()
    assert text[match.start : match.end] == match.text
    assert text.splitlines()[match.line - 1][match.column - 1 :].startswith("處于")


def test_find_quote_ignores_whitespace_in_quote_and_text() -> None:
    match = pp.find_quote("zj-taizhou-2019-47", "台政办函 〔2019〕 47号")
    assert match is not None
    assert match.line == 3


def test_find_quote_with_a_gap() -> None:
    quote = (
        "征收农用地的土地补偿费、安置补助费标准由省、自治区、直辖市通过制定公布区片综合地价确定"
        "……并至少每三年调整或者重新公布一次"
    )
    match = pp.find_quote("land-administration-law-2019", quote)
    assert match is not None
    assert match.part == "第四十八条"
    assert "土地区位" in match.text  # the gap is inside the match
    # the pieces must come in order
    backwards = "并至少每三年调整或者重新公布一次……征收农用地的土地补偿费"
    assert pp.find_quote("land-administration-law-2019", backwards) is None


def test_find_quote_negative_cases() -> None:
    samples = "poverty-work-plan-samples"
    assert pp.find_quote(samples, "每人4000元") is None
    # in the source, but not in the part asked for
    assert pp.find_quote(samples, "2011年1月1日以前出生", part="篇3") is not None
    assert pp.find_quote(samples, "2011年1月1日以前出生", part="篇4") is None
    # a changed character is not found (whitespace and glosses are the only tolerance)
    assert pp.find_quote(samples, "2011年1月1日之前出生") is None
    with pytest.raises(pp.InputError):
        pp.find_quote(samples, "   ")
    with pytest.raises(pp.InputError):
        pp.find_quote(samples, "出生", part="篇11")
    with pytest.raises(pp.InputError):
        pp.find_quote("no-such-source", "出生")


def test_source_and_part_find() -> None:
    source = pp.get_source("land-administration-regulations-1998")
    match = source.find("3个月内全额支付")
    assert match is not None
    assert match.part == "第二十五条"
    assert source.part("第二十六条").find("3个月内全额支付") is None


def test_listed_sorted_and_lazy() -> None:
    ids = [s.id for s in pp.list_sources()]
    assert ids == sorted(ids)
    assert len(ids) == 9


# -- rendering -----------------------------------------------------------------------------

DEEP = pp.Citation(document="poverty-work-plan-samples", section="篇3 §七1")


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("zh_Hans", "《深山区移民搬迁扶贫工作方案》篇3 §七1"),
        ("zh_Hant", "《深山區移民搬遷扶貧工作方案》篇3 §七1"),
        ("en", "《深山區移民搬遷扶貧工作方案》篇3 §七1"),  # en: as the document writes it
    ],
)
def test_citation_renders_the_part_title_in_the_locale_script(locale: str, text: str) -> None:
    assert render_citation(DEEP, locale) == text
    with pp.using_locale(locale):
        assert str(DEEP) == text
        assert DEEP.to_dict()["text"] == text


def test_a_simplified_document_in_english_keeps_its_simplified_title() -> None:
    c = pp.Citation(document="zj-taizhou-2019-47", section="§三(二)")
    assert render_citation(c, "en") == (
        "《台州市人民政府办公室关于切实加强被征地农民社会保障工作的意见》§三(二)"
    )
    assert render_citation(c, "zh_Hant").startswith("《台州市人民政府辦公室關於切實加強被徵地")


def test_a_section_without_a_part_shows_the_source_title() -> None:
    c = pp.Citation(document="poverty-work-plan-samples", section="全文")
    assert render_citation(c, "zh_Hans") == "《扶贫工作方案范文》全文"
    law = pp.Citation(document="land-administration-law-2004", section="第四十七条")
    assert (
        render_citation(law, "zh_Hans")
        == "《中华人民共和国土地管理法（1998年修订，2004年修正）》第四十七条"
    )
    assert render_citation(law, "zh_Hant").startswith("《中華人民共和國土地管理法（1998年修訂")


def test_the_nbs_reference_renders_without_its_text() -> None:
    c = pp.Citation(document="nbs-rural-poverty-monitoring-report", section="农村贫困标准 2015年")
    assert render_citation(c, "zh_Hans") == "《中国农村贫困监测报告》农村贫困标准 2015年"
    assert render_citation(c, "zh_Hant").startswith("《中國農村貧困監測報告》")
    assert render_citation(c, "en") == "《中国农村贫困监测报告》农村贫困标准 2015年"


def test_a_document_the_package_does_not_ship_renders_as_written() -> None:
    c = pp.Citation(document="my-county-plan.pdf", section="§2")
    assert render_citation(c, "en") == "my-county-plan.pdf §2"
    law = pp.Citation(law="中华人民共和国民法典", article="第二百零一条")
    assert render_citation(law, "zh_Hans") == "《中华人民共和国民法典》第二百零一条"


def test_explanations_name_documents_by_title_never_by_file_name() -> None:
    import datetime as dt

    policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))
    param = policy.param("housing.withheld_per_person")
    from povertypolicy.explain.render import _param_line

    for loc, title in (
        ("zh_Hans", "《深山区移民搬迁扶贫工作方案》篇3 §七1"),
        ("zh_Hant", "《深山區移民搬遷扶貧工作方案》篇3 §七1"),
        ("en", "《深山區移民搬遷扶貧工作方案》篇3 §七1"),
    ):
        line = _param_line(param, loc)
        assert title in line
        assert ".txt" not in line


def test_former_file_names_load_with_a_deprecation_warning(tmp_path: Path) -> None:
    path = tmp_path / "county.toml"
    path.write_text(
        'id = "my-county"\ntitle = "县方案"\nissuer = "县政府"\nparent = "cn"\n'
        'source = { document = "003_2d36845397adf6a3.txt", section = "篇3" }\n',
        encoding="utf-8",
    )
    with pytest.warns(DeprecationWarning, match="poverty-work-plan-samples"):
        pack = load_pack(path)
    assert pack.source.document == "poverty-work-plan-samples"
    assert render_citation(pack.source, "zh_Hans") == "《深山区移民搬迁扶贫工作方案》篇3"


def test_json_and_html_carry_the_rendered_title_in_their_locale() -> None:
    import datetime as dt

    from povertypolicy.rules import housing

    policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))
    result = housing.earliest_approval(dt.date(2011, 4, 1), policy)
    hant = result.to_dict("zh_Hant")
    texts = [p["citation"]["text"] for s in hant["steps"] for p in s["params"]]
    assert "《深山區移民搬遷扶貧工作方案》篇3 §四1(3)" in texts
    compact = result.to_dict("zh_Hans", compact=True)
    assert {c["text"] for c in compact["citations"]} == {
        "《深山区移民搬迁扶贫工作方案》篇3 §四1(3)"
    }
    html = result.to_html("zh_Hant")
    assert "《深山區移民搬遷扶貧工作方案》篇3 §四1(3)" in html
    assert ".txt" not in html


def test_titles_in_both_scripts_agree() -> None:
    opencc = pytest.importorskip("opencc")
    to_simple = opencc.OpenCC("t2s")
    titles = [s.title for s in pp.list_sources()]
    titles += [p.title for s in pp.list_sources() for p in s.parts if p.title is not None]
    for title in titles:
        assert to_simple.convert(title.hant) == title.hans, title
        assert title.hant != title.hans or title.hans.isascii(), title
