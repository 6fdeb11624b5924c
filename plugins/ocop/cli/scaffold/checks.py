"""The checks of a new record's answers: ids that exist, star levels and groups the decision allows, dates, text.

Each check returns the problem as `make check` words it, or None. The same
checks serve the questions (asked again after a wrong answer) and the options
given on the command line (all problems at once, before anything is written).
"""

from __future__ import annotations

import datetime
import difflib
import os
import re

from ...core.slugs import is_id
from ...records.model import PRODUCT_FILE
from .context import Answers, Context


def unknown(ctx: Context, field_name: str, kind: str, value: str, folder: str, table) -> str | None:
    """The "no such record" message (with a "did you mean") when `value` is not an id of `kind`."""
    present = ctx.catalogue.present.get(kind, set()) | set(table)
    if value in present:
        return None
    suggestion = suggest(value, present)
    expected = os.path.join(ctx.catalogue.root, folder, value + ".yaml") if folder else os.path.join(
        ctx.catalogue.root, value, PRODUCT_FILE)
    return ctx.t("unknown_ref", field=field_name, kind=f"kind_{kind}", value=value, expected=expected,
                 suggestion=suggestion)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance with adjacent swaps (Damerau): typing mistakes between two ids."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if previous2 is not None and i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def suggest(value: str, options) -> str:
    """The likeliest id meant by a mistyped `value` ("" when none is close): difflib, ties by fewest edits."""
    close = difflib.get_close_matches(value, sorted(options), n=5, cutoff=0.6)
    if not close:
        return ""
    best = difflib.SequenceMatcher(None, value, close[0]).ratio()
    tied = [c for c in close if difflib.SequenceMatcher(None, value, c).ratio() == best]
    return min(tied, key=lambda c: (edit_distance(value, c), c))


def check_id(ctx: Context, field_name: str, value: str) -> str | None:
    """The id-format message when `value` is not a valid id."""
    return None if is_id(value) else ctx.t("id_format", field=field_name, value=value)


def _check_ref(ctx: Context, field_name: str, kind: str, value: str, folder: str, table) -> str | None:
    """Problems with an id that must name a record of `kind`: its format, then whether it exists."""
    return check_id(ctx, field_name, value) or unknown(ctx, field_name, kind, value, folder, table)


def check_region(ctx: Context, value: str, field_name: str = "region") -> str | None:
    """Problems with a region id."""
    return _check_ref(ctx, field_name, "region", value, "_regions", ctx.catalogue.regions)


def check_producer(ctx: Context, value: str, field_name: str = "producer") -> str | None:
    """Problems with a producer id."""
    return _check_ref(ctx, field_name, "producer", value, "_producers", ctx.catalogue.producers)


def check_decision(ctx: Context, value: str, field_name: str = "certificates[1].decision") -> str | None:
    """Problems with a decision id."""
    return _check_ref(ctx, field_name, "decision", value, "_decisions", ctx.catalogue.decisions)


def check_source(ctx: Context, value: str, field_name: str) -> str | None:
    """Problems with a source id."""
    return _check_ref(ctx, field_name, "source", value, "_sources", ctx.catalogue.sources)


def check_product(ctx: Context, value: str, field_name: str) -> str | None:
    """Problems with a product id."""
    return _check_ref(ctx, field_name, "product", value, "", ctx.catalogue.products)


def allowed_stars(ctx: Context, decision_id: str | None) -> list[int]:
    """The star levels the decision's issuer may award (all levels when the decision is unknown)."""
    decision = ctx.catalogue.decisions.get(decision_id or "")
    if decision is None:
        return sorted(ctx.rules["stars"])
    return list(ctx.rules["regimes"][decision.regime]["certifying_levels"].get(decision.issuer_level, []))


def allowed_groups(ctx: Context, decision_id: str | None) -> list[str]:
    """The product groups of the decision's regime (all groups when the decision is unknown)."""
    decision = ctx.catalogue.decisions.get(decision_id or "")
    groups = ctx.rules["groups"]
    if decision is None:
        return list(groups)
    return [g for g, entry in groups.items() if decision.regime in entry["regimes"]]


def check_stars(ctx: Context, value, decision_id: str | None) -> str | None:
    """Problems with a star level, as `make check` words them."""
    name = "certificates[1].stars"
    try:
        stars = int(str(value).strip())
    except ValueError:
        return ctx.t("wrong_type", field=name, expected="type_integer")
    if stars not in ctx.rules["stars"]:
        return ctx.t("stars_range", field=name, value=stars)
    decision = ctx.catalogue.decisions.get(decision_id or "")
    allowed = allowed_stars(ctx, decision_id)
    if decision is not None and stars not in allowed:
        regime = ctx.rules["regimes"][decision.regime]
        return ctx.t("stars_not_for_level", field=name, value=stars, decision=decision.id,
                     level=ctx.rules["issuer_levels"][decision.issuer_level]["vi"], regime=regime["vi"],
                     allowed=", ".join(str(s) for s in allowed) or "0")
    return None


def _check_enum(ctx: Context, field_name: str, value: str, allowed: list[str]) -> str | None:
    """The "not allowed; choose one of" message when `value` is none of `allowed`."""
    if value in allowed:
        return None
    return ctx.t("not_in_enum", field=field_name, value=value, allowed=", ".join(allowed),
                 suggestion=suggest(value, allowed))


def check_group(ctx: Context, value: str, decision_id: str | None) -> str | None:
    """Problems with a product group, as `make check` words them."""
    name = "certificates[1].group"
    problem = _check_enum(ctx, name, value, list(ctx.rules["groups"]))
    if problem:
        return problem
    decision = ctx.catalogue.decisions.get(decision_id or "")
    allowed = allowed_groups(ctx, decision_id)
    if decision is not None and value not in allowed:
        return ctx.t("group_not_in_regime", field=name, value=value,
                     regime=ctx.rules["regimes"][decision.regime]["vi"], decision=decision.id,
                     allowed=", ".join(allowed))
    return None


def check_legal_form(ctx: Context, value: str) -> str | None:
    """Problems with a producer's legal form."""
    return _check_enum(ctx, "legal_form", value, list(ctx.rules["legal_forms"]))


def check_date(ctx: Context, value: str, field_name: str) -> str | None:
    """Problems with a YEAR-MONTH-DAY date."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return ctx.t("date_format", field=field_name, value=value)
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return ctx.t("date_invalid", field=field_name, value=value)
    return None


def check_text(ctx: Context, value: str, field_name: str) -> str | None:
    """Problems with a one-line text (name, title, commune…)."""
    if not value.strip():
        return ctx.t("empty_value", field=field_name)
    if any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or 0x200B <= ord(c) <= 0x200F or 0x202A <= ord(c) <= 0x202E
           or 0x2060 <= ord(c) <= 0x2069 or ord(c) == 0xFEFF for c in value):
        return ctx.t("single_line_text", field=field_name)
    if len(value) > 300:
        return ctx.t("too_long", field=field_name, length=len(value), limit=300)
    return None


def check_slug(ctx: Context, slug: str, name_field: str) -> str | None:
    """Problems with the id a new record would get."""
    if not slug:
        return ctx.t("sc_no_slug", field=name_field)
    return check_id(ctx, "slug", slug)


def split_list(value) -> list[str]:
    """`a, b` or ["a", "b,c"] -> ["a", "b", "c"]."""
    items = value if isinstance(value, list | tuple) else [value or ""]
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def check_news_ids(ctx: Context, key: str, value) -> list[str]:
    """Problems with the ids a news article names."""
    checker = {"products": check_product, "producers": check_producer, "sources": check_source}[key]
    return [e for e in (checker(ctx, i, key.capitalize()) for i in split_list(value)) if e]


def first_error(errors: list[str]) -> str | None:
    """The first of a list of messages, or None."""
    return errors[0] if errors else None


# all the answers of a record at once ---------------------------------------------------------------


def _given(answers: Answers, key: str, check) -> str | None:
    """`check` of the answer to `key`, when one was given."""
    value = answers.get(key)
    return check(value) if value else None


def _named(ctx: Context, a: Answers) -> list:
    """The checks of a record's name, English name and commune."""
    return [check_text(ctx, a.get("name", ""), "name"),
            _given(a, "name_en", lambda v: check_text(ctx, v, "name_en")),
            _given(a, "commune", lambda v: check_text(ctx, v, "commune"))]


def _sourced(ctx: Context, a: Answers) -> list:
    """The checks of a record's sources and the date they were checked."""
    return [*[check_source(ctx, s, f"sources[{i}]") for i, s in enumerate(a.get("sources") or [], start=1)],
            _given(a, "verified", lambda v: check_date(ctx, v, "last_verified"))]


def product_problems(ctx: Context, a: Answers) -> list:
    """The problems with a new product's answers, in the order of its fields (None for each good one)."""
    decision = a.get("decision")
    return [check_slug(ctx, a.get("slug"), "name"), *_named(ctx, a),
            _given(a, "region", lambda v: check_region(ctx, v)),
            _given(a, "producer", lambda v: check_producer(ctx, v)),
            _given(a, "decision", lambda v: check_decision(ctx, v)),
            _given(a, "stars", lambda v: check_stars(ctx, v, decision)),
            _given(a, "group", lambda v: check_group(ctx, v, decision)),
            *_sourced(ctx, a)]


def producer_problems(ctx: Context, a: Answers) -> list:
    """The problems with a new producer's answers."""
    return [check_slug(ctx, a.get("slug"), "name"), *_named(ctx, a),
            _given(a, "legal_form", lambda v: check_legal_form(ctx, v)),
            _given(a, "region", lambda v: check_region(ctx, v)),
            *_sourced(ctx, a)]


def news_problems(ctx: Context, a: Answers) -> list:
    """The problems with a new news article's answers."""
    return [check_slug(ctx, a.get("slug"), "Title"), check_text(ctx, a.get("title", ""), "Title"),
            _given(a, "summary", lambda v: check_text(ctx, v, "Summary")),
            check_date(ctx, a.get("date"), "Date"),
            *[problem for key in ("products", "producers", "sources")
              for problem in check_news_ids(ctx, key, a.get(key))]]
