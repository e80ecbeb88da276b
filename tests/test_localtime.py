"""Reading times and timezones, and when a daily reminder next falls due (DST included)."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.coaching import localtime
from bot.coaching.localtime import (
    EVERY_DAY,
    WEEKDAYS,
    next_fire,
    offset_name,
    parse_time,
    parse_zone,
    read_zone,
    zone_from_local_time,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:30", time(7, 30)),
        ("07:30", time(7, 30)),
        ("19:05", time(19, 5)),
        ("7pm", time(19, 0)),
        ("7:30am", time(7, 30)),
        ("7.30 PM", time(19, 30)),
        ("7:30 a.m.", time(7, 30)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("7", time(7, 0)),
        (" 6:45 ", time(6, 45)),
        ("٧:٣٠", time(7, 30)),  # digits of other scripts read as numbers too
    ],
)
def test_common_ways_of_writing_a_time_are_understood(text: str, expected: time) -> None:
    """7:30, 19:05, 7pm and similar are read as the time they mean."""
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "soon", "25:00", "7:60", "13pm", "0am", "7m", "7:3", "-1", "7" * 5000],
)
def test_anything_else_is_not_a_time(text: str) -> None:
    """Input that is not a time of day is refused."""
    assert parse_time(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("America/New_York", "America/New_York"),
        ("UTC", "UTC"),
        ("+2", "UTC+02:00"),
        ("-5", "UTC-05:00"),
        ("UTC-05:30", "UTC-05:30"),
        ("utc+5:45", "UTC+05:45"),
        ("GMT+3", "UTC+03:00"),
        ("+14", "UTC+14:00"),
        ("-12", "UTC-12:00"),
    ],
)
def test_zone_names_and_offsets_are_understood(text: str, expected: str) -> None:
    """IANA names in any case and UTC offsets are read as stored zone names."""
    assert parse_zone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Mars/Olympus",
        "Atlantis",  # a city, but no place tzdata names
        "+15",
        "-13",
        "+5:10",
        "UTC+",
        "\u202eEurope/Berlin",
        "x" * 500,
        "19:30",  # a time of day, not an offset
        "12",
        "x5",
        "localtime",  # the server's own zone: not a place, and not in tzdata
        "Factory",  # tzdata's placeholder, not a place
    ],
)
def test_unknown_zones_are_rejected(text: str) -> None:
    """Names that are no timezone are refused."""
    assert parse_zone(text) is None


def test_a_zone_can_be_read_from_the_local_time_now() -> None:
    """The local time now gives the offset zone, to the nearest quarter hour."""
    noon_utc = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    assert zone_from_local_time(time(14, 5), noon_utc) == "UTC+02:00"
    assert zone_from_local_time(time(7, 1), noon_utc) == "UTC-05:00"
    assert zone_from_local_time(time(17, 44), noon_utc) == "UTC+05:45"
    assert zone_from_local_time(time(1, 0), datetime(2026, 6, 1, 20, 0, tzinfo=UTC)) == "UTC+05:00"


@settings(max_examples=300)
@given(
    local=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    now=st.datetimes(
        datetime(2000, 1, 1),  # noqa: DTZ001 - hypothesis takes naive bounds
        datetime(2100, 1, 1),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    form=st.sampled_from(["{h}:{m:02d}", "{h:02d}:{m:02d}", "{h}.{m:02d}"]),
)
def test_every_local_time_a_user_can_type_gives_its_offset_from_utc_now(
    local: time, now: datetime, form: str
) -> None:
    """`/timezone 19:30` stores the difference to UTC now, to the nearest 15 minutes."""
    text = form.format(h=local.hour, m=local.minute)
    minutes = (local.hour * 60 + local.minute - (now.hour * 60 + now.minute)) % (24 * 60)
    if minutes > 14 * 60:  # offsets run from -12:00 to +14:00; later than +14 is behind UTC
        minutes -= 24 * 60
    expected = offset_name(round(minutes / 15) * 15)
    assert read_zone(text, now) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+2", "UTC+02:00"),
        ("-2", "UTC-02:00"),
        ("−2", "UTC-02:00"),  # a typographic minus
        ("UTC+05:30", "UTC+05:30"),
        ("gmt -3:30", "UTC-03:30"),
        ("+0530", "UTC+05:30"),
        ("utc", "UTC"),
        ("Z", "UTC"),
        ("europe/berlin", "Europe/Berlin"),
    ],
)
def test_every_offset_form_is_accepted(text: str, expected: str) -> None:
    """Signed offsets (with or without UTC/GMT, minutes, a typographic minus) and names."""
    assert read_zone(text, datetime(2026, 6, 1, 12, 0, tzinfo=UTC)) == expected


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_a_reminder_follows_local_time_across_a_dst_change() -> None:
    """07:30 in Berlin is 06:30 UTC in winter and 05:30 UTC in summer."""
    berlin = "Europe/Berlin"
    assert next_fire(time(7, 30), EVERY_DAY, berlin, _utc(2026, 3, 28, 12)) == _utc(
        2026, 3, 29, 5, 30
    )
    assert next_fire(time(7, 30), EVERY_DAY, berlin, _utc(2026, 3, 27, 12)) == _utc(
        2026, 3, 28, 6, 30
    )


@pytest.mark.parametrize(
    ("zone", "after", "expected"),
    [
        # Berlin springs forward at 02:00 on 29 March 2026: 02:30 does not exist, 03:00 does.
        ("Europe/Berlin", _utc(2026, 3, 28, 12), _utc(2026, 3, 29, 1, 0)),
        # New York springs forward at 02:00 on 8 March 2026.
        ("America/New_York", _utc(2026, 3, 7, 12), _utc(2026, 3, 8, 7, 0)),
    ],
)
def test_a_time_skipped_by_dst_fires_at_the_next_valid_minute(
    zone: str, after: datetime, expected: datetime
) -> None:
    """A reminder time the clocks skip fires at the next minute that exists."""
    assert next_fire(time(2, 30), EVERY_DAY, zone, after) == expected


@pytest.mark.parametrize(
    ("zone", "after", "first", "next_day"),
    [
        # Berlin falls back on 25 October 2026: 02:30 happens at 00:30 and 01:30 UTC.
        (
            "Europe/Berlin",
            _utc(2026, 10, 24, 12),
            _utc(2026, 10, 25, 0, 30),
            _utc(2026, 10, 26, 1, 30),
        ),
        # New York falls back on 1 November 2026: 01:30 happens at 05:30 and 06:30 UTC.
        (
            "America/New_York",
            _utc(2026, 10, 31, 12),
            _utc(2026, 11, 1, 5, 30),
            _utc(2026, 11, 2, 6, 30),
        ),
    ],
)
def test_a_time_repeated_by_dst_fires_once(
    zone: str, after: datetime, first: datetime, next_day: datetime
) -> None:
    """A reminder time that happens twice fires at the first one only."""
    at = time(2, 30) if zone == "Europe/Berlin" else time(1, 30)
    fired = next_fire(at, EVERY_DAY, zone, after)
    assert fired == first
    assert next_fire(at, EVERY_DAY, zone, fired) == next_day  # not an hour later


def test_only_chosen_days_fire() -> None:
    """A reminder fires only on the weekdays chosen for it."""
    friday_evening = _utc(2026, 6, 5, 20)  # 5 June 2026 is a Friday
    assert next_fire(time(7, 30), WEEKDAYS, "UTC", friday_evening) == _utc(2026, 6, 8, 7, 30)
    saturday_only = 1 << 5
    assert next_fire(time(7, 30), saturday_only, "UTC", friday_evening) == _utc(2026, 6, 6, 7, 30)
    assert next_fire(time(7, 30), 0, "UTC", friday_evening) is None


def test_the_moment_itself_is_not_next() -> None:
    """The next moment after a reminder's own moment is the following day's."""
    seven = _utc(2026, 6, 1, 7, 0)
    assert next_fire(time(7, 0), EVERY_DAY, "UTC", seven) == _utc(2026, 6, 2, 7, 0)
    assert next_fire(time(7, 0), EVERY_DAY, "UTC+02:00", _utc(2026, 6, 1, 4, 0)) == seven.replace(
        hour=5
    )


def test_a_city_alone_names_its_zone() -> None:
    """A city's name alone, however written, gives its timezone; an unknown name gives none."""
    assert localtime.parse_zone("berlin") == "Europe/Berlin"
    assert localtime.parse_zone("New York") == "America/New_York"
    assert localtime.parse_zone("new_york") == "America/New_York"
    assert localtime.parse_zone("Atlantis") is None


def test_places_at_an_offset_follow_the_season_and_the_hints() -> None:
    """Places at an offset follow daylight saving on the date, with the hinted places first."""
    winter = datetime(2026, 1, 15, 12, tzinfo=UTC)
    summer = datetime(2026, 7, 15, 12, tzinfo=UTC)
    first = ["Europe/Berlin", "Europe/London"]
    assert localtime.places_at("UTC+01:00", winter, first=first)[0] == "Europe/Berlin"
    assert "Europe/London" not in localtime.places_at("UTC+01:00", winter, first=first)
    assert localtime.places_at("UTC+01:00", summer, first=first)[0] == "Europe/London"
    assert all("/" in place for place in localtime.places_at("UTC+00:00", winter, first=[]))
    assert localtime.is_fixed_offset("UTC+02:00")
    assert not localtime.is_fixed_offset("Europe/Berlin")
