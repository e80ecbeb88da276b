"""The text schema's words for a warm-up: its steps, holds, check-ins, outcome and buttons.

Part of the text schema (the top-level model is `Texts` in `texts.py`); the words of
the commands around a warm-up are in `command_texts.py`. Only words live here: what a
translator changes.
"""

from __future__ import annotations

from bot.content.base import Strict, Text


class SideLabels(Strict):
    left: Text
    right: Text


class ArmLabels(Strict):
    """A word or label for each side."""

    left: Text
    right: Text


class PrescriptionTexts(Strict):
    each_side: Text
    sets: Text
    hold: Text
    duration: Text
    reps: Text
    breaths: Text  # the reps of a breathing exercise
    suggested: Text
    chosen: Text
    level: Text


class Outcomes(Strict):
    done: Text
    skipped: Text
    stopped: Text
    sharp_pain: Text
    paused: Text


class Checkin(Strict):
    """The 0-10 pain question before and after a warm-up."""

    before: Text
    after: Text
    recorded_before: Text
    recorded_after: Text
    change: Text
    skipped: Text
    flare_up: Text
    rest_today: Text  # a check-in at rules.checkin.rest_at or above
    go_gently: Text  # the safety line when the gentle routine starts on a high check-in
    full_caution: Text  # beside the full routine at rules.checkin.caution_at or above
    seek_care: Text  # when to seek care today, at rules.checkin.rest_at or above
    after_sharp_pain: Text  # the next check-in after a warm-up stopped for sharp pain


class DurationTexts(Strict):
    """How long something took: `45 s`, `6 min 20 s`, `1 h 02 min`."""

    seconds: Text
    minutes: Text
    minutes_seconds: Text
    hours_minutes: Text


class Milestones(Strict):
    first: Text
    streak_3: Text
    streak_7: Text
    streak_30: Text


class Timer(Strict):
    """The hold countdown's words."""

    get_ready: Text
    running: Text
    stopped: Text
    finished: Text
    ended_early: Text
    ended: Text
    release: Text
    switch_side: Text
    next_set: Text
    # Hands-free: the pause between holds, what comes next, and a paused countdown.
    switching: Text
    resting: Text
    up_next: Text
    up_end: Text
    paused: Text


class SpokenTexts(Strict):
    """What the audio guide's voice says; each is spoken into a clip by `make media`."""

    get_ready: Text
    switch: Text
    rest: Text
    left: Text
    right: Text
    set: Text
    start: Text
    seconds_left: Text
    count: Text
    release: Text  # a hold's end where more of the exercise follows outside the note
    done: Text


class GuideTexts(Strict):
    """🎧 Audio guide: its voice note's caption, the word where Telegram refuses one, and
    the spoken words."""

    caption: Text
    refused_privacy: Text
    refused_here: Text
    not_sent: Text
    spoken: SpokenTexts


class AdaptTexts(Strict):
    """What the pain model made of a warm-up, under its summary."""

    green: Text
    green_run: Text
    amber: Text
    red: Text
    better: Text  # the change from before, in the light's line
    same: Text
    worse: Text
    no_before: Text
    points: Text  # "{points} points", with the language's plural forms
    lights: Text  # what the lights mean, under the first one and in /help
    up: Text
    down: Text
    moved: Text
    gentle_next: Text
    gentle_offer: Text  # on the next check-in, after a red warm-up


class MorningTexts(Strict):
    question: Text
    compared: Text  # the 0-10 answer against before yesterday's warm-up
    better: Text  # the labels of the older better/same/worse buttons, still answered
    same: Text
    worse: Text
    noted_better: Text
    noted_same: Text
    noted_worse: Text


class OfferTexts(Strict):
    """How the offer for an unfinished warm-up ends: which button was chosen."""

    resumed: Text
    started_over: Text


class Notices(Strict):
    stale: Text
    holding: Text
    not_holding: Text
    finished: Text
    not_yours: Text
    unknown: Text
    too_fast: Text
    not_sent: Text
    flagged: Text
    unscreened: Text
    safety_stop: Text
    nothing_left: Text


class Buttons(Strict):
    start: Text
    roller_yes: Text
    roller_no: Text
    chosen: Text  # the current one of a choice
    done: Text
    skip: Text
    stop: Text
    start_hold: Text
    start_timer: Text
    audio_guide: Text
    stop_hold: Text
    sharp_pain: Text
    more: Text
    less: Text
    pain_skip: Text
    quick: Text
    gentle: Text
    full_anyway: Text
    forget_yes: Text
    forget_no: Text
    remind_at: Text
    remind_type: Text
    remind_days: Text
    remind_off: Text
    remind_back: Text
    remind_save: Text
    every_day: Text
    weekdays: Text
    weekend: Text
    day_on: Text
    day_off: Text
    reminder_start: Text
    reminder_quick: Text
    reminder_snooze: Text
    reminder_skip: Text
    pause: Text
    go_on: Text
    resume: Text
    start_over: Text
    begin_routine: Text
