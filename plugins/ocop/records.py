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
import difflib
import os
from dataclasses import dataclass, field

from . import certificates as cert_rules
from .fingerprints import digest
from .numbers import FIGURES_FILE, Figures, figures_from
from .photos import Photo, check_photos
from .problems import Problems, field_name
from .rules import load_rules
from .schema_check import check_record, parse_date
from .settings import apply_defaults
from .slugs import is_id, slugify
from .trade import OtherCertificate, Trade, gtin13_valid, other_certificate_from, trade_from
from .workers import run_all, worker_count
from .yaml_loader import MAX_FILE_BYTES, Record, load_record

PRODUCT_FILE = "product.yaml"
PROVINCE_FILE = "_province.yaml"
RECORD_FOLDERS = {
    "_regions": "region",
    "_producers": "producer",
    "_decisions": "decision",
    "_sources": "source",
}


@dataclass
class Source:
    """A cited document."""

    id: str | None
    title: str
    url: str | None = None
    publisher: str | None = None
    published: datetime.date | None = None
    note: str | None = None
    note_en: str | None = None


@dataclass
class Region:
    """An administrative unit (district-level before 1 July 2025, or a commune)."""

    id: str
    name: str
    type: str
    path: str
    name_en: str | None = None
    parent: str | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    successors: list[str] = field(default_factory=list)
    order: int | None = None
    description: str | None = None
    description_en: str | None = None
    sources: list[Source] = field(default_factory=list)
    last_verified: datetime.date | None = None


@dataclass
class Decision:
    """A recognition decision; one decision may certify many products."""

    id: str
    issuer: str
    issuer_level: str
    regime: str
    signed: cert_rules.Span | None
    path: str
    number: str | None = None
    title: str | None = None
    title_en: str | None = None
    issuer_en: str | None = None
    signed_reason: str | None = None
    signed_reason_en: str | None = None
    note: str | None = None
    note_en: str | None = None
    sources: list[Source] = field(default_factory=list)
    last_verified: datetime.date | None = None


@dataclass
class Certificate:
    """One recognition of one product: a line of its certificate history."""

    decision: Decision
    stars: int
    group: str
    expiry: cert_rules.Span | None
    status: str
    score: float | None = None
    revoked: datetime.date | None = None
    note: str | None = None
    note_en: str | None = None
    sources: list[Source] = field(default_factory=list)

    @property
    def signed(self) -> cert_rules.Span | None:
        """When the decision was signed (exact, or an interval)."""
        return self.decision.signed

    @property
    def regime(self) -> str:
        """The criteria regime of the decision (qd1048 or qd148)."""
        return self.decision.regime


@dataclass
class AltName:
    """Another spelling of a name, with the source that uses it."""

    name: str
    source: Source | None = None


@dataclass
class Contact:
    """A public contact published by a source."""

    type: str
    value: str
    source: Source | None = None


@dataclass
class Producer:
    """A cooperative, company, household business or facility that owns products."""

    id: str
    name: str
    path: str
    name_en: str | None = None
    alt_names: list[AltName] = field(default_factory=list)
    legal_form: str | None = None
    region: str | None = None
    commune: str | None = None
    address: str | None = None
    description: str | None = None
    description_en: str | None = None
    website: str | None = None
    contacts: list[Contact] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    trade: Trade = field(default_factory=Trade)
    other_certificates: list[OtherCertificate] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    last_verified: datetime.date | None = None


@dataclass
class ProductRecord:
    """One product folder's record, with its certificate history oldest first."""

    id: str
    name: str
    region: str
    path: str
    folder: str
    certificates: list[Certificate]
    name_en: str | None = None
    alt_names: list[AltName] = field(default_factory=list)
    commune: str | None = None
    producer: str | None = None
    description: str | None = None
    description_en: str | None = None
    photos: list[Photo] = field(default_factory=list)
    trade: Trade = field(default_factory=Trade)
    other_certificates: list[OtherCertificate] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    last_verified: datetime.date | None = None

    @property
    def current(self) -> Certificate:
        """The latest certificate: its stars and group describe the product today."""
        return self.certificates[-1]

    @property
    def certified(self) -> bool:
        """True when some certificate is valid today."""
        return any(c.status == cert_rules.VALID for c in self.certificates)

    @property
    def status(self) -> str:
        """valid if any certificate is valid, else the latest certificate's status."""
        return cert_rules.VALID if self.certified else self.current.status


@dataclass
class Province:
    """The province publishing the catalogue."""

    name: str
    office: str
    path: str
    name_en: str | None = None
    country: str = "VN"
    office_en: str | None = None
    office_url: str | None = None
    description: str | None = None
    description_en: str | None = None
    sources: list[Source] = field(default_factory=list)


@dataclass
class Catalogue:
    """Everything the data folder holds, after checking."""

    root: str
    today: datetime.date
    province: Province | None = None
    regions: dict[str, Region] = field(default_factory=dict)
    producers: dict[str, Producer] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    products: dict[str, ProductRecord] = field(default_factory=dict)
    figures: Figures | None = None  # the reported programme figures of _figures.yaml, when present
    problems: Problems = field(default_factory=Problems)
    # ids whose record file exists, valid or not, by kind
    present: dict[str, set[str]] = field(default_factory=dict)
    # the parsed file of every usable record, by path: where each value is, for later messages
    parsed: dict[str, Record] = field(default_factory=dict)


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
    linker = _Linker(catalogue, rules, months, problems, settings)
    # Ids whose file exists but could not be used: references to them are not
    # reported again as missing (the file's own problems say what is wrong).
    catalogue.present = {kind: {record_id for record_id, _ in entries} for kind, entries in files.by_kind.items()}
    linker.present = catalogue.present
    for record_id, record in parsed.get("source", []):
        catalogue.sources[record_id] = _source_from(record.data, record_id)
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


def _source_from(data: dict, source_id: str | None) -> Source:
    return Source(
        id=source_id,
        title=data["title"],
        url=data.get("url"),
        publisher=data.get("publisher"),
        published=parse_date(data.get("published")),
        note=data.get("note"),
        note_en=data.get("note_en"),
    )


class _Linker:
    """Turns schema-valid records into objects, checking references between them."""

    def __init__(self, catalogue: Catalogue, rules: dict, months: int, problems: Problems, settings: dict):
        self.settings = settings
        self.catalogue = catalogue
        self.rules = rules
        self.months = months
        self.problems = problems
        self.present: dict[str, set[str]] = {}

    # references -----------------------------------------------------------

    def ref(self, record: Record, keys: tuple, value: str, table: dict, kind: str, folder: str):
        """The object `value` names in `table`, or None after reporting it missing."""
        if value in table:
            return table[value]
        if value in self.present.get(kind, ()):
            return None
        line, column = record.where(*keys)
        suggestion = difflib.get_close_matches(value, list(table), n=1, cutoff=0.6)
        self.problems.add(
            record.path, line, column, "unknown_ref", field=field_name(keys), kind=f"kind_{kind}",
            value=value, expected=os.path.join(self.catalogue.root, folder, value + ".yaml"),
            suggestion=suggestion[0] if suggestion else "",
        )
        return None

    def sources(self, record: Record, keys: tuple, items: list | None) -> list[Source]:
        """The Source objects of a `sources` list (ids or inline entries)."""
        result = []
        for index, item in enumerate(items or []):
            source = self.source(record, keys + (index,), item)
            if source is not None:
                result.append(source)
        return result

    def source(self, record: Record, keys: tuple, item) -> Source | None:
        """One source reference: an id in _sources/ or an inline title and URL."""
        if item is None:
            return None
        if isinstance(item, str):
            return self.ref(record, keys, item, self.catalogue.sources, "source", "_sources")
        return _source_from(item, None)

    def alt_names(self, record: Record, items: list | None) -> list[AltName]:
        return [
            AltName(item["name"], self.source(record, ("alt_names", i, "source"), item.get("source")))
            for i, item in enumerate(items or [])
        ]

    def trade(self, record: Record, data: dict | None) -> Trade:
        """Trade facts, with the GTIN-13 check digit verified."""
        trade = trade_from(data)
        if trade.gtin13 and not gtin13_valid(trade.gtin13):
            total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(trade.gtin13[:12]))
            line, column = record.where("trade", "gtin13")
            self.problems.add(record.path, line, column, "gtin_check_digit", field="trade.gtin13",
                              value=trade.gtin13, expected=(10 - total % 10) % 10)
        return trade

    def other_certificates(self, record: Record, items: list | None) -> list[OtherCertificate]:
        """VietGAP, HACCP… certificates with their sources resolved."""
        return [
            other_certificate_from(item, self.source(record, ("other_certificates", i, "source"), item["source"]),
                                   self.catalogue.today)
            for i, item in enumerate(items or [])
        ]

    # records --------------------------------------------------------------

    def province(self, record: Record) -> Province:
        data = record.data
        return Province(
            name=data["name"], office=data["office"], path=record.path,
            name_en=data.get("name_en"), country=data.get("country", "VN"),
            office_en=data.get("office_en"), office_url=data.get("office_url"),
            description=data.get("description"), description_en=data.get("description_en"),
            sources=self.sources(record, ("sources",), data.get("sources")),
        )

    def region(self, region_id: str, record: Record) -> Region:
        data = record.data
        return Region(
            id=region_id, name=data["name"], type=data["type"], path=record.path,
            name_en=data.get("name_en"), parent=data.get("parent"),
            valid_from=parse_date(data.get("valid_from")), valid_to=parse_date(data.get("valid_to")),
            successors=list(data.get("successors") or []), order=data.get("order"),
            description=data.get("description"), description_en=data.get("description_en"),
            sources=self.sources(record, ("sources",), data.get("sources")),
            last_verified=parse_date(data.get("last_verified")),
        )

    def region_links(self, region: Region, parsed: dict) -> None:
        """Check a region's parent and successors once every region is known."""
        record = next(r for i, r in parsed.get("region", []) if i == region.id)
        regions = self.catalogue.regions
        if region.parent:
            self.ref(record, ("parent",), region.parent, regions, "region", "_regions")
        for index, successor in enumerate(region.successors):
            self.ref(record, ("successors", index), successor, regions, "region", "_regions")
        if region.valid_from and region.valid_to and region.valid_from > region.valid_to:
            line, column = record.where("valid_to")
            self.problems.add(record.path, line, column, "interval_reversed", field="valid_from",
                              start=region.valid_from.isoformat(), end=region.valid_to.isoformat())

    def decision(self, decision_id: str, record: Record) -> Decision | None:
        data = record.data
        signed = None
        between = data.get("signed_between")
        if data.get("signed") and between:
            line, column = record.where("signed_between")
            self.problems.add(record.path, line, column, "signed_both")
        elif data.get("signed"):
            day = parse_date(data["signed"])
            signed = cert_rules.Span(day, day)
        elif between:
            start, end = parse_date(between["from"]), parse_date(between["to"])
            if start > end:
                line, column = record.where("signed_between", "to")
                self.problems.add(record.path, line, column, "interval_reversed", field="signed_between",
                                  start=start.isoformat(), end=end.isoformat())
            else:
                signed = cert_rules.Span(start, end)
        else:
            self.problems.add(record.path, 1, 1, "signed_missing")
        decision = Decision(
            id=decision_id, issuer=data["issuer"], issuer_level=data["issuer_level"],
            regime=data["regime"], signed=signed, path=record.path,
            number=data.get("number"), title=data.get("title"), title_en=data.get("title_en"),
            issuer_en=data.get("issuer_en"),
            signed_reason=(between or {}).get("reason"), signed_reason_en=(between or {}).get("reason_en"),
            note=data.get("note"), note_en=data.get("note_en"),
            sources=self.sources(record, ("sources",), data.get("sources")),
            last_verified=parse_date(data.get("last_verified")),
        )
        return decision if signed is not None else None

    def producer(self, producer_id: str, record: Record) -> Producer:
        data = record.data
        if data.get("region"):
            self.ref(record, ("region",), data["region"], self.catalogue.regions, "region", "_regions")
        contacts = [
            Contact(c["type"], c["value"], self.source(record, ("contacts", i, "source"), c.get("source")))
            for i, c in enumerate(data.get("contacts") or [])
        ]
        return Producer(
            id=producer_id, name=data["name"], path=record.path, name_en=data.get("name_en"),
            alt_names=self.alt_names(record, data.get("alt_names")),
            legal_form=data.get("legal_form"), region=data.get("region"), commune=data.get("commune"),
            address=data.get("address"), description=data.get("description"),
            description_en=data.get("description_en"), website=data.get("website"), contacts=contacts,
            photos=check_photos(record, os.path.join(os.path.dirname(record.path), producer_id),
                                data.get("photos"), self.problems, self.settings),
            trade=self.trade(record, data.get("trade")),
            other_certificates=self.other_certificates(record, data.get("other_certificates")),
            sources=self.sources(record, ("sources",), data.get("sources")),
            last_verified=parse_date(data.get("last_verified")),
        )

    def product(self, product_id: str, record: Record) -> ProductRecord | None:
        data = record.data
        catalogue = self.catalogue
        region = self.ref(record, ("region",), data["region"], catalogue.regions, "region", "_regions")
        producer_ok = True
        if data.get("producer"):
            producer_ok = self.ref(
                record, ("producer",), data["producer"], catalogue.producers, "producer", "_producers"
            ) is not None
        certificates = []
        for index, item in enumerate(data["certificates"]):
            certificate = self.certificate(record, index, item)
            if certificate is not None:
                certificates.append(certificate)
        sources = self.sources(record, ("sources",), data["sources"])
        photos = check_photos(record, os.path.dirname(record.path), data.get("photos"), self.problems, self.settings)
        if region is None or not producer_ok or len(certificates) != len(data["certificates"]):
            return None
        certificates.sort(key=lambda c: (c.signed.latest, c.signed.earliest))
        return ProductRecord(
            id=product_id, name=data["name"], region=data["region"], path=record.path,
            folder=os.path.dirname(record.path), certificates=certificates,
            name_en=data.get("name_en"), alt_names=self.alt_names(record, data.get("alt_names")),
            commune=data.get("commune"), producer=data.get("producer"),
            description=data.get("description"), description_en=data.get("description_en"),
            photos=photos, trade=self.trade(record, data.get("trade")),
            other_certificates=self.other_certificates(record, data.get("other_certificates")),
            sources=sources, last_verified=parse_date(data.get("last_verified")),
        )

    def certificate(self, record: Record, index: int, item: dict) -> Certificate | None:
        keys = ("certificates", index)
        decision = self.ref(record, keys + ("decision",), item["decision"], self.catalogue.decisions,
                            "decision", "_decisions")
        sources = self.sources(record, keys + ("sources",), item.get("sources"))
        if decision is None:
            return None
        ok = True
        regime = self.rules["regimes"][decision.regime]
        group = self.rules["groups"][item["group"]]
        if decision.regime not in group["regimes"]:
            allowed = [g for g, entry in self.rules["groups"].items() if decision.regime in entry["regimes"]]
            line, column = record.where(*keys, "group")
            self.problems.add(record.path, line, column, "group_not_in_regime", field=field_name(keys + ("group",)),
                              value=item["group"], regime=regime["vi"], decision=decision.id,
                              allowed=", ".join(allowed))
            ok = False
        allowed_stars = regime["certifying_levels"].get(decision.issuer_level, [])
        if item["stars"] not in allowed_stars:
            line, column = record.where(*keys, "stars")
            self.problems.add(record.path, line, column, "stars_not_for_level", field=field_name(keys + ("stars",)),
                              value=item["stars"], decision=decision.id,
                              level=self.rules["issuer_levels"][decision.issuer_level]["vi"],
                              regime=regime["vi"],
                              allowed=", ".join(str(s) for s in allowed_stars) or "0")
            ok = False
        expires = parse_date(item.get("expires"))
        revoked = parse_date(item.get("revoked"))
        for name, day, code in (("expires", expires, "expires_before_signed"),
                                ("revoked", revoked, "revoked_before_signed")):
            if day is not None and day < decision.signed.earliest:
                line, column = record.where(*keys, name)
                self.problems.add(record.path, line, column, code, field=field_name(keys + (name,)),
                                  value=day.isoformat(), signed=decision.signed.earliest.isoformat())
                ok = False
        if not ok:
            return None
        expiry = cert_rules.expiry_span(decision.signed, self.months, expires)
        return Certificate(
            decision=decision, stars=item["stars"], group=item["group"], expiry=expiry,
            status=cert_rules.status(expiry, self.catalogue.today, revoked),
            score=item.get("score"), revoked=revoked, note=item.get("note"), note_en=item.get("note_en"),
            sources=sources,
        )

