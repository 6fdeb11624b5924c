"""QR codes that lead from a printed label to the product's page, drawn at build time.

Each product's code is an SVG file (shown with <img>, so it cannot run script),
generated once and kept in the cache folder under a key made of the URL and
the drawing settings: a warm build draws nothing. The symbol comes from
zxing-cpp (C++, 0.2 ms a code, with the best of the eight masks; segno, in pure
Python, took 3 ms, which at 50,000 products was two and a half minutes of a
cold build); the SVG is one path of horizontal strokes, a row's dark runs.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re

import zxingcpp

QR_VERSION = 3  # raise when the drawing below changes
OPTIONS = {"error": "M", "scale": 4, "border": 4}
_DARK_RUN = re.compile(rb"\x00+")  # zxing-cpp's image: one byte a module, 0 dark and 255 light


def qr_svg_bytes(url: str) -> bytes:
    """The SVG document of a QR code for `url`."""
    symbol = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=OPTIONS["error"])
    modules = memoryview(symbol.to_image(scale=1, add_quiet_zones=False))
    rows, columns = modules.shape
    cells = modules.tobytes()
    border, scale = OPTIONS["border"], OPTIONS["scale"]
    path, here = [], None
    for row in range(rows):
        for run in _DARK_RUN.finditer(cells, row * columns, (row + 1) * columns):
            # a stroke one module thick, through the middle of the row
            x, y, length = run.start() - row * columns + border, row + border, run.end() - run.start()
            path.append(f"M{x} {y}.5h{length}" if here is None else f"m{x - here[0]} {y - here[1]}h{length}")
            here = (x + length, y)
    size = (columns + 2 * border) * scale
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="{size}" '
            f'height="{size}" class="qr"><path transform="scale({scale})" stroke="#000" d="{"".join(path)}"/>'
            "</svg>\n").encode("ascii")


def qr_key(url: str) -> str:
    """Cache key of a QR code: its URL and how it is drawn."""
    return hashlib.sha256(f"{QR_VERSION}|{sorted(OPTIONS.items())}|{url}".encode()).hexdigest()


def _draw(job: tuple[str, str]) -> None:
    url, path = job
    data = qr_svg_bytes(url)
    with open(path + ".tmp", "wb") as handle:
        handle.write(data)
    os.replace(path + ".tmp", path)


class QRDrawing:
    """QR codes being drawn by forked workers while the build goes on; `wait()` before publishing them."""

    def __init__(self, files: dict[str, str], jobs: list[tuple[str, str]], pids: list[int]):
        self.files = files  # name -> cache file of its code (known before it is drawn)
        self.jobs = jobs
        self.pids = pids

    def wait(self) -> int:
        """Wait for the workers; draw here whatever a failed worker left; returns how many codes were drawn."""
        for pid in self.pids:
            os.waitpid(pid, 0)
        self.pids = []
        for url, path in self.jobs:
            if not os.path.isfile(path):
                _draw((url, path))
        return len(self.jobs)


def start_qr_codes(urls: dict[str, str], cache_root: str, workers: int | None = None) -> QRDrawing:
    """Start drawing the codes that are not cached, in the background when there are many.

    The main process goes on building pages in one thread, so one core less
    than the machine has draws the codes meanwhile (at 5,000 products they took
    11 s when the build waited for them).
    """
    os.makedirs(cache_root, exist_ok=True)
    files, jobs = {}, []
    for name, url in urls.items():
        path = os.path.join(cache_root, qr_key(url) + ".svg")
        files[name] = path
        if not os.path.isfile(path):
            jobs.append((url, path))
    count = max(1, (workers or os.cpu_count() or 1) - 1)
    pids = []
    if len(jobs) > 200 and hasattr(os, "fork"):
        for index in range(count):
            pid = os.fork()
            if pid == 0:  # the child: draw its share and leave without the parent's clean-up
                status = 0
                # The collector would walk the whole inherited catalogue on each full collection
                # (copying every page of it): only what the child makes is its concern.
                gc.freeze()
                try:
                    for job in jobs[index::count]:
                        _draw(job)
                except BaseException:  # noqa: BLE001 - the parent draws what is missing
                    status = 1
                finally:
                    os._exit(status)
            pids.append(pid)
    else:
        for job in jobs:
            _draw(job)
    return QRDrawing(files, jobs, pids)
