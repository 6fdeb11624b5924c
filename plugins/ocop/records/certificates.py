"""Certificate validity: pure date arithmetic, with honest uncertainty.

A decision's signing date may be known exactly or only as an interval (the
sources often give a year or a meeting and a report date). Expiry then is an
interval too, and a certificate is "valid", "expired" or "unknown" today.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

VALID = "valid"
EXPIRED = "expired"
UNKNOWN = "unknown"
REVOKED = "revoked"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` plus whole months; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


@dataclass(frozen=True)
class Span:
    """A date known exactly (earliest == latest) or known to lie in an interval."""

    earliest: datetime.date
    latest: datetime.date

    @property
    def exact(self) -> bool:
        """True when the date is known to the day."""
        return self.earliest == self.latest


def expiry_span(signed: Span, months: int, expires: datetime.date | None = None) -> Span:
    """When a certificate signed in `signed` stops being valid."""
    if expires is not None:
        return Span(expires, expires)
    return Span(add_months(signed.earliest, months), add_months(signed.latest, months))


def status(expiry: Span, today: datetime.date, revoked: datetime.date | None = None) -> str:
    """valid, expired, revoked or unknown on `today` (valid through the expiry day)."""
    if revoked is not None and revoked <= today:
        return REVOKED
    if expiry.latest < today:
        return EXPIRED
    if expiry.earliest >= today:
        return VALID
    return UNKNOWN
