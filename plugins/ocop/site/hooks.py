"""What the plugin does at Pelican's signals: default settings, template filters, gettext, safe text."""

import os

from jinja2 import FileSystemLoader
from pelican.contents import Article, Page

from ..core.i18n import PLUGIN_TRANSLATIONS, install, load_catalogues
from ..core.paths import TEMPLATES_DIR
from ..core.settings import apply_defaults
from .sanitise import clean_html
from .template_helpers import FILTERS, GLOBALS


def initialise(pelican):
    """Fill in the plugin's default settings and template filters."""
    apply_defaults(pelican.settings)
    for setting, functions in (("JINJA_FILTERS", FILTERS), ("JINJA_GLOBALS", GLOBALS)):
        merged = dict(pelican.settings.get(setting) or {})
        for name, function in functions.items():
            merged.setdefault(name, function)
        pelican.settings[setting] = merged


def prepare_environment(generator):
    """Let every template use the plugin's templates (after the theme's) and gettext."""
    loaders = generator.env.loader.loaders
    if not any(getattr(loader, "searchpath", None) == [TEMPLATES_DIR] for loader in loaders):
        loaders.insert(1, FileSystemLoader(TEMPLATES_DIR))
    if "jinja2.ext.InternationalizationExtension" in generator.env.extensions:
        settings = generator.settings
        folders = [PLUGIN_TRANSLATIONS, os.path.join(settings["THEME"], "translations")]
        languages = settings.get("OCOP_LANGUAGES") or [settings.get("DEFAULT_LANG", "vi")]
        install(generator.env, load_catalogues(folders, languages), settings.get("DEFAULT_LANG", "vi"))


def get_generators(pelican):
    """The catalogue's generator, run after articles so news can be linked."""
    from .generator import CatalogueGenerator

    return CatalogueGenerator


def sanitise_content(instance) -> None:
    """Signal handler: strip anything executable from an article's or page's HTML."""
    if not isinstance(instance, (Article, Page)):
        return
    if instance._content:
        instance._content = clean_html(instance._content)
    summary = getattr(instance, "_summary", None)
    if summary:
        instance._summary = clean_html(summary)
