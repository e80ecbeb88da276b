"""Which `{fields}` each text template may use, and the check that a text uses no other.

A misspelt field (`{numbr}`) would otherwise only fail when the message is formatted, in
front of a user; checking every template at start-up turns it into a content error that
names the field's path in the texts.
"""

from __future__ import annotations

import string
from typing import Any

# The fields each template may use; any other `{name}` in a text is a content error, and a
# text not listed here may use none.
TEMPLATE_FIELDS: dict[str, set[str]] = {
    "needs_roller": {"count", "names"},
    "routine_roller": {"count", "names"},
    "groups.not_yours": {"name"},
    "groups.busy": {"name"},
    "welcome": {"count", "minutes"},
    "typed.step": {"number", "total"},
    "intro": {"title", "count", "minutes"},
    "buttons.chosen": {"label"},
    "step_header": {"number", "total", "name"},
    "set_label": {"set", "sets"},
    "step_number": {"number", "total"},
    "targets": {"targets"},
    "why": {"why"},
    "targets_ours": {"targets"},
    "why_ours": {"why"},
    "prescription.sets": {"sets"},
    "prescription.hold": {"seconds"},
    "prescription.duration": {"seconds"},
    "prescription.reps": {"reps"},
    "prescription.level": {"level", "levels"},
    "complete": {"done", "total", "skipped_list", "duration", "sessions", "streak"},
    "skipped_list": {"names"},
    "streak_days": {"days"},
    "duration.seconds": {"seconds"},
    "duration.minutes": {"minutes"},
    "duration.minutes_seconds": {"minutes", "seconds"},
    "duration.hours_minutes": {"hours", "minutes"},
    "prescription.breaths": {"reps"},
    "language.page": {"language"},
    "language.page_group": {"language"},
    "settings.buttons.language": {"language"},
    "stopped": {"done", "total"},
    "unfinished": {"title", "number", "total"},
    "routine_line": {"title", "count", "minutes"},
    "timer.get_ready": {"seconds"},
    "timer.running": {"left"},
    "timer.stopped": {"left"},
    "timer.finished": {"seconds"},
    "timer.ended_early": {"left"},
    "timer.switch_side": {"side"},
    "timer.next_set": {"set", "sets"},
    "timer.switching": {"seconds"},
    "timer.resting": {"seconds"},
    "timer.up_next": {"what"},
    "timer.paused": {"left"},
    "guide.caption": {"name"},
    "webapp.in_chat": {"setting", "value"},
    "webapp.moves": {"greens", "green_max", "red_from", "worse_by"},
    "guide.spoken.set": {"number"},
    "guide.spoken.seconds_left": {"seconds"},
    "guide.spoken.count": {"number"},
    "buttons.start_hold": {"seconds"},
    "buttons.start_timer": {"seconds"},
    "checkin.recorded_before": {"pain"},
    "checkin.recorded_after": {"pain"},
    "checkin.change": {"before", "after"},
    "checkin.flare_up": {"pain", "minutes"},
    "checkin.rest_today": {"pain", "minutes"},
    "checkin.after_sharp_pain": {"exercise"},
    "checkin.go_gently": {"pain"},
    "precautions.left_out": {"names"},
    "precautions.swapped": {"names"},
    "precautions.leave_out": {"exercise"},
    "precautions.left_out_now": {"exercise"},
    "precautions.put_back": {"exercise"},
    "precautions.page": {"precautions", "left_out"},
    "progress.streak": {"streak", "best"},
    "progress.week": {"done", "target"},
    "progress.totals": {"sessions", "average"},
    "progress.completion": {"percent"},
    "progress.most_skipped": {"name", "times"},
    "progress.pain": {"change", "count"},
    "progress.pain_worse": {"change", "count"},
    "progress.insight": {"name", "change", "with_it", "without_it"},
    "progress.insight_less": {"name", "change", "with_it", "without_it"},
    "progress.insight_basis": {"count"},
    "rest.already": {"day"},
    "morning.compared": {"pain", "change"},
    "adapt.green": {"after", "change"},
    "adapt.green_run": {"greens", "needed"},
    "adapt.amber": {"after", "change"},
    "adapt.red": {"after", "change"},
    "adapt.better": {"points"},
    "adapt.worse": {"points"},
    "adapt.points": {"points"},
    "adapt.lights": {"green_max", "red_from", "worse_by", "needed"},
    "adapt.moved": {"name", "prescription"},
    "progress.no_contrast": {"least"},
    "progress.trend": {"recent", "earlier", "days"},
    "progress.warmups": {"count"},
    "progress.levels": {"levels"},
    "progress.level": {"name", "level", "levels"},
    "progress.target_set": {"target"},
    "buttons.quick": {"minutes"},
    "reminders.on_days": {"days"},
    "reminders.status_on": {"time", "days", "zone"},
    "reminders.status_waiting": {"time", "days"},
    "reminders.zone_now": {"zone", "time"},
    "reminders.message": {"count", "minutes"},
    "reminders.message_streak": {"streak"},
    "reminders.snoozed": {"time"},
    "buttons.remind_at": {"time"},
    "buttons.remind_days": {"days"},
    "buttons.day_on": {"day"},
    "buttons.day_off": {"day"},
    "buttons.reminder_snooze": {"minutes"},
    "buttons.resume": {"number", "total"},
    "buttons.begin_routine": {"title"},
    "settings.main": {
        "hands_free",
        "switch",
        "rest",
        "roller",
        "pictures",
        "morning",
        "reminder",
        "zone",
        "target",
        "audio_guide",
        "language",
    },
    "settings.exercise_page": {"name", "prescription", "source"},
    "settings.target_page": {"target"},
    "settings.zone_page": {"zone"},
    "settings.seconds": {"seconds", "sets", "reps"},
    "settings.sets": {"seconds", "sets", "reps"},
    "settings.reps": {"seconds", "sets", "reps"},
    "settings.level": {"level"},
    "settings.buttons.hands_free": {"value"},
    "settings.buttons.audio_guide": {"value"},
    "settings.buttons.switch": {"seconds"},
    "settings.buttons.rest": {"seconds"},
    "settings.buttons.roller": {"value"},
    "settings.buttons.pictures": {"value"},
    "settings.buttons.morning": {"value"},
    "settings.buttons.target": {"target"},
}


def check_placeholders(texts: dict[str, Any]) -> None:
    """Raise ValueError naming the first text, by dotted path, that uses a field it may not,
    or that is not a valid format string."""
    for path, template in _strings(texts):
        allowed = TEMPLATE_FIELDS.get(path, set())
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from exc
        if unknown := used - allowed:
            names = ", ".join(sorted(unknown))
            raise ValueError(f"{path}: unknown placeholder(s) {names}")


def _strings(tree: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """Every string in a dumped model, by its dotted path: the key `TEMPLATE_FIELDS` uses."""
    found: list[tuple[str, str]] = []
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, str):
            found.append((path, value))
        elif isinstance(value, dict):
            found.extend(_strings(value, f"{path}."))
    return found
