"""OCOP catalogue: YAML product records as first-class Pelican content."""

import os

from jinja2 import FileSystemLoader
from pelican import signals

from .generator import TEMPLATES_DIR, CatalogueGenerator
from .i18n import PLUGIN_TRANSLATIONS, install, load_catalogues
from .news import sanitise_content
from .settings import apply_defaults
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
    return CatalogueGenerator


def register():
    """Connect the plugin to Pelican's signals."""
    signals.initialized.connect(initialise)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(prepare_environment)
    signals.content_object_init.connect(sanitise_content)
