"""The plugin's folders are the stages of a build, and imports only flow one way (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "ocop"
# Each stage imports only the stages before it: records never imports the site, output never the
# commands. `output` comes before `site` because the site's generator hands its pages to output's
# caches and writers, which know files and keys but nothing of products.
STAGES = ("core", "records", "output", "site", "cli")


def module_name(path: Path) -> str:
    """`ocop.records.loader` for plugins/ocop/records/loader.py; `ocop.site` for its __init__.py."""
    parts = ["ocop", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Every module of the plugin by its dotted name."""
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The plugin's modules that `name` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:  # `from . import certificates` names a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in known else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {target for target in found if target in known and target != name}


def import_graph() -> dict[str, set[str]]:
    """Module -> the plugin's modules it imports."""
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def stage(name: str) -> str | None:
    """The stage folder a module belongs to (None for the package's own __init__ and __main__)."""
    parts = name.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in STAGES) else None


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, each as the list of modules around it (Tarjan's strongly connected components)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_module_lives_in_a_stage_folder():
    stray = [name for name in modules() if stage(name) is None and name not in ("ocop", "ocop.__main__")]
    assert stray == []
    assert {name.split(".")[1] for name in modules() if stage(name)} == set(STAGES)


def test_the_plugin_has_no_import_cycle():
    assert cycles(import_graph()) == []


def test_a_stage_imports_only_the_stages_before_it():
    wrong = []
    for name, targets in import_graph().items():
        if stage(name) is None:
            continue
        for target in sorted(targets):
            if stage(target) is not None and STAGES.index(stage(target)) > STAGES.index(stage(name)):
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_the_package_init_only_registers_with_pelican():
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    functions = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert functions == ["register"]
    assert not [node for node in tree.body if isinstance(node, ast.ClassDef | ast.Assign)]


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set(), "c": {"b"}}, []),
])
def test_cycles_are_found(graph, expected):
    assert cycles(graph) == expected


def test_lazy_imports_count(tmp_path):
    """An import inside a function is still a dependency (the old check/housekeeping cycle was one)."""
    (tmp_path / "records").mkdir()
    path = tmp_path / "records" / "a.py"
    path.write_text("def f():\n    from ..cli.b import x\n    from . import c\n", encoding="utf-8")
    known = {"ocop.records.a": path, "ocop.cli.b": path, "ocop.records.c": path}
    assert imports_of("ocop.records.a", path, known) == {"ocop.cli.b", "ocop.records.c"}
