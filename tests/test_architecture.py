"""The layers of docs/architecture.md hold: no two apps import each other, directly or through
others, counting every import outside tests and migrations (those inside functions too); every
app is declared to import-linter (`make lint` runs `lint-imports` on the same layers)."""

import importlib.util
import textwrap
from pathlib import Path

from django.apps import apps as django_apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
_spec = importlib.util.spec_from_file_location("app_imports", ROOT / "scripts" / "app_imports.py")
app_imports = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(app_imports)


def test_no_two_apps_import_each_other_directly_or_through_others():
    found = app_imports.edges()
    assert found, "the count found no imports between apps at all"
    assert app_imports.cycles(found) == []


def test_every_import_between_apps_points_down_the_layers():
    found = app_imports.edges()
    against = app_imports.against_layers(found)
    assert against == [], {edge: found[edge] for edge in against}


def test_every_app_is_declared_to_import_linter():
    assert all(not names for names in app_imports.undeclared().values()), app_imports.undeclared()
    project_apps = {c.name for c in django_apps.get_app_configs() if Path(c.path).parent == ROOT}
    assert project_apps <= app_imports.apps()


def _tree(tmp_path, files: dict) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return tmp_path


def test_the_count_sees_imports_inside_functions_and_ignores_tests_and_migrations(tmp_path):
    root = _tree(
        tmp_path,
        {
            "low/__init__.py": "",
            "low/services.py": """
                def later():
                    from high import summary  # inside a function: still counted
                    return summary
            """,
            "low/tests/__init__.py": "",
            "low/tests/test_x.py": "import high\n",
            "low/migrations/__init__.py": "",
            "low/migrations/0001_initial.py": "import high\n",
            "high/__init__.py": "",
            "high/summary.py": "from low.services import later\n",
            "high/views/__init__.py": "from ..summary import later  # relative: high -> high\n",
        },
    )
    found = app_imports.edges(root)
    assert found == {
        ("low", "high"): ["low/services.py:3"],
        ("high", "low"): ["high/summary.py:1"],
    }
    assert app_imports.cycles(found) == [["high", "low"]]


def test_a_cycle_through_a_third_app_is_found():
    assert app_imports.cycles({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == [["a", "b", "c"]]
