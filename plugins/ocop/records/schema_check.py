"""Check records against the JSON Schemas in schema/ and word the errors for editors.

Two things are stricter than JSON Schema alone: a whole number must be written
as one (`stars: 4.0` is refused, JSON Schema would take it), and addresses are
checked beyond their scheme (one e-mail address after `mailto:`, no spaces after
`tel:`, a real host and no hidden user name after `https://`, nothing invisible),
as are the phone numbers and e-mail addresses of `contacts`.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import json
import os
import re
import unicodedata
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from referencing import Registry, Resource

from ..core.paths import SCHEMA_DIR
from ..core.problems import Problems, field_name
from .yaml_loader import Record

KINDS = ("product", "producer", "region", "decision", "source", "province")

# When several keywords fail on one value, report the most useful one only.
_PRIORITY = {
    "type": 0, "required": 1, "additionalProperties": 2, "enum": 3, "oneOf": 4,
    "minLength": 5, "maxLength": 5, "pattern": 6, "format": 7,
}


_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_TEL = re.compile(r"\+?[0-9().-]+")
_PHONE = re.compile(r"\+?[0-9 ().-]+")
_HOST = re.compile(r"[^\s/?#@\\:]+(:[0-9]{1,5})?")


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def url_problem(url: str) -> str | None:
    """A message code when a URL that passed the schema's pattern is still unusable or deceptive."""
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in url):
        return "single_line_text"
    if url.startswith("mailto:"):
        return None if _EMAIL.fullmatch(url[len("mailto:"):]) else "url_mailto"
    if url.startswith("tel:"):
        number = url[len("tel:"):]
        return None if _TEL.fullmatch(number) and 3 <= _digits(number) <= 15 else "url_tel"
    if "\\" in url:
        return "url_host"
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced `[` in the host
        return "url_host"
    if "@" in parts.netloc:
        return "url_userinfo"
    if not _HOST.fullmatch(parts.netloc) or "." not in parts.netloc.split(":")[0] and parts.hostname != "localhost":
        return "url_host"
    return None


def contact_problem(contact_type: str, value: str) -> str | None:
    """A message code when a contact's value cannot be what its type says (it becomes a tel: or mailto: link)."""
    if contact_type == "phone" and not (_PHONE.fullmatch(value) and 3 <= _digits(value) <= 15):
        return "contact_phone"
    if contact_type == "email" and not _EMAIL.fullmatch(value):
        return "contact_email"
    return None


def _strict_urls(validator_, value, instance, schema):
    """Keyword `x-error: url_format`: the checks of url_problem() on values the pattern accepted."""
    if value == "url_format" and isinstance(instance, str):
        code = url_problem(instance)
        if code:
            yield ValidationError(code)


def _is_integer(checker, instance) -> bool:
    """Whole numbers only: JSON Schema would also take 4.0, which pages would show as `4.0`."""
    return isinstance(instance, int) and not isinstance(instance, bool)


_Validator = validators.extend(
    Draft202012Validator,
    validators={"x-error": _strict_urls},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


@functools.cache
def schemas(folder: str = SCHEMA_DIR) -> dict[str, dict]:
    """Every `<name>.schema.json` of `folder`, keyed by file name, read once per process (never changed)."""
    found = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".schema.json"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                found[name] = json.load(handle)
    return found


@functools.cache
def validator(kind: str) -> Draft202012Validator:
    """A compiled validator for one kind of record (schemas are read once per process)."""
    registry = Registry()
    for name, contents in schemas().items():
        registry = registry.with_resource(name, Resource.from_contents(contents))
    schema = registry.contents(f"{kind}.schema.json")
    return _Validator(schema, registry=registry, format_checker=FormatChecker(["date"]))


def check_record(kind: str, record: Record, problems: Problems) -> bool:
    """Add a problem for each schema error in `record`; True when it has none."""
    best: dict[tuple, object] = {}
    for error in validator(kind).iter_errors(record.data):
        key = tuple(error.absolute_path)
        if key in record.flagged:
            continue  # the loader reported this value already (a number too large, `no`…)
        if error.validator == "required":
            key = key + ("required", error.message)
        elif error.validator == "additionalProperties":
            key = key + ("additional",)
        current = best.get(key)
        if current is None or _rank(error) < _rank(current):
            best[key] = error
    for error in best.values():
        _report(kind, record, error, problems)
    contacts_ok = _check_contacts(record, best, problems)
    # A value the loader reported (kept as text so that the schema could check the rest)
    # makes the record unusable as well: it is not linked to the others.
    return not best and contacts_ok and not record.flagged


def _check_contacts(record: Record, reported: dict, problems: Problems) -> bool:
    """Phone numbers and e-mail addresses in `contacts` that cannot be dialled or written to."""
    contacts = record.data.get("contacts")
    ok = True
    for index, contact in enumerate(contacts if isinstance(contacts, list) else []):
        if not isinstance(contact, dict) or not isinstance(contact.get("value"), str):
            continue
        keys = ("contacts", index, "value")
        code = contact_problem(contact.get("type"), contact["value"])
        if code and keys not in reported:
            line, column = record.where(*keys)
            problems.add(record.path, line, column, code, field=field_name(keys), value=_short(contact["value"]))
            ok = False
    return ok


def _rank(error) -> int:
    return _PRIORITY.get(error.validator, 9)


def _report(kind: str, record: Record, error, problems: Problems) -> None:
    path = list(error.absolute_path)
    field = field_name(path)
    value = error.instance
    line, column = record.where(*path)
    x_error = error.schema.get("x-error") if isinstance(error.schema, dict) else None
    if error.validator == "required":
        missing = error.message.split("'")[1]
        problems.add(record.path, line, column, "missing_field", field=field_name(path + [missing]))
        return
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for extra in sorted(set(value) - set(allowed)):
            line, column = record.key_where(*path, extra)
            suggestion = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
            problems.add(
                record.path, line, column, "unknown_field",
                field=field_name(path + [extra]),
                suggestion=suggestion[0] if suggestion else "",
            )
        return
    if error.validator == "type":
        expected = error.validator_value
        expected = expected[0] if isinstance(expected, list) else expected
        if value is None:
            problems.add(record.path, line, column, "empty_value", field=field)
        else:
            problems.add(record.path, line, column, "wrong_type", field=field, expected=f"type_{expected}")
        return
    if error.validator == "enum":
        options = [str(o) for o in error.validator_value]
        suggestion = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
        problems.add(
            record.path, line, column, "not_in_enum", field=field, value=value,
            allowed=", ".join(options), suggestion=suggestion[0] if suggestion else "",
        )
        return
    if error.validator == "x-error":  # url_problem()'s finding, worded by its own message
        problems.add(record.path, line, column, error.message, field=field, value=_short(value))
        return
    if x_error and error.validator in ("pattern", "format", "oneOf", "minimum", "maximum"):
        if x_error == "date_format" and error.validator == "format":
            x_error = "date_invalid"
        problems.add(record.path, line, column, x_error, field=field, value=_short(value))
        return
    if error.validator == "minLength":
        problems.add(record.path, line, column, "empty_value", field=field)
    elif error.validator == "maxLength":
        problems.add(
            record.path, line, column, "too_long", field=field, length=len(value), limit=error.validator_value
        )
    elif error.validator == "minItems":
        problems.add(record.path, line, column, "list_too_short", field=field, limit=error.validator_value)
    elif error.validator == "maxItems":
        problems.add(record.path, line, column, "list_too_long", field=field, limit=error.validator_value)
    elif error.validator == "minimum":
        problems.add(record.path, line, column, "too_small", field=field, limit=error.validator_value)
    elif error.validator == "maximum":
        problems.add(record.path, line, column, "too_large", field=field, limit=error.validator_value)
    else:
        problems.add(record.path, line, column, "invalid_value", field=field)


def _short(value) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def parse_date(value: str | None) -> datetime.date | None:
    """An ISO date string as a date (schema-checked strings only), else None."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None
