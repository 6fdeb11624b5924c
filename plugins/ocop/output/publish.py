"""Putting a finished build in place: indexed for search when it needs it, then moved into output/ or swapped in."""

from __future__ import annotations

import glob
import os
import shutil

from ..core.messages import message_lang, render
from ..core.problems import BuildFailed
from ..core.system_errors import system_error
from . import output_tree, page_cache, search_index
from .output_tree import STAGING_PREFIX


def discard_build(staging: str, output: str, cache_root: str) -> None:
    """Forget a build that failed: its folder and its pending manifest."""
    shutil.rmtree(staging, ignore_errors=True)
    page_cache.discard(output, cache_root)


def index_for_search(site: str) -> None:
    """Build the Pagefind search index into `site`/pagefind (one index per page language)."""
    try:
        search_index.index_site(site)
    except search_index.IndexFailed as exc:
        raise BuildFailed(f"pagefind: {exc}") from None


def put_in_place(settings: dict, staging: str, output: str, cache_root: str, stream, swappable: bool = True,
                 explain=None) -> None:
    """Index the new build for search when it needs it, and make it output/ (output_tree.py).

    `swappable` is False when output/ may not be renamed (a mount point, or staging
    inside it): it is then updated in place whatever that costs. `explain` words a system error for
    the editor (core/system_errors.py).
    """
    explain = explain or (lambda exc: system_error(exc, message_lang(settings)))
    lang = message_lang(settings)
    in_place = bool(settings.get("OCOP_INCREMENTAL_FROM")) and os.path.isdir(output)
    manifest = page_cache.read_pending(output, cache_root)  # read once: 5 MB of JSON at 10,000 products
    tree = output_tree.BuildTree(staging, output, manifest if in_place else {})
    if settings.get("OCOP_SEARCH_INDEX", True):
        inputs, index = page_cache.reuse_search(tree.files(), manifest, output, cache_root)
        if not index and settings.get("OCOP_PREVIEW"):
            # A preview (`make serve`): an index that may miss this edit beats a minute's wait at 10,000
            # products; it is not recorded, so the next full build indexes again.
            index = page_cache.previous_search(output)
            if index:
                stream.write(render("search_kept", {}, lang) + "\n")
        if index:
            tree.keep(index)
        else:  # some indexed page changed: Pagefind needs the whole site in one folder
            tree.materialise()
            index_for_search(staging)
            tree.rescan()
            page_cache.remember_search(staging, output, cache_root, inputs)
            in_place = False
    in_place = (in_place and tree.cheaper_in_place()) or not swappable
    if in_place:
        try:
            tree.update()
        except OSError as exc:  # a full disk, say: output/ holds whole files, old and new
            message = render("update_interrupted", {"cause": explain(exc)}, lang)
            raise BuildFailed(f"{render('error', {}, lang)}: {message}") from None
    else:
        tree.materialise()
        output_tree.swap(staging, output)


def remove_stale_staging(*folders: str) -> None:
    """Delete staging folders left by a build that was killed (and replaced trees not yet deleted)."""
    for folder in dict.fromkeys(folders):
        for path in glob.glob(os.path.join(glob.escape(folder), STAGING_PREFIX + "*")):
            shutil.rmtree(path, ignore_errors=True)
        for path in glob.glob(os.path.join(glob.escape(folder), output_tree.OLD_PREFIX + "*")):
            output_tree.delete_later(path)  # perhaps still being deleted by the build that replaced it
