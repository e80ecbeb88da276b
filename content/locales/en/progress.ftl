### /progress and its chart, /rest, /export and /forget, /pictures.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

progress-title = 📈 <b>Your progress</b>
progress-empty = No finished warm-ups yet. Send /warmup to start one; your progress shows here.
progress-streak = Streak: { $streak } (best: { $best })
progress-week = This week: { $done } of { $target }
progress-totals = Finished: { $sessions }, { $average } on average
progress-completion = Completion: { $percent }% of warm-ups started were finished
progress-most_skipped = Skipped most: { $name } ({ $times }×)
progress-pain = Back pain: { $change } points lower after a warm-up, on average ({ $count } check-ins)
progress-pain_worse = Back pain: { $change } points higher after a warm-up, on average ({ $count } check-ins)
progress-insight_title = <b>What seems to help</b>
progress-insight = { $name }: { $change } points more relief in the { $with_it } that included it than in the { $without_it } that left it out
progress-insight_less = { $name }: { $change } points less relief in the { $with_it } that included it than in the { $without_it } that left it out
progress-insight_basis = From { $count } with check-ins before and after. A pattern, not proof.
progress-no_contrast = You did (nearly) every exercise every time, so I can't yet tell which helps most. An exercise is compared once it was done in { $least } warm-ups with check-ins and left out of { $least } others.
progress-trend = Back before a warm-up: { $recent }/10 on average in the last { $days } days, { $earlier }/10 in the { $days } days before.
progress-levels = Levels: { $levels }
progress-level = { $name } { $level } of { $levels }
progress-chart_caption = Last 6 weeks: back pain before (hollow circles) and after (filled squares) each warm-up, and warm-ups per day.
progress-chart_sessions = warm-ups
progress-chart_pain = pain 0-10
progress-chart_before = before
progress-chart_after = after
progress-target_set = Weekly target: { $target } warm-ups.
progress-target_help = Send /target and a number from 1 to 7, like /target 5.
progress-warmups =
    { $count ->
        [one] { $count } warm-up
       *[other] { $count } warm-ups
    }
rest-taken = 🛌 Rest day today: your streak is kept. One rest day a week keeps it.
rest-already = 🛌 This week's rest day was { $day }; one a week keeps a streak, so today without a warm-up would end it.
rest-warmed_up = You've already warmed up today: no rest day needed.
# What each part of the /export file holds, written into the file beside it.
data-about-chats = This chat's settings: timezone, weekly target, hands-free, pauses, foam roller, pictures, levels, language, and the safety check's answer.
data-about-reminders = The daily reminder: its time (in the chat's timezone), its days, and when it was last sent.
data-about-warmup_sessions = Each warm-up: the routine, when it began and ended, where it stopped, the back pain before and after (0-10), and the next morning's answer.
data-about-step_events = Each exercise, side and set of a warm-up: done or skipped, and when.
data-about-rest_days = The rest days taken.
data-about-milestones = The milestones reached.
data-about-inbox = Messages and taps the bot received in the last day, kept so that a restart loses none.
data-about-people = Your own answers, in every chat: the safety check and your precautions.
data-export_caption = Everything stored for this chat.
data-forget_ask = Delete everything stored for this chat: warm-ups, check-ins, reminder and settings? This cannot be undone.
data-forgotten = 🗑 Done. Nothing is stored for this chat any more. /start begins afresh.
data-kept = Nothing was deleted.
data-forget_expired = That confirmation has expired. Send /forget again.
pictures-shown = 🎞 Animations on. Each exercise starts with a short animation of the movement.
pictures-hidden = 📝 Animations off. Steps come as text only; /pictures on brings the animations back.
pictures-usage = Each exercise starts with a short animation of the movement. Send /pictures off for text only (it saves data), /pictures on to have them back.
