"""Modules that each app may offer under a name agreed by the project, found by the app that
gathers them: the API's routers (`<app>/api.py`), the demo data (`<app>/demo.py`)."""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def app_modules(name: str):
    """(app config, module) for every project app, in INSTALLED_APPS order, that has a module
    `<app>.<name>`; apps without one are skipped, as are the framework's dotted apps
    (`django.contrib.…`). An import error inside such a module is raised, not hidden."""
    for config in apps.get_app_configs():
        if "." not in config.name and module_has_submodule(config.module, name):
            yield config, import_module(f"{config.name}.{name}")
