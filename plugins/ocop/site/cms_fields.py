"""The web form's fields: each JSON Schema property as a Decap widget, so the form refuses what `make check` refuses."""

from __future__ import annotations

import re

from ..records.schema_check import schemas

# id fields that name another record: property name -> collection
RELATIONS = {
    "region": "districts",
    "parent": "districts",
    "successors": "districts",
    "producer": "producers",
    "decision": "decisions",
}


# how a relation widget finds a record of each collection: (fields searched, what the menu shows)
RELATION_SEARCH = {
    "districts": (["name"], ["name"]),
    "producers": (["name"], ["name"]),
    "decisions": (["issuer", "number", "title"], ["{{slug}}", "number", "issuer"]),
    "sources": (["title", "publisher"], ["title"]),
}


# vocabularies of rules.yaml whose labels name an enum's values: property name -> rules key
VOCABULARIES = {
    "group": "groups",
    "legal_form": "legal_forms",
    "issuer_level": "issuer_levels",
    "type": "region_types",
    "regime": "regimes",
}


load_schemas = schemas  # the records' JSON Schemas, read once (records/schema_check.py)


def resolve(node: dict, schemas: dict[str, dict], current: str) -> tuple[dict, str]:
    """`node` with its `$ref` followed (the referring node's own keywords win); and the file it is in."""
    seen = 0
    while "$ref" in node and seen < 20:
        seen += 1
        target, _, pointer = node["$ref"].partition("#")
        file = target or current
        found = schemas[file]
        for part in pointer.strip("/").split("/") if pointer.strip("/") else ():
            found = found[part]
        merged = {**found, **{k: v for k, v in node.items() if k != "$ref"}}
        if "$ref" in found and "$ref" not in {k for k in node if k != "$ref"}:
            merged["$ref"] = found["$ref"]
        else:
            merged.pop("$ref", None)
        node, current = merged, file
    return node, current


def vietnamese(text: str | None) -> str:
    """The Vietnamese part of a description written "tiếng Việt (English)"."""
    text = (text or "").strip()
    match = re.fullmatch(r"(.*\S)\s+\(([^()]*)\)", text, re.S)
    return match.group(1) if match and re.search(r"[A-Za-z]", match.group(2)) else text


def length_pattern(node: dict) -> str | None:
    """A JavaScript pattern holding the string's pattern, minLength and maxLength (Decap has only patterns)."""
    pattern = node.get("pattern")
    low, high = node.get("minLength"), node.get("maxLength")
    if low is None and high is None:
        return pattern
    bounds = f"{low or 0},{'' if high is None else high}"
    return f"(?=^[\\s\\S]{{{bounds}}}$){pattern or ''}"


PATTERN_MESSAGES = {
    "id_format": "Chỉ chữ thường không dấu, số và dấu gạch ngang, ví dụ muong-ang",
    "single_line_text": "Một dòng chữ, 1–300 ký tự, không có ký tự điều khiển",
    "markdown_text": "Văn bản tối đa 20 000 ký tự, không có ký tự điều khiển",
    "date_format": "Ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2021-12-16",
    "url_format": "Địa chỉ bắt đầu bằng https://, http://, mailto: hoặc tel:",
    "gtin_format": "Đúng 13 chữ số",
    "country_code": "Mã quốc gia 2 chữ in hoa, ví dụ JP",
    "decision_number": "Số quyết định có hậu tố, ví dụ 4261/QĐ-UBND",
}


def _options(name: str, values: list, rules: dict) -> list:
    """Select options for an enum: the value with its label from rules.yaml when there is one."""
    vocabulary = rules.get(VOCABULARIES.get(name, ""), {}) or {}
    options = []
    for value in values:
        entry = vocabulary.get(value)
        label = entry.get("vi") if isinstance(entry, dict) else None
        if name == "group" and isinstance(entry, dict) and entry.get("regimes"):
            label = f"{label} ({', '.join(entry['regimes'])})"
        options.append({"label": f"{label} — {value}" if label else str(value), "value": value})
    return options


def field(name: str, node: dict, schemas: dict[str, dict], rules: dict, required: bool = False,
          current: str = "common.schema.json", optional_parent: bool = False) -> dict:
    """The Decap field for one schema property (`node`), hint and checks included.

    Inside an optional object (`optional_parent`) nothing is required: Decap would refuse a record that
    leaves the whole object out; `make check` names a half-filled one with its line.
    """
    node, current = resolve(node, schemas, current)
    required = required and not optional_parent
    out: dict = {"name": name, "label": name, "required": bool(required)}
    hint = vietnamese(node.get("description"))
    if hint:
        out["hint"] = hint
    kind = node.get("type")
    if "oneOf" in node:  # a source: the id of a file in products/_sources/ (an inline source is written in YAML)
        out.update(widget="relation", collection="sources", value_field="{{slug}}",
                   search_fields=["title", "publisher"], display_fields=["title"])
    elif name in RELATIONS and (kind == "string" or (kind == "array" and "items" in node)):
        search, display = RELATION_SEARCH[RELATIONS[name]]
        out.update(widget="relation", collection=RELATIONS[name], value_field="{{slug}}",
                   search_fields=search, display_fields=display)
        if kind == "array":
            out.update(multiple=True)
    elif "enum" in node:
        out.update(widget="select", options=_options(name, node["enum"], rules))
    elif kind in ("integer", "number"):
        out.update(widget="number", value_type="int" if kind == "integer" else "float")
        low = node.get("minimum", node.get("exclusiveMinimum"))
        if low is not None:
            out["min"] = low
        if node.get("maximum") is not None:
            out["max"] = node["maximum"]
        if kind == "integer":
            out["step"] = 1
        if name == "stars" and rules.get("stars"):  # the score band of each level, from rules.yaml
            bands = "; ".join(f"{level} sao: {entry.get('band_vi')}" for level, entry in sorted(rules["stars"].items())
                              if isinstance(entry, dict) and entry.get("band_vi"))
            out["hint"] = f"{hint} ({bands})" if bands else hint
    elif kind == "boolean":
        out["widget"] = "boolean"
    elif kind == "string" and node.get("format") == "date":
        out.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False,
                   picker_utc=True)
    elif kind == "string" and name == "file":  # a photo beside the record
        out.update(widget="image", choose_url=False)
    elif kind == "string":
        out["widget"] = "markdown" if (node.get("maxLength") or 0) > 300 else "string"
        if out["widget"] == "markdown":
            out.update(modes=["raw", "rich_text"], buttons=["bold", "italic", "link", "heading-three",
                                                            "bulleted-list", "numbered-list", "quote"],
                       editor_components=[])
        pattern = length_pattern(node)
        if pattern:
            out["pattern"] = [pattern, PATTERN_MESSAGES.get(node.get("x-error"), hint or "Giá trị không hợp lệ")]
    elif kind == "object":
        out.update(widget="object", collapsed=not required,
                   fields=_fields(node, schemas, rules, current, optional_parent or not required))
    elif kind == "array":
        items, items_file = resolve(node.get("items", {}), schemas, current)
        if "oneOf" in items:  # a list of sources: their ids
            out.update(widget="relation", collection="sources", value_field="{{slug}}",
                       search_fields=["title", "publisher"], display_fields=["title"], multiple=True)
        elif items.get("type") == "object":
            out.update(widget="list", collapsed=True, fields=_fields(items, schemas, rules, items_file),
                       **_counts(node))
        elif "enum" in items:
            out.update(widget="select", multiple=True, options=_options(name, items["enum"], rules), **_counts(node))
        else:
            inner = field(name.rstrip("s") or name, items, schemas, rules, True, items_file)
            inner.pop("hint", None)
            out.update(widget="list", field=inner, **_counts(node))
    else:
        out["widget"] = "string"
    return out


def _counts(node: dict) -> dict:
    """Decap's min and max for a list from minItems and maxItems."""
    counts = {}
    if node.get("minItems"):
        counts["min"] = node["minItems"]
    if node.get("maxItems"):
        counts["max"] = node["maxItems"]
    return counts


def _fields(node: dict, schemas: dict[str, dict], rules: dict, current: str,
            optional_parent: bool = False) -> list[dict]:
    """The fields of an object schema, in the schema's order."""
    required = set(node.get("required") or ())
    return [field(name, prop, schemas, rules, name in required, current, optional_parent)
            for name, prop in (node.get("properties") or {}).items()]


def record_fields(schema_file: str, schemas: dict[str, dict], rules: dict) -> list[dict]:
    """The form of one record kind: a field per property of its schema."""
    return _fields(schemas[schema_file], schemas, rules, schema_file)
