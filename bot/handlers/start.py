"""/start and /help: what the bot does, how to stay safe, and the way in."""

from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode

from bot.chat import start as welcome
from bot.chat import summary
from bot.chat.callbacks import Roller
from bot.chat.replies import answer, chat_id_of, edit, message_id_of
from bot.coaching import preferences
from bot.runtime.context import CoachContext


async def start(update: Update, context: CoachContext) -> None:
    """The welcome: the warm-up's length as this chat would do it, what it needs, the roller
    choice and ▶️ Start warm-up."""
    assert update.effective_message is not None  # the guard lets only messages through here
    chat_id = update.effective_message.chat_id
    prefs, routine = await preferences.planned(context.db, context.content, chat_id=chat_id)
    await update.effective_message.reply_text(
        welcome.text(context.texts, routine),
        parse_mode=ParseMode.HTML,
        reply_markup=welcome.keyboard(context.texts, routine.id, roller=prefs.roller),
    )


async def on_roller(query: CallbackQuery, context: CoachContext, press: Roller) -> None:
    """🧽 I have a foam roller / No foam roller: stored for the chat (as in /settings), and the
    welcome edited to the warm-up's new length."""
    chat_id, db, content = chat_id_of(query), context.db, context.content
    have = press.have == "yes"
    await preferences.set_roller(db, chat_id=chat_id, have=have, now=context.now())
    prefs, routine = await preferences.planned(db, content, chat_id=chat_id)
    await answer(query, context.texts.settings.changed)
    texts = context.texts
    markup = welcome.keyboard(texts, routine.id, roller=prefs.roller)
    await edit(context, chat_id, message_id_of(query), welcome.text(texts, routine), markup)


async def help_command(update: Update, context: CoachContext) -> None:
    """The commands, how a warm-up is driven, the levels and the lights, and the safety note."""
    texts = context.texts
    assert update.effective_message is not None
    lights = summary.lights(texts, context.content.rules.pain_model)
    await update.effective_message.reply_text(
        f"{texts.help}\n{lights}\n\n{texts.safety}", parse_mode=ParseMode.HTML
    )
