"""A throwaway PostgreSQL server for the test run, started from the machine's own binaries.

The server lives in a temporary folder for one pytest session and each test gets a database of
its own. PostgreSQL refuses to run as root, so under root the server runs as the `postgres`
user (or `nobody`) through `runuser`.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
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
    """One running server; `new_database()` hands out empty databases."""

    def __init__(self, binaries: Path, folder: Path, port: int, process: subprocess.Popen[bytes]):
        self.binaries = binaries
        self.folder = folder
        self.port = port
        self._process = process
        self._numbers = itertools.count(1)

    @property
    def admin_dsn(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{database}"

    async def new_database(self) -> str:
        """An empty database of its own; returns its SQLAlchemy URL."""
        name = f"test_{next(self._numbers)}"
        connection = await asyncpg.connect(self.admin_dsn)
        try:
            await connection.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        finally:
            await connection.close()
        return self.url(name)

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=START_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


@contextlib.contextmanager
def postgres_server(binaries: Path) -> Iterator[PostgresServer]:
    """Initialise a cluster in a temporary folder, start it, and remove it all afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="warmup-pg-"))
    as_user = _unprivileged_prefix(folder)
    data = folder / "data"
    try:
        init = ["-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"]
        subprocess.run(  # noqa: S603 - our own binaries and arguments
            [*as_user, str(binaries / "initdb"), *init, "--no-sync"],
            check=True,
            capture_output=True,
        )
        port = _free_port()
        options = ["-p", str(port), "-k", str(folder)]
        for key, value in FAST_SETTINGS.items():
            options += ["-c", f"{key}={value}"]
        with (folder / "server.log").open("wb") as log:
            process = subprocess.Popen(  # noqa: S603 - our own binaries and arguments
                [*as_user, str(binaries / "postgres"), "-D", str(data), *options],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        server = PostgresServer(binaries, folder, port, process)
        try:
            _wait_until_ready(binaries, port, process, folder / "server.log")
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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


def _wait_until_ready(
    binaries: Path, port: int, process: subprocess.Popen[bytes], log: Path
) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    ready = [str(binaries / "pg_isready"), "-h", "127.0.0.1", "-p", str(port), "-q"]
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"PostgreSQL did not start:\n{log.read_text(errors='replace')}")
        if subprocess.run(ready, check=False).returncode == 0:  # noqa: S603 - fixed arguments
            return
        time.sleep(0.1)
    raise RuntimeError(f"PostgreSQL did not answer within {START_TIMEOUT_SECONDS} s")
