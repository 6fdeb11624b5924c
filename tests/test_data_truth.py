"""Data truth: every fact sourced, the numbers page equal to the records, the report's 2021 figures reproduced."""

import re
import shutil
from html.parser import HTMLParser

import pytest
from conftest import FIXTURE, REPO, TODAY, build, write
from ocop.records.figures import parse_partial_date
from ocop.records.loader import load_catalogue
from ocop.records.rules import load_rules
from ocop.site.numbers import year_bucket

# report 17/BC-VPĐP, footnote 5: the nine products certified 3 stars in 2021, in six districts
FOOTNOTE_5_DISTRICTS = {"muong-lay", "muong-ang", "tua-chua", "dien-bien", "tuan-giao", "muong-cha"}
STATUS_VI = {"valid": "Còn hiệu lực", "unknown": "Chưa rõ hiệu lực", "expired": "Hết hiệu lực", "revoked": "Đã thu hồi"}
STATUS_EN = {"valid": "Valid", "unknown": "Validity unknown", "expired": "Expired", "revoked": "Revoked"}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(str(REPO / "products"), TODAY)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(REPO, tmp_path_factory.mktemp("data-truth") / "output", OCOP_TODAY=TODAY.isoformat())


class Tables(HTMLParser):
    """Every <table> of a page: its caption and its rows of cell texts (whitespace collapsed)."""

    def __init__(self):
        super().__init__()
        self.tables, self.cell, self.row, self.caption = [], None, None, None

    def handle_starttag(self, tag, attrs):
        if self.cell is not None:
            self.cell.append(" ")  # <br>, <span>: words stay apart
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "caption":
            self.caption = []
        elif tag == "tr":
            self.row = []
        elif tag in ("th", "td"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "caption":
            self.tables[-1]["caption"] = " ".join("".join(self.caption).split())
            self.caption = None
        elif tag in ("th", "td"):
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr":
            self.tables[-1]["rows"].append(self.row)
            self.row = None

    def handle_data(self, data):
        for target in (self.cell, self.caption):
            if target is not None:
                target.append(data)


def tables_of(page) -> dict[str, list[list[str]]]:
    """caption -> body rows (the header row left out)."""
    parser = Tables()
    parser.feed(page.read_text(encoding="utf-8"))
    return {t["caption"]: t["rows"][1:] for t in parser.tables}


def first_int(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def counted(rows, label_of=lambda cell: cell, column=1) -> dict:
    """{row label: the integer that starts the cell in `column`}."""
    return {label_of(row[0]): first_int(row[column]) for row in rows}


# every fact has a source -----------------------------------------------------------------


def test_every_record_has_a_source(catalogue):
    assert catalogue.problems.errors == []
    kinds = (catalogue.products, catalogue.producers, catalogue.regions, catalogue.decisions)
    for records in kinds:
        for record in records.values():
            assert record.sources, record.path
    for record in (*catalogue.products.values(), *catalogue.producers.values()):
        assert record.last_verified is not None, record.path


def test_every_figure_has_a_source(catalogue):
    figures = catalogue.figures
    assert figures is not None and figures.last_verified is not None
    items = [*figures.certified_by_year, *figures.totals, *figures.regions, *figures.other, *figures.targets]
    assert len(items) > 20
    for item in items:
        assert item.sources, item
        for source in item.sources:
            assert source.id in catalogue.sources  # every figure cites a file of products/_sources/


def test_the_reported_figures_are_recorded(catalogue):
    figures = catalogue.figures
    by_year = {r.year: (r.products, r.stars.three, r.stars.four) for r in figures.certified_by_year}
    assert by_year == {2019: (26, 24, 2), 2020: (9, 9, None), 2021: (9, 9, None)}
    totals = [(t.as_of.text("en") if t.as_of else None, t.products) for t in figures.totals]
    assert totals == [("2021", 44), ("Sep 2022", 44), ("Feb 2023", 56), ("2024", 72), (None, 109), (None, 138)]
    assert figures.totals[0].products == sum(r.products for r in figures.certified_by_year)
    assert figures.totals[-1].producers == 88
    other = {f.id: (f.value, f.stars.three, f.stars.four) for f in figures.other}
    assert other["kiem-tra-sau-chung-nhan-2021"] == (31, 27, 2)
    assert other["to-chuc-kinh-te-2019-2021"][0] == 28
    assert other["ban-do-so-cong-thuong"][0] == 35
    plan = {t.id: (t.value, t.max, t.at_least) for t in figures.targets if t.year == 2022}
    assert plan == {"san-pham-moi-2022": (26, None, False), "nang-hang-2022": (22, None, False),
                    "to-chuc-kinh-te-moi-2022": (6, None, True), "hoi-cho-cap-tinh-2022": (1, None, False),
                    "hoi-cho-ngoai-tinh-2022": (4, 5, False), "diem-ban-cap-huyen-2022": (2, None, False)}


def test_the_2021_figures_of_the_report_are_reproduced_by_the_records(catalogue):
    first_in_2021 = [p for p in catalogue.products.values() if year_bucket(p.certificates[0].signed) == (2021, 2021)]
    reported = next(r for r in catalogue.figures.certified_by_year if r.year == 2021)
    assert len(first_in_2021) == reported.products == 9
    assert all(p.certificates[0].stars == 3 for p in first_in_2021)
    assert reported.stars.three == 9
    assert {p.region for p in first_in_2021} == FOOTNOTE_5_DISTRICTS
    for product in first_in_2021:
        decision = product.certificates[0].decision
        assert (decision.issuer_level, decision.regime) == ("province", "qd1048")


# the numbers page ------------------------------------------------------------------------


def first_buckets(catalogue) -> dict[str, int]:
    counts: dict[str, int] = {}
    for product in catalogue.products.values():
        start, end = year_bucket(product.certificates[0].signed)
        label = str(start) if start == end else f"{start}–{end}"
        counts[label] = counts.get(label, 0) + 1
    return counts


def test_numbers_page_counts_equal_the_records(site, catalogue):
    rules = load_rules()
    products = list(catalogue.products.values())
    tables = tables_of(site / "so-lieu" / "index.html")

    years = counted(tables["Sản phẩm theo năm công nhận lần đầu"], lambda cell: cell.split(" ")[0])
    assert {k: v for k, v in years.items() if v} == first_buckets(catalogue)
    assert "2019–2020" in years  # the honeys: signed in 2019 or 2020, shown as such, never assigned a year
    certificates = counted(tables["Sản phẩm theo năm công nhận lần đầu"], lambda cell: cell.split(" ")[0], 2)
    assert sum(certificates.values()) == sum(len(p.certificates) for p in products)

    stars = counted(tables["Sản phẩm theo hạng sao hiện tại"])
    assert stars == {f"{level} sao": sum(1 for p in products if p.current.stars == level) for level in (3, 4, 5)}

    validity = counted(tables["Hiệu lực chứng nhận tính đến ngày 29/11/2026"])
    expected = {STATUS_VI[s]: sum(1 for p in products if p.status == s) for s in ("valid", "unknown", "expired")}
    assert {k: v for k, v in validity.items() if k != STATUS_VI["revoked"]} == expected
    issued = counted(tables["Hiệu lực chứng nhận tính đến ngày 29/11/2026"], column=2)
    assert sum(issued.values()) == sum(len(p.certificates) for p in products)

    districts = counted(tables["Sản phẩm theo địa bàn"])
    assert districts == {r.name: sum(1 for p in products if p.region == rid) for rid, r in catalogue.regions.items()}
    assert len(districts) == 10  # every district, zeros included
    ranked = list(districts.values())
    assert ranked == sorted(ranked, reverse=True)

    groups = counted(tables["Sản phẩm theo nhóm"])
    for group_id, entry in rules["groups"].items():
        count = sum(1 for p in products if p.current.group == group_id)
        if count or entry["vi"] in groups:
            assert groups[entry["vi"]] == count, group_id

    forms = counted(tables["Sản phẩm theo loại hình chủ thể"])
    for form, entry in rules["legal_forms"].items():
        assert forms[entry["vi"]] == sum(1 for p in products if p.producer
                                         and catalogue.producers[p.producer].legal_form == form)
    assert forms["Chưa có thông tin về chủ thể"] == sum(1 for p in products if not p.producer)
    assert sum(forms.values()) == len(products)


def test_numbers_page_sets_reported_figures_beside_the_records(site, catalogue):
    page = site / "so-lieu" / "index.html"
    text = " ".join(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")).split())
    figures = catalogue.figures
    reported_years = {r.year for r in figures.certified_by_year}
    buckets = [year_bucket(p.certificates[0].signed) for p in catalogue.products.values()]
    inside = sum(1 for b in buckets if set(range(b[0], b[1] + 1)) <= reported_years)
    reported = sum(r.products for r in figures.certified_by_year)
    percent = round(100 * inside / reported)
    assert (f"Danh mục có hồ sơ của {inside} trong {reported} sản phẩm được báo cáo công nhận trong các năm "
            f"2019–2021 ({percent}%).") in text

    tables = tables_of(page)
    years = {row[0].split(" ")[0]: row for row in tables["Sản phẩm theo năm công nhận lần đầu"]}
    for item in figures.certified_by_year:
        row = years[str(item.year)]
        records = sum(1 for b in buckets if b == (item.year, item.year))
        assert (first_int(row[1]), first_int(row[3])) == (records, item.products)
        assert row[4] == f"{round(100 * records / item.products)}%"
    totals = tables["Tổng số sản phẩm OCOP của tỉnh theo nguồn"]
    assert [first_int(row[1]) for row in totals] == [t.products for t in figures.totals]
    for row, total in zip(totals, figures.totals, strict=True):
        if total.as_of is None:
            assert first_int(row[2]) == len(catalogue.products)
        else:
            assert first_int(row[2]) == sum(1 for p in catalogue.products.values()
                                            if p.certificates[0].signed.latest <= total.as_of.end)
    tua_chua = next(row for row in tables["Sản phẩm theo địa bàn"] if row[0] == "Huyện Tủa Chùa")
    assert first_int(tua_chua[2]) == 17
    targets = {row[1].split(" [")[0]: row for row in tables["Mục tiêu kế hoạch"] if row[0] == "2022"}
    assert targets["Phát triển mới sản phẩm OCOP"][2] == "26"
    assert targets["Hội chợ OCOP ngoài tỉnh, khu vực và quốc tế tham dự"][2] == "4–5"
    assert targets["Tổ chức kinh tế (hợp tác xã, doanh nghiệp vừa và nhỏ) mới tham gia chương trình OCOP"][2] == "≥ 6"
    other = {row[0]: row for row in tables["Số liệu khác do nguồn công bố"]}
    assert any(label.startswith("Sản phẩm OCOP được giới thiệu trên bản đồ số") and row[1] == "35"
               for label, row in other.items())


@pytest.mark.parametrize("path, lang", [("so-lieu/index.html", "vi"), ("en/numbers/index.html", "en")])
def test_numbers_page_in_both_languages_with_accessible_charts(site, path, lang):
    page = (site / path).read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    main = page[page.index("<main"):page.index("</main>")]
    assert "style=" not in main and "<style" not in main and "<script" not in main  # CSP: no inline style/script
    charts = re.findall(r"<svg\b([^>]*)>(.*?)</svg>(.*?)(?=<svg\b|$)", main, flags=re.S)
    assert len(charts) >= 6
    for attributes, inside, after in charts:
        assert 'role="img"' in attributes
        title_id, desc_id = re.search(r'aria-labelledby="([^" ]+) ([^" ]+)"', attributes).groups()
        assert re.search(rf'<title id="{title_id}">[^<]+</title>', inside)
        assert re.search(rf'<desc id="{desc_id}">[^<]+</desc>', inside)
        table = re.match(r"\s*</figure>\s*(?:<p class=\"chart-legend\"[^>]*>.*?</p>\s*)?"
                         r"<details><summary>[^<]+</summary>"
                         r"\s*<table[^>]*>\s*<caption>[^<]+",
                         after, flags=re.S)
        assert table, "each chart is followed by its data table, folded"
    words = " ".join(re.sub(r"<[^>]+>", " ", main).split())
    if lang == "en":
        assert "OCOP in numbers" in words and "Products by district" in words
        for vietnamese in ("Sản phẩm theo", "Hồ sơ trong danh mục", "Theo năm"):
            assert vietnamese not in words
        assert '<a href="../../so-lieu/" hreflang="vi" lang="vi">' in page  # the switcher leads to the same page
    else:
        assert "OCOP qua các con số" in words


def test_numbers_page_counts_are_the_same_in_english(site):
    def numbers(tables):
        return [[[first_int(cell) for cell in row[1:] if cell[:1].isdigit()] for row in rows]
                for rows in tables.values()]

    vi = tables_of(site / "so-lieu" / "index.html")
    en = tables_of(site / "en" / "numbers" / "index.html")
    assert numbers(vi) == numbers(en)


def test_numbers_page_is_linked_from_home_and_footer(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('href="./so-lieu/"') == 2  # the home page's link and the footer's
    product = (site / "san-pham" / "gao-vai-gay" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../so-lieu/">OCOP qua các con số</a>' in product
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="../en/numbers/">OCOP in numbers</a>' in english


def test_a_province_without_figures_gets_the_page_from_its_records(tmp_path):
    site = build(FIXTURE, tmp_path / "output")
    tables = tables_of(site / "so-lieu" / "index.html")
    assert "Sản phẩm theo địa bàn" in tables
    assert "Tổng số sản phẩm OCOP của tỉnh theo nguồn" not in tables  # nothing reported, nothing invented
    page = (site / "so-lieu" / "index.html").read_text(encoding="utf-8")
    assert "Danh mục có hồ sơ của" not in page


# the figures file: checked like every record ----------------------------------------------

DATA = {
    "_province.yaml": "name: Tỉnh Thử\noffice: Văn phòng\nsources: [bc]\n",
    "_sources/bc.yaml": "title: Báo cáo\n",
    "_regions/huyen-a.yaml": "name: Huyện A\ntype: huyen\nsources: [bc]\n",
}

GOOD_FIGURES = """\
certified_by_year:
  - year: 2021
    products: 9
    stars_3: 9
    sources: [bc]
totals:
  - as_of: 2023-02
    products: 56
    sources: [bc]
regions:
  - region: huyen-a
    products: 3
    sources: [bc]
other:
  - id: ban-do-so
    value: 35
    label: Sản phẩm trên bản đồ số
    sources: [bc]
targets:
  - id: moi
    year: 2022
    value: 4
    max: 5
    label: Hội chợ
    sources: [bc]
last_verified: 2026-11-29
"""

BROKEN_FIGURES = """\
certified_by_year:
  - year: 2021
    products: 9
    stars_3: 7
    stars_4: 3
    sources: [bc]
  - year: 2021
    products: 4
    sources: [bao-cao]
  - year: 2022
    product: 4
    sources: [bc]
totals:
  - as_of: 2023-13
    products: 56
    sources: [bc]
  - as_of: đầu năm 2024
    products: 72
    sources: [bc]
  - products: 109
regions:
  - region: huyen-b
    products: 3
    sources: [bc]
targets:
  - id: hoi-cho
    year: 2022
    value: 5
    max: 4
    label: Hội chợ
    sources: [bc]
  - id: hoi-cho
    year: 2022
    value: -1
    label: Hội chợ
    sources: [bc]
last_verified: 2026-11-29
"""


def data_folder(root, figures=None):
    for name, text in DATA.items():
        write(root / name, text)
    if figures is not None:
        (root / "_figures.yaml").write_text(figures, encoding="utf-8")
    return root


def problems(root, lang="en"):
    catalogue = load_catalogue(str(root), TODAY)
    return [p.format(lang, str(root)) for p in catalogue.problems.sorted()], catalogue


def test_the_figures_file_is_optional(tmp_path):
    found, catalogue = problems(data_folder(tmp_path))
    assert found == [] and catalogue.figures is None


def test_a_good_figures_file_is_read(tmp_path):
    found, catalogue = problems(data_folder(tmp_path, GOOD_FIGURES))
    assert found == []
    figures = catalogue.figures
    assert figures.totals[0].as_of.text("vi") == "02/2023"
    assert figures.targets[0].max == 5
    assert figures.other[0].sources[0].title == "Báo cáo"


def test_a_broken_figures_file_gives_each_problem_at_its_line(tmp_path):
    found, catalogue = problems(data_folder(tmp_path, BROKEN_FIGURES))
    assert catalogue.figures is None
    assert found == [  # the schema first: the month 13 is only checked once the file is well-formed
        "_figures.yaml:10:5: error: missing required field `certified_by_year[3].products`",
        "_figures.yaml:11:5: error: `certified_by_year[3].product` is not a field of this kind of record"
        " (did you mean `products`?)",
        "_figures.yaml:17:12: error: `totals[2].as_of`: `đầu năm 2024` is not a year (2024), a month (2023-02)"
        " or a day (2021-12-31)",
        "_figures.yaml:20:5: error: missing required field `totals[3].sources`",
        "_figures.yaml:34:12: error: `targets[2].value` must be at least 0",
    ]
    # once the schema is satisfied, the checks between records and inside the file
    fixed = (BROKEN_FIGURES.replace("    product: 4\n", "    products: 4\n")
             .replace("đầu năm 2024", "2024").replace("  - products: 109\n", "  - products: 109\n    sources: [bc]\n")
             .replace("value: -1", "value: 1"))
    found, catalogue = problems(data_folder(tmp_path, fixed))
    assert catalogue.figures is not None
    assert found == [
        "_figures.yaml:3:15: error: `certified_by_year[1].products`: the products by star level add up to 10,"
        " more than the total 9",
        "_figures.yaml:7:11: error: `certified_by_year[2].year`: `2021` already appears at line 2;"
        " give each year or id once",
        "_figures.yaml:9:15: error: `certified_by_year[2].sources[1]`: there is no source `bao-cao`"
        f" (expected the file {tmp_path / '_sources' / 'bao-cao.yaml'})",
        "_figures.yaml:14:12: error: `totals[1].as_of`: 2023-13 is not a real date",
        "_figures.yaml:23:13: error: `regions[1].region`: there is no region `huyen-b`"
        f" (expected the file {tmp_path / '_regions' / 'huyen-b.yaml'}) (did you mean `huyen-a`?)",
        "_figures.yaml:30:10: error: `targets[1].max`: the high end 4 is below `value` 5",
        "_figures.yaml:33:9: error: `targets[2].id`: `hoi-cho` already appears at line 27; give each year or id once",
    ]


def test_a_misspelt_figures_file_is_refused(tmp_path):
    data_folder(tmp_path)
    write(tmp_path / "_figure.yaml", GOOD_FIGURES)
    found, _ = problems(tmp_path)
    assert len(found) == 1 and found[0].startswith("_figure.yaml:1:1: error: `_figure.yaml` is not a known kind")


def test_shipped_figures_file_in_vietnamese_messages(tmp_path):
    shutil.copytree(REPO / "products", tmp_path / "products")
    figures = tmp_path / "products" / "_figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8").replace("  - year: 2020\n    products: 9\n",
                                                                   "  - year: 2020\n    products: chín\n"),
                       encoding="utf-8")
    line = figures.read_text(encoding="utf-8").splitlines().index("    products: chín") + 1
    found, _ = problems(tmp_path / "products", "vi")
    assert found == [f"_figures.yaml:{line}:15: lỗi: `certified_by_year[2].products` phải là số nguyên"]


def test_partial_dates():
    assert parse_partial_date(2024).text("en") == "2024"
    assert parse_partial_date("2023-02").text("en") == "Feb 2023"
    assert str(parse_partial_date("2023-02").end) == "2023-02-28"
    assert parse_partial_date("2021-12-31").text("vi") == "31/12/2021"
    assert parse_partial_date("2023-13") is None and parse_partial_date("2023-02-30") is None
