"""A warm-up begun in the chat (from /warmup, a button, a reminder or the safety check),
and its first messages."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup
from telegram.constants import ParseMode

from bot.chat import groups, keyboards, precautions, render
from bot.chat.step_messages import send_step
from bot.coaching import safety, sessions
from bot.coaching.checkins import Before
from bot.coaching.running import Notice, Position
from bot.coaching.sessions import Flagged, Offer
from bot.content import Routine
from bot.runtime.context import CoachContext


async def begin(context: CoachContext, chat_id: int, routine_id: str, user_id: int) -> None:
    """Start a routine for `user_id`, or offer to resume the unfinished one."""
    result = await sessions.begin(
        context.db,
        context.content,
        chat_id=chat_id,
        routine_id=routine_id,
        now=context.now(),
        started_by=user_id,
    )
    texts = context.texts
    if isinstance(result, Flagged):  # a yes on the safety check: a doctor first
        await context.bot.send_message(
            chat_id, texts.screening.flagged, reply_markup=keyboards.clinician_keyboard(texts)
        )
    elif isinstance(result, Notice):
        await context.bot.send_message(chat_id, getattr(texts.notices, result.value))
    elif isinstance(result, Offer) and await groups.someone_elses(
        context, chat_id, result, user_id
    ):
        return
    elif isinstance(result, Offer):
        position = result.position
        await context.bot.send_message(
            chat_id,
            render.unfinished(texts, position.routine, position.cursor),
            parse_mode=ParseMode.HTML,
            reply_markup=keyboards.unfinished_keyboard(
                texts, position.session_id, position.cursor.step + 1, len(position.routine.steps)
            ),
        )
    else:
        await send_checkin(context, chat_id, result, user_id)


async def send_checkin(
    context: CoachContext, chat_id: int, position: Position, person: int, *, screened: bool = False
) -> None:
    """A new warm-up's first question: before the person's first warm-up the safety check,
    a message of its own; then what the warm-up is, how the back feels, and the quick option."""
    texts, routine, content = context.texts, position.routine, context.content
    asks = await safety.checkin_asks(context.db, context.content, chat_id=chat_id, person=person)
    if asks.screen and not screened:  # `screened`: its question was just answered
        markup = keyboards.screening_keyboard(texts, position.session_id)
        await context.bot.send_message(
            chat_id, texts.screening.questions, parse_mode=ParseMode.HTML, reply_markup=markup
        )
        return
    gentle, quick = content.flare_up_routine, content.quick_routine
    offer_gentle = asks.gentle and routine.id != gentle.id
    text = render.checkin_question(
        texts,
        routine,
        gentle=offer_gentle,
        sharp_pain_in=asks.sharp_pain_in,
        hands_free=position.prefs.hands_free,
    )
    changes = position.prefs.changes
    # What their precautions change (and the advice of each), on every warm-up; in a private
    # chat only, as the changes would tell a group which condition it is.
    if chat_id > 0 and (changes or asks.precautions):
        text = f"{text}\n\n{precautions.changed(content, changes, asks.precautions)}"
    markup = keyboards.checkin_keyboard(
        texts,
        position.session_id,
        after=False,
        quick=quick if quick.id != routine.id else None,
        gentle=gentle if offer_gentle else None,
    )
    if asks.sharp_pain_id is not None and asks.sharp_pain_id not in changes.left_out:
        leave_out = precautions.leave_out_button(content, position.session_id, asks.sharp_pain_id)
        markup = InlineKeyboardMarkup([*markup.inline_keyboard, leave_out])
    await context.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def checked_in(context: CoachContext, chat_id: int, checked: Before) -> None:
    """After the opening check-in's answer (tapped or typed): the precautions, asked once
    before a person's first step, or the warm-up goes on."""
    if checked.ask_precautions:
        session_id = checked.position.session_id
        await precautions.ask(context, chat_id, session_id, group=chat_id < 0)
        return
    await go_on(context, chat_id, checked.position, checked.pain)


async def go_on(context: CoachContext, chat_id: int, position: Position, pain: int | None) -> None:
    """After the opening check-in (and the precautions, the first time): the first step, or
    first the gentle offer if the pain is high."""
    texts, content, rules = context.texts, context.content, context.rules.checkin
    gentle, routine = content.flare_up_routine, position.routine
    high = pain is not None and pain >= rules.flare_up_at
    if high and routine.id != gentle.id:
        assert pain is not None
        rest = pain >= rules.rest_at
        await context.bot.send_message(
            chat_id,
            render.flare_up(texts, pain, gentle, rest=rest, caution=pain >= rules.caution_at),
            reply_markup=keyboards.flare_up_keyboard(
                texts, position.session_id, gentle, rest=rest
            ),
        )
        return
    if high:  # the gentle routine itself, on a sore day: the same safety line
        await context.bot.send_message(chat_id, texts.checkin.go_gently.format(pain=pain))
    shown = await send_step(context, chat_id, position)
    await context.remember_step(chat_id, position, shown)


async def send_intro(context: CoachContext, chat_id: int, routine: Routine) -> None:
    await context.bot.send_message(
        chat_id, render.intro(context.texts, routine), parse_mode=ParseMode.HTML
    )
