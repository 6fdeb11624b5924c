"""Reported programme figures (products/_figures.yaml): what the sources say, checked like records."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from ..core.dates import MONTHS_EN, date_in
from ..core.problems import field_name

FIGURES_FILE = "_figures.yaml"


@dataclass(frozen=True)
class PartialDate:
    """A reported date known to the year, the month or the day: `2024`, `2023-02`, `2021-12-31`."""

    start: datetime.date
    end: datetime.date
    precision: str  # year | month | day

    def text(self, lang: str) -> str:
        """2024; 02/2023 or Feb 2023; a full date the way the language writes dates."""
        if self.precision == "year":
            return str(self.start.year)
        if self.precision == "month":
            if lang == "en":
                return f"{MONTHS_EN[self.start.month - 1]} {self.start.year}"
            return f"{self.start.month:02d}/{self.start.year}"
        return date_in(self.start, lang)


def parse_partial_date(value) -> PartialDate | None:
    """A year (int or text), `YYYY-MM` or `YYYY-MM-DD` (schema-checked), or None when it is not a real date."""
    if value is None:
        return None
    text = str(value)
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return PartialDate(datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31), "year")
        if len(parts) == 2:
            year, month = parts
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return PartialDate(datetime.date(year, month, 1), datetime.date(year, month, last), "month")
        day = datetime.date(*parts)
        return PartialDate(day, day, "day")
    except (ValueError, TypeError):
        return None


@dataclass
class StarCounts:
    """Products by star level, as far as the source breaks them down (None: not given)."""

    three: int | None = None
    four: int | None = None
    five: int | None = None

    @property
    def given(self) -> bool:
        """True when the source breaks the figure down by star level at all."""
        return any(v is not None for v in (self.three, self.four, self.five))

    def items(self) -> list[tuple[int, int]]:
        """(stars, count) for the levels the source gives."""
        return [(s, v) for s, v in ((3, self.three), (4, self.four), (5, self.five)) if v is not None]


@dataclass
class ReportedYear:
    """Products certified in one year, as reported."""

    year: int
    products: int
    stars: StarCounts
    sources: list
    note: str | None = None
    note_en: str | None = None


@dataclass
class ReportedTotal:
    """The programme's total at a reported date (None: the source gives no date)."""

    products: int
    sources: list
    as_of: PartialDate | None = None
    producers: int | None = None
    districts: int | None = None
    stars: StarCounts = field(default_factory=StarCounts)
    note: str | None = None
    note_en: str | None = None


@dataclass
class ReportedRegion:
    """Products of one district, as reported."""

    region: str
    products: int
    sources: list
    as_of: PartialDate | None = None
    stars: StarCounts = field(default_factory=StarCounts)
    note: str | None = None
    note_en: str | None = None


@dataclass
class ReportedFigure:
    """Any other reported figure: products re-inspected, organisations, products on a map…"""

    id: str
    value: int
    label: str
    sources: list
    label_en: str | None = None
    year: int | None = None
    as_of: PartialDate | None = None
    stars: StarCounts = field(default_factory=StarCounts)
    note: str | None = None
    note_en: str | None = None


@dataclass
class Target:
    """A plan target: `value`, at least `value`, or `value`–`max`; `achieved` when a source reports it."""

    id: str
    year: int
    value: int
    label: str
    sources: list
    label_en: str | None = None
    max: int | None = None
    at_least: bool = False
    measure: str | None = None
    achieved: int | None = None
    note: str | None = None
    note_en: str | None = None


@dataclass
class Figures:
    """Everything products/_figures.yaml reports."""

    path: str
    certified_by_year: list[ReportedYear] = field(default_factory=list)
    totals: list[ReportedTotal] = field(default_factory=list)
    regions: list[ReportedRegion] = field(default_factory=list)
    other: list[ReportedFigure] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    last_verified: datetime.date | None = None


def figures_from(record, linker) -> Figures:
    """The checked `_figures.yaml` as Figures; unknown sources and regions, repeated years or ids,
    star counts above the total and reversed ranges are reported at their line."""
    data, problems = record.data, linker.problems
    catalogue = linker.catalogue

    def add(keys, code, **params):
        line, column = record.where(*keys)
        problems.add(record.path, line, column, code, **params)

    def stars(item: dict, keys: tuple) -> StarCounts:
        counts = StarCounts(item.get("stars_3"), item.get("stars_4"), item.get("stars_5"))
        total = item.get("products", item.get("value"))
        given = sum(v for _, v in counts.items())
        if total is not None and given > total:
            name = "products" if "products" in item else "value"
            add(keys + (name,), "figures_stars_sum", field=field_name(keys + (name,)), sum=given, total=total)
        return counts

    def when(item: dict, keys: tuple) -> PartialDate | None:
        if item.get("as_of") is None:
            return None
        found = parse_partial_date(item["as_of"])
        if found is None:
            add(keys + ("as_of",), "date_invalid", field=field_name(keys + ("as_of",)), value=item["as_of"])
        return found

    def unique(keys: tuple, value, seen: dict) -> None:
        if value in seen:
            add(keys, "figures_duplicate", field=field_name(keys), value=value, first_line=seen[value])
        else:
            seen[value] = record.where(*keys)[0]

    def sources(keys: tuple, item: dict) -> list:
        return linker.sources(record, keys + ("sources",), item.get("sources"))

    figures = Figures(path=record.path, last_verified=_date(data.get("last_verified")))
    years: dict = {}
    for i, item in enumerate(data.get("certified_by_year") or []):
        keys = ("certified_by_year", i)
        unique(keys + ("year",), item["year"], years)
        figures.certified_by_year.append(ReportedYear(
            year=item["year"], products=item["products"], stars=stars(item, keys), sources=sources(keys, item),
            note=item.get("note"), note_en=item.get("note_en")))
    for i, item in enumerate(data.get("totals") or []):
        keys = ("totals", i)
        figures.totals.append(ReportedTotal(
            products=item["products"], sources=sources(keys, item), as_of=when(item, keys),
            producers=item.get("producers"), districts=item.get("districts"), stars=stars(item, keys),
            note=item.get("note"), note_en=item.get("note_en")))
    for i, item in enumerate(data.get("regions") or []):
        keys = ("regions", i)
        linker.ref(record, keys + ("region",), item["region"], catalogue.regions, "region", "_regions")
        figures.regions.append(ReportedRegion(
            region=item["region"], products=item["products"], sources=sources(keys, item), as_of=when(item, keys),
            stars=stars(item, keys), note=item.get("note"), note_en=item.get("note_en")))
    ids: dict = {}
    for i, item in enumerate(data.get("other") or []):
        keys = ("other", i)
        unique(keys + ("id",), item["id"], ids)
        figures.other.append(ReportedFigure(
            id=item["id"], value=item["value"], label=item["label"], sources=sources(keys, item),
            label_en=item.get("label_en"), year=item.get("year"), as_of=when(item, keys), stars=stars(item, keys),
            note=item.get("note"), note_en=item.get("note_en")))
    target_ids: dict = {}
    for i, item in enumerate(data.get("targets") or []):
        keys = ("targets", i)
        unique(keys + ("id",), item["id"], target_ids)
        if item.get("max") is not None and item["max"] < item["value"]:
            add(keys + ("max",), "figures_range_reversed", field=field_name(keys + ("max",)),
                low=item["value"], high=item["max"])
        figures.targets.append(Target(
            id=item["id"], year=item["year"], value=item["value"], label=item["label"], sources=sources(keys, item),
            label_en=item.get("label_en"), max=item.get("max"), at_least=bool(item.get("at_least")),
            measure=item.get("measure"), achieved=item.get("achieved"),
            note=item.get("note"), note_en=item.get("note_en")))
    return figures


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None
