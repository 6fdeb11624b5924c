"""Records linked to each other: ids that must exist, groups of the right regime, stars the issuer may award."""

from __future__ import annotations

import difflib
import os

from ..core.problems import Problems, field_name
from . import certificates as cert_rules
from .model import AltName, Catalogue, Certificate, Contact, Decision, Producer, ProductRecord, Province, Region, Source
from .photos import check_photos
from .schema_check import parse_date
from .trade import OtherCertificate, Trade, gtin13_valid, other_certificate_from, trade_from
from .yaml_loader import Record


def source_from(data: dict, source_id: str | None) -> Source:
    """A Source from a source record or an inline source entry."""
    return Source(
        id=source_id,
        title=data["title"],
        url=data.get("url"),
        publisher=data.get("publisher"),
        published=parse_date(data.get("published")),
        note=data.get("note"),
        note_en=data.get("note_en"),
    )


class Linker:
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
        return source_from(item, None)

    def alt_names(self, record: Record, items: list | None) -> list[AltName]:
        """Other spellings of a name, each with its source."""
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
        """The province publishing the catalogue."""
        data = record.data
        return Province(
            name=data["name"], office=data["office"], path=record.path,
            name_en=data.get("name_en"), country=data.get("country", "VN"),
            office_en=data.get("office_en"), office_url=data.get("office_url"),
            office_address=data.get("office_address"),
            description=data.get("description"), description_en=data.get("description_en"),
            sources=self.sources(record, ("sources",), data.get("sources")),
        )

    def region(self, region_id: str, record: Record) -> Region:
        """A district or commune record."""
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
        """A recognition decision, its signing date or interval checked."""
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
        """A producer, its region, contacts and photos checked."""
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
        """A product, its region, producer, certificates and photos checked."""
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
        """One certificate of a product: its decision, group and stars checked against the rules."""
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
