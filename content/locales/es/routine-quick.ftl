### The words of the routine 'quick' (its numbers are in content/routines/quick.yaml).
### Each exercise is one message: its name, then how (.cue-N: the one or two lines shown at
### once; .how-N: the whole how, behind ℹ️ More), what it works (.works-N) and why (.why).
### { $side } and { $other } read "left" and "right" (side-words in warmup.ftl).

title = Calentamiento rápido
description = Tres estiramientos de la rutina completa, con tiempos más cortos.
thoracic-spine-mobility = Giro de espalda alta (movilidad torácica)
    .works-1 = espalda alta (columna torácica)
    .works-2 = costados de la cintura (oblicuos)
    .cue-1 = Boca arriba, sube la rodilla { $side } a 90 grados y crúzala hacia la { $other }.
    .cue-2 = Sujétala con la mano { $other }; lleva atrás el hombro de la mano { $side }.
    .how-1 = Acuéstate boca arriba y pega la zona lumbar al suelo.
    .how-2 = Sube la pierna { $side } hasta flexionar la cadera a 90 grados; luego deja caer la rodilla { $side } cruzando el cuerpo hacia la { $other }.
    .how-3 = Sujeta esa rodilla contra el suelo con la mano { $other } y lleva atrás el hombro de la mano { $side }.
    .why = Moviliza la espalda alta antes de entrenar; es uno de los movimientos con los que la rutina libera la espalda y la pelvis.
quadratus-lumborum-stretch = Rodillas al pecho (cuadrado lumbar)
    .works-1 = el músculo profundo a cada lado de la zona lumbar (cuadrado lumbar)
    .cue-1 = Boca arriba, abraza las dos rodillas contra el pecho.
    .cue-2 = Sopla con fuerza y deja que la zona lumbar se redondee.
    .how-1 = Acuéstate boca arriba y lleva las dos rodillas al pecho.
    .how-2 = Nuestro cambio: la fuente dice que tires con todas tus fuerzas; tira con firmeza, pero solo hasta donde te resulte cómodo.
    .how-3 = Toma aire profundamente; luego suéltalo con fuerza por la boca y deja que la zona lumbar se redondee.
    .why = Redondear la zona lumbar estira el músculo profundo que la recorre.
deep-quads-psoas-stretch = Estiramiento de cadera, de rodillas (cuádriceps y psoas)
    .works-1 = parte delantera del muslo (cuádriceps)
    .works-2 = parte delantera de la cadera (psoas)
    .works-3 = glúteos
    .cue-1 = Arrodíllate solo sobre la rodilla { $side }, con ese pie atrás.
    .cue-2 = Estírate hacia arriba, mete el coxis y aprieta los glúteos.
    .how-1 = Arrodíllate sobre la rodilla { $side }, con ese pie atrás.
    .how-2 = Nuestra sugerencia: un cojín bajo la rodilla.
    .how-3 = Estírate hacia arriba, hombros sobre caderas; mete el coxis y aprieta los glúteos.
    .why = Erguirse y meter el coxis estira a la vez flexores de cadera y cuádriceps.
