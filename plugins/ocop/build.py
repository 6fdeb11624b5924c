"""Atomic builds: the site is written to a fresh folder and swapped in only on success.

A failed or interrupted build leaves the previous output/ exactly as it was:
Pelican writes into a temporary sibling folder, and only when the whole build
succeeded (no error from the records, no error logged by Pelican) is the old
folder renamed away and the new one renamed into place.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

from .messages import message_lang, render
from .problems import CatalogueError

STAGING_PREFIX = ".ocop-build-"


class BuildFailed(Exception):
    """The build did not produce a complete site; `report` says why."""

    def __init__(self, report: str):
        super().__init__(report)
        self.report = report


class _ErrorCounter(logging.Handler):
    """Counts error records and prints warnings and errors in one line each."""

    def __init__(self, stream):
        super().__init__(logging.WARNING)
        self.stream = stream
        self.errors: list[str] = []

    def emit(self, record):
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            self.errors.append(message)
        self.stream.write(f"{record.levelname.lower()}: {message}\n")


def read_settings(settings_file: str, overrides: dict | None = None) -> dict:
    """Pelican settings from `settings_file`, with `overrides` applied."""
    from pelican.settings import read_settings as pelican_read_settings

    return pelican_read_settings(settings_file, override=overrides or {})


def build(settings_file: str = "pelicanconf.py", output: str | None = None,
          overrides: dict | None = None, stream=None, debug: bool = False) -> str:
    """Build the site into `output` atomically; returns the output path or raises BuildFailed."""
    from pelican import Pelican

    stream = stream or sys.stderr
    overrides = dict(overrides or {})
    settings = read_settings(settings_file, overrides)
    output = os.path.abspath(output or settings["OUTPUT_PATH"])
    parent = os.path.dirname(output)
    os.makedirs(parent, exist_ok=True)
    _remove_stale_staging(parent)
    staging = tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent)
    overrides.update({"OUTPUT_PATH": staging, "DELETE_OUTPUT_DIRECTORY": False})
    settings = read_settings(settings_file, overrides)
    lang = message_lang(settings)

    counter = _ErrorCounter(stream)
    pelican_logger = logging.getLogger("pelican")
    previous_level = pelican_logger.level
    pelican_logger.addHandler(counter)
    pelican_logger.setLevel(logging.WARNING)
    try:
        Pelican(settings).run()
        if counter.errors:
            raise BuildFailed(render("error_count", {"count": len(counter.errors)}, lang))
        if settings.get("OCOP_SEARCH_INDEX", True):
            index_for_search(staging, stream)
        _swap_in(staging, output)
    except CatalogueError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(exc.summary().strip()) from exc
    except BuildFailed:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if debug or isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        raise BuildFailed(f"{render('error', {}, lang)}: {detail}\n"
                          + render("error_count", {"count": 1}, lang)) from exc
    finally:
        pelican_logger.removeHandler(counter)
        pelican_logger.setLevel(previous_level)
    return output


def index_for_search(site: str, stream) -> None:
    """Build the Pagefind search index into `site`/pagefind (one index per page language)."""
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", site, "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        stream.write(result.stdout + result.stderr)
        raise BuildFailed(f"pagefind: {result.stderr.strip() or result.stdout.strip() or 'failed'}")


def _swap_in(staging: str, output: str) -> None:
    """Replace `output` by `staging` with two renames (the old tree is deleted after)."""
    old = None
    if os.path.exists(output):
        old = tempfile.mkdtemp(prefix=STAGING_PREFIX + "old-", dir=os.path.dirname(output))
        os.rmdir(old)
        os.rename(output, old)
    os.rename(staging, output)
    os.chmod(output, 0o755)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def _remove_stale_staging(parent: str) -> None:
    """Delete staging folders left by a build that was killed."""
    for path in glob.glob(os.path.join(parent, STAGING_PREFIX + "*")):
        shutil.rmtree(path, ignore_errors=True)
