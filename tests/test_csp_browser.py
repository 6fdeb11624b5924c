"""The Content-Security-Policy holds: every built page loads in Chromium with zero violations and zero errors.

The fictional province is built with photos (so `<picture>` pages are covered),
served with every header of OCOP_SECURITY_HEADERS, and each HTML page is opened
in one browser. A page fails on any `securitypolicyviolation` event (listened
for before the page's own scripts run), any console message about the Content
Security Policy, and any console error. The search pages are opened with a
query too, so that the WebAssembly index runs under `'wasm-unsafe-eval'`.

The same policy must reach every host: the `_headers` file the build writes
(Netlify, Cloudflare Pages) and deploy/nginx-ocop.conf carry exactly the
setting's headers, and the `<meta>` fallback (OCOP_META_CSP, for GitHub Pages)
holds on its own, without any header.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from browser import serve
from conftest import FIXTURE, REPO, build, write
from ocop.cli.build import read_settings
from ocop.core.settings import DEFAULTS, apply_defaults, security_headers
from ocop.output.headers import immutable_folders
from ocop.site.cms_admin import admin_policy

VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def site_settings(site) -> dict:
    return apply_defaults(read_settings(str(site / "pelicanconf.py")))


def copy_fixture(site):
    """A copy of the fictional province that finds this repository's theme and plugin."""
    shutil.copytree(FIXTURE, site, ignore=shutil.ignore_patterns("cache", "output"))
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"\nTHEME = {str(REPO / 'theme')!r}\n"
                    f"PLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n", encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    """The fictional province with two photos, built once."""
    from test_photos import add_photos, phone_jpeg

    site = copy_fixture(tmp_path_factory.mktemp("csp") / "site")
    conf = site / "pelicanconf.py"
    folder = site / "products/tra-hoa-vang"
    phone_jpeg(folder / "anh-1.jpg")
    phone_jpeg(folder / "anh-2.jpg", size=(900, 1300), orientation=1, gps=False)
    add_photos(site, "  - file: anh-1.jpg\n    alt: Hộp trà\n    caption: Hộp 100 g\n  - file: anh-2.jpg\n"
                     "    alt: Túi trà\n")
    # a producer photo and a news page with an image, too
    write(site / "content/news/anh.md", "Title: Tin có ảnh\nDate: 2026-10-03\nSlug: tin-co-anh\n\n"
          "![Trà]({static}../images/tra.jpg)\n")
    (site / "content/images").mkdir(parents=True)
    phone_jpeg(site / "content/images/tra.jpg", size=(600, 400), orientation=1, gps=False)
    conf.write_text(conf.read_text(encoding="utf-8") + "\nSTATIC_PATHS = ['images']\n", encoding="utf-8")
    return site, build(site)


def page_paths(output) -> list[str]:
    return sorted(str(p.relative_to(output)) for p in output.rglob("*.html"))


def visit(page, url: str, messages: list[str]) -> list[str]:
    """Problems seen while loading `url`: CSP violations, CSP console messages, console errors."""
    messages.clear()
    page.console_errors.clear()
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, url
    page.wait_for_timeout(100)  # violation events are dispatched as tasks, after the load
    found = [f"violation: {v}" for v in page.evaluate("window.__csp")]
    found += [f"console: {m}" for m in messages if "Content Security Policy" in m or "Content-Security-Policy" in m]
    found += [f"error: {e}" for e in page.console_errors]
    return found


@pytest.fixture
def csp_page(page):
    messages: list[str] = []
    page.add_init_script(VIOLATIONS)
    page.on("console", lambda message: messages.append(message.text))
    page.csp_messages = messages
    return page


def test_every_page_loads_under_the_policy_without_errors(photo_site, csp_page):
    site, output = photo_site
    headers = security_headers(site_settings(site))
    assert set(headers) == {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                            "Permissions-Policy", "X-Frame-Options", "Strict-Transport-Security",
                            "Cross-Origin-Opener-Policy"}
    paths = page_paths(output)
    assert len(paths) > 60 and "products/tra-hoa-vang.html" in paths
    assert '<picture>' in (output / "products/tra-hoa-vang.html").read_text(encoding="utf-8")
    problems = {}
    with serve(output, headers) as base:
        extra = [f"{p}?q=tra" for p in paths if p.endswith(("tim-kiem/index.html", "search/index.html"))]
        for path in paths + extra:
            found = visit(csp_page, f"{base}/{path}", csp_page.csp_messages)
            if found:
                problems[path] = found
        # the search page really ran its WebAssembly index under the policy
        visit(csp_page, f"{base}/tim-kiem/?q=tra", csp_page.csp_messages)
        csp_page.wait_for_selector(".search-results li a", timeout=15000)
        assert csp_page.evaluate("window.__csp") == []
    assert problems == {}


def test_meta_fallback_holds_without_headers(tmp_path, page):
    """OCOP_META_CSP: the policy in a <meta> element, for hosts that send no headers (GitHub Pages)."""
    site = copy_fixture(tmp_path / "site")
    output = build(site, tmp_path / "output", OCOP_META_CSP=True)
    home = (output / "index.html").read_text(encoding="utf-8")
    policy = site_settings(site)["OCOP_CONTENT_SECURITY_POLICY"]
    assert f'<meta http-equiv="Content-Security-Policy" content="{policy}">'.replace("'", "&#39;") in home
    messages: list[str] = []
    page.add_init_script(VIOLATIONS)
    page.on("console", lambda message: messages.append(message.text))
    with serve(output) as base:
        for path in ("index.html", "products/tra-hoa-vang.html", "tim-kiem/index.html", "en/index.html"):
            assert visit(page, f"{base}/{path}", messages) == [], path
        # the policy is enforced: an inline script injected into a copy of a page is blocked
        evil = output / "evil.html"
        evil.write_text(home.replace("</body>", "<script>document.title='pwned'</script></body>"), encoding="utf-8")
        visit(page, f"{base}/evil.html", messages)
        assert page.title() != "pwned"
        assert any("script-src" in v for v in page.evaluate("window.__csp"))


# The same headers on every host ----------------------------------------------------------------


def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    """Netlify / Cloudflare `_headers`: {path pattern: {header: value}}."""
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        else:
            name, value = line.strip().split(":", 1)
            assert name not in current, f"{name} twice for {line}"
            current[name] = value.strip()
    return rules


def test_headers_file_carries_the_settings(photo_site):
    site, output = photo_site
    settings = site_settings(site)
    rules = parse_headers_file((output / "_headers").read_text(encoding="utf-8"))
    assert rules["/*"] == security_headers(settings)
    assert rules["/*"]["Content-Security-Policy"] == (settings["OCOP_CONTENT_SECURITY_POLICY"]
                                                      + "; frame-ancestors 'none'")
    immutable = [f"/{folder}/*" for folder in immutable_folders(settings)]
    assert immutable[0] == "/anh/*"
    for pattern in immutable:
        assert rules[pattern] == {"Cache-Control": DEFAULTS["OCOP_CACHE_CONTROL_IMMUTABLE"]}
    short = {"Cache-Control": DEFAULTS["OCOP_CACHE_CONTROL_PAGES"]}
    others = {pattern: headers for pattern, headers in rules.items() if pattern != "/*" and pattern not in immutable}
    assert others and all(headers == short for headers in others.values())
    # every top-level page folder has its short rule, and no rule overlaps the content-addressed folders'
    assert {"/", "/index.html", "/san-pham/*", "/en/*", "/theme/*"} <= set(others)
    assert not any(p.startswith(tuple(i[:-1] for i in immutable)) for p in others)


NGINX = REPO / "deploy" / "nginx-ocop.conf"


def parse_nginx(text: str) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """(add_header name -> value, `set $ocop_cache_control` values, folders cached for ever); the
    Content-Security-Policy is the first `set $ocop_csp` (the one /admin/ does not get)."""
    headers = dict(re.findall(r'^add_header (\S+) "([^"]*)" always;$', text, re.M))
    assert re.search(r'^add_header Content-Security-Policy \$ocop_csp always;$', text, re.M)
    headers["Content-Security-Policy"] = re.findall(r'set \$ocop_csp "([^"]*)";', text)[0]
    variables = re.findall(r'set \$ocop_cache_control "([^"]*)";', text)
    assert re.search(r'^add_header Cache-Control \$ocop_cache_control always;$', text, re.M)
    folders = re.search(r'if \(\$uri ~ "/\(([a-z|-]+)\)/"\) \{\s*set \$ocop_cache_control', text).group(1)
    return headers, {"default": variables[0], "photos": variables[1]}, folders.split("|")


def test_nginx_snippet_carries_the_settings():
    text = NGINX.read_text(encoding="utf-8")
    headers, cache, folders = parse_nginx(text)
    settings = apply_defaults({})
    assert headers == security_headers(settings)
    assert re.findall(r'set \$ocop_csp "([^"]*)";', text)[1] == admin_policy(settings)  # the web form's own
    assert folders == immutable_folders(settings)
    assert cache == {"default": DEFAULTS["OCOP_CACHE_CONTROL_PAGES"],
                     "photos": DEFAULTS["OCOP_CACHE_CONTROL_IMMUTABLE"]}


def test_nginx_accepts_the_snippet(tmp_path):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if shutil.os.path.exists("/usr/sbin/nginx") else None)
    if nginx is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    (tmp_path / "logs").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"""
        error_log {tmp_path}/logs/error.log;
        pid {tmp_path}/nginx.pid;
        events {{}}
        http {{
            access_log off;
            server {{
                listen 127.0.0.1:8089;
                root {tmp_path};
                include {NGINX};
                location / {{ try_files $uri $uri/ =404; }}
            }}
        }}
        """, encoding="utf-8")
    result = subprocess.run([nginx, "-t", "-q", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    if os.geteuid() != 0:
        return
    # Served for real: a staging folder inside a mounted web root is never shown (README, "Where output/ lives").
    (tmp_path / "index.html").write_text("site", encoding="utf-8")
    (tmp_path / ".ocop-build-abc").mkdir()
    (tmp_path / ".ocop-build-abc" / "index.html").write_text("half-built", encoding="utf-8")
    conf.write_text("user root;\n" + conf.read_text(encoding="utf-8"), encoding="utf-8")
    server = subprocess.Popen([nginx, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        statuses = {}
        for path in ("/", "/.ocop-build-abc/", "/.ocop-build-abc/index.html"):
            for _attempt in range(50):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:8089{path}", timeout=5) as response:
                        statuses[path] = response.status
                    break
                except urllib.error.HTTPError as error:
                    statuses[path] = error.code
                    break
                except OSError:
                    time.sleep(0.1)  # not listening yet
        assert statuses == {"/": 200, "/.ocop-build-abc/": 404, "/.ocop-build-abc/index.html": 404}
    finally:
        server.terminate()
        server.wait(timeout=10)
