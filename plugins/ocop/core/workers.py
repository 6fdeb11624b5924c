"""Work shared between forked processes: rendering pages, reading records.

Once the catalogue is in memory, pages (and, before that, record files) are
independent, so the list is split between the parent and forked children,
which share the parent's memory copy-on-write and need nothing pickled but
their results. Each child reports through a pipe; a child's error stops the
build like the parent's own. Short lists, and systems without fork(), are done
in the parent.
"""

from __future__ import annotations

import os
import pickle
import signal
import traceback


class WorkerError(Exception):
    """A job failed in a worker; the message says why."""


def worker_count(setting: int | None) -> int:
    """How many processes share the work: the setting, else the cores this process may use."""
    if setting:
        return max(1, int(setting))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run_all(jobs: list, run_one, workers: int = 1, minimum: int = 200, collect=None, merge=None) -> list:
    """`run_one(job)` for every job, in the order of the jobs, in `workers` processes when there are at least
    `minimum` jobs.

    `collect()`, called in each worker when it is done, returns what the worker
    learnt that the parent should keep (picklable); the parent passes it to `merge()`.
    """
    if workers <= 1 or len(jobs) < minimum or not hasattr(os, "fork"):
        return [run_one(job) for job in jobs]
    shares = [jobs[index::workers] for index in range(workers)]
    children = []
    try:
        for share in shares[1:]:
            children.append(_fork(share, run_one, collect))
        share_results = [[run_one(job) for job in shares[0]]]
        for pid, read_end in children:
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            payload = pickle.loads(data) if data else {"error": "a worker process stopped"}
            os.waitpid(pid, 0)
            if "error" in payload:
                raise WorkerError(payload["error"])
            share_results.append(payload["results"])
            if merge is not None:
                merge(payload.get("collected"))
        children = []
        results = [None] * len(jobs)
        for index, done in enumerate(share_results):  # share `index` holds jobs index, index + workers, ...
            results[index::workers] = done
        return results
    finally:
        for pid, read_end in children:  # the parent failed: stop the workers still running
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
                os.close(read_end)
            except OSError:
                pass


def _fork(share: list, run_one, collect=None) -> tuple[int, int]:
    """Start a worker doing the jobs of `share`; returns its pid and the read end of its pipe."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    status = 0
    try:  # the child: work, report, and leave without running the parent's clean-up
        os.close(read_end)
        try:
            payload = {"results": [run_one(job) for job in share]}
            payload["collected"] = collect() if collect is not None else None
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which stops the build
            data = pickle.dumps({"error": "".join(traceback.format_exception_only(type(exc), exc)).strip()})
            status = 1
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    finally:
        os._exit(status)
