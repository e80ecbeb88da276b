"""Step messages in the chat: send a step, and close the messages of a step that has ended.

Shared by the warm-up buttons, the hold countdown and its jobs, so a step looks and ends the
same way whichever of them moved the session on. Showing how a step ended changes nothing
else: whoever ends a step cancels its countdown's jobs itself.
"""

from __future__ import annotations

from telegram.constants import ParseMode

from bot.chat import countdown, keyboards, pictures, render
from bot.chat import summary as summary_words
from bot.chat.replies import edit
from bot.coaching.running import Position
from bot.coaching.sessions import Acted
from bot.runtime.context import CoachContext


async def send_step(
    context: CoachContext,
    chat_id: int,
    position: Position,
    *,
    lead: str = "",
) -> int:
    """Send the step as a new message with its buttons and return its id.

    The caller records the id as the step's (`CoachContext.remember_step`); until then a
    press on it is still handled: it names its own message.
    """
    hands_free = position.prefs.hands_free
    text = render.step(context.texts, position.routine, position.cursor, hands_free=hands_free)
    text = f"{lead}\n\n{text}" if lead else text
    markup = keyboards.step_buttons(context.texts, position)
    demo = context.services.pictures.demo_for(position.routine, position.cursor)
    message = None
    if demo is not None and position.prefs.pictures:  # an exercise's first message shows it
        message = await pictures.send_demo(context, chat_id, demo, text, markup)
    if message is None:
        message = await context.bot.send_message(
            chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup
        )
    return message.message_id


async def send_outcome(
    context: CoachContext, chat_id: int, result: Acted, lead: str = ""
) -> int | None:
    """After a step ended: send the next step or the summary, then close the old messages.

    The new message goes first because it is what the user waits for (and what their phone
    notifies about); the closing edits above it are bookkeeping that can follow. Returns the
    next step's message id, for the caller to record.
    """
    shown = await send_next(context, chat_id, result, lead)
    await close_outcome(context, chat_id, result)
    return shown


async def close_outcome(context: CoachContext, chat_id: int, result: Acted) -> None:
    """Show on the ended step's messages whether it was done or skipped."""
    label = render.outcome_label(context.texts, done=result.done)
    await close_step(context, chat_id, result.position, label)


async def send_next(
    context: CoachContext, chat_id: int, result: Acted, lead: str = ""
) -> int | None:
    """The step that follows an ended one, or the summary if it was the last.

    Returns the id of the next step's message (None for the summary), for the caller to record.
    """
    if result.next is not None:
        return await send_step(context, chat_id, result.next, lead=lead)
    if result.nothing_done:
        nothing = context.texts.nothing_done
        await context.bot.send_message(chat_id, f"{lead}\n\n{nothing}" if lead else nothing)
        return None
    if result.summary is not None:
        summary = summary_words.complete_asking(context.texts, result.summary)
        await context.bot.send_message(
            chat_id,
            f"{lead}\n\n{summary}" if lead else summary,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboards.checkin_keyboard(
                context.texts, result.summary.session_id, after=True
            ),
        )
    return None


async def close_step(context: CoachContext, chat_id: int, position: Position, ending: str) -> None:
    """Show how the step ended on its message and on its countdown, if one was running."""
    texts = context.texts
    if position.hold_message_id is not None:
        await edit(
            context,
            chat_id,
            position.hold_message_id,
            countdown.countdown_ended(texts, position.routine, position.cursor, texts.timer.ended),
        )
    if position.message_id is not None:
        await edit(
            context,
            chat_id,
            position.message_id,
            render.step_ended(texts, position.routine, position.cursor, ending),
            caption=shows_demo(context, position),
        )


def shows_demo(context: CoachContext, position: Position) -> bool:
    """Whether the step's message went out as an animation (its text a caption): pictures
    on, and an animation for this step."""
    demo = context.services.pictures.demo_for(position.routine, position.cursor)
    return demo is not None and position.prefs.pictures


async def fold(
    context: CoachContext, chat_id: int, message_id: int, position: Position, *, more: bool
) -> None:
    """The step's message opened to its whole how, what it works and why (`more`), or
    folded back to its short form, in place, its buttons kept."""
    texts, routine, cursor = context.texts, position.routine, position.cursor
    text = render.step(texts, routine, cursor, more=more, hands_free=position.prefs.hands_free)
    markup = keyboards.step_buttons(texts, position, more=more)
    caption = shows_demo(context, position)
    await edit(context, chat_id, message_id, text, markup, caption=caption)
