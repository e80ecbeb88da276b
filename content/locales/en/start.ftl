### /start, /help, /routines, and what is said outside a warm-up.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

welcome =
    <b>Back Warm-up Coach</b>
    { $count } moves that loosen your lower back and hips before a workout or after long sitting: about { $minutes } minutes. You need a mat; a foam roller if you have one.
safety = 🩺 If your back hurts, check with a doctor first. Stop at once on sharp pain, numbness or tingling. I coach; I can't diagnose.
help =
    <b>Commands</b>
    /warmup – start the warm-up, or pick up where you left off
    /stop – end the current warm-up and keep what you did
    /routines – all routines you can start
    /progress – streaks, weekly target, pain trend and a chart
    /settings – holds, sets and reps, hands-free timers, pauses, foam roller, pictures, reminder, timezone and target, in one menu
    /target – your weekly target: /target 5
    /export – everything stored for this chat, as a file
    /forget – delete everything stored for this chat
    /remind – a daily reminder at your time: /remind 7:30, /remind 7pm, /remind off
    /timezone – your timezone, best as your city: /timezone Berlin, /timezone America/New_York
    /pictures – each exercise's animation on or off (off saves data): /pictures off
    /language – the language I speak: /language es
    /rest – a rest day today: your streak is kept (one a week)
    /safety – the safety note and the safety check again
    /help – this list
    
    During a warm-up, one tap on ⏱ Start runs a timed exercise hands-free: every side and set, with a pause to switch sides and a rest between sets, then the next exercise arrives. ⏸ Pause holds the timer; /settings turns hands-free off for one timer per side. Tap ✅ Done to finish a step yourself, ⏭ Skip to leave one out, ⏹ Stop to end for today, ℹ️ More for the whole how and why. You can type your 0-10 answers too.
    
    <b>Levels</b>: where the source gives a range (holds, sets, reps), you start at its easy end, and the light after each warm-up moves you along it; /settings shows each exercise's level.
intro = { $title }: { $count } exercises, about { $minutes } minutes.
hands_free_tip = 🙌 One tap on ⏱ Start runs a whole timed exercise hands-free: sides, sets and pauses.
needs_roller = 🧽 { $count } use a foam roller. Without one, say so in /settings: standing stretches take their place.
routine_roller = 🧽 With a foam roller: { $names }. Without one, standing stretches take their place.
routines = <b>Routines</b>
routine_line = { $title }: { $count } exercises, about { $minutes } min
offer-resumed = ▶️ Resumed below.
offer-started_over = 🔄 Started over from step 1.
# A message typed in a private chat that answers nothing open (a number answers a check-in).
typed-screening = The safety check above is still open: tap ✅ or ⚠️ under it.
typed-before = To say how your back is, send a number from 0 to 10, or tap one above.
typed-buttons = The question above is still open: tap one of its buttons.
typed-step = Your warm-up is at step { $number }/{ $total }: the buttons under it carry on, and /stop ends it.
typed-after = To say how your back is after the warm-up, send a number from 0 to 10, or tap one above.
fallback = I answer commands and buttons. Send /warmup to start, or /help for the list.
error = Something went wrong on my side. Your progress is saved; send /warmup to carry on.
