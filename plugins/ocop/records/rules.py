"""The national OCOP rules table (data/rules.yaml), read once per build."""

from __future__ import annotations

import functools

import yaml

from ..core.paths import RULES_FILE

DEFAULT_RULES_FILE = RULES_FILE


@functools.cache
def load_rules(path: str = DEFAULT_RULES_FILE) -> dict:
    """The rules mapping: regimes, groups, stars, issuer levels, legal forms, region types."""
    with open(path, encoding="utf-8") as handle:
        rules = yaml.load(handle, Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)
    rules["stars"] = {int(k): v for k, v in rules["stars"].items()}
    return rules


def rules_for(settings: dict) -> dict:
    """The rules table a site's settings name (OCOP_RULES_FILE), else the national one."""
    return load_rules(settings.get("OCOP_RULES_FILE") or DEFAULT_RULES_FILE)


def label(entry: dict, lang: str) -> str:
    """The `lang` label of a vocabulary entry, falling back to Vietnamese."""
    return entry.get(lang) or entry["vi"]
