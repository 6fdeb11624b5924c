"""QR codes that lead from a printed label to the product's page, drawn at build time.

Each product's code is an SVG file (shown with <img>, so it cannot run script),
generated once and kept in the cache folder under a key made of the URL and
the drawing settings: a warm build draws nothing. segno's search for the best
mask is most of its time; a fixed mask is valid under ISO/IEC 18004 and every
reader handles it, so the codes are drawn with one.
"""

from __future__ import annotations

import hashlib
import io
import os
from concurrent.futures import ProcessPoolExecutor

import segno

from .hardlinks import link_or_copy

QR_VERSION = 2  # raise when the drawing below changes
OPTIONS = {"error": "m", "mask": 2, "scale": 4, "border": 4}


def qr_svg_bytes(url: str) -> bytes:
    """The SVG document of a QR code for `url`."""
    code = segno.make(url, error=OPTIONS["error"], micro=False, mask=OPTIONS["mask"])
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=OPTIONS["scale"], border=OPTIONS["border"], xmldecl=True, svgns=True,
              nl=False, svgclass="qr", lineclass=None, dark="#000")
    return buffer.getvalue()


def qr_key(url: str) -> str:
    """Cache key of a QR code: its URL and how it is drawn."""
    return hashlib.sha256(f"{QR_VERSION}|{sorted(OPTIONS.items())}|{url}".encode()).hexdigest()


def _draw(job: tuple[str, str]) -> None:
    url, path = job
    data = qr_svg_bytes(url)
    with open(path + ".tmp", "wb") as handle:
        handle.write(data)
    os.replace(path + ".tmp", path)


def ensure_qr_codes(urls: dict[str, str], cache_root: str, workers: int | None = None) -> tuple[dict, int]:
    """Cache file of each URL's code (drawing the missing ones in parallel); returns (files, drawn)."""
    os.makedirs(cache_root, exist_ok=True)
    files, jobs = {}, []
    for name, url in urls.items():
        path = os.path.join(cache_root, qr_key(url) + ".svg")
        files[name] = path
        if not os.path.isfile(path):
            jobs.append((url, path))
    if len(jobs) > 200 and (workers or os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_draw, jobs, chunksize=64))
    else:
        for job in jobs:
            _draw(job)
    return files, len(jobs)


def publish_qr(cache_file: str, output_root: str, relative_path: str) -> None:
    """Put one code into the output (a hard link when possible)."""
    link_or_copy(cache_file, os.path.join(output_root, relative_path))
