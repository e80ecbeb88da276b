"""Fetch the Mini App's third-party files from npm, pinned: `python bot/webapp/vendor.py`.

Each package is packed at an exact version (`npm pack`, into a temporary folder), its tarball
checked against the SHA-256 pinned here, and the files the page loads copied with the package's
LICENSE into `static/vendor/<name>/`. The result is committed: nothing is fetched when the bot
runs or its tests do. Run it again after changing a pin, and commit what changed.

Telegram's own Mini App script is not vendored: the npm copy of it (`@twa-dev/sdk`) is
Telegram's code under another author's MIT licence, and older than Telegram's. The page reads
the launch parameters from the URL itself and speaks Telegram's documented event bridge
(`app.js`).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

VENDOR = Path(__file__).resolve().parent / "static" / "vendor"


@dataclass(frozen=True)
class Package:
    """An npm package at an exact version, and the files of it the page uses."""

    name: str
    version: str
    sha256: str  # of the tarball `npm pack` fetches
    folder: str  # under static/vendor/
    files: tuple[str, ...]  # paths inside the tarball's `package/`, LICENSE included

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"


PACKAGES = (
    # The pain chart: small (50 kB), fast on a phone, no dependencies. MIT, Leon Sorokin.
    Package(
        name="uplot",
        version="1.6.32",
        sha256="4b8a8191e425658e3ea8c8c1314b0fc679c861ee3a1af2b20c7b16ba50b5133d",
        folder="uplot",
        files=("dist/uPlot.iife.min.js", "dist/uPlot.min.css", "LICENSE"),
    ),
)


def npm_pack(package: Package, into: Path) -> Path:
    """The package's tarball, fetched by npm into `into`."""
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("vendor: npm is needed (apt-get install npm)")
    done = subprocess.run(  # noqa: S603 - a fixed command; the spec is pinned above
        [npm, "pack", package.spec, "--silent", "--pack-destination", str(into)],
        check=True,
        capture_output=True,
        text=True,
        cwd=into,
    )
    return into / done.stdout.strip().splitlines()[-1]


def checked(tarball: Path, package: Package) -> Path:
    """`tarball`, once its SHA-256 is the pinned one; stops the run otherwise."""
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != package.sha256:
        sys.exit(f"vendor: {package.spec} has SHA-256 {digest}, pinned {package.sha256}")
    return tarball


def copy_files(tarball: Path, package: Package) -> list[Path]:
    """Copy the package's files from `tarball` into its vendor folder, replacing what was."""
    target = VENDOR / package.folder
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    written = []
    with tarfile.open(tarball, "r:gz") as archive:
        for inside in package.files:
            member = archive.extractfile(f"package/{inside}")
            if member is None:
                sys.exit(f"vendor: {package.spec} has no file {inside}")
            path = target / Path(inside).name
            path.write_bytes(member.read())
            written.append(path)
    return written


def main() -> None:
    """Fetch, check and copy every pinned package."""
    with tempfile.TemporaryDirectory(prefix="vendor-") as temporary:
        for package in PACKAGES:
            tarball = checked(npm_pack(package, Path(temporary)), package)
            for path in copy_files(tarball, package):
                sys.stdout.write(f"{package.spec}: {path.relative_to(VENDOR.parent)}\n")


if __name__ == "__main__":
    main()
