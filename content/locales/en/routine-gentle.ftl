### The words of the routine 'gentle' (its numbers are in content/routines/gentle.yaml).
### Each exercise is one message: its name, then how (.cue-N: the one or two lines shown at
### once; .how-N: the whole how, behind ℹ️ More), what it works (.works-N) and why (.why).
### { $side } and { $other } read "left" and "right" (side-words in warmup.ftl).

title = Gentle warm-up
description = Slow breathing on hands and knees, for days when your back is sore.
sit-back = Sit back and reach (child's pose)
    .works-1 = back muscles under the arms (lats)
    .works-2 = lower back
    .cue-1 = On hands and knees, sit your hips back toward your heels.
    .cue-2 = Stretch your fingertips forward, only as far as is comfortable.
    .how-1 = Start on hands and knees.
    .how-2 = Sit your hips back toward your heels only as far as is comfortable.
    .how-3 = Stretch your fingertips forward and let your back lengthen.
    .why = A supported stretch that lengthens the back without loading it.
diaphragmatic-breathing = Belly breathing on all fours (diaphragmatic breathing)
    .works-1 = breathing muscle (diaphragm)
    .works-2 = lower back
    .cue-1 = On all fours, back straight, shoulders away from your neck.
    .cue-2 = Breathe out through your mouth as you gently tuck your pelvis.
    .how-1 = Come onto all fours with a straight back.
    .how-2 = Roll your shoulders away from your neck.
    .how-3 = Breathe out through your mouth while you gently tuck your pelvis.
    .how-4 = Our suggestion: breathe in through your nose, letting your belly fill, before each slow breath out.
    .why = Long exhales calm the lower back and ease it out of a forward tilt.
side-breathing = Side-opening breath on all fours (diaphragmatic breathing to the side)
    .works-1 = lower part of the back muscles under the arms (lower lats)
    .works-2 = sides of the waist (obliques)
    .cue-1 = On all fours, lift one hand to the side of your head, elbow pointing down.
    .cue-2 = Open the elbow and shoulder up toward the ceiling.
    .how-1 = On all fours, pelvis neutral and back straight.
    .how-2 = Rest one hand by the side of your head and open that elbow toward the ceiling.
    .how-3 = Our suggestion: keep every movement small and easy, and change arms with each set (the heading says which).
    .why = A gentle opening for the side of the back, with no weight on it.
