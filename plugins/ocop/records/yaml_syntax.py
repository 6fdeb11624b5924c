"""YAML that cannot become a record: aliases and deep nesting refused early, syntax errors worded for editors."""

from __future__ import annotations

import yaml

from ..core.problems import Problems

try:  # libyaml's parser is several times faster; fall back to pure Python.
    PARSER = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    PARSER = yaml.BaseLoader

MAX_DEPTH = 20
MAX_KEY_LENGTH = 100


def scan_events(path: str, text: str, problems: Problems) -> bool:
    """Refuse anchors, aliases and deep nesting from the parser's events, before composing.

    libyaml's composer recurses once per level of nesting in C: a small file of
    nested `[` can crash the process. The parser itself is iterative, so its
    events are read first and composing happens only when nothing is too deep.
    Syntax errors are left to the composer, which reports them at the same place.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=PARSER):
            if isinstance(event, yaml.NodeEvent):
                mark = event.start_mark
                if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
                    problems.add(path, mark.line + 1, mark.column + 1, "alias_not_allowed")
                    return False
                if depth > MAX_DEPTH:
                    problems.add(path, mark.line + 1, mark.column + 1, "too_deep")
                    return False
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass
    return True


SYNTAX_CODES = {
    "did not find expected ',' or ']'": "yaml_unclosed_list",
    "did not find expected ',' or '}'": "yaml_unclosed_group",
    "mapping values are not allowed in this context": "yaml_unexpected_colon",
    "mapping values are not allowed here": "yaml_unexpected_colon",
    "found unexpected end of stream": "yaml_unclosed_quote",
    "did not find expected key": "yaml_indentation",
    "did not find expected '-' indicator": "yaml_indentation",
    "could not find expected ':'": "yaml_missing_colon",
}


def syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, dict]:
    """A message code for the parser's complaint, in words an editor can act on."""
    problem = exc.problem or ""
    if problem in SYNTAX_CODES:
        code = SYNTAX_CODES[problem]
        if (code in ("yaml_unexpected_colon", "yaml_missing_colon") and exc.problem_mark is not None
                and exc.problem_mark.column >= 1024):
            return "key_too_long", {"limit": MAX_KEY_LENGTH}  # YAML's limit on a plain key's length
        if code == "yaml_unclosed_quote" and exc.context_mark is not None:
            return code, {"opened": exc.context_mark.line + 1}
        return code, {}
    if "tab character" in problem:  # libyaml: "found a tab character that violates indentation"
        return "yaml_tab", {}
    if "cannot start any token" in problem and exc.problem_mark is not None:
        char = text[exc.problem_mark.index] if exc.problem_mark.index < len(text) else ""
        if char == "\t":
            return "yaml_tab", {}
        return "yaml_bad_start", {"char": char}
    parts = [p for p in (exc.context, problem) if p]
    return "yaml_syntax", {"problem": "; ".join(parts) or "invalid YAML"}
