"""Shared set-up of the benchmarks: a throwaway server to send load to.

Production settings on plain http against a benchmark database, with fresh keys, through
bench/settings.py (which adds the baselines); set-up commands run quietly; signed-in sessions
without the login form; gunicorn that is always stopped again. The load itself and its report
are in loadlib.py.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import time
from pathlib import Path

from databases import BenchError, recreate_database  # bench/ is on sys.path for every script
from loadlib import HOST, get

PROJECT_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = PROJECT_DIR / ".venv" / "bin"
BENCH_USER = "analist@samen.test"  # policy analyst: signs in without a second factor


def _fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


def production_keys() -> dict[str, str]:
    """Fresh keys for one run: production refuses to start without those kept apart from
    SECRET_KEY (stored second factors, and the case consultation)."""
    return {
        "SAMEN_MFA_KEYS": _fernet_key(),
        "SAMEN_WEBHOOK_KEYS": _fernet_key(),
        "SAMEN_PEER_KEYS": _fernet_key(),
        "SAMEN_CASE_KEYS": _fernet_key(),
        "SAMEN_CASE_INDEX_KEY": secrets.token_urlsafe(48),
    }


def server_env(database_url: str, workdir: Path) -> dict[str, str]:
    """Production settings on plain http, with the bench's baselines and a throwaway data
    folder: bench/settings.py, importable from the project root."""
    env = {k: v for k, v in os.environ.items() if k not in {"SAMEN_DEBUG", "SAMEN_TESTING"}}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=os.pathsep.join(filter(None, [str(PROJECT_DIR), env.get("PYTHONPATH")])),
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=HOST,
        **production_keys(),
        # Keep collectstatic and anything else written to disk out of the project tree.
        SAMEN_DATA_DIR=str(workdir),
        SAMEN_STATIC_ROOT=str(workdir / "static"),
    )
    return env


def seed_env(env: dict[str, str]) -> dict[str, str]:
    """`env` for `samen seed`, which refuses production settings (its demo accounts have a
    known password): debug settings, on the same throwaway database and with the same keys."""
    return {**env, "SAMEN_DEBUG": "1"}


def run_step(label: str, args: list[str], env: dict[str, str]) -> str:
    """Run one set-up command quietly; show its output only when it fails."""
    started = time.perf_counter()
    print(f"  {label} ...", end="", flush=True)
    proc = subprocess.run(args, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        print(" failed")
        raise BenchError(
            f"{label} exited with {proc.returncode}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
        )
    print(f" {time.perf_counter() - started:.1f} s")
    return proc.stdout


def set_up_database(
    database_url: str, env: dict[str, str], *, staff: int, seed_options: list[str], label: str
) -> None:
    """Recreate the benchmark database, migrate it and seed `staff` staff with `seed_options`."""
    recreate_database(database_url)
    run_step("migrate", [str(VENV_BIN / "python"), "manage.py", "migrate", "--noinput"], env)
    run_step(
        label,
        [str(VENV_BIN / "samen"), "seed", "--staff", str(staff), *seed_options, "--no-progress"],
        seed_env(env),
    )


def collect_static(env: dict[str, str]) -> None:
    """Gather the static files into the run's data folder, as a deployment does."""
    run_step(
        "collectstatic", [str(VENV_BIN / "python"), "manage.py", "collectstatic", "--noinput"], env
    )


SESSION_SNIPPET = """
import os, time
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import get_user_model

user = get_user_model().objects.get(email=os.environ["BENCH_USER"])
store_class = import_module(settings.SESSION_ENGINE).SessionStore
for _ in range(int(os.environ["BENCH_SESSIONS"])):
    session = store_class()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = "samen.people.backends.StaffBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if os.environ.get("BENCH_SECOND_FACTOR"):
        # As allauth records a sign-in that passed a TOTP step.
        session["account_authentication_methods"] = [
            {"method": "password", "at": time.time(), "email": user.email},
            {"method": "mfa", "at": time.time(), "type": "totp"},
        ]
        session["account_authentication_methods_user"] = str(user.pk)
    session.create()
    print("session", session.session_key)
"""


def create_sessions(
    env: dict[str, str],
    count: int,
    label: str = "",
    *,
    email: str = BENCH_USER,
    second_factor: bool = False,
) -> list[str]:
    """Signed-in sessions without the login form, one per client like separate browsers;
    with `second_factor`, sessions that passed a TOTP step (the person must have a device).

    They only work on a server with the same SECRET_KEY and database as `env`.
    """
    how = " with a second factor" if second_factor else ""
    extra = {"BENCH_SECOND_FACTOR": "1"} if second_factor else {}
    out = run_step(
        f"sign in {email}{how} ({count} sessions{', ' + label if label else ''})",
        [str(VENV_BIN / "python"), "manage.py", "shell", "-c", SESSION_SNIPPET],
        {**env, "BENCH_USER": email, "BENCH_SESSIONS": str(count), **extra},
    )
    keys = [line.split()[1] for line in out.splitlines() if line.startswith("session ")]
    if len(keys) != count:
        raise BenchError(f"expected {count} session keys, got {len(keys)}:\n{out}")
    return keys


def free_port() -> int:
    """A port nobody listens on right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the project; always stopped again, also on errors and Ctrl+C."""

    def __init__(
        self,
        env: dict[str, str],
        workers: int,
        port: int,
        log_path: Path,
        app: str = "samen.wsgi",
    ) -> None:
        self.env, self.workers, self.port, self.log_path = env, workers, port, log_path
        self.app = app
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        """Start gunicorn and wait until /healthz answers 200 (app and database up)."""
        args = [
            str(VENV_BIN / "gunicorn"),
            self.app,
            "--workers",
            str(self.workers),
            "--bind",
            f"{HOST}:{self.port}",
        ]
        with self.log_path.open("wb") as log:
            # Own session: a Ctrl+C reaches only this script, which then stops gunicorn cleanly.
            self.proc = subprocess.Popen(
                args,
                cwd=PROJECT_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BenchError(f"gunicorn exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                if get(self.port, "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise BenchError(f"/healthz did not answer 200 within {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Graceful stop (SIGTERM), then SIGKILL if gunicorn does not go within 15 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def log_tail(self, lines: int = 40) -> str:
        """The end of gunicorn's log, to explain a failure."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def start_servers(
    env: dict[str, str], workers: int, workdir: Path, sites: dict[str, str], servers: list[Server]
) -> dict[str, int]:
    """Start one gunicorn per site (name: WSGI application) on the same database; the port of
    each. Each server joins `servers` before it starts, so the caller stops every one it began."""
    ports: dict[str, int] = {}
    for name, app in sites.items():
        server = Server(env, workers, free_port(), workdir / f"{name}.log", app)
        servers.append(server)
        print(f"starting gunicorn ({name}) on {HOST}:{server.port}:")
        server.start()
        ports[name] = server.port
    return ports
