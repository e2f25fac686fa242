"""Count the imports between Sipokja's apps and check that they form no cycle.

Every ``import``/``from ... import`` of every Python file outside tests and migrations is
counted, including the ones inside functions and ``if TYPE_CHECKING`` blocks. Run it from the
repository root:

    .venv/bin/python scripts/app_imports.py          # prints the app graph and any cycle
    .venv/bin/python scripts/app_imports.py --edges  # also every importing line
    .venv/bin/python scripts/app_imports.py --quiet  # only problems and the count (make lint)

It exits non-zero when two apps import each other directly or through others, when an import
goes against the layers declared for import-linter in pyproject.toml (up, or between apps of one
layer), or when an app is missing from that declaration. import-linter (``lint-imports``) checks
the same layers on its own import graph; ``make lint`` runs both. See docs/architecture.md.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", ".git", "node_modules", "static", "var", "media", "migrations", "tests"}


def apps(root: Path = ROOT) -> set[str]:
    """The project's Django apps and top-level packages (every directory with __init__.py or
    apps.py at the root), except the test suite."""
    return {
        p.name
        for p in root.iterdir()
        if p.is_dir() and p.name not in SKIP_DIRS and (p / "__init__.py").exists()
    }


def _is_test_file(path: Path) -> bool:
    return path.name.startswith("test_") or path.name == "conftest.py"


def source_files(root: Path = ROOT):
    for app in sorted(apps(root)):
        for path in sorted((root / app).rglob("*.py")):
            rel = path.relative_to(root)
            if SKIP_DIRS.intersection(rel.parts[:-1]) or _is_test_file(path):
                continue
            yield app, path


def _imported_modules(tree: ast.AST, package: str) -> list[tuple[int, str]]:
    """(line, module) of every import in the tree, wherever it stands (module level, inside a
    function, under `if TYPE_CHECKING`), plus `import_module("app.x")` with a literal name.
    `package` is the package the file belongs to, for relative imports."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
        elif isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            first = node.args[0]
            if name == "import_module" and isinstance(first, ast.Constant):
                if isinstance(first.value, str):
                    found.append((node.lineno, first.value))
    return found


def edges(root: Path = ROOT) -> dict[tuple[str, str], list[str]]:
    """{(importer app, imported app): ["path:line", ...]} for every import between two apps."""
    known = apps(root)
    result: dict[tuple[str, str], list[str]] = defaultdict(list)
    for app, path in source_files(root):
        rel = path.relative_to(root)
        parts = rel.with_suffix("").parts
        package = ".".join(parts if path.name == "__init__.py" else parts[:-1])
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for lineno, module in _imported_modules(tree, package):
            target = module.split(".")[0]
            if target in known and target != app:
                result[(app, target)].append(f"{rel}:{lineno}")
    return dict(result)


def cycles(graph_edges) -> list[list[str]]:
    """The strongly connected components with more than one app (Tarjan)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in graph_edges:
        graph[a].add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def layers(root: Path = ROOT) -> list[set[str]]:
    """The layers of the import-linter `layers` contract in pyproject.toml, highest first."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    return [
        {name.strip().strip("()") for name in re.split(r"[|:]", layer)}
        for layer in contract["layers"]
    ]


def undeclared(root: Path = ROOT) -> dict[str, set[str]]:
    """Apps that import-linter would not check: missing from root_packages or from every
    layer. (Optional layers such as `(jobs)` may name apps that do not exist yet.)"""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    roots = set(config["tool"]["importlinter"]["root_packages"])
    in_layers = set().union(*layers(root))
    present = apps(root)
    return {
        "not in root_packages": present - roots,
        "in no layer": present - in_layers,
    }


def against_layers(graph_edges, root: Path = ROOT) -> list[tuple[str, str]]:
    """Edges that do not point down the layers: to a higher layer or within one layer (apps
    of one layer are kept independent)."""
    level = {app: index for index, layer in enumerate(layers(root)) for app in layer}
    return sorted(
        (a, b)
        for a, b in graph_edges
        if a in level and b in level and level[a] >= level[b]  # index 0 is the highest layer
    )


def main(argv: list[str]) -> int:
    found = edges()
    for (a, b), places in sorted(found.items()):
        if "--quiet" in argv:
            break
        print(f"{a} -> {b}: {len(places)}")
        if "--edges" in argv:
            for place in places:
                print(f"    {place}")
    problems = cycles(found)
    for component in problems:
        print("CYCLE: " + " <-> ".join(component), file=sys.stderr)
    for a, b in against_layers(found):
        print(f"AGAINST THE LAYERS: {a} imports {b}: {', '.join(found[(a, b)])}", file=sys.stderr)
    missing = {k: v for k, v in undeclared().items() if v}
    for what, names in missing.items():
        print(f"{what} of [tool.importlinter] in pyproject.toml: {sorted(names)}", file=sys.stderr)
    print(f"{len(found)} app-to-app edges, {len(problems)} cycle(s)")
    return 1 if problems or missing or against_layers(found) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
