"""Incremental builds: a warm build reuses unchanged pages, and its output is byte-identical to a cold build.

Each case changes one kind of input (a product, a producer, a region, a news
article, a template, the date, a new or deleted product), builds on top of the
previous output and cache, then builds the same input again from nothing; the
two outputs must be the same files with the same bytes.
"""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import build, tree_digest, write

TODAY = "2026-11-29"


def stats(site: Path) -> dict:
    """What the last build rendered and reused (cache/ocop-pages/last-build.json)."""
    return json.loads((site / "cache/ocop-pages/last-build.json").read_text(encoding="utf-8"))


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    write(path, text.replace(old, new, 1))


def rename_product(site):
    replace(site / "products/tra-hoa-vang/product.yaml", "name: Trà hoa vàng", "name: Trà hoa vàng Ba Chẽ")


def rename_producer(site):
    replace(site / "products/_producers/htx-hoa-vang.yaml", "name: HTX Hoa Vàng", "name: HTX Hoa Vàng Mới")


def rename_region(site):
    path = next((site / "products/_regions").glob("huyen-b.yaml"))
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("name:"))
    replace(path, line, line + " Mới")


def certify_product(site):
    """A product's own certificate: its producer's line on the producers' index lists it."""
    replace(site / "products/tra-hoa-vang/product.yaml", "sources: [ghi-chu]",
            "other_certificates:\n  - type: haccp\n    number: HC-01\n    issuer: Trung tâm Thử\n"
            "    issued: 2025-02-01\n    source: ghi-chu\nsources: [ghi-chu]")


def move_product(site):
    """A product moved to another district: both districts' pages and print sheets change."""
    replace(site / "products/tra-hoa-vang/product.yaml", "region: huyen-a", "region: huyen-b")


def add_product(site):
    shutil.copytree(site / "products/mat-ong-rung", site / "products/mat-ong-suoi")
    replace(site / "products/mat-ong-suoi/product.yaml", "name: Mật ong rừng", "name: Mật ong suối")


def delete_product(site):
    add_product(site)  # built once with it (see the test), then removed
    return lambda: shutil.rmtree(site / "products/mat-ong-suoi")


def edit_news(site):
    replace(site / "content/news/hoi-cho.md", "Summary: Hai sản phẩm", "Summary: Hai sản phẩm tốt")


def edit_template(site):
    theme = site / "theme"
    shutil.copytree(Path(__file__).resolve().parent.parent / "theme", theme)
    conf = site / "pelicanconf.py"
    write(conf, conf.read_text(encoding="utf-8") + f"\nTHEME = {str(theme)!r}\n")
    return lambda: replace(theme / "templates/base.html", "</footer>", "<p>Bản thử.</p></footer>")


CASES = {
    "product renamed": rename_product,
    "producer renamed": rename_producer,
    "region renamed": rename_region,
    "product certified": certify_product,
    "product moved": move_product,
    "product added": add_product,
    "product deleted": delete_product,
    "news edited": edit_news,
    "template edited": edit_template,
}


@pytest.mark.parametrize("change", list(CASES), ids=list(CASES))
def test_warm_build_after_a_change_equals_a_cold_build(tiny_site, change):
    site = tiny_site
    later = CASES[change](site) if change in ("product deleted", "template edited") else None
    build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    first = stats(site)
    assert first["reused"] == 0 and first["rendered"] > 10
    if later is not None:
        later()
    else:
        CASES[change](site)  # the change under test, after the first build
    warm = tree_digest(build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False))
    after = stats(site)
    shutil.rmtree(site / "cache")
    shutil.rmtree(site / "output")
    cold = tree_digest(build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False))
    assert sorted(warm) == sorted(cold)  # the same files…
    assert [path for path in cold if warm[path] != cold[path]] == []  # …with the same bytes
    assert after["rendered"] > 0, "the change must show"
    if change in ("product renamed", "producer renamed", "product added", "product deleted"):
        assert after["reused"] > 0, "pages that do not show the change are reused"
    if change in ("news edited", "template edited", "region renamed"):
        assert after["reused"] == 0, "site-wide inputs: every page again"


def test_build_with_the_cache_changes_nothing_and_renders_nothing(tiny_site):
    site = tiny_site
    output = build(site, OCOP_TODAY=TODAY)
    before = tree_digest(output)
    index = (output / "pagefind/pagefind-entry.json").stat().st_ino
    build(site, OCOP_TODAY=TODAY)
    second = stats(site)
    assert second["rendered"] == 0 and second["reused"] > 10
    assert tree_digest(output) == before
    assert (output / "pagefind/pagefind-entry.json").stat().st_ino == index, "the search index is reused"


def test_a_new_day_renders_every_page_again(tiny_site):
    """Validity is judged on "today": a build on another day must not keep yesterday's pages."""
    site = tiny_site
    build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    warm = tree_digest(build(site, OCOP_TODAY="2029-12-31", OCOP_SEARCH_INDEX=False))
    assert stats(site)["reused"] == 0
    shutil.rmtree(site / "cache")
    shutil.rmtree(site / "output")
    assert tree_digest(build(site, OCOP_TODAY="2029-12-31", OCOP_SEARCH_INDEX=False)) == warm


def test_a_page_edited_by_hand_in_the_output_is_rendered_again(tiny_site):
    site = tiny_site
    output = build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    page = output / "products/tra-hoa-vang.html"
    good = page.read_bytes()
    page.write_bytes(good.replace(b"</body>", b"<!-- edited --></body>"))
    build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    assert page.read_bytes() == good
    assert stats(site)["rendered"] == 1


def test_incremental_builds_can_be_turned_off(tiny_site):
    site = tiny_site
    build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False, OCOP_INCREMENTAL=False)
    second = stats(site)
    assert second["reused"] == 0 and second["rendered"] > 10


def fragment_keys(site: Path) -> set[str]:
    """Keys of the fragments kept for the next build."""
    with open(site / "cache/ocop-fragments.pickle", "rb") as handle:
        return set(pickle.load(handle)["entries"])


def test_pages_rendered_by_forked_workers_equal_pages_rendered_in_one_process(tiny_site):
    site = tiny_site
    # From nothing, so that the workers make the fragments and send them to the parent to keep.
    parallel = tree_digest(build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False, OCOP_RENDER_WORKERS=3,
                                 OCOP_PARALLEL_MIN_PAGES=1, OCOP_INCREMENTAL=False))
    assert stats(site)["rendered"] > 10
    kept_in_parallel = fragment_keys(site)
    shutil.rmtree(site / "cache")
    serial = tree_digest(build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False, OCOP_RENDER_WORKERS=1,
                               OCOP_INCREMENTAL=False))
    assert parallel == serial
    assert kept_in_parallel == fragment_keys(site) and kept_in_parallel


def test_an_error_in_a_rendering_worker_fails_the_build_cleanly(tiny_site):
    from ocop.core.problems import BuildFailed

    site = tiny_site
    output = build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    before = tree_digest(output)
    edit_template(site)
    replace(site / "theme/templates/base.html", "</footer>", "{{ this_is_not_a_function() }}</footer>")
    with pytest.raises(BuildFailed) as failure:
        build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False, OCOP_RENDER_WORKERS=2, OCOP_PARALLEL_MIN_PAGES=1)
    assert "this_is_not_a_function" in failure.value.report
    assert "Traceback" not in failure.value.report
    assert tree_digest(output) == before
    assert [name for name in site.iterdir() if name.name.startswith(".ocop-build-")] == []


def test_settings_that_pages_do_not_show_are_not_in_the_page_keys():
    """Turning the search index or the worker count on or off must not make a build render every page."""
    from ocop.output.page_cache import _UNRELATED_SETTINGS

    templates = [p for folder in ("plugins/ocop/templates", "theme/templates")
                 for p in (Path(__file__).resolve().parent.parent / folder).rglob("*.html")]
    for name in _UNRELATED_SETTINGS:
        assert not any(name in p.read_text(encoding="utf-8") for p in templates), name


def test_building_the_search_index_after_a_build_without_it_reuses_every_page(tiny_site):
    site = tiny_site
    build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    output = build(site, OCOP_TODAY=TODAY)
    assert stats(site)["rendered"] == 0
    assert (output / "pagefind/pagefind-entry.json").exists()


def test_an_edit_renders_only_the_list_pages_that_show_the_product(tiny_site):
    """One product per page here: editing the second product's text leaves the catalogue's first page alone."""
    site = tiny_site
    output = build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    first, second = output / "san-pham/index.html", output / "san-pham/page/2/index.html"
    assert "Mật ong rừng" in first.read_text(encoding="utf-8")  # sorted by name: M before T
    inodes = (first.stat().st_ino, second.stat().st_ino)
    replace(site / "products/tra-hoa-vang/product.yaml", "region: huyen-a", "region: huyen-a\ncommune: thôn Mới")
    build(site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    assert first.stat().st_ino == inodes[0], "the page without the product is reused"
    assert second.stat().st_ino != inodes[1], "the page with the product is rendered again"
    assert "thôn Mới" in (output / "products/tra-hoa-vang.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("relative", [True, False], ids=["relative URLs", "absolute URLs"])
def test_fragments_rendered_once_equal_fragments_rendered_in_each_page(tiny_site, relative):
    """Cards, print entries and labels made once (with a placeholder for the site root) are the page's own."""
    site = tiny_site
    settings = {"OCOP_TODAY": TODAY, "OCOP_SEARCH_INDEX": False, "OCOP_INCREMENTAL": False, "RELATIVE_URLS": relative}
    shared = tree_digest(build(site, **settings))
    assert json.loads((site / "cache/ocop-pages/last-build.json").read_text(encoding="utf-8"))["rendered"] > 10
    assert "@@" not in "".join(p.read_text(encoding="utf-8") for p in (site / "output").rglob("*.html"))
    own = tree_digest(build(site, OCOP_FRAGMENT_CACHE=False, **settings))
    assert own == shared


def test_a_preview_keeps_the_last_search_index_and_a_full_build_rebuilds_it(tiny_site):
    """`make serve` shows an edit at once; the index (a minute at 10,000 products) waits for `make html`."""
    site = tiny_site
    output = build(site, OCOP_TODAY=TODAY)
    entry = output / "pagefind/pagefind-entry.json"
    index = entry.stat().st_ino
    rename_product(site)
    build(site, OCOP_TODAY=TODAY, OCOP_PREVIEW=True)
    assert "Trà hoa vàng Ba Chẽ" in (output / "products/tra-hoa-vang.html").read_text(encoding="utf-8")
    assert entry.stat().st_ino == index, "the preview kept the index"
    build(site, OCOP_TODAY=TODAY)
    assert entry.stat().st_ino != index, "a full build indexes the edit"
    build(site, OCOP_TODAY=TODAY)
    assert stats(site)["rendered"] == 0
