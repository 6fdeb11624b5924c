"""`make check`: every record and news reference checked without building, printed for editors or GitHub."""

from __future__ import annotations

import os

from ..core.messages import message_lang, render
from ..core.problems import WARNING, Problem, Problems
from ..records.model import Catalogue
from ..records.validation import check


def summary(catalogue: Catalogue, problems: Problems, lang: str) -> str:
    """The closing line of `make check`."""
    if problems.errors:
        return render("error_count", {"count": len(problems.errors)}, lang).split(":")[0]
    counts = (len(catalogue.products), len(catalogue.producers), len(catalogue.regions),
              len(catalogue.decisions), len(catalogue.sources))
    if lang == "en":
        return "OK: {} products, {} producers, {} regions, {} decisions, {} sources.".format(*counts)
    return "Không có lỗi: {} sản phẩm, {} chủ thể, {} địa bàn, {} quyết định, {} nguồn.".format(*counts)


def github_escape(text: str, property_value: bool = False) -> str:
    """Escape text for a GitHub workflow command (data, or a property value)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github_line(problem: Problem, lang: str, root: str | None) -> str:
    """`::error file=…,line=…,col=…::message`: one problem as a GitHub annotation."""
    path = problem.path
    if root:
        path = os.path.relpath(path, root)
    path = path.replace(os.sep, "/")
    command = "warning" if problem.severity == WARNING else "error"
    return (f"::{command} file={github_escape(path, True)},line={problem.line},col={problem.column}::"
            f"{github_escape(problem.message(lang))}")


def run_check(settings: dict, stream, warning_stream=None, output_format: str = "text") -> int:
    """Print every problem (one per line) and a summary; 1 when there are errors.

    Text: warnings go to `warning_stream` (default: `stream`) first, then errors
    and the summary to `stream`, so that output stays as it was for errors.
    GitHub: every problem as a workflow command, then the summary, to `stream`.
    """
    catalogue, problems = check(settings)
    lang = message_lang(settings)
    root = os.path.dirname(os.path.abspath(settings["PATH"]))
    warning_stream = warning_stream or stream
    if output_format == "github":
        for problem in problems.sorted():
            stream.write(github_line(problem, lang, root) + "\n")
    else:
        warnings = Problems([p for p in problems.items if p.severity == WARNING])
        errors = Problems([p for p in problems.items if p.severity != WARNING])
        if warnings.items:
            warning_stream.write(warnings.report(lang, root) + "\n")
            warning_stream.flush()
        if errors.items:
            stream.write(errors.report(lang, root) + "\n")
    line = summary(catalogue, problems, lang)
    if problems.warnings and not problems.errors:
        line = line.rstrip(".") + render("check_warnings", {"count": len(problems.warnings)}, lang)
    stream.write(line + "\n")
    return 1 if problems.errors else 0
