"""Results kept between builds: parsed and checked records, rendered Markdown, fragments.

A store is one pickle file under the project's cache folder, keyed by the
digest of what the result was made from and tagged with the plugin's code
digest, so a new version of the plugin (or of the libraries it uses) starts
from nothing. Only the entries used by a build are saved, so the file does not
grow with records that are gone (a store that keeps unused entries, for
fragments, starts afresh whenever its tag, the site-wide inputs, changes).
The cache folder is the project's own working folder, like Pelican's content
cache; it is not read from anywhere else.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import tempfile

from ..core.fingerprints import code_digest


@contextlib.contextmanager
def collector_paused():
    """No garbage collection meanwhile: unpickling a cache, or building the catalogue, makes millions of
    objects and little garbage, and the collector would scan them all again and again (seconds per build
    at 10,000 products)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Store:
    """A dict of results that is read at the start of a build and written at the end."""

    def __init__(self, path: str | None, tag: str = "", keep_unused: bool = False):
        self.path = path
        # keep_unused: entries this build did not use are kept too (fragments: an edit renders few pages)
        self.keep_unused = keep_unused
        self.tag = code_digest() + tag
        self.previous: dict = {}
        self.used: dict = {}
        self.hits = 0
        if path and os.path.isfile(path):
            try:
                with open(path, "rb") as handle, collector_paused():
                    saved = pickle.load(handle)
                if isinstance(saved, dict) and saved.get("tag") == self.tag:
                    self.previous = saved.get("entries") or {}
            except Exception:  # noqa: BLE001 - a damaged cache is only a slower build
                self.previous = {}

    def get(self, key: str):
        """The stored result for `key` (kept by the last build, or put by this one), or None."""
        value = self.used.get(key)
        if value is not None:
            return value
        value = self.previous.get(key)
        if value is not None:
            self.hits += 1
            self.used[key] = value
        return value

    def put(self, key: str, value) -> None:
        """Keep `value` for the next build."""
        self.used[key] = value

    def save(self) -> None:
        """Write what this build used (atomically: a half-written cache is never read)."""
        if self.keep_unused:
            if self.used.keys() <= self.previous.keys():
                return
            self.used = {**self.previous, **self.used}
        if not self.path or self.used.keys() == self.previous.keys():
            return
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(self.path), suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump({"tag": self.tag, "entries": self.used}, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError:
            if os.path.exists(temporary):
                os.remove(temporary)
