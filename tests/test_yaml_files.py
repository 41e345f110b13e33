"""The one YAML reader: libyaml's loader where PyYAML has it, reading what ``safe_load`` reads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from migobs.yaml_files import LOADER, read_yaml

PACKAGE = Path(__file__).parents[1] / "migobs"
FILES = sorted(path for path in PACKAGE.rglob("*.yml") if "__pycache__" not in path.parts)


def test_the_fast_loader_is_used_where_pyyaml_has_libyaml() -> None:
    assert yaml.__with_libyaml__
    assert LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_every_yaml_file_reads_as_safe_load_reads_it(path: Path) -> None:
    assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_files_are_found() -> None:
    assert len(FILES) > 20
    assert PACKAGE / "sources" / "undesa_stock.yml" in FILES
