### The progress and settings Mini App.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

webapp-title = Разминка для спины
webapp-loading = Загрузка…
webapp-unauthorized = Откройте эту страницу из бота в Telegram (📊 Открыть прогресс под /progress). Если она была открыта долго, закройте её и откройте снова.
webapp-failed = Сейчас не удаётся связаться с ботом. Попробуйте ещё раз чуть позже.
webapp-tabs-calendar = Календарь
webapp-tabs-pain = Боль
webapp-tabs-levels = Уровни
webapp-tabs-library = Упражнения
webapp-tabs-settings = Настройки
webapp-calendar_heading = Ваши разминки по дням
webapp-legend-complete = Разминка выполнена
webapp-legend-partial = Начата, не закончена
webapp-legend-rest = День отдыха
webapp-legend-none = Без разминки
webapp-streak = Серия (дни)
webapp-best_streak = Рекорд серии
webapp-this_week = Эта неделя
webapp-weekly_target = Недельная цель
webapp-pain_heading = Боль в спине до и после каждой разминки
webapp-pain_note = 0 — нет боли, 10 — сильнейшая боль, какую можно представить. Показаны только разминки с оценкой.
webapp-pain_before = До
webapp-pain_after = После
webapp-pain_empty = Оценок пока нет. Ответьте на вопрос о боли до и после разминки — и они появятся здесь.
webapp-levels_heading = Уровень каждого упражнения
webapp-levels_empty = В вашем комплексе нет упражнений с уровнями.
webapp-level = Уровень
webapp-moves =
    Уровни начинаются с лёгкого. После { $greens ->
        [one] { $greens } зелёной разминки
       *[other] { $greens } зелёных разминок
    } подряд (боль в спине после — { $green_max }/10 или меньше и не хуже, чем до) упражнение поднимается на уровень; после красной (боль после — { $red_from }/10 или больше либо хуже на { $worse_by ->
        [one] { $worse_by } балл
        [few] { $worse_by } балла
        [many] { $worse_by } баллов
       *[other] { $worse_by } балла
    }) опускается. Не больше одного уровня за раз.
webapp-library_heading = Упражнения
webapp-how = Техника
webapp-works = Что работает
webapp-why = Зачем
webapp-settings_heading = Как проходят ваши разминки
webapp-fields-hf = 🙌 Автотаймер (одно нажатие ⏱ Старт ведёт все стороны и подходы)
webapp-fields-voice = 🎧 Аудиогид (голос) при каждом ⏱ Старт
webapp-fields-switch = 🔄 Пауза на смену стороны
webapp-fields-rest = 😮‍💨 Отдых между подходами (наш совет)
webapp-fields-roller = 🧽 Есть массажный ролик
webapp-fields-pics = 🖼 Картинки (анимация в каждом упражнении)
webapp-fields-morning = 🌅 Вопрос наутро
webapp-fields-lang = 🌐 Язык
webapp-fields-target = 🎯 Недельная цель (разминок)
webapp-saved = Сохранено. Бот уже использует эту настройку.
webapp-not_offered = Такого варианта нет.
webapp-on = Вкл
webapp-off = Выкл
webapp-in_chat = ⚙️ Изменено в приложении: { $setting }: { $value }
webapp-open_progress = 📊 Открыть прогресс
webapp-menu_button = Прогресс
