"""`python -m ocop cms-config`: the web form's configuration (admin/config.yml), made from the JSON Schemas.

The build writes the same file into the output's admin folder on every build
(site/cms.py); this command shows it, or writes it where `--output` says, so
that it can be read or compared without building.
"""

from __future__ import annotations

from ..core.messages import message_lang
from ..core.messages import render as render_message
from ..core.settings import apply_defaults
from ..records.rules import rules_for
from ..site.cms import config_text
from ..site.cms_admin import admin_files


def render(settings: dict) -> str:
    """admin/config.yml's text for these settings."""
    settings = apply_defaults(settings)
    return config_text(settings, rules_for(settings))


def run(settings: dict, stdout, output: str | None = None) -> int:
    """Print the configuration, or write it to `output`; the exit status."""
    text = render(settings)
    if output:
        with open(output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    else:
        stdout.write(text)
    return 0


def missing_notice(settings: dict) -> str | None:
    """One line saying the build has no /admin/ because Decap is not installed (None when it is, or is off)."""
    settings = apply_defaults(settings)
    if not settings.get("OCOP_CMS") or admin_files(settings) is not None:
        return None
    return render_message("cms_missing", {}, message_lang(settings))
