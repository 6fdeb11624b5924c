"""OCOP catalogue: a Pelican plugin that turns YAML product records into a bilingual catalogue.

The package's folders are the stages of a build (docs/architecture.md):
core/ (shared), records/ (read and check), site/ (content and pages),
output/ (files, caches, search), cli/ (the commands).
"""

from pelican import signals


def register():
    """Connect the plugin to Pelican's signals."""
    from .site.hooks import get_generators, initialise, prepare_environment, sanitise_content

    signals.initialized.connect(initialise)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(prepare_environment)
    signals.content_object_init.connect(sanitise_content)
