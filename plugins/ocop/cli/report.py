"""`make report`: the housekeeping report an office plans re-certification with (Markdown).

Four sections: certificates expired or expiring soon, records missing key
facts, products per district, and the province's targets (settings
`OCOP_TARGETS`) against what the catalogue records. Targets are province-wide
as the sources give them; the report never divides them between districts.
"""

from __future__ import annotations

import os

from ..core.messages import message_lang, render
from ..core.paths import relative_path
from ..core.problems import Problems
from ..core.slugs import fold
from ..records import certificates as cert_rules
from ..records.housekeeping import expiring, expiry_window, has_photo, verify_max_days
from ..records.rules import label, rules_for
from ..records.targets import measure
from ..records.validation import check

# How the catalogue measures a target (the `measure` key of an OCOP_TARGETS entry).
MEASURES = ("new_products", "upgraded_3_to_4")


def cell(text) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def table(header: list[str], rows: list[list]) -> list[str]:
    """A Markdown table, one line per row."""
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines


def _t(code: str, lang: str, **params) -> str:
    return render(code, params, lang)




def count(products, name: str, year: int) -> tuple[int, int]:
    """(certain, possible) numbers of products for a measure in a year."""
    results = [measure(p, name, year) for p in products]
    return results.count("certain"), results.count("possible")


def show_count(counts: tuple[int, int], lang: str) -> str:
    """`5` or `5 (+9 có thể)`: a count and the uncertain extra."""
    certain, possible = counts
    if possible:
        return _t("report_count_possible", lang, certain=certain, possible=possible)
    return str(certain)


def show_span(span: cert_rules.Span) -> str:
    """A date, or `from – to` when only an interval is known."""
    if span.exact:
        return span.earliest.isoformat()
    return f"{span.earliest.isoformat()} – {span.latest.isoformat()}"


def district_of(region_id: str, regions: dict) -> str:
    """The top-level region (district) a region belongs to."""
    seen = set()
    while region_id in regions and regions[region_id].parent and region_id not in seen:
        seen.add(region_id)
        region_id = regions[region_id].parent
    return region_id


def expiry_section(catalogue, lang: str, window: int, root: str) -> list[str]:
    """Section 1: latest certificates expired, possibly expired or expiring within `window` days."""
    today = catalogue.today
    rows = []
    for product in catalogue.products.values():
        current = product.current
        status = cert_rules.status(current.expiry, today, current.revoked)
        if status == cert_rules.REVOKED:
            continue
        if status not in (cert_rules.EXPIRED, cert_rules.UNKNOWN) and not expiring(current, today, window):
            continue
        expiry = current.expiry
        if status == cert_rules.EXPIRED:
            code = "report_state_expired" if expiry.exact else "report_state_expired_interval"
            state = _t(code, lang, days=(today - expiry.latest).days)
        elif status == cert_rules.UNKNOWN:
            state = _t("report_state_unknown", lang, days=(expiry.latest - today).days)
        elif expiry.exact:
            state = _t("report_state_expiring", lang, days=(expiry.earliest - today).days)
        else:
            state = _t("report_state_expiring_interval", lang, earliest=(expiry.earliest - today).days,
                       latest=(expiry.latest - today).days)
        region = catalogue.regions.get(product.region)
        decision = f"`{current.decision.id}`" + (f" ({current.decision.number})" if current.decision.number else "")
        rows.append(((expiry.latest, fold(product.name)), [
            f"{product.name} (`{relative_path(product.path, root)}`)", region.name if region else product.region,
            current.stars, decision, show_span(expiry), state,
        ]))
    lines = ["## " + _t("report_expiry_title", lang, days=window), ""]
    if not rows:
        return lines + [_t("report_expiry_none", lang), ""]
    rows.sort(key=lambda r: r[0])
    header = [_t(f"report_col_{c}", lang) for c in ("product", "region", "stars", "decision", "expiry", "state")]
    return lines + table(header, [r for _, r in rows]) + [""]


def missing_section(catalogue, settings: dict, lang: str, root: str) -> list[str]:
    """Section 2: products and decisions without key facts."""
    today = catalogue.today
    stale = verify_max_days(settings)
    rows = []
    for product in sorted(catalogue.products.values(), key=lambda p: (fold(p.name), p.id)):
        missing = []
        if not product.producer:
            missing.append(_t("report_missing_producer", lang))
        if not product.name_en:
            missing.append(_t("report_missing_name_en", lang))
        if not has_photo(product):
            missing.append(_t("report_missing_photo", lang))
        if product.last_verified and (today - product.last_verified).days > stale:
            missing.append(_t("report_missing_verified", lang, date=product.last_verified.isoformat()))
        if missing:
            rows.append([f"{product.name} (`{relative_path(product.path, root)}`)", "; ".join(missing)])
    lines = ["## " + _t("report_missing_title", lang), ""]
    if rows:
        lines += table([_t("report_col_product", lang), _t("report_col_missing", lang)], rows) + [""]
    else:
        lines += [_t("report_missing_none", lang), ""]

    uses: dict[str, int] = {}
    for product in catalogue.products.values():
        for decision_id in {c.decision.id for c in product.certificates}:
            uses[decision_id] = uses.get(decision_id, 0) + 1
    decision_rows = []
    for decision in sorted(catalogue.decisions.values(), key=lambda d: d.id):
        missing = []
        if not decision.number:
            missing.append(_t("report_missing_number", lang))
        if decision.signed is not None and not decision.signed.exact:
            missing.append(_t("report_missing_signed", lang, span=show_span(decision.signed)))
        if missing:
            decision_rows.append([f"`{decision.id}` (`{relative_path(decision.path, root)}`)", "; ".join(missing),
                                  uses.get(decision.id, 0)])
    if decision_rows:
        header = [_t("report_col_decision", lang), _t("report_col_missing", lang), _t("report_col_products", lang)]
        lines += table(header, decision_rows) + [""]
    return lines


def targets_of(settings: dict) -> list[dict]:
    """The OCOP_TARGETS setting, entries without a value or year left out."""
    return [t for t in settings.get("OCOP_TARGETS") or [] if isinstance(t, dict) and "value" in t and "year" in t]


def district_section(catalogue, settings: dict, lang: str, rules: dict) -> list[str]:
    """Section 3: products per district, with the measured target years as columns."""
    today = catalogue.today
    regions = catalogue.regions
    districts = sorted((r for r in regions.values() if not r.parent),
                       key=lambda r: (r.order if r.order is not None else 10**6, fold(r.name), r.id))
    measured = []
    for target in targets_of(settings):
        key = (target.get("measure"), int(target["year"]))
        if key[0] in MEASURES and key not in measured:
            measured.append(key)
    by_district: dict[str, list] = {r.id: [] for r in districts}
    for product in catalogue.products.values():
        by_district.setdefault(district_of(product.region, regions), []).append(product)

    header = [_t("report_col_region", lang), _t("report_col_products", lang), _t("report_col_valid", lang),
              _t("report_col_not_valid", lang)]
    header += [label(rules["stars"][s], lang) for s in sorted(rules["stars"])]
    header += [_t(f"report_col_{name}", lang, year=year) for name, year in measured]

    def row(name: str, products: list) -> list:
        valid = sum(1 for p in products if p.certified)
        stars = [sum(1 for p in products if p.current.stars == s) for s in sorted(rules["stars"])]
        counts = [show_count(count(products, m, y), lang) for m, y in measured]
        return [name, len(products), valid, len(products) - valid, *stars, *counts]

    rows = []
    for district_id, products in by_district.items():
        region = regions.get(district_id)
        name = region.name if region else district_id
        if region and region.valid_to and region.valid_to < today:
            name += " " + _t("report_region_until", lang, date=region.valid_to.isoformat())
        rows.append(row(name, products))
    rows.append(row("**" + _t("report_total", lang) + "**", list(catalogue.products.values())))
    lines = ["## " + _t("report_district_title", lang), ""] + table(header, rows) + [""]
    notes = ["report_district_note_stars"] + (["report_district_note_possible"] if measured else [])
    lines += [" ".join(_t(code, lang) for code in notes + ["report_district_note_targets"]), ""]
    return lines


def targets_section(catalogue, settings: dict, lang: str) -> list[str]:
    """Section 4: the province's targets against the catalogue's province-wide counts."""
    lines = ["## " + _t("report_targets_title", lang), ""]
    targets = targets_of(settings)
    if not targets:
        return lines + [_t("report_targets_none", lang), ""]
    products = list(catalogue.products.values())
    rows = []
    for target in targets:
        name = target.get("measure")
        if name in MEASURES:
            recorded = show_count(count(products, name, int(target["year"])), lang)
        else:
            recorded = _t("report_not_measured", lang)
        title = target.get("label_en" if lang == "en" else "label_vi") or target.get("label_vi") or ""
        rows.append([title, target["year"], target["value"], recorded, target.get("source", "")])
    header = [_t(f"report_col_{c}", lang) for c in ("target", "year", "value", "recorded", "source")]
    return lines + table(header, rows) + ["", _t("report_targets_note", lang), ""]


def build_report(catalogue, settings: dict, lang: str = "vi", window: int | None = None) -> str:
    """The whole report as Markdown."""
    rules = rules_for(settings)
    window = window if window is not None else expiry_window(settings)
    root = os.path.dirname(os.path.abspath(settings.get("PATH", ".")))
    province = catalogue.province
    name = (province.name_en or province.name) if province and lang == "en" else (province.name if province else "")
    lines = ["# " + _t("report_title", lang, province=name), "",
             _t("report_intro", lang, today=catalogue.today.isoformat()), ""]
    lines += expiry_section(catalogue, lang, window, root)
    lines += missing_section(catalogue, settings, lang, root)
    lines += district_section(catalogue, settings, lang, rules)
    lines += targets_section(catalogue, settings, lang)
    return "\n".join(lines).rstrip() + "\n"


def run_report(settings: dict, stream, err_stream, output: str | None = None, window: int | None = None) -> int:
    """Print (or write to `output`) the report; 1 without a report when records have errors."""
    catalogue, problems = check(settings)
    lang = message_lang(settings)
    root = os.path.dirname(os.path.abspath(settings["PATH"]))
    if problems.errors:
        errors = Problems(problems.errors)
        err_stream.write(errors.report(lang, root) + "\n")
        err_stream.write(_t("report_has_errors", lang, count=len(problems.errors)) + "\n")
        return 1
    text = build_report(catalogue, settings, lang, window)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
        err_stream.write(_t("report_written", lang, path=output) + "\n")
    else:
        stream.write(text)
    return 0
