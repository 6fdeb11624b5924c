"""Consumers' search and filters in a real browser: tone marks optional, shareable URLs."""

import pytest
from browser import serve
from conftest import REPO, build


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(REPO, tmp_path_factory.mktemp("search") / "output", OCOP_TODAY="2026-11-29")


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


def first_results(page, base, path, query, count=3):
    page.goto(f"{base}/{path}?q={query}")
    page.wait_for_selector(".search-results li a", timeout=15000)
    return [a.inner_text() for a in page.locator(".search-results li h2 a").all()[:count]]


@pytest.mark.parametrize(("query", "expected"), [
    ("ca tep", "Cá tép dầu sấy Na Lay"),
    ("CÁ TÉP", "Cá tép dầu sấy Na Lay"),
    ("buoi kien trung", "Bưởi da xanh Kiên Trung"),
    ("buoi muong ang", "Bưởi da xanh Mường Ảng"),
    ("ruou nep nuong", "Rượu nếp nương men lá"),
    ("thit trau kho", "Thịt trâu khô Phong Sương"),
    ("dua meo", "Dưa mèo Hoa Sơn Tra"),
    ("đua meo", "Dưa mèo Hoa Sơn Tra"),  # đ finds d
])
def test_queries_without_tone_marks_find_the_product_first(page, base, query, expected):
    results = first_results(page, base, "tim-kiem/", query)
    assert results[0] == expected, results
    assert page.console_errors == []


@pytest.mark.parametrize(("query", "expected"), [
    ("ruou nep", {"Rượu nếp nương men lá", "Dừng Nhân rượu nếp 27"}),
    ("buoi da xanh", {"Bưởi da xanh Kiên Trung", "Bưởi da xanh Mường Ảng"}),
    ("thit trau", {"Thịt trâu khô Phong Sương", "Thịt trâu sấy Lò Duyên", "Thịt trâu gác bếp Chung Phước"}),
])
def test_broad_queries_list_every_matching_product_first(page, base, query, expected):
    assert set(first_results(page, base, "tim-kiem/", query, count=len(expected))) == expected


def test_dien_bien_finds_the_district(page, base):
    results = first_results(page, base, "tim-kiem/", "huyen dien bien", count=5)
    assert "Huyện Điện Biên" in results
    assert first_results(page, base, "tim-kiem/", "điện biên", count=40)  # "đ" typed or not


def test_product_beats_the_news_that_mentions_it(page, base):
    results = first_results(page, base, "tim-kiem/", "ca tep dau say", count=10)
    assert results[0] == "Cá tép dầu sấy Na Lay"
    assert "Điện Biên công nhận 9 sản phẩm OCOP 3 sao năm 2021" in results[1:]


def test_english_site_searches_in_english(page, base):
    results = first_results(page, base, "en/search/", "honey", count=5)
    assert results and all("oney" in r or "ật ong" in r for r in results[:2]), results


def test_filters_combine_and_are_reflected_in_the_url(page, base):
    page.goto(f"{base}/san-pham/")
    assert page.locator("form.filters").is_visible()
    page.select_option("select[name=sao]", "3")
    page.select_option("select[name=dia-ban]", "dien-bien-dong")
    page.wait_for_function("document.querySelectorAll('#filter-results li').length === 4")
    names = sorted(a.inner_text() for a in page.locator("#filter-results li h2 a").all())
    assert names == ["Bí xanh Tìa Dình", "Khoai sọ Phì Nhừ", "Lạc đỏ Na Son", "Thịt lợn sấy"]
    assert "sao=3" in page.url and "dia-ban=dien-bien-dong" in page.url
    shared = page.url
    page.goto(shared)  # a shared filtered view opens filtered
    page.wait_for_function("document.querySelectorAll('#filter-results li').length === 4")
    page.select_option("select[name=sao]", "4")
    page.wait_for_selector(".filter-status:has-text('Không có sản phẩm nào')")
    assert page.console_errors == []


def test_without_javascript_the_district_group_and_star_pages_still_browse(browser, base):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{base}/san-pham/")
    assert not tab.locator("form.filters").is_visible()
    assert tab.locator("#plain-list .card").count() > 0
    tab.goto(f"{base}/dia-ban/dien-bien-dong/")
    assert tab.locator(".card").count() == 4
    context.close()


def test_keyboard_reaches_search_and_filters(page, base):
    page.goto(f"{base}/san-pham/")
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement && (document.activeElement.name || document.activeElement.id)")
        reached.add(focused)
    assert {"q", "sao", "nhom", "dia-ban", "chung-nhan"} <= reached
    page.goto(f"{base}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bỏ qua, đến nội dung chính"


def test_language_switcher_goes_to_the_same_page(page, base):
    page.goto(f"{base}/san-pham/gao-vai-gay/")
    page.click(".languages a[hreflang=en]")
    assert page.url.endswith("/en/products/gao-vai-gay/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.click(".languages a[hreflang=vi]")
    assert page.url.endswith("/san-pham/gao-vai-gay/")


@pytest.mark.parametrize(("path", "query"), [("tim-kiem/", "ca+tep"), ("en/search/", "honey")])
def test_results_arriving_do_not_shift_the_page(page, base, path, query):
    """Cumulative layout shift under 0.1 (Lighthouse's "good"): the footer must not jump when results appear."""
    page.add_init_script(
        "window.layoutShift = 0; new PerformanceObserver(list => { for (const entry of list.getEntries())"
        " { if (!entry.hadRecentInput) window.layoutShift += entry.value; } })"
        ".observe({type: 'layout-shift', buffered: true});")
    page.goto(f"{base}/{path}?q={query}")
    page.wait_for_selector(".search-results li a", timeout=15000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.layoutShift") < 0.1
