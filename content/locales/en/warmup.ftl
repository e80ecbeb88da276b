### During a warm-up: the step message, its buttons, the countdown, and short notices.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

# Under the warm-up's first timed exercise while hands-free timers are on, and under its first
# exercise with levels: where each first shows, in the step itself.
first_timed = 🙌 One ⏱ Start runs it all, hands-free.
first_level = 📶 Levels: you start easy; greens move you up, reds down (/help).
alternative = 🔁 <i>Our alternative to the foam roll, with the same aim; not in the source.</i>
step_header = <b>Step { $number }/{ $total } · { $name }</b>
step_number = <b>Step { $number }/{ $total }</b>
set_label = Set { $set }/{ $sets }
side_labels-left = Left side
side_labels-right = Right side
arm_labels-left = left arm
arm_labels-right = right arm
side_words-left = left
side_words-right = right
targets = <i>Works: { $targets }</i>
why = <i>Why: { $why }</i>
targets_ours = <i>Works (our reading): { $targets }</i>
why_ours = <i>Why (our reading): { $why }</i>
prescription-each_side = each side
prescription-sets = { $sets } sets
prescription-hold = hold { $seconds } s
prescription-duration = foam roll { $seconds } s
prescription-reps =
    { $reps ->
        [one] { $reps } rep
       *[other] { $reps } reps
    }
prescription-suggested = (suggested)
prescription-chosen = (your setting)
prescription-level = (level { $level } of { $levels })
prescription-breaths =
    { $reps ->
        [one] { $reps } breath
       *[other] { $reps } breaths
    }
outcomes-done = ✅ Done
outcomes-skipped = ⏭ Skipped
outcomes-stopped = ⏹ Stopped here
outcomes-sharp_pain = ⚠️ Stopped for sharp pain
outcomes-paused = ⏸ Continued below
timer-get_ready = Get into position… { $seconds }
timer-running = ⏱ { $left } s left
timer-stopped = ⏹ Hold stopped with { $left } s to go.
timer-finished = ⏱ { $seconds } s done.
timer-ended_early = ✅ Finished with { $left } s to go.
timer-ended = ⏹ Countdown ended.
timer-release = ⏰ Time's up: release.
timer-switch_side = ⏰ Time's up: switch to the { $side }.
timer-next_set = ⏰ Time's up: set { $set }/{ $sets } next.
timer-switching = 🔄 Switch sides… { $seconds }
timer-resting = 😮‍💨 Rest… { $seconds } s (suggested)
timer-up_next = Next: { $what }
timer-up_end = the end of the warm-up
timer-paused = ⏸ Paused with { $left } s to go.
notices-stale = That button is from an earlier step; nothing changed.
notices-holding = The countdown is already running.
notices-not_holding = That countdown is already over.
notices-finished = That warm-up is already over. Send /warmup for a new one.
notices-not_yours = That button belongs to someone else's warm-up.
notices-unknown = That button no longer works. Send /warmup to carry on.
notices-not_sent = Telegram did not take that message just now. Tap ⏱ Start again in a moment.
notices-too_fast = Messages are arriving faster than I can answer, so I skipped some. Give me a moment, then carry on.
notices-flagged = You told me a warning sign applies, so no warm-up until a clinician has checked you. See /safety.
notices-unscreened = Answer the safety check first. Send /warmup to see it.
notices-safety_stop = This warm-up was stopped because you told me a warning sign applies. See /safety.
notices-nothing_left = Every exercise of this routine is left out for you. Try another in /routines, or put exercises back in /settings.
buttons-start = ▶️ Start warm-up
buttons-roller_yes = 🧽 I have a foam roller
buttons-roller_no = No foam roller
buttons-chosen = ✅ { $label }
buttons-done = ✅ Done
buttons-skip = ⏭ Skip
buttons-stop = ⏹ Stop
buttons-start_hold = ⏱ Start { $seconds }s hold
buttons-start_timer = ⏱ Start { $seconds }s timer
buttons-audio_guide = 🎧 Audio guide
buttons-stop_hold = ⏹ Stop hold
buttons-pause = ⏸ Pause
buttons-go_on = ▶️ Go on
buttons-sharp_pain = ⚠️ Sharp pain
buttons-more = ℹ️ More
buttons-less = ℹ️ Less
buttons-pain_skip = Skip check-in
buttons-quick = ⚡ Quick ({ $minutes } min)
buttons-gentle = 🌿 Gentle version
buttons-full_anyway = Full routine anyway
buttons-forget_yes = 🗑 Delete everything
buttons-forget_no = Keep my data
buttons-resume = ▶️ Resume (step { $number }/{ $total })
buttons-start_over = 🔄 Start over
buttons-begin_routine = ▶️ { $title }
buttons-remind_at = { $time }
buttons-remind_type = ⌨️ Type a time
buttons-remind_days = 📅 Days: { $days }
buttons-remind_off = 🔕 Off
buttons-remind_save = ✅ Save
buttons-remind_back = ↩️ Back
buttons-every_day = Every day
buttons-weekdays = Weekdays
buttons-weekend = Weekends
buttons-day_on = ✅ { $day }
buttons-day_off = { $day }
buttons-reminder_start = ▶️ Start
buttons-reminder_quick = ⚡ Quick
buttons-reminder_snooze = ⏰ Snooze { $minutes } min
buttons-reminder_skip = 🛌 Skip today
# How a line of ours begins among an exercise's how (.how-N in routine-*.ftl): an addition
# to the source, or a change to what it says. Every such line starts with one of these.
ours-suggestion = Our suggestion:
ours-change = Our change:
