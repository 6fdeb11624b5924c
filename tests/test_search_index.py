"""The search index: one Pagefind run per language, over the folders of indexed pages only."""

import json
import os
import subprocess
import sys

import pytest
from conftest import FIXTURE, REPO, build
from ocop.output import search_index
from ocop.output.search_index import folder_pattern, indexed_pages, language_globs, merge_entries


@pytest.mark.parametrize("path, pattern", [
    ("san-pham/mat-ong/index.html", "san-pham/*/index.html"),
    ("en/products/mat-ong/index.html", "en/products/*/index.html"),
    ("tin-tuc/hoi-cho.html", "tin-tuc/*.html"),
    ("index.html", "index.html"),
])
def test_folder_pattern_stands_for_the_siblings(path, pattern):
    assert folder_pattern(path) == pattern


def test_each_language_gets_the_folders_of_its_own_pages():
    pages = {"vi": ["san-pham/a/index.html", "san-pham/b/index.html", "tin-tuc/c/index.html"],
             "en": ["en/products/a/index.html"]}
    assert language_globs(pages) == {"en": "en/products/*/index.html",
                                     "vi": "{san-pham/*/index.html,tin-tuc/*/index.html}"}


@pytest.mark.parametrize("pages", [
    # both languages' pages in one folder: a folder glob would give each run the other's pages
    {"vi": ["tin-tuc/a/index.html"], "en": ["tin-tuc/b/index.html"]},
    # a folder name Pagefind would read as a glob
    {"vi": ["san{pham}/a/index.html"], "en": ["en/a/index.html"]},
    {"vi": ["san-pham,x/a/index.html"], "en": ["en/a/index.html"]},
])
def test_pages_that_folders_cannot_separate_are_indexed_in_one_run(pages):
    assert language_globs(pages) is None


def test_merged_entry_lists_every_language_once():
    vi = {"version": "1.5.2", "languages": {"vi": {"hash": "vi_1", "wasm": None, "page_count": 3}},
          "include_characters": ["_"]}
    en = {"version": "1.5.2", "languages": {"en": {"hash": "en_1", "wasm": "en", "page_count": 2}},
          "include_characters": ["_"]}
    assert merge_entries([vi, en]) == {
        "version": "1.5.2", "include_characters": ["_"],
        "languages": {"en": {"hash": "en_1", "wasm": "en", "page_count": 2},
                      "vi": {"hash": "vi_1", "wasm": None, "page_count": 3}}}
    with pytest.raises(search_index._RunsOverlap):
        merge_entries([vi, vi])


def write_page(root, rel, lang, indexed=True, text="mật ong"):
    """A small HTML page; `indexed` marks it for Pagefind."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    body = f"<main{' data-pagefind-body' if indexed else ''}><h1>{text}</h1><p>{text} {rel}</p></main>"
    path.write_text(f'<!doctype html><html lang="{lang}"><head><title>{text}</title></head>'
                    f"<body>{body}</body></html>", encoding="utf-8")


def entry(site):
    return json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def fragments(site):
    return sorted(p.name for p in (site / "pagefind" / "fragment").iterdir())


def plain_pagefind(site, bundle):
    """What Pagefind alone makes of the whole site."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle),
                    "--silent"], check=True)
    return bundle


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture province with its search index, and a plain Pagefind bundle of the same pages."""
    output = build(FIXTURE, tmp_path_factory.mktemp("search") / "output", OCOP_SEARCH_INDEX=True)
    plain = plain_pagefind(output, tmp_path_factory.mktemp("plain") / "pagefind")
    return output, plain


def test_split_index_holds_the_same_pages_as_one_pagefind_run(built):
    output, plain = built
    ours = entry(output)
    theirs = json.loads((plain / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(ours["languages"]) == {"vi", "en"}
    assert {k: v["page_count"] for k, v in ours["languages"].items()} == {
        k: v["page_count"] for k, v in theirs["languages"].items()}
    # fragments are named by their content: the same names are the same pages, text, meta and filters
    assert fragments(output) == sorted(p.name for p in (plain / "fragment").iterdir())
    assert not list((output / "pagefind").glob("pagefind-*ui.*")), "Pagefind's own interfaces are removed"


def test_print_sheets_and_lists_are_never_given_to_pagefind(built):
    output, _ = built
    pages = indexed_pages(output)
    globs = language_globs(pages)
    assert globs is not None, "the fixture's languages live in separate folders"
    every = [p.relative_to(output).as_posix() for p in output.rglob("*.html")]
    given = {path for pattern in globs.values() for path in every
             if any(search_index._matches(part, path) for part in pattern.strip("{}").split(","))}
    assert {p for paths in pages.values() for p in paths} <= given
    assert not any(path.startswith(("in/", "en/print/")) for path in given)
    assert "san-pham/index.html" not in given and "so-lieu/index.html" not in given


def test_languages_sharing_a_folder_are_indexed_together(tmp_path):
    site = tmp_path / "site"
    write_page(site, "tin-tuc/a/index.html", "vi", text="mật ong")
    write_page(site, "tin-tuc/b/index.html", "en", text="honey")
    write_page(site, "tin-tuc/c/index.html", "vi", indexed=False)
    assert search_index.index_site(str(site)) == {"en": 1, "vi": 1}
    assert entry(site)["languages"].keys() == {"en", "vi"}


def test_split_runs_match_one_run_on_a_handmade_site(tmp_path):
    site = tmp_path / "site"
    for n in range(3):
        write_page(site, f"san-pham/p{n}/index.html", "vi", text=f"gạo nếp {n}")
        write_page(site, f"en/products/p{n}/index.html", "en", text=f"sticky rice {n}")
    write_page(site, "in/tat-ca/index.html", "vi", indexed=False)
    assert search_index.index_site(str(site)) == {"en": 3, "vi": 3}
    plain = plain_pagefind(site, tmp_path / "plain")
    assert fragments(site) == sorted(p.name for p in (plain / "fragment").iterdir())


def test_a_pagefind_failure_is_a_clear_error(tmp_path):
    site = tmp_path / "site"
    write_page(site, "san-pham/a/index.html", "vi")
    (site / "pagefind").write_text("in the way", encoding="utf-8")  # Pagefind cannot make its folder
    with pytest.raises(search_index.IndexFailed, match="File exists"):
        search_index.index_site(str(site))
    result = subprocess.run([sys.executable, "-m", "ocop.output.search_index", str(site)], capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(REPO / "plugins")})
    assert result.returncode == 1
    assert result.stderr.startswith("pagefind: ") and "Traceback" not in result.stderr
