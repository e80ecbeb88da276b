"""`python -m bot`: load settings, build the application, run it."""

from __future__ import annotations

import asyncio
import sys

from pydantic import ValidationError
from telegram.error import InvalidToken

from bot.app import build_application, services_of
from bot.config import Settings
from bot.content import ContentError
from bot.runtime.lifecycle import serve
from bot.runtime.logs import configure_logging
from bot.webapp import launch
from db.database import DatabaseError


def main() -> int:
    try:
        settings = Settings()
    except ValidationError as exc:
        fields = ", ".join(str(e["loc"][0]).upper() for e in exc.errors())
        print(f"error: missing or invalid setting: {fields} (see .env.example)", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.telegram_bot_token.get_secret_value())
    try:
        application = build_application(settings)
        web = launch.routes(application)  # the Mini App's, where WEBAPP_URL is set
        asyncio.run(serve(application, settings, services_of(application).db, web))
    except (ContentError, DatabaseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except InvalidToken:
        # PTB's message quotes the token; this line must not.
        print(
            "error: Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
