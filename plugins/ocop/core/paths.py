"""Paths relative to a folder, as the catalogue shows and records them: '/'-separated on every system."""

from __future__ import annotations

import os

# The package's data folders, beside its code.
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES_DIR = os.path.join(PACKAGE_DIR, "templates")
SCHEMA_DIR = os.path.join(PACKAGE_DIR, "schema")
TRANSLATIONS_DIR = os.path.join(PACKAGE_DIR, "translations")
RULES_FILE = os.path.join(PACKAGE_DIR, "data", "rules.yaml")


def relative_path(path: str, root: str) -> str:
    """`path` relative to `root`, with forward slashes.

    A path inside `root` is cut, not walked by os.path.relpath, which makes both
    paths absolute and compares them part by part: builds ask this for every
    record and every written file (tens of thousands at 10,000 products).
    """
    path, root = os.path.normpath(path), os.path.normpath(root)
    inside = path.startswith(root + os.sep)
    return (path[len(root) + 1:] if inside else os.path.relpath(path, root)).replace(os.sep, "/")
