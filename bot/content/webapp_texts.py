"""The text schema's words for the progress and settings Mini App (`bot/webapp/`).

Part of the text schema (the top-level model is `Texts` in `texts.py`): the page shows
only these words, sent to it with its data, so it speaks as the chat does. Labels only, no
`{fields}`: the page puts each number beside its label.
"""

from __future__ import annotations

from bot.content.base import Strict, Text


class WebAppTabs(Strict):
    calendar: Text
    pain: Text
    levels: Text
    library: Text
    settings: Text


class WebAppLegend(Strict):
    """What a day of the calendar can be."""

    complete: Text
    partial: Text
    rest: Text
    none: Text


class WebAppFields(Strict):
    """The settings the app offers, as /settings has them."""

    hf: Text
    voice: Text
    switch: Text
    rest: Text
    roller: Text
    pics: Text
    morning: Text
    lang: Text
    target: Text


class WebAppTexts(Strict):
    title: Text
    loading: Text
    unauthorized: Text  # the page opened outside Telegram, or its sign-in is too old
    failed: Text  # the data could not be loaded or saved
    tabs: WebAppTabs
    calendar_heading: Text
    legend: WebAppLegend
    streak: Text
    best_streak: Text
    this_week: Text
    weekly_target: Text
    pain_heading: Text
    pain_note: Text  # what the scale means
    pain_before: Text
    pain_after: Text
    pain_empty: Text
    levels_heading: Text
    levels_empty: Text
    level: Text
    moves: Text  # what moves an exercise's level (how the bot adapts)
    library_heading: Text
    how: Text
    works: Text
    why: Text
    settings_heading: Text
    fields: WebAppFields
    saved: Text  # a choice stored: the chat uses it from now on
    not_offered: Text
    on: Text
    off: Text
    in_chat: Text  # the line the chat gets when the app changed a setting: what, and its value
    open_progress: Text  # the button under /progress that opens the app
    menu_button: Text  # the chat's menu button
