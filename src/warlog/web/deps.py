"""Per-request dependencies: a database session (one transaction) and the current actor registry.

Both are coroutines so that they run on the event loop: a session connects only when the (threaded) endpoint
first queries, and its commit at the end is short. The session has function scope: it commits as soon as the
route returns, before the response is sent, so a client that got its answer reads what the request wrote."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from warlog.actors.registry import Registry


async def _session(request: Request) -> AsyncIterator[Session]:
    with request.app.state.database.transaction() as opened:
        yield opened


async def _registry(request: Request) -> Registry:
    return request.app.state.registry.current()


DbSession = Annotated[Session, Depends(_session, scope="function")]
CurrentRegistry = Annotated[Registry, Depends(_registry)]
