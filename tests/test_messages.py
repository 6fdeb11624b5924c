"""Editors' messages: Vietnamese in plugins/ocop/core/messages/, English in en.po with the code as msgctxt."""

import json
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import REPO
from ocop.cli import translations
from ocop.core import i18n
from ocop.core.messages import MESSAGES, VIETNAMESE, render
from ocop.core.messages.catalogue import message, template

CATALOGUE = REPO / "plugins/ocop/translations/en.po"
MESSAGES_DIR = REPO / "plugins/ocop/core/messages"
# {code: [Vietnamese, English]}: first written from the old MESSAGES dict before the texts moved to en.po;
# a message changed on purpose is changed here too.
SNAPSHOT = json.loads((Path(__file__).parent / "data/messages-snapshot.json").read_text(encoding="utf-8"))


def entries(path) -> dict[tuple, str]:
    """(msgctxt, msgid) -> msgstr of a .po file."""
    with open(path, "rb") as handle:
        return {(m.context, m.id): m.string for m in read_po(handle) if m.id}


def test_every_message_has_an_english_translation():
    translated = entries(CATALOGUE)
    missing = [code for code, vietnamese in VIETNAMESE.items() if not translated.get((code, vietnamese))]
    assert missing == [], "run `make translations` and translate: " + repr(missing)
    stale = sorted(context for context, _ in translated if context and context not in VIETNAMESE)
    assert stale == [], stale


def test_the_texts_are_those_of_the_old_catalogue():
    assert sorted(VIETNAMESE) == sorted(SNAPSHOT)
    for code, (vietnamese, english) in SNAPSHOT.items():
        assert (template(code, "vi"), template(code, "en")) == (vietnamese, english), code
        assert MESSAGES[code] == (vietnamese, english), code


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_message_renders_as_before(lang):
    index = 0 if lang == "vi" else 1
    for code, texts in SNAPSHOT.items():
        old = texts[index]
        fields = {name for _, name, _, _ in string.Formatter().parse(old) if name}
        params = {name: f"<{name}>" for name in fields - {"hint"}}
        assert render(code, params, lang) == old.format(**params, hint=""), code


def test_hints_and_translated_params():
    assert render("unknown_ref", {"field": "producer", "kind": "kind_producer", "value": "x", "expected": "x.yaml",
                                  "suggestion": "y"}, "en") == \
        "`producer`: there is no producer `x` (expected the file x.yaml) (did you mean `y`?)"
    assert render("wrong_type", {"field": "stars", "expected": "type_integer"}, "vi") == "`stars` phải là số nguyên"
    assert render("missing_field", {"field": "a", "suggestion": "b"}, "vi") == \
        "thiếu trường bắt buộc `a` (có phải `b`?)"


def test_a_ui_string_and_a_message_with_the_same_vietnamese_keep_their_own_english():
    ui = i18n.load_catalogues([str(CATALOGUE.parent)], ["en"])["en"]
    assert ui["Sản phẩm"] == "Products" and render("report_col_product", {}, "en") == "Product"
    assert ui["Địa bàn"] == "Districts" and render("report_col_region", {}, "en") == "District"
    assert ui[i18n.context_key("report_col_product", "Sản phẩm")] == "Product"


def test_context_entries_are_kept_apart_from_ui_entries(tmp_path):
    po = tmp_path / "en.po"
    po.write_text('msgid "Nguồn"\nmsgstr "Sources"\n\nmsgctxt "kind_source"\nmsgid "Nguồn"\nmsgstr "Source"\n\n'
                  'msgctxt "untranslated"\nmsgid "Nguồn"\nmsgstr ""\n', encoding="utf-8")
    catalogue = i18n.load_catalogues([str(tmp_path)], ["en"])["en"]
    assert catalogue == {"Nguồn": "Sources", "kind_source\x04Nguồn": "Source"}


def test_a_code_is_defined_once():
    with pytest.raises(ValueError, match="error"):
        message("error", "lỗi")


def test_message_modules_are_small_and_extracted_as_defined():
    for path in MESSAGES_DIR.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path.name
    extracted = translations.extract_messages()
    assert {context: vietnamese for context, vietnamese in extracted} == VIETNAMESE
    assert all(len(where) == 1 and where[0][0].startswith("core/messages/") for where in extracted.values())


def test_make_translations_is_idempotent(tmp_path, monkeypatch):
    plugin = tmp_path / "plugin-translations"
    theme = tmp_path / "theme"
    shutil.copytree(CATALOGUE.parent, plugin)
    shutil.copytree(REPO / "theme/templates", theme / "templates")
    shutil.copytree(REPO / "theme/translations", theme / "translations")
    monkeypatch.setattr(translations, "TRANSLATIONS_DIR", str(plugin))
    files = [plugin / "en.po", theme / "translations/en.po"]

    translations.run(str(theme), ["vi", "en"], "vi")
    first = [path.read_bytes() for path in files]
    # nothing is added, dropped or lost on the committed catalogues (only line numbers may move)
    assert entries(files[0]) == entries(CATALOGUE)
    assert entries(files[1]) == entries(REPO / "theme/translations/en.po")
    translations.run(str(theme), ["vi", "en"], "vi")
    assert [path.read_bytes() for path in files] == first
