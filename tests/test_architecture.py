"""Import directions (import-linter contracts in pyproject.toml) and lint cleanliness."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def test_import_contracts_hold() -> None:
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and " 0 broken" in result.stdout


def test_mypy_strict() -> None:
    """Every layer of the app, strict ([tool.mypy] in pyproject.toml names them)."""
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_ruff_clean() -> None:
    result = subprocess.run([_tool("ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_hard_coded_sd_sizes_in_engine() -> None:
    """512/768 px, 77 tokens and the 0.18215 VAE factor must be read from the model, never written."""
    forbidden = {512, 768, 77, 0.18215}
    for folder in ("inversion", "p2p_studio/engine", "p2p_studio/cli.py"):
        paths = [ROOT / folder] if folder.endswith(".py") else (ROOT / folder).rglob("*.py")
        for path in paths:
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Constant) and type(node.value) in (int, float):
                    assert node.value not in forbidden, f"{node.value} at {path.name}:{node.lineno}"
