"""Jinja filters and globals the catalogue templates use."""

from __future__ import annotations

import datetime

from .certificates import Span


def vi_date(value) -> str:
    """16/12/2021: the way Vietnamese documents write dates."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def span_date(span: Span | None) -> str:
    """One date, or `16/12/2021 – 18/01/2022` when only an interval is known."""
    if span is None:
        return ""
    if span.exact:
        return vi_date(span.earliest)
    return f"{vi_date(span.earliest)} – {vi_date(span.latest)}"


def stars_symbol(count: int, out_of: int = 5) -> str:
    """★★★☆☆ for 3 stars out of 5."""
    return "★" * int(count) + "☆" * (out_of - int(count))


FILTERS = {"vi_date": vi_date, "span_date": span_date, "stars_symbol": stars_symbol}
