### The end of a warm-up: summary, streak, the traffic light, and the next morning's question.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

complete =
    🎉 <b>¡Calentamiento completado!</b>
    Hechos: { $done } de { $total ->
        [one] { $total } ejercicio
       *[other] { $total } ejercicios
    }{ $skipped_list }
    Tiempo: { $duration }
    Sesiones completadas: { $sessions }
    Racha: { $streak }
# How long a warm-up took. A number written NUMBER(..., minimumIntegerDigits: 2) keeps two digits.
duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-minutes_seconds = { $minutes } min { NUMBER($seconds, minimumIntegerDigits: 2) } s
duration-hours_minutes = { $hours } h { NUMBER($minutes, minimumIntegerDigits: 2) } min
skipped_list = { " " }(omitidos: { $names })
# Under a person's first summary: what the streak counts and what keeps it.
streak_rule = La racha cuenta los días seguidos con un calentamiento terminado, según tu hora local; un día de /rest por semana la mantiene.
streak_days =
    { $days ->
        [one] { $days } día
       *[other] { $days } días
    }
stopped =
    Calentamiento detenido tras { $done } de { $total ->
        [one] { $total } ejercicio
       *[other] { $total } ejercicios
    }. Envía /warmup para empezar de nuevo.
nothing_to_stop = No hay ningún calentamiento en marcha. Envía /warmup para empezar uno.
nothing_done = Omitiste todos los ejercicios, así que este no cuenta como calentamiento: ni racha ni logro. No pasa nada en un día que no toca; /warmup estará aquí cuando sí.
unfinished = Tienes sin terminar «{ $title }», en el paso { $number }/{ $total }.
milestones-first = 🏅 Tu primer calentamiento, hecho.
milestones-streak_3 = 🏅 Tres días seguidos.
milestones-streak_7 = 🏅 Una semana entera seguida.
milestones-streak_30 = 🏅 Treinta días seguidos.
adapt-green = 🟢 Verde: { $after }/10 al terminar, { $change }.
adapt-amber = 🟡 Amarillo: { $after }/10 al terminar, { $change }. Está bien si mañana por la mañana se ha calmado; sigues en tu nivel.
adapt-red = 🔴 Rojo: { $after }/10 al terminar, { $change }.
adapt-better = { $points } menos que antes
adapt-same = igual que antes
adapt-worse = { $points } más que antes
adapt-no_before = sin valoración previa para comparar
adapt-green_run = Verdes seguidos: { $greens } de { $needed } para subir de nivel.
# Shown under the first light, and in /help. The numbers are the rules' (rules.yaml, pain_model).
adapt-lights =
    Cómo funciona el semáforo: 🟢 verde es { $green_max }/10 o menos al terminar, y no peor que antes; { $needed ->
        [one] { $needed } verde te sube un nivel.
       *[other] { $needed } verdes seguidos te suben un nivel.
    } 🟡 amarillo es cualquier punto intermedio: sigues donde estás. 🔴 rojo es { $red_from }/10 o más al terminar, o { $worse_by ->
        [one] { $worse_by } punto
       *[other] { $worse_by } puntos
    } o más por encima de antes: bajas un nivel y la próxima vez te ofrezco la versión suave.
adapt-up = ⬆️ La próxima vez, un nivel más:
adapt-down = ⬇️ La próxima vez, un nivel menos:
adapt-moved = • { $name }: { $prescription }
adapt-gentle_next = La próxima vez te ofreceré primero la versión suave. Si mañana el dolor no se ha calmado, descansa; si sigue volviendo, consulta con un médico o fisioterapeuta.
adapt-gentle_offer = La última vez salió 🔴 rojo (dolor alto o en aumento tras el calentamiento, o más alto a la mañana siguiente). Hoy tienes la versión suave, si quieres.
adapt-points =
    { $points ->
        [one] { $points } punto
       *[other] { $points } puntos
    }
morning-question = 🌅 Buenos días. ¿Cómo está tu espalda esta mañana? Toca de 0 (sin dolor) a 10 (el peor); lo compararé con ayer.
morning-compared = { $pain }/10 esta mañana, { $change }.
morning-better = Mejor
morning-same = Igual
morning-worse = Peor
morning-noted_better = Mejor: me alegro. Sigue así.
morning-noted_same = Más o menos igual: está bien. Si a la mañana siguiente el dolor no sube, el calentamiento está a un nivel que toleras.
morning-noted_worse = Más alto: puede que ayer fuera demasiado, así que la próxima vez será más fácil donde haya niveles, y te ofreceré primero la versión suave. Descansa si te duele; si sigue volviendo, consulta con un médico o fisioterapeuta.
