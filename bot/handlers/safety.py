"""/safety and the red-flag screen's buttons."""

from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode

from bot.chat import keyboards
from bot.chat.callbacks import Screen
from bot.chat.replies import answer, chat_id_of, edit, message_id_of
from bot.chat.sessions import begin
from bot.coaching import safety, sessions
from bot.coaching.safety import Answer
from bot.runtime.context import CoachContext


async def safety_command(update: Update, context: CoachContext) -> None:
    """The safety note, and the safety check's questions again, to answer afresh."""
    assert update.effective_chat is not None
    texts = context.texts
    await context.bot.send_message(
        update.effective_chat.id,
        f"{texts.safety}\n\n{texts.screening.questions}",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.screening_keyboard(texts),
    )


async def on_screen(query: CallbackQuery, context: CoachContext, press: Screen) -> None:
    """One applies: no warm-up, see a doctor. None applies (under /safety): noted. A clinician
    has checked me: noted, and the warm-up begins."""
    chat_id, now, words = chat_id_of(query), context.now(), context.texts.screening
    await answer(query)
    if press.answer == "yes":
        await safety.record(context.db, chat_id=chat_id, answer=Answer.FLAGGED, now=now)
        if press.session_id:  # the warm-up this check-in opened does not start
            await sessions.abandon(
                context.db, chat_id=chat_id, session_id=press.session_id, now=now
            )
        markup = keyboards.clinician_keyboard(context.texts)
        await edit(context, chat_id, message_id_of(query), words.flagged, markup)
    elif press.answer == "none":
        await safety.record(context.db, chat_id=chat_id, answer=Answer.CLEAR, now=now)
        await edit(context, chat_id, message_id_of(query), words.clear_recorded)
    else:
        await safety.record(context.db, chat_id=chat_id, answer=Answer.CLINICIAN, now=now)
        await edit(context, chat_id, message_id_of(query), words.clinician_recorded)
        await begin(context, chat_id, context.content.default_routine.id, query.from_user.id)
