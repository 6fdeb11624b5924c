"""The questions of each kind of record, as tables, and the one loop that asks them.

A row says what is asked (a message code), how an answer is checked (and
asked again when wrong), which ids it may choose from, and what is said
before it. The rows are asked in order; an answer may depend on the earlier
ones (the stars and groups a decision allows, the date's default once sources
are given).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...core.slugs import fold, slugify
from ...records.rules import label
from .asker import Asker
from .checks import (
    allowed_groups,
    allowed_stars,
    check_date,
    check_decision,
    check_group,
    check_legal_form,
    check_news_ids,
    check_producer,
    check_region,
    check_source,
    check_stars,
    check_text,
    first_error,
    split_list,
)
from .context import Answers, Context, ScaffoldError
from .places import taken

Check = Callable[[Context, str, dict], str | None]  # (context, answer, answers so far) -> problem or None
Choices = Callable[[Context, dict], dict[str, str]]  # (context, answers so far) -> {id: what it is}


@dataclass(frozen=True)
class Question:
    """One question: its answer's key, prompt (a message code) and check; the rest is optional."""

    key: str
    prompt: str
    check: Check
    choices: Choices | None = None  # the ids to choose from, listed before the question
    intro: str = ""  # a message said before the question (and its choices)
    required: str = ""  # a question that must be answered: the message when no answer came at all
    names: bool = False  # the answer names the record: its id (slug) is made from it, and shown
    default: Callable[[Context, dict], str] | None = None  # the answer an empty line gives
    prompt_params: Callable[[Context, dict], dict] | None = None  # the prompt's {placeholders}
    many: bool = False  # a list: one id per question, until an empty answer
    convert: Callable[[str], object] | None = None  # how the answer is kept (a list from "a, b")


@dataclass(frozen=True)
class Form:
    """The questions of one kind of record, and what is said before them."""

    intro: str
    questions: tuple[Question, ...]


# checks and choices the tables name -------------------------------------------------------------


def text(field_name: str) -> Check:
    """A one-line text's check."""
    return lambda ctx, value, values: check_text(ctx, value, field_name)


def new_name(kind: str, field_name: str) -> Check:
    """The check of a new record's name: a one-line text whose id no record of `kind` has yet."""
    return lambda ctx, value, values: check_text(ctx, value, field_name) or taken(ctx, kind, slugify(value))


def ref(check: Callable[[Context, str], str | None]) -> Check:
    """The check of an id that must name a record (a region, a producer…)."""
    return lambda ctx, value, values: check(ctx, value)


def date(field_name: str) -> Check:
    """A YEAR-MONTH-DAY date's check."""
    return lambda ctx, value, values: check_date(ctx, value, field_name)


def decided(check: Callable[[Context, str, str | None], str | None]) -> Check:
    """The check of an answer the chosen decision limits (the stars, the group)."""
    return lambda ctx, value, values: check(ctx, value, values["decision"])


def nth_source(ctx: Context, value: str, values: dict) -> str | None:
    """The check of the next source id of a list (`sources[2]` for the second)."""
    return check_source(ctx, value, f"sources[{len(values['sources']) + 1}]")


def news_ids(key: str) -> Check:
    """The check of the ids a news article names, separated by commas."""
    return lambda ctx, value, values: first_error(check_news_ids(ctx, key, value))


def region_choices(ctx: Context, values: dict) -> dict[str, str]:
    """Region ids and names, districts in display order, then communes."""
    regions = sorted(ctx.catalogue.regions.values(),
                     key=lambda r: (r.parent is not None, r.order if r.order is not None else 10**6, fold(r.name)))
    choices = {}
    for region in regions:
        until = ctx.t("sc_until", date=region.valid_to.isoformat()) if region.valid_to else ""
        choices[region.id] = region.name + until
    return choices


def producer_choices(ctx: Context, values: dict) -> dict[str, str]:
    """Producer ids and names, by name."""
    return {p.id: p.name for p in sorted(ctx.catalogue.producers.values(), key=lambda p: fold(p.name))}


def decision_choices(ctx: Context, values: dict) -> dict[str, str]:
    """Decision ids with issuer, signing date (or interval) and regime."""
    choices = {}
    for decision in sorted(ctx.catalogue.decisions.values(), key=lambda d: (d.signed.earliest, d.id)):
        signed = decision.signed
        when = signed.earliest.isoformat() if signed.exact else f"{signed.earliest} – {signed.latest}"
        number = f"{decision.number}, " if decision.number else ""
        choices[decision.id] = f"{number}{decision.issuer}, {when}, {ctx.rules['regimes'][decision.regime]['vi']}"
    return choices


def group_choices(ctx: Context, values: dict) -> dict[str, str]:
    """The product groups the chosen decision's regime has, with their names."""
    return {g: label(ctx.rules["groups"][g], ctx.lang) for g in allowed_groups(ctx, values["decision"])}


def legal_form_choices(ctx: Context, values: dict) -> dict[str, str]:
    """Producers' legal forms with their names."""
    return {k: label(v, ctx.lang) for k, v in ctx.rules["legal_forms"].items()}


def source_choices(ctx: Context, values: dict) -> dict[str, str]:
    """Source ids with their titles (shortened)."""
    choices = {}
    for source_id, source in sorted(ctx.catalogue.sources.items()):
        title = source.title if len(source.title) <= 70 else source.title[:67] + "…"
        choices[source_id] = title
    return choices


def _stars_allowed(ctx: Context, values: dict) -> dict:
    """The star levels the chosen decision may award, for the question's prompt."""
    return {"allowed": ", ".join(str(s) for s in allowed_stars(ctx, values["decision"]))}


def _today_if_sourced(ctx: Context, values: dict) -> str:
    """Today, once sources were given (they were checked today, unless the editor says otherwise)."""
    return ctx.today() if values["sources"] else ""


# the tables ----------------------------------------------------------------------------------------

REGION = Question("region", "sc_p_region", ref(check_region), region_choices, intro="sc_q_region")
COMMUNE = Question("commune", "sc_p_commune", text("commune"))
NAME_EN = Question("name_en", "sc_p_name_en", text("name_en"))
SOURCES = Question("sources", "sc_p_source", nth_source, source_choices, intro="sc_q_sources", many=True)
VERIFIED = Question("verified", "sc_p_verified", date("last_verified"), default=_today_if_sourced)

PRODUCT = Form("sc_intro_product", (
    Question("name", "sc_p_name", new_name("product", "name"), required="sc_no_name", names=True),
    NAME_EN,
    REGION,
    COMMUNE,
    Question("producer", "sc_p_producer", ref(check_producer), producer_choices, intro="sc_q_producer"),
    Question("decision", "sc_p_decision", ref(check_decision), decision_choices, intro="sc_q_decision"),
    Question("stars", "sc_p_stars", decided(check_stars), prompt_params=_stars_allowed),
    Question("group", "sc_p_group", decided(check_group), group_choices, intro="sc_q_group"),
    SOURCES,
    VERIFIED,
))

PRODUCER = Form("sc_intro_producer", (
    Question("name", "sc_p_producer_name", new_name("producer", "name"), required="sc_no_name", names=True),
    NAME_EN,
    Question("legal_form", "sc_p_legal_form", ref(check_legal_form), legal_form_choices, intro="sc_q_legal_form"),
    REGION,
    COMMUNE,
    SOURCES,
    VERIFIED,
))

NEWS = Form("sc_intro_news", (
    Question("title", "sc_p_title", new_name("news", "Title"), required="sc_no_title", names=True),
    Question("date", "sc_p_date", date("Date"), default=lambda ctx, values: ctx.today()),
    *(Question(key, f"sc_p_news_{key}", news_ids(key), convert=split_list)
      for key in ("products", "producers", "sources")),
    Question("summary", "sc_p_summary", text("Summary")),
))

FORMS = {"product": PRODUCT, "producer": PRODUCER, "news": NEWS}


# the loop ------------------------------------------------------------------------------------------


def ask(ctx: Context, kind: str, stdin, stdout) -> Answers:
    """Ask the questions of a new record of `kind`, in order; the answers."""
    form = FORMS[kind]
    asker = Asker(ctx, stdin, stdout)
    asker.say(ctx.t(form.intro))
    values: dict = {}
    for question in form.questions:
        if question.intro:
            asker.say(ctx.t(question.intro))
        values[question.key] = (_ask_many if question.many else _ask_one)(asker, question, values)
        if question.names:
            values["slug"] = slugify(values[question.key])
            asker.say("  " + ctx.t("sc_slug_is", slug=values["slug"]))
    asker.say()
    return Answers(values)


def _ask_one(asker: Asker, question: Question, values: dict):
    """One answer (asked again until it passes the row's check), converted as the row says."""
    ctx = asker.ctx
    prompt = ctx.t(question.prompt, **(question.prompt_params(ctx, values) if question.prompt_params else {}))

    def check(value):
        return question.check(ctx, value, values)

    if question.choices is not None:
        answer = asker.choose(prompt, question.choices(ctx, values), check)
    else:
        answer = asker.ask(prompt, check, default=question.default(ctx, values) if question.default else "",
                           required=bool(question.required))
    if question.required and not answer:
        raise ScaffoldError(ctx.t(question.required))
    return question.convert(answer) if question.convert else answer


def _ask_many(asker: Asker, question: Question, values: dict) -> list[str]:
    """Ids, one per question, until an empty answer; each chosen once, and the list shown only the first time."""
    ctx = asker.ctx
    chosen: list[str] = []
    values[question.key] = chosen
    choices = question.choices(ctx, values)
    while True:
        answer = asker.choose(ctx.t(question.prompt), choices, lambda value: question.check(ctx, value, values),
                              show=not chosen)
        if not answer:
            return chosen
        if answer not in chosen:
            chosen.append(answer)
        choices = {k: v for k, v in choices.items() if k not in chosen}
