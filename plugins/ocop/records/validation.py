"""Every record and news reference checked without building the site (`make check`, and a build's preflight)."""

from __future__ import annotations

from ..core.problems import Problems
from ..core.settings import apply_defaults, data_path, today
from .housekeeping import warnings_for
from .loader import load_catalogue
from .model import Catalogue
from .news import header_positions, news_files, resolve_references
from .rules import rules_for


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
    rules = rules_for(settings)
    catalogue = load_catalogue(data_path(settings), today(settings), settings.get("OCOP_VALIDITY_MONTHS"), rules,
                               settings)
    problems = Problems()
    problems.extend(catalogue.problems)
    problems.extend(check_news(settings, catalogue))
    problems.extend(warnings_for(catalogue, settings))
    return catalogue, problems


