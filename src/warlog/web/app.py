"""The FastAPI application: the JSON API under /api (spec at /api/openapi.json) and the dashboard at /."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from warlog import __version__
from warlog.store import Database
from warlog.web.middleware import BodyLimit, SecurityHeaders
from warlog.web.routes import actors, articles, events, stats
from warlog.web.settings import WebSettings
from warlog.web.totals import FilterTotals
from warlog.web.user_registry import UserRegistry

STATIC = resources.files("warlog.web").joinpath("static")


def create_app(database: Database, settings: WebSettings | None = None) -> FastAPI:
    """The API and dashboard over an open `database`; the caller closes it."""
    settings = settings or WebSettings()
    app = FastAPI(
        title="warlog",
        version=__version__,
        description="Geocoded, attributed political-violence events with their evidence. "
        "Writes need `Authorization: Bearer <token>`; so do reads when the operator protects them.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.database = database
    app.state.settings = settings
    app.state.registry = UserRegistry(settings.actors_file)
    app.state.totals = FilterTotals(settings.total_seconds)
    app.add_exception_handler(RequestValidationError, _validation_error)
    for module in (events, articles, actors, stats):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_api_route("/", _dashboard, include_in_schema=False)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def _dashboard() -> FileResponse:
    return FileResponse(str(STATIC.joinpath("index.html")), media_type="text/html")


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with one readable line per problem ('query.limit: Input should be ...') and the details."""
    problems = [
        {"loc": [str(part) for part in error["loc"]], "msg": error["msg"], "type": error["type"]}
        for error in exc.errors()
    ]
    detail = "; ".join(f"{'.'.join(p['loc'])}: {p['msg']}" for p in problems)
    return JSONResponse({"detail": detail, "errors": problems}, status_code=422)
