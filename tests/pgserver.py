"""A private, throw-away PostgreSQL server from Debian's `postgresql` package.

    with PostgresServer.start() as server:
        url = server.create_database("test_1")

The cluster lives in a temporary directory, listens on 127.0.0.1 on a free
port (its unix socket in the same directory), trusts local connections and
is stopped and deleted on exit. As root the server runs as the `postgres`
user (PostgreSQL refuses to run as root). Used by the tests and by
benchmarks/api_load.py.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Self

SUPERUSER = "eventscope"


class PostgresUnavailable(RuntimeError):
    """The PostgreSQL server binaries are not installed."""


def find_bindir() -> Path:
    """The newest /usr/lib/postgresql/N/bin holding initdb (PostgresUnavailable if none)."""
    candidates = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not candidates:
        raise PostgresUnavailable(
            "PostgreSQL server binaries not found under /usr/lib/postgresql "
            "(install Debian's package: apt-get install -y postgresql)")
    newest = max(candidates, key=lambda p: int(Path(p).parent.parent.name))
    return Path(newest).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_as() -> list[str]:
    """Command prefix to run server programs as a non-root user when we are root."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


class PostgresServer:
    def __init__(self, bindir: Path, root: Path, port: int):
        self.bindir, self.root, self.port = bindir, root, port
        self.data = root / "data"
        self.socket_dir = root / "socket"

    @classmethod
    def start(cls) -> PostgresServer:
        bindir = find_bindir()
        root = Path(tempfile.mkdtemp(prefix="eventscope-pg-"))
        server = cls(bindir, root, _free_port())
        try:
            server._init_and_start()
        except BaseException:
            server.stop()
            raise
        return server

    def _program(self, name: str, *args: str) -> None:
        command = [*_run_as(), str(self.bindir / name), *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if result.returncode != 0:
            log = (self.root / "server.log")
            detail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{name} failed ({result.returncode}): "
                               f"{result.stderr.strip()}\n{detail}")

    def _init_and_start(self) -> None:
        self.socket_dir.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        self._program("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        # fsync off: a test cluster trades durability for speed.
        options = f"-h 127.0.0.1 -p {self.port} -k {self.socket_dir} -F"
        self._program("pg_ctl", "start", "-D", str(self.data), "-w", "-t", "60",
                      "-l", str(self.root / "server.log"), "-o", options)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._program("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w")
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
