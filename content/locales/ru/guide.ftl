### The audio guide: its caption, and the words the voice says.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

guide-caption = 🎧 { $name }: включите воспроизведение прямо сейчас и положите телефон; запись идёт вместе с отсчётом выше и останавливается вместе с ним (⏸ Пауза, ⏹ Стоп). ▶️ Дальше пришлёт продолжение.
# Where the guide is not sent: the person's privacy settings refuse voice notes, the chat
# does not allow them, or Telegram could not be reached. The first two are said once a while.
guide-refused_privacy = 🎧 Ваши настройки конфиденциальности в Telegram запрещают голосовые сообщения, поэтому аудиогид не придёт. Отсчёт выше идёт как обычно.
guide-refused_here = 🎧 В этом чате голосовые сообщения запрещены, поэтому аудиогид не придёт. Отсчёт выше идёт как обычно.
guide-not_sent = 🎧 Сейчас не получилось отправить аудиогид; отсчёт выше идёт как обычно. Кнопка 🎧 под следующим упражнением попробует снова.
# What the voice says. `make media` speaks each into content/voice/<language>/ (commit the result).
guide-spoken-get_ready = Займите исходное положение.
guide-spoken-switch = Смените сторону.
guide-spoken-rest = Отдых.
guide-spoken-left = Левая сторона.
guide-spoken-right = Правая сторона.
guide-spoken-set = Подход { $number }.
guide-spoken-start = Начали.
guide-spoken-seconds_left =
    { $seconds ->
        [one] Осталась { $seconds } секунда.
        [few] Осталось { $seconds } секунды.
        [many] Осталось { $seconds } секунд.
       *[other] Осталось { $seconds } секунды.
    }
guide-spoken-count = { $number }.
guide-spoken-release = Отпускаем.
guide-spoken-done = Готово.
