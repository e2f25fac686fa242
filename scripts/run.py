"""`make run`: Django's development server and one jobs worker, started and stopped together.

    python scripts/run.py 127.0.0.1:8000

Ctrl-C (or SIGTERM) stops both; if either stops on its own, the other is stopped too. Each runs
in its own process group, so their autoreloaders' children stop with them. Nothing but Python
is needed: the worker takes its jobs from the database (SQLite by default).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRACE_SECONDS = 5


def _signal_group(process, signum) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass


def _stop(processes) -> None:
    """SIGINT (a worker finishes its current step), again (it stops), then SIGKILL."""
    for signum in (signal.SIGINT, signal.SIGINT, signal.SIGKILL):
        running = [p for p in processes if p.poll() is None]
        if not running:
            return
        for process in running:
            _signal_group(process, signum)
        deadline = time.monotonic() + GRACE_SECONDS
        while time.monotonic() < deadline and any(p.poll() is None for p in running):
            time.sleep(0.1)


def main(address: str) -> int:
    python = sys.executable
    stopping = []
    # Links in e-mails and notifications point at the address this server listens on, unless
    # the environment names another public address.
    os.environ.setdefault("SIPOKJA_BASE_URL", f"http://{address}")

    def request_stop(signum, frame):
        stopping.append(signum)

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    processes = [
        subprocess.Popen([python, "manage.py", "db_worker"], cwd=ROOT, start_new_session=True),
        subprocess.Popen(
            [python, "manage.py", "runserver", address], cwd=ROOT, start_new_session=True
        ),
    ]
    try:
        while not stopping and all(p.poll() is None for p in processes):
            time.sleep(0.2)
    finally:
        _stop(processes)
    if stopping:
        return 0
    return next((p.returncode for p in processes if p.returncode), 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:8000"))
