"""Problems found in records, collected so that a build reports all of them at once."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field

from .messages import render

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at a place in a file, with a message code and its parameters."""

    path: str
    line: int
    column: int
    code: str
    params: tuple = ()
    severity: str = ERROR

    def message(self, lang: str = "vi") -> str:
        """The message text in `lang` (vi or en)."""
        return render(self.code, dict(self.params), lang)

    def format(self, lang: str = "vi", root: str | None = None) -> str:
        """`path:line:column: severity: message`, the stable one-line form."""
        path = self.path
        if root:
            with contextlib.suppress(ValueError):  # another drive on Windows
                path = os.path.relpath(path, root)
        severity = render(self.severity, {}, lang)
        return f"{path}:{self.line}:{self.column}: {severity}: {self.message(lang)}"


@dataclass
class Problems:
    """An ordered collection of problems for one build or check."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path, line, column, code, severity=ERROR, **params) -> None:
        """Record one problem; params fill the message template."""
        self.items.append(
            Problem(str(path), int(line), int(column), code, tuple(sorted(params.items())), severity)
        )

    def extend(self, other: Problems) -> None:
        """Append every problem of another collection."""
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop a build."""
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Problems that are only reported."""
        return [p for p in self.items if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        """Problems in a stable order: by file, then line, then column."""
        return sorted(set(self.items))

    def report(self, lang: str = "vi", root: str | None = None) -> str:
        """All problems, one per line, in a stable order."""
        return "\n".join(p.format(lang, root) for p in self.sorted())


def field_name(keys) -> str:
    """`certificates[1].stars` from ("certificates", 0, "stars"): lists count from 1 for editors."""
    name = ""
    for part in keys:
        name += f"[{part + 1}]" if isinstance(part, int) else ("." if name else "") + str(part)
    return name or "(record)"


class CatalogueError(Exception):
    """Raised when records have errors; carries every problem found."""

    exitcode = 1

    def __init__(self, problems: Problems, lang: str = "vi", root: str | None = None):
        self.problems = problems
        self.lang = lang
        self.root = root
        super().__init__(self.summary())

    def summary(self) -> str:
        """The full report followed by a count line."""
        count = len(self.problems.errors)
        return "\n" + self.problems.report(self.lang, self.root) + "\n" + render(
            "error_count", {"count": count}, self.lang
        )


class BuildFailed(Exception):
    """The build did not produce a complete site; `report` says why."""

    def __init__(self, report: str):
        super().__init__(report)
        self.report = report
