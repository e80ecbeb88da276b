"""Local wall-clock time: reading times and timezones people type, and when a daily reminder
next falls due in UTC. Pure functions; DST handled by zoneinfo and the rules below.

A reminder set for a time that does not exist on a day (clocks spring forward over it) fires at
the next minute that does. A time that happens twice (clocks fall back) fires at the first one.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

EVERY_DAY = 0b1111111  # bit 0 is Monday, as in date.weekday()
WEEKDAYS = 0b0011111
WEEKEND = 0b1100000

_TIME = re.compile(
    r"(?P<hour>\d{1,2})(?:\s*[:.h]\s*(?P<minute>\d{2}))?(?:\s*(?P<half>[ap])\.?\s*m?\.?)?", re.I
)
_OFFSET = re.compile(
    r"(?:utc|gmt)?\s*(?P<sign>[+\-−])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?"
)
_OFFSET_NAME = re.compile(r"UTC(?P<sign>[+-])(?P<hours>\d{2}):(?P<minutes>\d{2})")
# tzdata's placeholder for "no zone set", which is no place anyone lives.
_NOT_PLACES = frozenset({"Factory"})
_MAX_INPUT = 64  # longer input is never a time or a zone; don't run regexes over a novel


def parse_time(text: str) -> time | None:
    """`7:30`, `07:30`, `19:05`, `7pm`, `7:30am`, `7.30 pm`, `7` → a time; anything else None."""
    text = text.strip()
    if len(text) > _MAX_INPUT or not (match := _TIME.fullmatch(text)):
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_zone(text: str) -> str | None:
    """An IANA name (`Europe/Berlin`, any case), its city alone (`berlin`, `New York`), or a UTC
    offset (`+2`, `UTC-05:30`), as the name the bot stores (`Europe/Berlin`, `UTC+02:00`);
    None if it is none of them."""
    text = text.strip()
    if not text or len(text) > _MAX_INPUT:
        return None
    if (name := _zone_names().get(text.lower())) is not None:
        return name
    if (name := _city_names().get(text.lower().replace("_", " "))) is not None:
        return name
    if not (match := _OFFSET.fullmatch(text.lower())):
        return "UTC" if text.upper() in {"UTC", "GMT", "Z"} else None
    minutes = int(match["hours"]) * 60 + int(match["minutes"] or 0)
    sign = -1 if match["sign"] in "-−" else 1
    if int(match["minutes"] or 0) % 15 or not -12 * 60 <= sign * minutes <= 14 * 60:
        return None
    return offset_name(sign * minutes)


def read_zone(text: str, now: datetime) -> str | None:
    """What `/timezone` was given: a zone name, an offset, or the local time now (as the
    offset zone in which it is that time now); None if it is none of them."""
    if len(text) > _MAX_INPUT:
        return None
    if (name := parse_zone(text)) is not None:
        return name
    if (local := parse_time(text)) is not None:
        return zone_from_local_time(local, now)
    return None


def is_fixed_offset(name: str) -> bool:
    """Whether a stored zone is a bare offset, which no clock change ever moves."""
    return _OFFSET_NAME.fullmatch(name) is not None


def places_at(name: str, now: datetime, *, first: list[str]) -> list[str]:
    """The places whose clocks show the same time as the offset zone `name` at `now`: those
    in `first` (in its order) ahead of the rest, then the rest by name."""
    offset = zone(name).utcoffset(now)
    here = [
        place
        for place in _zone_names().values()
        if "/" in place
        and place.split("/")[0] in _REGIONS
        and now.astimezone(ZoneInfo(place)).utcoffset() == offset
    ]
    rank = {place: i for i, place in enumerate(first)}
    return sorted(here, key=lambda place: (rank.get(place, len(rank)), place))


def city_of(name: str) -> str:
    """`America/New_York` → `New York`."""
    return name.rsplit("/", 1)[-1].replace("_", " ")


def offset_name(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def zone_from_local_time(local: time, now: datetime) -> str:
    """The offset zone in which it is `local` o'clock at `now`, to the nearest quarter hour."""
    utc_minutes = now.astimezone(UTC).hour * 60 + now.astimezone(UTC).minute
    difference = (local.hour * 60 + local.minute - utc_minutes) % (24 * 60)
    if difference > 14 * 60:  # offsets run from -12:00 to +14:00
        difference -= 24 * 60
    return offset_name(round(difference / 15) * 15)


def zone(name: str) -> tzinfo:
    """The tzinfo for a stored zone name."""
    if match := _OFFSET_NAME.fullmatch(name):
        minutes = int(match["hours"]) * 60 + int(match["minutes"])
        sign = -1 if match["sign"] == "-" else 1
        return timezone(timedelta(minutes=sign * minutes), name)
    return ZoneInfo(name)


def next_fire(at: time, days: int, zone_name: str, after: datetime) -> datetime | None:
    """The first moment strictly after `after` when it is `at` o'clock locally on one of `days`.

    Returned in UTC. None if `days` selects no day at all.
    """
    if not days & EVERY_DAY:
        return None
    tz = zone(zone_name)
    day = after.astimezone(tz).date() - timedelta(days=1)  # yesterday's may still be ahead
    for _ in range(9):
        if days & (1 << day.weekday()):
            moment = _existing(day, at, tz)
            if moment > after:
                return moment.astimezone(UTC)
        day += timedelta(days=1)
    raise AssertionError("a selected weekday occurs within nine days")  # pragma: no cover


def local_today(zone_name: str, now: datetime) -> date:
    return now.astimezone(zone(zone_name)).date()


def _existing(day: date, at: time, tz: tzinfo) -> datetime:
    """`at` on `day` in `tz`; first occurrence if doubled, next real minute if skipped."""
    wall = datetime.combine(day, at, tzinfo=tz)  # fold=0 is the first of two occurrences
    for _ in range(24 * 60):
        if _exists(wall):
            return wall
        wall += timedelta(minutes=1)  # wall-clock arithmetic: same tzinfo, no UTC round trip
    raise AssertionError("no transition skips a whole day")  # pragma: no cover


def _exists(wall: datetime) -> bool:
    round_trip = wall.astimezone(UTC).astimezone(wall.tzinfo)
    return round_trip.replace(tzinfo=None) == wall.replace(tzinfo=None)


# The continents and oceans people live in: not Etc/ or the old aliases (US/, Canada/).
_REGIONS = frozenset(
    {"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian",
     "Pacific"}
)  # fmt: skip


@cache
def _city_names() -> dict[str, str]:
    """Places by their city alone (`berlin`, `new york`), where only one place has the name."""
    by_city: dict[str, list[str]] = {}
    for name in _zone_names().values():
        if "/" in name and name.split("/")[0] in _REGIONS:
            by_city.setdefault(city_of(name).lower(), []).append(name)
    return {city: names[0] for city, names in by_city.items() if len(names) == 1}


@cache
def _zone_names() -> dict[str, str]:
    """The places tzdata ships, by lower-case name.

    Not `available_timezones()`: that also lists the system's own files, such as `localtime`
    (the server's zone, which a chat's reminder must never follow) and names tzdata lacks.
    """
    listed = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
    return {name.lower(): name for name in listed if name not in _NOT_PLACES}
