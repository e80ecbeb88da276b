"""Deployment settings, read from the environment and an optional `.env` file."""

import re
from pathlib import Path
from typing import Literal, Self
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.runtime.pacing import TELEGRAM_MESSAGES_PER_SECOND

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# What Telegram accepts as a webhook secret token.
_SECRET_CHARACTERS = re.compile(r"[A-Za-z0-9_-]{1,256}")

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class Settings(BaseSettings):
    """Everything a deployment can configure. Only the token has no default."""

    # An empty value (`WEBHOOK_URL=` as .env.example has it) means the default, not "".
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    telegram_bot_token: SecretStr
    telegram_api_url: str = "https://api.telegram.org"
    database_url: str = "sqlite+aiosqlite:///data/warmup.db"
    log_level: LogLevel = "INFO"
    content_dir: Path = Field(default=PROJECT_ROOT / "content")
    # How long one Bot API call may take, and the first pause before retrying a failed one.
    telegram_timeout_seconds: float = Field(default=10, gt=0, le=120)
    retry_backoff_seconds: float = Field(default=0.5, ge=0, le=30)
    # An http(s) proxy every Bot API call goes through, e.g. http://proxy.local:3128.
    telegram_proxy_url: str | None = None
    # This instance's share of Telegram's cap of about 30 new messages a second, replies and
    # reminders together (replies first). The cap is per bot: with N instances, give each 30/N.
    reminder_messages_per_second: float = Field(
        default=TELEGRAM_MESSAGES_PER_SECOND, gt=0, le=1000
    )
    # Several instances on one database: an instance not heard from for this long is taken as
    # gone, and another (or the next start) handles the updates it had received.
    instance_lease_seconds: float = Field(default=30, ge=1, le=600)
    # Webhook mode: set WEBHOOK_URL (the public https address Telegram posts to) to use it
    # instead of polling. The bot then listens on WEBHOOK_LISTEN:WEBHOOK_PORT, behind a proxy.
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8080, ge=0, le=65535)
    webhook_secret: SecretStr | None = None
    # The progress and settings Mini App: set WEBAPP_URL (its public https address, such as
    # https://example.org/app) to serve it from the same web server, in polling mode too.
    webapp_url: str | None = None

    @field_validator("telegram_api_url")
    @classmethod
    def _strip_trailing_slash(cls, value: str) -> str:
        # The bot appends `/bot{token}/{method}`; a trailing slash would double it.
        return value.rstrip("/")

    @field_validator("telegram_proxy_url")
    @classmethod
    def _http_proxy(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("TELEGRAM_PROXY_URL must be an http:// or https:// address")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_log_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Self:
        if self.webhook_url is None:
            return self
        if not self.webhook_url.startswith(("https://", "http://")):
            raise ValueError("WEBHOOK_URL must be an http(s) address")
        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if not secret:
            raise ValueError("WEBHOOK_SECRET is required when WEBHOOK_URL is set")
        if not _SECRET_CHARACTERS.fullmatch(secret):
            raise ValueError("WEBHOOK_SECRET must be 1-256 of A-Z, a-z, 0-9, _ and -")
        return self

    @model_validator(mode="after")
    def _webapp_has_a_path_of_its_own(self) -> Self:
        if self.webapp_url is None:
            return self
        if not self.webapp_url.startswith(("https://", "http://")):
            raise ValueError("WEBAPP_URL must be an https address (http only to try it locally)")
        if self.webapp_path in ("", "/healthz"):
            raise ValueError("WEBAPP_URL needs a path of its own, such as https://example.org/app")
        hook, app = self.webhook_path, self.webapp_path
        if self.webhook_url is not None and (hook == app or hook.startswith(f"{app}/")):
            raise ValueError("WEBAPP_URL's path must differ from WEBHOOK_URL's")
        return self

    @property
    def webapp_path(self) -> str:
        """Where the Mini App is served, from WEBAPP_URL's path (no trailing slash)."""
        return urlsplit(self.webapp_url or "").path.rstrip("/")

    @property
    def webhook_path(self) -> str:
        """The path Telegram posts to, taken from WEBHOOK_URL (`/` if it has none)."""
        return urlsplit(self.webhook_url or "").path or "/"

    @property
    def bot_api_base_url(self) -> str:
        """Prefix PTB puts before the token: `{root}/bot` gives `{root}/bot{token}/{method}`."""
        return f"{self.telegram_api_url}/bot"

    @property
    def bot_api_file_url(self) -> str:
        """Prefix for file downloads, same shape as the method URLs."""
        return f"{self.telegram_api_url}/file/bot"
