### The command menu: each command's description (Telegram shows it beside the command).
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

commands-warmup = Start or resume the warm-up
commands-stop = End the current warm-up
commands-routines = All routines
commands-progress = Your progress
commands-settings = Holds, sets, timers and more
commands-target = Your weekly target
commands-remind = Daily reminder
commands-timezone = Your timezone
commands-pictures = Exercise animations on or off
commands-language = Language
commands-export = Download your data
commands-forget = Delete your data
commands-rest = A rest day that keeps your streak
commands-safety = Safety note and check
commands-help = Commands and safety
