"""Which language the bot speaks while it handles this update, job or request.

A context variable, as aiogram's i18n middleware keeps its locale: set once where the update,
job or request starts (`bot/chat/language.py`), read wherever a text is looked up
(`Content.texts`), and never shared between two chats' updates, which run as separate tasks.
"""

from __future__ import annotations

from contextvars import ContextVar

_SPEAKING: ContextVar[str | None] = ContextVar("speaking", default=None)


def speaking() -> str | None:
    """The language set for what is being handled now; None means the default."""
    return _SPEAKING.get()


def speak(code: str | None) -> None:
    """Speak `code` for the rest of what is being handled now (None: the default)."""
    _SPEAKING.set(code)


def choose(offered: list[str], chosen: str | None, telegram: str | None) -> str:
    """The person's own choice, else their Telegram app's language, else the default (the
    first offered). Telegram's code may carry a region ("es-419", "pt-br")."""
    for code in (chosen, (telegram or "").split("-")[0].lower() or None):
        if code in offered:
            return code
    return offered[0]
