"""The OpenAPI document as generators need it: the tracker's bearer tokens declared, and an
example for every operation.

FastAPI writes the document from the routes; :func:`install` adds the ``bearerAuth`` security
scheme (``Authorization: Bearer <token>``, from ``POST /api/tracker/tokens``) and marks every
tracker operation with it, as optional: public reads of the tracker need no token, writes do
(and answer 401 or 403 without one). It then adds the examples of ``openapi_examples.yml`` (kept
as data, one story throughout: Mexico, 484, and the United States, 840): each parameter's by its
name, each request body's and, for operations that take nothing, a response's.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from migobs.yaml_files import read_yaml

TRACKER_PREFIX = "/api/tracker"
BEARER = {
    "type": "http",
    "scheme": "bearer",
    "description": "A tracker API token: POST /api/tracker/tokens with email and password.",
}


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` return the document with the tracker's security declared."""

    written = app.openapi  # FastAPI's own, which keeps the document once written

    def document() -> dict[str, Any]:
        return with_examples(with_bearer(written()))

    app.openapi = document  # type: ignore[method-assign]


def with_bearer(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with the ``bearerAuth`` scheme, optional on every tracker operation (in place,
    so doing it twice changes nothing)."""
    spec.setdefault("components", {}).setdefault("securitySchemes", {})["bearerAuth"] = BEARER
    for path, operations in spec.get("paths", {}).items():
        if path.startswith(TRACKER_PREFIX):
            for operation in operations.values():
                operation["security"] = [{"bearerAuth": []}, {}]
    return spec


@cache
def examples() -> dict[str, Any]:
    """The examples of ``openapi_examples.yml``."""
    loaded: dict[str, Any] = read_yaml(Path(__file__).with_name("openapi_examples.yml"))
    return loaded


def with_examples(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with the examples of :func:`examples` on its parameters, request bodies and
    responses (in place; doing it twice changes nothing)."""
    known = examples()
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            name = operation["operationId"]
            by_name = {**known["parameters"], **known["by_operation"].get(name, {})}
            for parameter in operation.get("parameters", []):
                if parameter["name"] in by_name:
                    value = by_name[parameter["name"]]
                    parameter["example"] = typed(value, parameter.get("schema", {}))
            if name in known["bodies"]:
                for media in operation["requestBody"]["content"].values():
                    media["example"] = known["bodies"][name]
            for status, example in known["responses"].get(name, {}).items():
                for media in operation["responses"][status]["content"].values():
                    media["example"] = example
    return spec


def typed(value: Any, schema: dict[str, Any]) -> Any:
    """``value`` as the parameter's schema types it: a number for an integer (``"484"`` →
    484), text for a string."""
    types = {schema.get("type")} | {option.get("type") for option in schema.get("anyOf", [])}
    if "integer" in types and "string" not in types:
        return int(value)
    if "string" in types and not isinstance(value, str):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return value
