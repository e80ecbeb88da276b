### /start, /help, /routines, and what is said outside a warm-up.
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

welcome =
    <b>Tu entrenador de calentamiento lumbar</b>
    { $count ->
        [one] { $count } movimiento que suelta
       *[other] { $count } movimientos que sueltan
    } la zona lumbar y las caderas antes de entrenar o tras mucho rato sentado: { $minutes ->
        [one] cerca de { $minutes } minuto
       *[other] unos { $minutes } minutos
    }. Necesitas una colchoneta, y un rodillo de espuma si tienes.
safety = 🩺 Si te duele la espalda, consulta primero con un médico. Para de inmediato si notas dolor agudo, adormecimiento u hormigueo. Yo te guío; no puedo diagnosticar.
help =
    <b>Comandos</b>
    /warmup – empieza el calentamiento o sigue donde lo dejaste
    /stop – termina el calentamiento actual y guarda lo que hiciste
    /routines – todas las rutinas que puedes empezar
    /progress – rachas, objetivo semanal, evolución del dolor y un gráfico
    /settings – tiempos, series y repeticiones, temporizador manos libres, pausas, rodillo de espuma, imágenes, recordatorio, zona horaria y objetivo, en un solo menú
    /target – tu objetivo semanal: /target 5
    /export – todo lo guardado de este chat, en un archivo
    /forget – borra todo lo guardado de este chat
    /remind – un recordatorio diario a tu hora: /remind 7:30, /remind 7pm, /remind off
    /timezone – tu zona horaria, mejor con tu ciudad: /timezone Berlin, /timezone America/New_York
    /pictures – activa o quita la animación de cada ejercicio (sin ella ahorras datos): /pictures off
    /language – el idioma en que te hablo: /language es
    /rest – un día de descanso hoy: tu racha se mantiene (uno por semana)
    /safety – la nota de seguridad y el control de seguridad otra vez
    /help – esta lista
    
    Durante un calentamiento, un toque en ⏱ Iniciar lleva un ejercicio cronometrado en manos libres: cada lado y cada serie, con una pausa para cambiar de lado y un descanso entre series; luego llega el siguiente ejercicio. ⏸ Pausa detiene el temporizador; en /settings puedes quitar el modo manos libres y usar un temporizador por lado. Toca ✅ Hecho para terminar un paso tú, ⏭ Saltar para omitirlo, ⏹ Parar para acabar por hoy y ℹ️ Más para ver todo el cómo y el porqué. También puedes escribir tus respuestas de 0 a 10.
    
    <b>Niveles</b>: cuando la fuente da un rango (tiempos, series, repeticiones), empiezas por el extremo fácil, y el semáforo tras cada calentamiento te hace avanzar por él; /settings muestra el nivel de cada ejercicio.
intro =
    { $title }: { $count ->
        [one] { $count } ejercicio
       *[other] { $count } ejercicios
    }, { $minutes ->
        [one] cerca de { $minutes } minuto
       *[other] unos { $minutes } minutos
    }.
hands_free_tip = 🙌 Un toque en ⏱ Iniciar lleva todo un ejercicio cronometrado en manos libres: lados, series y pausas.
needs_roller =
    🧽 { $count ->
        [one] { $count } ejercicio usa
       *[other] { $count } ejercicios usan
    } rodillo de espuma. Si no tienes, indícalo en /settings: se cambian por estiramientos de pie.
routine_roller = 🧽 Con rodillo de espuma: { $names }. Si no tienes, se cambian por estiramientos de pie.
routines = <b>Rutinas</b>
routine_line =
    { $title }: { $count ->
        [one] { $count } ejercicio
       *[other] { $count } ejercicios
    }, { $minutes ->
        [one] { $minutes } min
       *[other] unos { $minutes } min
    }
offer-resumed = ▶️ Sigue abajo.
offer-started_over = 🔄 De nuevo desde el paso 1.
# A message typed in a private chat that answers nothing open (a number answers a check-in).
typed-screening = El control de seguridad de arriba sigue abierto: toca ✅ o ⚠️ debajo de él.
typed-before = Para decir cómo está tu espalda, envía un número del 0 al 10 o toca uno arriba.
typed-buttons = La pregunta de arriba sigue abierta: toca uno de sus botones.
typed-step = Tu calentamiento va por el paso { $number }/{ $total }: sigue con los botones de debajo, o termínalo con /stop.
typed-after = Para decir cómo está tu espalda tras el calentamiento, envía un número del 0 al 10 o toca uno arriba.
fallback = Respondo a comandos y botones. Envía /warmup para empezar o /help para ver la lista.
error = Algo falló por mi parte. Tu progreso está guardado; envía /warmup para seguir.
