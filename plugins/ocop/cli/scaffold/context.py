"""What a scaffolding command works with: the site's settings and records, the answers, and its error."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ...core.messages import render
from ...core.settings import apply_defaults, data_path
from ...core.settings import today as settings_today
from ...records.loader import load_catalogue
from ...records.model import Catalogue
from ...records.rules import rules_for


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

    def error(self, message: str) -> str:
        """`message` as an error line: `error: …` in the editor's language."""
        return f"{self.t('error')}: {message}"

    def rel(self, path: str) -> str:
        """`path` relative to the site's folder."""
        return os.path.relpath(path, self.root)

    def today(self) -> str:
        """The day the command runs (OCOP_TODAY when set), as YEAR-MONTH-DAY."""
        return settings_today(self.settings).isoformat()


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
    rules = rules_for(settings)
    catalogue = load_catalogue(data_path(settings), settings_today(settings), settings.get("OCOP_VALIDITY_MONTHS"),
                               rules)
    return Context(settings, catalogue, rules, lang, os.path.dirname(os.path.abspath(settings["PATH"])))
