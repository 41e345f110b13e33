"""Read the YAML files migobs keeps beside its code (layouts, catalogues, names, texts).

One reader for all of them, so that every one is read the fast way: with libyaml's C loader
(``yaml.CSafeLoader``), which reads the same documents as ``yaml.safe_load`` about ten times
faster (a build reads some twenty files); PyYAML's own pure-Python loader where PyYAML was built
without libyaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader, or PyYAML's pure-Python one where libyaml is missing."""


def read_yaml(path: Path) -> Any:
    """The document of the UTF-8 YAML file at ``path``, as ``yaml.safe_load`` reads it."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)  # noqa: S506 - a safe loader
