"""Who is asking: Telegram's initData, checked with the bot's token.

Telegram signs the data it hands a Mini App (the person, when it was opened) with a key made
from the bot's token (HMAC-SHA256; `telegram-webapp-auth` does the check). Every data call
carries it as `Authorization: tma <initData>`; the person is taken from it alone, never from
a URL or a body, so nobody can read or change another person's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from telegram_webapp_auth.auth import TelegramAuthenticator, generate_secret_key
from telegram_webapp_auth.errors import ExpiredInitDataError, InvalidInitDataError

SCHEME = "tma "


@dataclass(frozen=True)
class Person:
    """A signed-in person: their Telegram id (their private chat's id too) and first name."""

    user_id: int
    first_name: str
    language_code: str | None = None  # their Telegram app's language


class SignIn:
    """Checks a request's initData against the bot's token."""

    def __init__(self, token: str, max_age: timedelta) -> None:
        self._authenticator = TelegramAuthenticator(generate_secret_key(token))
        self._max_age = max_age

    def person(self, authorization: str | None) -> Person | None:
        """The person an `Authorization` header signs in; None if it is missing, forged,
        tampered with, too old, or names nobody."""
        if not authorization or not authorization.startswith(SCHEME):
            return None
        try:
            data = self._authenticator.validate(
                authorization.removeprefix(SCHEME), expr_in=self._max_age
            )
        except (InvalidInitDataError, ExpiredInitDataError, ValueError):
            return None
        if data.user is None or data.user.id <= 0:
            return None
        return Person(data.user.id, data.user.first_name or "", data.user.language_code)
