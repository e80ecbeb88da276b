### /settings, /remind, /timezone, and groups.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

settings-main =
    ⚙️ <b>Настройки</b> (действуют со следующего шага; ролик — со следующей разминки)
    
    🙌 Автотаймер упражнений: <b>{ $hands_free }</b>
    🎧 Аудиогид (голос) при каждом ⏱ Старт: <b>{ $audio_guide }</b>
    🔄 Пауза на смену стороны: <b>{ $switch } сек</b>
    😮‍💨 Отдых между подходами: <b>{ $rest } сек</b> (рекомендуем)
    🧽 Есть массажный ролик: <b>{ $roller }</b>
    🖼 Картинки: <b>{ $pictures }</b>
    🌅 Вопрос наутро: <b>{ $morning }</b>
    { $reminder }
    🌍 Часовой пояс: <b>{ $zone }</b>
    🎯 Недельная цель: <b>{ $target }</b> { $target ->
        [one] разминка
        [few] разминки
        [many] разминок
       *[other] разминки
    }
    🌐 Язык: <b>{ $language }</b>
settings-on = вкл
settings-off = выкл
settings-yes = да
settings-no = нет
settings-zone_unset = не задан (дни считаются по UTC)
settings-switch_page =
    🔄 <b>Пауза на смену стороны</b>
    В автотаймере, после удержания на первой стороне: время сменить положение, прежде чем начнётся удержание на второй.
settings-rest_page =
    😮‍💨 <b>Отдых между подходами</b> (наш совет; в источнике его нет)
    В автотаймере — между удержанием одного подхода и следующего.
settings-exercises_page =
    🧘 <b>Удержания, подходы и повторы</b>
    Они задают полную разминку; у быстрой и мягкой версий свои короткие дозировки. Выберите упражнение:
settings-exercise_page =
    🧘 <b>{ $name }</b>
    Сейчас: { $prescription }
    { $source }
    
    ✓ отмечает то, что разминка ведёт сейчас. Где есть уровни, тренер переводит вас между ними после каждой разминки (см. /help); удержание, подходы или повторы, выбранные здесь, сохраняются до следующей смены уровня.
settings-from_source = Варианты не выходят за диапазон, который даёт источник.
settings-suggested = Источник не даёт здесь числа: варианты — диапазон вокруг нашего совета.
settings-target_page =
    🎯 <b>Недельная цель</b>: { $target ->
        [one] { $target } разминка
        [few] { $target } разминки
        [many] { $target } разминок
       *[other] { $target } разминки
    } в неделю. Выберите новую:
settings-zone_page =
    🌍 <b>Часовой пояс</b>: { $zone }
    Отправьте /timezone с названием вашего города, например /timezone Berlin или /timezone America/New_York: город учитывает переход на летнее время, и напоминания приходят вовремя.
settings-seconds = { $seconds } сек
settings-sets = Подходы: { $sets }
settings-reps = Повторы: { $reps }
settings-level = Уровень { $level }
settings-changed = ✓ Сохранено
settings-not_offered = Такого варианта нет; ничего не изменилось.
settings-buttons-hands_free = 🙌 Автотаймер: { $value }
settings-buttons-audio_guide = 🎧 Голос при ⏱ Старт: { $value }
settings-buttons-switch = 🔄 Смена: { $seconds } сек
settings-buttons-rest = 😮‍💨 Отдых: { $seconds } сек
settings-buttons-roller = 🧽 Ролик: { $value }
settings-buttons-pictures = 🖼 Картинки: { $value }
settings-buttons-morning = 🌅 Вопрос наутро: { $value }
settings-buttons-exercises = 🧘 Удержания/подходы/повторы
settings-buttons-precautions = 🩺 Мои ограничения
settings-buttons-reminder = ⏰ Напоминание
settings-buttons-zone = 🌍 Часовой пояс
settings-buttons-language = 🌐 Язык: { $language }
settings-buttons-target = 🎯 Недельная цель: { $target }
settings-buttons-close = ✅ Закрыть
settings-buttons-reset = ↩️ Как советуем
settings-buttons-back = « Назад
reminders-every_day = каждый день
reminders-weekdays = по будням
reminders-weekend = по выходным
reminders-on_days = по { $days }
reminders-status_on = ⏰ Ежедневное напоминание: <b>{ $time }</b> { $days } ({ $zone }).
reminders-status_waiting = ⏰ Ежедневное напоминание: <b>{ $time }</b> { $days }, когда я узнаю ваш часовой пояс.
reminders-status_off = ⏰ Ежедневное напоминание: выкл.
reminders-pick = Выберите время или отправьте его, например /remind 7:30 или /remind 7pm.
reminders-pick_days = Какие дни?
reminders-type_time = Отправьте время ежедневного напоминания, например 7:30, 19:05 или 7pm.
reminders-bad_typed_time = Не получилось разобрать время. Отправьте его так: 7:30, 19:05 или 7pm.
reminders-bad_time = Не получилось разобрать время. Попробуйте /remind 7:30, /remind 19:05, /remind 7pm или /remind off.
reminders-turned_off = ⏰ Ежедневное напоминание выключено. /remind включит его снова.
reminders-ask_zone = Сначала часовой пояс, чтобы напоминание приходило по вашему времени: отправьте /timezone с названием города, например /timezone Berlin или /timezone America/New_York.
reminders-zone_now = 🌍 Ваш часовой пояс: <b>{ $zone }</b> (сейчас там { $time }).
reminders-zone_unset = 🌍 Часовой пояс ещё не задан, дни считаются по UTC. Отправьте /timezone с названием города, например /timezone Berlin или /timezone America/New_York; город учитывает переход на летнее время.
reminders-bad_zone = Такого часового пояса я не знаю. Попробуйте свой город, например /timezone Berlin, или название вроде /timezone America/New_York. Смещение (/timezone +2) или ваше местное время сейчас (/timezone 14:05) тоже подойдут, но переход на летнее время они не учитывают.
reminders-fixed_offset = ⚠️ Это фиксированное смещение: оно не учитывает переход на летнее время, поэтому после ближайшего перевода часов напоминание будет приходить на час раньше или позже. Где вы находитесь? Нажмите на своё место или отправьте /timezone с названием города, например /timezone Berlin.
reminders-message =
    ⏰ Пора размяться: { $count ->
        [one] { $count } упражнение
        [few] { $count } упражнения
        [many] { $count } упражнений
       *[other] { $count } упражнения
    }, около { $minutes ->
        [one] { $minutes } минуты
        [few] { $minutes } минут
        [many] { $minutes } минут
       *[other] { $minutes } минуты
    }.
reminders-message_streak = Серия: { $streak }. Так держать!
reminders-snoozed = ⏰ Отложено до { $time }.
reminders-skipped = 🛌 Сегодня пропускаем. До следующего раза.
reminders-started = ▶️ Начали.
reminders-no_more_snoozes = Это напоминание больше откладывать нельзя.
reminders-old_reminder = Это напоминание за один из прошлых дней.
groups-not_yours = Эту разминку делает { $name }. Когда она закончится, отправьте /warmup, чтобы начать свою.
groups-someone = другой человек
groups-busy = Здесь уже идёт разминка, её делает { $name }. Когда она закончится, отправьте /warmup, чтобы начать свою, или разомнитесь прямо сейчас в нашем личном чате.
groups-in_private = 💬 Размяться в личном чате
groups-admins_only = В группе менять напоминание, часовой пояс или недельную цель и удалять её данные могут только администраторы.
