"""`make new-product`, `make new-producer`, `make new-news`: start a record with the right shape.

Each command asks its questions (when no name is given on the command line)
or takes them as options, checks the ids it was given against the records,
and writes a new file: the given values as real fields, everything else as
commented placeholders. It never fills in a fact it was not given; the editor
completes the file from the sources, and `make check` says what is missing.
"""

from __future__ import annotations

import datetime
import difflib
import json
import os
import re
from dataclasses import dataclass, field

from ..core.messages import render
from ..core.paths import SCHEMA_DIR
from ..core.problems import ERROR, Problems
from ..core.settings import apply_defaults, data_path, today
from ..core.slugs import fold, is_id, slugify
from ..records.loader import load_catalogue
from ..records.model import PRODUCT_FILE, Catalogue
from ..records.rules import DEFAULT_RULES_FILE, label, load_rules
from ..records.schema_check import check_record
from ..records.yaml_loader import parse_text

SCHEMA_HEADER = "# yaml-language-server: $schema={path}"
COMMENT_COLUMN = 36
LIST_LIMIT = 40
# Plain YAML scalars that read back as exactly the same text.
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#\n]*")
_NOT_PLAIN_TEXT = re.compile(
    r"(?i)(y|n|yes|no|on|off|true|false|null|~|[-+]?[0-9][0-9_.:eE+-]*|\.(inf|nan)|[0-9]{4}-[0-9]{2}-[0-9]{2}.*)"
)


class ScaffoldError(Exception):
    """The command cannot create the record; the message says why (already in the editor's language)."""


@dataclass
class Context:
    """What a command knows: settings, records, rules and the editor's language."""

    settings: dict
    catalogue: Catalogue
    rules: dict
    lang: str
    root: str  # the site's folder (where pelicanconf.py is)

    def t(self, code: str, **params) -> str:
        """A message in the editor's language."""
        return render(code, params, self.lang)

    def rel(self, path: str) -> str:
        """`path` relative to the site's folder."""
        return os.path.relpath(path, self.root)


@dataclass
class Answers:
    """The values given for a new record; None or empty means "leave it for later"."""

    values: dict = field(default_factory=dict)

    def get(self, key, default=None):
        """The value of `key`, or `default`."""
        value = self.values.get(key)
        return default if value in (None, "", []) else value


def context(settings: dict, lang: str) -> Context:
    """Load the records once for a command (their own problems are left to `make check`)."""
    apply_defaults(settings)
    rules = load_rules(settings.get("OCOP_RULES_FILE") or DEFAULT_RULES_FILE)
    catalogue = load_catalogue(data_path(settings), today(settings), settings.get("OCOP_VALIDITY_MONTHS"), rules)
    return Context(settings, catalogue, rules, lang, os.path.dirname(os.path.abspath(settings["PATH"])))


# YAML text ---------------------------------------------------------------------


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


# checks of given values ---------------------------------------------------------


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


def check_region(ctx: Context, value: str, field_name: str = "region") -> str | None:
    """Problems with a region id."""
    return check_id(ctx, field_name, value) or unknown(ctx, field_name, "region", value, "_regions",
                                                       ctx.catalogue.regions)


def check_producer(ctx: Context, value: str, field_name: str = "producer") -> str | None:
    """Problems with a producer id."""
    return check_id(ctx, field_name, value) or unknown(ctx, field_name, "producer", value, "_producers",
                                                       ctx.catalogue.producers)


def check_decision(ctx: Context, value: str, field_name: str = "certificates[1].decision") -> str | None:
    """Problems with a decision id."""
    return check_id(ctx, field_name, value) or unknown(ctx, field_name, "decision", value, "_decisions",
                                                       ctx.catalogue.decisions)


def check_source(ctx: Context, value: str, field_name: str) -> str | None:
    """Problems with a source id."""
    return check_id(ctx, field_name, value) or unknown(ctx, field_name, "source", value, "_sources",
                                                       ctx.catalogue.sources)


def check_product(ctx: Context, value: str, field_name: str) -> str | None:
    """Problems with a product id."""
    return check_id(ctx, field_name, value) or unknown(ctx, field_name, "product", value, "",
                                                       ctx.catalogue.products)


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


def check_group(ctx: Context, value: str, decision_id: str | None) -> str | None:
    """Problems with a product group, as `make check` words them."""
    name = "certificates[1].group"
    groups = list(ctx.rules["groups"])
    if value not in groups:
        return ctx.t("not_in_enum", field=name, value=value, allowed=", ".join(groups),
                     suggestion=suggest(value, groups))
    decision = ctx.catalogue.decisions.get(decision_id or "")
    allowed = allowed_groups(ctx, decision_id)
    if decision is not None and value not in allowed:
        return ctx.t("group_not_in_regime", field=name, value=value,
                     regime=ctx.rules["regimes"][decision.regime]["vi"], decision=decision.id,
                     allowed=", ".join(allowed))
    return None


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


def check_legal_form(ctx: Context, value: str) -> str | None:
    """Problems with a producer's legal form."""
    forms = list(ctx.rules["legal_forms"])
    if value in forms:
        return None
    return ctx.t("not_in_enum", field="legal_form", value=value, allowed=", ".join(forms),
                 suggestion=suggest(value, forms))


def split_list(value) -> list[str]:
    """`a, b` or ["a", "b,c"] -> ["a", "b", "c"]."""
    items = value if isinstance(value, list | tuple) else [value or ""]
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def check_slug(ctx: Context, slug: str, name_field: str) -> str | None:
    """Problems with the id a new record would get."""
    if not slug:
        return ctx.t("sc_no_slug", field=name_field)
    return check_id(ctx, "slug", slug)


# the records ----------------------------------------------------------------------


def product_text(ctx: Context, answers: Answers) -> str:
    """The product.yaml of a new product: given values as fields, the rest as comments."""
    a = answers.get
    t = ctx.t
    folder = os.path.join(ctx.catalogue.root, a("slug"))
    out = [header(ctx, "product", folder), t("sc_yaml_intro"), t("sc_yaml_guide"),
           line("name: " + yaml_scalar(a("name")))]
    out.append(line("name_en: " + yaml_scalar(a("name_en"))) if a("name_en")
               else line("# name_en: ...", t("sc_c_name_en")))
    out += [line("# alt_names:", t("sc_c_alt_names")), "#   - name: ...", "#     source: <" + t("sc_source_id") + ">"]
    out.append(line("region: " + a("region"), t("sc_c_region")) if a("region")
               else line("# region: <" + t("sc_region_id") + ">", t("sc_c_required")))
    out.append(line("commune: " + yaml_scalar(a("commune"))) if a("commune")
               else line("# commune: ...", t("sc_c_commune")))
    out.append(line("producer: " + a("producer")) if a("producer")
               else line("# producer: <" + t("sc_producer_id") + ">", t("sc_c_producer")))
    certificate = [(key, a(key)) for key in ("decision", "stars", "group")]
    if any(value for _, value in certificate):
        out.append(line("certificates:", t("sc_c_certificates")))
        given = [(k, v) for k, v in certificate if v]
        missing = [k for k, v in certificate if not v]
        for index, (key, value) in enumerate(given):
            prefix = "  - " if index == 0 else "    "
            out.append(line(f"{prefix}{key}: {value}"))
        for key in missing:
            out.append(line(f"    # {key}: <{t('sc_placeholder_' + key)}>", t("sc_c_required")))
    else:
        out += [line("# certificates:", t("sc_c_certificates_required")),
                line("#   - decision: <" + t("sc_placeholder_decision") + ">"),
                line("#     stars: <" + t("sc_placeholder_stars") + ">"),
                line("#     group: <" + t("sc_placeholder_group") + ">")]
    out += [line("    # score: ...", t("sc_c_score")),
            line("    # expires: YYYY-MM-DD", t("sc_c_expires"))] if any(v for _, v in certificate) else []
    out += [line("# description: |", t("sc_c_description")), "#   ...",
            line("# description_en: |", t("sc_c_description_en")), "#   ..."]
    out += photo_lines(ctx)
    out += sources_lines(ctx, answers)
    return "\n".join(out) + "\n"


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
    folder = os.path.join(ctx.catalogue.root, "_producers")
    out = [header(ctx, "producer", folder), t("sc_yaml_intro"), t("sc_yaml_guide"), "name: " + yaml_scalar(a("name"))]
    out.append("name_en: " + yaml_scalar(a("name_en")) if a("name_en")
               else line("# name_en: ...", t("sc_c_name_en")))
    out += [line("# alt_names:", t("sc_c_alt_names")), "#   - name: ...", "#     source: <" + t("sc_source_id") + ">"]
    out.append(line("legal_form: " + a("legal_form")) if a("legal_form")
               else line("# legal_form: <" + " | ".join(ctx.rules["legal_forms"]) + ">"))
    out.append(line("region: " + a("region"), t("sc_c_region")) if a("region")
               else line("# region: <" + t("sc_region_id") + ">"))
    out.append("commune: " + yaml_scalar(a("commune")) if a("commune")
               else line("# commune: ...", t("sc_c_commune")))
    out += [line("# address: ...", t("sc_c_address")),
            line("# website: https://...", t("sc_c_website")),
            line("# contacts:", t("sc_c_contacts")),
            "#   - {type: phone, value: \"...\", source: <" + t("sc_source_id") + ">}",
            line("# description: |", t("sc_c_description")), "#   ...",
            line("# description_en: |", t("sc_c_description_en")), "#   ..."]
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


def self_check(ctx: Context, kind: str, path: str, text: str) -> None:
    """The new text must parse, and have no schema problem other than missing fields (a safety net)."""
    problems = Problems()
    record = parse_text(path, text, problems)
    if record is not None:
        check_record(kind, record, problems)
    bad = [p for p in problems.items if p.severity == ERROR and p.code != "missing_field"]
    if bad:
        raise ScaffoldError("\n".join(p.format(ctx.lang, ctx.root) for p in bad))


# questions ----------------------------------------------------------------------------


class Asker:
    """Asks questions on a terminal (or reads answers piped to stdin), re-asking after a wrong answer."""

    def __init__(self, ctx: Context, stdin, stdout):
        self.ctx = ctx
        self.stdin = stdin
        self.stdout = stdout
        self.closed = False

    def say(self, text: str = "") -> None:
        """Print a line."""
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def read(self, prompt: str) -> str:
        """One answer; an empty string at the end of the input."""
        self.stdout.write(prompt)
        self.stdout.flush()
        if self.closed:
            self.stdout.write("\n")
            return ""
        answer = self.stdin.readline()
        if not answer:
            self.closed = True
            self.stdout.write("\n")
            return ""
        if not getattr(self.stdin, "isatty", lambda: False)():
            self.stdout.write(answer if answer.endswith("\n") else answer + "\n")  # echo piped answers
        return answer.strip()

    def ask(self, prompt: str, check=None, default: str = "", required: bool = False):
        """Ask until the answer passes `check` (which returns an error or None) or is left empty."""
        shown = f"{prompt} [{default}]: " if default else f"{prompt}: "
        while True:
            answer = self.read(shown) or default
            if not answer:
                if required and not self.closed:
                    self.say("  " + self.ctx.t("sc_required_answer"))
                    continue
                return ""
            error = check(answer) if check else None
            if error is None:
                return answer
            self.say(f"  {self.ctx.t('error')}: {error}")
            if self.closed:
                return ""

    def choose(self, prompt: str, choices: dict[str, str], check, default: str = "", show: bool = True):
        """Show the valid ids with their names, then ask; a part of a name finds its id."""
        ctx = self.ctx
        if not show:
            pass
        elif len(choices) <= LIST_LIMIT:
            width = max((len(k) for k in choices), default=0)
            for key, text in choices.items():
                self.say(f"    {key.ljust(width)}  {text}")
        else:
            self.say("    " + ctx.t("sc_many_choices", count=len(choices)))

        def resolve(answer: str):
            if answer in choices or not choices:
                return check(answer)
            wanted = slugify(answer)
            found = [k for k, text in choices.items() if wanted and wanted in slugify(f"{k} {text}")]
            if len(found) == 1:
                return ("found", found[0])
            if len(found) > 1:
                shown = ", ".join(found[:20]) + (" …" if len(found) > 20 else "")
                return ctx.t("sc_several_matches", matches=shown)
            return check(answer)

        while True:
            answer = self.ask(prompt, lambda value: None, default=default)
            if not answer:
                return ""
            result = resolve(answer)
            if result is None:
                return answer
            if isinstance(result, tuple):
                self.say(f"  → {result[1]} ({choices[result[1]]})")
                return result[1]
            self.say(f"  {ctx.t('error')}: {result}")
            if self.closed:
                return ""


def region_choices(ctx: Context) -> dict[str, str]:
    """Region ids and names, districts in display order, then communes."""
    regions = sorted(ctx.catalogue.regions.values(),
                     key=lambda r: (r.parent is not None, r.order if r.order is not None else 10**6, fold(r.name)))
    choices = {}
    for region in regions:
        until = ctx.t("sc_until", date=region.valid_to.isoformat()) if region.valid_to else ""
        choices[region.id] = region.name + until
    return choices


def decision_choices(ctx: Context) -> dict[str, str]:
    """Decision ids with issuer, signing date (or interval) and regime."""
    choices = {}
    for decision in sorted(ctx.catalogue.decisions.values(), key=lambda d: (d.signed.earliest, d.id)):
        signed = decision.signed
        when = signed.earliest.isoformat() if signed.exact else f"{signed.earliest} – {signed.latest}"
        number = f"{decision.number}, " if decision.number else ""
        choices[decision.id] = f"{number}{decision.issuer}, {when}, {ctx.rules['regimes'][decision.regime]['vi']}"
    return choices


def source_choices(ctx: Context) -> dict[str, str]:
    """Source ids with their titles (shortened)."""
    choices = {}
    for source_id, source in sorted(ctx.catalogue.sources.items()):
        title = source.title if len(source.title) <= 70 else source.title[:67] + "…"
        choices[source_id] = title
    return choices


def ask_sources(asker: Asker, ctx: Context) -> list[str]:
    """Source ids, one per question, until an empty answer."""
    asker.say(ctx.t("sc_q_sources"))
    choices = source_choices(ctx)
    sources: list[str] = []
    while True:
        field_name = f"sources[{len(sources) + 1}]"
        answer = asker.choose(ctx.t("sc_p_source"), choices, lambda v, f=field_name: check_source(ctx, v, f),
                              show=not sources)
        if not answer:
            return sources
        if answer not in sources:
            sources.append(answer)
        choices = {k: v for k, v in choices.items() if k not in sources}


def ask_verified(asker: Asker, ctx: Context, sources: list[str]) -> str:
    """The date the record was checked against its sources (today by default, when sources were given)."""
    default = today(ctx.settings).isoformat() if sources else ""
    return asker.ask(ctx.t("sc_p_verified"), lambda v: check_date(ctx, v, "last_verified"), default=default)


def ask_product(ctx: Context, stdin, stdout) -> Answers:
    """The questions of `make new-product`."""
    asker = Asker(ctx, stdin, stdout)
    t = ctx.t
    asker.say(t("sc_intro_product"))
    name = asker.ask(t("sc_p_name"), lambda v: check_text(ctx, v, "name") or taken(ctx, "product", slugify(v)),
                     required=True)
    if not name:
        raise ScaffoldError(t("sc_no_name"))
    values: dict = {"name": name, "slug": slugify(name)}
    asker.say("  " + t("sc_slug_is", slug=values["slug"]))
    values["name_en"] = asker.ask(t("sc_p_name_en"), lambda v: check_text(ctx, v, "name_en"))
    asker.say(t("sc_q_region"))
    values["region"] = asker.choose(t("sc_p_region"), region_choices(ctx), lambda v: check_region(ctx, v))
    values["commune"] = asker.ask(t("sc_p_commune"), lambda v: check_text(ctx, v, "commune"))
    asker.say(t("sc_q_producer"))
    producers = {p.id: p.name for p in sorted(ctx.catalogue.producers.values(), key=lambda p: fold(p.name))}
    values["producer"] = asker.choose(t("sc_p_producer"), producers, lambda v: check_producer(ctx, v))
    asker.say(t("sc_q_decision"))
    values["decision"] = asker.choose(t("sc_p_decision"), decision_choices(ctx), lambda v: check_decision(ctx, v))
    stars = allowed_stars(ctx, values["decision"])
    values["stars"] = asker.ask(t("sc_p_stars", allowed=", ".join(str(s) for s in stars)),
                                lambda v: check_stars(ctx, v, values["decision"]))
    asker.say(t("sc_q_group"))
    groups = {g: label(ctx.rules["groups"][g], ctx.lang) for g in allowed_groups(ctx, values["decision"])}
    values["group"] = asker.choose(t("sc_p_group"), groups, lambda v: check_group(ctx, v, values["decision"]))
    values["sources"] = ask_sources(asker, ctx)
    values["verified"] = ask_verified(asker, ctx, values["sources"])
    asker.say()
    return Answers(values)


def ask_producer(ctx: Context, stdin, stdout) -> Answers:
    """The questions of `make new-producer`."""
    asker = Asker(ctx, stdin, stdout)
    t = ctx.t
    asker.say(t("sc_intro_producer"))
    name = asker.ask(t("sc_p_producer_name"),
                     lambda v: check_text(ctx, v, "name") or taken(ctx, "producer", slugify(v)), required=True)
    if not name:
        raise ScaffoldError(t("sc_no_name"))
    values: dict = {"name": name, "slug": slugify(name)}
    asker.say("  " + t("sc_slug_is", slug=values["slug"]))
    values["name_en"] = asker.ask(t("sc_p_name_en"), lambda v: check_text(ctx, v, "name_en"))
    asker.say(t("sc_q_legal_form"))
    forms = {k: label(v, ctx.lang) for k, v in ctx.rules["legal_forms"].items()}
    values["legal_form"] = asker.choose(t("sc_p_legal_form"), forms, lambda v: check_legal_form(ctx, v))
    asker.say(t("sc_q_region"))
    values["region"] = asker.choose(t("sc_p_region"), region_choices(ctx), lambda v: check_region(ctx, v))
    values["commune"] = asker.ask(t("sc_p_commune"), lambda v: check_text(ctx, v, "commune"))
    values["sources"] = ask_sources(asker, ctx)
    values["verified"] = ask_verified(asker, ctx, values["sources"])
    asker.say()
    return Answers(values)


def ask_news(ctx: Context, stdin, stdout) -> Answers:
    """The questions of `make new-news`."""
    asker = Asker(ctx, stdin, stdout)
    t = ctx.t
    asker.say(t("sc_intro_news"))
    title = asker.ask(t("sc_p_title"), lambda v: check_text(ctx, v, "Title") or taken(ctx, "news", slugify(v)),
                      required=True)
    if not title:
        raise ScaffoldError(t("sc_no_title"))
    values: dict = {"title": title, "slug": slugify(title)}
    asker.say("  " + t("sc_slug_is", slug=values["slug"]))
    values["date"] = asker.ask(t("sc_p_date"), lambda v: check_date(ctx, v, "Date"),
                               default=today(ctx.settings).isoformat())
    for key in ("products", "producers", "sources"):
        answer = asker.ask(t(f"sc_p_news_{key}"), lambda v, k=key: first_error(check_news_ids(ctx, k, v)))
        values[key] = split_list(answer)
    values["summary"] = asker.ask(t("sc_p_summary"), lambda v: check_text(ctx, v, "Summary"))
    asker.say()
    return Answers(values)


def first_error(errors: list[str]) -> str | None:
    """The first of a list of messages, or None."""
    return errors[0] if errors else None


def check_news_ids(ctx: Context, key: str, value) -> list[str]:
    """Problems with the ids a news article names."""
    checker = {"products": check_product, "producers": check_producer, "sources": check_source}[key]
    return [e for e in (checker(ctx, i, key.capitalize()) for i in split_list(value)) if e]


# the commands ----------------------------------------------------------------------------


def _validate(ctx: Context, checks: list) -> None:
    errors = [e for e in checks if e]
    if errors:
        raise ScaffoldError("\n".join(f"{ctx.t('error')}: {e}" for e in errors))


def _write_new(ctx: Context, path: str, text: str, folder: str | None = None) -> None:
    """Create `path` (and `folder`), never replacing anything."""
    if folder is not None:
        os.makedirs(os.path.dirname(folder), exist_ok=True)
        os.mkdir(folder)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def taken(ctx: Context, kind: str, slug: str) -> str | None:
    """Why a new record of `kind` cannot use `slug` (it exists already), or None."""
    try:
        if kind == "product":
            root = ctx.catalogue.root
            _exists(ctx, os.path.join(root, slug), ctx.t("kind_product"))
            twin = _twin(ctx, root, slug)
            if twin:
                _exists(ctx, twin, ctx.t("kind_product"))
        elif kind == "producer":
            folder = os.path.join(ctx.catalogue.root, "_producers")
            _exists(ctx, os.path.join(folder, slug + ".yaml"), ctx.t("kind_producer"))
            twin = _twin(ctx, folder, slug, ".yaml")
            if twin:
                _exists(ctx, twin, ctx.t("kind_producer"))
        else:
            _exists(ctx, os.path.join(news_folder(ctx.settings), slug + ".md"), ctx.t("sc_kind_news"))
            other = _slug_taken(ctx.settings, slug)
            if other:
                return ctx.t("sc_slug_taken", slug=slug, path=ctx.rel(other))
    except ScaffoldError as exc:
        return str(exc).split(": ", 1)[1]
    return None


def _exists(ctx: Context, path: str, what: str) -> None:
    if os.path.exists(path):
        raise ScaffoldError(f"{ctx.t('error')}: " + ctx.t("sc_exists", what=what, path=ctx.rel(path)))


def _twin(ctx: Context, folder: str, slug: str, extension: str = "") -> str | None:
    """An existing entry whose name becomes the same id (e.g. `Gao-Nep` for `gao-nep`)."""
    if not os.path.isdir(folder):
        return None
    for name in sorted(os.listdir(folder)):
        stem = name[: -len(extension)] if extension and name.endswith(extension) else name
        if slugify(stem) == slug:
            return os.path.join(folder, name)
    return None


def _product_checks(ctx: Context, a: Answers) -> list:
    return [
        check_text(ctx, a.get("name", ""), "name"),
        check_text(ctx, a.get("name_en"), "name_en") if a.get("name_en") else None,
        check_text(ctx, a.get("commune"), "commune") if a.get("commune") else None,
        check_region(ctx, a.get("region")) if a.get("region") else None,
        check_producer(ctx, a.get("producer")) if a.get("producer") else None,
        check_decision(ctx, a.get("decision")) if a.get("decision") else None,
        check_stars(ctx, a.get("stars"), a.get("decision")) if a.get("stars") else None,
        check_group(ctx, a.get("group"), a.get("decision")) if a.get("group") else None,
        *[check_source(ctx, s, f"sources[{i}]") for i, s in enumerate(a.get("sources") or [], start=1)],
        check_date(ctx, a.get("verified"), "last_verified") if a.get("verified") else None,
    ]


def new_product(ctx: Context, answers: Answers) -> tuple[str, list[str]]:
    """Create products/<slug>/product.yaml; returns its path and what to do next."""
    a = answers
    if a.get("sources") and not a.get("verified"):
        a.values["verified"] = today(ctx.settings).isoformat()
    slug = a.get("slug") or slugify(a.get("name", ""))
    a.values["slug"] = slug
    _validate(ctx, [check_slug(ctx, slug, "name"), *_product_checks(ctx, a)])
    if a.get("stars"):
        a.values["stars"] = int(str(a.get("stars")).strip())
    root = ctx.catalogue.root
    folder = os.path.join(root, slug)
    _exists(ctx, folder, ctx.t("kind_product"))
    twin = _twin(ctx, root, slug)
    if twin:
        _exists(ctx, twin, ctx.t("kind_product"))
    path = os.path.join(folder, PRODUCT_FILE)
    text = product_text(ctx, a)
    self_check(ctx, "product", path, text)
    _write_new(ctx, path, text, folder)
    return path, next_steps(ctx, "product", path, a)


def new_producer(ctx: Context, answers: Answers) -> tuple[str, list[str]]:
    """Create products/_producers/<id>.yaml; returns its path and what to do next."""
    a = answers
    if a.get("sources") and not a.get("verified"):
        a.values["verified"] = today(ctx.settings).isoformat()
    slug = a.get("slug") or slugify(a.get("name", ""))
    a.values["slug"] = slug
    _validate(ctx, [
        check_slug(ctx, slug, "name"),
        check_text(ctx, a.get("name", ""), "name"),
        check_text(ctx, a.get("name_en"), "name_en") if a.get("name_en") else None,
        check_text(ctx, a.get("commune"), "commune") if a.get("commune") else None,
        check_legal_form(ctx, a.get("legal_form")) if a.get("legal_form") else None,
        check_region(ctx, a.get("region")) if a.get("region") else None,
        *[check_source(ctx, s, f"sources[{i}]") for i, s in enumerate(a.get("sources") or [], start=1)],
        check_date(ctx, a.get("verified"), "last_verified") if a.get("verified") else None,
    ])
    folder = os.path.join(ctx.catalogue.root, "_producers")
    path = os.path.join(folder, slug + ".yaml")
    _exists(ctx, path, ctx.t("kind_producer"))
    twin = _twin(ctx, folder, slug, ".yaml")
    if twin:
        _exists(ctx, twin, ctx.t("kind_producer"))
    text = producer_text(ctx, a)
    self_check(ctx, "producer", path, text)
    os.makedirs(folder, exist_ok=True)
    _write_new(ctx, path, text)
    return path, next_steps(ctx, "producer", path, a)


def news_folder(settings: dict) -> str:
    """The folder new news articles go to: the first of ARTICLE_PATHS under PATH."""
    paths = settings.get("ARTICLE_PATHS") or [""]
    return os.path.join(os.path.abspath(settings["PATH"]), paths[0])


def _slug_taken(settings: dict, slug: str) -> str | None:
    """A news article that already uses `slug`."""
    from ..records.news import header_positions, news_files

    for path in news_files(settings):
        line = header_positions(path).get("slug")
        if line and line[1].split(":", 1)[1].strip() == slug:
            return path
    return None


def new_news(ctx: Context, answers: Answers) -> tuple[str, list[str]]:
    """Create content/news/<slug>.md; returns its path and what to do next."""
    a = answers
    slug = a.get("slug") or slugify(a.get("title", ""))
    a.values["slug"] = slug
    if not a.get("date"):
        a.values["date"] = today(ctx.settings).isoformat()
    for key in ("products", "producers", "sources"):
        a.values[key] = split_list(a.get(key) or [])
    _validate(ctx, [
        check_slug(ctx, slug, "Title"),
        check_text(ctx, a.get("title", ""), "Title"),
        check_text(ctx, a.get("summary"), "Summary") if a.get("summary") else None,
        check_date(ctx, a.get("date"), "Date"),
        *check_news_ids(ctx, "products", a.get("products")),
        *check_news_ids(ctx, "producers", a.get("producers")),
        *check_news_ids(ctx, "sources", a.get("sources")),
    ])
    path = os.path.join(news_folder(ctx.settings), slug + ".md")
    _exists(ctx, path, ctx.t("sc_kind_news"))
    taken = _slug_taken(ctx.settings, slug)
    if taken:
        raise ScaffoldError(f"{ctx.t('error')}: " + ctx.t("sc_slug_taken", slug=slug, path=ctx.rel(taken)))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    _write_new(ctx, path, news_text(ctx, a))
    return path, next_steps(ctx, "news", path, a)


def page_url(ctx: Context, kind: str, slug: str) -> str:
    """Where the new record's page is on the preview server."""
    setting = {"product": "PRODUCT_URL", "producer": "PRODUCER_URL", "news": "ARTICLE_URL"}[kind]
    url = (ctx.settings.get(setting) or "").format(slug=slug)
    return "http://localhost:8000/" + url


def next_steps(ctx: Context, kind: str, path: str, a: Answers) -> list[str]:
    """What the editor fills in next, in order."""
    t = ctx.t
    rel = ctx.rel(path)
    steps = [t("sc_next_open", path=rel)]
    if kind == "news":
        steps.append(t("sc_next_news_body"))
        if not a.get("summary"):
            steps.append(t("sc_next_news_summary"))
        steps.append(t("sc_next_news_date", date=a.get("date")))
    else:
        if kind == "product":
            missing = [k for k in ("region", "decision", "stars", "group") if not a.get(k)]
            if missing:
                steps.append(t("sc_next_required", fields=", ".join(f"`{m}`" for m in missing)))
        if not a.get("sources"):
            steps.append(t("sc_next_sources"))
        else:
            steps.append(t("sc_next_verified", date=a.get("verified")))
        steps.append(t("sc_next_optional_product" if kind == "product" else "sc_next_optional_producer"))
        if kind == "product":
            steps.append(t("sc_next_photos", folder=ctx.rel(os.path.dirname(path))))
    steps.append(t("sc_next_check"))
    steps.append(t("sc_next_serve", url=page_url(ctx, kind, a.get("slug"))))
    steps.append(t("sc_next_commit", path=ctx.rel(os.path.dirname(path) if kind == "product" else path)))
    return steps


def run(kind: str, settings: dict, lang: str, values: dict | None, stdin, stdout, stderr) -> int:
    """One scaffolding command: ask (when `values` is None) or take `values`, then write; exit status."""
    try:
        ctx = context(settings, lang)
        if values is None:
            asker = {"product": ask_product, "producer": ask_producer, "news": ask_news}[kind]
            answers = asker(ctx, stdin, stdout)
        else:
            answers = Answers(dict(values))
        create = {"product": new_product, "producer": new_producer, "news": new_news}[kind]
        path, steps = create(ctx, answers)
    except ScaffoldError as exc:
        stderr.write(str(exc) + "\n")
        return 1
    except KeyboardInterrupt:
        stderr.write("\n")
        return 130
    stdout.write(ctx.t("sc_created", path=ctx.rel(path)) + "\n\n" + ctx.t("sc_next_title") + "\n")
    for number, step in enumerate(steps, start=1):
        stdout.write(f"  {number}. {step}\n")
    return 0
