"""A real Pelican build of a second, fictional province: what a visitor sees."""

import html
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import FIXTURE, build


def text_of(page: str) -> str:
    """Visible text of an HTML page, whitespace collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture province built once, in place, into a temporary folder."""
    output = tmp_path_factory.mktemp("tinh-thu") / "output"
    return build(FIXTURE, output)


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_every_expected_page_exists(site):
    files = sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                   if not str(p.relative_to(site)).startswith("en/"))
    english = sorted(str(p.relative_to(site)) for p in (site / "en").rglob("*.html"))
    # every page exists in English too, except Pelican's own news pages (their English index is one page)
    assert len(english) == len(files) - 3 + 1  # nor the single 404 page
    for path in ("en/index.html", "en/products/tra-hoa-vang/index.html", "en/products/page/2/index.html",
                 "en/districts/thanh-pho-c/index.html", "en/groups/do-uong/index.html", "en/stars/4-stars/index.html",
                 "en/producers/htx-hoa-vang/index.html", "en/search/index.html", "en/news/index.html",
                 "en/open-data/index.html", "en/print/qr-labels/index.html"):
        assert (site / path).is_file(), path
    assert files == [
        "404.html",
        "chu-the/htx-hoa-vang/index.html",
        "chu-the/index.html",
        "dia-ban/huyen-a/index.html",
        "dia-ban/huyen-b/index.html",
        "dia-ban/index.html",
        "dia-ban/thanh-pho-c/index.html",
        "du-lieu/index.html",
        "hang-sao/3-sao/index.html",
        "hang-sao/4-sao/index.html",
        "hang-sao/5-sao/index.html",
        "hang-sao/index.html",
        "in/dia-ban-huyen-a/index.html",
        "in/dia-ban-huyen-b/index.html",
        "in/dia-ban-thanh-pho-c/index.html",
        "in/index.html",
        "in/nhan-qr/index.html",
        "in/nhom-do-uong/index.html",
        "in/nhom-thuc-pham/index.html",
        "in/tat-ca/index.html",
        "index.html",
        "news/hoi-cho.html",
        "news/index.html",
        "nhom/do-uong/index.html",
        "nhom/du-lich-cong-dong-sinh-thai/index.html",
        "nhom/du-lich-nong-thon-ban-hang/index.html",
        "nhom/duoc-lieu/index.html",
        "nhom/index.html",
        "nhom/luu-niem-noi-that-trang-tri/index.html",
        "nhom/sinh-vat-canh/index.html",
        "nhom/thao-duoc/index.html",
        "nhom/thu-cong-my-nghe/index.html",
        "nhom/thuc-pham/index.html",
        "nhom/vai-may-mac/index.html",
        "products/mat-ong-rung.html",
        "products/tra-hoa-vang.html",
        "san-pham/index.html",
        "san-pham/page/2/index.html",
        "so-lieu/index.html",
        "tim-kiem/index.html",
    ]


def test_product_page_shows_current_certificate_and_history(site):
    page = read(site, "products/tra-hoa-vang.html")
    text = text_of(page)
    assert '<html lang="vi">' in page
    assert ">Trà hoa vàng</h1>" in page
    assert '<p class="subtitle" lang="en">Golden camellia tea</p>' in page
    assert "Còn hiệu lực Sản phẩm đang được chứng nhận OCOP 4 sao." in text
    assert "Hạng ★★★★☆ 4 sao Nhóm Đồ uống Nơi sản xuất Huyện A Chủ thể sản xuất Hợp tác xã Hoa Vàng" in text
    # newest certificate first, each with its validity
    history = text[text.index("Lịch sử chứng nhận OCOP"):text.index("Tin tức, hội chợ")]
    assert history.index("4 sao · Đồ uống") < history.index("3 sao · Đồ uống")
    assert ("Hiệu lực Còn hiệu lực đến 10/03/2028 Quyết định 123/QĐ-UBND Ngày ký 10/03/2025 "
            "Cơ quan công nhận UBND Tỉnh Thử (cấp tỉnh) Bộ tiêu chí QĐ 148/QĐ-TTg (2023) Điểm 75.5/100") in history
    assert ("Hiệu lực Đã hết hiệu lực (chậm nhất từ 31/12/2022) Quyết định Chưa rõ số quyết định "
            "Ngày ký trong khoảng 01/01/2019 – 31/12/2019 (Chỉ biết năm.)") in history
    assert '<a href="../dia-ban/huyen-a/">Huyện A</a>' in page
    assert '<a href="../chu-the/htx-hoa-vang/">Hợp tác xã Hoa Vàng</a>' in page  # the name as displayed
    assert '<a href="../hang-sao/4-sao/">' in page
    assert '<a href="../nhom/do-uong/">Đồ uống</a>' in page


def test_expired_product_is_listed_but_never_shown_as_certified(site):
    text = text_of(read(site, "products/mat-ong-rung.html"))
    assert ("Hết hiệu lực Chứng nhận OCOP gần nhất (3 sao): Đã hết hiệu lực (chậm nhất từ 31/12/2022). "
            "Danh mục chưa có thông tin về việc công nhận lại.") in text
    assert "đang được chứng nhận" not in text
    assert "Chủ thể sản xuất Chưa có thông tin" in text
    assert "Nơi sản xuất Huyện B , xã Một" in text
    catalogue = text_of(read(site, "san-pham/index.html")) + text_of(read(site, "san-pham/page/2/index.html"))
    # an expired product's card gives its last level, never the star symbols of a current certificate
    assert "Mật ong rừng Lần gần nhất: 3 sao · Thực phẩm · Huyện B Hết hiệu lực" in catalogue
    assert "Mật ong rừng ★" not in catalogue


def test_catalogue_is_paginated_with_pelican_patterns(site):
    first = read(site, "san-pham/index.html")
    second = read(site, "san-pham/page/2/index.html")
    summary = "2 sản phẩm có hồ sơ trong danh mục; 1 sản phẩm có chứng nhận còn hiệu lực ngày 29/11/2026."
    assert summary in text_of(first)
    assert '<a rel="next" href="../san-pham/page/2/">Trang sau</a>' in first
    assert '<a rel="prev" href="../../../san-pham/">Trang trước</a>' in second
    assert "Mật ong rừng" in first and "Trà hoa vàng" in second  # sorted by name without tone marks


def test_every_district_has_a_page_even_when_empty(site):
    empty = text_of(read(site, "dia-ban/thanh-pho-c/index.html"))
    assert "Danh mục chưa có sản phẩm OCOP nào của địa bàn này." in empty
    old = text_of(read(site, "dia-ban/huyen-b/index.html"))
    assert "Đơn vị hành chính này tồn tại đến ngày 30/06/2025" in old
    regions = text_of(read(site, "dia-ban/index.html"))
    assert "Huyện A 1 sản phẩm Huyện B 1 sản phẩm Thành phố C 0 sản phẩm" in regions


def test_group_star_and_producer_pages_list_their_products(site):
    assert "Trà hoa vàng" in text_of(read(site, "nhom/do-uong/index.html"))
    assert "Danh mục chưa có sản phẩm nào thuộc nhóm này." in text_of(read(site, "nhom/sinh-vat-canh/index.html"))
    assert "Trà hoa vàng" in text_of(read(site, "hang-sao/4-sao/index.html"))
    assert "Mật ong rừng" in text_of(read(site, "hang-sao/3-sao/index.html"))
    groups = text_of(read(site, "nhom/index.html"))
    # only the groups with products, each with its criteria regimes as a detail
    assert "Thực phẩm Food 1 sản phẩm Bộ tiêu chí: QĐ 1048/QĐ-TTg (2019); QĐ 148/QĐ-TTg (2023)" in groups
    assert "Đồ uống Drinks 1 sản phẩm" in groups and "Thảo dược" not in groups
    producer = text_of(read(site, "chu-the/htx-hoa-vang/index.html"))
    assert "Loại hình Hợp tác xã Nơi sản xuất Huyện A" in producer
    assert "Trà hoa vàng" in producer


def test_news_and_products_link_both_ways(site):
    news = read(site, "news/hoi-cho.html")
    assert '<a href="../products/tra-hoa-vang.html">Trà hoa vàng</a>' in news  # {filename} link in the text
    assert ('<li><a href="../products/mat-ong-rung.html">Mật ong rừng</a> '
            '<span class="muted">(Huyện B)</span></li>') in news
    assert '<a href="../chu-the/htx-hoa-vang/">Hợp tác xã Hoa Vàng</a>' in news
    product = read(site, "products/tra-hoa-vang.html")
    assert '<a href="../news/hoi-cho.html">Hội chợ thử nghiệm</a>' in product
    assert '<a href="../news/hoi-cho.html">tin hội chợ</a>' in product  # {filename} link in a description


def test_home_page(site):
    text = text_of(read(site, "index.html"))
    assert "Dữ liệu hư cấu để kiểm thử." in text
    assert "2 sản phẩm · 3 địa bàn · 1 chủ thể" in text
    assert text.index("Trà hoa vàng") < text.index("Mật ong rừng")  # newest certificate first
    assert "Tin mới Hội chợ thử nghiệm 01/10/2026" in text


def test_products_feed(site):
    feed = ET.parse(site / "feeds" / "san-pham.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [e.find("a:link", ns).get("href") for e in feed.findall("a:entry", ns)]
    assert links == [
        "https://ocop.tinh-thu.example/products/tra-hoa-vang.html",
        "https://ocop.tinh-thu.example/products/mat-ong-rung.html",
    ]


def test_markdown_is_rendered_and_metadata_escaped(site):
    page = read(site, "products/tra-hoa-vang.html")
    assert "Trà từ <strong>hoa vàng</strong>." in page


def test_headings_never_skip_a_level(site):
    for page in site.rglob("*.html"):
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", page.read_text(encoding="utf-8"))]
        assert levels and levels[0] == 1, page
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, f"{page}: h{before} then h{after}"


def test_every_local_link_and_asset_resolves(site):
    import posixpath

    for page in site.rglob("*.html"):
        rel_dir = posixpath.dirname(str(page.relative_to(site)))
        for url in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text(encoding="utf-8")):
            if url.startswith(("http:", "https:", "mailto:", "tel:")):
                continue
            # root-relative links (the 404 page's) start at the site root
            relative = url.lstrip("/") if url.startswith("/") else posixpath.normpath(posixpath.join(rel_dir, url))
            target = site / relative
            assert target.is_file() or (target / "index.html").is_file(), f"{page}: {url}"


def test_theme_templates_override_the_plugins(tmp_path):
    import shutil

    from conftest import REPO

    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    (theme / "templates" / "product.html").write_text(
        "{% extends 'base.html' %}{% block content %}<h1>Custom {{ product.title }}</h1>{% endblock %}",
        encoding="utf-8")
    output = build(FIXTURE, tmp_path / "out", THEME=str(theme))
    assert "<h1>Custom Trà hoa vàng</h1>" in (output / "products/tra-hoa-vang.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("content_path, source_path", [
    ("/site/content", "/site/content/news/a.md"),
    ("/site/content/", "/site/content/news/a.md"),
    ("/site/content", "/site/products/tra/product.yaml"),
    ("/site/content", "/site/content-old/a.md"),
    ("/site/content", "news/a.md"),
    ("content", "content/../products/tra/product.yaml"),
    ("/", "/site/a.md"),
])
def test_relative_source_path_is_pelicans(content_path, source_path):
    from ocop.site.contents import relative_source_path
    from pelican.contents import Content
    from pelican.settings import DEFAULT_CONFIG

    settings = {**DEFAULT_CONFIG, "PATH": content_path}
    pelican = Content("", {"title": "t"}, settings=settings, source_path=source_path).get_relative_source_path()
    assert relative_source_path(content_path, source_path) == pelican


@pytest.mark.parametrize("path, root, expected", [
    ("/site/products/tra", "/site", "products/tra"),
    ("/site/products/tra/", "/site/", "products/tra"),
    ("/site/products/./tra", "/site", "products/tra"),
    ("/site/content/../products/tra", "/site", "products/tra"),
    ("/site-old/products", "/site", "../site-old/products"),
    ("/other/x", "/site", "../other/x"),
    ("/site", "/site", "."),
    ("/site/a", "/", "site/a"),
    ("products/tra", "products", "tra"),
])
def test_relative_path_is_relpath_with_forward_slashes(path, root, expected):
    import os

    from ocop.core.paths import relative_path

    assert relative_path(path, root) == expected == os.path.relpath(path, root).replace(os.sep, "/")
