### /settings, /remind, /timezone, and groups.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

settings-main =
    ⚙️ <b>Ajustes</b> (los cambios valen desde el próximo paso; el rodillo, desde el próximo calentamiento)
    
    🙌 Ejercicios cronometrados en manos libres: <b>{ $hands_free }</b>
    🎧 Audioguía (voz) con cada ⏱ Iniciar: <b>{ $audio_guide }</b>
    🔄 Pausa para cambiar de lado: <b>{ $switch } s</b>
    😮‍💨 Descanso entre series: <b>{ $rest } s</b> (sugerido)
    🧽 Tengo rodillo de espuma: <b>{ $roller }</b>
    🖼 Imágenes: <b>{ $pictures }</b>
    🌅 Pregunta a la mañana siguiente: <b>{ $morning }</b>
    { $reminder }
    🌍 Zona horaria: <b>{ $zone }</b>
    🎯 Objetivo semanal: <b>{ $target }</b> { $target ->
        [one] calentamiento
       *[other] calentamientos
    }
    🌐 Idioma: <b>{ $language }</b>
settings-on = sí
settings-off = no
settings-yes = sí
settings-no = no
settings-zone_unset = sin definir (los días cuentan en UTC)
settings-switch_page =
    🔄 <b>Pausa para cambiar de lado</b>
    En manos libres, tras el primer lado: margen para cambiar de postura antes del segundo.
settings-rest_page =
    😮‍💨 <b>Descanso entre series</b> (sugerencia nuestra; la fuente no da ninguno)
    En manos libres, entre una serie y la siguiente.
settings-exercises_page =
    🧘 <b>Tiempos, series y repeticiones</b>
    Definen el calentamiento completo; las versiones rápida y suave mantienen sus dosis cortas. Elige un ejercicio:
settings-exercise_page =
    🧘 <b>{ $name }</b>
    Ahora: { $prescription }
    { $source }
    
    ✓ marca lo que guía ahora el calentamiento. Donde hay niveles, te muevo entre ellos tras cada calentamiento (ver /help); el tiempo, las series o las repeticiones que elijas aquí se mantienen hasta que cambie tu nivel.
settings-from_source = Las opciones no salen del rango que da la fuente.
settings-suggested = La fuente no da ninguna cifra: las opciones son una franja en torno a nuestra sugerencia.
settings-target_page =
    🎯 <b>Objetivo semanal</b>: { $target ->
        [one] { $target } calentamiento
       *[other] { $target } calentamientos
    } por semana. Elige otro:
settings-zone_page =
    🌍 <b>Zona horaria</b>: { $zone }
    Envía /timezone con tu ciudad, como /timezone Berlin o /timezone America/New_York: una ciudad sigue el horario de verano y los recordatorios mantienen su hora.
settings-seconds = { $seconds } s
settings-sets = Series: { $sets }
settings-reps = Rep.: { $reps }
settings-level = Nivel { $level }
settings-changed = ✓ Guardado
settings-not_offered = Esa opción no está disponible; no cambió nada.
settings-buttons-hands_free = 🙌 Manos libres: { $value }
settings-buttons-audio_guide = 🎧 Voz con cada ⏱ Iniciar: { $value }
settings-buttons-switch = 🔄 Cambio: { $seconds } s
settings-buttons-rest = 😮‍💨 Descanso { $seconds } s
settings-buttons-roller = 🧽 Rodillo: { $value }
settings-buttons-pictures = 🖼 Imágenes: { $value }
settings-buttons-morning = 🌅 Pregunta matinal: { $value }
settings-buttons-exercises = 🧘 Ajustar ejercicios
settings-buttons-precautions = 🩺 Mis precauciones
settings-buttons-reminder = ⏰ Recordatorio
settings-buttons-zone = 🌍 Zona horaria
settings-buttons-language = 🌐 Idioma: { $language }
settings-buttons-target = 🎯 Objetivo semanal: { $target }
settings-buttons-close = ✅ Cerrar
settings-buttons-reset = ↩️ Valor sugerido
settings-buttons-back = « Atrás
reminders-every_day = cada día
reminders-weekdays = entre semana
reminders-weekend = sáb–dom
reminders-on_days = los { $days }
reminders-status_on = ⏰ Recordatorio diario: <b>{ $time }</b> { $days } ({ $zone }).
reminders-status_waiting = ⏰ Recordatorio diario: <b>{ $time }</b> { $days }, en cuanto sepa tu zona horaria.
reminders-status_off = ⏰ Recordatorio diario: desactivado.
reminders-pick = Elige una hora o envíala, por ejemplo /remind 7:30 o /remind 7pm.
reminders-pick_days = ¿Qué días?
reminders-type_time = Envía la hora de tu recordatorio diario, por ejemplo 7:30, 19:05 o 7pm.
reminders-bad_typed_time = No entendí esa hora. Envíala así: 7:30, 19:05 o 7pm.
reminders-bad_time = No entendí esa hora. Prueba /remind 7:30, /remind 19:05, /remind 7pm o /remind off.
reminders-turned_off = ⏰ Recordatorio diario desactivado. /remind lo vuelve a activar.
reminders-ask_zone = Primero, tu zona horaria, para que el recordatorio llegue a tu hora: envía /timezone con tu ciudad, por ejemplo /timezone Berlin o /timezone America/New_York.
reminders-zone_now = 🌍 Tu zona horaria: <b>{ $zone }</b> (hora actual allí: { $time }).
reminders-zone_unset = 🌍 Aún no hay zona horaria; los días se cuentan en UTC. Envía /timezone con tu ciudad, por ejemplo /timezone Berlin o /timezone America/New_York; una ciudad sigue el horario de verano.
reminders-bad_zone = No conozco esa zona horaria. Prueba con tu ciudad, como /timezone Berlin, o con un nombre como /timezone America/New_York. También vale una diferencia horaria (/timezone +2) o tu hora local actual (/timezone 14:05), pero no siguen el horario de verano.
reminders-fixed_offset = ⚠️ Es una diferencia horaria fija: no sigue el horario de verano, así que con el próximo cambio de hora tu recordatorio llegaría una hora antes o después. ¿Dónde estás? Toca tu lugar o envía /timezone con tu ciudad, por ejemplo /timezone Berlin.
reminders-message =
    ⏰ Hora de calentar: { $count ->
        [one] { $count } ejercicio
       *[other] { $count } ejercicios
    }, { $minutes ->
        [one] cerca de { $minutes } minuto
       *[other] unos { $minutes } minutos
    }.
reminders-message_streak = Racha: { $streak }. ¡Sigue así!
reminders-snoozed = ⏰ Pospuesto hasta { $time }.
reminders-skipped = 🛌 Hoy lo saltamos. Hasta la próxima.
reminders-started = ▶️ Empezamos.
reminders-no_more_snoozes = Este ya no se puede posponer más.
reminders-old_reminder = Ese recordatorio es de un día anterior.
groups-not_yours = Este calentamiento es de { $name }. Envía /warmup cuando termine para empezar el tuyo.
groups-someone = otra persona
groups-busy = Aquí está en marcha el calentamiento de { $name }. Envía /warmup cuando termine para empezar el tuyo, o calienta ya en nuestro chat privado.
groups-in_private = 💬 Calentar en privado
groups-admins_only = En un grupo, solo sus administradores pueden cambiar el recordatorio, la zona horaria o el objetivo semanal, o borrar sus datos.
