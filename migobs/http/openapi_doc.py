"""The OpenAPI document as generators need it: the tracker's bearer tokens declared.

FastAPI writes the document from the routes; :func:`install` adds the ``bearerAuth`` security
scheme (``Authorization: Bearer <token>``, from ``POST /api/tracker/tokens``) and marks every
tracker operation with it, as optional: public reads of the tracker need no token, writes do
(and answer 401 or 403 without one).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

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
        return with_bearer(written())

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
