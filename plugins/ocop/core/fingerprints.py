"""Fingerprints: short digests of files, folders, settings and the plugin's own code.

Incremental builds and the caches between builds trust a result only when the
fingerprint of everything it was made from is the same as last time, so every
input has one here, computed the same way everywhere.
"""

from __future__ import annotations

import functools
import hashlib
import os

from .paths import PACKAGE_DIR

PLUGIN_DIR = PACKAGE_DIR


def digest(*parts) -> str:
    """SHA-1 hex digest of `parts` (text or bytes), each one delimited so that ("ab", "c") ≠ ("a", "bc")."""
    hasher = hashlib.sha1()
    text: list[str] = []
    for part in parts:
        if isinstance(part, bytes):
            if text:
                hasher.update("".join(text).encode("utf-8", "surrogatepass"))
                text = []
            hasher.update(b"%d;" % len(part))
            hasher.update(part)
        else:
            part = str(part)
            text.append(f"{len(part)}:{part}")  # length-prefixed: the joined text is unambiguous
    if text:
        hasher.update("".join(text).encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


def file_digest(path: str) -> str:
    """Digest of a file's bytes ("missing" when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return hashlib.sha1(handle.read()).hexdigest()
    except OSError:
        return "missing"


def tree_digest(folder: str, skip: tuple[str, ...] = ()) -> str:
    """Digest of every file under `folder` (names and bytes), folders named in `skip` left out."""
    hasher = hashlib.sha1()
    if not os.path.isdir(folder):
        return digest("absent", folder)
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in skip and d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(current, name)
            hasher.update(os.path.relpath(path, folder).encode("utf-8", "surrogateescape") + b"\0")
            hasher.update(file_digest(path).encode() + b"\0")
    return hasher.hexdigest()


def stable_repr(value) -> str:
    """A text for `value` that is the same in every process (no memory addresses, sorted mappings and sets)."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{stable_repr(k)}:{stable_repr(v)}"
                              for k, v in sorted(value.items(), key=lambda item: repr(item[0]))) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(stable_repr(v) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(stable_repr(v) for v in value)) + "}"
    if callable(value):
        return f"<{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}>"
    if isinstance(value, (str, int, float, bool, type(None))) or hasattr(value, "isoformat"):
        return repr(value)
    return f"<{type(value).__module__}.{type(value).__qualname__}>"


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of the plugin (code, templates, schemas, translations) and the libraries that shape its output."""
    import jinja2
    import markdown
    import pelican

    versions = [getattr(module, "__version__", "") for module in (jinja2, markdown, pelican)]
    try:
        from importlib.metadata import version

        versions += [version(name) for name in ("nh3", "zxing-cpp", "PyYAML", "jsonschema", "Babel")]
    except Exception:  # noqa: BLE001 - an unknown version only makes the caches miss
        versions.append("unknown")
    return digest(tree_digest(PLUGIN_DIR), *versions)
