"""The baseline: a bare python-telegram-bot bot doing the same Bot API work per update.

A command gets a reply with one button; a press is answered, its message edited and a new
message with a button sent. No database, no content: PTB's own floor on this machine.
TRANSPORT=aiohttp runs the same bot on the coach's own transport (bot/runtime/transport.py)
instead of PTB's default httpx one, so each baseline is the same code on either client.
"""

from __future__ import annotations

import os

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.runtime.transport import AiohttpRequest

BUTTON = InlineKeyboardMarkup([[InlineKeyboardButton("✅ Done", callback_data="done")]])


async def command(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("Step", reply_markup=BUTTON)


async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    assert query.message is not None
    await query.answer()
    await query.edit_message_text("Step ✅")
    await context.bot.send_message(query.message.chat.id, "Step", reply_markup=BUTTON)


def main() -> None:
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    root = os.environ["TELEGRAM_API_URL"]
    builder = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(f"{root}/bot")
        .concurrent_updates(os.environ.get("CONCURRENT") == "1")
    )
    if os.environ.get("TRANSPORT") == "aiohttp":
        # ApplicationBuilder's own pool sizes, on the other client.
        builder = builder.request(AiohttpRequest(connection_pool_size=256)).get_updates_request(
            AiohttpRequest(connection_pool_size=1)
        )
    application = builder.build()
    application.add_handler(CommandHandler("warmup", command))
    application.add_handler(CallbackQueryHandler(press))
    application.run_polling(allowed_updates=[Update.MESSAGE, Update.CALLBACK_QUERY])


if __name__ == "__main__":
    main()
