"""`python -m bot` as a real process: settings errors, serving a user, clean shutdown."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from sqlalchemy import text

from db.database import Database
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN, sqlite_url
from tests.processes import bot_env, first_questions_answered, start_bot, until

CHAT = 4001


async def test_missing_token_is_a_one_line_error(tmp_path: Path) -> None:
    """Without a token `python -m bot` exits with one line naming the setting."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=bot_env(sqlite_url(tmp_path / "warmup.db")),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()
    assert process.returncode == 2
    lines = stderr.decode().strip().splitlines()
    assert lines == ["error: missing or invalid setting: TELEGRAM_BOT_TOKEN (see .env.example)"]


async def test_a_rejected_token_is_a_one_line_error_without_the_token(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    """A token Telegram refuses stops the bot with one line that does not show the token."""
    rejected = "987654:REJECTED-secret-part"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=bot_env(
            sqlite_url(tmp_path / "warmup.db"),
            TELEGRAM_BOT_TOKEN=rejected,
            TELEGRAM_API_URL=telegram.url,
        ),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    output = (stdout + stderr).decode()
    assert "REJECTED-secret-part" not in output
    assert process.returncode == 1
    assert output.strip().splitlines()[-1] == (
        "error: Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather"
    )


async def test_the_bot_serves_a_user_and_stops_on_sigterm_without_logging_the_token(
    telegram: FakeTelegram, tmp_path: Path, database_url: str
) -> None:
    """Started like production, the bot answers /warmup, exits 0 on SIGTERM, hides its token."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=bot_env(
            database_url,
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_URL=telegram.url,
            LOG_LEVEL="DEBUG",
        ),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await until(lambda: bool(telegram.calls_to("getUpdates")))
        await first_questions_answered(database_url, CHAT)
        telegram.user_sends(CHAT, "/warmup")
        await until(lambda: any(m.buttons for m in telegram.chat(CHAT)))  # the check-in
        telegram.user_presses(CHAT, "Skip check-in")
        await until(lambda: _shown_steps(telegram) == 1)
        assert telegram.chat(CHAT)[-1].text.startswith("Step 1/8")
    finally:
        process.send_signal(signal.SIGTERM)
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
    logs = (stdout + stderr).decode()
    assert process.returncode == 0, logs
    assert "bot @warmup_coach_bot ready" in logs
    assert TOKEN not in logs
    assert TOKEN.split(":")[1] not in logs


async def test_kill_9_mid_session_leaves_a_resumable_warmup(
    telegram: FakeTelegram, tmp_path: Path, database_url: str
) -> None:
    """A hard kill while a tap is in flight leaves a consistent warm-up, and the tap counts once.

    However the kill lands, the tap is handled exactly once: before the kill; or after the
    restart from the inbox (it was stored before Telegram was told it arrived); or, if it was
    not stored yet, Telegram sends it again. The resumed step matches what is stored.
    """
    process = await start_bot(telegram, tmp_path, database_url)
    await first_questions_answered(database_url, CHAT)
    try:
        telegram.user_sends(CHAT, "/warmup")
        await until(lambda: any(m.buttons for m in telegram.chat(CHAT)))
        telegram.user_presses(CHAT, "Skip check-in")
        await until(lambda: _shown_steps(telegram) == 1)
        for shown in (2, 3):  # to step 2, set 1 of 2
            telegram.user_presses(CHAT, "Done")
            await until(lambda n=shown: _shown_steps(telegram) == n)
        telegram.user_presses(CHAT, "Done")  # towards set 2; the kill lands around it
        await asyncio.sleep(0.005)
    finally:
        process.kill()
        await process.wait()

    process = await start_bot(telegram, tmp_path, database_url)
    try:
        telegram.user_sends(CHAT, "/warmup")  # handled after any redelivered tap: same chat
        await until(lambda: "unfinished" in telegram.chat(CHAT)[-1].text)
        assert "step 2/8" in telegram.chat(CHAT)[-1].text
        telegram.user_presses(CHAT, "Resume")
        await until(lambda: telegram.chat(CHAT)[-1].text.startswith("Step "))
        assert await _stored_events(database_url) == 3
        assert telegram.chat(CHAT)[-1].text.startswith("Step 2/8 · Set 2/2 · hold 20 s")
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), timeout=20)
    assert process.returncode == 0


async def _stored_events(database_url: str) -> int:
    db = Database(database_url)
    try:
        async with db.engine.connect() as connection:
            return int(
                (await connection.execute(text("SELECT count(*) FROM step_events"))).one()[0]
            )
    finally:
        await db.close()


def _shown_steps(telegram: FakeTelegram) -> int:
    return len([m for m in telegram.chat(CHAT) if m.from_bot and m.text.startswith("Step ")])


async def test_an_unusable_database_path_is_a_one_line_error(tmp_path: Path) -> None:
    """A database under a file (not a folder) stops start-up with a message, not a traceback."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    database_url = sqlite_url(blocker / "warmup.db")
    env = bot_env(database_url, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL="http://127.0.0.1:9")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 1
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: cannot create the folder for")


async def test_sigterm_lets_the_update_in_hand_finish(
    telegram: FakeTelegram, tmp_path: Path, database_url: str
) -> None:
    """SIGTERM while a /warmup is half answered: it is answered in full, then the bot exits 0."""
    process = await start_bot(telegram, tmp_path, database_url)
    await first_questions_answered(database_url, CHAT)
    telegram.latency[CHAT] = 0.5  # each reply takes half a second to reach Telegram
    telegram.user_sends(CHAT, "/warmup")
    await until(lambda: any(m.buttons for m in telegram.chat(CHAT)))
    update_id = telegram.user_presses(CHAT, "Skip check-in")
    await telegram.delivered(update_id)
    await until(lambda: bool(telegram.calls_to("editMessageText")))  # check-in noted
    started = asyncio.get_running_loop().time()
    process.send_signal(signal.SIGTERM)
    await asyncio.wait_for(process.wait(), timeout=20)
    assert process.returncode == 0
    assert asyncio.get_running_loop().time() - started < 10
    assert _shown_steps(telegram) == 1  # the step after it went out before exiting
