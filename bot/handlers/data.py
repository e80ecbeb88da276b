"""/progress and /target, /export and /forget: what the chat has done, and its data."""

from __future__ import annotations

import asyncio
import io
import logging

from telegram import CallbackQuery, InputFile, Update
from telegram.constants import ParseMode

from bot import chart, keyboards, ownership, render, scheduling, stats
from bot.context import CoachContext
from bot.handlers.steps import answer, chat_id_of, edit, message_id_of
from bot.keyboards import ForgetPress

log = logging.getLogger(__name__)


async def progress_command(update: Update, context: CoachContext) -> None:
    """The numbers as text, then the chart as a photo once there is something to draw."""
    assert update.effective_chat is not None
    chat_id, texts = update.effective_chat.id, context.texts
    report = await stats.report(context.db, context.content, chat_id=chat_id, now=context.now())
    await context.bot.send_message(
        chat_id, render.progress(texts, report), parse_mode=ParseMode.HTML
    )
    if report.sessions:
        # Drawing takes tens of milliseconds of CPU; keep it off the event loop.
        png = await asyncio.to_thread(chart.render, report.days, texts.progress)
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
    if not (argument.isascii() and argument.isdigit() and 1 <= int(argument) <= 7):
        await context.bot.send_message(chat_id, words.target_help)
        return
    await stats.set_target(context.db, chat_id=chat_id, target=int(argument), now=context.now())
    await context.bot.send_message(chat_id, words.target_set.format(target=int(argument)))


async def export_command(update: Update, context: CoachContext) -> None:
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    document = await ownership.export(context.db, chat_id=chat_id, now=context.now())
    await context.bot.send_document(
        chat_id,
        InputFile(io.BytesIO(document), filename="warmup-history.json"),
        caption=context.texts.data.export_caption,
    )


async def forget_command(update: Update, context: CoachContext) -> None:
    assert update.effective_chat is not None
    texts = context.texts
    await context.bot.send_message(
        update.effective_chat.id,
        texts.data.forget_ask,
        reply_markup=keyboards.forget_keyboard(texts, ownership.now_minute(context.now())),
    )


async def on_forget(query: CallbackQuery, context: CoachContext, press: ForgetPress) -> None:
    chat_id, words = chat_id_of(query), context.texts.data
    await answer(query)
    if not press.confirm:
        await edit(context, chat_id, message_id_of(query), words.kept)
        return
    if not ownership.forget_is_current(press.minute, context.now()):
        await edit(context, chat_id, message_id_of(query), words.forget_expired)
        return
    for session_id in await ownership.forget(context.db, chat_id=chat_id):
        scheduling.cancel_hold(context.jobs, session_id)
    log.info("chat %s deleted its data", chat_id)
    await edit(context, chat_id, message_id_of(query), words.forgotten)
