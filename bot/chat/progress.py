"""/progress in the chat: the report's text, its chart as a PNG, and the button that opens
the Mini App."""

from __future__ import annotations

from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo

from bot.chat.render import format_duration, one_decimal, streak, warmups
from bot.coaching.progress import Day, Report
from bot.config import Settings
from bot.content import Texts
from bot.runtime.context import CoachContext


def chart_png(days: list[Day], texts: Texts) -> bytes:
    """The 6-week chart. matplotlib is imported here, on the first /progress, not at start-up:
    it is most of the bot's import time and most chats never ask for a chart."""
    from bot.drawing import chart  # noqa: PLC0415 - imported when first needed, see above

    return chart.render(days, texts.progress, texts.locale)


def progress_report(texts: Texts, report: Report) -> str:
    """The /progress text: habit first, then pain, then what seems to help."""
    words = texts.progress
    if not report.sessions:
        return words.empty
    lines = [
        words.title,
        words.streak.format(
            streak=streak(texts, report.streak), best=streak(texts, report.best_streak)
        ),
        words.week.format(done=report.this_week, target=warmups(texts, report.weekly_target)),
        words.totals.format(
            sessions=warmups(texts, report.sessions),
            average=format_duration(texts, report.average_seconds or 0),
        ),
    ]
    if report.completion_percent is not None:
        lines.append(words.completion.format(percent=report.completion_percent))
    if report.most_skipped is not None:
        name, times = report.most_skipped
        lines.append(words.most_skipped.format(name=escape(name), times=times))
    if report.pain_change is not None:
        template = words.pain if report.pain_change >= 0 else words.pain_worse
        change = one_decimal(abs(report.pain_change))
        lines.append(template.format(change=change, count=report.pain_checkins))
    if report.before_trend is not None:
        recent, earlier = report.before_trend
        lines.append(
            words.trend.format(
                recent=one_decimal(recent), earlier=one_decimal(earlier), days=report.trend_days
            )
        )
    if report.levels:
        levels = ", ".join(
            words.level.format(name=escape(name), level=level, levels=count)
            for name, level, count in report.levels
        )
        lines.append(words.levels.format(levels=levels))
    lines += _insight_lines(texts, report)
    return "\n".join(lines)


def _insight_lines(texts: Texts, report: Report) -> list[str]:
    """What seems to help, once there are enough check-ins; or that the exercises cannot be
    told apart yet (someone who always does all of them gives no contrast)."""
    words = texts.progress
    if report.pain_checkins < report.insight_min_sessions:
        return []
    lines = ["", words.insight_title]
    if not report.insights:
        return [*lines, words.no_contrast.format(least=report.insight_min_each_way)]
    lines += [
        (words.insight if i.difference >= 0 else words.insight_less).format(
            name=escape(i.name),
            change=one_decimal(abs(i.difference)),
            with_it=warmups(texts, i.with_it),
            without_it=i.without_it,
        )
        for i in report.insights
    ]
    return [*lines, words.insight_basis.format(count=warmups(texts, report.pain_checkins))]


def page_url(settings: Settings) -> str | None:
    """The Mini App's page as Telegram opens it (WEBAPP_URL), or None when there is none."""
    return f"{settings.webapp_url.rstrip('/')}/" if settings.webapp_url else None


def open_app(context: CoachContext, private: bool) -> InlineKeyboardMarkup | None:
    """`📊 Open progress` under /progress, where there is an app and the chat is private
    (Telegram opens a Mini App from an inline button in private chats only)."""
    url = page_url(context.services.settings)
    if url is None or not private:
        return None
    button = InlineKeyboardButton(context.texts.webapp.open_progress, web_app=WebAppInfo(url))
    return InlineKeyboardMarkup([[button]])
