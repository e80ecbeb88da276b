"""A throwaway PostgreSQL server for the test run, started from the machine's own binaries.

One server serves the whole run, every pytest-xdist worker included: the first worker that
needs it starts it in the background (`pg_ctl`, under a file lock in the run's folder), the
others find its port there, and the process that ran the session stops it at the end
(`stop_shared_server`). Each worker names its databases after itself; each test gets one of
its own. PostgreSQL refuses to run as root, so under root the server runs as the `postgres`
user (or `nobody`) through `runuser`.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import asyncpg

# Durability is pointless for a database that is thrown away after the run.
FAST_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "listen_addresses": "127.0.0.1",
}
START_TIMEOUT_SECONDS = 30
_STATE = "postgres.json"  # in the run's folder: where the shared server lives


def find_binaries() -> Path | None:
    """The folder holding `initdb` and `postgres`, on PATH or in Debian's usual place."""
    initdb = shutil.which("initdb")
    if initdb is not None:
        folder = Path(os.path.realpath(initdb)).parent
        if (folder / "postgres").exists():
            return folder
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    return None


class PostgresServer:
    """One running server; `new_database()` hands out databases named after this worker."""

    def __init__(self, port: int, prefix: str = "test") -> None:
        self.port = port
        self._prefix = prefix
        self._numbers = itertools.count(1)

    @property
    def admin_dsn(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{database}"

    async def new_database(self, template: str = "template0", name: str | None = None) -> str:
        """A database of its own (named after this worker), a copy of `template`; returns its
        SQLAlchemy URL."""
        name = f"{self._prefix}_{name or next(self._numbers)}"
        connection = await asyncpg.connect(self.admin_dsn)
        try:
            await connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        finally:
            await connection.close()
        return self.url(name)


def shared_server(run_folder: Path, binaries: Path, prefix: str) -> PostgresServer:
    """The run's server: started by the first worker that asks, found by the others."""
    state = run_folder / _STATE
    with _locked(run_folder / "postgres.lock"):
        if not state.exists():
            folder = Path(tempfile.mkdtemp(prefix="warmup-pg-"))
            try:
                port = _start(binaries, folder)
            except BaseException:
                _stop(binaries, folder)
                raise
            found = {"folder": str(folder), "binaries": str(binaries), "port": port}
            state.write_text(json.dumps(found))
        return PostgresServer(json.loads(state.read_text())["port"], prefix)


@contextlib.contextmanager
def postgres_server(binaries: Path) -> Iterator[PostgresServer]:
    """A server of the caller's own (`make bench`), removed with its files on exit."""
    folder = Path(tempfile.mkdtemp(prefix="warmup-pg-"))
    try:
        yield PostgresServer(_start(binaries, folder))
    finally:
        _stop(binaries, folder)


def stop_shared_server(run_folder: Path) -> None:
    """Stop the run's server, if a worker started one, and remove its files."""
    state = run_folder / _STATE
    if state.exists():
        found = json.loads(state.read_text())
        _stop(Path(found["binaries"]), Path(found["folder"]))
        state.unlink()


def _start(binaries: Path, folder: Path) -> int:
    """Initialise a cluster in `folder` and start it in the background; returns its port."""
    as_user = _unprivileged_prefix(folder)
    data = folder / "data"
    init = ["-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"]
    _run([*as_user, str(binaries / "initdb"), *init, "--no-sync"])
    port = _free_port()
    options = [f"-p {port}", f"-k {folder}"]
    options += [f"-c {key}={value}" for key, value in FAST_SETTINGS.items()]
    log = folder / "server.log"
    start = ["-D", str(data), "-l", str(log), "-o", " ".join(options)]
    start += ["-w", "-t", str(START_TIMEOUT_SECONDS), "start"]
    try:
        _run([*as_user, str(binaries / "pg_ctl"), *start])
    except RuntimeError as exc:
        server_log = log.read_text(errors="replace") if log.exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {exc}\n{server_log}") from exc
    return port


def _stop(binaries: Path, folder: Path) -> None:
    """Stop the server in `folder` if it runs (its data is thrown away), and remove it all."""
    try:
        if (folder / "data" / "postmaster.pid").exists():
            stop = [str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate"]
            subprocess.run(  # noqa: S603 - our own binaries and arguments
                [*_unprivileged_prefix(folder), *stop, "-w", "stop"],
                check=False,
                capture_output=True,
                timeout=START_TIMEOUT_SECONDS,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(command: list[str]) -> None:
    done = subprocess.run(  # noqa: S603 - our own binaries and arguments
        command, check=False, capture_output=True, stdin=subprocess.DEVNULL
    )
    if done.returncode != 0:
        binary = next(Path(part).name for part in command if "/" in part)
        raise RuntimeError(f"{binary} failed: {done.stderr.decode(errors='replace')}")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if need be), shared by the run's workers."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _unprivileged_prefix(folder: Path) -> list[str]:
    """How to run the server's commands: as ourselves, or as an unprivileged user under root."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            user = pwd.getpwnam(name)
            os.chown(folder, user.pw_uid, user.pw_gid)
            return ["runuser", "-u", name, "--"]
    raise RuntimeError("running as root, and no unprivileged user to run PostgreSQL as")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
