### /progress and its chart, /rest, /export and /forget, /pictures.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

progress-title = 📈 <b>Tu progreso</b>
progress-empty = Aún no has terminado ningún calentamiento. Envía /warmup para empezar uno; tu progreso aparecerá aquí.
progress-streak = Racha: { $streak } (mejor: { $best })
progress-week = Esta semana: { $done } de { $target }
progress-totals = Completados: { $sessions }, { $average } de media
progress-completion = Terminas el { $percent } % de los calentamientos que empiezas
progress-most_skipped = Más omitido: { $name } ({ $times }×)
progress-pain =
    Dolor de espalda: { $change } puntos menos tras calentar, de media ({ $count ->
        [one] { $count } valoración
       *[other] { $count } valoraciones
    })
progress-pain_worse =
    Dolor de espalda: { $change } puntos más tras calentar, de media ({ $count ->
        [one] { $count } valoración
       *[other] { $count } valoraciones
    })
progress-insight_title = <b>Lo que parece ayudar</b>
progress-insight = { $name }: { $change } puntos más de alivio en { $with_it } con este ejercicio que en { $without_it } sin él
progress-insight_less = { $name }: { $change } puntos menos de alivio en { $with_it } con este ejercicio que en { $without_it } sin él
progress-insight_basis = Según { $count } con valoración antes y después. Es una tendencia, no una prueba.
progress-no_contrast =
    Hiciste (casi) todos los ejercicios cada vez, así que aún no sé cuál ayuda más. Comparo un ejercicio cuando lo hiciste en { $least ->
        [one] { $least } calentamiento con valoración y lo omitiste en otro.
       *[other] { $least } calentamientos con valoración y lo omitiste en otros { $least }.
    }
progress-trend =
    { $days ->
        [one] Espalda antes de calentar: { $recent }/10 de media el último día; { $earlier }/10 el día anterior.
       *[other] Espalda antes de calentar: { $recent }/10 de media en los últimos { $days } días; { $earlier }/10 en los { $days } días anteriores.
    }
progress-levels = Niveles: { $levels }
progress-level = { $name } { $level } de { $levels }
progress-chart_caption = Últimas 6 semanas: dolor de espalda antes (círculos huecos) y después (cuadrados rellenos) de cada calentamiento, y calentamientos por día.
progress-chart_sessions = calentamientos
progress-chart_pain = dolor 0-10
progress-chart_before = antes
progress-chart_after = después
progress-target_set =
    { $target ->
        [one] Objetivo semanal: { $target } calentamiento.
       *[other] Objetivo semanal: { $target } calentamientos.
    }
progress-target_help = Envía /target y un número del 1 al 7, por ejemplo /target 5.
progress-warmups =
    { $count ->
        [one] { $count } calentamiento
       *[other] { $count } calentamientos
    }
rest-taken = 🛌 Hoy toca descanso: tu racha se mantiene. Un día de descanso por semana la conserva.
rest-already = 🛌 El descanso de esta semana fue el { $day }; la racha aguanta uno por semana, así que hoy sin calentar la romperías.
rest-warmed_up = Hoy ya calentaste: no hace falta día de descanso.
data-about-chats = Los ajustes de este chat: zona horaria, objetivo semanal, manos libres, pausas, rodillo, animaciones, niveles, idioma y respuesta al control de seguridad.
data-about-reminders = El recordatorio diario: su hora (en la zona horaria del chat), sus días y cuándo se envió por última vez.
data-about-warmup_sessions = Cada calentamiento: la rutina, cuándo empezó y terminó, dónde se detuvo, el dolor de espalda antes y después (0-10) y la respuesta de la mañana siguiente.
data-about-step_events = Cada ejercicio, lado y serie: hecho u omitido, y cuándo.
data-about-rest_days = Los días de descanso tomados.
data-about-milestones = Los logros alcanzados.
data-about-inbox = Mensajes y toques recibidos en el último día, guardados para que un reinicio no pierda ninguno.
data-about-people = Tus propias respuestas, en todos los chats: el control de seguridad y tus precauciones.
data-export_caption = Todo lo guardado de este chat.
data-forget_ask = ¿Borrar todo lo guardado de este chat: calentamientos, valoraciones, recordatorio y ajustes? No se puede deshacer.
data-forgotten = 🗑 Hecho. Ya no se guarda nada de este chat. /start empieza de cero.
data-kept = No borré nada.
data-forget_expired = Esa confirmación caducó. Vuelve a enviar /forget.
pictures-shown = 🎞 Animaciones activadas. Cada ejercicio empieza con una breve animación del movimiento.
pictures-hidden = 📝 Animaciones desactivadas. Los pasos llegan solo como texto; /pictures on recupera las animaciones.
pictures-usage = Cada ejercicio empieza con una breve animación del movimiento. Envía /pictures off para recibir solo texto (ahorra datos) y /pictures on para recuperarlas.
