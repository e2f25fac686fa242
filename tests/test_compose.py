"""compose.yaml is valid YAML, runs what the README says it runs, and uses only variables the
README's configuration table documents (and dotenv-sample lists)."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
README = (ROOT / "README.md").read_text()


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end > 0 else None]


def _table_names(text: str, header: str) -> set[str]:
    """The `code` names in the first column of the table whose header row starts with `header`."""
    table = text[text.index(f"| {header} |") :].split("\n\n", 1)[0]
    names = set()
    for line in table.splitlines()[2:]:
        first = line.split("|")[1]
        names.update(re.findall(r"`([A-Za-z0-9_]+)`", first))
    return names


def test_the_services_are_those_the_readme_lists():
    services = set(COMPOSE["services"])
    assert {"postgres", "redis", "s3", "app", "worker", "nginx"} <= services
    assert services == _table_names(_section("Production"), "service")


def test_every_app_variable_is_in_the_configuration_table_and_dotenv_sample():
    documented = _table_names(_section("Configuration"), "variable")
    sample = set(
        re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / "dotenv-sample").read_text(), re.M)
    )
    for name in ("app", "worker"):
        environment = set(COMPOSE["services"][name]["environment"])
        assert environment, name
        assert environment - documented == set(), f"{name}: not in README's configuration table"
        assert environment - sample == set(), f"{name}: not in dotenv-sample"


def test_nginx_gets_every_value_its_template_uses():
    template = (ROOT / "deploy/nginx/sipokja.conf.template").read_text()
    used = set(re.findall(r"\$\{([A-Z_]+)\}", template))
    nginx = COMPOSE["services"]["nginx"]
    assert used == set(nginx["environment"])
    upload_mb = int(COMPOSE["services"]["app"]["environment"]["SIPOKJA_UPLOAD_MAX_MB"])
    assert int(nginx["environment"]["NGINX_CLIENT_MAX_BODY_SIZE"].rstrip("m")) > upload_mb
    assert any("sipokja.conf.template" in volume for volume in nginx["volumes"])


def test_web_and_worker_run_the_same_image_against_the_shared_services():
    app, worker = COMPOSE["services"]["app"], COMPOSE["services"]["worker"]
    assert app["image"] == worker["image"] and app["environment"] == worker["environment"]
    env = app["environment"]
    assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:" in env["DATABASE_URL"]
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert env["AWS_S3_ENDPOINT_URL"].startswith("http://s3:")
    assert "db_worker" in worker["command"]
