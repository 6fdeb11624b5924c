"""The directory filter in a real browser: progressive enhancement works."""

from browser import serve
from conftest import FIXTURE, build


def test_supplier_directory_filters_and_keeps_the_choice_in_the_url(page, tmp_path):
    output = build(FIXTURE, tmp_path / "out")
    with serve(output) as base:
        page.goto(f"{base}/chu-the/")
        form = page.locator("form.filters")
        assert form.is_visible()  # JavaScript revealed the form
        page.select_option("select[name=certificate]", "VietGAP")
        assert page.locator("#producer-list > li:visible").count() == 1
        assert "certificate=VietGAP" in page.url
        page.select_option("select[name=legal-form]", "doanh_nghiep")
        assert page.locator("#producer-list > li:visible").count() == 0
        page.goto(f"{base}/chu-the/?legal-form=hop_tac_xa")
        assert page.locator("#producer-list > li:visible").count() == 1
        assert page.console_errors == []


def test_without_javascript_the_whole_list_is_shown(browser, tmp_path):
    output = build(FIXTURE, tmp_path / "out")
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    with serve(output) as base:
        tab.goto(f"{base}/chu-the/?legal-form=doanh_nghiep")
        assert not tab.locator("form.filters").is_visible()
        assert tab.locator("#producer-list > li").count() == 1
    context.close()
