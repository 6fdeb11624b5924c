"""Internal `{filename}` links in records and news must point at a file that exists.

Pelican only logs a warning without the source file when such a link is
broken; editors get `path:line:column` instead, before anything is written.
"""

from __future__ import annotations

import os
import re

from .problems import Problems

_LINK = re.compile(r"\{(?:filename|attach)\}([^)\s\"'>]+)")


def check_links(source_path: str, text: str | None, content_root: str, problems: Problems) -> None:
    """Report each `{filename}` link in `text` whose target file does not exist.

    Targets resolve as Pelican resolves them: relative to the file that holds
    the link, or to the content folder when they start with `/`.
    """
    if not text or "{" not in text:
        return
    raw = None
    for match in _LINK.finditer(text):
        target = match.group(1).split("#", 1)[0].split("?", 1)[0]
        if target.startswith("/"):
            resolved = os.path.join(content_root, target.lstrip("/"))
        else:
            resolved = os.path.join(os.path.dirname(source_path), target)
        if os.path.isfile(resolved):
            continue
        if raw is None:
            try:
                with open(source_path, encoding="utf-8-sig") as handle:
                    raw = handle.read()
            except (OSError, UnicodeDecodeError):
                raw = ""
        offset = raw.find(match.group(0))
        line = raw.count("\n", 0, offset) + 1 if offset >= 0 else 1
        column = offset - raw.rfind("\n", 0, offset) if offset >= 0 else 1
        problems.add(source_path, line, column, "broken_link", target=target)
