### The end of a warm-up: summary, streak, the traffic light, and the next morning's question.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

complete =
    🎉 <b>Warm-up complete</b>
    Done: { $done } of { $total } exercises{ $skipped_list }
    Time: { $duration }
    Sessions completed: { $sessions }
    Streak: { $streak }
# How long a warm-up took. A number written NUMBER(..., minimumIntegerDigits: 2) keeps two digits.
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-minutes_seconds = { $minutes } min { NUMBER($seconds, minimumIntegerDigits: 2) } s
duration-hours_minutes = { $hours } h { NUMBER($minutes, minimumIntegerDigits: 2) } min
skipped_list = { " " }(skipped: { $names })
# Under a person's first summary: what the streak counts and what keeps it.
streak_rule = A streak counts the days in a row with a finished warm-up, by your own clock; one /rest day a week keeps it going.
streak_days =
    { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
stopped = Warm-up stopped after { $done } of { $total } exercises. Send /warmup to start again.
nothing_to_stop = There is no warm-up running. Send /warmup to start one.
nothing_done = Every exercise was skipped, so this one is not counted as a warm-up: no streak and no milestone. That's fine on a day that isn't right; /warmup is here when it is.
unfinished = You have an unfinished { $title } at step { $number }/{ $total }.
milestones-first = 🏅 Your first warm-up is done.
milestones-streak_3 = 🏅 Three days in a row.
milestones-streak_7 = 🏅 A whole week in a row.
milestones-streak_30 = 🏅 Thirty days in a row.
adapt-green = 🟢 Green: { $after }/10 after, { $change }.
adapt-amber = 🟡 Amber: { $after }/10 after, { $change }. That is fine if it has settled by tomorrow morning; you stay at your level.
adapt-red = 🔴 Red: { $after }/10 after, { $change }.
adapt-better = { $points } lower than before
adapt-same = the same as before
adapt-worse = { $points } higher than before
adapt-no_before = with no score before to compare
adapt-green_run = { $greens } of { $needed } greens in a row toward the next level.
# Shown under the first light, and in /help. The numbers are the rules' (rules.yaml, pain_model).
adapt-lights = How the lights work: 🟢 green is { $green_max }/10 or less after, and no worse than before; { $needed } greens in a row move you one level up. 🟡 amber is anything in between: you stay where you are. 🔴 red is { $red_from }/10 or more after, or { $worse_by } or more points worse than before: one level down, and the gentle version offered next time.
adapt-up = ⬆️ Next time, one level up:
adapt-down = ⬇️ Next time, one level down:
adapt-moved = • { $name }: { $prescription }
adapt-gentle_next = Next time I'll offer the gentle version first. If the pain has not settled by tomorrow, rest; if it keeps coming back, see a doctor or physiotherapist.
adapt-gentle_offer = Last time came out 🔴 red (high or rising pain after the warm-up, or higher the next morning). The gentle version is here if you'd like it today.
adapt-points =
    { $points ->
        [one] { $points } point
       *[other] { $points } points
    }
morning-question = 🌅 Good morning. How is your back this morning? Tap 0 (no pain) to 10 (the worst); I'll compare it with yesterday's.
morning-compared = { $pain }/10 this morning, { $change }.
morning-better = Better
morning-same = Same
morning-worse = Worse
morning-noted_better = Better: good to hear. Carry on.
morning-noted_same = About the same: that's fine. Pain no higher the next morning means the warm-up is at a level you can take.
morning-noted_worse = Higher: yesterday may have been too much, so next time is easier where there are levels, and I'll offer the gentle version first. Rest if it hurts; if it keeps coming back, see a doctor or physiotherapist.
