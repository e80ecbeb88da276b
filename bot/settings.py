"""Deployment settings, read from the environment and an optional `.env` file."""

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class Settings(BaseSettings):
    """Everything a deployment can configure. Only the token has no default."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr
    telegram_api_url: str = "https://api.telegram.org"
    database_url: str = "sqlite+aiosqlite:///data/warmup.db"
    log_level: LogLevel = "INFO"
    content_dir: Path = Field(default=PROJECT_ROOT / "content")
    # How long one Bot API call may take, and the first pause before retrying a failed one.
    telegram_timeout_seconds: float = Field(default=10, gt=0, le=120)
    retry_backoff_seconds: float = Field(default=0.5, ge=0, le=30)

    @field_validator("telegram_api_url")
    @classmethod
    def _strip_trailing_slash(cls, value: str) -> str:
        # The bot appends `/bot{token}/{method}`; a trailing slash would double it.
        return value.rstrip("/")

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_log_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @property
    def bot_api_base_url(self) -> str:
        """Prefix PTB puts before the token: `{root}/bot` gives `{root}/bot{token}/{method}`."""
        return f"{self.telegram_api_url}/bot"

    @property
    def bot_api_file_url(self) -> str:
        """Prefix for file downloads, same shape as the method URLs."""
        return f"{self.telegram_api_url}/file/bot"
