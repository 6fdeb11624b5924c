"""`make bench` runs: the benchmark, at a size a test can afford, prints its whole table.

The figures themselves are the benchmark's business (bench/run.py); this only
proves, from every fresh clone, that each row runs and reports sane numbers.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO

SERVE_TIMEOUT = 120.0  # bench/run.py's SERVE_TIMEOUT: the serve row gives up after it
CASES = [
    "floor (Jinja2 + Markdown, bench/floor.py)",
    "plain Pelican (products as articles)",
    "Hugo: records → content files (bench/hugo_content.py)",
    "Hugo (same records, bench/hugo)",
    "catalogue: cold build (no search index)",
    "search index: pagefind on that output (ocop.output.search_index)",
    "search index: pagefind Python API, add_custom_record (bench/pagefind_api.py)",
    "catalogue: warm rebuild, no change",
    "catalogue: rebuild after editing one record",
    "catalogue: rebuild after adding one record",
    "catalogue: full `make html` (with search index)",
    "make serve: edit one record → its page served (s)",
    "with photos: cold (derive every photo)",
    "with photos: warm (no photo work)",
]


def test_the_benchmark_prints_every_row_of_its_table():
    environ = {**os.environ, "PYTHONPATH": str(REPO / "plugins")}
    result = subprocess.run([sys.executable, str(REPO / "bench/run.py"), "--sizes", "12"], cwd=REPO, env=environ,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "| N | case | wall s | × floor | peak RSS MiB | pages | pages/s | output MiB |"
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    assert [row[1] for row in rows] == CASES
    by_case = {row[1]: row for row in rows}
    for n, case, wall, ratio, rss, *_ in rows:
        assert n == "12"
        assert float(wall) > 0 and float(rss) > 10
        assert ratio == "" if case.startswith("make serve") else float(ratio) > 0  # a latency is no build
    assert by_case[CASES[0]][3] == "1.00"

    def pages(case):
        return int(by_case[case][5])

    cold = pages("catalogue: cold build (no search index)")
    assert cold > 2 * 12  # a page per product and language, and the lists
    assert pages("catalogue: warm rebuild, no change") == cold
    assert pages("catalogue: rebuild after editing one record") == cold
    assert pages("catalogue: rebuild after adding one record") > cold
    assert pages("with photos: warm (no photo work)") == pages("with photos: cold (derive every photo)")
    # Hugo makes the floor's page kinds (products in two languages, district and group lists, the catalogue
    # by 24), so the same number of pages; ours adds producers, stars, print sheets, news and more.
    assert pages("Hugo (same records, bench/hugo)") == pages("floor (Jinja2 + Markdown, bench/floor.py)")
    assert float(by_case["Hugo (same records, bench/hugo)"][7]) > 0
    # Both ways of indexing take the same pages, and neither bundle is empty.
    html_index = by_case["search index: pagefind on that output (ocop.output.search_index)"]
    api_index = by_case["search index: pagefind Python API, add_custom_record (bench/pagefind_api.py)"]
    assert int(api_index[5]) == int(html_index[5]) > 12
    assert float(api_index[7]) > 0 and float(html_index[7]) > 0
    serve = by_case["make serve: edit one record → its page served (s)"]
    assert 0 < float(serve[2]) < SERVE_TIMEOUT and serve[5] == ""
