"""`make serve`: the preview rebuilds when an editor saves a record."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from conftest import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


@pytest.fixture
def server(tiny_site):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), "OCOP_LANG": "en"}
    process = subprocess.Popen(
        [sys.executable, "-m", "ocop", "serve", "--port", str(port)], cwd=tiny_site, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    yield tiny_site, f"http://127.0.0.1:{port}"
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def test_editing_a_product_updates_the_served_page(server):
    site, base = server
    url = f"{base}/products/tra-hoa-vang.html"
    assert "Trà hoa vàng" in wait_for(lambda: fetch(url), 60)
    record = site / "products/tra-hoa-vang/product.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("name: Trà hoa vàng", "name: Trà hoa vàng đặc biệt"),
                      encoding="utf-8")
    assert wait_for(lambda: "Trà hoa vàng đặc biệt" in (fetch(url) or ""), 30)


def test_a_missing_page_gets_the_sites_404_page(server):
    """Like the hosts: the site's 404.html with status 404, not the server's bare "Error response"."""
    _site, base = server
    assert wait_for(lambda: fetch(f"{base}/"), 120)
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{base}/khong-co-trang-nay/", timeout=5)
    assert missing.value.code == 404
    body = missing.value.read().decode("utf-8")
    assert "Không tìm thấy trang" in body and "Page not found" in body and "Error response" not in body


def test_a_broken_edit_keeps_serving_the_last_good_site(server):
    site, base = server
    url = f"{base}/products/tra-hoa-vang.html"
    assert wait_for(lambda: fetch(url), 60)
    record = site / "products/tra-hoa-vang/product.yaml"
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("stars: 4", "stars: 9"), encoding="utf-8")
    time.sleep(4)
    assert "Trà hoa vàng" in fetch(url)
    record.write_text(good.replace("name: Trà hoa vàng", "name: Trà sửa lại"), encoding="utf-8")
    assert wait_for(lambda: "Trà sửa lại" in (fetch(url) or ""), 30)
