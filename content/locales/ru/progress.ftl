### /progress and its chart, /rest, /export and /forget, /pictures.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

progress-title = 📈 <b>Ваш прогресс</b>
progress-empty = Завершённых разминок пока нет. Отправьте /warmup, чтобы начать, — здесь появится ваш прогресс.
progress-streak = Серия: { $streak } (рекорд: { $best })
progress-week = На этой неделе: { $done }, цель — { $target }
progress-totals = Завершено: { $sessions }, в среднем по { $average }
progress-completion = Доведено до конца: { $percent }% начатых разминок
progress-most_skipped = Лидер пропусков: { $name } ({ $times }×)
progress-pain =
    Боль в спине после разминки в среднем на { $change } балла ниже ({ $count ->
        [one] { $count } оценка
        [few] { $count } оценки
        [many] { $count } оценок
       *[other] { $count } оценки
    })
progress-pain_worse =
    Боль в спине после разминки в среднем на { $change } балла выше ({ $count ->
        [one] { $count } оценка
        [few] { $count } оценки
        [many] { $count } оценок
       *[other] { $count } оценки
    })
progress-insight_title = <b>Что, похоже, помогает</b>
progress-insight =
    { $name }: с этим упражнением ({ $with_it }) боль снижалась на { $change } балла сильнее, чем без него ({ $without_it ->
        [one] { $without_it } разминка
        [few] { $without_it } разминки
        [many] { $without_it } разминок
       *[other] { $without_it } разминки
    })
progress-insight_less =
    { $name }: с этим упражнением ({ $with_it }) боль снижалась на { $change } балла слабее, чем без него ({ $without_it ->
        [one] { $without_it } разминка
        [few] { $without_it } разминки
        [many] { $without_it } разминок
       *[other] { $without_it } разминки
    })
progress-insight_basis = Учтено: { $count } с оценкой до и после. Это закономерность, а не доказательство.
progress-no_contrast =
    Вы (почти) всегда делали все упражнения, поэтому пока не понять, какое помогает больше. Упражнение можно сравнить, когда оно сделано в { $least ->
        [one] { $least } разминке
       *[other] { $least } разминках
    } с оценками и пропущено в стольких же других.
progress-trend =
    Спина до разминки: в среднем { $recent }/10 за { $days ->
        [one] последний { $days } день
        [few] последние { $days } дня
        [many] последние { $days } дней
       *[other] последние { $days } дня
    } и { $earlier }/10 за столько же дней до этого.
progress-levels = Уровни: { $levels }
progress-level = { $name } — { $level } из { $levels }
progress-chart_caption = Последние 6 недель: боль в спине до (пустые кружки) и после (закрашенные квадраты) каждой разминки, а также число разминок по дням.
progress-chart_sessions = разминки
progress-chart_pain = боль 0–10
progress-chart_before = до
progress-chart_after = после
progress-target_set =
    Недельная цель: { $target ->
        [one] { $target } разминка
        [few] { $target } разминки
        [many] { $target } разминок
       *[other] { $target } разминки
    }.
progress-target_help = Отправьте /target и число от 1 до 7, например /target 5.
progress-warmups =
    { $count ->
        [one] { $count } разминка
        [few] { $count } разминки
        [many] { $count } разминок
       *[other] { $count } разминки
    }
rest-taken = 🛌 Сегодня день отдыха: серия сохранена. Один такой день в неделю её не прерывает.
rest-already = 🛌 День отдыха на этой неделе уже был ({ $day }); серию сохраняет только один в неделю, так что сегодняшний день без разминки её прервёт.
rest-warmed_up = Сегодня вы уже размялись — день отдыха не нужен.
data-about-chats = Настройки этого чата: часовой пояс, недельная цель, автотаймер, паузы, массажный ролик, анимации, уровни, язык и ответ на проверку безопасности.
data-about-reminders = Ежедневное напоминание: время (по часовому поясу чата), дни и когда оно пришло в последний раз.
data-about-warmup_sessions = Каждая разминка: комплекс, начало и конец, где она остановилась, боль в спине до и после (0–10) и ответ на следующее утро.
data-about-step_events = Каждое упражнение, сторона и подход: выполнено или пропущено, и когда.
data-about-rest_days = Взятые дни отдыха.
data-about-milestones = Достигнутые отметки.
data-about-inbox = Сообщения и нажатия за последние сутки: их хранят, чтобы перезапуск ничего не потерял.
data-about-people = Ваши собственные ответы во всех чатах: проверка безопасности и ограничения.
data-export_caption = Всё, что хранится для этого чата.
data-forget_ask = Удалить всё, что хранится для этого чата: разминки, оценки, напоминание и настройки? Отменить это будет нельзя.
data-forgotten = 🗑 Готово. Для этого чата больше ничего не хранится. /start — начать заново.
data-kept = Ничего не удалено.
data-forget_expired = Время на подтверждение истекло. Отправьте /forget ещё раз.
pictures-shown = 🎞 Анимации включены. Каждое упражнение начинается с короткой анимации движения.
pictures-hidden = 📝 Анимации выключены. Шаги приходят только текстом; /pictures on вернёт анимации.
pictures-usage = Каждое упражнение начинается с короткой анимации движения. Отправьте /pictures off, чтобы оставить только текст (экономит трафик), или /pictures on, чтобы вернуть анимации.
