"""QR codes: drawn once per URL, in forked workers for large catalogues, each decoding to its URL."""

import os

import pytest
from ocop.output import qr
from test_buyers import rasterise

zxingcpp = pytest.importorskip("zxingcpp")

URLS = {f"p{n:04d}": f"https://ocop.example.vn/san-pham/san-pham-{n:04d}/" for n in range(260)}  # > 200: forked


def decoded(path: str) -> str:
    with open(path, encoding="ascii") as handle:
        svg = handle.read()
    assert "<script" not in svg and 'class="qr"' in svg
    return [result.text for result in zxingcpp.read_barcodes(rasterise(svg))]


@pytest.mark.parametrize("url", ["https://ocop.example.vn/", "http://localhost:8000/san-pham/mat-ong-hoa-ban/",
                                 "https://ocop.dienbien.gov.vn/en/products/" + "a" * 120 + "/"])
def test_a_code_decodes_to_its_url(tmp_path, url):
    drawing = qr.start_qr_codes({"x": url}, str(tmp_path))
    assert drawing.wait() == 1
    assert decoded(drawing.files["x"]) == [url]


def test_codes_drawn_in_the_background_are_all_there_and_drawn_once(tmp_path):
    drawing = qr.start_qr_codes(URLS, str(tmp_path), workers=3)
    assert drawing.pids, "a large catalogue is drawn by forked workers"
    assert drawing.wait() == len(URLS)
    for name in ("p0000", "p0131", "p0259"):
        assert decoded(drawing.files[name]) == [URLS[name]]
    assert all(os.path.isfile(path) for path in drawing.files.values())
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]
    again = qr.start_qr_codes(URLS, str(tmp_path), workers=3)
    assert again.files == drawing.files and again.wait() == 0 and not again.pids


def test_what_a_failed_worker_left_is_drawn_by_the_build(tmp_path, monkeypatch):
    parent, draw = os.getpid(), qr._draw

    def failing_in_workers(job):
        if os.getpid() != parent:
            raise OSError("disk full")
        draw(job)

    monkeypatch.setattr(qr, "_draw", failing_in_workers)
    drawing = qr.start_qr_codes(URLS, str(tmp_path), workers=3)
    assert drawing.wait() == len(URLS)
    assert all(os.path.isfile(path) for path in drawing.files.values())
    assert decoded(drawing.files["p0007"]) == [URLS["p0007"]]
