"""What the operator configures: the API token, whether reads need it, request limits, the user registry file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TOKEN_ENV = "WARLOG_API_TOKEN"
TOKEN_FILE_ENV = "WARLOG_API_TOKEN_FILE"
DEFAULT_MAX_BODY = 5 * 1024 * 1024
MIN_TOKEN_LENGTH = 16


class SettingsError(ValueError):
    """The server's configuration is unusable (an unreadable or too short token, for instance)."""


@dataclass(frozen=True)
class WebSettings:
    """The server's configuration. Without a token every write is refused; `protect_reads` guards reads too.

    `total_seconds`: how long the total of an event filter is kept (0: never), see `warlog.web.totals`."""

    token: str | None = None
    protect_reads: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY
    max_page: int = 500
    max_export: int = 20000
    total_seconds: float = 5.0
    actors_file: Path | None = None

    def __repr__(self) -> str:
        shown = "set" if self.token else None
        return f"WebSettings(token={shown}, protect_reads={self.protect_reads}, actors_file={self.actors_file})"


def read_token(token_file: Path | None = None) -> str | None:
    """The API token from `token_file`, else $WARLOG_API_TOKEN_FILE, else $WARLOG_API_TOKEN; None when unset."""
    path = token_file or (Path(os.environ[TOKEN_FILE_ENV]) if os.environ.get(TOKEN_FILE_ENV) else None)
    if path is not None:
        try:
            token = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingsError(f"cannot read the API token file {path}: {exc.strerror}") from exc
    else:
        token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise SettingsError(f"the API token must have at least {MIN_TOKEN_LENGTH} characters")
    return token
