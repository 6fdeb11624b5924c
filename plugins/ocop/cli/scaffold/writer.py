"""The text of a new record (YAML for products and producers, Markdown for news) and writing it safely.

The given values become real fields, everything else commented placeholders:
the writer never fills in a fact it was not given.
"""

from __future__ import annotations

import json
import os
import re

from ...core.paths import SCHEMA_DIR
from ...core.problems import ERROR, Problems
from ...records.schema_check import check_record
from ...records.yaml_loader import parse_text
from .context import Answers, Context, ScaffoldError
from .places import record_path, refuse_taken

SCHEMA_HEADER = "# yaml-language-server: $schema={path}"
COMMENT_COLUMN = 36
# Plain YAML scalars that read back as exactly the same text.
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#\n]*")
_NOT_PLAIN_TEXT = re.compile(
    r"(?i)(y|n|yes|no|on|off|true|false|null|~|[-+]?[0-9][0-9_.:eE+-]*|\.(inf|nan)|[0-9]{4}-[0-9]{2}-[0-9]{2}.*)"
)


def yaml_scalar(value) -> str:
    """`value` as a YAML scalar that reads back as the same text (quoted only when needed)."""
    if isinstance(value, bool) or value is None:
        raise TypeError("only text and numbers are written")
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text == text.strip() and ": " not in text and not text.endswith(":") \
            and not _NOT_PLAIN_TEXT.fullmatch(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def line(code: str, comment: str = "") -> str:
    """A line of YAML with an aligned trailing comment."""
    if not comment:
        return code
    return f"{code.ljust(COMMENT_COLUMN - 1)} # {comment}"


def header(ctx: Context, kind: str, folder: str) -> str:
    """The schema line editors' tools read: the schema's path relative to the record's `folder`.

    When the plugin lives outside the site (a test, an installed plugin), the
    path a province's repository has (`plugins/` next to `products/`) is used.
    """
    schema = os.path.join(SCHEMA_DIR, f"{kind}.schema.json")
    relative = os.path.relpath(schema, folder).replace(os.sep, "/")
    inside = not os.path.relpath(schema, ctx.root).startswith("..")
    if not inside:
        depth = len(os.path.relpath(folder, ctx.root).split(os.sep))
        relative = "../" * depth + f"plugins/ocop/schema/{kind}.schema.json"
    return SCHEMA_HEADER.format(path=relative)


def _opening(ctx: Context, kind: str, folder: str, name: str) -> list[str]:
    """The schema line, the two lines for the editor, and the record's name."""
    return [header(ctx, kind, folder), ctx.t("sc_yaml_intro"), ctx.t("sc_yaml_guide"), "name: " + yaml_scalar(name)]


def _alt_names(ctx: Context) -> list[str]:
    """The commented `alt_names:` block."""
    return [line("# alt_names:", ctx.t("sc_c_alt_names")), "#   - name: ...",
            "#     source: <" + ctx.t("sc_source_id") + ">"]


def _descriptions(ctx: Context) -> list[str]:
    """The commented `description:` and `description_en:` blocks."""
    return [line("# description: |", ctx.t("sc_c_description")), "#   ...",
            line("# description_en: |", ctx.t("sc_c_description_en")), "#   ..."]


def product_text(ctx: Context, answers: Answers) -> str:
    """The product.yaml of a new product: given values as fields, the rest as comments."""
    a = answers.get
    t = ctx.t
    out = _opening(ctx, "product", os.path.join(ctx.catalogue.root, a("slug")), a("name"))
    out.append(line("name_en: " + yaml_scalar(a("name_en"))) if a("name_en")
               else line("# name_en: ...", t("sc_c_name_en")))
    out += _alt_names(ctx)
    out.append(line("region: " + a("region"), t("sc_c_region")) if a("region")
               else line("# region: <" + t("sc_region_id") + ">", t("sc_c_required")))
    out.append(line("commune: " + yaml_scalar(a("commune"))) if a("commune")
               else line("# commune: ...", t("sc_c_commune")))
    out.append(line("producer: " + a("producer")) if a("producer")
               else line("# producer: <" + t("sc_producer_id") + ">", t("sc_c_producer")))
    out += certificate_lines(ctx, answers)
    out += _descriptions(ctx)
    out += photo_lines(ctx)
    out += sources_lines(ctx, answers)
    return "\n".join(out) + "\n"


def certificate_lines(ctx: Context, answers: Answers) -> list[str]:
    """`certificates:` with the given decision, stars and group, or commented placeholders."""
    t = ctx.t
    certificate = [(key, answers.get(key)) for key in ("decision", "stars", "group")]
    if not any(value for _, value in certificate):
        return [line("# certificates:", t("sc_c_certificates_required")),
                line("#   - decision: <" + t("sc_placeholder_decision") + ">"),
                line("#     stars: <" + t("sc_placeholder_stars") + ">"),
                line("#     group: <" + t("sc_placeholder_group") + ">")]
    out = [line("certificates:", t("sc_c_certificates"))]
    given = [(k, v) for k, v in certificate if v]
    for index, (key, value) in enumerate(given):
        prefix = "  - " if index == 0 else "    "
        out.append(line(f"{prefix}{key}: {value}"))
    for key in (k for k, v in certificate if not v):
        out.append(line(f"    # {key}: <{t('sc_placeholder_' + key)}>", t("sc_c_required")))
    return out + [line("    # score: ...", t("sc_c_score")), line("    # expires: YYYY-MM-DD", t("sc_c_expires"))]


def photo_lines(ctx: Context, folder: str | None = None) -> list[str]:
    """A commented `photos:` block: real photos in the record's folder, with Vietnamese alt text."""
    t = ctx.t
    comment = t("sc_c_photos_in", folder=folder) if folder else t("sc_c_photos")
    return [line("# photos:", comment), "#   - file: anh-1.jpg",
            "#     alt: <" + t("sc_placeholder_alt") + ">", "#     credit: <" + t("sc_placeholder_credit") + ">"]


def sources_lines(ctx: Context, answers: Answers) -> list[str]:
    """`sources:` and `last_verified:`, or commented placeholders saying they are required."""
    t = ctx.t
    sources = answers.get("sources") or []
    if sources:
        out = [line("sources:", t("sc_c_sources"))] + [f"  - {s}" for s in sources]
    else:
        out = [line("# sources:", t("sc_c_sources_required")), "#   - <" + t("sc_source_id") + ">"]
    verified = answers.get("verified")
    out.append(line(f"last_verified: {verified}", t("sc_c_verified")) if verified
               else line("# last_verified: YYYY-MM-DD", t("sc_c_verified_required")))
    return out


def producer_text(ctx: Context, answers: Answers) -> str:
    """The _producers/<id>.yaml of a new producer."""
    a = answers.get
    t = ctx.t
    out = _opening(ctx, "producer", os.path.join(ctx.catalogue.root, "_producers"), a("name"))
    out.append("name_en: " + yaml_scalar(a("name_en")) if a("name_en")
               else line("# name_en: ...", t("sc_c_name_en")))
    out += _alt_names(ctx)
    out.append(line("legal_form: " + a("legal_form")) if a("legal_form")
               else line("# legal_form: <" + " | ".join(ctx.rules["legal_forms"]) + ">"))
    out.append(line("region: " + a("region"), t("sc_c_region")) if a("region")
               else line("# region: <" + t("sc_region_id") + ">"))
    out.append("commune: " + yaml_scalar(a("commune")) if a("commune")
               else line("# commune: ...", t("sc_c_commune")))
    out += [line("# address: ...", t("sc_c_address")),
            line("# website: https://...", t("sc_c_website")),
            line("# contacts:", t("sc_c_contacts")),
            "#   - {type: phone, value: \"...\", source: <" + t("sc_source_id") + ">}"]
    out += _descriptions(ctx)
    out += photo_lines(ctx, f"_producers/{a('slug')}/")
    out += sources_lines(ctx, answers)
    return "\n".join(out) + "\n"


def news_text(ctx: Context, answers: Answers) -> str:
    """The Markdown file of a news article: its header, and a comment where the text goes."""
    a = answers.get
    out = [f"Title: {a('title')}", f"Date: {a('date')}", f"Slug: {a('slug')}"]
    for key, name in (("products", "Products"), ("producers", "Producers"), ("sources", "Sources")):
        if a(key):
            out.append(f"{name}: {', '.join(a(key))}")
    if a("summary"):
        out.append(f"Summary: {a('summary')}")
    out += ["", "<!--", ctx.t("sc_news_body"), "-->"]
    return "\n".join(out) + "\n"


TEXTS = {"product": product_text, "producer": producer_text, "news": news_text}


def self_check(ctx: Context, kind: str, path: str, text: str) -> None:
    """The new text must parse, and have no schema problem other than missing fields (a safety net)."""
    problems = Problems()
    record = parse_text(path, text, problems)
    if record is not None:
        check_record(kind, record, problems)
    bad = [p for p in problems.items if p.severity == ERROR and p.code != "missing_field"]
    if bad:
        raise ScaffoldError("\n".join(p.format(ctx.lang, ctx.root) for p in bad))


def write_record(ctx: Context, kind: str, answers: Answers) -> str:
    """Write the new record of `kind` (refusing a taken id, checking YAML first); returns its path."""
    slug = answers.get("slug")
    refuse_taken(ctx, kind, slug)
    path = record_path(ctx, kind, slug)
    text = TEXTS[kind](ctx, answers)
    if kind != "news":
        self_check(ctx, kind, path, text)
    _write_new(path, text, new_folder=kind == "product")
    return path


def _write_new(path: str, text: str, new_folder: bool = False) -> None:
    """Create `path` (and its folder when `new_folder`: it must not exist yet), never replacing anything."""
    folder = os.path.dirname(path)
    if new_folder:
        os.makedirs(os.path.dirname(folder), exist_ok=True)
        os.mkdir(folder)
    else:
        os.makedirs(folder, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
