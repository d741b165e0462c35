"""The command line as a whole: every command documented, the public API stable."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import mapper
from mapper.cli import _register, cli

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands() -> list[tuple[str, click.Command]]:
    _register()
    out = []
    for name, cmd in cli.commands.items():
        out.append((name, cmd))
        if isinstance(cmd, click.Group):
            out.extend((f"{name} {sub}", subcmd) for sub, subcmd in cmd.commands.items())
    return out


@pytest.mark.parametrize("name", [n for n, _ in _commands()])
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name: str) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    assert f"mapper {name}" in README.read_text(encoding="utf-8"), f"README never shows `mapper {name}`"


def test_readme_starts_with_the_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    setup = text.split("## Set-up on a fresh machine", 1)[1].split("##", 1)[0]
    assert "mapper run" in setup and "pytest" in setup


def test_public_api_is_sorted_and_importable() -> None:
    assert mapper.__all__ == sorted(mapper.__all__)
    for name in mapper.__all__:
        assert getattr(mapper, name) is not None


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["frobnicate"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_every_usage_command_in_the_readme_runs_as_written(tmp_path: Path, monkeypatch, gazetteer) -> None:
    """The README's Usage block, run in a folder holding the files it names (articles written here)."""
    import json
    import shlex

    shared = Path(__file__).resolve().parents[2] / "shared"
    text = README.read_text(encoding="utf-8").split("## Usage", 1)[1]
    block = text.split("```bash", 1)[1].split("```", 1)[0]
    (tmp_path / "news").mkdir()
    report = ("Drone debris found near Aktau\n\nPolice in Kazakhstan's Mangistau Region said on Tuesday that "
              "fragments of a drone were found on a beach north of Aktau.\n")
    (tmp_path / "news" / "a.txt").write_text(report, encoding="utf-8")
    (tmp_path / "article.txt").write_text(report, encoding="utf-8")
    (tmp_path / "news.jsonl").write_text(json.dumps({
        "id": "n1", "title": "Workers evacuated", "published": "2025-06-23",
        "text": "About 450 Kyrgyz citizens were evacuated from Ivanovo to Bishkek on June 20, officials said."})
        + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _register()
    commands = [c.split("#", 1)[0].strip() for line in block.splitlines() for c in line.split("&&")]
    assert len([c for c in commands if c]) >= 7
    for command in filter(None, commands):
        args = shlex.split(command.replace("../shared", str(shared)))
        assert args[0] == "mapper", command
        if "eval" in args and not shared.is_dir():
            continue
        result = CliRunner().invoke(cli, args[1:], catch_exceptions=False)
        assert result.exit_code == 0, f"{command}: {result.output}"
    assert (tmp_path / "outputs" / "map.html").exists() and (tmp_path / "incidents.geojson").exists()
