"""Editors' text is data: no field can inject markup or script into a page."""

import re

import pytest
from conftest import build, write
from ocop.site.sanitise import MarkdownRenderer

HOSTILE_MARKDOWN = [
    ("<script>alert(1)</script>", "<script"),
    ("<img src=x onerror=alert(1)>", "onerror"),
    ("[a](javascript:alert(1))", "javascript:"),
    ("[a](JaVaScRiPt:alert(1))", "alert(1)"),
    ("[a](java&#115;cript:alert(1))", "alert(1)"),
    ("[a](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
    ("<iframe src=https://example.org></iframe>", "<iframe"),
    ("<style>body{display:none}</style>", "<style"),
    ("<a href='x' style='color:red'>x</a>", "style="),
    ("<svg onload=alert(1)>", "onload"),
    ("<form action=https://example.org><input></form>", "<form"),
    ("<!-- comment --><b>x</b>", "<!--"),
]


@pytest.mark.parametrize(("text", "forbidden"), HOSTILE_MARKDOWN)
def test_markdown_is_sanitised(text, forbidden):
    html = MarkdownRenderer().render(text)
    assert forbidden.lower() not in html.lower()


def test_script_in_every_record_field_is_escaped(tiny_site):
    evil = "</script><script>alert(1)</script>&<b>"
    product = tiny_site / "products/tra-hoa-vang/product.yaml"
    text = product.read_text(encoding="utf-8")
    text = text.replace("name: Trà hoa vàng", f'name: "Trà {evil}"')
    text = text.replace("name_en: Golden camellia tea", f'name_en: "Tea {evil}"')
    text = text.replace("    score: 75.5", f'    score: 75.5\n    note: "{evil}"')
    product.write_text(text.replace("description: |\n", f"description: |\n  {evil}\n"), encoding="utf-8")
    producer = tiny_site / "products/_producers/htx-hoa-vang.yaml"
    producer.write_text(producer.read_text(encoding="utf-8").replace("name: HTX Hoa Vàng", f'name: "HTX {evil}"'),
                        encoding="utf-8")
    write(tiny_site / "content/news/evil.md", f"""
        Title: Tin {evil}
        Date: 2026-10-02
        Slug: evil
        Summary: {evil}

        {evil} <a href="javascript:alert(1)" onclick="x()">link</a>
        """)
    output = build(tiny_site)
    for page in output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # the only scripts are JSON-LD data blocks and the site's own files
        for tag in re.findall(r"<script\b[^>]*>", html, re.I):
            assert tag == '<script type="application/ld+json">' or re.fullmatch(
                r'<script src="[./]*theme/js/[a-z-]+\.js" defer>', tag), (page, tag)
        assert "javascript:" not in html, page
        assert "onclick" not in html, page
    product_page = (output / "products/tra-hoa-vang.html").read_text(encoding="utf-8")
    assert ">Trà &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&lt;b&gt;</h1>" in product_page
