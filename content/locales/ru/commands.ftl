### The command menu: each command's description (Telegram shows it beside the command).
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

commands-warmup = Начать или продолжить разминку
commands-stop = Завершить текущую разминку
commands-routines = Все комплексы
commands-progress = Ваш прогресс
commands-settings = Удержания, подходы, таймеры…
commands-target = Недельная цель
commands-remind = Ежедневное напоминание
commands-timezone = Часовой пояс
commands-pictures = Анимации упражнений: вкл/выкл
commands-language = Язык
commands-export = Скачать ваши данные
commands-forget = Удалить ваши данные
commands-rest = День отдыха без потери серии
commands-safety = Безопасность: памятка и опрос
commands-help = Команды и безопасность
