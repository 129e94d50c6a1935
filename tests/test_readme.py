"""The README stays true: its set-up commands, its CLI interface and its examples' output."""

from __future__ import annotations

import json
import re
import shlex
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def _blocks(text: str) -> list[str]:
    return FENCE.findall(text)


def _quote_commands() -> list[list[str]]:
    """Every `uv run tracker quote ...` command line in the README, as tracker argv lists."""
    commands = []
    for line in README.splitlines():
        line = line.removeprefix("$ ").strip()
        if line.startswith("uv run tracker quote "):
            commands.append(shlex.split(line)[3:])
    return commands


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    from tracker.cli import main

    status = main(argv)
    out, err = capsys.readouterr()
    assert status == 0, f"tracker {' '.join(argv)} exited {status}: {err}"
    return out


def test_title_is_first_line() -> None:
    assert README.splitlines()[0] == "# Installment Tracker (分期账本)"


def test_setup_has_exactly_the_two_commands() -> None:
    setup = _section("Set up")
    assert "pip install uv" in setup
    assert _blocks(setup)[0].split("\n")[:-1] == ["uv run tracker", "uv run pytest"]


def test_setup_commands_exist_in_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["tracker"] == "tracker.__main__:main"
    assert any(d.startswith("pytest") for d in project["project"]["optional-dependencies"]["test"])


def test_readme_names_the_system_packages_ci_installs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    apt_line = next(b for b in _blocks(_section("Set up")) if "apt-get install" in b)
    packages = apt_line.replace("\\\n", " ").split("apt-get install", 1)[1].split()
    assert "fonts-wqy-microhei" in packages
    for package in packages:
        assert package in ci, f"README asks for {package} but .ci/run does not install it"


def test_documented_quote_options_exist(capsys: pytest.CaptureFixture[str]) -> None:
    interface = next(b for b in _blocks(_section("Usage")) if b.startswith("tracker quote"))
    documented = set(re.findall(r"--[a-z][a-z-]*", interface))
    help_text = _run(["quote", "--help"], capsys)
    actual = set(re.findall(r"--[a-z][a-z-]*", help_text)) - {"--help"}
    assert documented == actual
    models = re.search(r"--model \{([^}]*)\}", interface)
    assert models, interface
    assert f"{{{models.group(1)}}}" in help_text


def test_readme_has_the_four_quote_examples() -> None:
    assert len(_quote_commands()) == 4


@pytest.mark.parametrize("argv", _quote_commands(), ids=" ".join)
def test_quote_examples_run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(argv, capsys)
    if "--json" in argv:
        assert json.loads(out)["apr"] == "13.03"


def test_quote_example_output_is_what_tracker_prints(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = [b for b in _blocks(_section("Usage")) if b.startswith("$ uv run tracker quote")]
    assert len(blocks) == 2  # the credit-card plan, and due dates moved off China's holidays
    for block in blocks:
        command, *shown = block.splitlines()
        actual = _run(shlex.split(command)[4:], capsys).splitlines()
        shown = [line for line in shown if line.strip() != "…"]
        assert [line for line in actual if line in shown] == shown


def test_huabei_example_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [*next(c for c in _quote_commands() if "total" in c), "--json"]
    quote = json.loads(_run(argv, capsys))
    totals = [i["total"] for i in quote["installments"]]
    assert totals == ["174.20"] + ["174.16"] * 5
    assert (quote["total_fee"], quote["apr"]) == ("45.00", "15.27")
    assert "174.20, then 5 × 174.16 (fee 45.00, APR 15.27%)" in README
