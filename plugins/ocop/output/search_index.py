"""The Pagefind search index: one Pagefind run per page language, over the folders of indexed pages.

Pagefind keeps every page it indexes in memory until it writes the bundle,
about 150 KB a page whatever the page's size (measured with Pagefind 1.5.2:
100 pages 27 MB, 1,000 pages 174 MB, 5,000 pages 874 MB), and it parses every
HTML file it is given, even one without `data-pagefind-body`. So:

- only the pages that carry `data-pagefind-body` are given to it, as a glob of
  their folders (`san-pham/*/index.html`): the print sheets (600 KB each) and
  list pages are never parsed;
- each language is indexed by its own run into the same bundle folder, and the
  runs' `pagefind-entry.json` files are merged. Pagefind keeps each language's
  index apart anyway (its own `pf_meta`, word index and filters), so the bundle
  is the same as one run's; the peak is one language's pages, not all of them.

Where the pages of two languages share a folder pattern, or a folder name
holds a glob character, the pages are indexed by one run as before.
"""

from __future__ import annotations

import glob as globbing
import json
import os
import re
import shutil
import subprocess
import sys

from .page_cache import SEARCH_FOLDER

ENTRY = "pagefind-entry.json"
INDEXED_MARK = b"data-pagefind-body"
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang=[\"']?([A-Za-z0-9_-]+)")
_GLOB_SPECIALS = set("*?[]{}!<>:,\\")
# Pagefind's ready-made interfaces: the site has its own small one and never loads these.
_UNUSED = ("pagefind-*ui.*", "pagefind-highlight.js")


class IndexFailed(Exception):
    """Pagefind stopped with an error; the message is what it printed."""


class _RunsOverlap(Exception):
    """The per-language runs cannot be merged into one bundle."""


def indexed_pages(site: str) -> dict[str, list[str]]:
    """Relative paths of the pages that ask to be indexed, by the language of their `<html lang>`."""
    pages: dict[str, list[str]] = {}
    for current, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if d != SEARCH_FOLDER)
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            path = os.path.join(current, name)
            with open(path, "rb") as handle:
                data = handle.read()
            if INDEXED_MARK in data:
                found = _HTML_LANG.search(data, 0, 4096)
                language = found.group(1).decode("ascii").lower() if found else "unknown"
                pages.setdefault(language, []).append(os.path.relpath(path, site).replace(os.sep, "/"))
    return pages


def folder_pattern(path: str) -> str:
    """`san-pham/mat-ong/index.html` -> `san-pham/*/index.html`: the page's folder stands for its siblings."""
    parts = path.split("/")
    if len(parts) >= 2 and parts[-1] == "index.html":
        parts[-2] = "*"
    elif len(parts) >= 2:
        parts[-1] = "*.html"
    return "/".join(parts)


def _matches(pattern: str, path: str) -> bool:
    """Does a folder pattern (only whole-component `*` or `*.html`) match a path?"""
    wanted, parts = pattern.split("/"), path.split("/")
    return len(wanted) == len(parts) and all(
        w == p or w == "*" or (w == "*.html" and p.endswith(".html")) for w, p in zip(wanted, parts, strict=True))


def _plain(pattern: str) -> bool:
    """True when every literal folder or file name of a pattern is free of glob characters."""
    return all(part in ("*", "*.html") or not set(part) & _GLOB_SPECIALS for part in pattern.split("/"))


def language_globs(pages: dict[str, list[str]]) -> dict[str, str] | None:
    """One Pagefind glob per language, or None when the languages' pages cannot be told apart by folder."""
    patterns = {language: sorted({folder_pattern(path) for path in paths}) for language, paths in pages.items()}
    for language, own in patterns.items():
        others = [path for other, paths in pages.items() if other != language for path in paths]
        if not all(map(_plain, own)) or any(_matches(pattern, path) for pattern in own for path in others):
            return None
    return {language: "{" + ",".join(own) + "}" if len(own) > 1 else own[0]
            for language, own in sorted(patterns.items())}


def merge_entries(entries: list[dict]) -> dict:
    """One `pagefind-entry.json` from those of runs over different languages."""
    merged = {**entries[0], "languages": {}}
    for entry in entries:
        if entry.get("version") != merged.get("version"):
            raise _RunsOverlap(f"Pagefind versions differ: {entry.get('version')}, {merged.get('version')}")
        twice = merged["languages"].keys() & entry["languages"].keys()
        if twice:  # two runs indexed pages of one language: each would hide the other's
            raise _RunsOverlap(f"more than one run indexed language {', '.join(sorted(twice))}")
        merged["languages"].update(entry["languages"])
    merged["languages"] = dict(sorted(merged["languages"].items()))
    return merged


def _pagefind(site: str, bundle: str, pattern: str | None) -> dict:
    """Run Pagefind once; its entry file as written."""
    command = [sys.executable, "-m", "pagefind", "--site", site, "--output-path", bundle, "--silent"]
    if pattern:
        command += ["--glob", pattern]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except OSError as exc:
        raise IndexFailed(f"{command[0]}: {exc.strerror or exc}") from None
    if result.returncode != 0:
        raise IndexFailed(result.stderr.strip() or result.stdout.strip() or "failed")
    with open(os.path.join(bundle, ENTRY), encoding="utf-8") as handle:
        return json.load(handle)


def index_site(site: str) -> dict[str, int]:
    """Build `site`/pagefind; returns the number of pages indexed per language."""
    bundle = os.path.join(site, SEARCH_FOLDER)
    pages = indexed_pages(site)
    globs = language_globs(pages) if pages else None
    entry = None
    if globs is not None:
        try:
            entry = merge_entries([_pagefind(site, bundle, pattern) for pattern in globs.values()])
        except _RunsOverlap:
            shutil.rmtree(bundle, ignore_errors=True)
        else:
            with open(os.path.join(bundle, ENTRY), "w", encoding="utf-8") as handle:
                json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))
    if entry is None:  # one run over every page, as Pagefind does by itself
        entry = _pagefind(site, bundle, None)
    for pattern in _UNUSED:
        for name in globbing.glob(os.path.join(bundle, pattern)):
            os.remove(name)
    return {language: data.get("page_count", 0) for language, data in entry.get("languages", {}).items()}


def main(argv: list[str] | None = None) -> int:
    """`python -m ocop.search_index SITE`: index an already built site (the benchmark measures it alone)."""
    site = (argv if argv is not None else sys.argv[1:])[0]
    try:
        counts = index_site(site)
    except IndexFailed as exc:
        print(f"pagefind: {exc}", file=sys.stderr)
        return 1
    for language, count in counts.items():
        print(f"{language}: {count} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
