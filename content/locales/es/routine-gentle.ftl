### The words of the routine 'gentle' (its numbers are in content/routines/gentle.yaml).
### Each exercise is one message: its name, then how (.cue-N: the one or two lines shown at
### once; .how-N: the whole how, behind ℹ️ More), what it works (.works-N) and why (.why).
### { $side } and { $other } read "left" and "right" (side-words in warmup.ftl).

title = Calentamiento suave
description = Respiración lenta a cuatro patas, para los días en que te duele la espalda.
sit-back = Glúteos a los talones (postura del niño)
    .works-1 = espalda bajo los brazos (dorsales)
    .works-2 = zona lumbar
    .cue-1 = A cuatro patas, lleva la cadera hacia los talones.
    .cue-2 = Estira los dedos hacia delante, solo hasta donde te sea cómodo.
    .how-1 = Empieza a cuatro patas.
    .how-2 = Lleva la cadera hacia los talones, solo hasta donde te sea cómodo.
    .how-3 = Estira los dedos hacia delante y alarga la espalda.
    .why = Un estiramiento con apoyo que alarga la espalda sin cargarla.
diaphragmatic-breathing = Respiración abdominal a cuatro patas (respiración diafragmática)
    .works-1 = músculo respiratorio (diafragma)
    .works-2 = zona lumbar
    .cue-1 = A cuatro patas, espalda recta, hombros lejos del cuello.
    .cue-2 = Suelta el aire por la boca mientras metes el coxis con suavidad.
    .how-1 = Ponte a cuatro patas con la espalda recta.
    .how-2 = Aleja los hombros del cuello.
    .how-3 = Suelta el aire por la boca mientras metes el coxis con suavidad.
    .how-4 = Nuestra sugerencia: toma aire por la nariz, llenando el abdomen, antes de cada exhalación lenta.
    .why = Las exhalaciones largas relajan la zona lumbar y la sacan de la inclinación hacia delante.
side-breathing = Apertura lateral a cuatro patas (respiración diafragmática lateral)
    .works-1 = espalda bajo los brazos, parte baja (dorsal ancho inferior)
    .works-2 = costados de la cintura (oblicuos)
    .cue-1 = A cuatro patas, lleva una mano al lado de la cabeza, con el codo hacia abajo.
    .cue-2 = Abre el codo y el hombro hacia el techo.
    .how-1 = A cuatro patas, pelvis neutra y espalda recta.
    .how-2 = Apoya una mano junto a la cabeza y abre ese codo hacia el techo.
    .how-3 = Nuestra sugerencia: haz cada movimiento pequeño y suave, y cambia de brazo en cada serie (el encabezado indica cuál).
    .why = Una apertura suave del costado de la espalda, sin cargar peso.
