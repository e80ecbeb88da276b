### The words of the routine 'quick' (its numbers are in content/routines/quick.yaml).
### Each exercise is one message: its name, then how (.cue-N: the one or two lines shown at
### once; .how-N: the whole how, behind ℹ️ More), what it works (.works-N) and why (.why).
### { $side } and { $other } read "left" and "right" (side-words in warmup.ftl).

title = Quick warm-up
description = Three stretches from the full routine, with shorter holds.
thoracic-spine-mobility = Upper-back twist (thoracic spine mobility)
    .works-1 = upper back (thoracic spine)
    .works-2 = sides of the waist (obliques)
    .cue-1 = On your back, bring your { $side } knee up to 90 degrees and across to the { $other }.
    .cue-2 = Pin it with your { $other } hand and reach your { $side } shoulder back.
    .how-1 = Lie on your back and press your lower back flat into the floor.
    .how-2 = Raise your { $side } leg until the hip is bent to 90 degrees, then let your { $side } knee fall across your body to the { $other }.
    .how-3 = Pin that knee to the floor with your { $other } hand and reach your { $side } shoulder back.
    .why = It loosens the upper back before a workout, one of the moves the routine uses to free up the back and pelvis.
quadratus-lumborum-stretch = Knees-to-chest stretch (quadratus lumborum)
    .works-1 = the deep muscle at each side of the lower back (quadratus lumborum)
    .cue-1 = On your back, hug both knees to your chest.
    .cue-2 = Blow the air out hard and let your lower back round.
    .how-1 = Lie on your back and pull both knees in to your chest.
    .how-2 = Our change: the source says to pull as hard as you can; pull firmly, but only as hard as is comfortable.
    .how-3 = Breathe in deeply, then blow out hard through your mouth and let your lower back round.
    .why = Rounding the lower back stretches the deep muscle that runs along it.
deep-quads-psoas-stretch = Kneeling front-of-hip stretch (quads and psoas)
    .works-1 = front of the thigh (quadriceps)
    .works-2 = front of the hip (psoas)
    .works-3 = buttocks (glutes)
    .cue-1 = Kneel on your { $side } knee only, that foot behind you.
    .cue-2 = Rise tall, tuck your pelvis under and squeeze your glutes.
    .how-1 = Kneel on your { $side } knee with that foot behind you.
    .how-2 = Our suggestion: a cushion under the knee.
    .how-3 = Rise tall, shoulders over hips, tuck your pelvis under and squeeze your glutes.
    .why = Tucking the pelvis while upright stretches the hip flexors and quads at once.
