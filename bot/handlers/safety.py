"""/safety and the red-flag screen's buttons."""

from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode

from bot.chat import keyboards
from bot.chat.callbacks import Screen
from bot.chat.replies import answer, chat_id_of, edit, message_id_of, notify
from bot.chat.sessions import begin, send_checkin
from bot.coaching import checkins, safety
from bot.coaching.running import Notice
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
    none starts, see a doctor. None applies: noted, and under a first warm-up's questions its
    check-in follows (someone else's questions stay for their person). A clinician has checked
    me: clears their own flag only, and a warm-up begins."""
    chat_id, person, words = chat_id_of(query), query.from_user.id, context.texts.screening
    given = ANSWERS[press.answer]
    recorded = await safety.record(context.db, person=person, answer=given, now=context.now())
    if recorded.refused:
        await answer(query, words.not_flagged)
        return
    for _chat, session_id in recorded.ended:  # nothing of theirs keeps counting down
        context.schedule.cancel_hold(session_id)
    if given is Answer.CLEAR and press.warmup_id is not None:
        await _checkin_follows(query, context, press.warmup_id, first=recorded.first)
        return
    await answer(query)
    if given is Answer.FLAGGED:
        markup = keyboards.clinician_keyboard(context.texts)
        await edit(context, chat_id, message_id_of(query), words.flagged, markup)
    elif given is Answer.CLEAR:
        await edit(context, chat_id, message_id_of(query), words.clear_recorded)
    else:
        await edit(context, chat_id, message_id_of(query), words.clinician_recorded)
        await begin(context, chat_id, context.content.default_routine.id, person)


async def _checkin_follows(
    query: CallbackQuery, context: CoachContext, warmup_id: int, *, first: bool
) -> None:
    """ "None of these" under a first warm-up's questions: the question closes and the
    warm-up's check-in comes next; tapped by someone else, or on an old message, it was
    noted for the presser alone."""
    chat_id, person, words = chat_id_of(query), query.from_user.id, context.texts.screening
    opened = await checkins.opening(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=warmup_id,
        person=person,
        now=context.now(),
        first=first,
    )
    if opened is Notice.STALE:  # a second tap, or answered elsewhere since
        await notify(query, context, Notice.STALE)
        return
    if isinstance(opened, Notice):
        await answer(query, words.clear_for_you)
        return
    await answer(query)
    await edit(context, chat_id, message_id_of(query), words.clear_noted)
    await send_checkin(context, chat_id, opened, person, screened=True)
