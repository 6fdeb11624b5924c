"""Buyers: open data that round-trips, structured data, print pages and QR codes."""

import csv
import io
import json
import re

import pytest
from conftest import FIXTURE, REPO, build
from PIL import Image, ImageDraw


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURE, tmp_path_factory.mktemp("buyers") / "output")


def page(site, path):
    return (site / path).read_text(encoding="utf-8")


def product_pages(site):
    return sorted(p for p in (site / "products").glob("*.html"))


def jsonld_blocks(html):
    """Every JSON-LD node of a page, top-level arrays flattened."""
    nodes = []
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        nodes.extend(data if isinstance(data, list) else [data])
    return nodes


def test_exports_round_trip_with_the_pages(site):
    data = json.loads(page(site, "du-lieu/catalogue.json"))
    pages = {p.stem for p in product_pages(site)}
    assert {p["id"] for p in data["products"]} == pages
    assert {p["url"] for p in data["products"]} == {f"https://ocop.tinh-thu.example/products/{s}.html" for s in pages}
    raw = (site / "du-lieu/products.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # what Excel needs for Vietnamese text
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert {r["id"] for r in rows} == pages
    tea = next(r for r in rows if r["id"] == "tra-hoa-vang")
    assert tea["name"] == "Trà hoa vàng"
    assert (tea["stars"], tea["status"], tea["certified"], tea["decision_number"]) == ("4", "valid", "yes",
                                                                                      "123/QĐ-UBND")
    assert (tea["expires_from"], tea["expires_to"], tea["gtin13"]) == ("2028-03-10", "2028-03-10", "8931234567897")
    producers = list(csv.DictReader(io.StringIO((site / "du-lieu/producers.csv").read_bytes().decode("utf-8-sig"))))
    assert producers == [{
        "id": "htx-hoa-vang", "name": "HTX Hoa Vàng", "legal_form": "hop_tac_xa", "region": "huyen-a",
        "region_name": "Huyện A", "commune": "", "address": "", "website": "", "product_count": "1",
        "valid_product_count": "1", "products": "tra-hoa-vang", "other_certificates": "OCOP; VietGAP",
        "accepts_wholesale": "yes",
        "capacity": "20 tấn/năm", "moq": "100 hộp", "lead_time_days": "7", "export_markets": "CN; JP",
        "url": "https://ocop.tinh-thu.example/chu-the/htx-hoa-vang/", "last_verified": "2026-11-01",
    }]


def test_catalogue_json_has_one_line_per_record():
    """A changed product is a changed line when two days' files are compared."""
    from ocop.site.exports import catalogue_json

    data = {"format": "ocop-catalogue", "groups": {"a": {"vi": "Ă"}}, "regions": [],
            "products": [{"id": "tra", "name": "Trà \"hoa\"\nvàng"}, {"id": "mat", "name": "Mật"}]}
    text = catalogue_json(data).decode("utf-8")
    assert json.loads(text) == data
    assert text.splitlines() == [
        "{", ' "format": "ocop-catalogue",', ' "groups": {"a": {"vi": "Ă"}},', ' "regions": [],',
        ' "products": [', '  {"id": "tra", "name": "Trà \\"hoa\\"\\nvàng"},', '  {"id": "mat", "name": "Mật"}',
        " ]", "}",
    ]


def test_catalogue_json_follows_its_published_schema(site):
    from jsonschema import Draft202012Validator

    schema = json.loads(page(site, "du-lieu/catalogue.schema.json"))
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema).iter_errors(json.loads(page(site, "du-lieu/catalogue.json"))))
    assert errors == []
    data = json.loads(page(site, "du-lieu/catalogue.json"))
    assert (data["format"], data["version"], data["validity_date"]) == ("ocop-catalogue", "1.0", "2026-11-29")
    honey = next(p for p in data["products"] if p["id"] == "mat-ong-rung")
    assert honey["certificates"][0]["signed_from"] == "2019-01-01"
    assert honey["certificates"][0]["expires_to"] == "2022-12-31"
    assert "producer" not in honey and "trade" not in honey  # unknown facts are absent, never null noise


def test_exports_are_linked_from_list_pages_and_footer(site):
    for path in ("san-pham/index.html", "chu-the/index.html", "dia-ban/huyen-a/index.html", "index.html"):
        assert 'du-lieu/"' in page(site, path), path
    assert 'href="../du-lieu/producers.csv" download' in page(site, "chu-the/index.html")


def test_product_json_ld(site):
    for path in product_pages(site):
        html = path.read_text(encoding="utf-8")
        assert "aggregateRating" not in html
        product, crumbs = jsonld_blocks(html)
        assert product["@type"] == "Product" and crumbs["@type"] == "BreadcrumbList"
        assert product["countryOfOrigin"] == {"@type": "Country", "name": "VN"}
        assert product["description"].startswith("Sản phẩm OCOP ")
        for cert in product["hasCertification"]:
            assert cert["@type"] == "Certification"
            assert cert["certificationRating"]["ratingValue"] in (3, 4, 5)
    tea = jsonld_blocks(page(site, "products/tra-hoa-vang.html"))[0]
    assert tea["gtin13"] == "8931234567897"
    assert tea["manufacturer"]["name"] == "Hợp tác xã Hoa Vàng"  # as displayed; the sources' spelling is kept:
    organisation = jsonld_blocks(page(site, "chu-the/htx-hoa-vang/index.html"))
    assert "HTX Hoa Vàng" in json.dumps(organisation, ensure_ascii=False)
    assert tea["hasCertification"][0] == {
        "@type": "Certification", "name": "OCOP 4 sao",
        "certificationRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 3},
        "issuedBy": {"@type": "GovernmentOrganization", "name": "UBND Tỉnh Thử"}, "about": "Đồ uống",
        "certificationIdentification": "123/QĐ-UBND", "validFrom": "2025-03-10", "expires": "2028-03-10",
        "certificationStatus": "https://schema.org/CertificationActive",
    }
    honey = jsonld_blocks(page(site, "products/mat-ong-rung.html"))[0]
    assert "manufacturer" not in honey and "image" not in honey  # not known, not invented


def test_json_ld_is_parsed_by_extruct(site):
    extruct = pytest.importorskip("extruct")
    data = extruct.extract(page(site, "products/tra-hoa-vang.html"), syntaxes=["json-ld"])
    assert [d["@type"] for d in data["json-ld"]] == ["Product", "BreadcrumbList"]
    home = extruct.extract(page(site, "index.html"), syntaxes=["json-ld"])
    assert [d["@type"] for d in home["json-ld"]] == ["GovernmentOrganization", "WebSite"]
    producer = extruct.extract(page(site, "chu-the/htx-hoa-vang/index.html"), syntaxes=["json-ld"])
    assert [d["@type"] for d in producer["json-ld"]] == ["Organization", "BreadcrumbList"]


def test_script_in_a_name_cannot_close_the_json_ld_block(tiny_site):
    record = tiny_site / "products/tra-hoa-vang/product.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace(
        "name: Trà hoa vàng", 'name: "Trà </script><script>alert(1)</script><!-- x"'), encoding="utf-8")
    html = (build(tiny_site) / "products/tra-hoa-vang.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<!-- x" not in html
    product = jsonld_blocks(html)[0]
    assert product["name"] == "Trà </script><script>alert(1)</script><!-- x"


def rasterise(svg: str) -> Image.Image:
    """Draw the QR code's single-path SVG (`M x y h n m dx dy …`) as a bitmap."""
    scale = int(re.search(r'transform="scale\((\d+)\)"', svg).group(1))
    width = int(re.search(r'width="(\d+)"', svg).group(1))
    image = Image.new("L", (width, width), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", re.search(r' d="([^"]+)"', svg).group(1)):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            length = float(a)
            draw.rectangle([x * scale, (y - .5) * scale, (x + length) * scale - 1, (y + .5) * scale - 1], fill=0)
            x += length
    return image


def test_qr_code_on_the_page_decodes_to_the_product_url(site):
    zxingcpp = pytest.importorskip("zxingcpp")
    for path in product_pages(site):
        html = path.read_text(encoding="utf-8")
        src = re.search(r'<img class="qr" src="([^"]+)"', html).group(1)
        svg = (path.parent / src).resolve().read_text(encoding="utf-8")
        assert "<script" not in svg
        decoded = zxingcpp.read_barcodes(rasterise(svg))
        assert [d.text for d in decoded] == [f"https://ocop.tinh-thu.example/products/{path.stem}.html"]
    english = (site / "en/products/tra-hoa-vang/index.html").read_text(encoding="utf-8")
    assert 'src="../../../qr/tra-hoa-vang.' in english  # one code per product, shared by both languages


def test_print_pages_for_every_district_and_group_and_the_label_sheet(site):
    data = json.loads(page(site, "du-lieu/catalogue.json"))
    for region in data["regions"]:
        assert (site / f"in/dia-ban-{region['id']}/index.html").is_file()
    for group in {p["group"] for p in data["products"]}:
        assert (site / f"in/nhom-{group.replace('_', '-')}/index.html").is_file()
    everything = page(site, "in/tat-ca/index.html")
    assert everything.count('class="print-item"') == len(data["products"])
    labels = page(site, "in/nhan-qr/index.html")
    assert labels.count('class="label"') == len(data["products"])
    assert labels.count('<img class="qr"') == len(data["products"])
    css = (REPO / "theme/static/css/main.css").read_text(encoding="utf-8")
    assert "@media print" in css and "@page" in css


def test_trade_facts_are_shown_and_unknown_ones_absent(site):
    tea = page(site, "products/tra-hoa-vang.html")
    for text in ("Mã vạch GTIN-13", "8931234567897", "hộp 100 g; túi 500 g", "540 ngày", "tháng 1, tháng 2, tháng 11"):
        assert text in tea, text
    for text in ("Năng lực cung ứng", "N/A", "None", "Bán buôn"):
        assert text not in tea, text
    producer = page(site, "chu-the/htx-hoa-vang/index.html")
    for text in ("Năng lực cung ứng", "20 tấn/năm", "100 hộp", "7 ngày", "Có nhận", "CN, JP", "VietGAP",
                 "số VG-001", "còn hiệu lực đến 09/01/2027"):
        assert text in producer, text


def test_supplier_directory_filters_without_a_server(site):
    html = page(site, "chu-the/index.html")
    assert '<form class="filters" data-filter-list="producer-list"' in html and " hidden>" in html
    assert 'data-legal-form="hop_tac_xa" data-region="huyen-a" data-certificate="OCOP|VietGAP"' in html
    assert '<script src="../theme/js/filters.js" defer></script>' in html


@pytest.mark.parametrize(("code", "message"), [
    ('"8931234567890"', "`trade.gtin13`: GTIN-13 `8931234567890` has a wrong check digit (the last digit should "
                        "be 7); check the barcode"),
    ('"893123456789"', '`trade.gtin13`: a GTIN-13 is exactly 13 digits, written in quotes, e.g. "8930000000001"'),
])
def test_gtin_is_validated(tiny_site, code, message):
    from conftest import TODAY
    from ocop.records.loader import load_catalogue

    record = tiny_site / "products/tra-hoa-vang/product.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace('"8931234567897"', code), encoding="utf-8")
    problems = load_catalogue(str(tiny_site / "products"), TODAY).problems
    assert [p.format("en", str(tiny_site)) for p in problems.errors] == [
        f"products/tra-hoa-vang/product.yaml:16:11: error: {message}"
    ]


@pytest.mark.parametrize(("value", "cell"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-3", "-3"), ("Trà", "Trà"), (None, ""), (3, "3"),
])
def test_csv_cells_cannot_become_formulas(value, cell):
    from ocop.site.exports import spreadsheet_safe

    assert spreadsheet_safe(value) == cell
