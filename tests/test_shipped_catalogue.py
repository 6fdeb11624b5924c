"""The Điện Biên catalogue we ship: true to its sources, and every page a visitor expects."""

import re

import pytest
from conftest import REPO, TODAY, run_cli
from ocop.records.loader import load_catalogue

FOOTNOTE_5 = {  # report 17/BC-VPĐP, footnote 5: the nine products certified 3 stars in 2021
    "ca-tep-dau-say-na-lay": "muong-lay",
    "tra-shan-tuyet-p-h-1-4": "muong-ang",
    "gao-vai-gay": "tua-chua",
    "dung-nhan-ruou-nep-27": "dien-bien",
    "ruou-nep-nuong-men-la": "dien-bien",
    "thit-trau-kho-phong-suong": "dien-bien",
    "qua-doi-leo-bon-mua": "dien-bien",
    "dua-meo-hoa-son-tra": "tuan-giao",
    "buoi-da-xanh-kien-trung": "muong-cha",
}
DISTRICTS = {"dien-bien-phu", "muong-lay", "dien-bien", "dien-bien-dong", "muong-ang", "muong-cha",
             "muong-nhe", "nam-po", "tua-chua", "tuan-giao"}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(str(REPO / "products"), TODAY)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import build

    output = tmp_path_factory.mktemp("dien-bien") / "output"
    return build(REPO, output, OCOP_TODAY="2026-11-29")


def test_shipped_records_have_no_problems(catalogue):
    assert catalogue.problems.report("en") == ""


def test_the_ten_districts_with_their_end_date(catalogue):
    assert set(catalogue.regions) == DISTRICTS
    assert {str(r.valid_to) for r in catalogue.regions.values()} == {"2025-06-30"}


def test_the_2021_figures_of_the_report_are_reproduced(catalogue):
    certified_2021 = {
        pid: p for pid, p in catalogue.products.items()
        if any(c.decision.id == "dien-bien-2021-ocop" for c in p.certificates)
    }
    assert {pid: p.region for pid, p in certified_2021.items()} == FOOTNOTE_5
    assert len(set(FOOTNOTE_5.values())) == 6
    for product in certified_2021.values():
        cert = next(c for c in product.certificates if c.decision.id == "dien-bien-2021-ocop")
        assert cert.stars == 3
        assert cert.decision.regime == "qd1048"


def test_every_record_cites_a_source_and_a_verification_date(catalogue):
    for record in (*catalogue.products.values(), *catalogue.producers.values()):
        assert record.sources, record.path
        assert record.last_verified is not None, record.path
    for record in (*catalogue.regions.values(), *catalogue.decisions.values()):
        assert record.sources, record.path


def test_nothing_invented(catalogue):
    for producer in catalogue.producers.values():
        assert producer.contacts == [], producer.path  # no source publishes a contact
    for decision in catalogue.decisions.values():
        assert decision.number is None  # no source gives a decision number
        assert not decision.signed.exact  # nor an exact signing date


def test_report_spelling_is_the_name_and_the_other_an_alternative(catalogue):
    rice = catalogue.products["gao-vai-gay"]
    assert rice.name == "Gạo Vải Gầy"
    # the 2021 provincial council's spelling, then the district council's (huyện Tủa Chùa, 12/11/2021)
    assert [a.name for a in rice.alt_names] == ["gạo vai gẫy", "Gạo vai gẫy Tủa Chùa"]


def test_every_product_district_group_star_and_producer_page_is_built(site, catalogue):
    for product_id in catalogue.products:
        assert (site / "san-pham" / product_id / "index.html").is_file()
    for region_id in DISTRICTS:
        assert (site / "dia-ban" / region_id / "index.html").is_file()
    for producer_id in catalogue.producers:
        assert (site / "chu-the" / producer_id / "index.html").is_file()
    for stars in (3, 4, 5):
        assert (site / "hang-sao" / f"{stars}-sao" / "index.html").is_file()
    assert (site / "nhom" / "thuc-pham" / "index.html").is_file()


def test_empty_districts_say_so(site, catalogue):
    empty = DISTRICTS - {p.region for p in catalogue.products.values()}
    assert empty  # Điện Biên Phủ, Mường Nhé, Nậm Pồ have no recorded product
    for region_id in empty:
        page = (site / "dia-ban" / region_id / "index.html").read_text(encoding="utf-8")
        assert "Danh mục chưa có sản phẩm OCOP nào của địa bàn này." in page


def test_no_product_is_shown_as_currently_certified_when_expired(site, catalogue):
    for product_id, product in catalogue.products.items():
        page = (site / "san-pham" / product_id / "index.html").read_text(encoding="utf-8")
        if product.certified:
            assert "Sản phẩm đang được chứng nhận OCOP" in page
        else:
            assert "Sản phẩm đang được chứng nhận OCOP" not in page
            assert re.search(r'badge-(expired|unknown)', page)


def test_news_link_to_products_and_back(site):
    news = (site / "tin-tuc" / "dien-bien-cong-nhan-9-san-pham-ocop-3-sao-2021" / "index.html").read_text("utf-8")
    for product_id in FOOTNOTE_5:
        assert f'href="../../san-pham/{product_id}/"' in news
        page = (site / "san-pham" / product_id / "index.html").read_text(encoding="utf-8")
        assert 'href="../../tin-tuc/dien-bien-cong-nhan-9-san-pham-ocop-3-sao-2021/"' in page


def test_make_check_passes_on_the_shipped_data():
    result = run_cli(REPO, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: ")
