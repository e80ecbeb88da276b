### During a warm-up: the step message, its buttons, the countdown, and short notices.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

# Under the warm-up's first timed exercise while hands-free timers are on, and under its first
# exercise with levels: where each first shows, in the step itself.
first_timed = 🙌 Одно нажатие ⏱ Старт — и всё идёт само.
first_level = 📶 Уровни: начинаете с лёгкого; зелёные повышают уровень, красные — понижают (/help).
alternative = 🔁 <i>Наша замена прокатке на ролике, с той же целью; в источнике её нет.</i>
step_header = <b>Шаг { $number }/{ $total } · { $name }</b>
step_number = <b>Шаг { $number }/{ $total }</b>
set_label = Подход { $set }/{ $sets }
side_labels-left = Левая сторона
side_labels-right = Правая сторона
arm_labels-left = левая рука
arm_labels-right = правая рука
side_words-left = левой
side_words-right = правой
targets = <i>Работают: { $targets }</i>
why = <i>Зачем: { $why }</i>
targets_ours = <i>Работают (наша трактовка): { $targets }</i>
why_ours = <i>Зачем (наша трактовка): { $why }</i>
prescription-each_side = на сторону
prescription-sets =
    { $sets ->
        [one] { $sets } подход
        [few] { $sets } подхода
        [many] { $sets } подходов
       *[other] { $sets } подхода
    }
prescription-hold = удержание { $seconds } сек
prescription-duration = прокатка { $seconds } сек
prescription-reps =
    { $reps ->
        [one] { $reps } повторение
        [few] { $reps } повторения
        [many] { $reps } повторений
       *[other] { $reps } повторений
    }
prescription-suggested = (рекомендуем)
prescription-chosen = (ваша настройка)
prescription-level = (уровень { $level } из { $levels })
prescription-breaths =
    { $reps ->
        [one] { $reps } вдох
        [few] { $reps } вдоха
        [many] { $reps } вдохов
       *[other] { $reps } вдохов
    }
outcomes-done = ✅ Готово
outcomes-skipped = ⏭ Пропущено
outcomes-stopped = ⏹ Остановлено здесь
outcomes-sharp_pain = ⚠️ Стоп: острая боль
outcomes-paused = ⏸ Продолжение ниже
timer-get_ready = Займите исходное положение… { $seconds }
timer-running = ⏱ Осталось { $left } сек
timer-stopped = ⏹ Удержание остановлено, оставалось { $left } сек.
timer-finished = ⏱ { $seconds } сек — готово.
timer-ended_early = ✅ Закончено, оставалось { $left } сек.
timer-ended = ⏹ Отсчёт окончен.
timer-release = ⏰ Время! Отпускайте.
timer-switch_side = ⏰ Время! Теперь { $side }.
timer-next_set = ⏰ Время! Дальше подход { $set }/{ $sets }.
timer-switching = 🔄 Смена стороны… { $seconds }
timer-resting = 😮‍💨 Отдых… { $seconds } сек (рекомендуем)
timer-up_next = Дальше: { $what }
timer-up_end = конец разминки
timer-paused = ⏸ Пауза, осталось { $left } сек.
notices-stale = Эта кнопка от прошлого шага; ничего не изменилось.
notices-holding = Отсчёт уже идёт.
notices-not_holding = Этот отсчёт уже закончился.
notices-finished = Эта разминка уже закончилась. Отправьте /warmup, чтобы начать новую.
notices-not_yours = Эта кнопка относится к чужой разминке.
notices-unknown = Эта кнопка больше не работает. Отправьте /warmup, чтобы продолжить.
notices-not_sent = Telegram сейчас не принял это сообщение. Нажмите ⏱ Старт ещё раз чуть позже.
notices-too_fast = Сообщения приходят быстрее, чем я успеваю отвечать, поэтому часть пропущена. Дайте мне немного времени, потом продолжайте.
notices-flagged = Вы сообщили о тревожном признаке, поэтому разминки не будет, пока вас не осмотрит специалист. См. /safety.
notices-unscreened = Сначала пройдите проверку безопасности. Отправьте /warmup, чтобы её увидеть.
notices-safety_stop = Эта разминка остановлена, потому что вы сообщили о тревожном признаке. См. /safety.
notices-nothing_left = Все упражнения этого комплекса для вас убраны. Попробуйте другой в /routines или верните упражнения в /settings.
buttons-start = ▶️ Начать разминку
buttons-roller_yes = 🧽 Есть массажный ролик
buttons-roller_no = Нет ролика
buttons-chosen = ✅ { $label }
buttons-done = ✅ Готово
buttons-skip = ⏭ Пропуск
buttons-stop = ⏹ Стоп
buttons-start_hold = ⏱ Старт · { $seconds } сек
buttons-start_timer = ⏱ Старт · { $seconds } сек
buttons-audio_guide = 🎧 Аудиогид
buttons-stop_hold = ⏹ Остановить
buttons-pause = ⏸ Пауза
buttons-go_on = ▶️ Дальше
buttons-sharp_pain = ⚠️ Острая боль
buttons-more = ℹ️ Детали
buttons-less = ℹ️ Кратко
buttons-pain_skip = Без оценки
buttons-quick = ⚡ Быстрая ({ $minutes } мин)
buttons-gentle = 🌿 Мягкая версия
buttons-full_anyway = Всё равно полный
buttons-forget_yes = 🗑 Удалить всё
buttons-forget_no = Оставить данные
buttons-resume = ▶️ Продолжить (шаг { $number }/{ $total })
buttons-start_over = 🔄 Начать заново
buttons-begin_routine = ▶️ { $title }
buttons-remind_at = { $time }
buttons-remind_type = ⌨️ Ввести время
buttons-remind_days = 📅 Дни: { $days }
buttons-remind_off = 🔕 Выкл
buttons-remind_save = ✅ Готово
buttons-remind_back = ↩️ Назад
buttons-every_day = Каждый день
buttons-weekdays = Будни
buttons-weekend = Выходные
buttons-day_on = ✅ { $day }
buttons-day_off = { $day }
buttons-reminder_start = ▶️ Начать
buttons-reminder_quick = ⚡ Быстрая
buttons-reminder_snooze = ⏰ Через { $minutes } мин
buttons-reminder_skip = 🛌 Не сегодня
# How a line of ours begins among an exercise's how (.how-N in routine-*.ftl): an addition
# to the source, or a change to what it says. Every such line starts with one of these.
ours-suggestion = Наш совет:
ours-change = Наша правка:
