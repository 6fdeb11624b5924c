"""OCOP catalogue: YAML product records as first-class Pelican content."""

from jinja2 import FileSystemLoader
from pelican import signals

from .generator import TEMPLATES_DIR, CatalogueGenerator
from .news import sanitise_content
from .settings import apply_defaults
from .template_helpers import FILTERS


def initialise(pelican):
    """Fill in the plugin's default settings and template filters."""
    apply_defaults(pelican.settings)
    filters = dict(pelican.settings.get("JINJA_FILTERS") or {})
    for name, function in FILTERS.items():
        filters.setdefault(name, function)
    pelican.settings["JINJA_FILTERS"] = filters


def prepare_environment(generator):
    """Let every template use the plugin's templates (after the theme's) and gettext."""
    loaders = generator.env.loader.loaders
    if not any(getattr(loader, "searchpath", None) == [TEMPLATES_DIR] for loader in loaders):
        loaders.insert(1, FileSystemLoader(TEMPLATES_DIR))
    if "jinja2.ext.InternationalizationExtension" in generator.env.extensions:
        generator.env.install_null_translations(newstyle=True)


def get_generators(pelican):
    """The catalogue's generator, run after articles so news can be linked."""
    return CatalogueGenerator


def register():
    """Connect the plugin to Pelican's signals."""
    signals.initialized.connect(initialise)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(prepare_environment)
    signals.content_object_init.connect(sanitise_content)
