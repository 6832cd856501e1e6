"""The HTTP query API and the web dashboard: a FastAPI app over the store repositories (`create_app`)."""

from warlog.web.app import create_app
from warlog.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
