"""Build the one-folder app with PyInstaller, then prove it starts.

    uv run python packaging/build_app.py [--skip-build]

1. Runs PyInstaller on ``packaging/installment-tracker.spec`` through ``uv run --with
   pyinstaller`` (uv fetches PyInstaller into a throw-away environment, so a fresh machine
   needs nothing else; without uv it uses ``python -m PyInstaller``, installing it with pip
   if missing).
2. Starts the built ``dist/installment-tracker/installment-tracker`` offscreen with a new,
   empty database in a temporary HOME, asks it (``TRACKER_SMOKE_SCREENSHOT``) to save its main
   window as a PNG once painted and quit, and checks it said ``window shown`` and wrote a PNG.
3. Runs the built CLI once (``quote --holidays CN --json``): the China calendar must move
   Sunday 2026-02-15 to Tuesday 2026-02-24, so the ``holidays`` data is in the build.
4. Prints how long the build took, how big the folder is (and how many files), and the
   screenshot's path. Exit status 0 when all of it worked.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "installment-tracker.spec"
DIST = ROOT / "dist"
APP_DIR = DIST / "installment-tracker"
EXE = APP_DIR / ("installment-tracker.exe" if os.name == "nt" else "installment-tracker")
START_TIMEOUT = 180


def pyinstaller_command() -> list[str]:
    """How to run PyInstaller here: through uv when there is one, else this Python."""
    uv = shutil.which("uv")
    if uv:
        return [uv, "run", "--with", "pyinstaller", "pyinstaller"]
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "pyinstaller"], check=True)
    return [sys.executable, "-m", "PyInstaller"]


def build() -> float:
    """Run PyInstaller; return the seconds it took."""
    cmd = [*pyinstaller_command(), "--noconfirm", "--clean", "--distpath", str(DIST),
           "--workpath", str(ROOT / "build" / "pyinstaller"), str(SPEC)]  # fmt: skip
    print("building:", " ".join(cmd), flush=True)
    start = time.monotonic()
    done = subprocess.run(cmd, cwd=ROOT, check=False)
    took = time.monotonic() - start
    if done.returncode != 0:
        raise SystemExit(f"PyInstaller failed (exit {done.returncode}) after {took:.0f} s")
    return took


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under ``folder`` (symlinks not followed)."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def smoke_env(home: Path) -> dict[str, str]:
    """A clean environment: offscreen Qt, a HOME and XDG folders of its own (no real data)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRACKER_", "XDG_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        USERPROFILE=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "run"),
    )
    (home / "run").mkdir(mode=0o700, exist_ok=True)
    return env


def start_window(home: Path) -> Path:
    """Start the built app on a new database; return its screenshot, or exit saying why."""
    shot = home / "main-window.png"
    env = smoke_env(home)
    env["TRACKER_SMOKE_SCREENSHOT"] = str(shot)
    db = home / "fresh.sqlite3"
    start = time.monotonic()
    done = subprocess.run([str(EXE), "--db", str(db)], env=env, capture_output=True, text=True,
                          timeout=START_TIMEOUT, check=False)  # fmt: skip
    took = time.monotonic() - start
    said = done.stdout.strip().splitlines()
    if done.returncode != 0 or not said or not said[-1].startswith("window shown"):
        raise SystemExit(
            f"the built app did not show its window (exit {done.returncode}):\n"
            f"{done.stdout}\n{done.stderr}"
        )
    if not shot.is_file() or shot.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"the built app said {said[-1]!r} but wrote no PNG at {shot}")
    if not db.is_file():
        raise SystemExit("the built app did not create its database")
    print(f"started: {said[-1]} in {took:.1f} s (new database {db.name}), screenshot {shot}")
    return shot


def run_cli(home: Path) -> None:
    """The built CLI quotes a plan with China's calendar (holidays data bundled)."""
    cmd = [str(EXE), "quote", "--model", "flat", "--principal", "3600", "--periods", "2",
           "--rate", "0.6", "--first-due", "2026-02-15", "--holidays", "CN", "--json"]  # fmt: skip
    done = subprocess.run(cmd, env=smoke_env(home), capture_output=True, text=True,
                          timeout=START_TIMEOUT, check=False)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"the built CLI failed: {done.stderr}")
    first = json.loads(done.stdout)["installments"][0]
    if (first["due_date"], first.get("moved_from")) != ("2026-02-24", "2026-02-15"):
        raise SystemExit(f"the built CLI moved 2026-02-15 to {first['due_date']}")
    print("cli: quote --holidays CN moves 2026-02-15 to 2026-02-24")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-build", action="store_true", help="check an existing build")
    args = parser.parse_args(argv)
    took = None if args.skip_build else build()
    if not EXE.is_file():
        raise SystemExit(f"no built app at {EXE}; run without --skip-build")
    size, files = folder_size(APP_DIR)
    home = Path(tempfile.mkdtemp(prefix="tracker-smoke-"))
    shot = start_window(home)
    kept = DIST / "main-window.png"
    shutil.copyfile(shot, kept)
    run_cli(home)
    shutil.rmtree(home, ignore_errors=True)
    if took is not None:
        print(f"build time: {took:.0f} s")
    print(f"result: {APP_DIR.relative_to(ROOT)}/ {size / 2**20:.0f} MiB in {files} files")
    print(f"screenshot kept at {kept.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
