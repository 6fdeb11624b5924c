"""Validity arithmetic: pure functions, every edge."""

import datetime as dt

import pytest
from ocop.core.dates import vi_date
from ocop.records.certificates import EXPIRED, REVOKED, UNKNOWN, VALID, Span, add_months, expiry_span, status
from ocop.site.template_helpers import span_date, stars_symbol

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2021, 12, 16), 36, D(2024, 12, 16)),
        (D(2020, 2, 29), 36, D(2023, 2, 28)),  # leap day to a common year
        (D(2021, 1, 31), 1, D(2021, 2, 28)),
        (D(2021, 11, 30), 2, D(2022, 1, 30)),
        (D(2019, 12, 31), 12, D(2020, 12, 31)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("signed", "today", "expected"),
    [
        (Span(D(2021, 12, 16), D(2022, 1, 18)), D(2026, 11, 29), EXPIRED),
        (Span(D(2021, 12, 16), D(2022, 1, 18)), D(2024, 12, 16), VALID),  # last day of the earliest expiry
        (Span(D(2021, 12, 16), D(2022, 1, 18)), D(2024, 12, 17), UNKNOWN),
        (Span(D(2021, 12, 16), D(2022, 1, 18)), D(2025, 1, 18), UNKNOWN),
        (Span(D(2021, 12, 16), D(2022, 1, 18)), D(2025, 1, 19), EXPIRED),
        (Span(D(2025, 3, 10), D(2025, 3, 10)), D(2028, 3, 10), VALID),
        (Span(D(2025, 3, 10), D(2025, 3, 10)), D(2028, 3, 11), EXPIRED),
    ],
)
def test_status_through_the_expiry_day(signed, today, expected):
    assert status(expiry_span(signed, 36), today) == expected


def test_explicit_expiry_and_revocation():
    signed = Span(D(2023, 1, 1), D(2023, 1, 1))
    assert expiry_span(signed, 36, D(2024, 6, 30)) == Span(D(2024, 6, 30), D(2024, 6, 30))
    assert status(expiry_span(signed, 36), D(2024, 1, 1), revoked=D(2023, 9, 1)) == REVOKED
    assert status(expiry_span(signed, 36), D(2023, 8, 31), revoked=D(2023, 9, 1)) == VALID


def test_display_helpers():
    assert vi_date(D(2021, 1, 8)) == "08/01/2021"
    assert vi_date(dt.datetime(2021, 1, 8, 10, 30)) == "08/01/2021"
    assert span_date(Span(D(2021, 12, 16), D(2022, 1, 18))) == "16/12/2021 – 18/01/2022"
    assert span_date(Span(D(2021, 12, 16), D(2021, 12, 16))) == "16/12/2021"
    assert stars_symbol(3) == "★★★☆☆"
