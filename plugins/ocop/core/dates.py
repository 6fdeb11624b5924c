"""Dates as each language writes them: 16/12/2021 in Vietnamese, 16 Dec 2021 in English."""

from __future__ import annotations

import datetime


def vi_date(value) -> str:
    """16/12/2021: the way Vietnamese documents write dates."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_in(value, lang: str) -> str:
    """16/12/2021 in Vietnamese, 16 Dec 2021 in English."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if lang == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return vi_date(value)
