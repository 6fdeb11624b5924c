"""A finished build becomes output/ in place: only changed files are moved in, and nothing is half-written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import build, tree_digest, write
from ocop.core.problems import BuildFailed
from ocop.output import output_tree
from ocop.output.output_tree import BuildTree, files_under

TODAY = "2026-11-29"


def make_tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        write(root / rel, text)
    return root


def inodes(folder: Path) -> dict[str, tuple[int, int]]:
    """Inode and modification time of every file: what tells a file was left alone."""
    result = {}
    for rel in files_under(str(folder)):
        stat = (folder / rel).stat()
        result[rel] = (stat.st_ino, stat.st_mtime_ns)
    return result


def test_files_under_lists_every_file_relative_with_slashes(tmp_path):
    make_tree(tmp_path, {"a.html": "", "b/c/index.html": "", "b/d.svg": ""})
    (tmp_path / "empty").mkdir()
    assert files_under(str(tmp_path)) == {"a.html", "b/c/index.html", "b/d.svg"}


def test_update_moves_new_files_in_keeps_the_rest_and_deletes_what_is_gone(tmp_path):
    output = make_tree(tmp_path / "output", {
        "index.html": "home", "same.css": "body{}", "kept/index.html": "kept page",
        "gone/index.html": "removed product", "gone/photo.jpg": "x", "was-file": "a file that becomes a folder",
        "recorded.html": "same bytes",
    })
    staging = make_tree(tmp_path / "staging", {
        "index.html": "new home", "same.css": "body{}", "new/deep/index.html": "new product",
        "was-file/index.html": "now a folder", "recorded.html": "same bytes",
    })
    before = inodes(output)
    manifest = {"pages": {"kept": {"files": {"kept/index.html": [9, 1]}},
                          "recorded": {"files": {"recorded.html": [10, 2]}}}}
    tree = BuildTree(str(staging), str(output), manifest)
    assert tree.kept == {"kept/index.html"}
    tree.update()
    assert tree_digest(output) == tree_digest(make_tree(tmp_path / "expected", {
        "index.html": "new home", "same.css": "body{}", "kept/index.html": "kept page",
        "new/deep/index.html": "new product", "was-file/index.html": "now a folder", "recorded.html": "same bytes",
    }))
    after = inodes(output)
    assert after["kept/index.html"] == before["kept/index.html"], "a kept page is not touched"
    assert after["same.css"] == before["same.css"], "a file with the same bytes is not rewritten"
    assert after["recorded.html"] != before["recorded.html"], "a page the manifest describes is moved in"
    assert not (output / "gone").exists(), "the folder of a deleted product goes with its files"
    assert not staging.exists()
    assert oct(output.stat().st_mode & 0o777) == "0o755"


def test_materialise_links_the_kept_files_into_staging(tmp_path):
    output = make_tree(tmp_path / "output", {"kept/index.html": "kept", "old.html": "old"})
    staging = make_tree(tmp_path / "staging", {"new.html": "new"})
    tree = BuildTree(str(staging), str(output), {"kept": ["kept/index.html"]})
    tree.materialise()
    assert files_under(str(staging)) == {"kept/index.html", "new.html"}
    assert (staging / "kept/index.html").stat().st_ino == (output / "kept/index.html").stat().st_ino
    assert tree.kept == set()


def test_a_build_that_changes_nothing_rewrites_no_file(tiny_site):
    """Not one file of output/ is replaced, so a web server, a sync to the host or a browser sees no change."""
    output = build(tiny_site, OCOP_TODAY=TODAY)
    before = inodes(output)
    build(tiny_site, OCOP_TODAY=TODAY)
    assert inodes(output) == before


def test_an_edit_replaces_only_the_files_that_show_it(tiny_site):
    output = build(tiny_site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    before = inodes(output)
    path = tiny_site / "products/tra-hoa-vang/product.yaml"
    text = path.read_text(encoding="utf-8")
    write(path, text.replace("region: huyen-a", "region: huyen-a\ncommune: thôn Mới", 1))
    build(tiny_site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    after = inodes(output)
    changed = sorted(rel for rel in after if before.get(rel) != after[rel])
    assert "products/tra-hoa-vang.html" in changed
    assert "en/products/tra-hoa-vang/index.html" in changed
    assert "products/mat-ong-rung.html" not in changed
    assert "san-pham/index.html" not in changed, "the list page without the product is left alone"
    assert not any(rel.startswith(("theme/", "anh/", "qr/")) for rel in changed), changed


def test_a_build_killed_while_moving_files_in_is_mended_by_the_next(tiny_site, monkeypatch):
    """Each file is whole at every moment; the next build compares every file with its manifest."""
    output = build(tiny_site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    path = tiny_site / "products/tra-hoa-vang/product.yaml"
    write(path, path.read_text(encoding="utf-8").replace("name: Trà hoa vàng", "name: Trà hoa vàng Ba Chẽ", 1))
    moved = []
    real_replace = os.replace

    def replace_then_die(source, target):
        if len(moved) == 3:
            raise OSError(28, "No space left on device")
        moved.append(target)
        real_replace(source, target)

    monkeypatch.setattr(output_tree.os, "replace", replace_then_die)
    with pytest.raises(BuildFailed) as failure:
        build(tiny_site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    assert failure.value.report == ("error: the new pages were not all moved into output/ (every file there is "
                                     "whole, some from the last build and some new): no space left on the disk "
                                     "while writing `output/dia-ban/huyen-a/index.html` (No space left on device): "
                                     "free some space (delete files you do not need, or `make clean` to remove the "
                                     "caches) and build again")
    assert len(moved) == 3 and all(Path(target).is_file() for target in moved)
    assert (output / "index.html").is_file(), "what was not moved yet is the last build's"
    monkeypatch.setattr(output_tree.os, "replace", real_replace)
    mended = tree_digest(build(tiny_site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False))
    for name in ("cache", "output"):
        output_tree.shutil.rmtree(tiny_site / name)
    assert tree_digest(build(tiny_site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)) == mended


def test_a_file_added_by_hand_to_output_is_removed(tiny_site):
    output = build(tiny_site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    write(output / "san-pham/stale/index.html", "old")
    build(tiny_site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    assert not (output / "san-pham/stale").exists()


@pytest.mark.parametrize("rendered, kept, limit, expected", [
    (10, 30000, 2000, True),  # an edit at 10,000 products
    (27000, 10000, 2000, False),  # every page again: a new tree
    (60, 40, 2000, True),  # a small site: moving in is cheap whatever the share
    (60, 40, 0, False),
])
def test_a_new_tree_is_made_when_it_is_cheaper(tmp_path, monkeypatch, rendered, kept, limit, expected):
    monkeypatch.setattr(output_tree, "MOVE_IN_ANYWAY", limit)
    (tmp_path / "staging").mkdir()
    tree = BuildTree(str(tmp_path / "staging"), str(tmp_path / "output"), {})
    tree.recorded, tree.kept = set(range(rendered)), set(range(-kept, 0))
    assert tree.cheaper_in_place() is expected


def test_a_build_that_renders_most_pages_swaps_in_a_new_tree(tiny_site, monkeypatch):
    output = build(tiny_site, OCOP_TODAY=TODAY, OCOP_SEARCH_INDEX=False)
    monkeypatch.setattr(output_tree, "MOVE_IN_ANYWAY", 0)
    before = inodes(output)
    warm = tree_digest(build(tiny_site, OCOP_TODAY="2029-12-31", OCOP_SEARCH_INDEX=False))  # a new day
    after = inodes(output)
    assert all(after.get(rel, (None,))[0] == before[rel][0] for rel in before if rel.startswith("qr/")), \
        "the QR codes were linked into the new tree"
    theme = [rel for rel in before if rel.startswith("theme/")]
    assert theme and all(after[rel][0] != before[rel][0] for rel in theme), \
        "files with the same bytes are new files too: the whole tree was swapped"
    for name in ("cache", "output"):
        output_tree.shutil.rmtree(tiny_site / name)
    assert tree_digest(build(tiny_site, OCOP_TODAY="2029-12-31", OCOP_SEARCH_INDEX=False)) == warm
