"""The web form (/admin/, Decap CMS) in Chromium against decap-server and a copy of the repository.

An editor's path: open /admin/, log in to the local backend, fill the product
form, publish; the record lands in products/<slug>/product.yaml of the copy,
passes `make check` and builds into a page. A star level the schema refuses is
refused by the form, and nothing is written. The form asks nothing of another
host and breaks nothing of its own Content-Security-Policy.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from browser import serve
from conftest import REPO, build, run_cli

NODE_MODULES = REPO / "node_modules"
DECAP_SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"
DECAP_BUNDLE = NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js"
SHOTS = Path("/tmp/issue-19-shots")
NAME = "Đậu đỏ Điện Biên Thử Nghiệm"
SLUG = "dau-do-dien-bien-thu-nghiem"


def require_decap() -> str:
    """node, decap-server and decap-cms installed (`npm ci`); skipped otherwise, unless CI demands them."""
    node = shutil.which("node")
    missing = [str(path.relative_to(REPO)) for path in (DECAP_SERVER, DECAP_BUNDLE) if not path.is_file()]
    if node is None or missing:
        reason = f"the web form needs node and `npm ci` ({', '.join(missing) or 'node not found'})"
        if os.environ.get("OCOP_REQUIRE_BROWSER"):
            pytest.fail(reason + " but OCOP_REQUIRE_BROWSER=1")
        pytest.skip(reason)
    return node


def free_port() -> int:
    """A loopback port nobody listens on (now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_repository(target: Path) -> Path:
    """The repository's tracked files (not its tests) in `target`, as a fresh git repository."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, files.decode("utf-8").split("\0")):
        if name.startswith(("tests/", ".github/")) or not (REPO / name).is_file():
            continue
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target / name)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=target, check=True)
    return target


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 20) -> None:
    """Return once something listens on `port`; fail when the process died or time ran out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"decap-server stopped: {process.stdout.read() if process.stdout else ''}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"decap-server did not listen on port {port}")


def admin_headers(output: Path) -> dict[str, str]:
    """The headers `_headers` gives /admin/*: the site-wide ones, then the form's own rule over them."""
    headers, rule = {}, None
    for line in (output / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            rule = line.strip()
        elif line.startswith("  ") and rule in ("/*", "/admin/*") and ":" in line:
            name, value = line.strip().split(":", 1)
            headers[name] = value.strip()
    return headers


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    """(repository copy, admin URL, site output): decap-server on a free port and the built site served."""
    node = require_decap()
    root = tmp_path_factory.mktemp("cms")
    site = copy_repository(root / "repo")
    port = free_port()
    local = f"http://127.0.0.1:{port}/api/v1"
    output = build(site, root / "output", OCOP_TODAY="2026-12-04", OCOP_SEARCH_INDEX=False,
                   OCOP_CMS_NODE_MODULES=str(NODE_MODULES), OCOP_CMS_LOCAL_BACKEND=local)
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(site),
           "LOG_LEVEL": "warn"}
    server = subprocess.Popen([node, str(DECAP_SERVER)], env=env, cwd=site, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_port(port, server)
        with serve(output, admin_headers(output)) as base:
            yield site, f"{base}/admin/", output
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def form(browser, cms):
    """A desktop-sized tab logged in to the form, recording errors and requests to other hosts."""
    site, url, _ = cms
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="vi-VN")
    tab = context.new_page()
    tab.problems, tab.elsewhere = [], []
    tab.on("console", lambda m: m.type == "error" and "status of 404" not in m.text and tab.problems.append(m.text))
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    tab.on("request", lambda r: not r.url.startswith(("http://127.0.0.1", "blob:", "data:"))
           and tab.elsewhere.append(r.url))
    tab.goto(url)
    tab.get_by_role("button", name="Đăng nhập").click()
    tab.wait_for_selector("text=Sản phẩm", timeout=20000)
    yield tab
    context.close()


def choose(tab, selector: str, typed: str, pick: str | None = None) -> None:
    """Type `typed` in a search-as-you-type select (relation and select widgets), then pick the option
    showing `pick` (default: what was typed)."""
    tab.locator(selector).last.click()
    tab.keyboard.type(typed)
    option = tab.locator("[class*=option]", has_text=pick or typed).first
    option.wait_for(timeout=10000)
    option.click()


def fill_product(tab, base: str, stars: str, name: str = NAME) -> None:
    """Fill the new-product form with the required facts."""
    tab.goto(f"{base}#/collections/products/new")
    tab.wait_for_selector("[id^=name-field]", timeout=20000)
    tab.locator("[id^=name-field]").first.fill(name)
    choose(tab, "[id^=region-field]", "Mường Ảng")
    tab.get_by_role("button", name="Add certificates").click()
    choose(tab, "[id^=decision-field]", "tỉnh Điện Biên", "dien-bien-2021-ocop")
    tab.locator("[id^=stars-field]").last.fill(stars)
    choose(tab, "[id^=group-field]", "Thực phẩm")
    choose(tab, "[id^=sources-field]", "Báo cáo số 17")
    tab.locator("[id^=last_verified-field]").last.fill("2026-12-04")


def publish(tab) -> None:
    """Publish now (Decap's "Công bố" menu)."""
    tab.get_by_role("button", name="Công bố").first.click()
    tab.get_by_text("Công bố ngay").click()


def test_a_product_made_in_the_form_passes_the_check_and_builds(form, cms):
    site, base, _ = cms
    record = site / "products" / SLUG / "product.yaml"
    fill_product(form, base, "3")
    SHOTS.mkdir(parents=True, exist_ok=True)
    form.locator("[id^=name-field]").first.scroll_into_view_if_needed()
    form.screenshot(path=str(SHOTS / "form.png"))
    publish(form)
    deadline = time.monotonic() + 20
    text = ""
    while "last_verified" not in text and time.monotonic() < deadline:  # written once the save is sent
        time.sleep(0.2)
        text = record.read_text(encoding="utf-8") if record.is_file() else ""
    assert record.is_file(), sorted(p.name for p in (site / "products").iterdir())
    shutil.copy(record, SHOTS / "product.yaml")
    assert text.startswith("# yaml-language-server: $schema=../../plugins/ocop/schema/product.schema.json\n")
    assert f"name: {NAME}\n" in text and "region: muong-ang\n" in text
    assert "stars: 3\n" in text and "group: thuc_pham\n" in text and "last_verified: 2026-12-04\n" in text
    assert "ocop_kind" not in text and "''" not in text  # nothing of the form's own, nothing empty

    check = run_cli(site, "check", env={"OCOP_TODAY": "2026-12-04"})
    assert check.returncode == 0, check.stdout + check.stderr
    assert [line for line in check.stderr.splitlines() if ": error: " in line] == []

    output = build(site, site / "output", OCOP_TODAY="2026-12-04", OCOP_SEARCH_INDEX=False,
                   OCOP_CMS_NODE_MODULES=str(NODE_MODULES))
    page = output / "san-pham" / SLUG / "index.html"
    assert page.is_file() and NAME in page.read_text(encoding="utf-8")
    assert (output / "admin" / "config.yml").is_file()
    assert form.problems == [] and form.elsewhere == []


def test_a_star_level_the_schema_refuses_is_refused_by_the_form(form, cms):
    site, base, _ = cms
    before = sorted(p.name for p in (site / "products").iterdir())
    fill_product(form, base, "7", name="Sản phẩm bảy sao")
    publish(form)
    refusal = form.locator("li", has_text="stars phải nằm trong khoảng từ 3 đến 5")
    refusal.first.wait_for(timeout=10000)
    assert form.get_by_text(re.compile("chưa được lưu", re.I)).count() >= 1  # the entry stays unsaved
    SHOTS.mkdir(parents=True, exist_ok=True)
    form.locator("[id^=stars-field]").last.scroll_into_view_if_needed()
    form.screenshot(path=str(SHOTS / "stars-refused.png"))
    form.wait_for_timeout(1000)  # a save would have been sent by now
    assert sorted(p.name for p in (site / "products").iterdir()) == before
    assert not (site / "products" / "san-pham-bay-sao").exists()


def test_the_form_is_out_of_the_sitemap_search_and_robots(cms):
    _, _, output = cms
    assert "Disallow: /admin/" in (output / "robots.txt").read_text(encoding="utf-8")
    assert "/admin" not in (output / "sitemap.xml").read_text(encoding="utf-8")
    assert b"data-pagefind-body" not in (output / "admin" / "index.html").read_bytes()
    public = (output / "_headers").read_text(encoding="utf-8").split("\n/admin/*\n")[0]
    assert "'unsafe-eval'" not in public and "'unsafe-inline'" not in public


def saved(path: Path, marker: str, seconds: float = 20) -> str:
    """The text of `path` once it holds `marker` (decap-server writes a save in a moment)."""
    deadline = time.monotonic() + seconds
    text = ""
    while marker not in text and time.monotonic() < deadline:
        time.sleep(0.2)
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return text


def test_the_product_list_shows_products_only(form, cms):
    _, base, _ = cms
    form.goto(f"{base}#/collections/products")
    form.get_by_text("Gạo Vải Gầy").first.wait_for(timeout=20000)
    assert form.get_by_text("Huyện Mường Ảng").count() == 0  # a district shares the folder, not the list
    assert form.get_by_text("UBND tỉnh Điện Biên").count() == 0


def test_an_edited_record_keeps_every_fact_and_passes_the_check(form, cms):
    site, base, _ = cms
    record = site / "products" / "gao-vai-gay" / "product.yaml"
    before = yaml.safe_load(record.read_text(encoding="utf-8"))
    form.goto(f"{base}#/collections/products/entries/gao-vai-gay/product")
    commune = form.locator("[id^=commune-field]").first
    commune.wait_for(timeout=20000)
    commune.fill("Xã Mường Báng")
    publish(form)
    after = yaml.safe_load(saved(record, "commune: Xã Mường Báng"))
    assert after == {**before, "commune": "Xã Mường Báng"}
    check = run_cli(site, "check", env={"OCOP_TODAY": "2026-12-04"})
    assert check.returncode == 0, check.stdout + check.stderr
    assert form.problems == [] and form.elsewhere == []


def test_news_made_in_the_form_keep_pelicans_headers(form, cms):
    site, base, _ = cms
    form.goto(f"{base}#/collections/news/new")
    form.wait_for_selector("[id^=title-field]", timeout=20000)
    form.locator("[id^=title-field]").first.fill("Hội chợ OCOP Điện Biên: 12 sản phẩm")
    form.locator("[id^=slug-field]").first.fill("hoi-cho-ocop-dien-bien-thu")
    form.locator("[id^=date-field]").first.fill("2026-12-02")
    form.locator("[id^=products-field]").first.fill("gao-vai-gay, ca-tep-dau-say-na-lay")
    form.locator("[id^=sources-field]").first.fill("bao-cao-17-bc-vpdp-2022")
    form.locator("[data-slate-editor]").last.click()  # the body, in Markdown (the form's first mode)
    form.keyboard.type("Mười hai sản phẩm **OCOP**.")
    publish(form)
    article = site / "content" / "news" / "hoi-cho-ocop-dien-bien-thu.md"
    text = saved(article, "Mười hai")
    assert text.startswith("Title: Hội chợ OCOP Điện Biên: 12 sản phẩm\nSlug: hoi-cho-ocop-dien-bien-thu\n"
                           "Date: 2026-12-02\nProducts: gao-vai-gay, ca-tep-dau-say-na-lay\n"
                           "Sources: bao-cao-17-bc-vpdp-2022\n\n"), text
    check = run_cli(site, "check", env={"OCOP_TODAY": "2026-12-04"})
    assert check.returncode == 0, check.stdout + check.stderr
    assert "hoi-cho-ocop-dien-bien-thu" not in check.stderr


def test_a_photo_uploaded_in_the_form_lands_beside_the_record(form, cms, tmp_path):
    from PIL import Image

    site, base, _ = cms
    photo = tmp_path / "anh-1.jpg"
    Image.new("RGB", (1200, 900), (180, 120, 60)).save(photo, quality=85)
    form.goto(f"{base}#/collections/products/entries/lac-do-na-son/product")
    form.get_by_role("button", name="Add photos").wait_for(timeout=20000)
    form.get_by_role("button", name="Add photos").click()
    form.get_by_role("button", name="Chọn một hình").click()
    form.set_input_files("input[type=file]", str(photo))
    form.get_by_role("button", name="Lấy những cái đã chọn").click()
    form.locator("[id^=alt-field]").last.fill("Túi lạc đỏ Na Son")
    publish(form)
    record = site / "products" / "lac-do-na-son" / "product.yaml"
    facts = yaml.safe_load(saved(record, "Túi lạc đỏ"))
    assert facts["photos"] == [{"file": "anh-1.jpg", "alt": "Túi lạc đỏ Na Son"}]
    assert (record.parent / "anh-1.jpg").read_bytes() == photo.read_bytes()
    check = run_cli(site, "check", env={"OCOP_TODAY": "2026-12-04"})
    assert check.returncode == 0, check.stderr
    assert [line for line in check.stderr.splitlines() if "lac-do-na-son" in line and "photo" in line] == []
    assert form.problems == [] and form.elsewhere == []


def test_renaming_a_product_keeps_its_folder_and_address(form, cms):
    site, base, _ = cms
    form.goto(f"{base}#/collections/products/entries/khoai-so-phi-nhu/product")
    name = form.locator("[id^=name-field]").first
    name.wait_for(timeout=20000)
    name.fill("Khoai sọ Phì Nhừ Điện Biên Đông")
    publish(form)
    record = site / "products" / "khoai-so-phi-nhu" / "product.yaml"
    assert "name: Khoai sọ Phì Nhừ Điện Biên Đông\n" in saved(record, "Điện Biên Đông")
    assert not any(p.name.startswith("khoai-so-phi-nhu-") for p in (site / "products").iterdir())
