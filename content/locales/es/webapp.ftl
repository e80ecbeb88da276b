### The progress and settings Mini App.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

webapp-title = Tu calentamiento de espalda
webapp-loading = Cargando…
webapp-unauthorized = Abre esta página desde el bot en Telegram (📊 Ver progreso en /progress). Si llevaba mucho rato abierta, ciérrala y vuelve a abrirla.
webapp-failed = No se pudo contactar con el bot. Inténtalo de nuevo en un momento.
webapp-tabs-calendar = Calendario
webapp-tabs-pain = Dolor
webapp-tabs-levels = Niveles
webapp-tabs-library = Ejercicios
webapp-tabs-settings = Ajustes
webapp-calendar_heading = Tus calentamientos, día a día
webapp-legend-complete = Calentamiento hecho
webapp-legend-partial = Empezado, sin terminar
webapp-legend-rest = Descanso
webapp-legend-none = Sin calentamiento
webapp-streak = Racha (días)
webapp-best_streak = Mejor racha
webapp-this_week = Esta semana
webapp-weekly_target = Objetivo semanal
webapp-pain_heading = Dolor de espalda antes y después de cada calentamiento
webapp-pain_note = 0 es sin dolor; 10, el peor que puedas imaginar. Solo aparecen los calentamientos con valoración.
webapp-pain_before = Antes
webapp-pain_after = Después
webapp-pain_empty = Aún no hay valoraciones. Responde a la pregunta de dolor antes y después de un calentamiento y aparecerán aquí.
webapp-levels_heading = Nivel de cada ejercicio
webapp-levels_empty = Ningún ejercicio de tu rutina tiene niveles.
webapp-level = Nivel
webapp-moves =
    Los niveles empiezan fáciles. Un ejercicio sube de nivel tras { $greens ->
        [one] { $greens } calentamiento verde
       *[other] { $greens } calentamientos verdes seguidos
    } (dolor de espalda de { $green_max }/10 o menos al terminar, y no peor que antes), y baja tras uno rojo (dolor de { $red_from }/10 o más al terminar, o { $worse_by ->
        [one] { $worse_by } punto peor
       *[other] { $worse_by } puntos peor
    }). Un nivel cada vez.
webapp-library_heading = Los ejercicios
webapp-how = Cómo
webapp-works = Qué trabaja
webapp-why = Motivo
webapp-settings_heading = Cómo funcionan tus calentamientos
webapp-fields-hf = 🙌 Ejercicios cronometrados en manos libres (un ⏱ Iniciar lleva cada lado y serie)
webapp-fields-voice = 🎧 Audioguía (voz) con cada ⏱ Iniciar
webapp-fields-switch = 🔄 Pausa entre lados
webapp-fields-rest = 😮‍💨 Descanso entre series (nuestra sugerencia)
webapp-fields-roller = 🧽 Tengo rodillo de espuma
webapp-fields-pics = 🖼 Imágenes (una animación en cada ejercicio)
webapp-fields-morning = 🌅 Pregunta matinal
webapp-fields-lang = 🌐 Idioma
webapp-fields-target = 🎯 Objetivo semanal (calentamientos)
webapp-saved = Guardado. El bot lo usa desde ahora.
webapp-not_offered = Esa opción no está disponible.
webapp-on = Sí
webapp-off = No
webapp-in_chat = ⚙️ Cambiado en la app: { $setting }: { $value }
webapp-open_progress = 📊 Ver progreso
webapp-menu_button = Progreso
