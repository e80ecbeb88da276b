"""/safety and the red-flag screen's buttons."""

from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode

from bot.chat import keyboards
from bot.chat.callbacks import Screen
from bot.chat.replies import answer, chat_id_of, edit, message_id_of
from bot.chat.sessions import begin
from bot.coaching import safety
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


ANSWERS = {"yes": Answer.FLAGGED, "none": Answer.CLEAR, "ok": Answer.CLINICIAN}


async def on_screen(query: CallbackQuery, context: CoachContext, press: Screen) -> None:
    """The presser answers for themselves. One applies: their running warm-ups end at once,
    none starts, see a doctor. None applies (under /safety): noted. A clinician has checked
    me: clears their own flag only, and a warm-up begins."""
    chat_id, person, words = chat_id_of(query), query.from_user.id, context.texts.screening
    given = ANSWERS[press.answer]
    recorded = await safety.record(context.db, person=person, answer=given, now=context.now())
    if recorded.refused:
        await answer(query, words.not_flagged)
        return
    await answer(query)
    for _chat, session_id in recorded.ended:  # nothing of theirs keeps counting down
        context.schedule.cancel_hold(session_id)
    if given is Answer.FLAGGED:
        markup = keyboards.clinician_keyboard(context.texts)
        await edit(context, chat_id, message_id_of(query), words.flagged, markup)
    elif given is Answer.CLEAR:
        await edit(context, chat_id, message_id_of(query), words.clear_recorded)
    else:
        await edit(context, chat_id, message_id_of(query), words.clinician_recorded)
        await begin(context, chat_id, context.content.default_routine.id, person)
