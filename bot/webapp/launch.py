"""Turning the Mini App on: its routes for the web server, the chat's menu button, and the
button under /progress. All of it only where WEBAPP_URL is set; without it the bot runs as it
would with no app, and says so once in its log."""

from __future__ import annotations

import logging

from starlette.routing import BaseRoute
from telegram import MenuButtonDefault, MenuButtonWebApp, WebAppInfo

from bot.chat.progress import page_url
from bot.runtime.application import CoachApplication
from bot.runtime.context import SERVICES, Services
from bot.webapp import server

log = logging.getLogger(__name__)


def routes(application: CoachApplication) -> list[BaseRoute]:
    """The app's routes, or none when WEBAPP_URL is not set."""
    services: Services = application.bot_data[SERVICES]
    settings = services.settings
    if settings.webapp_url is None:
        return []
    return server.routes(application, settings.webapp_path, settings.content_dir / "media")


async def set_menu_button(application: CoachApplication) -> None:
    """Every private chat's menu button opens the app; without one, Telegram's default (so a
    button an earlier set-up left does not lead nowhere)."""
    services: Services = application.bot_data[SERVICES]
    url = page_url(services.settings)
    if url is None:
        log.info("Mini App off: set WEBAPP_URL to serve it")
        await application.bot.set_chat_menu_button(menu_button=MenuButtonDefault())
        return
    text = services.content.texts.webapp.menu_button
    await application.bot.set_chat_menu_button(menu_button=MenuButtonWebApp(text, WebAppInfo(url)))
