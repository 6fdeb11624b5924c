"""Open data: catalogue.json, products.csv and producers.csv for buyers' own systems.

Stable order (by id), no wall-clock time, absolute URLs. The JSON format is
versioned (EXPORT_VERSION) and documented in docs/open-data.md; its JSON
Schema is published next to it. CSV files are UTF-8 with a byte-order mark and
CRLF line ends, which is what Excel needs to open Vietnamese text correctly.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re

from ..core.paths import SCHEMA_DIR
from .structured_data import absolute

EXPORT_VERSION = "1.0"
SCHEMA_FILE = os.path.join(SCHEMA_DIR, "export", "catalogue.schema.json")


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _source(source) -> dict:
    data = {"id": source.id, "title": source.title}
    for key in ("url", "publisher"):
        if getattr(source, key):
            data[key] = getattr(source, key)
    if source.published:
        data["published"] = source.published.isoformat()
    return data


def _trade(trade) -> dict:
    data = {}
    for key in ("gtin13", "shelf_life_days", "storage", "lead_time_days", "accepts_wholesale"):
        value = getattr(trade, key)
        if value is not None:
            data[key] = value
    for key in ("packaging", "seasonality_months", "export_markets"):
        if getattr(trade, key):
            data[key] = getattr(trade, key)
    for key in ("capacity", "moq"):
        quantity = getattr(trade, key)
        if quantity:
            data[key] = {k: v for k, v in vars(quantity).items() if v is not None}
    return data


def _other_certificates(items) -> list[dict]:
    result = []
    for item in items:
        data = {"type": item.type, "label": item.label("vi"), "status": item.status}
        for key in ("name", "number", "issuer", "scope", "url"):
            if getattr(item, key):
                data[key] = getattr(item, key)
        for key in ("issued", "valid_until"):
            if getattr(item, key):
                data[key] = getattr(item, key).isoformat()
        if item.source is not None:
            data["source"] = _source(item.source)
        result.append(data)
    return result


def _certificate(certificate) -> dict:
    decision = certificate.decision
    data = {
        "decision": decision.id, "stars": certificate.stars, "group": certificate.group,
        "regime": decision.regime, "issuer": decision.issuer, "issuer_level": decision.issuer_level,
        "signed_from": decision.signed.earliest.isoformat(), "signed_to": decision.signed.latest.isoformat(),
        "expires_from": certificate.expiry.earliest.isoformat(), "expires_to": certificate.expiry.latest.isoformat(),
        "status": certificate.status,
    }
    if decision.number:
        data["number"] = decision.number
    if certificate.score is not None:
        data["score"] = certificate.score
    if certificate.revoked:
        data["revoked"] = certificate.revoked.isoformat()
    return data


def _add_known(item: dict, record, keys: tuple[str, ...]) -> None:
    """Copy the record's fields that hold a value (unknown facts stay absent)."""
    for key in keys:
        value = getattr(record, key)
        if value:
            item[key] = value.isoformat() if hasattr(value, "isoformat") else value


def _add_trade(item: dict, record) -> None:
    """The trade facts and other certificates of a product or producer, when it has any."""
    trade = _trade(record.trade)
    if trade:
        item["trade"] = trade
    if record.other_certificates:
        item["other_certificates"] = _other_certificates(record.other_certificates)


def catalogue_data(view, site_url: str) -> dict:
    """The whole catalogue as plain data, in a stable order."""
    products = []
    for product in sorted(view.products, key=lambda p: p.slug):
        record = product.record
        item = {
            "id": record.id, "name": record.name, "url": absolute(site_url, product.url),
            "region": record.region, "group": record.current.group, "stars": record.current.stars,
            "status": product.validity, "certified": product.certified,
            "certificates": [_certificate(c) for c in record.certificates],
            "sources": [_source(s) for s in record.sources],
            "last_verified": _date(record.last_verified),
        }
        _add_known(item, record, ("name_en", "commune", "producer"))
        if record.alt_names:
            item["alt_names"] = [a.name for a in record.alt_names]
        if product.photos:
            item["photos"] = [absolute(site_url, f"{p.prefix}/{p.derived.jpeg[-1][1]}") for p in product.photos]
        _add_trade(item, record)
        products.append(item)
    producers = []
    for producer in sorted(view.producers, key=lambda p: p.slug):
        record = producer.record
        item = {
            "id": record.id, "name": record.name, "url": absolute(site_url, producer.url),
            "products": sorted(p.slug for p in producer.products),
            "sources": [_source(s) for s in record.sources], "last_verified": _date(record.last_verified),
        }
        _add_known(item, record, ("name_en", "legal_form", "region", "commune", "address", "website"))
        if record.contacts:
            item["contacts"] = [{"type": c.type, "value": c.value} for c in record.contacts]
        _add_trade(item, record)
        producers.append(item)
    regions = []
    for region in sorted(view.regions, key=lambda r: r.slug):
        record = region.record
        item = {"id": record.id, "name": record.name, "type": record.type, "url": absolute(site_url, region.url)}
        _add_known(item, record, ("name_en", "parent", "valid_from", "valid_to"))
        regions.append(item)
    province = view.province
    return {
        "format": "ocop-catalogue", "version": EXPORT_VERSION,
        "validity_date": view.today.isoformat(),
        "province": {"name": province.name, "name_en": province.name_en, "country": province.country,
                     "publisher": province.office},
        "groups": {gid: {"vi": g["vi"], "en": g["en"], "regimes": g["regimes"]}
                   for gid, g in view.rules["groups"].items()},
        "regions": regions, "producers": producers, "products": products,
    }


def catalogue_json(data: dict) -> bytes:
    """The JSON text: one line per key at the top, and one line per product, producer or region.

    Easy to read and to compare between two days (a changed product is a changed
    line), and written by the json module's C encoder, which an indented dump
    does not use (2 s instead of 0.2 s at 10,000 products).
    """
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f" {json.dumps(key)}: [\n  {items}\n ]")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")


PRODUCT_COLUMNS = [
    "id", "name", "name_en", "stars", "group", "group_name", "region", "region_name", "commune",
    "producer", "producer_name", "status", "certified", "decision_number", "signed_from", "signed_to",
    "expires_from", "expires_to", "regime", "other_certificates", "gtin13", "url", "sources", "last_verified",
]
PRODUCER_COLUMNS = [
    "id", "name", "legal_form", "region", "region_name", "commune", "address", "website", "product_count",
    "valid_product_count", "products", "other_certificates", "accepts_wholesale", "capacity", "moq", "lead_time_days",
    "export_markets", "url", "last_verified",
]


def spreadsheet_safe(value) -> str:
    """A cell value a spreadsheet will not run: text starting with = + - @ (or a tab/CR) gets a leading '."""
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if text[:1] in _FORMULA_STARTS and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


_FORMULA_STARTS = frozenset(("=", "+", "-", "@", "\t", "\r"))


_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _csv(rows: list[dict], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    # csv.writer with lists, not DictWriter, which checks every row's keys in Python (10,000 rows).
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    expected = set(columns)
    for row in rows:
        if row.keys() != expected:
            raise ValueError(f"CSV row with columns {sorted(row.keys() ^ expected)} not in the header")
        writer.writerow([spreadsheet_safe(row[column]) for column in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _yes_no(value) -> str:
    return "" if value is None else ("yes" if value else "no")


def products_csv(view, site_url: str) -> bytes:
    """One row per product, its latest certificate in columns."""
    rows = []
    for product in sorted(view.products, key=lambda p: p.slug):
        record, current = product.record, product.record.current
        rows.append({
            "id": record.id, "name": record.name, "name_en": record.name_en, "stars": current.stars,
            "group": current.group, "group_name": view.rules["groups"][current.group]["vi"],
            "region": record.region, "region_name": product.region.title, "commune": record.commune,
            "producer": record.producer, "producer_name": product.producer.record.name if product.producer else None,
            "status": product.validity, "certified": _yes_no(product.certified),
            "decision_number": current.decision.number,
            "signed_from": current.signed.earliest.isoformat(), "signed_to": current.signed.latest.isoformat(),
            "expires_from": current.expiry.earliest.isoformat(), "expires_to": current.expiry.latest.isoformat(),
            "regime": current.regime,
            "other_certificates": "; ".join(c.label("vi") for c in record.other_certificates),
            "gtin13": record.trade.gtin13, "url": absolute(site_url, product.url),
            "sources": "; ".join(s.url or s.title for s in record.sources),
            "last_verified": _date(record.last_verified),
        })
    return _csv(rows, PRODUCT_COLUMNS)


def producers_csv(view, site_url: str) -> bytes:
    """One row per producer."""
    rows = []
    for producer in sorted(view.producers, key=lambda p: p.slug):
        record = producer.record
        trade = record.trade
        rows.append({
            "id": record.id, "name": record.name, "legal_form": record.legal_form, "region": record.region,
            "region_name": producer.region.title if producer.region else None, "commune": record.commune,
            "address": record.address, "website": record.website, "product_count": len(producer.products),
            "valid_product_count": producer.valid_count,
            "products": "; ".join(sorted(p.slug for p in producer.products)),
            "other_certificates": "; ".join(certificate_types(producer, "vi")),
            "accepts_wholesale": _yes_no(trade.accepts_wholesale),
            "capacity": trade.capacity.text("vi") if trade.capacity else None,
            "moq": trade.moq.text("vi") if trade.moq else None, "lead_time_days": trade.lead_time_days,
            "export_markets": "; ".join(trade.export_markets), "url": absolute(site_url, producer.url),
            "last_verified": _date(record.last_verified),
        })
    return _csv(rows, PRODUCER_COLUMNS)


def certificate_types(producer, lang: str = "vi") -> list[str]:
    """Labels of the certificates a producer or its products hold: OCOP first (only when one of its products
    holds a certificate valid today), then the others."""
    labels = []
    if any(p.certified for p in producer.products):
        labels.append("OCOP")
    seen = set()
    for item in [*producer.record.other_certificates, *(c for p in producer.products
                                                        for c in p.record.other_certificates)]:
        if item.type not in seen:
            seen.add(item.type)
            labels.append(item.label(lang))
    return labels


def write_exports(view, site_url: str, output_path: str, settings: dict) -> list[str]:
    """Write the JSON, the two CSV files and the JSON's schema into the output; returns their paths."""
    files = {
        settings["OCOP_EXPORT_JSON"]: catalogue_json(catalogue_data(view, site_url)),
        settings["OCOP_EXPORT_PRODUCTS_CSV"]: products_csv(view, site_url),
        settings["OCOP_EXPORT_PRODUCERS_CSV"]: producers_csv(view, site_url),
    }
    with open(SCHEMA_FILE, "rb") as handle:
        files[settings["OCOP_EXPORT_SCHEMA"]] = handle.read()
    for name, data in files.items():
        path = os.path.join(output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
    return [os.path.join(output_path, name) for name in files]
