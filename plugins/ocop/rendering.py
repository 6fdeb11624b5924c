"""Render the pages a build needs on every core: forked workers, each writing its share.

Pages are independent once the catalogue is built in memory, so after the
generator has decided which pages must be rendered (page_cache.py), the list is
split between the parent and forked children, which share the built catalogue
copy-on-write and need nothing pickled. Each child reports, through a pipe,
the files it wrote for each page; a child's error stops the build like the
parent's own. Small builds, and systems without fork(), render in the parent.
"""

from __future__ import annotations

import os
import pickle
import signal
import traceback


class RenderError(Exception):
    """A page could not be rendered in a worker; the message says why."""


class WrittenFiles(set):
    """Pelican's writer's set of written files, which also lists the files added since `since()` was called.

    The files of one page were found by copying the whole set before the page
    and subtracting it after: a copy of every file written so far, per page,
    which grew with the square of the catalogue (4 ms a page at 50,000 products).
    """

    def __init__(self, *args):
        super().__init__(*args)
        self.recent: list[str] = []

    def add(self, name: str) -> None:
        """Add a file name and remember it as recent."""
        super().add(name)
        self.recent.append(name)

    def since(self) -> list[str]:
        """The files added since the last call, and start afresh."""
        recent, self.recent = self.recent, []
        return recent


def worker_count(setting: int | None) -> int:
    """How many processes render: the setting, else the cores this process may use."""
    if setting:
        return max(1, int(setting))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def render_all(jobs: list, render_one, workers: int = 1, minimum: int = 200, collect=None, merge=None) -> list:
    """`render_one(job)` for every job, in `workers` processes when there are at least `minimum` jobs.

    `collect()`, called in each worker when it is done, returns what the worker
    learnt that the parent should keep (picklable); the parent passes it to `merge()`.
    """
    if workers <= 1 or len(jobs) < minimum or not hasattr(os, "fork"):
        return [render_one(job) for job in jobs]
    shares = [jobs[index::workers] for index in range(workers)]
    children = []
    try:
        for share in shares[1:]:
            children.append(_fork(share, render_one, collect))
        results = [render_one(job) for job in shares[0]]
        for pid, read_end in children:
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            payload = pickle.loads(data) if data else {"error": "a rendering worker stopped"}
            os.waitpid(pid, 0)
            if "error" in payload:
                raise RenderError(payload["error"])
            results += [tuple(item) for item in payload["results"]]
            if merge is not None:
                merge(payload.get("collected"))
        children = []
        return results
    finally:
        for pid, read_end in children:  # the parent failed: stop the workers still running
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
                os.close(read_end)
            except OSError:
                pass


def _fork(share: list, render_one, collect=None) -> tuple[int, int]:
    """Start a worker rendering `share`; returns its pid and the read end of its pipe."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    status = 0
    try:  # the child: render, report, and leave without running the parent's clean-up
        os.close(read_end)
        try:
            payload = {"results": [render_one(job) for job in share]}
            payload["collected"] = collect() if collect is not None else None
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which stops the build
            data = pickle.dumps({"error": "".join(traceback.format_exception_only(type(exc), exc)).strip()})
            status = 1
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    finally:
        os._exit(status)
