"""A message typed in a private chat: the answer to the check-in open there (a number from 0
to 10), or else a short word on what is open now and which buttons answer it."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ParseMode

from bot.chat import groups
from bot.chat import summary as summary_words
from bot.chat.sessions import checked_in
from bot.coaching import answers, checkins
from bot.coaching.answers import Open, Question
from bot.coaching.running import Notice
from bot.runtime.context import CoachContext


async def on_text(update: Update, context: CoachContext) -> None:
    message = update.effective_message
    assert message is not None  # the route takes messages only
    question = await answers.open_question(
        context.db, context.content, chat_id=message.chat_id, person=groups.sender_of(update)
    )
    pain = answers.typed_pain(message.text)
    if pain is not None and question.open is Open.BEFORE:
        await _before(message, context, question.session_id, pain)
    elif pain is not None and question.open is Open.AFTER:
        await _after(message, context, question.session_id, pain)
    else:
        await message.reply_text(_what_is_open(context, question))


async def _before(message: Message, context: CoachContext, session_id: int, pain: int) -> None:
    chat_id, texts = message.chat_id, context.texts
    checked = await checkins.before(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=session_id,
        pain=pain,
        now=context.now(),
    )
    if isinstance(checked, Notice):
        await message.reply_text(getattr(texts.notices, checked.value))
        return
    await message.reply_text(texts.checkin.recorded_before.format(pain=pain))
    await checked_in(context, chat_id, checked)


async def _after(message: Message, context: CoachContext, session_id: int, pain: int) -> None:
    checked = await checkins.after(
        context.db,
        context.content,
        chat_id=message.chat_id,
        session_id=session_id,
        pain=pain,
        now=context.now(),
    )
    if isinstance(checked, Notice):
        await message.reply_text(getattr(context.texts.notices, checked.value))
        return
    text = summary_words.checked_after(
        context.texts, checked, pain, context.content.rules.pain_model
    )
    await message.reply_text(text, parse_mode=ParseMode.HTML)


def _what_is_open(context: CoachContext, question: Question) -> str:
    words = context.texts.typed
    if question.open is Open.STEP:
        return words.step.format(number=question.step, total=question.steps)
    if question.open is Open.NOTHING:
        return context.texts.fallback
    return str(getattr(words, question.open.value))
