"""`make demo`: the real bot, offline, coaching a whole warm-up against the fake Bot API.

Prints the conversation as a transcript: what the user sends and taps, what the bot sends,
and how each step message ends once it is acted on. No token or network needed.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import textwrap
from datetime import UTC, datetime
from pathlib import Path

from tests.fake_telegram import Event, FakeTelegram
from tests.harness import TOKEN, FakeClock, RunningBot, make_settings, run_bot, sqlite_url

CHAT = 1


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
        ticking = any(line.startswith(("⏱", "🔄", "😮", "⏸", "Get")) for line in countdown)
        tail = " · ".join(countdown) if ticking and len(lines) > 2 else lines[-1]
        return f"✏️  {lines[0]} → {tail}  {buttons}".rstrip()
    sent = f"🤖 {_indent(event.text).lstrip()}"
    return f"{sent}\n   {buttons}" if buttons else sent


async def show_hands_free(bot: RunningBot, clock: FakeClock) -> None:
    """The first stretch, hands-free: one tap times the left side, a pause to switch, the
    right side, and the next exercise arrives; the countdown ticks throughout."""
    await bot.press(CHAT, "Start 30s hold")
    [end_job] = [name for name in bot.job_names() if name.startswith("hold:")]
    tick_job = end_job.replace("hold:", "hold-tick:")
    for _side in ("left", "right"):
        for _ in range(3):
            clock.advance(seconds=10)
            await bot.run_job(tick_job)
        clock.advance(seconds=5)
        await bot.run_job(end_job)


async def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        async with FakeTelegram(TOKEN) as server:
            settings = make_settings(server, sqlite_url(Path(folder) / "demo.db"))
            # A simulated clock moves 45 s per tap, so the summary shows a realistic time.
            clock = FakeClock(datetime.now(UTC))
            async with run_bot(server, settings, clock=clock) as bot:
                await bot.send(CHAT, "/start")
                await bot.press(CHAT, "Start warm-up")
                bot.answer_precautions = False  # the demo taps its own answer
                await bot.press(CHAT, "4")  # the check-in: how the back feels now
                await bot.press(CHAT, "None of these")  # the precautions, asked once
                await show_hands_free(bot, clock)
                while True:
                    clock.advance(seconds=45)
                    [sent] = await bot.press(CHAT, "Done")
                    if not sent.text.startswith("Step "):
                        break
                await bot.press(CHAT, "2")  # and after
            print("\n\n".join(render(event) for event in server.events))


if __name__ == "__main__":
    asyncio.run(main())
