"""The programme in numbers: reported figures (products/_figures.yaml) beside counts from the records.

The reported figures are read and checked with the records (records/figures.py).
`compute_numbers()`, a pure function, counts one language's catalogue view (by year of first
  certification, star level, district, group, producer legal form, validity
  today), puts the reported figures beside the record counts with the share
  the catalogue covers, and lays out the bar charts the numbers page draws as
  inline SVG. Nothing is guessed: a certificate known only to have been signed
  within an interval spanning two years counts in its own bucket ("2019–2020").
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from ..records import certificates as cert_rules
from ..records.figures import Figures
from ..records.targets import measure
from .charts import Bar, Chart, layout, percent

# How a plan target is measured on the records (the same names as `ocop report`'s OCOP_TARGETS).
MEASURES = ("new_products", "upgraded_3_to_4")
STATUS_ORDER = (cert_rules.VALID, cert_rules.UNKNOWN, cert_rules.EXPIRED, cert_rules.REVOKED)
NO_PRODUCER, UNKNOWN_FORM = "no_producer", "unknown_form"


# reported figures ---------------------------------------------------------------


# counting the records ------------------------------------------------------------


def year_bucket(span: cert_rules.Span) -> tuple[int, int]:
    """(first year, last year) a signing date may fall in: equal when the year is known."""
    return span.earliest.year, span.latest.year


def bucket_label(bucket: tuple[int, int]) -> str:
    """`2021`, or `2019–2020` for a date known only to lie in either year."""
    return str(bucket[0]) if bucket[0] == bucket[1] else f"{bucket[0]}–{bucket[1]}"


@dataclass
class Source:
    """A source cited by the reported figures, numbered for the page's source list."""

    number: int
    source: object


@dataclass
class Row:
    """A reported figure ready to show: its text in the page's language and its source numbers."""

    item: object
    label: str | None = None
    label_lang: str | None = None
    note: str | None = None
    note_lang: str | None = None
    when: str | None = None
    refs: list[int] = field(default_factory=list)
    records: int | None = None
    possible: int = 0
    undated: bool = False

    @property
    def coverage(self) -> int | None:
        """The records as a percentage of the reported products (None when not comparable)."""
        value = getattr(self.item, "products", None)
        return percent(self.records, value) if self.records is not None else None


@dataclass
class Coverage:
    """How many of the products the sources report for some years the catalogue has records for."""

    years: str
    reported: int
    records: int
    possible: int

    @property
    def percent(self) -> int | None:
        """The records as a whole percentage of the reported products."""
        return percent(self.records, self.reported)


@dataclass
class Numbers:
    """Everything the numbers page shows, for one language."""

    lang: str
    today: datetime.date
    products: int
    certified: int
    years: Chart
    stars: Chart
    validity: Chart
    districts: Chart
    groups: Chart
    legal_forms: Chart
    coverage: Coverage | None = None
    reported_years: list[Row] = field(default_factory=list)
    totals: list[Row] = field(default_factory=list)
    other: list[Row] = field(default_factory=list)
    targets: list[Row] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    certificates: int = 0
    totals_chart: Chart | None = None


class _Citations:
    """Numbers the sources of the reported figures in order of first citation."""

    def __init__(self):
        self.sources: list[Source] = []
        self._index: dict = {}

    def refs(self, sources: list) -> list[int]:
        """The numbers of `sources`, numbering those not cited before."""
        numbers = []
        for source in sources:
            key = source.id or id(source)
            if key not in self._index:
                self._index[key] = len(self.sources) + 1
                self.sources.append(Source(self._index[key], source))
            numbers.append(self._index[key])
        return numbers


def _text(item, name: str, lang: str) -> tuple[str | None, str | None]:
    """An item's text in `lang` (NAME_en on English pages) and its language when it is not `lang`."""
    if lang != "vi":
        translated = getattr(item, f"{name}_{lang}", None)
        if translated:
            return translated, None
    value = getattr(item, name, None)
    return value, ("vi" if value and lang != "vi" else None)


def _row(item, lang: str, citations: _Citations, label: bool = False) -> Row:
    row = Row(item=item, refs=citations.refs(item.sources))
    row.note, row.note_lang = _text(item, "note", lang)
    if label:
        row.label, row.label_lang = _text(item, "label", lang)
    as_of = getattr(item, "as_of", None)
    row.when = as_of.text(lang) if as_of is not None else None
    return row


def compute_numbers(view, figures: Figures | None) -> Numbers:
    """Count one language's catalogue view and set the reported figures beside the counts."""
    lang, rules = view.lang, view.rules
    products = list(view.products)
    records = [p.record for p in products]
    citations = _Citations()

    # by year of first certification; the reported years beside them
    first = {p.slug: year_bucket(p.record.certificates[0].signed) for p in products}
    # Each count is one pass over the products (Counter), not one pass per bar: 10,000 products.
    first_count = Counter(first.values())
    issued: dict[tuple[int, int], int] = {}
    for record in records:
        for certificate in record.certificates:
            bucket = year_bucket(certificate.signed)
            issued[bucket] = issued.get(bucket, 0) + 1
    reported = {r.year: r for r in (figures.certified_by_year if figures else [])}
    buckets = sorted(set(first.values()) | {(y, y) for y in reported} | set(issued))
    year_rows = []
    for bucket in buckets:
        row = Bar(key=bucket_label(bucket), label=bucket_label(bucket),
                  value=first_count[bucket],
                  reported=reported[bucket[0]].products if bucket[0] == bucket[1] and bucket[0] in reported else None)
        row.extra = {"certificates": issued.get(bucket, 0), "span": bucket[0] != bucket[1]}
        year_rows.append(row)

    coverage = None
    if reported:
        years = sorted(reported)
        inside = sum(1 for b in first.values() if all(y in reported for y in range(b[0], b[1] + 1)))
        overlapping = sum(1 for b in first.values() if any(b[0] <= y <= b[1] for y in years))
        contiguous = years == list(range(years[0], years[-1] + 1))
        label = (f"{years[0]}–{years[-1]}" if contiguous and len(years) > 1
                 else ", ".join(str(y) for y in years))
        coverage = Coverage(label, sum(r.products for r in reported.values()), inside, overlapping - inside)

    # current star level, all levels
    star_count = Counter(p.stars for p in products)
    star_rows = [Bar(key=str(level.id), label=level.label(lang), content=level, value=star_count[level.id])
                 for level in view.star_levels]

    # validity today: products (any valid certificate counts) and every certificate
    certificate_status = [c.status for r in records for c in r.certificates]
    validity_count, certificate_count = Counter(p.validity for p in products), Counter(certificate_status)
    validity_rows = []
    for status in STATUS_ORDER:
        count, certificates = validity_count[status], certificate_count[status]
        if status == cert_rules.REVOKED and not count and not certificates:
            continue
        row = Bar(key=status, value=count)
        row.extra = {"certificates": certificates}
        validity_rows.append(row)

    # districts: all of them, zeros included, ranked
    reported_regions = {r.region: r for r in (figures.regions if figures else [])}
    districts = [r for r in view.regions if not r.record.parent]
    order = {r.slug: i for i, r in enumerate(districts)}
    region_count = Counter(p.region.slug for p in products)
    district_rows = []
    for region in districts:
        ids = {region.slug} | {r.slug for r in view.regions if r.record.parent == region.slug}
        row = Bar(key=region.slug, label=region.title, content=region,
                  label_lang=region.title_lang if region.title_lang != lang else None,
                  value=sum(region_count[i] for i in ids))
        if region.slug in reported_regions:
            row.reported = reported_regions[region.slug].products
            row.extra = {"figure": reported_regions[region.slug]}
        district_rows.append(row)
    district_rows.sort(key=lambda r: (-r.value, order[r.key]))

    # groups of the criteria regimes the current certificates fall under
    regimes = {r.current.regime for r in records} or set(rules["regimes"])
    group_count = Counter(p.group.id for p in products)
    group_rows = [Bar(key=g.id, label=g.label(lang), content=g, value=group_count[g.id])
                  for g in view.groups if regimes & set(rules["groups"][g.id]["regimes"])]
    group_order = {row.key: i for i, row in enumerate(group_rows)}
    group_rows.sort(key=lambda r: (-r.value, group_order[r.key]))

    # producers' legal forms, with products whose producer is not recorded
    def form_of(product) -> str:
        if product.producer is None:
            return NO_PRODUCER
        return product.producer.record.legal_form or UNKNOWN_FORM

    forms = Counter(form_of(p) for p in products)
    form_rows = [Bar(key=key, label=entry.get(lang) or entry["vi"], value=forms[key])
                 for key, entry in rules["legal_forms"].items()]
    if forms[UNKNOWN_FORM]:
        form_rows.append(Bar(key=UNKNOWN_FORM, value=forms[UNKNOWN_FORM]))
    form_rows.append(Bar(key=NO_PRODUCER, value=forms[NO_PRODUCER]))

    numbers = Numbers(
        lang=lang, today=view.today, products=len(products), certified=sum(1 for p in products if p.certified),
        years=layout("nam", year_rows), stars=layout("hang-sao", star_rows),
        validity=layout("hieu-luc", validity_rows), districts=layout("dia-ban", district_rows),
        groups=layout("nhom", group_rows), legal_forms=layout("loai-hinh", form_rows), coverage=coverage,
        certificates=len(certificate_status),
    )
    if figures is None:
        return numbers

    for item in figures.certified_by_year:
        row = _row(item, lang, citations)
        row.records = first_count[(item.year, item.year)]
        row.possible = sum(1 for b in first.values() if b[0] <= item.year <= b[1] and b[0] != b[1])
        numbers.reported_years.append(row)
    for item in figures.totals:
        row = _row(item, lang, citations)
        if item.as_of is None:
            row.records, row.undated = len(records), True
        else:
            end = item.as_of.end
            row.records = sum(1 for r in records if r.certificates[0].signed.latest <= end)
            row.possible = sum(1 for r in records if r.certificates[0].signed.earliest <= end
                               < r.certificates[0].signed.latest)
        numbers.totals.append(row)
    if numbers.totals:  # the province's reported totals, the records by each date inside them
        numbers.totals_chart = layout("tong-so", [Bar(key="undated" if row.undated else "dated", label=row.when,
                                                      value=row.records, reported=row.item.products)
                                                  for row in numbers.totals])
    for region_row in district_rows:  # the district figures' sources are numbered in page order
        if "figure" in region_row.extra:
            region_row.extra["figure"] = _row(region_row.extra["figure"], lang, citations)
    for item in figures.other:
        numbers.other.append(_row(item, lang, citations, label=True))
    for item in figures.targets:
        row = _row(item, lang, citations, label=True)
        if item.measure in MEASURES:
            matches = [measure(r, item.measure, item.year) for r in records]
            row.records, row.possible = matches.count("certain"), matches.count("possible")
        numbers.targets.append(row)
    numbers.sources = citations.sources
    return numbers
