"""Files put into the output as hard links (to a cache, or to the previous build), copies where that fails.

A link costs no space and no time; some file systems (or a cache on another
device) refuse it, and then the file is copied with its modification time, so
that the next build still recognises it as unchanged.
"""

from __future__ import annotations

import os
import shutil


def link_or_copy(source: str, target: str, make_folder: bool = True) -> None:
    """Hard-link `source` at `target` (a new path), or copy it when a link is not possible."""
    if make_folder:
        os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
