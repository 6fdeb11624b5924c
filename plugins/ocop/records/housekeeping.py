"""Housekeeping warnings: what an office should look at soon, without stopping the build.

`warnings_for()` looks at a checked catalogue and returns warnings (never
errors): a certificate that expires within 90 days, a product without a photo
or an English name, a record without sources, a record not checked against
its sources for over a year, a news article without text. `make check` prints
them; `make report` lists the same facts for planning.
"""

from __future__ import annotations

import datetime
import functools
import os
import re

from ..core.paths import relative_path
from ..core.problems import WARNING, Problems
from .news import news_files
from .yaml_loader import Record, load_record

# Any of these files in a product's folder counts as a photo (the photo
# pipeline decides later which ones are published and how).
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")
EXPIRY_WARNING_DAYS = 90
VERIFY_MAX_DAYS = 365
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def expiry_window(settings: dict | None) -> int:
    """Days ahead in which an expiring certificate is reported (OCOP_EXPIRY_WARNING_DAYS, 90)."""
    return int((settings or {}).get("OCOP_EXPIRY_WARNING_DAYS") or EXPIRY_WARNING_DAYS)


def verify_max_days(settings: dict | None) -> int:
    """Days after which a record counts as not verified (OCOP_VERIFY_MAX_DAYS, 365)."""
    return int((settings or {}).get("OCOP_VERIFY_MAX_DAYS") or VERIFY_MAX_DAYS)


def photos(folder: str) -> list[str]:
    """Image files in a product folder (and its sub-folders), in a stable order."""
    return sorted(_image_files(folder))


def has_photo(product) -> bool:
    """True when the record lists a photo or its folder holds an image file."""
    return bool(getattr(product, "photos", None)) or next(_image_files(product.folder), None) is not None


def _image_files(folder: str):
    """Image files under `folder` (hidden files and folders left out), found lazily: the build only asks
    whether there is one, for 10,000 folders."""
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and name.lower().endswith(PHOTO_EXTENSIONS):
                yield os.path.join(current, name)


def expiring(certificate, today: datetime.date, window: int) -> bool:
    """True when the certificate may stop being valid between today and today + window days."""
    if certificate.revoked is not None and certificate.revoked <= today:
        return False
    expiry = certificate.expiry
    return expiry.latest >= today and expiry.earliest <= today + datetime.timedelta(days=window)


def certificate_index(record: Record | None, certificate) -> int | None:
    """Where `certificate` is in the file's `certificates` list (the file's order, not by date)."""
    items = (record.data.get("certificates") if record else None) or []
    found = None
    for index, item in enumerate(items):
        if (isinstance(item, dict) and item.get("decision") == certificate.decision.id
                and item.get("stars") == certificate.stars and item.get("group") == certificate.group):
            found = index
    return found


def _reload(path: str, parsed: dict | None = None) -> Record | None:
    """The parsed file of a record, for the line and column of its fields (read again if not at hand)."""
    if parsed and path in parsed:
        return parsed[path]
    return load_record(path, Problems())


def _parsed(path: str, parsed: dict | None):
    """A function giving the parsed file of a record, read (once) only when called."""
    return functools.cache(lambda: _reload(path, parsed))


def _where(record: Record | None, *keys) -> tuple[int, int]:
    return record.where(*keys) if record is not None else (1, 1)


def _product_warnings(product, today, settings, site_root: str, problems: Problems, parsed=None) -> None:
    # The parsed file is read again only for a warning that needs a line (most records have none).
    record = _parsed(product.path, parsed)
    path = product.path
    current = product.current
    if expiring(current, today, expiry_window(settings)):
        index = certificate_index(record(), current)
        keys = ("certificates", index) if index is not None else ("certificates",)
        line, column = _where(record(), *keys)
        expiry = current.expiry
        if expiry.exact:
            problems.add(path, line, column, "warn_expiring", severity=WARNING, stars=current.stars,
                         decision=current.decision.id, expiry=expiry.earliest.isoformat(),
                         days=(expiry.earliest - today).days)
        else:
            problems.add(path, line, column, "warn_expiring_interval", severity=WARNING, stars=current.stars,
                         decision=current.decision.id, start=expiry.earliest.isoformat(),
                         end=expiry.latest.isoformat())
    if not has_photo(product):
        problems.add(path, 1, 1, "warn_no_photo", severity=WARNING,
                     folder=relative_path(product.folder, site_root) + "/")
    if not product.name_en:
        line, _ = record().key_where("name") if record() is not None else (1, 1)
        problems.add(path, line, 1, "warn_no_name_en", severity=WARNING)
    _source_and_verification(product, record, today, settings, problems, required=True)


def _source_and_verification(item, record, today, settings, problems: Problems, required: bool) -> None:
    """A record without sources, without a verification date (when required), or checked too long ago.

    `record()` gives the parsed file, for the line of a warning.
    """
    if not item.sources:
        problems.add(item.path, 1, 1, "warn_no_sources", severity=WARNING)
    if item.last_verified is None:
        if required:
            problems.add(item.path, 1, 1, "warn_not_verified", severity=WARNING)
        return
    age = (today - item.last_verified).days
    if age > verify_max_days(settings):
        line, column = _where(record(), "last_verified")
        problems.add(item.path, line, column, "warn_stale", severity=WARNING,
                     date=item.last_verified.isoformat(), days=age)


def news_without_text(path: str) -> int | None:
    """The line where the text of a news article should start, when it has no text; else None."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    start = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    body = "\n".join(lines[start:])
    if _COMMENT.sub("", body).strip():
        return None
    return min(start + 2, len(lines) + 1)


def warnings_for(catalogue, settings: dict | None = None) -> Problems:
    """Every housekeeping warning for a checked catalogue, judged on catalogue.today."""
    settings = settings or {}
    today = catalogue.today
    problems = Problems()
    site_root = os.path.dirname(os.path.abspath(catalogue.root))
    for product in catalogue.products.values():
        _product_warnings(product, today, settings, site_root, problems, catalogue.parsed)
    for producer in catalogue.producers.values():
        _source_and_verification(producer, _parsed(producer.path, catalogue.parsed), today, settings, problems,
                                 required=True)
    for table in (catalogue.regions, catalogue.decisions):
        for item in table.values():
            _source_and_verification(item, _parsed(item.path, catalogue.parsed), today, settings, problems,
                                     required=False)
    if settings.get("PATH"):

        for path in news_files(settings):
            line = news_without_text(path)
            if line is not None:
                problems.add(path, line, 1, "warn_news_empty", severity=WARNING)
    return problems


def log_warnings(catalogue, settings: dict, logger, limit: int | None = None) -> None:
    """Log housekeeping warnings, one line each, at most OCOP_BUILD_WARNINGS of them (never fatal).

    `make check` lists them all; a build of a large catalogue would otherwise
    bury its own messages under thousands of "no photo yet" lines, so those are
    one line of their own, with how many products still have no photo.
    """
    from ..core.messages import message_lang, render

    lang = message_lang(settings)
    limit = settings.get("OCOP_BUILD_WARNINGS", 20) if limit is None else limit
    root = os.path.dirname(os.path.abspath(settings.get("PATH", ".")))
    items = warnings_for(catalogue, settings).items
    # Only counted: one per product without a photo, so not sorted with the others.
    no_photo = len({w for w in items if w.code == "warn_no_photo"})
    found = sorted({w for w in items if w.code != "warn_no_photo"})
    if no_photo:
        logger.warning(f"{render('warning', {}, lang)}: {render('build_no_photo_summary', {'count': no_photo}, lang)}")
    for warning in found[:limit]:
        logger.warning(warning.format(lang, root))
    if len(found) > limit:
        more = len(found) - limit
        logger.warning(f"… {more} cảnh báo nữa: `make check` liệt kê tất cả" if lang == "vi"
                       else f"… {more} more warnings: `make check` lists them all")
