"""Run Sipokja the way the README's "Production" section says and check that it serves pages.

With DEBUG off and the static manifest on (the production defaults), in a temporary folder:
`check --deploy`, `migrate`, `load_regions`, `load_demo`, `collectstatic`, then gunicorn on a
free port; the log-in page, a log-in, the province and national dashboards and a fingerprinted
static file must all answer 200. Exits non-zero otherwise. `.ci/run` runs it (issue 17: with the
manifest missing every page answered 500 while the tests, which run without it, passed).

    .venv/bin/python scripts/check_production.py
"""

import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
PASSWORD = "demo-sipokja-2026"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """Just enough of a browser: cookies (including `Secure` ones, since TLS ends at the
    pretended proxy), and `X-Forwarded-Proto: https` so the production HTTPS settings stay on."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        all_headers = {
            "X-Forwarded-Proto": "https",
            "Host": f"127.0.0.1:{self.port}",
            "Accept-Language": "id",
        }
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        all_headers.update(headers or {})
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        content = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        conn.close()
        return response.status, dict(response.getheaders()), content


def expect(status, wanted, what, content=b""):
    if status != wanted:
        print(f"FAIL {what}: HTTP {status}, expected {wanted}", file=sys.stderr)
        print(content[:2000].decode("utf-8", "replace"), file=sys.stderr)
        raise SystemExit(1)
    print(f"ok   {what}: HTTP {status}")


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="sipokja-prod-"))
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{workdir / 'sipokja.sqlite3'}",
        "SIPOKJA_MEDIA_ROOT": str(workdir / "media"),
        "SIPOKJA_STATIC_ROOT": str(workdir / "static"),
        "SIPOKJA_BEHIND_PROXY": "true",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SIPOKJA_STATIC_MANIFEST": "true",
        "SIPOKJA_JOBS_BACKEND": "database",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_CONN_MAX_AGE", None)

    def manage(*args):
        print("$ manage.py " + " ".join(args), flush=True)
        subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)

    server = None
    try:
        manage("check", "--deploy", "--fail-level", "WARNING")
        manage("migrate", "--noinput", "-v", "0")
        manage("load_regions")
        manage("load_demo")
        manage("collectstatic", "--noinput", "-v", "0")
        if not (workdir / "static" / "staticfiles.json").exists():
            print("FAIL collectstatic wrote no manifest", file=sys.stderr)
            return 1
        server = subprocess.Popen(
            [
                GUNICORN,
                "config.wsgi",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{port}",
                # Keep gunicorn's control socket in the temporary folder (not ~/.gunicorn).
                "--control-socket",
                str(workdir / "gunicorn.ctl"),
            ],
            cwd=ROOT,
            env=env,
        )
        browser = Browser(port)
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _, _ = browser.request("GET", "/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    print("FAIL gunicorn did not start", file=sys.stderr)
                    return 1
                time.sleep(0.5)
        expect(status, 200, "/healthz")

        status, _, login_page = browser.request("GET", "/accounts/login/")
        expect(status, 200, "log-in page", login_page)
        static = re.search(rb'/static/(vendor/htmx[^"]+\.[0-9a-f]{12}\.js)', login_page)
        if not static:
            print("FAIL the log-in page names no fingerprinted static file", file=sys.stderr)
            return 1
        status, _, content = browser.request("GET", "/static/" + static.group(1).decode())
        expect(status, 200, f"static file {static.group(1).decode()}", content)

        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', login_page)
        body = f"csrfmiddlewaretoken={token.group(1).decode()}&username=sulsel&password={PASSWORD}"
        status, headers, content = browser.request(
            "POST",
            "/accounts/login/",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://127.0.0.1:{port}",
                "Referer": f"https://127.0.0.1:{port}/accounts/login/",
            },
        )
        expect(status, 302, "log-in as sulsel", content)
        for path in ("/r/73/dashboard/", "/r/73.06/dashboard/", "/r/73/"):
            status, _, content = browser.request("GET", path)
            expect(status, 200, f"{path} (logged in)", content)
        print("production configuration serves pages")
        return 0
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
