"""Facts buyers ask for: barcodes, packaging, capacity, terms, other certificates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .schema_check import parse_date

# Labels for the other certificates a record may hold (Vietnamese, English).
CERTIFICATE_TYPES = {
    "vietgap": ("VietGAP", "VietGAP"),
    "globalgap": ("GlobalG.A.P.", "GlobalG.A.P."),
    "organic": ("Hữu cơ", "Organic"),
    "haccp": ("HACCP", "HACCP"),
    "iso_22000": ("ISO 22000", "ISO 22000"),
    "gmp": ("GMP", "GMP"),
    "halal": ("Halal", "Halal"),
    "food_safety_facility": ("Cơ sở đủ điều kiện an toàn thực phẩm", "Food-safety compliant facility"),
    "self_declaration": ("Tự công bố sản phẩm", "Product self-declaration"),
    "geographical_indication": ("Chỉ dẫn địa lý", "Geographical indication"),
    "collective_mark": ("Nhãn hiệu tập thể", "Collective mark"),
    "other": ("Chứng nhận khác", "Other certificate"),
}
PERIODS = {"day": ("ngày", "day"), "week": ("tuần", "week"), "month": ("tháng", "month"),
           "season": ("vụ", "season"), "year": ("năm", "year")}


def gtin13_valid(code: str) -> bool:
    """True when the 13th digit is the GS1 check digit of the first twelve."""
    if len(code) != 13 or not code.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(code[:12]))
    return (10 - total % 10) % 10 == int(code[12])


@dataclass
class Quantity:
    """A value with its unit, per a period when it is a rate."""

    value: float
    unit: str
    period: str | None = None

    def text(self, lang: str = "vi") -> str:
        """`20 tấn/năm`."""
        value = int(self.value) if float(self.value).is_integer() else self.value
        per = f"/{PERIODS[self.period][1 if lang == 'en' else 0]}" if self.period else ""
        return f"{value:,} {self.unit}{per}".replace(",", "." if lang == "vi" else ",")


@dataclass
class Trade:
    """Optional trade facts of a product or producer; empty when no source gives them."""

    gtin13: str | None = None
    packaging: list[dict] = field(default_factory=list)
    shelf_life_days: int | None = None
    storage: str | None = None
    seasonality_months: list[int] = field(default_factory=list)
    capacity: Quantity | None = None
    moq: Quantity | None = None
    lead_time_days: int | None = None
    accepts_wholesale: bool | None = None
    export_markets: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when the record holds no trade fact at all."""
        return not any((self.gtin13, self.packaging, self.shelf_life_days, self.storage, self.seasonality_months,
                        self.capacity, self.moq, self.lead_time_days is not None,
                        self.accepts_wholesale is not None, self.export_markets))


def trade_from(data: dict | None) -> Trade:
    """A Trade from a schema-valid `trade` mapping."""
    data = data or {}

    def quantity(value):
        return Quantity(value["value"], value["unit"], value.get("period")) if value else None

    return Trade(
        gtin13=data.get("gtin13"), packaging=list(data.get("packaging") or []),
        shelf_life_days=data.get("shelf_life_days"), storage=data.get("storage"),
        seasonality_months=sorted(data.get("seasonality_months") or []),
        capacity=quantity(data.get("capacity")), moq=quantity(data.get("moq")),
        lead_time_days=data.get("lead_time_days"), accepts_wholesale=data.get("accepts_wholesale"),
        export_markets=list(data.get("export_markets") or []),
    )


@dataclass
class OtherCertificate:
    """A VietGAP, HACCP, ISO 22000, organic… certificate, with its validity today."""

    type: str
    source: object
    name: str | None = None
    number: str | None = None
    issuer: str | None = None
    issued: datetime.date | None = None
    valid_until: datetime.date | None = None
    scope: str | None = None
    url: str | None = None
    status: str = "unknown"  # valid | expired | unknown (no end date recorded)

    def label(self, lang: str = "vi") -> str:
        """The certificate's name in `lang`."""
        if self.type == "other" and self.name:
            return self.name
        return CERTIFICATE_TYPES[self.type][1 if lang == "en" else 0]


def other_certificate_from(data: dict, source, today: datetime.date) -> OtherCertificate:
    """An OtherCertificate from a schema-valid mapping."""
    valid_until = parse_date(data.get("valid_until"))
    status = "unknown" if valid_until is None else ("valid" if valid_until >= today else "expired")
    return OtherCertificate(
        type=data["type"], source=source, name=data.get("name"), number=data.get("number"),
        issuer=data.get("issuer"), issued=parse_date(data.get("issued")), valid_until=valid_until,
        scope=data.get("scope"), url=data.get("url"), status=status,
    )
