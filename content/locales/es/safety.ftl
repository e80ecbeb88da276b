### The safety check, precautions, pain check-ins and sharp pain. Keep the wording exact:
### what to stop on, and when to get help, is health advice (sources beside each message).
### Messages are Telegram HTML; { $name } is filled in by the bot (bot/content/placeholders.py
### lists what each message may use). Numbers that change behaviour are in rules.yaml.

# The red flags asked before a first warm-up: NICE NG59 (Low back pain and sciatica in over 16s,
# 2016, 1.1.1) and the IFOMPT international framework for red flags to potential serious spinal
# pathologies (Finucane et al., J Orthop Sports Phys Ther 2020;50(7):350-372): fracture after
# trauma, cauda equina syndrome (urgent), progressive neurological deficit, infection,
# malignancy, and non-mechanical night pain.
screening-questions =
    🩺 <b>Control de seguridad</b>, solo la primera vez. ¿Te pasa algo de esto?
    • caída o lesión reciente
    • adormecimiento en la ingle o entre las piernas, o problemas nuevos para controlar la orina o las heces
    • una pierna que se debilita
    • fiebre, pérdida de peso inexplicable o antecedentes de cáncer
    • dolor de espalda nocturno que te despierta y no cede
screening-flagged =
    Gracias por decírmelo. En ese caso, consulta con un médico antes de hacer esta rutina: es algo que un profesional de la salud debe valorar primero, y yo puedo guiarte, pero no examinarte. Si es adormecimiento nuevo entre las piernas o problemas para controlar la orina o las heces, ve ahora mismo a urgencias o llama al número de emergencias.
    No empezaré ningún calentamiento hasta entonces. Cuando un médico o fisioterapeuta te haya revisado y te diga que puedes hacer ejercicio, toca abajo.
screening-clinician_recorded = Anotado: te revisó un profesional de la salud. Ve con calma y para si notas dolor agudo, adormecimiento u hormigueo.
screening-clear_recorded = Anotado: no te pasa nada de esto. Envía /warmup cuando quieras.
screening-clear_noted = 🩺 Control de seguridad: no te pasa nada de esto. Gracias.
screening-clear_for_you = Anotado para ti: nada de esto te pasa.
screening-not_flagged = Solo quien indicó una señal de alarma puede retirarla; tu propio control no cambia.
screening-yes = ⚠️ Sí, me pasa algo
screening-none = ✅ No, nada de esto
screening-clinician = 🩺 Me revisó un médico o fisio
# Precautions (content/safety.yaml holds what each changes, and its sources). They never stop a
# warm-up; they change which exercises are given. The reasons say what changes and why, in the
# person's terms; every change is our suggestion, not the source routine's.
precautions-question =
    🩺 <b>Una pregunta más, solo una vez.</b> ¿Te pasa algo de esto?
    • osteoporosis, o tomar corticoides en pastillas durante 3 meses o más
    • operación de columna o cadera en el último año, o prótesis de cadera
    • embarazo
    • dolor u hormigueo que baja por debajo de la rodilla, o en las dos piernas
    Según lo que marques, cambio los ejercicios. Marca todo lo que te pase.
precautions-labels-bones = Osteoporosis o corticoides prolongados
precautions-labels-surgery = Cirugía de columna/cadera o prótesis
precautions-labels-pregnancy = Embarazo
precautions-labels-legs = Síntomas en piernas (por debajo de rodilla)
precautions-reasons-bones = Huesos frágiles: nada de doblar ni girar la espalda con fuerza al final del recorrido (sin rodillas al pecho, giro de espalda alta ni glúteos a los talones), y sin acostarte sobre un rodillo.
precautions-reasons-surgery = Tras una operación, los ejercicios de tu equipo quirúrgico tienen prioridad. Quito las flexiones profundas de cadera, la rodilla cruzada sobre el cuerpo, la pierna cruzada por detrás, tumbarte de lado sobre la cadera y los giros; consulta lo que queda con tu equipo antes de hacerlo.
precautions-reasons-pregnancy = Embarazo: nada de acostarte totalmente boca arriba, ni boca abajo sobre un rodillo.
precautions-reasons-legs = Síntomas en piernas: no quito nada, pero deja cualquier movimiento que baje el dolor o el hormigueo por la pierna. Si lo notas en las dos piernas, o una pierna pierde fuerza o se adormece, consulta hoy con un médico; el adormecimiento entre las piernas o un problema nuevo con la orina o las heces requiere atención urgente.
precautions-none_recorded = Anotado: no te pasa nada de esto. Puedes cambiarlo en /settings.
precautions-noted = 🩺 Anotado, gracias. Lo que me contaste queda entre nosotros; cámbialo en /settings en nuestro chat privado.
precautions-changed = 🩺 <b>Cambios para ti</b> (sugerencia nuestra, no de la rutina original):
precautions-left_out = • Fuera: { $names }
precautions-swapped = • Estiramiento de pie en lugar de: { $names }
precautions-none = ✅ Nada de esto
precautions-done = Continuar ▶️
precautions-leave_out = 🚫 Quitar { $exercise }
precautions-left_out_now = Desde ahora lo quito de tus calentamientos: { $exercise }. Recupéralo cuando quieras en /settings.
precautions-page =
    🩺 <b>Tus precauciones</b> (para ti, en todos los chats; desde tu próximo calentamiento)
    { $precautions }
    
    🚫 Fuera tras dolor agudo: { $left_out }
    
    Toca una precaución para marcarla o desmarcarla, o un ejercicio para recuperarlo.
precautions-nothing_left_out = ninguno
precautions-put_back = ↩️ Recuperar { $exercise }
checkin-before = ¿Cómo está tu espalda ahora mismo? Toca o escribe de 0 (sin dolor) a 10 (el peor).
checkin-after = ¿Cómo está tu espalda ahora? Toca o escribe de 0 a 10.
checkin-recorded_before = Espalda antes: { $pain }/10
checkin-recorded_after = Espalda después: { $pain }/10
checkin-change = Espalda: { $before }/10 antes, { $after }/10 después
checkin-skipped = Valoración omitida.
checkin-flare_up =
    { $pain }/10 es mucho. Puede que hoy te siente mejor el calentamiento suave ({ $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } de respiración tranquila, sin rodillo).
    Si el dolor es agudo o viene con adormecimiento u hormigueo, para y consulta con un médico.
checkin-rest_today =
    { $pain }/10 es mucho. Descansar hoy es buena opción; la rutina seguirá aquí mañana. Si prefieres moverte un poco, el único calentamiento que te sugeriría hoy es el suave ({ $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } de respiración tranquila, sin rodillo ni estiramientos profundos).
    Si el dolor es agudo o viene con adormecimiento u hormigueo, para y consulta con un médico.
checkin-full_caution = Si aun así eliges la rutina completa: ve despacio, omite cualquier ejercicio que empeore el dolor y para de inmediato si notas dolor agudo, adormecimiento u hormigueo.
# When to seek care today: NICE NG59 (Low back pain and sciatica in over 16s, 2016,
# 1.1.1: alternative diagnoses and red flags), and NHS "Back pain: urgent advice" (nhs.uk).
checkin-seek_care = ⚠️ <b>Busca atención médica hoy</b> si este dolor es nuevo e intenso, aparece tras una caída o lesión, o viene con fiebre, adormecimiento en la ingle o entre las piernas, debilidad en una pierna o problemas para controlar la orina o las heces. Si pierdes el control de la orina o las heces, ve ahora mismo a urgencias o llama al número de emergencias.
checkin-after_sharp_pain = La última vez paraste en { $exercise } por dolor agudo. Si hoy aún te duele, descansa, o sáltate ese ejercicio con ⏭ Saltar cuando llegue; si el dolor sigue volviendo, consulta con un médico o fisioterapeuta.
checkin-go_gently = { $pain }/10: ve con suavidad y solo hasta donde te resulte cómodo. Si el dolor es agudo o viene con adormecimiento u hormigueo, para y consulta con un médico.
# Sharp pain during a warm-up: stop, and when to get help (NICE NG59 1.1; NHS "Back pain").
sharp_pain =
    ⚠️ <b>Paramos.</b> El dolor agudo es una señal para parar, no para aguantar.
    • Descansa en una postura que lo alivie.
    • Si no se calma, reaparece o viene con adormecimiento, hormigueo o debilidad en una pierna, consulta con un médico o fisioterapeuta.
    • Busca ayuda urgente si pierdes el control de la orina o las heces, o notas adormecimiento entre las piernas.
    No puedo saber qué lo causa. Cuando no tengas dolor, /warmup te espera aquí.
