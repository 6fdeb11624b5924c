"""`make bench`: build synthetic catalogues and print one table of times and memory.

    python bench/run.py --sizes 1000 10000 50000 [--no-photos]

Every figure comes from a separate process (wall time and peak RSS from wait4),
side by side in one run: the floor (bench/floor.py), plain Pelican
(bench/plain_pelican.py) and this catalogue, cold and warm. The machines are
noisy: compare ratios within one table, not across runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PYTHON = sys.executable


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


def run_size(n: int, root: str, photos: bool, plain: bool = True) -> list[dict]:
    """Every row of the table for one size."""
    rows = []
    site = os.path.join(root, f"site-{n}")
    subprocess.run([PYTHON, os.path.join(HERE, "synth.py"), "--products", str(n), "--out", site], check=True)
    output = os.path.join(site, "output")

    def row(case, wall_rss, pages=None, out=None):
        wall, rss = wall_rss
        pages = pages if pages is not None else (count_pages(out) if out else None)
        rows.append({"N": n, "case": case, "wall": wall, "rss": rss, "pages": pages,
                     "size": size_mib(out) if out else None})
        print(f"# {n:,} {case}: {wall:.2f} s, {rss:.0f} MiB", file=sys.stderr, flush=True)  # survives a crash

    floor_out = os.path.join(root, f"floor-{n}")
    row("floor (Jinja2 + Markdown, bench/floor.py)", measure([PYTHON, os.path.join(HERE, "floor.py"), site, floor_out],
                                                              site), out=floor_out)
    plain_out = os.path.join(root, f"plain-{n}")
    if plain:
        row("plain Pelican (products as articles)", measure([PYTHON, os.path.join(HERE, "plain_pelican.py"), site,
                                                             plain_out], site), out=plain_out)
    shutil.rmtree(os.path.join(site, "cache"), ignore_errors=True)
    row("catalogue: cold build (no search index)", build(site, output), out=output)
    row("search index: pagefind on that output (ocop.output.search_index)",
        measure([PYTHON, "-m", "ocop.output.search_index", output], site), pages=count_pages(output))
    # The rows below build without the index, as the cold row did: a bundle they did not make would be
    # deleted by the first of them (24,000 files at 10,000 products), which is no part of a warm build.
    shutil.rmtree(os.path.join(output, "pagefind"), ignore_errors=True)
    row("catalogue: warm rebuild, no change", build(site, output), out=output)
    edit_one(site)
    row("catalogue: rebuild after editing one record", build(site, output), out=output)
    add_one(site)
    row("catalogue: rebuild after adding one record", build(site, output), out=output)
    row("catalogue: full `make html` (with search index)", build(site, output, search=True), out=output)
    if photos:
        photo_site = os.path.join(root, f"photos-{n}")
        subprocess.run([PYTHON, os.path.join(HERE, "synth.py"), "--products", str(n), "--out", photo_site,
                        "--photos"], check=True)
        photo_out = os.path.join(photo_site, "output")
        row("with photos: cold (derive every photo)", build(photo_site, photo_out), out=photo_out)
        row("with photos: warm (no photo work)", build(photo_site, photo_out), out=photo_out)
    for name in (site, floor_out, plain_out):
        shutil.rmtree(name, ignore_errors=True)
    return rows


def table(rows: list[dict]) -> str:
    """Markdown table with the floor ratio of each row."""
    lines = ["| N | case | wall s | × floor | peak RSS MiB | pages | pages/s | output MiB |",
             "|---|---|---|---|---|---|---|---|"]
    floors = {r["N"]: r["wall"] for r in rows if r["case"].startswith("floor")}
    for r in rows:
        pages_per_s = f"{r['pages'] / r['wall']:.0f}" if r["pages"] else ""
        size = f"{r['size']:.1f}" if r["size"] is not None else ""
        lines.append(f"| {r['N']:,} | {r['case']} | {r['wall']:.2f} | {r['wall'] / floors[r['N']]:.2f} | "
                     f"{r['rss']:.0f} | {r['pages'] or ''} | {pages_per_s} | {size} |")
    return "\n".join(lines)


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--no-photos", action="store_true", help="skip the photo rows")
    parser.add_argument("--photos-at-most", type=int, default=1000, help="photo rows only for N up to this")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain-Pelican row (10 minutes at 50k)")
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="ocop-bench-")
    rows = []
    try:
        for n in args.sizes:
            rows += run_size(n, root, photos=not args.no_photos and n <= args.photos_at_most, plain=not args.no_plain)
            print(table(rows), flush=True) if n != args.sizes[-1] else None
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(table(rows))


if __name__ == "__main__":
    main()
