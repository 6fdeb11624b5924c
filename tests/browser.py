"""A real browser for tests: Debian's Chromium driven by Playwright, and a local server."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic",
]


def chromium_path() -> str | None:
    """The system Chromium (Playwright's own browser download is not used)."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def require_browser():
    """Skip when no browser is installed, unless CI demands one (OCOP_REQUIRE_BROWSER=1)."""
    path = chromium_path()
    if path is None:
        if os.environ.get("OCOP_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (OCOP_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return path


class _Handler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002
        pass


@contextlib.contextmanager
def serve(directory, headers: dict | None = None):
    """Serve `directory` on a free loopback port; yields the base URL."""
    handler = type("Handler", (_Handler,), {"extra_headers": dict(headers or {})})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole test session."""
    executable = require_browser()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh page (own context) that records console errors and CSP violations."""
    context = browser.new_context(viewport={"width": 412, "height": 900}, locale="vi-VN")
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    yield tab
    context.close()
