"""The package's shape: subpackages import only the layers below them, no module imports itself
round a circle, and MkDocs and Jinja2 stay where they belong. Read from the source with `ast`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "zwgk"
# Bottom to top: each subpackage may import those to its left, never those to its right.
LAYERS = ["base", "content", "kinds", "site", "checks", "build", "editor", "legacy", "commands"]
# The one place outside hooks/zwgk_hooks.py that drives MkDocs (or ProperDocs in its place).
MKDOCS_ALLOWED = {"commands.mkdocs_run"}
# Layers that are plain Python: no renderer, no templates.
NO_TEMPLATES = {"base", "content", "kinds", "site", "checks"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, anywhere in it (functions and TYPE_CHECKING blocks included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import (zwgk uses absolute imports)"
            module = node.module or ""
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


MODULES = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def _internal(imports: set[str]) -> set[str]:
    """The zwgk modules among `imports` (a name imported from a module counts as the module)."""
    return {name.removeprefix("zwgk.") for name in imports if name.startswith("zwgk.")} & set(MODULES)


def _layer(module: str) -> str:
    return module.split(".")[0]


def test_every_module_is_in_a_layer():
    outside = [m for m in MODULES if m and _layer(m) not in LAYERS]
    assert outside == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m))
def test_imports_only_lower_layers(module):
    rank = LAYERS.index(_layer(module))
    higher = sorted(m for m in _internal(MODULES[module]) if m and LAYERS.index(_layer(m)) > rank)
    assert higher == [], f"zwgk.{module} imports a higher layer"


def test_no_import_circles():
    graph = {m: {d for d in _internal(imports) if d != m and d} for m, imports in MODULES.items()}
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                circles.append(path[path.index(dep):] + [dep])
            elif dep not in state:
                visit(dep, path + [dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_mkdocs_only_where_the_build_is_driven():
    users = sorted(m for m, imports in MODULES.items() if any(i.split(".")[0] in ("mkdocs", "properdocs") for i in imports))
    assert set(users) <= MKDOCS_ALLOWED, users
    assert users, "the module that drives MkDocs was not found: the test reads the wrong folder"


def test_model_layers_use_no_templates():
    users = sorted(m for m, imports in MODULES.items()
                   if m and _layer(m) in NO_TEMPLATES and any(i.split(".")[0] in ("jinja2", "mkdocs") for i in imports))
    assert users == []


def test_no_module_is_hidden_from_git() -> None:
    """A module git ignores works here and is missing from every clone (`site/` once matched zwgk/site/)."""
    import shutil
    import subprocess

    root = PACKAGE.parent.parent
    if shutil.which("git") is None or not (root / ".git").exists():
        pytest.skip("not a git checkout")
    files = [str(p.relative_to(root)) for p in sorted(PACKAGE.rglob("*.py"))]
    ignored = subprocess.run(["git", "check-ignore", "--no-index", *files], cwd=root, capture_output=True, text=True)
    assert ignored.stdout.split() == []
