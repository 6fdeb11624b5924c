"""What templates see of the catalogue in one language (`ocop`), and the facts derived for display."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field

from ..core.slugs import fold
from ..records.trade import CERTIFICATE_TYPES


@dataclass
class CatalogueView:
    """What templates see as `ocop`: the whole catalogue in one language, sorted for display."""

    province: object
    today: datetime.date
    rules: dict
    lang: str = "vi"
    products: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    producers: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    star_levels: list = field(default_factory=list)
    news: list = field(default_factory=list)
    province_html: str = ""
    province_lang: str = "vi"
    home_jsonld: str = ""
    print_scopes: list = field(default_factory=list)
    certificate_filter_options: list = field(default_factory=list)

    @functools.cached_property  # every page of the catalogue shows it
    def certified_count(self) -> int:
        """How many products hold a certificate valid today."""
        return sum(1 for p in self.products if p.certified)

    def newest(self, count: int) -> list:
        """The most recently certified products, newest first."""
        return sorted(self.products, key=lambda p: (p.date, p.slug), reverse=True)[:count]


@dataclass
class PrintScope:
    """One printable catalogue: all products, one district's or one group's (`slug`: the district's or group's)."""

    slug: str
    kind: str  # all | region | group
    item: object
    products: list
    url: str = ""
    save_as: str = ""
    alternates: list = field(default_factory=list)  # (language, URL) of the sheet in each language


def product_summary(record, region_name: str, rules: dict, province_name: str, lang: str = "vi") -> str:
    """A one-sentence factual description built only from the record's facts."""
    current = record.current
    years = sorted({current.signed.earliest.year, current.signed.latest.year})
    year = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    group = rules["groups"][current.group]
    # the stars are never stated as current when the certificate is not valid today
    state = {"expired": ("đã hết hiệu lực", "since expired"), "unknown": ("có thể đã hết hiệu lực", "possibly expired"),
             "revoked": ("đã bị thu hồi", "since revoked")}.get(record.status)
    if lang == "en":
        place = f"{region_name}, {province_name} province" if province_name else region_name
        when = f"certified in {year}" + (f", {state[1]}" if state else "")
        return f"OCOP {current.stars}-star product ({when}), {group['en'].lower()} group, {place}, Vietnam."
    place = f"{region_name}, tỉnh {province_name}" if province_name else region_name
    when = f"công nhận năm {year}" + (f", {state[0]}" if state else "")
    return f"Sản phẩm OCOP {current.stars} sao ({when}), nhóm {group['vi'].lower()}, {place}."


OCOP_VALID, OCOP_NOT_VALID = "ocop-con-hieu-luc", "ocop-het-hieu-luc"


def certificate_filters(record, producer) -> list[str]:
    """Filter values for a product: OCOP validity today, then other certificates it or its producer holds."""
    values = [OCOP_VALID if record.certified else OCOP_NOT_VALID]
    others = [*record.other_certificates, *(producer.record.other_certificates if producer is not None else [])]
    for certificate in others:
        value = certificate.type.replace("_", "-")
        if value not in values:
            values.append(value)
    return values


def certificate_filter_labels(lang: str) -> list[tuple[str, str]]:
    """(filter value, label) of every certificate filter, in display order."""
    labels = [(OCOP_VALID, "OCOP (còn hiệu lực)" if lang == "vi" else "OCOP (valid)"),
              (OCOP_NOT_VALID, "OCOP (hết hoặc chưa rõ hiệu lực)" if lang == "vi" else "OCOP (expired or unknown)")]
    index = 1 if lang == "en" else 0
    return labels + [(key.replace("_", "-"), names[index]) for key, names in CERTIFICATE_TYPES.items()]


# Legal forms written several ways in the sources, and the one way the site shows them.
_LEGAL_FORM_PREFIXES = [
    (re.compile(r"^(?:hợp tác xã|htx)\s+", re.IGNORECASE), "Hợp tác xã "),
    (re.compile(r"^(?:công ty|cty)\s+(?:cổ phần|cp)\s+", re.IGNORECASE), "Công ty cổ phần "),
    (re.compile(r"^ctcp\s+", re.IGNORECASE), "Công ty cổ phần "),
    (re.compile(r"^(?:công ty|cty)\s+(?:tnhh|trách nhiệm hữu hạn)\s+", re.IGNORECASE), "Công ty TNHH "),
    (re.compile(r"^(?:tổ hợp tác|tht)\s+", re.IGNORECASE), "Tổ hợp tác "),
]


def display_name(name: str) -> str:
    """A producer's name as the site shows it: one spelling of its legal form, the name after it capitalised.

    "HTX nông nghiệp CCO" -> "Hợp tác xã Nông nghiệp CCO"; "Công ty Cổ phần …" -> "Công ty cổ phần …".
    The record's `name` (as the sources write it) is never changed: this is for display only.
    """
    text = " ".join(str(name).split())
    for pattern, form in _LEGAL_FORM_PREFIXES:
        match = pattern.match(text)
        if match:
            rest = text[match.end():]
            return form + rest[:1].upper() + rest[1:]
    return text


PRODUCER_STATES = ("valid", "lapsed", "none")  # has a valid product; has products, none valid; has none


def producer_state(producer) -> str:
    """`valid` when one of the producer's products holds a valid certificate, `lapsed` when none does, `none`
    when the catalogue lists no product of it."""
    if not producer.products:
        return "none"
    return "valid" if producer.valid_count else "lapsed"


def producer_order(producer) -> tuple:
    """The directory's order: producers with valid products first (most first), then the others, by name."""
    return (PRODUCER_STATES.index(producer.state), -producer.valid_count, *name_key(producer))


def name_key(content) -> tuple:
    """Sort key for Vietnamese names: without tone marks first, then exact."""
    return (fold(content.title), content.title)


def in_language(record, field_name: str, lang: str, default: str) -> tuple[str | None, str]:
    """A record's text in `lang` (FIELD_en…) or, failing that, in the default language, with its language."""
    if lang != default:
        value = getattr(record, f"{field_name}_{lang}", None)
        if value:
            return value, lang
    return getattr(record, field_name), default
