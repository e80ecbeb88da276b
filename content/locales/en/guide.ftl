### The audio guide: its caption, and the words the voice says.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

guide-caption = 🎧 { $name }: press play now and put the phone down; it follows the countdown above, and stops when it stops (⏸ Pause, ⏹ Stop). ▶️ Go on sends the rest.
# Where the guide is not sent: the person's privacy settings refuse voice notes, the chat
# does not allow them, or Telegram could not be reached. The first two are said once a while.
guide-refused_privacy = 🎧 Your Telegram privacy settings refuse voice notes, so the audio guide cannot come. The countdown above runs as usual.
guide-refused_here = 🎧 Voice notes are not allowed in this chat, so the audio guide cannot come. The countdown above runs as usual.
guide-not_sent = 🎧 The audio guide could not be sent just now; the countdown above runs as usual. 🎧 under the next exercise tries again.
# What the voice says. `make media` speaks each into content/voice/<language>/ (commit the result).
guide-spoken-get_ready = Get into position.
guide-spoken-switch = Switch sides.
guide-spoken-rest = Rest.
guide-spoken-left = Left side.
guide-spoken-right = Right side.
guide-spoken-set = Set { $number }.
guide-spoken-start = Start.
guide-spoken-seconds_left = { $seconds } seconds left.
guide-spoken-count = { $number }.
guide-spoken-release = Release.
guide-spoken-done = Done.
