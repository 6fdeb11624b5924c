"""Theme quality on every built page: valid HTML, WCAG 2.2 AA (axe-core), light pages."""

import json
import os
import re
import shutil
import subprocess

import pytest
from browser import serve
from conftest import FIXTURE, REPO, build

NODE_MODULES = REPO / "node_modules"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"


def need(path, what):
    if not path.exists() or (path == VNU and not shutil.which("java")):
        if os.environ.get("OCOP_REQUIRE_BROWSER"):
            pytest.fail(f"{what} is required in CI but missing (make test installs it with npm)")
        pytest.skip(f"{what} not installed (run `make test`, which installs it with npm)")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("quality")
    return {
        "dien-bien": build(REPO, root / "dien-bien", OCOP_TODAY="2026-11-29"),
        "tinh-thu": build(FIXTURE, root / "tinh-thu"),
    }


def test_every_page_is_valid_html(sites):
    need(VNU, "The Nu HTML Checker (vnu.jar)")
    for name, site in sites.items():
        result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site)],
                                capture_output=True, text=True, timeout=600)
        messages = json.loads(result.stderr or "{}").get("messages", [])
        problems = [f"{m.get('url', '').split(str(site))[-1]}:{m.get('lastLine')}: {m.get('message')}"
                    for m in messages if m.get("type") == "error" or m.get("subType") == "warning"]
        assert problems == [], name


def page_weight(site, page) -> int:
    """Bytes of the page's HTML and of the CSS and JS it loads."""
    html = page.read_text(encoding="utf-8")
    total = len(html.encode())
    for url in re.findall(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html):
        if url.startswith("/"):  # 404.html links from the root, to work at any missing URL
            total += (site / url.lstrip("/")).stat().st_size
        else:
            total += (page.parent / url).resolve().stat().st_size
    return total


def test_pages_weigh_at_most_50_kb_before_images(sites):
    for site in sites.values():
        heaviest = max((page_weight(site, p), str(p.relative_to(site))) for p in site.rglob("*.html")
                       # print sheets; the editors' web form (/admin/, Decap CMS) is no public page
                       if not str(p.relative_to(site)).startswith(("in/", "en/print/", "admin/")))
        assert heaviest[0] <= 50 * 1024, heaviest


AXE_PAGES = ["", "san-pham/", "san-pham/ca-tep-dau-say-na-lay/", "dia-ban/dien-bien/", "dia-ban/nam-po/",
             "tim-kiem/?q=ca+tep", "chu-the/", "chu-the/htx-nong-nghiep-cco/", "nhom/", "hang-sao/4-sao/",
             "tin-tuc/", "tin-tuc/dien-bien-cong-nhan-9-san-pham-ocop-3-sao-2021/", "du-lieu/", "in/nhan-qr/",
             "en/", "en/products/tra-shan-tuyet-p-h-1-4/", "en/search/?q=honey", "en/districts/muong-ang/", "404.html",
             "so-lieu/", "en/numbers/"]


@pytest.mark.parametrize("width", [412, 1280])
def test_axe_finds_no_violation(sites, browser, width):
    need(AXE, "axe-core")
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    failures = {}
    with serve(sites["dien-bien"]) as base:
        for path in AXE_PAGES:
            tab.goto(f"{base}/{path}")
            if "?q=" in path:
                tab.wait_for_selector(".search-results li", timeout=15000)
            tab.add_script_tag(path=str(AXE))
            result = tab.evaluate("""async () => await axe.run(document, {
                runOnly: {type: 'tag',
                          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}
            })""")
            violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])}: {[n['target'] for n in v['nodes']]})"
                          for v in result["violations"]]
            if violations:
                failures[path] = violations
    context.close()
    assert failures == {}
