"""/language: which language the bot speaks here, by button or as `/language es`."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from bot.chat import preferences as menu
from bot.chat.choices import choose
from bot.coaching import preferences
from bot.runtime.context import CoachContext


async def language_command(update: Update, context: CoachContext) -> None:
    """No argument: the language page. A code the bot speaks: switch to it, and say so in
    it. Anything else: say which there are, and change nothing."""
    assert update.effective_chat is not None
    assert update.effective_message is not None
    chat_id = update.effective_chat.id
    snap = await preferences.snapshot(context.db, chat_id=chat_id, now=context.now())
    wanted = (context.args or [""])[0].lower().split("-")[0]
    if wanted and wanted in context.rules.languages.offered:
        await choose(context, chat_id, snap, "lang", wanted)
        await update.effective_message.reply_text(context.texts.language.changed)
        return
    if wanted:
        await update.effective_message.reply_text(context.texts.language.unknown)
    page = menu.language_page(context.content, snap)
    await update.effective_message.reply_text(
        page.text, parse_mode=ParseMode.HTML, reply_markup=page.markup
    )
