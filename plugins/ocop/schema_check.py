"""Check records against the JSON Schemas in schema/ and word the errors for editors."""

from __future__ import annotations

import datetime
import difflib
import functools
import json
import os

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from .problems import Problems, field_name
from .yaml_loader import Record

SCHEMA_DIR = os.path.join(os.path.dirname(__file__), "schema")
KINDS = ("product", "producer", "region", "decision", "source", "province")

# When several keywords fail on one value, report the most useful one only.
_PRIORITY = {
    "type": 0, "required": 1, "additionalProperties": 2, "enum": 3, "oneOf": 4,
    "minLength": 5, "maxLength": 5, "pattern": 6, "format": 7,
}


@functools.cache
def validator(kind: str) -> Draft202012Validator:
    """A compiled validator for one kind of record (schemas are read once per process)."""
    registry = Registry()
    for name in os.listdir(SCHEMA_DIR):
        if name.endswith(".schema.json"):
            with open(os.path.join(SCHEMA_DIR, name), encoding="utf-8") as handle:
                registry = registry.with_resource(name, Resource.from_contents(json.load(handle)))
    schema = registry.contents(f"{kind}.schema.json")
    return Draft202012Validator(
        schema, registry=registry, format_checker=FormatChecker(["date"])
    )


def check_record(kind: str, record: Record, problems: Problems) -> bool:
    """Add a problem for each schema error in `record`; True when it has none."""
    best: dict[tuple, object] = {}
    for error in validator(kind).iter_errors(record.data):
        key = tuple(error.absolute_path)
        if error.validator == "required":
            key = key + ("required", error.message)
        elif error.validator == "additionalProperties":
            key = key + ("additional",)
        current = best.get(key)
        if current is None or _rank(error) < _rank(current):
            best[key] = error
    for error in best.values():
        _report(kind, record, error, problems)
    return not best


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
