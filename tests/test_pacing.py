"""The budgets that keep countdown edits and reminder bursts within Telegram's pace."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime, timedelta

import pytest
from telegram.error import NetworkError, RetryAfter

from bot.runtime.pacing import Budget, PatientRateLimiter, Spacing, Urgent
from bot.runtime.window import LEND_SPARE_SECONDS, REPLY_WAIT_SECONDS, SendWindow, window_limit
from bot.runtime.window import bulk as bulk_messages


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_budget_allows_its_rate_at_once_then_refills_with_time() -> None:
    """A budget grants its rate at once, then refills as time passes."""
    clock = Ticks()
    budget = Budget(3, clock)
    assert [budget.take() for _ in range(5)] == [True, True, True, False, False]
    clock.now += 0.34  # a third of a second buys one more
    assert [budget.take(), budget.take()] == [True, False]
    clock.now += 60  # a long quiet spell does not bank more than one second's worth
    assert [budget.take() for _ in range(4)] == [True, True, True, False]


def test_a_budget_spread_over_time_keeps_its_average() -> None:
    """Spread over time, a budget grants no more than its rate on average."""
    clock = Ticks()
    budget = Budget(10, clock)
    granted = 0
    for _ in range(1000):  # 100 requests a second for 10 seconds
        clock.now += 0.01
        granted += budget.take()
    assert 100 <= granted <= 110  # 10 a second, plus the first second's allowance


def test_a_paused_budget_grants_nothing_until_the_pause_is_over() -> None:
    """A paused budget grants nothing until the pause ends."""
    clock = Ticks()
    budget = Budget(10, clock)
    budget.pause(1.0)
    clock.now += 0.2
    budget.pause(0.5)  # a shorter pause does not cut the running one short
    clock.now += 0.7
    assert not budget.take()
    clock.now += 0.2
    assert budget.take()


def test_a_budget_with_a_small_burst_catches_up_only_so_far() -> None:
    """A pacing budget grants `burst` at once after a pause, then its rate again."""
    clock = Ticks()
    budget = Budget(30, clock, burst=3)
    assert [budget.take() for _ in range(4)] == [True, True, True, False]
    clock.now += 10  # a long pause banks three, not three hundred
    assert [budget.take() for _ in range(4)] == [True, True, True, False]


async def test_spending_a_budget_waits_for_its_next_token() -> None:
    """`spend` waits until the budget has a token again."""
    clock = Ticks()
    budget = Budget(4, clock, burst=1)
    with _sleeping_on(clock):
        await budget.spend()
        assert clock.now == 100.0
        await budget.spend()
        assert clock.now == pytest.approx(100.25)


@contextmanager
def _sleeping_on(clock: Ticks) -> Iterator[None]:
    """asyncio.sleep moves the fake clock on instead of waiting."""

    async def sleep_on_the_fake_clock(seconds: float) -> None:
        clock.now += seconds

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(asyncio, "sleep", sleep_on_the_fake_clock)
        yield


async def _send(window: SendWindow, *, bulk: bool = False) -> None:
    """One message, answered at once."""
    if bulk:
        with bulk_messages():
            async with window.place():
                pass
    else:
        async with window.place():
            pass


async def _burst(window: SendWindow, messages: int) -> None:
    """`messages` reminders in a row, each answered at once."""
    for _ in range(messages):
        await _send(window, bulk=True)


async def _on_the_wire(window: SendWindow, answered: asyncio.Event, *, bulk: bool = False) -> None:
    """One message whose answer comes back only once `answered` is set."""
    with bulk_messages() if bulk else nullcontext():
        async with window.place():
            await answered.wait()


async def test_the_send_window_keeps_only_the_last_second() -> None:
    """Sends are forgotten as they leave the window even when nobody asks for room."""
    clock = Ticks()
    window = SendWindow(30, clock)
    for _ in range(10_000):  # a day of replies, a tenth of a second apart
        await _send(window)
        clock.now += 0.1
    assert window.held() <= 11


async def test_a_message_holds_its_place_from_sending_until_a_second_after_its_answer() -> None:
    """Telegram counts on arrival, somewhere between sending and the answer: both bound it."""
    clock = Ticks()
    window = SendWindow(30, clock)
    answered = asyncio.Event()

    on_the_wire = asyncio.create_task(_on_the_wire(window, answered))
    await asyncio.sleep(0)
    clock.now += 5  # however long the answer takes, the message is counted meanwhile
    assert window.recent() == 1
    answered.set()
    await on_the_wire
    clock.now += 0.99
    assert window.recent() == 1
    clock.now += 0.01
    assert window.recent() == 0


async def test_bulk_sending_waits_for_room_left_by_other_messages() -> None:
    """Bulk sending takes the places the last second's replies leave, then waits."""
    clock = Ticks()
    window = SendWindow(6, clock)
    for _ in range(3):
        await _send(window)  # three replies to people tapping, just now
    assert window.recent() == 3
    with _sleeping_on(clock):
        for _ in range(3):
            await _send(window, bulk=True)  # room for three more at once
        assert clock.now == 100.0
        await _send(window, bulk=True)  # wait until the oldest has been a second in it
        assert clock.now == pytest.approx(101.0)


async def test_a_burst_beside_a_reply_keeps_all_its_places() -> None:
    """The place bulk leaves is for replies; one reply in it leaves bulk its other places."""
    clock = Ticks()
    window = SendWindow(30, clock)
    with _sleeping_on(clock):
        await _send(window)  # a reply to someone tapping
        await _burst(window, 29)
        assert clock.now == 100.0  # no wait: the second is full, bulk holding 29 of it
        assert window.recent() == 30


async def test_a_reply_in_a_full_burst_finds_the_place_bulk_leaves() -> None:
    """A burst takes all but one place of the second; a reply takes that one at once."""
    clock = Ticks()
    window = SendWindow(30, clock)
    with _sleeping_on(clock):
        await _burst(window, 29)
        assert clock.now == 100.0
        await _send(window)
        assert clock.now == 100.0  # no wait
        assert window.recent() == 30
        await _send(window, bulk=True)  # the burst goes on once its places free
        assert clock.now == pytest.approx(101.0)


async def test_a_burst_borrows_the_spare_place_only_just_before_another_frees() -> None:
    """So a reply finds the spare free, or waits at most LEND_SPARE_SECONDS for a place."""
    clock = Ticks()
    window = SendWindow(30, clock)
    with _sleeping_on(clock):
        await _burst(window, 29)
        await _send(window, bulk=True)  # the spare, lent once the first places are about to free
        assert clock.now == pytest.approx(101.0 - LEND_SPARE_SECONDS)
        assert window.recent() == 30
        await _send(window)  # a reply now waits only for those places
        assert clock.now == pytest.approx(101.0)


async def test_the_spare_place_is_not_lent_while_nothing_answered_will_free_a_place() -> None:
    """Messages still on the wire may hold their places for as long as their answers take."""
    clock = Ticks()
    window = SendWindow(3, clock)
    answered = asyncio.Event()
    real_sleep = asyncio.sleep

    async def sleep_on_the_fake_clock(seconds: float) -> None:
        clock.now += seconds
        await real_sleep(0)

    stuck = [asyncio.create_task(_on_the_wire(window, answered, bulk=True)) for _ in range(2)]
    await real_sleep(0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(asyncio, "sleep", sleep_on_the_fake_clock)
        third = asyncio.create_task(_send(window, bulk=True))
        while clock.now < 105 and not third.done():
            await real_sleep(0)
        assert not third.done()  # five seconds on, the spare is still not lent
        await _send(window)  # so a reply takes it at once
        assert clock.now < 105.01
        answered.set()
        await asyncio.gather(*stuck, third)


async def test_a_reply_takes_the_next_free_place_before_bulk_messages() -> None:
    """In a full second, a waiting reply goes before a reminder waiting for the same place.

    The reminder starts waiting first, so it also wakes first when the place frees: the
    reply gets the place only because replies go first.
    """
    clock = Ticks()
    window = SendWindow(1, clock)
    await _send(window, bulk=True)  # the second's one place, taken by a reminder at 100.0
    for _ in range(3):
        order: list[str] = []

        async def send(name: str, *, bulk: bool, order: list[str] = order) -> None:
            await _send(window, bulk=bulk)
            order.append(name)

        clock.now += 0.95  # the place frees in a twentieth of a second
        reminder = asyncio.create_task(send("reminder", bulk=True))
        await asyncio.sleep(0.01)
        reply = asyncio.create_task(send("reply", bulk=False))
        await asyncio.sleep(0.01)
        assert order == []
        clock.now += 0.05
        await reply
        assert order == ["reply"]
        clock.now += 1  # the reminder takes the place the reply leaves a second later
        await reminder
        assert order == ["reply", "reminder"]


async def test_a_reply_does_not_wait_for_other_replies() -> None:
    """Replies alone past the pace (many holds ending at once) go at once."""
    clock = Ticks()
    window = SendWindow(1, clock)
    with _sleeping_on(clock):
        await _send(window)
        await _send(window)
        assert clock.now == 100.0
        assert window.recent() == 2


async def test_bookkeeping_waits_for_urgent_work_then_goes_one_piece_at_a_time() -> None:
    """Bookkeeping waits for urgent work, then runs one piece at a time."""
    urgent, order = Urgent(), []

    async def bookkeeping(name: str) -> None:
        async with urgent.afterwards(at_most=5):
            order.append(f"{name} begins")
            await asyncio.sleep(0)  # another piece would get in here if it could
            order.append(f"{name} ends")

    with urgent.underway():
        waiting = [asyncio.create_task(bookkeeping(name)) for name in ("a", "b")]
        for _ in range(10):
            await asyncio.sleep(0)
        assert order == []
    await asyncio.gather(*waiting)
    assert order == ["a begins", "a ends", "b begins", "b ends"]


async def test_bookkeeping_waits_only_so_long_for_urgent_work() -> None:
    """Bookkeeping waits for urgent work only up to its limit."""
    urgent, done = Urgent(), False
    with urgent.underway():
        async with urgent.afterwards(at_most=0.01):
            done = True
    assert done


def test_spacing_allows_one_go_per_key_per_gap_and_forgets_old_ones() -> None:
    """Spacing allows one go per key per gap and drops entries past it."""
    start = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
    spacing = Spacing(timedelta(seconds=3), keep=2)
    assert spacing.allow(1, start)
    assert not spacing.allow(1, start + timedelta(seconds=0.3))  # a late tick, then the next
    assert spacing.allow(2, start + timedelta(seconds=0.3))  # other countdowns are apart
    assert spacing.allow(1, start + timedelta(seconds=3))
    assert spacing.allow(3, start + timedelta(seconds=10))  # over `keep`: old entries dropped
    assert len(spacing._last) == 1


async def test_every_attempt_at_a_new_message_counts_in_the_send_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each attempt at sending a message counts, retries included; answers do not."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # as the application sets it
    window = SendWindow(30, Ticks())  # a clock that stands still: nothing leaves the window
    limiter = PatientRateLimiter(window=window, backoff_seconds=0)
    attempts = 0

    async def send_message() -> bool:
        nonlocal attempts
        attempts += 1
        if attempts == 1:
            raise RetryAfter(timedelta(0))  # Telegram's 429; PTB waits it out and sends again
        if attempts == 2:
            raise NetworkError("connection reset")  # retried by the bot itself
        return True

    endpoint, data = "sendMessage", {"chat_id": 1, "text": "⏰"}
    assert await limiter.process_request(send_message, (), {}, endpoint, data, None)
    assert attempts == 3
    assert window.recent() == 3  # each went out on the wire
    await limiter.process_request(_answer, (), {}, "answerCallbackQuery", {}, None)
    assert window.recent() == 3  # not a message


async def _answer() -> bool:
    return True


async def test_an_animation_counts_in_the_send_window_like_a_text_message() -> None:
    """An exercise's first step (an animation) is a message to Telegram's overall limit."""
    window = SendWindow(30, Ticks())
    limiter = PatientRateLimiter(window=window, backoff_seconds=0)
    data = {"chat_id": 1, "animation": "file-1"}
    await limiter.process_request(_answer, (), {}, "sendAnimation", data, None)
    await limiter.process_request(_answer, (), {}, "editMessageText", {"chat_id": 1}, None)
    assert window.recent() == 1


def test_an_instance_has_its_share_of_telegrams_second() -> None:
    """One instance has all of Telegram's 30 places a second; shared, its part."""
    assert window_limit(30) == 30
    assert window_limit(15) == 15  # two instances, each with half the pace
    assert window_limit(0.5) == 1


async def test_a_reply_waits_for_a_place_that_a_burst_holds() -> None:
    """A reminder burst gives way, so a reply waits for its place rather than going over:
    a place held by an answered message frees within a second."""
    clock = Ticks()
    window = SendWindow(1, clock)
    with _sleeping_on(clock):
        await _send(window, bulk=True)  # a reminder holds the one place until 101.0
        clock.now += 0.9
        await _send(window)  # the place frees in 0.1 s: the reply waits for it
        assert clock.now == pytest.approx(101.0)
        assert window.recent() == 1
        await _send(window, bulk=True)  # another reminder, once the reply's place frees ...
        assert clock.now == pytest.approx(102.0)
        await _send(window)  # ... holds it for a second, and the reply waits that second
        assert clock.now == pytest.approx(103.0)


async def test_a_reply_waits_only_so_long_for_a_message_stuck_on_the_wire() -> None:
    """A place held by a message whose answer is not back may stay held for as long as the
    answer takes: after REPLY_WAIT_SECONDS the reply goes anyway."""
    clock = Ticks()
    window = SendWindow(1, clock)
    answered = asyncio.Event()

    on_the_wire = asyncio.create_task(_on_the_wire(window, answered, bulk=True))
    await asyncio.sleep(0)
    with _sleeping_on(clock):
        await _send(window)
        assert clock.now == pytest.approx(100.0 + REPLY_WAIT_SECONDS, abs=0.005)
    answered.set()
    await on_the_wire


async def test_a_reply_waits_for_an_answered_place_even_beside_one_stuck_on_the_wire() -> None:
    """The answered place frees within a second; going over instead would meet a 429."""
    clock = Ticks()
    window = SendWindow(2, clock)
    answered = asyncio.Event()

    await _send(window, bulk=True)  # a reminder answered at 100.0: its place frees at 101.0
    on_the_wire = asyncio.create_task(_on_the_wire(window, answered))
    await asyncio.sleep(0)
    assert window.recent() == 2
    clock.now += 0.5
    with _sleeping_on(clock):
        await _send(window)
        assert clock.now == pytest.approx(101.0)  # past REPLY_WAIT_SECONDS, for that place
    answered.set()
    await on_the_wire
