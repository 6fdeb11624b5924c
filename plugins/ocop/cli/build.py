"""Safe builds: the site is written to a fresh folder and put in place only on success.

A failed build leaves the previous output/ exactly as it was: Pelican writes
into a temporary sibling folder, and only when the whole build succeeded (no
error from the records, no error logged by Pelican, a search index made) does
output/ change, by renames of whole files or of the whole tree
(output_tree.py).

Before Pelican runs, `preflight()` checks what Pelican would read without the
plugin's care: every Markdown article and page (encoding, invisible characters,
headers, links that leave the site) and symbolic links in the content and theme
folders that lead elsewhere. Its problems take the records' path
(`path:line:column: message`, exit status 1), never a Pelican log line.

Reproducible output: "today" comes from OCOP_TODAY (the setting, or the
environment variable, which wins as it does for `make check`) or
SOURCE_DATE_EPOCH, both checked here; file modes are normalised (0644 files,
0755 folders) so that the umask of the machine does not show in the site.
"""

from __future__ import annotations

import datetime
import fnmatch
import functools
import gc
import logging
import os
import re
import sys
import tempfile
import traceback

from ..core.messages import message_lang, render
from ..core.problems import BuildFailed, CatalogueError, Problems
from ..core.settings import cache_path
from ..core.system_errors import shown_path, system_error
from ..output import page_cache
from ..output.output_tree import STAGING_PREFIX, staging_place
from ..output.publish import discard_build, put_in_place, remove_stale_staging
from ..records.links import check_links
from ..records.news import check_article
from .cms_config import missing_notice


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

    lang = message_lang(overrides)
    if not os.path.isfile(settings_file):
        message = render("settings_missing", {"path": settings_file}, lang)
        raise SystemExit(f"{settings_file}:1:1: {render('error', {}, lang)}: {message}")
    try:
        settings = pelican_read_settings(settings_file, override=overrides or {})
    except SyntaxError as exc:  # a typo in the settings file: its line, not a traceback
        message = render("settings_error", {"detail": f"{type(exc).__name__}: {exc.msg}"}, lang)
        raise SystemExit(f"{settings_file}:{exc.lineno or 1}:{exc.offset or 1}: {render('error', {}, lang)}: "
                         f"{message}") from None
    except (ImportError, NameError, TypeError, ValueError, AttributeError, OSError) as exc:
        line = _settings_line(exc, settings_file)
        message = render("settings_error", {"detail": f"{type(exc).__name__}: {exc}"}, lang)
        raise SystemExit(f"{settings_file}:{line}:1: {render('error', {}, lang)}: {message}") from None
    _check_today(settings)
    return settings


def _settings_line(exc: BaseException, settings_file: str) -> int:
    """The line of the settings file where `exc` was raised (1 when it was not raised there)."""
    target = os.path.abspath(settings_file)
    line = 1
    for frame, number in traceback.walk_tb(exc.__traceback__):
        if os.path.abspath(frame.f_code.co_filename) == target:
            line = number
    return line


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _check_today(settings: dict, environ: dict | None = None) -> None:
    """Stop with a one-line message (no traceback) when OCOP_TODAY or SOURCE_DATE_EPOCH is not a date."""
    environ = os.environ if environ is None else environ
    lang = message_lang(settings)
    value = settings.get("OCOP_TODAY")
    if value and not isinstance(value, datetime.date):
        text = str(value)
        code = None
        if not _ISO_DATE.fullmatch(text):
            code = "date_format"
        else:
            try:
                datetime.date.fromisoformat(text)
            except ValueError:
                code = "date_invalid"
        if code:
            message = render(code, {"field": "OCOP_TODAY", "value": text[:60]}, lang)
            raise SystemExit(f"{render('error', {}, lang)}: {message}")
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch and not value:
        try:
            datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        except (ValueError, OverflowError, OSError):
            message = render("bad_epoch", {"value": epoch[:60]}, lang)
            raise SystemExit(f"{render('error', {}, lang)}: {message}") from None


MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")


def content_files(settings: dict) -> dict[str, str]:
    """Markdown files Pelican will read, as path -> "page" or "news", in a stable order."""
    content = os.path.abspath(settings["PATH"])
    ignores = list(settings.get("IGNORE_FILES") or [])
    found: dict[str, str] = {}
    for kind, key in (("page", "PAGE_PATHS"), ("news", "ARTICLE_PATHS")):
        for sub in settings.get(key) or []:
            root = os.path.join(content, sub) if sub else content
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not any(fnmatch.fnmatch(d, pattern) for pattern in ignores))
                for name in sorted(files):
                    if (name.lower().endswith(MARKDOWN_EXTENSIONS) and not name.startswith(".")
                            and not any(fnmatch.fnmatch(name, pattern) for pattern in ignores)):
                        found.setdefault(os.path.join(folder, name), kind)
    return dict(sorted(found.items()))


def _links_leaving(folder: str, allowed: str, code: str, problems: Problems) -> None:
    """Report symbolic links under `folder` that resolve outside `allowed`."""
    allowed = os.path.realpath(allowed)
    for current, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(dirs + files):
            path = os.path.join(current, name)
            if os.path.islink(path):
                real = os.path.realpath(path)
                if real != allowed and not real.startswith(allowed + os.sep):
                    problems.add(path, 1, 1, code, name=name)


def preflight(settings: dict) -> Problems:
    """Problems in the content and theme folders, found before Pelican reads them."""
    problems = Problems()
    content = os.path.abspath(settings["PATH"])
    project = os.path.dirname(content)
    if os.path.isdir(content):
        _links_leaving(content, project, "unsafe_content_path", problems)
    theme = settings.get("THEME")
    if theme and os.path.isdir(theme):
        _links_leaving(theme, theme, "unsafe_theme_path", problems)
    for path, kind in content_files(settings).items():
        if os.path.islink(path) and not os.path.realpath(path).startswith(project + os.sep):
            continue  # reported above; not read
        text = check_article(path, problems, needs_date=kind == "news")
        if text is not None:
            check_links(path, text, content, problems)
    return problems


def _with_record_problems(problems: Problems, settings: dict) -> Problems:
    """The content's problems and the records' (as `make check` finds them), each once, to report together."""
    from ..records.validation import check

    _, found = check(dict(settings))
    return Problems(sorted(set(problems.errors) | set(found.errors)))


def build(settings_file: str = "pelicanconf.py", output: str | None = None,
          overrides: dict | None = None, stream=None, debug: bool = False) -> str:
    """Build the site into `output` atomically; returns the output path or raises BuildFailed."""
    from pelican import Pelican

    stream = stream or sys.stderr
    overrides = dict(overrides or {})
    if os.environ.get("OCOP_TODAY") and "OCOP_TODAY" not in overrides:
        overrides["OCOP_TODAY"] = os.environ["OCOP_TODAY"]  # as for `make check`: the environment wins
    settings = read_settings(settings_file, overrides)
    given = os.path.abspath(output or settings["OUTPUT_PATH"])
    root = os.path.dirname(os.path.abspath(settings["PATH"]))
    lang = message_lang(settings)
    try:
        # output/ may be a link (its real folder is written) or a mount point (staged inside: output_tree.py).
        output, staging_parent, swappable = staging_place(given)
        os.makedirs(os.path.dirname(output), exist_ok=True)
        remove_stale_staging(os.path.dirname(output), output)
        staging = tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=staging_parent)
    except OSError as exc:
        if os.path.basename(os.fsdecode(exc.filename or "")).startswith(STAGING_PREFIX):
            exc.filename = given  # the staging folder could not be made: name the folder the editor knows
        raise BuildFailed(f"{render('error', {}, lang)}: {system_error(exc, lang, root=root, fallback_path=given)}\n"
                          + render("error_count", {"count": 1}, lang)) from None
    # A message names a file of the build by where it was going in output/, relative to the site.
    explain = functools.partial(system_error, lang=lang, places={staging: given, output: given}, root=root,
                                fallback_path=shown_path(given, {}, root))
    overrides.update({"OUTPUT_PATH": staging, "DELETE_OUTPUT_DIRECTORY": False})
    settings = read_settings(settings_file, overrides)
    if settings.get("OCOP_INCREMENTAL", True):  # pages that did not change are taken from `output`
        settings["OCOP_INCREMENTAL_FROM"] = output
    cache_root = cache_path(settings)

    counter = _ErrorCounter(stream)
    pelican_logger = logging.getLogger("pelican")
    previous_level = pelican_logger.level
    pelican_logger.addHandler(counter)
    pelican_logger.setLevel(logging.WARNING)
    try:
        early = preflight(settings)
        if early.errors:
            raise CatalogueError(_with_record_problems(early, settings), lang, root)
        Pelican(settings).run()
        if counter.errors:
            raise BuildFailed(render("error_count", {"count": len(counter.errors)}, lang))
        put_in_place(settings, staging, output, cache_root, stream, swappable, explain)
        page_cache.promote(output, cache_root)
    except CatalogueError as exc:
        discard_build(staging, output, cache_root)
        raise BuildFailed(exc.summary().strip()) from exc
    except BuildFailed:
        discard_build(staging, output, cache_root)
        raise
    except OSError as exc:  # a full disk, a read-only folder…: one line, never a traceback
        discard_build(staging, output, cache_root)
        if debug:
            raise
        raise BuildFailed(f"{render('error', {}, lang)}: {explain(exc)}\n"
                          + render("error_count", {"count": 1}, lang)) from exc
    except BaseException as exc:
        discard_build(staging, output, cache_root)
        if debug or isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        raise BuildFailed(f"{render('error', {}, lang)}: {detail}\n"
                          + render("error_count", {"count": 1}, lang)) from exc
    finally:
        pelican_logger.removeHandler(counter)
        pelican_logger.setLevel(previous_level)
        gc.unfreeze()  # the generator froze the catalogue for the build (CatalogueGenerator.generate_context)
    notice = missing_notice(settings)  # the site is whole, but without the editors' web form
    if notice:
        stream.write(notice + "\n")
    return given


