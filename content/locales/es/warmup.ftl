### During a warm-up: the step message, its buttons, the countdown, and short notices.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

# Under the warm-up's first timed exercise while hands-free timers are on, and under its first
# exercise with levels: where each first shows, in the step itself.
first_timed = 🙌 Un ⏱ Iniciar lo lleva todo, manos libres.
first_level = 📶 Niveles: empiezas fácil; los verdes te suben, los rojos te bajan (/help).
alternative = 🔁 <i>Nuestra alternativa al rodillo, con el mismo objetivo; no viene en la fuente.</i>
step_header = <b>Paso { $number }/{ $total } · { $name }</b>
step_number = <b>Paso { $number }/{ $total }</b>
set_label = Serie { $set }/{ $sets }
side_labels-left = Lado izquierdo
side_labels-right = Lado derecho
arm_labels-left = brazo izquierdo
arm_labels-right = brazo derecho
side_words-left = izquierda
side_words-right = derecha
targets = <i>Trabaja: { $targets }</i>
why = <i>Motivo: { $why }</i>
targets_ours = <i>Trabaja (nuestra lectura): { $targets }</i>
why_ours = <i>Motivo (nuestra lectura): { $why }</i>
prescription-each_side = por lado
prescription-sets =
    { $sets ->
        [one] { $sets } serie
       *[other] { $sets } series
    }
prescription-hold = mantén { $seconds } s
prescription-duration = { $seconds } s de rodillo
prescription-reps =
    { $reps ->
        [one] { $reps } repetición
       *[other] { $reps } repeticiones
    }
prescription-suggested = (sugerido)
prescription-chosen = (tu ajuste)
prescription-level = (nivel { $level } de { $levels })
prescription-breaths =
    { $reps ->
        [one] { $reps } respiración
       *[other] { $reps } respiraciones
    }
outcomes-done = ✅ Hecho
outcomes-skipped = ⏭ Omitido
outcomes-stopped = ⏹ Terminado aquí
outcomes-sharp_pain = ⚠️ Parado por dolor agudo
outcomes-paused = ⏸ Sigue abajo
timer-get_ready = Colócate en posición… { $seconds }
timer-running =
    { $left ->
        [one] ⏱ Queda { $left } s
       *[other] ⏱ Quedan { $left } s
    }
timer-stopped = ⏹ Tiempo detenido a falta de { $left } s.
timer-finished = ⏱ Hecho: { $seconds } s.
timer-ended_early = ✅ Terminado a falta de { $left } s.
timer-ended = ⏹ Temporizador terminado.
timer-release = ⏰ ¡Tiempo! Suelta.
timer-switch_side = ⏰ ¡Tiempo! Cambia al { $side }.
timer-next_set = ⏰ ¡Tiempo! Ahora, serie { $set }/{ $sets }.
timer-switching = 🔄 Otro lado… { $seconds }
timer-resting = 😮‍💨 Descansa… { $seconds } s (sugerido)
timer-up_next = Después: { $what }
timer-up_end = fin del calentamiento
timer-paused = ⏸ En pausa a falta de { $left } s.
notices-stale = Ese botón es de un paso anterior; no cambió nada.
notices-holding = El temporizador ya está en marcha.
notices-not_holding = Ese temporizador ya terminó.
notices-finished = Ese calentamiento ya terminó. Envía /warmup para empezar otro.
notices-not_yours = Ese botón es del calentamiento de otra persona.
notices-unknown = Ese botón ya no funciona. Envía /warmup para seguir.
notices-not_sent = Telegram no aceptó ese mensaje ahora mismo. Toca ⏱ Iniciar otra vez en un momento.
notices-too_fast = Los mensajes llegan más rápido de lo que puedo responder, así que me salté algunos. Dame un momento y sigue.
notices-flagged = Me indicaste una señal de alarma, así que no habrá calentamientos hasta que te revise un profesional de la salud. Consulta /safety.
notices-unscreened = Responde primero al control de seguridad. Envía /warmup para verlo.
notices-safety_stop = Este calentamiento se detuvo porque me indicaste una señal de alarma. Consulta /safety.
notices-nothing_left = Todos los ejercicios de esta rutina están fuera para ti. Prueba otra en /routines o recupera ejercicios en /settings.
buttons-start = ▶️ Empezar
buttons-roller_yes = 🧽 Tengo rodillo de espuma
buttons-roller_no = No tengo rodillo
buttons-chosen = ✅ { $label }
buttons-done = ✅ Hecho
buttons-skip = ⏭ Saltar
buttons-stop = ⏹ Parar
buttons-start_hold = ⏱ Iniciar { $seconds } s
buttons-start_timer = ⏱ Iniciar { $seconds } s
buttons-audio_guide = 🎧 Audioguía
buttons-stop_hold = ⏹ Detener
buttons-pause = ⏸ Pausa
buttons-go_on = ▶️ Seguir
buttons-sharp_pain = ⚠️ Dolor agudo
buttons-more = ℹ️ Más
buttons-less = ℹ️ Menos
buttons-pain_skip = Saltar pregunta
buttons-quick = ⚡ Rápido ({ $minutes } min)
buttons-gentle = 🌿 Versión suave
buttons-full_anyway = Completa igualmente
buttons-forget_yes = 🗑 Borrar todo
buttons-forget_no = No borrar nada
buttons-resume = ▶️ Reanudar (paso { $number }/{ $total })
buttons-start_over = 🔄 Reiniciar
buttons-begin_routine = ▶️ { $title }
buttons-remind_at = { $time }
buttons-remind_type = ⌨️ Escribir hora
buttons-remind_days = 📅 Días: { $days }
buttons-remind_off = 🔕 Quitar
buttons-remind_save = ✅ Listo
buttons-remind_back = ↩️ Volver
buttons-every_day = A diario
buttons-weekdays = Laborables
buttons-weekend = Sáb–dom
buttons-day_on = ✅ { $day }
buttons-day_off = { $day }
buttons-reminder_start = ▶️ Empezar
buttons-reminder_quick = ⚡ Rápido
buttons-reminder_snooze = ⏰ Posponer { $minutes } min
buttons-reminder_skip = 🛌 Hoy no
# How a line of ours begins among an exercise's how (.how-N in routine-*.ftl): an addition
# to the source, or a change to what it says. Every such line starts with one of these.
ours-suggestion = Nuestra sugerencia:
ours-change = Nuestro cambio:
