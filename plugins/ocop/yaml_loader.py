"""Read one YAML record as plain data, safely, remembering the line of every value.

Only the data subset of YAML is accepted: one document whose root is a mapping,
no anchors or aliases (so no "billion laughs"), no tags, no duplicate keys.
Plain scalars follow YAML 1.2 (true/false, decimal numbers, null); the YAML 1.1
readings that surprise editors (`no` meaning false, `010` meaning 8) are errors
instead of silent conversions. Dates stay strings; the schema checks them.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from .problems import Problems

try:  # libyaml's parser is several times faster; fall back to pure Python.
    _Parser = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.BaseLoader

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_YAML11_BOOL = {
    "y": "true", "Y": "true", "yes": "true", "Yes": "true", "YES": "true",
    "on": "true", "On": "true", "ON": "true",
    "n": "false", "N": "false", "no": "false", "No": "false", "NO": "false",
    "off": "false", "Off": "false", "OFF": "false",
}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+(\.[0-9]*)?")
# Hex, octal, binary, underscores, sexagesimal and the like: YAML 1.1 numbers.
_ODD_NUMBER = re.compile(
    r"[-+]?(0[xob][0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?"
    r"|[0-9]+(_[0-9]+)+|\.(inf|Inf|INF|nan|NaN|NAN))"
)


@dataclass
class Record:
    """A record's data with the (line, column) of each value, keyed by path tuple."""

    path: str
    data: dict
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def where(self, *keys) -> tuple[int, int]:
        """Line and column of the value at `keys`, or of its nearest parent."""
        keys = tuple(keys)
        while keys:
            if keys in self.positions:
                return self.positions[keys]
            keys = keys[:-1]
        return self.positions.get((), (1, 1))

    def key_where(self, *keys) -> tuple[int, int]:
        """Line and column of the key itself (for unknown or duplicate fields)."""
        return self.positions.get(("key",) + tuple(keys), self.where(*keys))


def decode_text(raw: bytes) -> tuple[str | None, int | None]:
    """UTF-8 text (a byte-order mark is tolerated), or the offset of the first bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, exc.start
    return unicodedata.normalize("NFC", text), None


def load_record(path: str, problems: Problems, raw: bytes | None = None) -> Record | None:
    """Parse the file at `path` into a Record, or add problems and return None."""
    if raw is None:
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            problems.add(path, 1, 1, "file_unreadable", reason=exc.strerror or str(exc))
            return None
    if len(raw) > MAX_FILE_BYTES:
        size = os.path.getsize(path) if os.path.exists(path) else len(raw)
        problems.add(path, 1, 1, "file_too_large", size=size, limit=MAX_FILE_BYTES)
        return None
    text, bad_offset = decode_text(raw)
    if text is None:
        line = raw[:bad_offset].count(b"\n") + 1
        column = bad_offset - (raw.rfind(b"\n", 0, bad_offset) + 1) + 1
        problems.add(path, line, column, "not_utf8", offset=bad_offset)
        return None
    return parse_text(path, text, problems)


def parse_text(path: str, text: str, problems: Problems) -> Record | None:
    """Parse YAML text into a Record, or add problems and return None."""
    try:
        documents = list(yaml.compose_all(text, Loader=_Parser))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        code, params = _syntax_problem(exc, text)
        problems.add(path, line, column, code, **params)
        return None
    except yaml.YAMLError as exc:  # ReaderError: characters YAML forbids
        problems.add(path, 1, 1, "yaml_syntax", problem=str(exc).splitlines()[0])
        return None
    documents = [doc for doc in documents if doc is not None]
    if not documents:
        problems.add(path, 1, 1, "empty_file")
        return None
    if len(documents) > 1:
        mark = documents[1].start_mark
        problems.add(path, mark.line + 1, mark.column + 1, "multiple_documents")
        return None
    root = documents[0]
    if not isinstance(root, yaml.MappingNode):
        problems.add(path, root.start_mark.line + 1, root.start_mark.column + 1, "root_not_mapping")
        return None
    record = Record(path, {})
    builder = _Builder(path, problems, record.positions)
    record.data = builder.build(root, (), 0)
    # Values that were only ambiguous are kept so that the schema can report
    # more; structures that could not be built are not checked further.
    return None if builder.broken else record


_SYNTAX_CODES = {
    "did not find expected ',' or ']'": "yaml_unclosed_list",
    "did not find expected ',' or '}'": "yaml_unclosed_group",
    "mapping values are not allowed in this context": "yaml_unexpected_colon",
    "mapping values are not allowed here": "yaml_unexpected_colon",
    "found unexpected end of stream": "yaml_unclosed_quote",
    "did not find expected key": "yaml_indentation",
    "did not find expected '-' indicator": "yaml_indentation",
    "could not find expected ':'": "yaml_missing_colon",
}


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, dict]:
    """A message code for the parser's complaint, in words an editor can act on."""
    problem = exc.problem or ""
    if problem in _SYNTAX_CODES:
        code = _SYNTAX_CODES[problem]
        if code == "yaml_unclosed_quote" and exc.context_mark is not None:
            return code, {"opened": exc.context_mark.line + 1}
        return code, {}
    if "cannot start any token" in problem and exc.problem_mark is not None:
        char = text[exc.problem_mark.index] if exc.problem_mark.index < len(text) else ""
        if char == "\t":
            return "yaml_tab", {}
        return "yaml_bad_start", {"char": char}
    parts = [p for p in (exc.context, problem) if p]
    return "yaml_syntax", {"problem": "; ".join(parts) or "invalid YAML"}


class _Builder:
    """Turns a composed node tree into Python data, checking as it goes."""

    def __init__(self, path: str, problems: Problems, positions: dict):
        self.path = path
        self.problems = problems
        self.positions = positions
        self.seen: set[int] = set()
        self.broken = False

    def error(self, node, code, **params):
        mark = node.start_mark
        self.problems.add(self.path, mark.line + 1, mark.column + 1, code, **params)

    def build(self, node, keys: tuple, depth: int):
        if id(node) in self.seen:
            # The composer hands back the same node object for an alias.
            self.error(node, "alias_not_allowed")
            self.broken = True
            return None
        self.seen.add(id(node))
        if getattr(node, "anchor", None):
            self.error(node, "alias_not_allowed")
            self.broken = True
        if depth > MAX_DEPTH:
            self.error(node, "too_deep")
            self.broken = True
            return None
        self.positions[keys] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _STANDARD_TAGS:
            self.error(node, "tag_not_allowed", tag=node.tag.replace("tag:yaml.org,2002:", "!!"))
            self.broken = True
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, keys, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, keys + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node)

    def mapping(self, node, keys, depth):
        result: dict = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                self.error(key_node, "key_not_text")
                self.broken = True
                continue
            key = key_node.value
            if key == "<<":  # merge keys are aliases in disguise
                self.error(key_node, "alias_not_allowed")
                continue
            if key in first_line:
                self.error(key_node, "duplicate_key", key=key, first_line=first_line[key])
                continue
            first_line[key] = key_node.start_mark.line + 1
            self.positions[("key",) + keys + (key,)] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            result[key] = self.build(value_node, keys + (key,), depth + 1)
        return result

    def scalar(self, node):
        value = node.value
        if node.style:  # quoted or block scalars are always text (plain: None or "")
            return value
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if value in _YAML11_BOOL:
            self.error(node, "ambiguous_bool", value=value, meaning=_YAML11_BOOL[value])
            return value
        if _INT.fullmatch(value):
            return int(value)
        if _FLOAT.fullmatch(value):
            return float(value)
        if _LEADING_ZERO.fullmatch(value):
            self.error(node, "leading_zero", value=value)
            return value
        if _ODD_NUMBER.fullmatch(value):
            self.error(node, "odd_number", value=value)
            return value
        return value
