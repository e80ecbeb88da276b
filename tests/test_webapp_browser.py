"""The Mini App in a real browser: Debian's chromium-headless-shell, driven by Playwright, opens
the page as Telegram would (`#tgWebAppData=…&tgWebAppThemeParams=…`) against the running bot.

It shows the person's own days, streaks and check-ins as stored; a setting changed in it is
what the bot then uses; a sign-in that is tampered with, too old, not this bot's or missing
shows the refusal and nothing else; it fits 360 px and its text reads at 4.5:1 in Telegram's
light and dark themes; its tabs, calendar and chart speak to a screen reader.

`WEBAPP_SCREENSHOTS=1` also writes docs/webapp-light.png and docs/webapp-dark.png (360 by 740).
Without the browser the tests are skipped, saying how to install it (`make test` does, as root).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl, quote, urlencode

import pytest
from playwright.async_api import Browser, Page, Response, async_playwright, expect
from sqlalchemy import select

from bot.config import PROJECT_ROOT
from db.models import RestDay, SessionStatus
from tests.harness import TOKEN, FakeClock, RunningBot
from tests.webapp_auth import signed_init_data

CHROMIUM = shutil.which("chromium-headless-shell")
NO_BROWSER = (
    "no chromium-headless-shell: install Debian's chromium-headless-shell "
    "(apt-get install chromium-headless-shell) to run the Mini App's browser tests"
)
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason=NO_BROWSER),
    # One browser at a time, the heaviest thing the suite starts: on one worker wherever
    # `--dist loadgroup` keeps a group together (pytest-xdist 3.8.0 here spreads them).
    pytest.mark.xdist_group("browser"),
]
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

CHAT = 19501
OTHER = 19502
MONDAY = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
UNAUTHORIZED = "Open this page from the bot in Telegram"
SAVED = "Saved. The bot uses it from now on."
WIDTH, HEIGHT = 360, 740
# Telegram's own themes (Android, day and night), as a client sends them.
LIGHT = {
    "bg_color": "#ffffff",
    "secondary_bg_color": "#efeff3",
    "text_color": "#000000",
    "hint_color": "#999999",
    "link_color": "#2481cc",
    "button_color": "#2481cc",
    "button_text_color": "#ffffff",
}
DARK = {
    "bg_color": "#212d3b",
    "secondary_bg_color": "#151e27",
    "text_color": "#ffffff",
    "hint_color": "#7d8b99",
    "link_color": "#5eabe1",
    "button_color": "#50a8eb",
    "button_text_color": "#ffffff",
}
TABS = ("calendar", "pain", "levels", "library", "settings")
# Elements that reach past the screen's right edge (those only a screen reader reads are
# clipped), by tag, id or class and text.
WIDER_THAN_THE_SCREEN = """[...document.querySelectorAll('[role=tabpanel]:not([hidden]) *')]
    .filter(e => e.offsetParent && !e.closest('.visually-hidden')
    && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .map(e => `${e.tagName}#${e.id}.${e.className}: ${(e.textContent || '').slice(0, 30)}`)"""
# The calendar's weekday heads, as CLDR writes them short.
WEEKDAY_HEADS = {
    "ru": ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
    "es": ["LU", "MA", "MI", "JU", "VI", "SA", "DO"],
}


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    """Debian's headless Chromium (Playwright's own download is not used)."""
    assert CHROMIUM is not None
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        await launched.close()


@dataclass
class App:
    """The page as a person has it open, and what it asked of the bot."""

    page: Page
    calls: list[tuple[str, int]] = field(default_factory=list)  # (api path, status)
    errors: list[str] = field(default_factory=list)  # scripts that failed on the page

    async def tab(self, name: str) -> None:
        await self.page.click(f"#tab-{name}")
        await expect(self.page.locator(f"#panel-{name}")).to_be_visible()

    async def text(self, selector: str) -> str:
        return (await self.page.inner_text(selector)).strip()


async def open_app(
    browser: Browser,
    bot: RunningBot,
    init_data: str | None,
    theme: dict[str, str] | None = LIGHT,
    scheme: Literal["light", "dark"] = "light",
) -> App:
    """The app opened as Telegram opens it: launch data in the URL's fragment, on a phone
    whose system is in the `scheme` colours (without a `theme`, the page's own follow it)."""
    context = await browser.new_context(
        viewport={"width": WIDTH, "height": HEIGHT},
        has_touch=True,
        locale="en-US",
        color_scheme=scheme,
        reduced_motion="no-preference",
    )
    app = App(await context.new_page())
    app.page.on("pageerror", lambda error: app.errors.append(str(error)))

    def record(response: Response) -> None:
        if "/api/" in response.url:
            app.calls.append((response.url.split("/api/")[1], response.status))

    app.page.on("response", record)
    launch = {"tgWebAppThemeParams": json.dumps(theme)} if theme is not None else {}
    if init_data is not None:
        launch["tgWebAppData"] = init_data
    await app.page.goto(f"{bot.app_url}#{urlencode(launch, quote_via=quote)}")
    await app.page.wait_for_selector("#app:not([hidden]), #message:not([hidden])")
    return app


def signed(user_id: int = CHAT, first_name: str = "Sam", **fields: str) -> str:
    return signed_init_data(TOKEN, user_id, first_name, **fields)


async def finished_warmup(bot: RunningBot, clock: FakeClock, before: str, after: str) -> None:
    """A whole warm-up with both check-ins."""
    await bot.start_warmup(CHAT, pain=before)
    await bot.done_to_the_end(CHAT, clock)
    await bot.press(CHAT, after)


async def a_week_of_history(bot: RunningBot, clock: FakeClock) -> None:
    """Monday begun and stopped, Tuesday done (6 → 3), Wednesday a rest day, Thursday done
    (5 → 2); the clock then stands on Friday, with nothing yet."""
    await bot.start_warmup(CHAT)
    await bot.press(CHAT, "Done")
    await bot.send(CHAT, "/stop")
    clock.current = MONDAY + timedelta(days=1)
    await finished_warmup(bot, clock, "6", "3")
    clock.current = MONDAY + timedelta(days=2)
    await bot.send(CHAT, "/rest")
    clock.current = MONDAY + timedelta(days=3)
    await finished_warmup(bot, clock, "5", "2")
    clock.current = MONDAY + timedelta(days=4, hours=1)


async def stored_days(bot: RunningBot) -> dict[str, str]:
    """Each day with something on it, read from the database: a finished warm-up's day is
    complete, a day with one begun and left is partial, a rest day is rest (chat in UTC)."""
    async with bot.db.transaction() as tx:
        rest = await tx.scalars(select(RestDay.day).where(RestDay.chat_id == CHAT))
        states = {day.isoformat(): "rest" for day in rest}
    sessions = [s for s in await bot.sessions() if s.chat_id == CHAT]
    for session in sessions:
        if session.status not in (SessionStatus.COMPLETED, SessionStatus.ACTIVE):
            states[session.started_at.date().isoformat()] = "partial"
    for session in sessions:
        if session.status == SessionStatus.COMPLETED and session.finished_at is not None:
            states[session.finished_at.date().isoformat()] = "complete"
    return states


async def stored_checkins(bot: RunningBot) -> list[list[str]]:
    """The finished warm-ups' check-ins as the chart's table should list them."""
    return [
        [s.finished_at.date().isoformat(), str(s.pain_before), str(s.pain_after)]
        for s in await bot.sessions()
        if s.chat_id == CHAT and s.finished_at is not None and s.pain_before is not None
    ]


async def calendar_cells(page: Page) -> list[dict[str, str | None]]:
    return list(
        await page.eval_on_selector_all(
            ".day",
            """cells => cells.map(cell => ({date: cell.dataset.date, state: cell.dataset.state,
                label: cell.getAttribute('aria-label'), today: cell.getAttribute('aria-current'),
                shown: cell.textContent}))""",
        )
    )


@pytest.mark.clock(MONDAY)
async def test_the_calendar_and_chart_show_what_is_stored(
    app_bot: RunningBot, clock: FakeClock, browser: Browser
) -> None:
    """Each heat-map cell is the stored day (complete, partial, rest, none), the numbers are
    /progress's, and the chart's table lists the stored check-ins."""
    await a_week_of_history(app_bot, clock)
    app = await open_app(browser, app_bot, signed())
    cells = await calendar_cells(app.page)
    assert len(cells) == 42
    marked = {cell["date"]: cell["state"] for cell in cells if cell["state"] != "none"}
    expected = {
        "2026-06-01": "partial",
        "2026-06-02": "complete",
        "2026-06-03": "rest",
        "2026-06-04": "complete",
    }
    assert marked == expected == await stored_days(app_bot)
    assert cells[-1] == {
        "date": "2026-06-05",
        "state": "none",
        "label": "Fr 2026-06-05: No warm-up",
        "today": "date",
        "shown": "5",
    }
    assert [c["label"] for c in cells[-5:-1]] == [
        "Mo 2026-06-01: Started, not finished",
        "Tu 2026-06-02: Warm-up done",
        "We 2026-06-03: Rest day",
        "Th 2026-06-04: Warm-up done",
    ]
    await check_numbers_match_progress(app_bot, app)
    rows = await app.page.eval_on_selector_all(
        "#pain-table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )
    assert rows == [["2026-06-02", "6", "3"], ["2026-06-04", "5", "2"]]
    assert rows == await stored_checkins(app_bot)
    assert app.calls == [("overview", 200)]
    assert app.errors == []


async def check_numbers_match_progress(bot: RunningBot, app: App) -> None:
    """Streak, best, this week and the target: the page's are /progress's."""
    text, _chart = await bot.send(CHAT, "/progress")
    said = re.search(r"Streak: (\d+) days? \(best: (\d+).*\nThis week: (\d+) of (\d+)", text.text)
    assert said is not None
    shown = [
        await app.text(f"#{i}") for i in ("streak", "best-streak", "this-week", "weekly-target")
    ]
    assert shown == list(said.groups()) == ["2", "2", "2", "5"]


async def test_a_setting_changed_in_the_page_is_what_the_bot_uses(
    app_bot: RunningBot, browser: Browser
) -> None:
    """Hands-free off in the page: it says saved, the chat is told, and /warmup's ⏱ Start runs
    one hold with ⏹ Stop hold and ✅ Done; the weekly target chosen from its list shows on the
    calendar at once."""
    app = await open_app(browser, app_bot, signed())
    await app.tab("settings")
    hands_free = app.page.locator('fieldset[data-name="hf"]')
    await expect(hands_free.get_by_role("radio", name="On")).to_be_checked()
    await hands_free.get_by_role("radio", name="Off").check()
    await expect(hands_free.locator(".field-status")).to_have_text(SAVED)
    await expect(hands_free.get_by_role("radio", name="Off")).to_be_focused()
    told = app_bot.server.chat(CHAT)[-1]
    assert told.text.startswith("⚙️ Changed in the app: 🙌 Hands-free")
    assert told.text.endswith(": Off")
    await app_bot.start_warmup(CHAT)
    [countdown] = await app_bot.press(CHAT, "Start 30s hold")
    assert countdown.labels == ["⏹ Stop hold", "✅ Done", "⚠️ Sharp pain"]

    await app.page.select_option("#setting-target", "3")
    await expect(app.page.locator('[data-name="target"] .field-status')).to_have_text(SAVED)
    await app.tab("calendar")
    await expect(app.page.locator("#weekly-target")).to_have_text("3")
    assert ("settings", 200) in app.calls
    assert app.errors == []


def tampered() -> str:
    """Someone's own sign-in with the user id changed to CHAT's, the signature kept."""
    fields = dict(parse_qsl(signed(OTHER, "Alex")))
    fields["user"] = fields["user"].replace(str(OTHER), str(CHAT))
    return urlencode(fields)


REFUSED_SIGN_INS: dict[str, Callable[[], str | None]] = {
    "tampered": tampered,
    "expired": lambda: signed(auth_date=str(int(time.time()) - 25 * 3600)),
    "another-bot": lambda: signed_init_data("999:another-bot", CHAT, "Sam"),
    "outside-telegram": lambda: None,
}


@SQLITE_ONLY
@pytest.mark.clock(MONDAY)
@pytest.mark.parametrize("case", REFUSED_SIGN_INS)
async def test_a_refused_sign_in_shows_only_the_refusal(
    app_bot: RunningBot, clock: FakeClock, browser: Browser, case: str
) -> None:
    """A tampered user id, a sign-in over a day old, another bot's, or none at all: the API
    answers 401 and the page shows its one sentence, and nothing of the chat's data."""
    await finished_warmup(app_bot, clock, "6", "3")
    app = await open_app(browser, app_bot, REFUSED_SIGN_INS[case]())
    message = app.page.locator("#message")
    await expect(message).to_be_visible()
    assert (await message.inner_text()).startswith(UNAUTHORIZED)
    assert await app.text("body") == await message.inner_text()
    assert await app.page.locator("#app").is_hidden()
    assert await app.page.locator("#app *").count() == 0
    assert app.calls == [("overview", 401)]
    assert app.errors == []


@SQLITE_ONLY
@pytest.mark.clock(MONDAY)
async def test_another_person_sees_only_their_own_empty_page(
    app_bot: RunningBot, clock: FakeClock, browser: Browser
) -> None:
    """Signed in as someone else, the page shows their name and their own empty history:
    no day, streak or check-in of the chat that warmed up."""
    await finished_warmup(app_bot, clock, "6", "3")
    app = await open_app(browser, app_bot, signed(OTHER, "Alex"))
    assert await app.text("#person") == "Alex"
    assert {cell["state"] for cell in await calendar_cells(app.page)} == {"none"}
    assert [await app.text(f"#{i}") for i in ("streak", "this-week")] == ["0", "0"]
    await app.tab("pain")
    await expect(app.page.locator("#pain-empty")).to_be_visible()
    assert await app.page.locator("#pain-table tbody tr").count() == 0
    assert app.errors == []


# Every element with text of its own, on screen: its colour against the first background
# behind it, at less than 4.5:1 (WCAG AA). The chart's table is for screen readers only.
LOW_CONTRAST = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = c.map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  const behind = node => { for (let e = node; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) return c; }
    return [255, 255, 255]; };
  return [...document.querySelectorAll('body *')].filter(node =>
      [...node.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
      && node.getClientRects().length && !node.closest('.visually-hidden'))
    .map(node => [node.textContent.trim().slice(0, 40),
      ratio(rgb(getComputedStyle(node).color).slice(0, 3), behind(node).slice(0, 3))])
    .filter(([, r]) => r < 4.5);
}"""


async def two_weeks_of_history(bot: RunningBot, clock: FakeClock) -> None:
    """Eleven days: mostly done with check-ins, one missed, one left, one rest day."""
    days = ["64", "53", "", "53", "partial", "rest", "42", "43", "32", "31", "21"]
    for offset, day in enumerate(days):
        clock.current = MONDAY + timedelta(days=offset)
        if day == "rest":
            await bot.send(CHAT, "/rest")
        elif day == "partial":
            await bot.start_warmup(CHAT)
            await bot.send(CHAT, "/stop")
        elif day:
            await finished_warmup(bot, clock, day[0], day[1])


@SQLITE_ONLY
@pytest.mark.clock(MONDAY)
async def test_every_tab_fits_a_phone_and_reads_in_both_themes(
    app_bot: RunningBot, clock: FakeClock, browser: Browser, tmp_path: Path
) -> None:
    """In Telegram's light and dark themes, and in the page's own for a light or dark phone,
    at 360 px: no tab is wider than the screen and all text reads at 4.5:1 or more (Telegram's
    own grey hint is made darker or lighter); the screenshots of Telegram's light theme (the
    calendar) and dark one (the chart) are taken, into docs/ with WEBAPP_SCREENSHOTS=1."""
    await two_weeks_of_history(app_bot, clock)
    folder = PROJECT_ROOT / "docs" if os.environ.get("WEBAPP_SCREENSHOTS") == "1" else tmp_path
    themes: list[tuple[str, dict[str, str] | None, Literal["light", "dark"], str]] = [
        ("light", LIGHT, "light", "calendar"),
        ("dark", DARK, "dark", "pain"),
        ("own-light", None, "light", ""),
        ("own-dark", None, "dark", ""),
    ]
    for name, theme, scheme, shown in themes:
        app = await open_app(browser, app_bot, signed(), theme, scheme)
        for tab in TABS:
            await app.tab(tab)
            width = await app.page.evaluate("document.documentElement.scrollWidth")
            assert (name, tab, width) == (name, tab, WIDTH)
            assert (name, tab, await app.page.evaluate(LOW_CONTRAST)) == (name, tab, [])
        if shown:
            await app.tab(shown)
            await app.page.evaluate("window.scrollTo(0, 0)")
            await app.page.screenshot(path=folder / f"webapp-{name}.png")
        assert app.errors == []


@SQLITE_ONLY
@pytest.mark.clock(MONDAY)
async def test_the_tabs_calendar_and_chart_speak_to_a_screen_reader(
    app_bot: RunningBot, clock: FakeClock, browser: Browser
) -> None:
    """The tabs are a tablist whose arrow keys, Home and End move the selection and show its
    panel alone; every calendar cell has a label; the chart, drawn on a canvas, has a table
    for screen readers, and a tap on it shows that warm-up's numbers."""
    await finished_warmup(app_bot, clock, "6", "3")
    clock.current = MONDAY + timedelta(days=1)
    await finished_warmup(app_bot, clock, "5", "2")
    app = await open_app(browser, app_bot, signed())
    tabs = app.page.get_by_role("tab")
    assert await tabs.count() == 5
    await tabs.first.focus()
    for key, expected in (("ArrowRight", "pain"), ("End", "settings"), ("ArrowRight", "calendar")):
        await app.page.keyboard.press(key)
        await expect(app.page.locator(f"#tab-{expected}")).to_be_focused()
        selected = app.page.get_by_role("tab", selected=True)
        assert await selected.get_attribute("id") == f"tab-{expected}"
        assert await app.page.get_by_role("tabpanel").count() == 1
        await expect(app.page.get_by_role("tabpanel")).to_have_attribute("id", f"panel-{expected}")
    labels = await app.page.eval_on_selector_all(".day", "d => d.map(c => c.ariaLabel)")
    assert len(labels) == 42
    assert all(re.fullmatch(r"(Mo|Tu|We|Th|Fr|Sa|Su) \d{4}-\d\d-\d\d: .+", x) for x in labels)
    await app.tab("pain")
    table = app.page.get_by_role("table", name="Back pain before and after each warm-up")
    assert await table.get_by_role("row").count() == 3  # the heading's, and two check-ins
    await check_a_tap_shows_the_values(app)
    assert app.errors == []


async def check_a_tap_shows_the_values(app: App) -> None:
    """A finger near the first point shows its numbers; the mouse near the last, its own."""
    plot = app.page.locator("#pain-chart .u-over")
    box = await plot.bounding_box()
    assert box is not None
    await plot.tap(position={"x": box["width"] * 0.2, "y": box["height"] / 2})
    await expect(app.page.locator("#pain-before-now")).to_have_text("6")
    await expect(app.page.locator("#pain-after-now")).to_have_text("3")
    await app.page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] / 2)
    await expect(app.page.locator("#pain-before-now")).to_have_text("5")
    await expect(app.page.locator("#pain-after-now")).to_have_text("2")


@SQLITE_ONLY
async def test_the_library_loops_each_exercise_silently_with_its_how_works_and_why(
    app_bot: RunningBot, browser: Browser
) -> None:
    """Each exercise of the routine has its animation as a muted, looping, inline video that
    plays once on screen (none while the tab is hidden), and its how (one line a bullet),
    what it works and why, with no markup but the bot's own."""
    app = await open_app(browser, app_bot, signed())
    videos = app.page.locator("#library video")
    assert await videos.count() == 8
    assert await videos.evaluate_all("vs => vs.every(v => v.paused)")
    await app.tab("library")
    for flag in ("autoplay", "loop", "muted", "playsinline"):
        assert await videos.evaluate_all(f"vs => vs.every(v => v.hasAttribute('{flag}'))")
    first = videos.first
    await expect(first).to_have_js_property("paused", False)
    assert await first.evaluate("v => v.muted && v.videoWidth") == 480
    article = app.page.locator("#library article").first
    await expect(article.get_by_role("heading", level=3)).to_have_text(
        "Upper-back twist (thoracic spine mobility)"
    )
    how = await article.locator("details").first.inner_text()
    assert (
        how.splitlines()[1] == "• Lie on your back and press your lower back flat into the floor."
    )
    assert len(how.splitlines()) >= 3
    summaries = await article.locator("summary").all_inner_texts()
    assert summaries == ["How", "What it works", "Why"]
    assert await app.page.locator(".rich *:not(b, i, u, a, br)").count() == 0
    assert app.errors == []


@SQLITE_ONLY
@pytest.mark.clock(MONDAY)
@pytest.mark.parametrize("code", ["ru", "es"])
async def test_the_page_speaks_the_persons_language_and_still_fits(
    app_bot: RunningBot, clock: FakeClock, browser: Browser, tmp_path: Path, code: str
) -> None:
    """Signed in from a Russian or Spanish Telegram, the page is in that language (its `lang`,
    its tabs, Babel's weekday heads), and every tab still fits 360 px and reads at 4.5:1: the
    longer words wrap, they do not overflow. The calendar's screenshot is taken, into docs/
    with WEBAPP_SCREENSHOTS=1."""
    await two_weeks_of_history(app_bot, clock)
    words = app_bot.services.content.language(code).texts.webapp
    folder = PROJECT_ROOT / "docs" if os.environ.get("WEBAPP_SCREENSHOTS") == "1" else tmp_path
    app = await open_app(browser, app_bot, signed(language_code=code))
    assert await app.page.get_attribute("html", "lang") == code
    assert words.tabs.calendar in await app.text("#tab-calendar")
    for tab in TABS:  # every tab in sight, none scrolled off the edge
        box = await app.page.locator(f"#tab-{tab}").bounding_box()
        assert box is not None
        assert 0 <= box["x"] <= box["x"] + box["width"] <= WIDTH, (tab, box)
    heads = await app.page.locator("#weekdays th").all_inner_texts()
    assert heads == WEEKDAY_HEADS[code]
    for tab in TABS:
        await app.tab(tab)
        width = await app.page.evaluate("document.documentElement.scrollWidth")
        wide = await app.page.evaluate(WIDER_THAN_THE_SCREEN)
        assert (tab, width, wide) == (tab, WIDTH, [])
        assert (tab, await app.page.evaluate(LOW_CONTRAST)) == (tab, [])
    await app.tab("calendar")
    await app.page.screenshot(path=folder / f"webapp-{code}.png")
    assert app.errors == []
