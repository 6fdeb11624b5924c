"""System errors (a full disk, a read-only folder…) as one line an editor can act on.

The operating system says what failed in a number (`errno`) and the file it was
working on; the build says it in the messages' language: which file or folder,
what happened, what to do. Paths inside a build's staging folder are named by the
place in output/ they were going to, since the staging folder is gone by the time
the message is read.
"""

from __future__ import annotations

import errno
import os

from .messages import render
from .paths import relative_path

# errno -> message code. Anything else is `os_other`, which quotes the system's own words.
CODES = {
    errno.ENOSPC: "os_no_space",
    errno.EDQUOT: "os_no_space",
    errno.EFBIG: "os_no_space",
    errno.EACCES: "os_permission",
    errno.EPERM: "os_permission",
    errno.EROFS: "os_read_only",
    errno.EBUSY: "os_busy",
    errno.ETXTBSY: "os_busy",
    errno.ENAMETOOLONG: "os_name_too_long",
    errno.EMFILE: "os_too_many_files",
    errno.ENFILE: "os_too_many_files",
    errno.EIO: "os_io",
    errno.EEXIST: "os_not_a_folder",  # makedirs where a file stands
    errno.ENOTDIR: "os_not_a_folder",
}


def shown_path(path: str | None, places: dict[str, str], root: str | None) -> str:
    """`path` as the editor knows it: a staging path as its place in output/, relative to `root` when inside."""
    if not path:
        return ""
    path = os.path.abspath(os.fsdecode(path))
    for hidden, known in places.items():  # longest first, so a staging folder inside output/ wins
        hidden = os.path.abspath(hidden)
        if path == hidden or path.startswith(hidden + os.sep):
            path = os.path.abspath(known) + path[len(hidden):]
            break
    if root and path.startswith(os.path.abspath(root) + os.sep):
        return relative_path(path, root)
    return path


def system_error(exc: OSError, lang: str, places: dict[str, str] | None = None, root: str | None = None,
                 fallback_path: str = "") -> str:
    """One line (no 'error:' prefix) for `exc`: which file or folder, what happened, what to do."""
    places = dict(sorted((places or {}).items(), key=lambda item: -len(item[0])))
    path = shown_path(exc.filename, places, root) or fallback_path
    code = CODES.get(exc.errno, "os_other")
    reason = exc.strerror or str(exc)
    return render(code, {"path": path or "?", "reason": reason}, lang)
