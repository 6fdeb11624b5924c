"""Internal links in records and news must point at a file that exists, inside the site.

Pelican only logs a warning without the source file when such a link is
broken; editors get `path:line:column` instead, before anything is written.

Pelican's `{static}` and `{attach}` (and the old `|filename|` spelling) copy the
file they name into the published site, wherever it is: a link such as
`{attach}../../../../etc/hostname` would publish a file of the build machine.
So a `{filename}` link must stay inside the project folder (the folder holding
the content and the records) and a `{static}`/`{attach}` link inside the content
folder, whatever `..`, `%2e`, HTML entities or symbolic links it uses.
"""

from __future__ import annotations

import html
import os
import re
from urllib.parse import unquote

from ..core.problems import Problems
from .text import decode_text

# Pelican's INTRASITE_LINK_REGEX accepts `{what}` and `|what|` (and mixes of both).
_LINK = re.compile(r"[{|](filename|static|attach)[|}]([^)\s\"'>]+)")
_COPYING = ("static", "attach")


def _inside(path: str, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def link_target_problem(kind: str, target: str, source_path: str, content_root: str) -> str | None:
    """The problem code of one link target, or None when it leads to a file it may use."""
    root = os.path.realpath(content_root if kind in _COPYING else os.path.dirname(content_root))
    exists = False
    for candidate in dict.fromkeys((target, unquote(target), html.unescape(target), unquote(html.unescape(target)))):
        if "\x00" in candidate:
            return "link_outside_content" if kind in _COPYING else "link_outside_project"
        if candidate.startswith("/"):
            resolved = os.path.join(content_root, candidate.lstrip("/"))
        else:
            resolved = os.path.join(os.path.dirname(source_path), candidate)
        if "\\" in candidate or not _inside(resolved, root):
            return "link_outside_content" if kind in _COPYING else "link_outside_project"
        exists = exists or os.path.isfile(resolved)
    return None if exists else "broken_link"


def check_links(source_path: str, text: str | None, content_root: str, problems: Problems) -> None:
    """Report each `{filename}`, `{static}` or `{attach}` link in `text` that is broken or leaves the site.

    Targets resolve as Pelican resolves them: relative to the file that holds
    the link, or to the content folder when they start with `/`.
    """
    if not text or ("{" not in text and "|" not in text):
        return
    content_root = os.path.abspath(content_root)
    raw = None
    for match in _LINK.finditer(text):
        kind = match.group(1)
        target = match.group(2).split("#", 1)[0].split("?", 1)[0]
        code = link_target_problem(kind, target, source_path, content_root)
        if code is None:
            continue
        if raw is None:
            try:
                with open(source_path, "rb") as handle:
                    raw = decode_text(handle.read())[0] or ""
            except OSError:
                raw = ""
        offset = raw.find(match.group(0))
        line = raw.count("\n", 0, offset) + 1 if offset >= 0 else 1
        column = offset - raw.rfind("\n", 0, offset) if offset >= 0 else 1
        folder = os.path.basename(content_root) if kind in _COPYING else ""
        problems.add(source_path, line, column, code, target=target, folder=folder, link=kind)
