"""Whether records count towards a programme target in a year, honest about date intervals."""

from __future__ import annotations

from . import certificates as cert_rules


def year_match(span: cert_rules.Span, year: int) -> str | None:
    """"certain" when the date lies in `year`, "possible" when its interval overlaps it, else None."""
    if span.earliest.year == span.latest.year == year:
        return "certain"
    if span.earliest.year <= year <= span.latest.year:
        return "possible"
    return None


def measure(record, name: str, year: int) -> str | None:
    """Whether a product record counts for a target measure in `year`: certain, possible or None."""
    certificates = record.certificates
    if name == "new_products":
        return year_match(certificates[0].signed, year)
    if name == "upgraded_3_to_4":
        found = None
        for before, after in zip(certificates, certificates[1:], strict=False):
            if before.stars == 3 and after.stars == 4:
                match = year_match(after.signed, year)
                if match == "certain":
                    return match
                found = found or match
        return found
    return None
