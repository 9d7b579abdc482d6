"""Wording checks: plural forms, 公文 numbers, 周岁, no English in Chinese, no doubled labels,
traditional Chinese without simplified leftovers or mainland-only terms (OpenCC)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re

import pytest

import povertypolicy as pp
from povertypolicy.explain import SUPPORTED_LOCALES
from povertypolicy.explain.catalog import domains, message, messages, placeholders, plural
from povertypolicy.explain.render import format_param_value, in_script, render_message

HAS_OPENCC = importlib.util.find_spec("opencc") is not None
needs_opencc = pytest.mark.skipif(not HAS_OPENCC, reason="install opencc (dev extra)")

CHECKED = tuple(domains())  # every catalog, data_quality included


# -- plural forms ------------------------------------------------------------------------


@pytest.mark.parametrize("domain", domains())
def test_plural_entries_agree_across_locales(domain: str) -> None:
    for key in messages("en", domain):
        forms = {loc: plural(key, loc) for loc in SUPPORTED_LOCALES}
        kinds = {loc: f is not None for loc, f in forms.items()}
        assert len(set(kinds.values())) == 1, f"{key}: plural in some locales only: {kinds}"
        if forms["en"] is None:
            continue
        args = {f.arg for f in forms.values() if f is not None}
        assert len(args) == 1, f"{key}: count arguments differ: {args}"
        en, hans, hant = forms["en"], forms["zh_Hans"], forms["zh_Hant"]
        assert en is not None
        assert hans is not None
        assert hant is not None
        assert len(en.forms) == 2, key
        assert len(hans.forms) == len(hant.forms) == 1, key
        last = placeholders(en.forms[-1])
        assert en.arg in last, f"{key}: the count {en.arg} is not in the message"
        for form in en.forms:
            # A form may spell the number out ("once"), nothing else may differ.
            assert placeholders(form) <= last, key
            assert last - placeholders(form) <= {en.arg}, key


def test_plural_forms_are_chosen_by_count() -> None:
    def summary(eligible: int, members: int) -> str:
        args = {"household": "H1", "members": members, "eligible": eligible, "applied_on": None}
        return render_message("housing.eligibility.summary", args, "en")

    assert "1 of 1 members is eligible" in summary(1, 1)
    assert "2 of 3 members are eligible" in summary(2, 3)
    assert "0 of 3 members are eligible" in summary(0, 3)
    assert "共1人，其中1人" in render_message(
        "housing.eligibility.summary",
        {"household": "H1", "members": 1, "eligible": 1, "applied_on": None},
        "zh_Hans",
    )
    assert message("core.unit.days", "en", n=1) == "{value} day"
    assert message("core.unit.days", "en", n=2) == "{value} days"
    assert message("core.unit.days", "en") == "{value} days"  # no count: the last form


@pytest.mark.parametrize(
    ("key", "args", "singular", "plural_text"),
    [
        ("land.attachments_total", {"count": 1, "amount": pp.Money(1)}, "1 item,", "2 items,"),
        ("land.note.overdue", {"as_of": dt.date(2020, 1, 1), "days": 1}, "1 day ", "2 days "),
        (
            "site.grid.workers",
            {"groups": 2, "households": 80, "workers": 1},
            "1 grid worker",
            "2 grid workers",
        ),
        (
            "site.party.joint_branch",
            {"members": 1},
            "1 full party member,",
            "2 full party members,",
        ),
        (
            "site.schedule.visits",
            {"visits": 1, "start": dt.date(2024, 1, 31), "deadlines": ()},
            "at least once a month",
            "at least 2 times a month",
        ),
        (
            "site.affiliated.councils",
            {"councils": 1, "range": "5–15", "recommended": 9},
            "1 residents' council,",
            "2 residents' councils,",
        ),
    ],
)
def test_english_counts_agree(
    key: str, args: dict[str, object], singular: str, plural_text: str
) -> None:
    arg = plural(key, "en")
    assert arg is not None
    assert singular in render_message(key, args, "en")
    assert plural_text in render_message(key, {**args, arg.arg: 2}, "en")


def test_or_lists_read_or() -> None:
    args = {"sizes": (5, 7, 9, 11), "recommended": 7}
    assert "5、7、9或11人" in render_message("site.affiliated.owners.yes", args, "zh_Hans")
    assert "5、7、9或11人" in render_message("site.affiliated.owners.yes", args, "zh_Hant")
    assert "5, 7, 9, or 11 members" in render_message("site.affiliated.owners.yes", args, "en")


# -- numbers, money and ages -------------------------------------------------------------


def _policy_param(pack: str, on: dt.date, name: str) -> object:
    return pp.Policy.load(pack, on=on).param(name)


def test_ages_read_zhousui() -> None:
    age = _policy_param(
        "zj-taizhou-expropriated-farmers-2019", dt.date(2020, 6, 30), "land.place_min_age"
    )
    assert format_param_value(age, "zh_Hans") == "16周岁"
    assert format_param_value(age, "zh_Hant") == "16週歲"
    assert format_param_value(age, "en") == "16 years old"
    years = _policy_param(
        "zj-taizhou-expropriated-farmers-2019", dt.date(2020, 6, 30), "land.place_validity_years"
    )
    assert format_param_value(years, "zh_Hans").endswith("年")  # a period, not an age


def test_chinese_money_is_gongwen_style() -> None:
    rate = _policy_param(
        "county-deep-mountain-relocation-2011", dt.date(2011, 6, 1), "housing.subsidy_per_person"
    )
    assert format_param_value(rate, "zh_Hans") == "每人3500元"
    assert format_param_value(rate, "zh_Hant") == "每人3500元"
    assert format_param_value(rate, "en") == "CN¥3,500.00 per person"


def test_explanations_in_chinese_have_no_currency_sign_or_grouped_small_numbers() -> None:
    policy = pp.Policy.load("county-deep-mountain-relocation-2011", on=dt.date(2011, 6, 1))
    home = pp.Household(
        id="H1",
        members=[
            pp.Person(
                id=f"P{i}",
                birth_date=dt.date(1970, 1, 1),
                hukou=pp.HukouType.AGRICULTURAL,
                registered_locally=True,
                lives_in_area=True,
            )
            for i in range(4)
        ],
        relocation_applied_on=dt.date(2011, 3, 1),
    )
    result = pp.rules.housing.housing_subsidy(home, policy)
    for loc in ("zh_Hans", "zh_Hant"):
        text = result.explain(loc)
        assert "¥" not in text
        assert "每人3500元" in text
        assert not re.search(r"\d\.00元", text)
    assert "14000元" in result.explain("zh_Hans")
    assert "14,000元" in result.explain("zh_Hant")
    assert "CN¥14,000.00" in result.explain("en")


# -- prose -------------------------------------------------------------------------------

# Latin words a Chinese message may contain: rule IDs, the command-line program's name, and the
# names of formats and standards a pack file is written in (TOML, UTF-8, ISO 3166-2: CN-ZJ).
_LATIN_OK = re.compile(
    r"(?:LAND|DATA)-\d+|povertypolicy explain|GB|m²|m³|TOML|UTF-8|ISO 3166-2|CN-ZJ"
)


@pytest.mark.parametrize("domain", CHECKED)
@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_no_english_words_in_chinese_messages(domain: str, locale: str) -> None:
    bad = []
    for key, text in messages(locale, domain).items():
        prose = _LATIN_OK.sub("", re.sub(r"\{[^}]*\}", "", text))
        words = re.findall(r"[A-Za-z]{2,}", prose)
        if words:
            bad.append((key, words))
    assert not bad


_KIND_WORDS = {
    "zh_Hans": ("约定", "边界", "默认值", "尾差", "提示"),
    "zh_Hant": ("約定", "邊界", "預設值", "尾差", "提示"),
    "en": ("convention", "boundary", "default", "rounding", "warning"),
}


@pytest.mark.parametrize("domain", CHECKED)
@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_notes_do_not_repeat_their_kind(domain: str, locale: str) -> None:
    # A note renders as "说明（约定）：{text}"; text starting "约定：" would say it twice.
    bad = [
        key
        for key, text in messages(locale, domain).items()
        if ".note." in key
        and text.lower().startswith(tuple(w + p for w in _KIND_WORDS[locale] for p in ("：", ":")))
    ]
    assert not bad


def test_no_developer_words_in_prose() -> None:
    for domain in CHECKED:
        for loc, words in (
            ("zh_Hans", ("调用方", "调用者", "参数值")),
            ("zh_Hant", ("調用方", "調用者")),
            ("en", ("the caller", "kwarg", "None")),
        ):
            for key, text in messages(loc, domain).items():
                assert not any(w in text for w in words), (loc, key, text)


# -- traditional Chinese -----------------------------------------------------------------

# Pairs OpenCC's s2tw would change that are standard in Taiwan and Hong Kong usage:
# 台/臺 (平台, 台賬), 公布/公佈 (教育部: 公布), 樑/梁 (橋樑), 群/羣 and 眾/衆 (both forms),
# 裏/裡, and 只/隻 where OpenCC misreads 「最多只能」.
_VARIANTS_OK = frozenset(
    {
        ("台", "臺"),
        ("布", "佈"),
        ("樑", "梁"),
        ("羣", "群"),
        ("衆", "眾"),
        ("裏", "裡"),
        ("只", "隻"),
    }
)

# Words s2twp would localise that are right in administrative Chinese in Taiwan and Hong Kong:
# 社區, 項目, 程序 (a legal procedure), 對象 (people a policy is for), 設置, 窗口, 參數, 代碼,
# 支持, 文件 (a document), 查看, 數據 (statistics), 質量.
_TERMS_OK = frozenset(
    {
        "社區",
        "項目",
        "程序",
        "對象",
        "設置",
        "窗口",
        "參數",
        "代碼",
        "支持",
        "文件",
        "查看",
        "數據",
        "質量",
    }
)


def _opencc(config: str) -> object:
    import opencc  # type: ignore[import-not-found,unused-ignore]

    return opencc.OpenCC(config)


@needs_opencc
@pytest.mark.parametrize("domain", CHECKED)
def test_traditional_has_no_simplified_leftovers(domain: str) -> None:
    s2tw = _opencc("s2tw")
    bad = []
    for key, text in messages("zh_Hant", domain).items():
        converted = s2tw.convert(text)  # type: ignore[attr-defined]
        if len(converted) != len(text):
            bad.append((key, text, converted))
            continue
        pairs = {(a, b) for a, b in zip(text, converted, strict=True) if a != b}
        if pairs - _VARIANTS_OK:
            bad.append((key, sorted(pairs - _VARIANTS_OK)))
    assert not bad


@needs_opencc
@pytest.mark.parametrize("domain", CHECKED)
def test_traditional_has_no_mainland_only_terms(domain: str) -> None:
    import difflib

    s2tw, s2twp = _opencc("s2tw"), _opencc("s2twp")
    bad = []
    for key, text in messages("zh_Hant", domain).items():
        a, b = s2tw.convert(text), s2twp.convert(text)  # type: ignore[attr-defined]
        for op, i1, i2, _, _ in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            word = a[max(0, i1 - 2) : i2 + 2]
            if not any(ok in word for ok in _TERMS_OK):
                bad.append((key, a[i1:i2], word))
    assert not bad


@needs_opencc
def test_simplified_catalog_converts_to_the_traditional_one() -> None:
    """Each zh_Hans message, converted by OpenCC, shares most characters with its zh_Hant one."""
    import difflib

    converters = (_opencc("s2tw"), _opencc("s2twp"))
    far = []
    for domain in CHECKED:
        hant = messages("zh_Hant", domain)
        for key, text in messages("zh_Hans", domain).items():
            if len(text) < 4:  # one word: a regional synonym (列名 / 欄位) is expected
                continue
            ratio = max(
                difflib.SequenceMatcher(None, c.convert(text), hant[key]).ratio()  # type: ignore[attr-defined]
                for c in converters
            )
            if ratio < 0.6:
                far.append((key, round(ratio, 2)))
    assert not far


def test_the_checks_can_fail() -> None:
    # The leftover and mainland-term detectors flag what they should.
    if not HAS_OPENCC:
        pytest.skip("OpenCC not installed")
    assert _opencc("s2tw").convert("默认值于村里") != "默认值于村里"  # type: ignore[attr-defined]
    assert "預設" in _opencc("s2twp").convert("默認值")  # type: ignore[attr-defined]


# -- citations in the explanation's script -----------------------------------------------


@needs_opencc
def test_citations_follow_the_explanations_script() -> None:
    law = "《中华人民共和国土地管理法》第四十七条"
    assert in_script(law, "zh_Hant") == "《中華人民共和國土地管理法》第四十七條"
    assert in_script(law, "zh_Hans") == law
    stored = "實施政府一次性建房補助政策,標準為每人3500元"
    assert in_script(stored, "zh_Hant") == stored  # stored in traditional: kept as is
    assert in_script(stored, "zh_Hans") == "实施政府一次性建房补助政策,标准为每人3500元"
    assert in_script(law, "en") == law


# -- one term per concept (docs/reference/glossary.md) ------------------------------------

_ONE_TERM = {
    "zh_Hans": {"最大余额法": "最大余数法"},
    "zh_Hant": {"最大餘額法": "最大餘數法", "默認值": "預設值", "臺賬": "台賬"},
    "en": {"largest remainder method": "largest remainder"},
}


@pytest.mark.parametrize("domain", CHECKED)
def test_one_term_per_concept(domain: str) -> None:
    bad = [
        (loc, key, wrong, right)
        for loc, table in _ONE_TERM.items()
        for key, text in messages(loc, domain).items()
        for wrong, right in table.items()
        if wrong in text
    ]
    assert not bad
