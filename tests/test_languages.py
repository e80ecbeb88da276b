"""Languages, end to end: a person's choice, else their Telegram app's language, else English;
the command menu in each; a warm-up that keeps its language in scheduled steps and after a
restart; in a group, shared messages in the group's choice and a person's own in theirs;
and a bad choice that changes nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest

from bot.config import PROJECT_ROOT, Settings
from bot.content import Texts, load_content
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN, FakeClock, RunningBot, run_bot
from tests.webapp_auth import authorization, signed_init_data

CHAT = 33001
START = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
GROUP, ALEX, BEA = -33002, 33003, 33004  # Alex is the group's admin
CONTENT = load_content(PROJECT_ROOT / "content")
EN, RU, ES = (CONTENT.language(code).texts for code in ("en", "ru", "es"))


def _toasts(telegram: FakeTelegram) -> list[str]:
    return [str(call.params.get("text", "")) for call in telegram.calls_to("answerCallbackQuery")]


def _first_step(texts: Texts, routine: str = "lower-back") -> str:
    step = CONTENT.language(texts.locale).routines[routine].steps[0]
    return texts.step_header.format(number=1, total=8, name=step.name)


async def test_a_russian_newcomer_gets_russian_from_the_first_start(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Telegram says `ru`: /start, the menu, the warm-up's first step and /help are Russian;
    `/language en` answers in English and English stays."""
    telegram.languages[CHAT] = "ru"
    [welcome] = await bot.send(CHAT, "/start")
    assert RU.safety in welcome.text
    assert [c["description"] for c in telegram.menus["ru"]] == [c.description for c in RU.commands]
    assert [c["description"] for c in telegram.menus[None]] == [c.description for c in EN.commands]
    assert set(telegram.menus) == {None, "ru", "es"}
    [_, step] = await bot.start_warmup(CHAT, pain=RU.buttons.pain_skip)
    assert _first_step(RU) in step.html
    [said] = await bot.send(CHAT, "/language en")
    assert said.text == EN.language.changed
    [help_] = await bot.send(CHAT, "/help")
    assert help_.text.startswith("Commands")


async def test_language_buttons_switch_and_a_bad_choice_changes_nothing(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """/language shows each language by its own name; a tap switches the page, the toast
    and /settings to it. A forged code, and `/language de`, are refused and change nothing."""
    [page] = await bot.send(CHAT, "/language")
    assert page.labels[:3] == ["✅ English", "Русский", "Español"]
    assert await bot.press(CHAT, "Español") == []  # the page changes in place
    assert page.html == ES.language.page.format(language="Español")
    assert "✅ Español" in page.labels
    assert _toasts(telegram)[-1] == ES.settings.changed
    before = await bot.snapshot()
    assert await bot.press_data(CHAT, "set:lang:de", page.message_id) == []
    assert _toasts(telegram)[-1] == ES.settings.not_offered
    [refused, again] = await bot.send(CHAT, "/language de")
    assert refused.text == ES.language.unknown
    assert "✅ Español" in again.labels
    assert await bot.snapshot() == before
    [menu] = await bot.send(CHAT, "/settings")
    assert ES.settings.buttons.language.format(language="Español") in menu.labels


async def test_a_warm_up_keeps_its_language_in_scheduled_steps_and_after_a_restart(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """A countdown's end, sent by a job after a restart with no update to say whose language,
    speaks the warm-up's own."""
    clock = FakeClock(START)
    telegram.languages[CHAT] = "es"
    async with run_bot(telegram, settings, clock=clock) as bot:
        await bot.send(CHAT, "/start")
        await bot.start_warmup(CHAT, pain=ES.buttons.pain_skip)
        await bot.press(CHAT, "⏱")
        session = await bot.latest_session(CHAT)
    assert session.language == "es"
    telegram.languages.pop(CHAT)  # from here on, only the warm-up knows its language
    clock.advance(seconds=15)
    async with run_bot(telegram, settings, clock=clock) as bot:
        clock.advance(seconds=20)
        await bot.run_job(f"hold:{session.id}")
        side = ES.side_labels.right.lower()
        assert ES.timer.switch_side.format(side=side) in telegram.chat(CHAT)[-1].text


async def test_in_a_group_shared_messages_speak_its_choice_and_a_warm_up_its_starters(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """An admin sets the group's language: /help there comes in it. Bea's Telegram is
    Russian: her /warmup in the group speaks Russian; Alex's tap on it is refused in his own
    language (English: he has chosen none and his app says none). A member cannot change
    the group's language."""
    telegram.admins[GROUP] = {ALEX}
    telegram.names.update({ALEX: "Alex", BEA: "Bea"})
    telegram.languages[BEA] = "ru"
    await bot.send(GROUP, "/language es", user_id=BEA)  # not an admin: refused
    [help_] = await bot.send(GROUP, "/help", user_id=ALEX)
    assert help_.text.startswith("Commands")
    [said] = await bot.send(GROUP, "/language es", user_id=ALEX)
    assert said.text == ES.language.changed
    [help_] = await bot.send(GROUP, "/help", user_id=ALEX)
    assert help_.html.startswith(ES.help)
    await bot.send(GROUP, "/warmup", user_id=BEA)
    [step] = await bot.press(GROUP, RU.buttons.pain_skip, user_id=BEA)
    assert _first_step(RU) in step.html
    assert await bot.press(GROUP, RU.buttons.done, user_id=ALEX) == []
    assert _toasts(telegram)[-1] == EN.groups.not_yours.format(name="Bea")


async def test_the_exported_file_says_what_it_holds_in_the_persons_language(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """/export's file carries, beside each table, what it holds: in Russian for a Russian app."""
    telegram.languages[CHAT] = "ru"
    await bot.start_warmup(CHAT, pain=RU.buttons.pain_skip)
    [document] = await bot.send(CHAT, "/export")
    assert document.media is not None
    exported = json.loads(document.media)
    assert exported["about"]["warmup_sessions"] == RU.data.about.warmup_sessions
    assert set(exported["about"]) == set(exported) - {"exported_at", "about"}
    assert exported["chats"][0]["telegram_language"] == "ru"


@pytest.mark.parametrize("code", ["ru", "es"])
async def test_forget_deletes_the_choice(bot: RunningBot, code: str) -> None:
    """A language chosen is a setting of the chat: /forget deletes it with the rest."""
    await bot.send(CHAT, f"/language {code}")
    texts = CONTENT.language(code).texts
    await bot.send(CHAT, "/forget")
    await bot.press(CHAT, texts.buttons.forget_yes)
    [welcome] = await bot.send(CHAT, "/start")
    assert EN.safety in welcome.text


async def test_the_app_speaks_the_persons_language_and_can_change_it(
    app_bot: RunningBot, telegram: FakeTelegram
) -> None:
    """The Mini App's words follow the person's Telegram language; choosing Español there
    is the chat's choice too, said in the chat in Spanish, and the app then speaks it."""
    signed = signed_init_data(TOKEN, CHAT, language_code="ru")
    async with httpx.AsyncClient(base_url=app_bot.app_url) as http:
        overview = (await http.get("api/overview", headers=authorization(signed))).json()
        assert overview["texts"]["title"] == RU.webapp.title
        assert overview["texts"]["weekdays"][0] == "пн"
        [lang] = [f for f in overview["settings"]["fields"] if f["name"] == "lang"]
        assert (lang["value"], [o["label"] for o in lang["options"]]) == (
            "ru",
            ["English", "Русский", "Español"],
        )
        body = {"name": "lang", "value": "es"}
        changed = await http.post("api/settings", json=body, headers=authorization(signed))
        assert changed.json()["saved"] == ES.webapp.saved
        assert telegram.chat(CHAT)[-1].text.startswith(ES.webapp.in_chat.split("{")[0])
        again = (await http.get("api/overview", headers=authorization(signed))).json()
        assert again["texts"]["title"] == ES.webapp.title
        refused = await http.post(
            "api/settings", json={"name": "lang", "value": "de"}, headers=authorization(signed)
        )
        assert refused.status_code == 400
    [menu] = await app_bot.send(CHAT, "/settings")
    assert ES.settings.buttons.language.format(language="Español") in menu.labels


async def test_in_a_group_a_shared_page_stays_in_its_language_and_a_busy_note_is_the_askers(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """An admin's tap on the group's /settings (in Spanish) leaves it Spanish, whatever the
    admin's own language; Bea's /warmup while Alex's warm-up runs is answered in Russian."""
    telegram.admins[GROUP] = {ALEX}
    telegram.names.update({ALEX: "Alex", BEA: "Bea"})
    telegram.languages.update({ALEX: "en", BEA: "ru"})
    await bot.send(GROUP, "/language es", user_id=ALEX)
    [menu] = await bot.send(GROUP, "/settings", user_id=ALEX)
    await bot.press(GROUP, ES.settings.buttons.exercises, user_id=ALEX)
    assert menu.html.startswith(ES.settings.exercises_page)
    await bot.send(GROUP, "/warmup", user_id=ALEX)
    await bot.press(GROUP, EN.buttons.pain_skip, user_id=ALEX)
    [busy] = await bot.send(GROUP, "/warmup", user_id=BEA)
    assert RU.groups.busy.format(name="Alex") in busy.html


async def test_a_press_on_a_warm_up_speaks_its_language_not_the_apps(
    bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Telegram says English, the person chose Spanish: the first step after the check-in's
    button, the next after ✅, and the note on a stale press of the same button are Spanish
    (each press reads the language with the warm-up's row)."""
    telegram.languages[CHAT] = "en"
    await bot.send(CHAT, "/language es")
    _, step = await bot.start_warmup(CHAT, pain=ES.buttons.pain_skip)
    done = next(data for label, data in step.buttons if ES.buttons.done in label)
    [following] = await bot.press(CHAT, ES.buttons.done)
    assert ES.side_labels.right in following.text
    assert await bot.press_data(CHAT, done, step.message_id) == []
    assert _toasts(telegram)[-1] == ES.notices.stale
