"""Method pages come from the package (``migobs/web/method_notes``), not from the checkout's
``docs/``: an installed wheel serves them, and ``docs/methods`` holds the same files."""

from __future__ import annotations

import fnmatch
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from migobs.web import methods

ROOT = Path(__file__).parents[2]
DOCS = ROOT / "docs" / "methods"


def test_docs_hold_the_same_method_notes_as_the_package() -> None:
    packaged = {p.name: p.read_bytes() for p in methods.METHODS.glob("*.md")}
    in_docs = {p.name: p.read_bytes() for p in DOCS.glob("*.md")}
    assert packaged, "no method note in migobs/web/method_notes"
    assert in_docs == packaged, "docs/methods differs from migobs/web/method_notes: run `make docs`"


def _installed_copy(target: Path) -> Path:
    """The files of ``migobs/`` a wheel holds: modules, and the package data pyproject.toml
    declares (nothing else of the checkout, no docs/)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = ["*.py", *config["tool"]["setuptools"]["package-data"]["*"]]
    for path in (ROOT / "migobs").rglob("*"):
        if path.is_file() and any(fnmatch.fnmatch(path.name, p) for p in patterns):
            copy = target / path.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
    return target


SERVE_METHOD = """
import asyncio, httpx, migobs, pathlib
from migobs.app import create_app
from migobs.config import Settings
assert migobs.__file__.startswith({site!r}), migobs.__file__

async def get():
    transport = httpx.ASGITransport(app=create_app(Settings(home=pathlib.Path({home!r}))))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.get("/methods/flows")

page = asyncio.run(get())
print(page.status_code)
print(page.text)
"""


def test_method_page_renders_from_an_installed_layout(tmp_path: Path) -> None:
    site = _installed_copy(tmp_path / "site")
    script = SERVE_METHOD.format(site=str(site), home=str(tmp_path / "home"))
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    status, _, html = done.stdout.partition("\n")
    assert status == "200"
    assert "<h1>Flows from stock tables" in html and "<table>" in html
