"""Bar charts the numbers page draws as inline SVG: geometry computed here, so the template only places it."""

from __future__ import annotations

from dataclasses import dataclass, field

# Bar-chart geometry, in SVG user units: a label line above each bar, the value after it.
CHART_WIDTH = 400
BAR_MAX = 300
ROW_HEIGHT = 44
BAR_HEIGHT = 16
LABEL_SIZE = 14


def percent(part: int, whole: int | None) -> int | None:
    """`part` as a whole percentage of `whole` (None when there is nothing to compare with)."""
    if not whole:
        return None
    return round(100 * part / whole)


@dataclass
class Bar:
    """One category: its count, the reported count beside it, and its bar's geometry."""

    key: str
    value: int
    label: str | None = None  # None: the template words the category from `key`
    label_lang: str | None = None  # the label's language when it differs from the page's
    reported: int | None = None
    content: object = None  # the region, group or star level the row links to
    extra: dict = field(default_factory=dict)
    y: int = 0
    width: float = 0
    reported_width: float = 0

    @property
    def coverage(self) -> int | None:
        """The records as a percentage of the reported count (None when nothing is reported)."""
        return percent(self.value, self.reported)


@dataclass
class Chart:
    """A horizontal bar chart: rows top to bottom, laid out in SVG user units."""

    id: str
    rows: list[Bar]
    maximum: int = 1
    width: int = CHART_WIDTH
    height: int = 0
    has_reported: bool = False
    row_height: int = ROW_HEIGHT
    bar_height: int = BAR_HEIGHT
    label_size: int = LABEL_SIZE


def layout(chart_id: str, rows: list[Bar]) -> Chart:
    """Scale the rows' bars to the widest count (records or reported) and stack them."""
    maximum = max([1, *(r.value for r in rows), *(r.reported or 0 for r in rows)])
    for index, row in enumerate(rows):
        row.y = index * ROW_HEIGHT
        row.width = _short(row.value * BAR_MAX / maximum)
        row.reported_width = _short((row.reported or 0) * BAR_MAX / maximum)
    return Chart(chart_id, rows, maximum=maximum, height=len(rows) * ROW_HEIGHT + 4,
                 has_reported=any(r.reported is not None for r in rows))


def _short(length: float) -> float | int:
    """A length to a tenth of a unit, written without `.0` (the page stays light)."""
    length = round(length, 1)
    return int(length) if length == int(length) else length
