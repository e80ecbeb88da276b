"""The Mini App's server end to end, over HTTP against the running bot: its data calls answer
only a person signed in by Telegram's initData, with that person's own data; a setting changed
in it goes through the chat's own rule set and shows in the chat; the chat opens it from the
menu button and from `📊 Open progress`. The page itself is driven in a real browser in
tests/test_webapp_browser.py."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest

from bot.config import Settings
from tests.fake_telegram import FakeTelegram
from tests.harness import TOKEN, FakeClock, RunningBot, make_settings, run_bot
from tests.webapp_auth import authorization, signed_init_data

CHAT = 19001
# The settings the app offers, in the order it shows them.
FIELDS = ["hf", "voice", "switch", "rest", "roller", "pics", "morning", "target", "lang"]
OTHER = 19002
MONDAY = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
UNAUTHORIZED = "Open this page from the bot in Telegram"


@pytest.fixture
async def http(app_bot: RunningBot) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=app_bot.app_url) as client:
        yield client


def _signed(user_id: int = CHAT, **fields: str) -> dict[str, str]:
    return authorization(signed_init_data(TOKEN, user_id, **fields))


async def _warmup(bot: RunningBot, clock: FakeClock, before: str, after: str) -> None:
    """A whole warm-up with both check-ins."""
    await bot.start_warmup(CHAT, pain=before)
    while True:
        clock.advance(seconds=30)
        [sent] = await bot.press(CHAT, "Done")
        if not sent.text.startswith("Step "):
            break
    await bot.press(CHAT, after)


@pytest.mark.clock(MONDAY)
async def test_the_overview_is_the_persons_own_history(
    app_bot: RunningBot, http: httpx.AsyncClient, clock: FakeClock
) -> None:
    """A finished warm-up with check-ins on Monday, one stopped on Wednesday, a rest day on
    Thursday: the calendar, streak, week, check-ins, levels, library and settings say so."""
    await _warmup(app_bot, clock, "6", "3")
    clock.advance(days=2)
    await app_bot.start_warmup(CHAT)
    await app_bot.send(CHAT, "/stop")
    clock.advance(days=1)
    await app_bot.send(CHAT, "/rest")
    answer = await http.get("api/overview", headers=_signed())
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    data = answer.json()
    days = {day["date"]: day["state"] for day in data["calendar"]["days"]}
    assert len(days) == 42
    assert (days["2026-06-01"], days["2026-06-02"]) == ("complete", "none")
    assert (days["2026-06-03"], days["2026-06-04"]) == ("partial", "rest")
    assert data["calendar"]["days"][-1] == {
        "date": "2026-06-04",
        "weekday": 3,
        "state": "rest",
        "today": True,
    }
    assert {k: data["calendar"][k] for k in ("this_week", "weekly_target")} == {
        "this_week": 1,
        "weekly_target": 5,
    }
    [checkin] = data["pain"]
    assert (checkin["date"], checkin["before"], checkin["after"]) == ("2026-06-01", 6, 3)
    assert data["person"] == {"first_name": "Sam"}
    assert "3 green warm-ups in a row" in data["texts"]["moves"]
    assert [level["level"] for level in data["levels"]] == [1, 1]
    assert len(data["library"]) == 8
    assert all(item["animation"] for item in data["library"])
    names = [field["name"] for field in data["settings"]["fields"]]
    assert names == FIELDS


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer abc"},
        {"Authorization": "tma"},
        {"Authorization": "tma not-init-data"},
        # Another bot's token signed it.
        authorization(signed_init_data("999:other-bot", CHAT)),
        # A day and an hour old.
        _signed(auth_date=str(int(time.time()) - 25 * 3600)),
    ],
    ids=["none", "other-scheme", "empty", "garbage", "other-bot", "expired"],
)
async def test_a_call_not_signed_in_gets_401_and_nothing(
    app_bot: RunningBot, http: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    """Without valid initData, both calls answer 401 with one sentence and change nothing."""
    await app_bot.start_warmup(CHAT)
    before = await app_bot.snapshot()
    for answer in (
        await http.get("api/overview", headers=headers),
        await http.post("api/settings", headers=headers, json={"name": "hf", "value": "0"}),
    ):
        assert answer.status_code == 401
        assert list(answer.json()) == ["error"]
        assert answer.json()["error"].startswith(UNAUTHORIZED)
    assert await app_bot.snapshot() == before


async def test_tampered_init_data_gets_401(app_bot: RunningBot, http: httpx.AsyncClient) -> None:
    """initData signed for one person and edited to name another (or to move its date) is
    refused: the signature covers every field."""
    init_data = signed_init_data(TOKEN, OTHER, first_name="Kim")
    edited_user = init_data.replace(str(OTHER), str(CHAT))
    assert edited_user != init_data
    edited_date = init_data.replace("auth_date=", "auth_date=1")
    for forged in (edited_user, edited_date):
        answer = await http.get("api/overview", headers=authorization(forged))
        assert answer.status_code == 401
    assert (await http.get("api/overview", headers=authorization(init_data))).status_code == 200
    assert app_bot.server.chat(CHAT) == []


async def test_nobody_reaches_another_persons_data_through_the_url_or_body(
    app_bot: RunningBot, http: httpx.AsyncClient
) -> None:
    """The person comes from initData alone: a chat id in the query or the body is ignored;
    a change is the signed-in person's, and the other chat is untouched."""
    await app_bot.start_warmup(OTHER)
    await app_bot.send(OTHER, "/stop")
    mine = await http.get(f"api/overview?chat_id={OTHER}&user_id={OTHER}", headers=_signed())
    states = {day["state"] for day in mine.json()["calendar"]["days"]}
    assert states == {"none"}  # the other person's stopped warm-up is not shown
    body = {"name": "hf", "value": "0", "chat_id": OTHER, "user_id": OTHER}
    assert (await http.post("api/settings", headers=_signed(), json=body)).status_code == 200
    theirs = await http.get("api/overview", headers=_signed(OTHER))
    [hands_free] = [f for f in theirs.json()["settings"]["fields"] if f["name"] == "hf"]
    assert hands_free["value"] == "1"
    ours = await http.get("api/overview", headers=_signed())
    [hands_free] = [f for f in ours.json()["settings"]["fields"] if f["name"] == "hf"]
    assert hands_free["value"] == "0"


async def test_a_setting_changed_in_the_app_is_said_and_used_in_the_chat(
    app_bot: RunningBot, http: httpx.AsyncClient
) -> None:
    """Hands-free off in the app: the chat is told at once, /settings shows it, and the next
    warm-up's countdown is the one-hold kind (⏹ Stop hold, ✅ Done)."""
    answer = await http.post("api/settings", headers=_signed(), json={"name": "hf", "value": "0"})
    assert answer.status_code == 200
    assert answer.json()["saved"] == "Saved. The bot uses it from now on."
    [told] = app_bot.server.chat(CHAT)
    assert told.text.startswith("⚙️ Changed in the app: 🙌 Hands-free timed exercises")
    assert told.text.endswith(": Off")
    [menu] = await app_bot.send(CHAT, "/settings")
    assert "🙌 Hands-free timed exercises: off" in menu.text
    await app_bot.start_warmup(CHAT)
    [countdown] = await app_bot.press(CHAT, "Start 30s hold")
    assert countdown.labels[:2] == ["⏹ Stop hold", "✅ Done"]
    switch = {"name": "switch", "value": "10"}
    answer = await http.post("api/settings", headers=_signed(), json=switch)
    [field] = [f for f in answer.json()["settings"]["fields"] if f["name"] == "switch"]
    assert field["value"] == "10"


@pytest.mark.parametrize(
    "body",
    [
        {"name": "switch", "value": "7"},  # not among the rules' choices
        {"name": "target", "value": "9"},
        {"name": "hf", "value": "yes"},
        {"name": "level", "value": "quadratus-lumborum-stretch.2"},  # the chat's own page
        {"name": "care", "value": "1"},
        {"name": "hf", "value": 0},
        {"name": ["hf"], "value": "0"},
        [],
        "hf=0",
    ],
)
async def test_a_choice_not_on_offer_gets_400_and_changes_nothing(
    app_bot: RunningBot, http: httpx.AsyncClient, body: object
) -> None:
    """A value the rules do not offer, a setting the app does not show, or a body of the
    wrong shape: 400 with one sentence; nothing stored, nothing said in the chat."""
    await app_bot.send(CHAT, "/start")
    before = await app_bot.snapshot()
    answer = await http.post("api/settings", headers=_signed(), content=json.dumps(body))
    assert answer.status_code == 400
    assert answer.json() == {"error": "That choice is not on offer."}
    assert await app_bot.snapshot() == before
    assert len(app_bot.server.chat(CHAT)) == 2  # /start and its welcome only


async def test_a_body_too_large_or_not_json_gets_400(
    app_bot: RunningBot, http: httpx.AsyncClient
) -> None:
    """A body over 4 KB or not JSON is refused unread (400)."""
    big = json.dumps({"name": "hf", "value": "0", "padding": "x" * 5000})
    for content in (big, "{not json", ""):
        answer = await http.post("api/settings", headers=_signed(), content=content)
        assert answer.status_code == 400
    assert app_bot.server.chat(CHAT) == []


async def test_the_chat_opens_the_app_from_its_menu_and_from_progress(
    app_bot: RunningBot, telegram: FakeTelegram
) -> None:
    """Every private chat's menu button opens the app; /progress carries `📊 Open progress`
    (a web_app button) in a private chat and no such button in a group."""
    assert telegram.menu_button == {
        "type": "web_app",
        "text": "Progress",
        "web_app": {"url": "https://coach.example/app/"},
    }
    [report] = await app_bot.send(CHAT, "/progress")
    [[button]] = report.reply_markup["inline_keyboard"] if report.reply_markup else [[None]]
    assert button == {"text": "📊 Open progress", "web_app": {"url": "https://coach.example/app/"}}
    [group_report] = await app_bot.send(-CHAT, "/progress")
    assert group_report.reply_markup is None


async def test_without_webapp_url_there_is_no_app(
    telegram: FakeTelegram, settings: Settings
) -> None:
    """No WEBAPP_URL: no web server in polling mode, the menu button is Telegram's default,
    and /progress has no button."""
    async with run_bot(telegram, settings) as bot:
        assert bot.webhook_port is None
        assert telegram.menu_button == {"type": "default"}
        [report] = await bot.send(CHAT, "/progress")
        assert report.reply_markup is None


async def test_the_page_its_files_and_the_animations_are_served(
    app_bot: RunningBot, http: httpx.AsyncClient
) -> None:
    """The page (with its security headers), an exercise's animation; a name outside the
    media folder or of another kind is 404."""
    page = await http.get("")
    assert page.status_code == 200
    assert "frame-ancestors" in page.headers["content-security-policy"]
    redirect = await http.get(app_bot.app_url.rstrip("/"))
    assert redirect.status_code == 307
    video = await http.get("media/psoas-stretch-left.mp4")
    assert video.status_code == 200
    assert video.headers["content-type"] == "video/mp4"
    assert video.content[4:8] == b"ftyp"
    for name in ("..%2Fmanifest.json", "manifest.json", "nothing.mp4", "..%2F..%2Fpyproject.toml"):
        assert (await http.get(f"media/{name}")).status_code == 404


async def test_webhook_mode_serves_the_app_beside_the_webhook(
    telegram: FakeTelegram, database_url: str
) -> None:
    """In webhook mode the same server answers Telegram's posts and the app's calls."""
    settings = make_settings(
        telegram,
        database_url,
        webhook_url="https://coach.example/telegram/updates",
        webhook_port=0,
        webhook_secret="a-secret",
        webapp_url="https://coach.example/app",
    )
    async with run_bot(telegram, settings) as bot, httpx.AsyncClient(base_url=bot.app_url) as http:
        assert (await http.get("api/overview", headers=_signed())).status_code == 200
        assert (await http.get("api/overview")).status_code == 401
        assert telegram.webhook is not None
        assert telegram.webhook["url"] == "https://coach.example/telegram/updates"


def test_settings_refuse_an_app_address_without_a_path_of_its_own(telegram: FakeTelegram) -> None:
    """WEBAPP_URL needs a path of its own (not the webhook's, not /healthz), over http(s)."""
    for url in ("https://coach.example", "https://coach.example/healthz", "ftp://x/app"):
        with pytest.raises(ValueError, match="WEBAPP_URL"):
            make_settings(telegram, "sqlite+aiosqlite://", webapp_url=url)
    with pytest.raises(ValueError, match="WEBAPP_URL"):
        make_settings(
            telegram,
            "sqlite+aiosqlite://",
            webhook_url="https://coach.example/app/updates",
            webhook_secret="s",
            webapp_url="https://coach.example/app",
        )


async def test_sign_in_is_checked_against_the_rules_age(
    app_bot: RunningBot, http: httpx.AsyncClient
) -> None:
    """initData just inside `webapp.sign_in_hours` is accepted; just past it, refused."""
    hours = app_bot.services.content.rules.webapp.sign_in_hours
    now = int(time.time())
    inside = _signed(auth_date=str(now - hours * 3600 + 60))
    outside = _signed(auth_date=str(now - hours * 3600 - 60))
    assert (await http.get("api/overview", headers=inside)).status_code == 200
    assert (await http.get("api/overview", headers=outside)).status_code == 401
