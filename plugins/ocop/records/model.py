"""The catalogue's records as typed objects: sources, regions, decisions, certificates, producers, products."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field

from ..core.problems import Problems
from . import certificates as cert_rules
from .figures import Figures
from .photos import Photo
from .trade import OtherCertificate, Trade
from .yaml_loader import Record

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
    office_address: str | None = None
    description: str | None = None
    description_en: str | None = None
    sources: list[Source] = field(default_factory=list)

    @functools.cached_property  # shown on every page without a public contact
    def office_sources(self) -> list[Source]:
        """The sources the office published itself, else all the province's sources."""
        return [s for s in self.sources if s.publisher == self.office] or self.sources


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
