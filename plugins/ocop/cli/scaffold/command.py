"""The three commands: take the answers (asked, or given as options), check them all, write, say what comes next."""

from __future__ import annotations

import os

from ...core.slugs import slugify
from .checks import news_problems, producer_problems, product_problems, split_list
from .context import Answers, Context, ScaffoldError, context
from .questions import ask
from .writer import write_record


def _validate(ctx: Context, checks: list) -> None:
    """Raise ScaffoldError listing every problem found (None stands for a good answer)."""
    errors = [e for e in checks if e]
    if errors:
        raise ScaffoldError("\n".join(ctx.error(e) for e in errors))


PROBLEMS = {"product": product_problems, "producer": producer_problems, "news": news_problems}


def _complete(ctx: Context, kind: str, a: Answers) -> None:
    """What the answers leave out but a record has anyway: its id, and the dates of today."""
    name = a.get("title" if kind == "news" else "name", "")
    a.values["slug"] = a.get("slug") or slugify(name)
    if kind == "news":
        a.values["date"] = a.get("date") or ctx.today()
        for key in ("products", "producers", "sources"):
            a.values[key] = split_list(a.get(key) or [])
    elif a.get("sources") and not a.get("verified"):
        a.values["verified"] = ctx.today()  # sources given without a date were checked today


def create(ctx: Context, kind: str, answers: Answers) -> tuple[str, list[str]]:
    """Check every answer, then create the new record's file; returns its path and what to do next."""
    _complete(ctx, kind, answers)
    _validate(ctx, PROBLEMS[kind](ctx, answers))
    if kind == "product" and answers.get("stars"):
        answers.values["stars"] = int(str(answers.get("stars")).strip())
    path = write_record(ctx, kind, answers)
    return path, next_steps(ctx, kind, path, answers)


def new_product(ctx: Context, answers: Answers) -> tuple[str, list[str]]:
    """Create products/<slug>/product.yaml; returns its path and what to do next."""
    return create(ctx, "product", answers)


def new_producer(ctx: Context, answers: Answers) -> tuple[str, list[str]]:
    """Create products/_producers/<id>.yaml; returns its path and what to do next."""
    return create(ctx, "producer", answers)


def new_news(ctx: Context, answers: Answers) -> tuple[str, list[str]]:
    """Create content/news/<slug>.md; returns its path and what to do next."""
    return create(ctx, "news", answers)


def page_url(ctx: Context, kind: str, slug: str) -> str:
    """Where the new record's page is on the preview server."""
    setting = {"product": "PRODUCT_URL", "producer": "PRODUCER_URL", "news": "ARTICLE_URL"}[kind]
    url = (ctx.settings.get(setting) or "").format(slug=slug)
    return "http://localhost:8000/" + url


def next_steps(ctx: Context, kind: str, path: str, a: Answers) -> list[str]:
    """What the editor fills in next, in order."""
    t = ctx.t
    steps = [t("sc_next_open", path=ctx.rel(path))]
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
        answers = ask(ctx, kind, stdin, stdout) if values is None else Answers(dict(values))
        path, steps = create(ctx, kind, answers)
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
