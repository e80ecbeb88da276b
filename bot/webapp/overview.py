"""What the Mini App shows a person, as JSON: their calendar, check-ins, levels, the exercise
library and their settings, in the chat's own words (`texts.webapp`).

Built from the same coaching code as /progress and /settings, so the app and the chat never
disagree; `bot/webapp/static/` draws it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from bot.chat import render
from bot.chat.days import weekday_names
from bot.coaching import calendar, preferences, progress
from bot.coaching.coach import Cursor, Side
from bot.content import Content, Routine
from bot.runtime.context import CoachContext
from bot.webapp import form

Json = dict[str, Any]


async def overview(context: CoachContext, chat_id: int, first_name: str) -> Json:
    """Everything the app's pages show, for the person whose chat is `chat_id`."""
    content, now = context.content, context.now()
    loaded = await progress.load(context.db, chat_id=chat_id, now=now)
    report, history = progress.of(content, loaded, now), calendar.history(content, loaded, now)
    snap = await preferences.snapshot(context.db, chat_id=chat_id, now=now)
    routine = preferences.shape(content, content.default_routine, snap.prefs)
    return {
        "texts": words(content),
        "person": {"first_name": first_name},
        "calendar": {
            "days": [_day(day, day is history.days[-1]) for day in history.days],
            "streak": report.streak,
            "best_streak": report.best_streak,
            "this_week": report.this_week,
            "weekly_target": report.weekly_target,
        },
        "pain": [_checkin(checkin) for checkin in history.checkins],
        "levels": _levels(content, routine),
        "library": [_exercise(context, routine, index) for index in range(len(routine.steps))],
        "settings": form.settings(content, snap),
    }


def words(content: Content) -> Json:
    """The app's words, with the rules' numbers written into what moves a level."""
    texts = content.texts.webapp.model_dump()
    model = content.rules.pain_model
    texts["moves"] = content.texts.webapp.moves.format(
        greens=model.greens_to_step_up,
        green_max=model.green_max,
        red_from=model.red_from,
        worse_by=model.worse_by,
    )
    texts["weekdays"] = weekday_names(content.texts, "short")  # Babel's, Monday first
    texts["locale"] = content.texts.locale
    return texts


def _day(day: calendar.CalendarDay, today: bool) -> Json:
    return {
        "date": day.day.isoformat(),
        "weekday": day.day.weekday(),
        "state": day.state.value,
        "today": today,
    }


def _checkin(checkin: calendar.Checkin) -> Json:
    return {
        "date": checkin.day.isoformat(),
        "at": checkin.at.isoformat(),
        "before": checkin.before,
        "after": checkin.after,
    }


def _levels(content: Content, routine: Routine) -> list[Json]:
    return [
        {
            "id": step.id,
            "name": step.name,
            "level": step.prescription.level,
            "levels": step.prescription.levels,
            "dose": render.prescription(content.texts, step.prescription),
        }
        for step in routine.steps
        if step.prescription.level is not None and step.prescription.levels is not None
    ]


def _exercise(context: CoachContext, routine: Routine, index: int) -> Json:
    """One exercise as the step message's More shows it (its first side named)."""
    texts, step = context.texts, routine.steps[index]
    cursor = Cursor(index, 1, Side.LEFT if step.prescription.per_side else None)
    works, why = render.works_and_why(texts, step)
    demo = context.services.pictures.demo_for(routine, cursor)
    return {
        "id": step.id,
        "name": step.name,
        "target": ", ".join(step.targets),
        "how": "<br>".join(
            f"• {escape(line)}" for line in render.sided(texts, step.instructions, cursor)
        ),
        "works": works,
        "why": why,
        "dose": render.prescription(texts, step.prescription),
        "animation": f"media/{demo.path.name}" if demo is not None else None,
    }
