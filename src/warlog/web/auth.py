"""Token checks: writes always need the operator's token, reads only when `protect_reads` is set.

The checks are coroutines, so they run on the event loop without a trip to the thread pool. Routes take them as
`ReadAccess` and `WriteAccess`; a write, once its route returns (and its session has committed), clears the
kept filter totals before its response is sent.

The token comes as `Authorization: Bearer <token>`, is compared in constant time and is never logged."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from warlog.web.settings import WebSettings

_bearer = HTTPBearer(auto_error=False, description="The operator's API token.")


def _settings(request: Request) -> WebSettings:
    return request.app.state.settings


def _check(settings: WebSettings, credentials: HTTPAuthorizationCredentials | None) -> None:
    if settings.token is None:
        raise _unauthorized("this server has no API token configured, so it accepts no writes")
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode("utf-8"), settings.token.encode("utf-8")):
        raise _unauthorized("a valid API token is required (Authorization: Bearer <token>)")


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(status_code=401, detail=message, headers={"WWW-Authenticate": "Bearer"})


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


async def require_write(request: Request, credentials: Credentials) -> AsyncIterator[None]:
    """Refuse a write without the operator's token; after the write, forget the kept totals."""
    _check(_settings(request), credentials)
    try:
        yield
    finally:
        request.app.state.totals.clear()


async def require_read(request: Request, credentials: Credentials) -> None:
    """Refuse a read without the token when the operator protects reads."""
    settings = _settings(request)
    if settings.protect_reads:
        _check(settings, credentials)


ReadAccess = Depends(require_read)
# Function scope: the code after `yield` runs before the response is sent, after the route's session commits.
WriteAccess = Depends(require_write, scope="function")
