### The end of a warm-up: summary, streak, the traffic light, and the next morning's question.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

complete =
    🎉 <b>Разминка завершена</b>
    Выполнено: { $done } из { $total ->
        [one] { $total } упражнения
        [few] { $total } упражнений
        [many] { $total } упражнений
       *[other] { $total } упражнения
    }{ $skipped_list }
    Время: { $duration }
    Всего завершённых разминок: { $sessions }
    Серия: { $streak }
# How long a warm-up took. A number written NUMBER(..., minimumIntegerDigits: 2) keeps two digits.
duration-seconds = { $seconds } с
duration-minutes = { $minutes } мин
duration-minutes_seconds = { $minutes } мин { NUMBER($seconds, minimumIntegerDigits: 2) } с
duration-hours_minutes = { $hours } ч { NUMBER($minutes, minimumIntegerDigits: 2) } мин
skipped_list = { " " }(пропущено: { $names })
# Under a person's first summary: what the streak counts and what keeps it.
streak_rule = Серия — это дни подряд с завершённой разминкой, по вашему времени; один день отдыха (/rest) в неделю её не прерывает.
streak_days =
    { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }
stopped =
    Разминка остановлена: выполнено { $done } из { $total ->
        [one] { $total } упражнения
        [few] { $total } упражнений
        [many] { $total } упражнений
       *[other] { $total } упражнения
    }. Отправьте /warmup, чтобы начать снова.
nothing_to_stop = Сейчас никакая разминка не идёт. Отправьте /warmup, чтобы начать.
nothing_done = Все упражнения пропущены, поэтому это не засчитывается как разминка: ни серии, ни достижения. В неподходящий день это нормально; /warmup будет ждать подходящего.
unfinished = У вас есть незаконченная разминка: { $title }, шаг { $number }/{ $total }.
milestones-first = 🏅 Ваша первая разминка выполнена.
milestones-streak_3 = 🏅 Три дня подряд.
milestones-streak_7 = 🏅 Целая неделя подряд.
milestones-streak_30 = 🏅 Тридцать дней подряд.
adapt-green = 🟢 Зелёный: { $after }/10 после, { $change }.
adapt-amber = 🟡 Жёлтый: { $after }/10 после, { $change }. Это нормально, если к завтрашнему утру всё успокоится; вы остаётесь на своём уровне.
adapt-red = 🔴 Красный: { $after }/10 после, { $change }.
adapt-better = на { $points } ниже прежнего
adapt-same = без изменений
adapt-worse = на { $points } выше прежнего
adapt-no_before = оценки до разминки для сравнения нет
adapt-green_run = Зелёных подряд: { $greens } из { $needed } до следующего уровня.
# Shown under the first light, and in /help. The numbers are the rules' (rules.yaml, pain_model).
adapt-lights =
    Как работает светофор: 🟢 зелёный — { $green_max }/10 или меньше после разминки и не хуже, чем до; { $needed ->
        [one] { $needed } зелёный
       *[other] { $needed } зелёных
    } подряд — уровень выше. 🟡 жёлтый — всё, что между: вы остаётесь на месте. 🔴 красный — { $red_from }/10 или больше после либо на { $worse_by ->
        [one] { $worse_by } балл
        [few] { $worse_by } балла
        [many] { $worse_by } баллов
       *[other] { $worse_by } балла
    } и более хуже, чем до: уровень ниже, а в следующий раз сначала мягкая версия.
adapt-up = ⬆️ В следующий раз — на уровень выше:
adapt-down = ⬇️ В следующий раз — на уровень ниже:
adapt-moved = • { $name }: { $prescription }
adapt-gentle_next = В следующий раз я сначала предложу мягкую версию. Если боль не утихнет к завтрашнему дню, отдохните; если она возвращается снова и снова, обратитесь к врачу или реабилитологу.
adapt-gentle_offer = Прошлая разминка закончилась 🔴 красным (сильная или растущая боль после разминки или усиление на следующее утро). Если хотите, сегодня можно выбрать мягкую версию.
adapt-points =
    { $points ->
        [one] { $points } балл
        [few] { $points } балла
        [many] { $points } баллов
       *[other] { $points } балла
    }
morning-question = 🌅 Доброе утро. Как ваша спина сегодня утром? Нажмите от 0 (нет боли) до 10 (сильнейшая боль) — я сравню со вчерашним.
morning-compared = { $pain }/10 утром, { $change }.
morning-better = Лучше
morning-same = Так же
morning-worse = Хуже
morning-noted_better = Лучше — приятно слышать. Продолжайте.
morning-noted_same = Примерно так же — это нормально. Если наутро боль не сильнее, значит, нагрузка разминки вам по силам.
morning-noted_worse = Боль сильнее: возможно, вчера было слишком много, поэтому в следующий раз будет легче там, где есть уровни, и я сначала предложу мягкую версию. Если болит, отдохните; если боль возвращается снова и снова, обратитесь к врачу или реабилитологу.
