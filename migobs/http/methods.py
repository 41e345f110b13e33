"""``AllowedMethods``: ``OPTIONS`` and ``405`` naming every method a path accepts.

Starlette answers a method its first matching route lacks with 405 and that one route's methods
(``Allow: GET`` on a path that also takes POST), and a method a later, looser route takes (PATCH
on ``/api/tracker/{kind}/{record_id}``) goes to that route and fails there with 422. This
middleware looks at every route whose path matches first: ``OPTIONS`` answers 204 with ``Allow``
listing their methods (HEAD with GET, and OPTIONS), and any other method none of them takes
answers 405 with the same ``Allow`` (RFC 9110 sections 9.3.7 and 15.5.6). Paths no route matches,
and mounts (the static files), go on as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from fastapi.routing import RouteContext, iter_route_contexts
from starlette.exceptions import HTTPException
from starlette.routing import Match, Router
from starlette.types import ASGIApp, Receive, Scope, Send

ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(routes: Iterable[RouteContext], scope: Scope) -> list[str]:
    """The methods the routes matching ``scope``'s path accept, in :data:`ORDER`; empty when no
    route matches or a mount does (what is under it is not ours to list)."""
    methods: set[str] = set()
    for route in routes:
        match, _ = route.matches(scope)
        if match is Match.NONE:
            continue
        if route.methods is None:  # a mount
            return []
        methods |= route.methods
    if not methods:
        return []
    if "GET" in methods:
        methods.add("HEAD")  # HeadAsGet answers it
    methods.add("OPTIONS")
    return sorted(methods, key=lambda m: (ORDER.index(m) if m in ORDER else len(ORDER), m))


class AllowedMethods:
    """ASGI middleware: ``OPTIONS`` lists a path's methods; other methods it lacks get 405."""

    def __init__(
        self,
        app: ASGIApp,
        router: Router,
        refusal: Callable[[HTTPException], ASGIApp],
    ) -> None:
        self.app = app
        self.router = router
        self.refusal = refusal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        methods = allowed_methods(iter_route_contexts(self.router.routes), scope)
        if not methods or (scope["method"] in methods and scope["method"] != "OPTIONS"):
            await self.app(scope, receive, send)
            return
        allow = {"Allow": ", ".join(methods)}
        if scope["method"] == "OPTIONS":
            await send({"type": "http.response.start", "status": 204, "headers": _raw(allow)})
            await send({"type": "http.response.body", "body": b""})
            return
        accepted = ", ".join(methods)
        message = f"{scope['method']} is not allowed on {scope['path']}: it accepts {accepted}."
        error = HTTPException(405, message, headers=allow)
        await self.refusal(error)(scope, receive, send)


def _raw(headers: dict[str, str]) -> list[tuple[bytes, bytes]]:
    return [(k.lower().encode(), v.encode()) for k, v in headers.items()]
