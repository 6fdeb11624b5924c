"""Read one YAML record as plain data, safely, remembering the line of every value.

Only the data subset of YAML is accepted: one document whose root is a mapping,
no anchors or aliases (so no "billion laughs"), no tags, no duplicate keys.
Plain scalars follow YAML 1.2 (true/false, decimal numbers, null); the YAML 1.1
readings that surprise editors (`no` meaning false, `010` meaning 8) are errors
instead of silent conversions. Dates stay strings; the schema checks them.

Hostile input is refused before the parser sees it, with its line and column:
UTF-16 and other non-UTF-8 files, control characters (raw or escaped), the
invisible line separators YAML 1.1 would count as line breaks, bidirectional
overrides in comments and field names (the schema refuses them in values), numbers
too large for JSON, over-long field names,
and nesting deeper than MAX_DEPTH (checked on the parser's events, so that a
file of 100 000 `[` cannot exhaust the C stack of libyaml's composer).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

import yaml

from ..core.problems import Problems
from .text import (
    BIDI_CHARS,
    FORBIDDEN,
    KEY_FORBIDDEN,
    MAX_FILE_BYTES,
    character_problem,
    forbidden_characters,
    normalise_newlines,
    position,
    read_text,
)
from .yaml_syntax import MAX_DEPTH, MAX_KEY_LENGTH, PARSER, scan_events, syntax_problem

# Integers beyond 2**53 lose digits in JSON and JavaScript; floats must be finite.
MAX_NUMBER = 2**53 - 1

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
    # paths of values the loader already reported, which the schema does not report again
    flagged: set[tuple] = field(default_factory=set)

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


def load_record(path: str, problems: Problems, raw: bytes | None = None) -> Record | None:
    """Parse the file at `path` into a Record, or add problems and return None."""
    text = read_text(path, problems, raw, MAX_FILE_BYTES)
    return None if text is None else parse_text(path, text, problems)


def parse_text(path: str, text: str, problems: Problems) -> Record | None:
    """Parse YAML text into a Record, or add problems and return None."""
    text = normalise_newlines(text)
    if not forbidden_characters(path, text, problems) or not scan_events(path, text, problems):
        return None
    try:
        documents = list(yaml.compose_all(text, Loader=PARSER))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        code, params = syntax_problem(exc, text)
        if code == "key_too_long":
            column = len(text.split("\n")[line - 1]) - len(text.split("\n")[line - 1].lstrip(" ")) + 1
        problems.add(path, line, column, code, **params)
        return None
    except yaml.YAMLError as exc:  # ReaderError: characters YAML forbids (already refused above)
        problems.add(path, 1, 1, "yaml_syntax", problem=str(exc).splitlines()[0])
        return None
    except RecursionError:  # the pure-Python composer on a deep file (the C one is guarded above)
        problems.add(path, 1, 1, "too_deep")
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
    builder = _Builder(path, problems, record.positions, record.flagged)
    record.data = builder.build(root, (), 0)
    if not builder.broken:
        builder.hidden_bidi(text)
    # Values that were only ambiguous are kept so that the schema can report
    # more; structures that could not be built are not checked further.
    return None if builder.broken else record


class _Builder:
    """Turns a composed node tree into Python data, checking as it goes."""

    def __init__(self, path: str, problems: Problems, positions: dict, flagged: set | None = None):
        self.path = path
        self.problems = problems
        self.positions = positions
        self.flagged = flagged if flagged is not None else set()
        self.value_spans: list[tuple[int, int]] = []
        self.seen: set[int] = set()
        self.broken = False

    def error(self, node, code, keys: tuple | None = None, **params):
        mark = node.start_mark
        self.problems.add(self.path, mark.line + 1, mark.column + 1, code, **params)
        if keys is not None:
            self.flagged.add(keys)

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
        return self.scalar(node, keys)

    def mapping(self, node, keys, depth):
        result: dict = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                self.error(key_node, "key_not_text")
                self.broken = True
                continue
            key = key_node.value
            if not self.clean(key_node, key, keys + (key,), is_key=True):
                self.broken = True
                continue
            if len(key) > MAX_KEY_LENGTH:
                self.error(key_node, "key_too_long", limit=MAX_KEY_LENGTH)
                self.broken = True
                continue
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

    def clean(self, node, value: str, keys: tuple, is_key: bool = False) -> bool:
        """False (after reporting it) when an escape such as `"\\0"` put a forbidden character in `value`.

        Bidirectional overrides are refused in field names here; in values the
        schema refuses them with the field's name (single-line text, Markdown).
        """
        match = (KEY_FORBIDDEN if is_key else FORBIDDEN).search(value)
        if match is None:
            return True
        code, params = character_problem(match.group())
        self.error(node, code, keys, **params)
        return False

    def hidden_bidi(self, text: str) -> None:
        """Report bidirectional overrides outside values: in comments and field names, where no schema looks.

        In a reviewed diff such a character can make a comment or a name read
        differently from what it is (the "Trojan Source" trick).
        """
        if not BIDI_CHARS.search(text):
            return
        spans = sorted(self.value_spans)
        starts = [start for start, _ in spans]
        for match in BIDI_CHARS.finditer(text):
            index = bisect.bisect_right(starts, match.start()) - 1
            if index >= 0 and spans[index][0] <= match.start() < spans[index][1]:
                continue  # inside a value: the schema reports it with the field's name
            line, column = position(text, match.start())
            code, params = character_problem(match.group())
            self.problems.add(self.path, line, column, code, **params)
            self.broken = True
            return

    def number(self, node, value: str, keys: tuple):
        """`value` as an int or float, or the text after reporting a number JSON cannot hold."""
        # int() raises beyond 4300 digits: the length is checked first
        too_long = _INT.fullmatch(value) and len(value.lstrip("+-")) > 20
        number = math.inf if too_long else int(value) if _INT.fullmatch(value) else float(value)
        if not math.isfinite(number) or abs(number) > MAX_NUMBER:
            self.error(node, "number_too_large", keys, value=value if len(value) <= 30 else value[:27] + "…",
                       limit=MAX_NUMBER)
            return value
        return number

    def scalar(self, node, keys: tuple = ()):
        value = node.value
        self.value_spans.append((node.start_mark.index, node.end_mark.index))
        if node.style:  # quoted or block scalars are always text (plain: None or "")
            if not self.clean(node, value, keys):
                self.broken = True
            return value
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if value in _YAML11_BOOL:
            self.error(node, "ambiguous_bool", keys, value=value, meaning=_YAML11_BOOL[value])
            return value
        if _INT.fullmatch(value) or _FLOAT.fullmatch(value):
            return self.number(node, value, keys)
        if _LEADING_ZERO.fullmatch(value):
            self.error(node, "leading_zero", keys, value=value)
            return value
        if _ODD_NUMBER.fullmatch(value):
            self.error(node, "odd_number", keys, value=value)
            return value
        return value
