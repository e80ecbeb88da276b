"""/progress and /target: what the chat has done, against the target it set."""

from __future__ import annotations

import asyncio
import io

from telegram import InputFile, Update
from telegram.constants import ChatType, ParseMode

from bot.chat import preferences as menu
from bot.chat.progress import chart_png, open_app, progress_report
from bot.coaching import preferences, progress
from bot.runtime.context import CoachContext


async def progress_command(update: Update, context: CoachContext) -> None:
    """The numbers as text, then the chart as a photo once there is something to draw."""
    assert update.effective_chat is not None
    chat_id, texts = update.effective_chat.id, context.texts
    report = await progress.report(context.db, context.content, chat_id=chat_id, now=context.now())
    await context.bot.send_message(
        chat_id,
        progress_report(texts, report),
        parse_mode=ParseMode.HTML,
        reply_markup=open_app(context, private=update.effective_chat.type == ChatType.PRIVATE),
    )
    if report.sessions:
        # Drawing takes tens of milliseconds of CPU; keep it off the event loop.
        png = await asyncio.to_thread(chart_png, report.days, texts)
        await context.bot.send_photo(
            chat_id,
            InputFile(io.BytesIO(png), filename="progress.png"),
            caption=texts.progress.chart_caption,
        )


async def target_command(update: Update, context: CoachContext) -> None:
    """`/target 4`: warm-ups a week to aim for, 1 to 7."""
    assert update.effective_chat is not None
    chat_id, words = update.effective_chat.id, context.texts.progress
    argument = " ".join(context.args or []).strip()
    if not argument:  # the current target, and 1-7 to pick from
        snap = await preferences.snapshot(context.db, chat_id=chat_id, now=context.now())
        page = menu.target(context.content, snap)
        await context.bot.send_message(
            chat_id, page.text, parse_mode=ParseMode.HTML, reply_markup=page.markup
        )
        return
    if not (argument.isascii() and argument.isdigit() and 1 <= int(argument) <= 7):
        await context.bot.send_message(chat_id, words.target_help)
        return
    await progress.set_target(context.db, chat_id=chat_id, target=int(argument), now=context.now())
    await context.bot.send_message(chat_id, words.target_set.format(target=int(argument)))
