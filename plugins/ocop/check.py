"""`make check`: validate every record and news reference without building the site."""

from __future__ import annotations

import os

from .messages import message_lang, render
from .news import header_positions, resolve_references
from .problems import Problems
from .records import Catalogue, load_catalogue
from .rules import DEFAULT_RULES_FILE, load_rules
from .settings import apply_defaults, data_path, today


def news_files(settings: dict) -> list[str]:
    """Markdown files under the article paths, in a stable order."""
    content = settings["PATH"]
    found = []
    for article_path in settings.get("ARTICLE_PATHS") or [""]:
        for folder, _dirs, files in os.walk(os.path.join(content, article_path)):
            found.extend(os.path.join(folder, name) for name in files if name.endswith((".md", ".markdown")))
    return sorted(found)


def check_news(settings: dict, catalogue: Catalogue) -> Problems:
    """Problems in the news' references to products, producers and sources."""
    problems = Problems()
    for path in news_files(settings):
        metadata = {key: line.split(":", 1)[1].strip() for key, (_, line) in header_positions(path).items()}
        resolve_references(metadata, path, vars(catalogue), catalogue.root, problems)
    return problems


def check(settings: dict) -> tuple[Catalogue, Problems]:
    """Every problem of the records and the news, as a build would find them."""
    apply_defaults(settings)
    rules = load_rules(settings.get("OCOP_RULES_FILE") or DEFAULT_RULES_FILE)
    catalogue = load_catalogue(data_path(settings), today(settings), settings.get("OCOP_VALIDITY_MONTHS"), rules)
    problems = Problems()
    problems.extend(catalogue.problems)
    problems.extend(check_news(settings, catalogue))
    return catalogue, problems


def summary(catalogue: Catalogue, problems: Problems, lang: str) -> str:
    """The closing line of `make check`."""
    if problems.errors:
        return render("error_count", {"count": len(problems.errors)}, lang).split(":")[0]
    counts = (len(catalogue.products), len(catalogue.producers), len(catalogue.regions),
              len(catalogue.decisions), len(catalogue.sources))
    if lang == "en":
        return "OK: {} products, {} producers, {} regions, {} decisions, {} sources.".format(*counts)
    return "Không có lỗi: {} sản phẩm, {} chủ thể, {} địa bàn, {} quyết định, {} nguồn.".format(*counts)


def run_check(settings: dict, stream) -> int:
    """Print every problem (one per line) and a summary; 1 when there are errors."""
    catalogue, problems = check(settings)
    lang = message_lang(settings)
    root = os.path.dirname(os.path.abspath(settings["PATH"]))
    if problems.items:
        stream.write(problems.report(lang, root) + "\n")
    stream.write(summary(catalogue, problems, lang) + "\n")
    return 1 if problems.errors else 0
