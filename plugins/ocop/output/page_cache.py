"""Incremental builds: a page whose inputs did not change is taken from the previous output.

Every catalogue page gets a key: the digest of the site-wide inputs (plugin
code and templates, theme, settings, news and pages, the shared records,
"today") and of the records the page shows (a product page: its product and
producer files and photos; a list: each of its products, in order). When the
previous build's manifest has the same key for a page and its files are still
in the previous output untouched (same size and modification time), they are
left where they are instead of being rendered again (output_tree.py puts the
new build's files around them, or links them into a new tree when the search
index has to be built again). Cached files (photos, QR codes) already in the
previous output are left there the same way. Any doubt means rendering: a
missing manifest, a changed template, a file edited by hand.

The manifest of a build is written next to the caches as `<name>.pending` and
becomes the manifest only when the build has been swapped in (`promote()`), so
a failed build never describes an output that does not exist.

Pagefind's index is reused the same way: when no indexed page changed, the
previous `pagefind/` folder is kept (`reuse_search()`).
"""

from __future__ import annotations

import json
import os
import shutil

from ..core.fingerprints import code_digest, digest, file_digest, stable_repr, tree_digest
from ..core.hardlinks import link_or_copy
from ..core.paths import relative_path
from .output_tree import files_under

MANIFEST_VERSION = 2  # 2: pages and cached files are kept in the previous output, not linked
# Settings that say where and how this build works, not what its pages show (no template reads them).
_UNRELATED_SETTINGS = ("OUTPUT_PATH", "OCOP_INCREMENTAL_FROM", "DELETE_OUTPUT_DIRECTORY", "WRITE_SELECTED",
                       "OCOP_INCREMENTAL", "OCOP_SEARCH_INDEX", "OCOP_RENDER_WORKERS", "OCOP_PARALLEL_MIN_PAGES",
                       "OCOP_PHOTO_WORKERS", "OCOP_BUILD_WARNINGS", "OCOP_MESSAGES_LANG",
                       "OCOP_FRAGMENT_CACHE", "OCOP_PREVIEW")


def manifest_path(cache_root: str, output: str) -> str:
    """Where the manifest describing the output folder `output` is kept."""
    return os.path.join(cache_root, "ocop-pages", digest(os.path.realpath(output))[:16] + ".json")


def site_key(settings: dict, data_root: str, today) -> str:
    """Digest of everything every catalogue page may show, apart from the product and producer records."""
    relevant = {k: v for k, v in settings.items() if k not in _UNRELATED_SETTINGS}
    shared = []
    if os.path.isdir(data_root):
        for entry in sorted(os.scandir(data_root), key=lambda e: e.name):
            if entry.name == "_producers" or not entry.name.startswith("_"):
                continue  # products and producers have keys of their own
            shared.append(entry.name)
            shared.append(tree_digest(entry.path) if entry.is_dir() else file_digest(entry.path))
    theme = settings.get("THEME") or ""
    return digest(MANIFEST_VERSION, code_digest(), stable_repr(relevant), today,
                  tree_digest(theme), tree_digest(settings.get("PATH") or ""), *shared)


def record_key(record, photos=()) -> str:
    """Digest of a product's or producer's file and of its photos' published files."""
    return digest(file_digest(record.path), *(repr(photo.derived) + photo.prefix for photo in photos))


class PageCache:
    """Which pages of the previous build can be taken as they are, and what this build wrote."""

    def __init__(self, previous_output: str | None, output_path: str, cache_root: str, site: str):
        self.previous_output = previous_output
        self.output_path = output_path
        self.site = site
        self.path = manifest_path(cache_root, previous_output) if previous_output else None
        self.stats_path = os.path.join(cache_root, "ocop-pages", "last-build.json")
        self.old = _read_manifest(self.path) if self.path else {}
        self.pages: dict[str, dict] = {}
        self.kept: set[str] = set()  # cached files (photos, QR codes) left in the previous output
        self.placed: set[str] = set()  # cached files put in place so far, kept or linked
        self.rendered_files: set[str] = set()
        self.reused = 0
        self.rendered = 0

    def key(self, *parts) -> str:
        """A page's key: the site-wide inputs and the given parts."""
        return digest(self.site, *parts)

    def reuse(self, save_as: str, key: str) -> bool:
        """Keep the page's files in the previous output when its key is unchanged; True when kept."""
        entry = (self.old.get("pages") or {}).get(save_as)
        if not entry or entry.get("key") != key or not self.previous_output:
            return False
        files = entry.get("files") or {}
        if not files or not all(_unchanged(os.path.join(self.previous_output, rel), stat)
                                for rel, stat in files.items()):
            return False
        self.pages[save_as] = entry
        self.reused += 1
        return True

    def place(self, source: str, rel: str) -> None:
        """Put a cached file at `rel`: kept when the previous output has it unchanged, else linked in."""
        if rel in self.placed:
            return
        self.placed.add(rel)
        if self.previous_output:
            try:
                source_stat = os.stat(source)
            except OSError:
                source_stat = None
            if source_stat and _unchanged(os.path.join(self.previous_output, rel),
                                          [source_stat.st_size, source_stat.st_mtime_ns]):
                self.kept.add(rel)
                return
        link_or_copy(source, os.path.join(self.output_path, rel))

    def kept_files(self) -> set[str]:
        """Files of this build left in the previous output (relative paths)."""
        kept = set(self.kept)
        for entry in self.pages.values():
            kept.update(entry["files"])
        return kept - self.rendered_files

    def files(self, written) -> dict[str, list]:
        """Size and modification time of files just written (absolute paths under the output folder)."""
        return file_stats(written, self.output_path)

    def remember(self, save_as: str, key: str, files: dict[str, list]) -> None:
        """Record the files rendered for a page."""
        self.pages[save_as] = {"key": key, "files": files}
        self.rendered_files.update(files)
        self.rendered += 1

    def page_keys(self) -> dict[str, str]:
        """Output file (relative) -> key of the page that wrote it."""
        return {rel: entry["key"] for entry in self.pages.values() for rel in entry["files"]}

    def save_pending(self) -> None:
        """Write this build's manifest beside the current one, to be promoted once the build is in place."""
        os.makedirs(os.path.dirname(self.stats_path), exist_ok=True)
        with open(self.stats_path, "w", encoding="utf-8") as handle:  # for tests and `make serve`
            json.dump({"rendered": self.rendered, "reused": self.reused}, handle)
        if not self.path:
            return
        kept = sorted(self.kept)
        if self.pages == self.old.get("pages") and kept == self.old.get("kept"):
            shutil.copyfile(self.path, self.path + ".pending")  # nothing changed: no need to encode it again
            return
        # json.dumps, not json.dump: only the one-shot encoder is the C one (1.5 s less at 10,000 products).
        with open(self.path + ".pending", "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"version": MANIFEST_VERSION, "pages": self.pages, "kept": kept},
                                    separators=(",", ":")))


def file_stats(paths, root: str) -> dict[str, list]:
    """Path relative to `root` -> [size, modification time in ns]: how a later build tells a file is untouched."""
    stats = {}
    for path in sorted(paths):
        stat = os.stat(path)
        stats[relative_path(path, root)] = [stat.st_size, stat.st_mtime_ns]
    return stats


def _read_manifest(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) and manifest.get("version") == MANIFEST_VERSION else {}


def _unchanged(path: str, stat: list) -> bool:
    try:
        current = os.stat(path)
    except OSError:
        return False
    return [current.st_size, current.st_mtime_ns] == list(stat)


# Search index ------------------------------------------------------------------

SEARCH_FOLDER = "pagefind"  # Pagefind's bundle in the output (search_index.py writes it)


def search_inputs(files: dict[str, str], page_keys: dict[str, str]) -> str:
    """Digest of every page Pagefind reads (relative path -> file): its key when the catalogue knows it, else
    its bytes."""
    parts = []
    for rel in sorted(files):
        if rel.endswith(".html") and not rel.startswith(SEARCH_FOLDER + "/"):
            parts += [rel, page_keys.get(rel) or file_digest(files[rel])]
    return digest(code_digest(), *parts)


def pending_manifest(settings_cache_root: str, output: str) -> str:
    """The pending manifest a build of `output` writes."""
    return manifest_path(settings_cache_root, output) + ".pending"


def read_pending(output: str, cache_root: str) -> dict:
    """The manifest the build of `output` now running has written (empty when it has none)."""
    return _read_manifest(pending_manifest(cache_root, output))


def reuse_search(files: dict[str, str], manifest: dict, output: str, cache_root: str) -> tuple[str, list[str]]:
    """Whether the previous search index can be kept: no page it indexes changed.

    `files` are the new build's files (relative path -> where it is now) and
    `manifest` its pending manifest (`read_pending()`). Returns the digest of the
    pages to index and the index's files to keep (relative to `output`), an
    empty list when the index must be built again.
    """
    pending = pending_manifest(cache_root, output)
    keys = {rel: entry["key"] for entry in (manifest.get("pages") or {}).values() for rel in entry["files"]}
    inputs = search_inputs(files, keys)
    old = _read_manifest(manifest_path(cache_root, output)).get("search") or {}
    kept = old.get("files") or {}
    if (old.get("inputs") == inputs and kept
            and all(_unchanged(os.path.join(output, rel), stat) for rel, stat in kept.items())):
        _remember_search(pending, manifest, inputs, kept)
        return inputs, sorted(kept)
    return inputs, []


def previous_search(output: str) -> list[str]:
    """The previous search index's files (relative to `output`), for a preview to keep; [] when there is none."""
    previous = os.path.join(output, SEARCH_FOLDER)
    if not os.path.isfile(os.path.join(previous, "pagefind-entry.json")):
        return []
    return sorted(f"{SEARCH_FOLDER}/{rel}" for rel in files_under(previous))


def remember_search(staging: str, output: str, cache_root: str, inputs: str) -> None:
    """Record the index just built, so that the next build can reuse it."""
    pending = pending_manifest(cache_root, output)
    manifest = _read_manifest(pending)
    written = [os.path.join(current, name)
               for current, _dirs, names in os.walk(os.path.join(staging, SEARCH_FOLDER)) for name in names]
    _remember_search(pending, manifest, inputs, file_stats(written, staging))


def _remember_search(pending: str, manifest: dict, inputs: str, files: dict) -> None:
    if not manifest or manifest.get("search") == {"inputs": inputs, "files": files}:
        return
    manifest["search"] = {"inputs": inputs, "files": files}
    with open(pending, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(manifest, separators=(",", ":")))


def promote(output: str, cache_root: str) -> None:
    """Make the pending manifest of the build just swapped in the manifest of `output`."""
    pending = pending_manifest(cache_root, output)
    if os.path.exists(pending):
        os.replace(pending, manifest_path(cache_root, output))


def discard(output: str, cache_root: str) -> None:
    """Forget the pending manifest of a build that failed."""
    pending = pending_manifest(cache_root, output)
    if os.path.exists(pending):
        os.remove(pending)
