"""Two languages: every UI string translated, English pages in English, alternates that match."""

import re

import pytest
from conftest import FIXTURE, REPO, build
from ocop.cli.translations import extract


@pytest.mark.parametrize("templates, catalogue", [
    (REPO / "plugins/ocop/templates", REPO / "plugins/ocop/translations/en.po"),
    (REPO / "theme/templates", REPO / "theme/translations/en.po"),
])
def test_every_ui_string_has_an_english_translation(templates, catalogue):
    from babel.messages.pofile import read_po

    with open(catalogue, "rb") as handle:  # a plural message: its singular, and every form translated
        entries = [m for m in read_po(handle) if m.id]
    translated = {m.id[0] if m.pluralizable else m.id: m.string for m in entries}
    done = {k for k, v in translated.items() if (all(v) if isinstance(v, (tuple, list)) else v)}
    wanted = {k[1][0] if isinstance(k, tuple) else k for k in extract(str(templates))}
    missing = sorted(wanted - done)
    assert missing == [], "run `make translations` and translate: " + repr(missing)
    for message_id, strings in translated.items():  # placeholders survive translation
        for string in strings if isinstance(strings, (tuple, list)) else [strings]:
            assert sorted(re.findall(r"%\(\w+\)s|\{\w+\}", message_id)) == sorted(
                re.findall(r"%\(\w+\)s|\{\w+\}", string)), message_id


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURE, tmp_path_factory.mktemp("i18n") / "output")


def text(path):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_english_product_page(site):
    html = (site / "en/products/tra-hoa-vang/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert ">Golden camellia tea" in html  # the English name is the title
    assert '<p class="subtitle" lang="vi">Trà hoa vàng</p>' in html
    words = text(site / "en/products/tra-hoa-vang/index.html")
    assert "This product currently holds a 4-star OCOP certificate." in words
    assert "Valid until 10 Mar 2028" in words
    assert "OCOP certificate history" in words
    for vietnamese in ("Còn hiệu lực", "Lịch sử chứng nhận", "Sản phẩm đang", "Trang chủ"):
        assert vietnamese not in words, vietnamese


def test_untranslated_names_are_marked_as_vietnamese(site):
    html = (site / "en/products/mat-ong-rung/index.html").read_text(encoding="utf-8")
    assert '<span lang="vi">Mật ong rừng</span>' in html  # no English name recorded


def test_alternates_and_switcher_lead_to_the_same_page(site):
    vi = (site / "products/tra-hoa-vang.html").read_text(encoding="utf-8")
    en = (site / "en/products/tra-hoa-vang/index.html").read_text(encoding="utf-8")
    base = "https://ocop.tinh-thu.example"
    for html in (vi, en):
        assert f'<link rel="alternate" hreflang="vi" href="{base}/products/tra-hoa-vang.html">' in html
        assert f'<link rel="alternate" hreflang="en" href="{base}/en/products/tra-hoa-vang/">' in html
        assert f'<link rel="alternate" hreflang="x-default" href="{base}/products/tra-hoa-vang.html">' in html
    assert f'<link rel="canonical" href="{base}/products/tra-hoa-vang.html">' in vi
    assert f'<link rel="canonical" href="{base}/en/products/tra-hoa-vang/">' in en
    assert '<a href="../en/products/tra-hoa-vang/" hreflang="en" lang="en">English</a>' in vi
    assert '<a href="../../../products/tra-hoa-vang.html" hreflang="vi" lang="vi">Tiếng Việt</a>' in en


def test_english_lists_and_labels(site):
    words = text(site / "en/groups/index.html")
    assert "Food" in words and "Drinks" in words and "Thực phẩm" not in words
    assert "All OCOP products" in text(site / "en/products/index.html")
    assert "Expired" in text(site / "en/products/mat-ong-rung/index.html")


def test_photos_are_not_processed_twice_per_language(site):
    assert not (site / "en/anh").exists()
