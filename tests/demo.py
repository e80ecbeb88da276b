"""`make demo`: the real bot, offline, coaching a whole warm-up against the fake Bot API.

Prints the conversation as a transcript: what the user sends and taps, what the bot sends,
and how each step message ends once it is acted on. No token or network needed. Then the
Mini App's address on this machine (port DEMO_PORT, 8080 unless set), signed in as the
demo's chat; in a terminal it stays open for a browser until Ctrl-C.

`make demo LANG=ru` (or `es`) runs it for a person whose Telegram app is in that language.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import sys
import tempfile
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from bot.content import Texts
from tests.fake_telegram import Event, FakeTelegram
from tests.harness import TOKEN, FakeClock, RunningBot, make_settings, run_bot, sqlite_url
from tests.webapp_auth import signed_init_data

CHAT = 1


def language() -> str:
    """The demo person's Telegram language: `LANG=ru`, or a locale like `es_ES.UTF-8`."""
    return re.split(r"[_.@-]", os.environ.get("DEMO_LANGUAGE", "en"))[0].lower() or "en"


def _indent(text: str) -> str:
    return textwrap.indent(text.strip(), "   ")


def render(event: Event) -> str:
    if event.kind == "user":
        return f"👤 {event.text}"
    if event.kind == "press":
        return f"👆 taps [{event.text}]"
    if event.kind == "answer":
        return f"   (notice: {event.text})"
    buttons = "  ".join(f"[{label}]" for label in event.buttons)
    lines = event.text.splitlines()
    if event.kind == "buttons":
        return f"✏️  {lines[0]}: buttons {buttons or 'removed'}"
    if event.kind == "edit":
        # A countdown: its status, bar and what comes next; anything else: its last line.
        body = lines[lines.index("") + 1 :] if "" in lines else lines[1:]  # after the header
        countdown = [line for line in body if line]
        ticking = any(line.startswith(("⏱", "🔄", "😮", "⏸")) for line in countdown)
        tail = " · ".join(countdown) if ticking and len(lines) > 2 else lines[-1]
        return f"✏️  {lines[0]} → {tail}  {buttons}".rstrip()
    sent = f"🤖 {_indent(event.text).lstrip()}"
    return f"{sent}\n   {buttons}" if buttons else sent


async def hands_free(bot: RunningBot, clock: FakeClock, *, ticks: bool, button: str = "⏱") -> None:
    """One tap on ⏱ Start (or 🎧 Audio guide, which sends its voice note too) runs the whole
    exercise: each side or set, the pause between, and the next exercise arrives. With
    `ticks` the countdown is shown ticking, 10 s at a time."""
    await bot.press(CHAT, button)
    jobs = bot.application.job_queue
    assert jobs is not None
    while ends := [job for job in jobs.jobs() if job.name.startswith("hold:") and not job.removed]:
        [end] = ends
        if ticks:
            for _ in range(3):
                clock.advance(seconds=10)
                await bot.run_job(end.name.replace("hold:", "hold-tick:"))
        clock.current = max(clock.current, end.data.ends_at)  # the hold's end, on time
        await bot.run_job(end.name)


async def warm_up(bot: RunningBot, clock: FakeClock) -> int:
    """A newcomer's whole warm-up, hands-free; returns the taps it took from ▶️ Start to the
    summary."""
    texts = bot.services.content.language(language()).texts
    buttons = texts.buttons
    await bot.send(CHAT, "/start")
    await bot.press(CHAT, buttons.roller_no)  # the roller, chosen under the welcome
    await bot.press(CHAT, buttons.roller_yes)  # and changed back
    taps = len(bot.server.press_ids)
    await bot.press(CHAT, buttons.start)
    await bot.press(CHAT, texts.screening.none)  # the safety check, once
    await bot.send(CHAT, "4")  # the check-in, typed
    await bot.press(CHAT, texts.precautions.none)  # the precautions, once
    await bot.press(CHAT, buttons.more)  # the whole how, what and why of the first exercise
    await bot.press(CHAT, buttons.less)
    await hands_free(bot, clock, ticks=True, button=buttons.audio_guide)
    step = _step_word(texts)
    while True:
        latest = [m for m in bot.server.chat(CHAT) if m.from_bot][-1]
        if step not in latest.text:
            break
        if any(label.startswith("⏱") for label in latest.labels):
            await hands_free(bot, clock, ticks=False)
        else:
            clock.advance(seconds=45)
            await bot.press(CHAT, buttons.done)
    return len(bot.server.press_ids) - taps


def _step_word(texts: Texts) -> str:
    """What a step message's header starts with: `Step `, `Шаг `, `Paso `."""
    return re.sub(r"<[^>]+>", "", texts.step_number).split("{")[0]


def app_link(bot: RunningBot) -> str:
    """The Mini App's page on this machine, signed in as the demo's person (the launch data
    Telegram would put in the page's address)."""
    init_data = signed_init_data(TOKEN, CHAT, first_name="Demo", language_code=language())
    theme = json.dumps({"bg_color": "#ffffff", "text_color": "#000000"})
    launch = urlencode({"tgWebAppData": init_data, "tgWebAppThemeParams": theme})
    return f"{bot.app_url}#{launch}"


async def serve_the_app(bot: RunningBot) -> None:
    """In a terminal, keep the app open for a browser until Ctrl-C; otherwise stop."""
    link, hours = app_link(bot), bot.services.content.rules.webapp.sign_in_hours
    print(f"\n📊 The Mini App, signed in as this chat (for {hours} hours):\n{link}")
    if not sys.stdin.isatty():
        print("(run `make demo` in a terminal to keep the app open for a browser)")
        return
    print("Serving it until Ctrl-C.")
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.Event().wait()


async def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        async with FakeTelegram(TOKEN) as server:
            settings = make_settings(
                server,
                sqlite_url(Path(folder) / "demo.db"),
                webapp_url="https://coach.example/app",  # as Telegram would know it
                webhook_port=int(os.environ.get("DEMO_PORT", "8080")),
            )
            # A simulated clock moves on with each hold and tap, so the summary shows a
            # realistic time.
            clock = FakeClock(datetime.now(UTC))
            server.languages[CHAT] = language()
            async with run_bot(server, settings, clock=clock) as bot:
                bot.answer_screening = bot.answer_precautions = False  # the demo answers
                try:
                    taps = await warm_up(bot, clock)
                    await bot.send(CHAT, "2")  # and after, typed
                finally:
                    print("\n\n".join(render(event) for event in server.events))
                print(f"\n(taps from ▶️ Start warm-up to the summary: {taps})")
                await serve_the_app(bot)


if __name__ == "__main__":
    asyncio.run(main())
