"""The catalogue's records as typed objects: what the data folder says, checked.

`load_catalogue()` reads every record under the data folder, checks each
against its JSON Schema and then against the others (ids that must exist,
groups of the right regime, stars the issuer may award, dates that add up),
and returns the catalogue with every problem found. It never raises for bad
input and never stops at the first problem.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from dataclasses import dataclass, field

from ..core.fingerprints import digest
from ..core.problems import Problems
from ..core.settings import apply_defaults
from ..core.slugs import is_id, slugify
from ..core.workers import run_all, worker_count
from .figures import FIGURES_FILE, figures_from
from .linker import Linker, source_from
from .model import PRODUCT_FILE, PROVINCE_FILE, RECORD_FOLDERS, Catalogue
from .rules import load_rules
from .schema_check import check_record
from .text import MAX_FILE_BYTES
from .yaml_loader import Record, load_record


@dataclass
class _Files:
    """Record files found under the data folder, by kind."""

    province: str | None = None
    figures: str | None = None
    by_kind: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # kind -> [(id, path)]


def load_catalogue(root: str, today: datetime.date, validity_months: int | None = None,
                   rules: dict | None = None, settings: dict | None = None, store=None) -> Catalogue:
    """Read, check and link every record under `root`; problems are in `.problems`.

    `store` (a build_cache.Store) keeps records that were read and checked
    without any problem, by the digest of their bytes, for the next build.
    """
    rules = rules or load_rules()
    settings = apply_defaults(dict(settings or {}))
    months = validity_months or rules["validity_months"]
    catalogue = Catalogue(root=root, today=today)
    problems = catalogue.problems
    files = _find_files(root, problems)

    parsed: dict[str, list[tuple[str, Record]]] = {}
    jobs = [(kind, record_id, path) for kind, entries in files.by_kind.items() for record_id, path in entries]
    if files.province:
        jobs.append(("province", "province", files.province))
    workers, minimum = worker_count(settings.get("OCOP_RENDER_WORKERS")), settings["OCOP_PARALLEL_MIN_PAGES"]
    for (kind, record_id, _), record in zip(jobs, checked_records(jobs, problems, store, workers, minimum),
                                            strict=True):
        if record is not None:
            parsed.setdefault(kind, []).append((record_id, record))
    if not files.province:
        problems.add(os.path.join(root, PROVINCE_FILE), 1, 1, "missing_province",
                     expected=os.path.join(root, PROVINCE_FILE))

    catalogue.parsed = {record.path: record for entries in parsed.values() for _, record in entries}
    linker = Linker(catalogue, rules, months, problems, settings)
    # Ids whose file exists but could not be used: references to them are not
    # reported again as missing (the file's own problems say what is wrong).
    catalogue.present = {kind: {record_id for record_id, _ in entries} for kind, entries in files.by_kind.items()}
    linker.present = catalogue.present
    for record_id, record in parsed.get("source", []):
        catalogue.sources[record_id] = source_from(record.data, record_id)
    for record_id, record in parsed.get("region", []):
        catalogue.regions[record_id] = linker.region(record_id, record)
    for record_id, record in parsed.get("decision", []):
        decision = linker.decision(record_id, record)
        if decision is not None:
            catalogue.decisions[record_id] = decision
    for _, record in parsed.get("province", []):
        catalogue.province = linker.province(record)
    for record_id, record in parsed.get("producer", []):
        catalogue.producers[record_id] = linker.producer(record_id, record)
    for record_id, record in parsed.get("product", []):
        product = linker.product(record_id, record)
        if product is not None:
            catalogue.products[record_id] = product
    for region in catalogue.regions.values():
        linker.region_links(region, parsed)
    if files.figures:  # optional: the programme's reported figures, checked like a record
        record = load_record(files.figures, problems)
        if record is not None and check_record("figures", record, problems):
            catalogue.figures = figures_from(record, linker)
    return catalogue


def checked_records(jobs: list[tuple[str, str, str]], problems: Problems, store=None, workers: int = 1,
                    minimum: int = 200) -> list[Record | None]:
    """`checked_record` for each (kind, id, path), in order; files not in `store` are read by `workers` processes.

    Reading and checking a file (YAML, then its JSON Schema) is most of a cold
    build's first minute at 10,000 products, and files are independent.
    """
    results: list[Record | None] = [None] * len(jobs)
    unread = []
    for index, (kind, _, path) in enumerate(jobs):
        raw = _raw(path) if store is not None else None
        key = digest(kind, raw) if raw is not None else None
        cached = store.get(key) if key is not None else None
        if cached is not None:
            results[index] = dataclasses.replace(cached, path=path)  # the same bytes may live in two files
        else:
            unread.append((index, kind, path, raw, key))

    def read(job):
        _, kind, path, raw, _ = job
        found = Problems()
        record = load_record(path, found, raw)
        if record is not None and not check_record(kind, record, found):
            record = None
        return record, found.items

    for (index, _, _, _, key), (record, items) in zip(unread, run_all(unread, read, workers, minimum), strict=True):
        problems.items.extend(items)
        results[index] = record
        if record is not None and key is not None and not items:
            store.put(key, record)
    return results


def _raw(path: str) -> bytes | None:
    """The file's bytes (up to what load_record reads), None when it cannot be read (load_record says why)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        return None


def _find_files(root: str, problems: Problems) -> _Files:
    """Walk the data folder's fixed layout, reporting names editors got wrong."""
    files = _Files(by_kind={kind: [] for kind in ("product", *RECORD_FOLDERS.values())})
    real_root = os.path.realpath(root)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        problems.add(root, 1, 1, "file_unreadable", reason=exc.strerror or str(exc))
        return files
    # Valid names first, so that a misspelt twin is reported as a duplicate of them.
    entries.sort(key=lambda e: (not is_id(e.name), e.name))
    product_ids: dict[str, str] = {}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not _inside(entry.path, real_root):
            problems.add(entry.path, 1, 1, "unsafe_path", name=entry.name)
            continue
        if entry.name == PROVINCE_FILE and entry.is_file():
            files.province = entry.path
        elif entry.name in RECORD_FOLDERS and entry.is_dir():
            kind = RECORD_FOLDERS[entry.name]
            ids: dict[str, str] = {}
            children = sorted(os.scandir(entry.path), key=lambda e: e.name)
            children.sort(key=lambda e: (not is_id(os.path.splitext(e.name)[0]), e.name))
            for child in children:
                if child.name.startswith(".") or not child.name.endswith((".yaml", ".yml")):
                    continue
                if child.is_symlink() and not _inside(child.path, real_root):
                    problems.add(child.path, 1, 1, "unsafe_path", name=child.name)
                    continue
                stem = os.path.splitext(child.name)[0]
                if not is_id(stem) or child.name.endswith(".yml"):
                    _bad_name(child.path, stem, ids, problems, "bad_file_name")
                    continue
                ids[stem] = child.path
                files.by_kind[kind].append((stem, child.path))
        elif entry.name == FIGURES_FILE and entry.is_file():
            files.figures = entry.path
        elif entry.name.startswith("_"):
            problems.add(entry.path, 1, 1, "unknown_folder", name=entry.name,
                         known=", ".join(sorted(RECORD_FOLDERS)))
        elif entry.is_dir():
            record_path = os.path.join(entry.path, PRODUCT_FILE)
            if not is_id(entry.name):
                _bad_name(record_path, entry.name, product_ids, problems, "bad_folder_name")
                continue
            if not os.path.isfile(record_path):
                others = sorted(n for n in os.listdir(entry.path) if n.endswith((".yaml", ".yml")))
                if others:
                    problems.add(os.path.join(entry.path, others[0]), 1, 1, "unexpected_file",
                                 name=others[0], expected=PRODUCT_FILE)
                else:
                    problems.add(entry.path, 1, 1, "missing_record_file", expected=PRODUCT_FILE)
                continue
            if os.path.islink(record_path) and not _inside(record_path, real_root):
                problems.add(record_path, 1, 1, "unsafe_path", name=PRODUCT_FILE)
                continue
            product_ids[entry.name] = record_path
            files.by_kind["product"].append((entry.name, record_path))
    return files


def _inside(path: str, real_root: str) -> bool:
    """True when `path`, symbolic links resolved, stays inside the data folder.

    Only symbolic links are asked: the walk checks each level before it goes
    into it, so anything else is inside because its folder is.
    """
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root + os.sep)


def _bad_name(path: str, name: str, existing: dict[str, str], problems: Problems, code: str) -> None:
    """Report a file or folder name that is not an id, or that twins another one."""
    suggestion = slugify(name) or "ten-moi"
    if suggestion in existing:
        other = os.path.relpath(existing[suggestion], os.path.dirname(os.path.dirname(path)))
        problems.add(path, 1, 1, "duplicate_id", name=name, value=suggestion, other=other)
    else:
        problems.add(path, 1, 1, code, name=name, suggestion=suggestion)
    existing.setdefault(suggestion, path)


