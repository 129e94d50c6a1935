"""Making a database read-only for real, even when the tests run as root.

Root ignores file modes (CAP_DAC_OVERRIDE), so a 0555 folder proves nothing in-process. Two
ways that do work here:

- ``run_tracker(..., modes_apply=True)`` runs ``python -m tracker`` in a child process whose
  capability bounding set lacks CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER (dropped
  with ``prctl(PR_CAPBSET_DROP)`` before exec): the child is still uid 0 (so it can run the
  interpreter under /root), but file modes apply to it as to anyone. Dropping to ``nobody``
  is not possible here: the Python the venv points at lives under /root (mode 0700).
  As a normal user nothing needs dropping.
- ``read_only_mount(src)``: a read-only bind mount of a folder (root only), i.e. read-only
  media: it applies to root in-process too (EROFS), which the GUI tests need.

Each says why it cannot run, so the tests skip with the reason.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534
_PR_CAPBSET_DROP = 24
_CAPS = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def _drop_file_caps() -> None:  # runs in the child, between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in _CAPS:
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def preexec() -> Callable[[], None] | None:
    """What makes file modes apply to a child process: None when they already do."""
    return _drop_file_caps if os.geteuid() == 0 else None


def modes_unavailable(probe_dir: Path) -> str | None:
    """Why file modes cannot be made to apply to a child here, or None when they can."""
    if sys.platform != "linux":
        return "file-mode tests are written for Linux"
    target = probe_dir / "probe-ro"
    target.mkdir()
    os.chmod(target, 0o555)
    if os.geteuid() == 0:
        os.chown(target, NOBODY, NOBODY)
    try:
        done = subprocess.run(
            [sys.executable, "-c", f"open({str(target / 'x')!r}, 'w')"],
            preexec_fn=preexec(),
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"cannot drop CAP_DAC_OVERRIDE for a child process: {exc}"
    finally:
        shutil.rmtree(target, ignore_errors=True)
    if "PermissionError" not in done.stderr:
        return "a child process still writes into a 0555 folder (capabilities not dropped)"
    return None


def run_tracker(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m tracker ARGV`` in a child that file modes apply to."""
    return subprocess.run(
        [sys.executable, "-m", "tracker", *argv],
        preexec_fn=preexec(),
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def give_to_nobody(*paths: Path, mode: int) -> None:
    """chmod (and, as root, chown to nobody) so that only reading is allowed."""
    for p in paths:
        if os.geteuid() == 0:
            os.chown(p, NOBODY, NOBODY)
        os.chmod(p, mode)


def mount_unavailable() -> str | None:
    """Why a read-only bind mount cannot be made here, or None."""
    if sys.platform != "linux" or os.geteuid() != 0:
        return "read-only bind mounts need root on Linux"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


@contextmanager
def read_only_mount(src: Path, dest: Path) -> Iterator[Path]:
    """``dest``: ``src`` mounted read-only (read-only media, for root too)."""
    dest.mkdir()
    subprocess.run(["mount", "--bind", str(src), str(dest)], check=True, capture_output=True)
    try:
        subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(dest)], check=True, capture_output=True
        )
        yield dest
    finally:
        subprocess.run(["umount", "-l", str(dest)], capture_output=True)


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file in ``folder`` with its size and mtime in ns."""
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()
