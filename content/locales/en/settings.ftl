### /settings, /remind, /timezone, and groups.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

settings-main =
    ⚙️ <b>Settings</b> (changes apply from the next step; the foam roller from the next warm-up)
    
    🙌 Hands-free timed exercises: <b>{ $hands_free }</b>
    🎧 Audio guide (voice) with every ⏱ Start: <b>{ $audio_guide }</b>
    🔄 Pause to switch sides: <b>{ $switch } s</b>
    😮‍💨 Rest between sets: <b>{ $rest } s</b> (suggested)
    🧽 I have a foam roller: <b>{ $roller }</b>
    🖼 Pictures: <b>{ $pictures }</b>
    🌅 Next-morning question: <b>{ $morning }</b>
    { $reminder }
    🌍 Timezone: <b>{ $zone }</b>
    🎯 Weekly target: <b>{ $target }</b> warm-ups
    🌐 Language: <b>{ $language }</b>
settings-on = on
settings-off = off
settings-yes = yes
settings-no = no
settings-zone_unset = not set (days count in UTC)
settings-switch_page =
    🔄 <b>Pause to switch sides</b>
    Hands-free, after the first side's hold: time to change position before the second side's hold starts.
settings-rest_page =
    😮‍💨 <b>Rest between sets</b> (our suggestion; the source gives none)
    Hands-free, between one set's hold and the next.
settings-exercises_page =
    🧘 <b>Holds, sets and reps</b>
    These shape the full warm-up; the quick and gentle versions keep their own short doses. Pick an exercise:
settings-exercise_page =
    🧘 <b>{ $name }</b>
    Now: { $prescription }
    { $source }
    
    ✓ marks what the warm-up guides now. Where there are levels, the coach moves you between them after each warm-up (see /help); a hold, set or rep count you choose here stays until your level next moves.
settings-from_source = The choices stay inside the range the source gives.
settings-suggested = The source gives no number here: the choices are a band around our suggestion.
settings-target_page = 🎯 <b>Weekly target</b>: { $target } warm-ups a week. Pick a new one:
settings-zone_page =
    🌍 <b>Timezone</b>: { $zone }
    Send /timezone with your city, like /timezone Berlin or /timezone America/New_York: a city follows daylight saving, so reminders keep their time.
settings-seconds = { $seconds } s
settings-sets = Sets: { $sets }
settings-reps = Reps: { $reps }
settings-level = Level { $level }
settings-changed = ✓ Saved
settings-not_offered = That choice is not on offer; nothing changed.
settings-buttons-hands_free = 🙌 Hands-free: { $value }
settings-buttons-audio_guide = 🎧 Voice with every ⏱ Start: { $value }
settings-buttons-switch = 🔄 Switch: { $seconds } s
settings-buttons-rest = 😮‍💨 Rest: { $seconds } s
settings-buttons-roller = 🧽 Foam roller: { $value }
settings-buttons-pictures = 🖼 Pictures: { $value }
settings-buttons-morning = 🌅 Morning question: { $value }
settings-buttons-exercises = 🧘 Holds, sets and reps
settings-buttons-precautions = 🩺 My precautions
settings-buttons-reminder = ⏰ Daily reminder
settings-buttons-zone = 🌍 Timezone
settings-buttons-language = 🌐 Language: { $language }
settings-buttons-target = 🎯 Weekly target: { $target }
settings-buttons-close = ✅ Close
settings-buttons-reset = ↩️ As suggested
settings-buttons-back = « Back
reminders-every_day = every day
reminders-weekdays = on weekdays
reminders-weekend = at weekends
reminders-on_days = on { $days }
reminders-status_on = ⏰ Daily reminder: <b>{ $time }</b> { $days } ({ $zone }).
reminders-status_waiting = ⏰ Daily reminder: <b>{ $time }</b> { $days }, once I know your timezone.
reminders-status_off = ⏰ Daily reminder: off.
reminders-pick = Pick a time, or send it, like /remind 7:30 or /remind 7pm.
reminders-pick_days = Which days?
reminders-type_time = Send the time for your daily reminder, like 7:30, 19:05 or 7pm.
reminders-bad_typed_time = I couldn't read that time. Send it like 7:30, 19:05 or 7pm.
reminders-bad_time = I couldn't read that time. Try /remind 7:30, /remind 19:05, /remind 7pm or /remind off.
reminders-turned_off = ⏰ Daily reminder switched off. /remind turns it back on.
reminders-ask_zone = First, your timezone, so the reminder comes at your time: send /timezone with your city, like /timezone Berlin or /timezone America/New_York.
reminders-zone_now = 🌍 Your timezone: <b>{ $zone }</b> (it is { $time } there now).
reminders-zone_unset = 🌍 No timezone set yet; days are counted in UTC. Send /timezone with your city, like /timezone Berlin or /timezone America/New_York; a city follows daylight saving.
reminders-bad_zone = I don't know that timezone. Try your city, like /timezone Berlin, or a name like /timezone America/New_York. An offset (/timezone +2) or your local time now (/timezone 14:05) works too, but does not follow daylight saving.
reminders-fixed_offset = ⚠️ That is a fixed offset: it does not follow daylight saving, so at the next clock change your reminder would come an hour early or late. Where are you? Tap your place, or send /timezone with your city, like /timezone Berlin.
reminders-message = ⏰ Time for your warm-up: { $count } exercises, about { $minutes } minutes.
reminders-message_streak = Streak: { $streak }. Keep it going.
reminders-snoozed = ⏰ Snoozed until { $time }.
reminders-skipped = 🛌 Skipping today. See you next time.
reminders-started = ▶️ Started.
reminders-no_more_snoozes = No more snoozes for this one.
reminders-old_reminder = That reminder is from an earlier day.
groups-not_yours = This warm-up is { $name }'s. Send /warmup after it ends to start your own.
groups-someone = someone else
groups-busy = { $name }'s warm-up is running here. Send /warmup when it ends to start yours, or warm up now in our private chat.
groups-in_private = 💬 Warm up in private
groups-admins_only = In a group, only its admins can change the reminder, timezone or weekly target, or delete its data.
