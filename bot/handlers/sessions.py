"""/warmup, /stop, /routines and the buttons that move a warm-up along."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode

from bot.chat import groups, guide, keyboards, render
from bot.chat.callbacks import Begin, Less, More, Restart, Resume, SharpPain, StepButton, Stop
from bot.chat.replies import accepted, answer, chat_id_of, edit, message_id_of, notify
from bot.chat.sessions import begin, send_checkin
from bot.chat.step_messages import close_step, fold, send_outcome, send_step
from bot.coaching import preferences, running, sessions
from bot.coaching.coach import Action
from bot.coaching.running import Notice, Position
from bot.coaching.sessions import Acted, Stopped
from bot.runtime.context import CoachContext

Ended = TypeVar("Ended", Acted, Stopped)


async def warmup_command(update: Update, context: CoachContext) -> None:
    assert update.effective_chat is not None
    routine_id = context.content.default_routine.id
    await begin(context, update.effective_chat.id, routine_id, groups.sender_of(update))


async def routines_command(update: Update, context: CoachContext) -> None:
    """Every routine, each with its length as this chat would do it (levels, roller)."""
    message, content = update.effective_message, context.content
    assert message is not None
    prefs, _ = await preferences.planned(context.db, content, chat_id=message.chat_id)
    routines = [preferences.shape(content, r, prefs) for r in content.ordered_routines()]
    await message.reply_text(
        render.routines(context.texts, routines),
        parse_mode=ParseMode.HTML,
        reply_markup=keyboards.routines_keyboard(context.texts, routines),
    )


async def stop_command(update: Update, context: CoachContext) -> None:
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    if not await groups.may_stop(update, context):
        return
    result = await sessions.stop(context.db, context.content, chat_id=chat_id, now=context.now())
    if not isinstance(result, Stopped):  # nothing running, or it ended a moment ago
        await context.bot.send_message(chat_id, context.texts.nothing_to_stop)
        return
    if result.position.holding:
        context.schedule.cancel_hold(result.position.session_id)
    await _stopped(context, chat_id, result)


async def on_begin(query: CallbackQuery, context: CoachContext, press: Begin) -> None:
    """▶️ Start warm-up under /start, or a routine under /routines."""
    if press.routine_id not in context.content.routines:  # removed from content since
        await notify(query, context, Notice.UNKNOWN)
        return
    await answer(query)
    await begin(context, chat_id_of(query), press.routine_id, query.from_user.id)


async def on_done(query: CallbackQuery, context: CoachContext, press: StepButton) -> None:
    """✅ Done, under a step or its countdown: on by exactly one sub-step."""
    await _act(query, context, press, Action.DONE)


async def on_skip(query: CallbackQuery, context: CoachContext, press: StepButton) -> None:
    """⏭ Skip: the rest of this exercise is left out."""
    await _act(query, context, press, Action.SKIP)


async def _act(
    query: CallbackQuery, context: CoachContext, press: StepButton, action: Action
) -> None:
    chat_id = chat_id_of(query)
    result = await sessions.act(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        cursor=press.cursor,
        action=action,
        now=context.now(),
    )
    if (acted := await accepted(query, context, result)) is None:
        return
    if acted.position.holding:  # Done on a countdown ends it too
        context.schedule.cancel_hold(press.session_id)
    await guide.silence(context, chat_id, acted.position)  # and its voice, if it still speaks
    shown = await send_outcome(context, chat_id, _pressed_if_unknown(acted, query))
    await context.remember_step(chat_id, acted.next, shown)


async def on_more(query: CallbackQuery, context: CoachContext, press: More) -> None:
    """More: the step's message, opened in place to the whole how, what and why."""
    await _fold(query, context, press, more=True)


async def on_less(query: CallbackQuery, context: CoachContext, press: Less) -> None:
    """Less: the step's message folded back to its name, cue and dose."""
    await _fold(query, context, press, more=False)


async def _fold(
    query: CallbackQuery, context: CoachContext, press: StepButton, *, more: bool
) -> None:
    chat_id = chat_id_of(query)
    result = await running.showing(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        cursor=press.cursor,
    )
    if (position := await accepted(query, context, result)) is not None:
        await fold(context, chat_id, message_id_of(query), position, more=more)


async def on_stop(query: CallbackQuery, context: CoachContext, press: Stop) -> None:
    """⏹ Stop: the warm-up ends here, keeping what was done."""
    if (result := await _end(query, context, press, for_pain=False)) is not None:
        await _stopped(context, chat_id_of(query), _pressed_if_unknown(result, query))


async def on_sharp_pain(query: CallbackQuery, context: CoachContext, press: SharpPain) -> None:
    """⚠️ Sharp pain: stop at once, record why, and say plainly what to do."""
    if (result := await _end(query, context, press, for_pain=True)) is None:
        return
    chat_id, texts = chat_id_of(query), context.texts
    await guide.silence(context, chat_id, result.position)
    await close_step(context, chat_id, result.position, texts.outcomes.sharp_pain)
    await context.bot.send_message(chat_id, texts.sharp_pain, parse_mode=ParseMode.HTML)


async def _end(
    query: CallbackQuery, context: CoachContext, press: StepButton, *, for_pain: bool
) -> Stopped | None:
    result = await sessions.stop(
        context.db,
        context.content,
        chat_id=chat_id_of(query),
        now=context.now(),
        session_id=press.session_id,
        cursor=press.cursor,
        for_pain=for_pain,
    )
    stopped = await accepted(query, context, result or Notice.FINISHED)
    if stopped is not None and stopped.position.holding:
        context.schedule.cancel_hold(press.session_id)
    return stopped


async def on_resume(query: CallbackQuery, context: CoachContext, press: Resume) -> None:
    """▶️ Resume, offered by /warmup: the current step again, as a new message."""
    chat_id = chat_id_of(query)
    result = await sessions.resume(
        context.db, context.content, chat_id=chat_id, session_id=press.session_id
    )
    if (position := await accepted(query, context, result)) is None:
        return
    await _close_offer(context, query, position, context.texts.offer.resumed)
    # The older copy of the step can no longer be tapped; a running countdown carries on.
    older = replace(position, hold_message_id=None)
    await close_step(context, chat_id, older, context.texts.outcomes.paused)
    shown = await send_step(context, chat_id, position)
    await context.remember_step(chat_id, position, shown)


async def on_restart(query: CallbackQuery, context: CoachContext, press: Restart) -> None:
    """🔄 Start over, offered by /warmup: the unfinished warm-up ends and a new one begins."""
    chat_id = chat_id_of(query)
    result = await sessions.start_over(
        context.db,
        context.content,
        chat_id=chat_id,
        session_id=press.session_id,
        now=context.now(),
    )
    if (restarted := await accepted(query, context, result)) is None:
        return
    if restarted.old.holding:
        context.schedule.cancel_hold(press.session_id)
    await guide.silence(context, chat_id, restarted.old)
    await _close_offer(context, query, restarted.old, context.texts.offer.started_over)
    await close_step(context, chat_id, restarted.old, context.texts.outcomes.stopped)
    await send_checkin(context, chat_id, restarted.new, query.from_user.id)


async def _close_offer(
    context: CoachContext, query: CallbackQuery, position: Position, chosen: str
) -> None:
    """The Resume / Start over offer, its buttons replaced by which one was chosen."""
    offer = render.unfinished(context.texts, position.routine, position.cursor)
    await edit(context, chat_id_of(query), message_id_of(query), f"{offer}\n\n<b>{chosen}</b>")


async def _stopped(context: CoachContext, chat_id: int, result: Stopped) -> None:
    await guide.silence(context, chat_id, result.position)
    await close_step(context, chat_id, result.position, context.texts.outcomes.stopped)
    await context.bot.send_message(
        chat_id, render.stopped(context.texts, result.position.routine, result.done)
    )


def _pressed_if_unknown(result: Ended, query: CallbackQuery) -> Ended:
    """The pressed message is the step's own if its id was never recorded.

    That happens only when the bot stopped between sending a step and recording it.
    """
    position = result.position
    if position.message_id is None and position.hold_message_id is None:
        return replace(result, position=replace(position, message_id=message_id_of(query)))
    return result
