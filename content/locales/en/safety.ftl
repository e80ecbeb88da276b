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
    🩺 <b>A safety check first</b>, once. Does any of these apply to you?
    • a recent fall or injury
    • numbness in the groin or between the legs, or new trouble controlling your bladder or bowels
    • a leg getting weaker
    • fever, weight loss you can't explain, or a history of cancer
    • back pain that wakes you at night and does not ease
# Numbness between the legs or new trouble controlling the bladder or bowels can be cauda equina
# syndrome: an emergency (NICE NG59 1.1.1; NHS "Cauda equina syndrome": go to A&E immediately).
screening-flagged =
    Thank you for telling me. With that, please see a doctor before you use this routine: it is something a clinician should look at first, and I can coach but not examine. If it is new numbness between the legs, or trouble controlling your bladder or bowels, go to an emergency department or call emergency services now.
    I won't start a warm-up until then. Once a doctor or physiotherapist has checked you and said exercise is fine, tap below.
screening-clinician_recorded = Noted: a clinician has checked you. Go gently, and stop on sharp pain, numbness or tingling.
screening-clear_recorded = Noted: none of these applies. Send /warmup whenever you're ready.
screening-clear_noted = 🩺 Safety check: none of these applies to you. Thank you.
screening-clear_for_you = Noted for you: none of these applies.
screening-not_flagged = Only the person who reported a warning sign can clear it; your own check is unchanged.
screening-yes = ⚠️ One of these applies
screening-none = ✅ None of these applies
screening-clinician = 🩺 A clinician has checked me
# Precautions (content/safety.yaml holds what each changes, and its sources). They never stop a
# warm-up; they change which exercises are given. The reasons say what changes and why, in the
# person's terms; every change is our suggestion, not the source routine's.
precautions-question =
    🩺 <b>One more question, asked once.</b> Do any of these apply to you?
    • osteoporosis, or steroid tablets for 3 months or more
    • a spine or hip operation in the last year, or a hip replacement
    • pregnancy
    • pain or tingling that spreads below the knee, or in both legs
    They change which exercises I give you. Tick any that apply.
precautions-labels-bones = Osteoporosis or long-term steroids
precautions-labels-surgery = Spine/hip surgery or hip replacement
precautions-labels-pregnancy = I'm pregnant
precautions-labels-legs = Leg symptoms (below knee, both legs)
precautions-reasons-bones = Weak bones: no forceful bending or twisting at the end of your range (so no knee hug, lying twist or sit back), and no lying on a roller.
precautions-reasons-surgery = After an operation your surgical team's exercises come first. I leave out the deep hip bends, the knee across your body, the leg crossed behind, lying on your hip and the twists; check what is left with your team before you do it.
precautions-reasons-pregnancy = Pregnancy: no lying flat on your back, and no lying on your belly on a roller.
precautions-reasons-legs = Leg symptoms: nothing is left out, but stop any move that sends the pain or tingling further down your leg. If it is in both legs, or a leg is getting weaker or numb, get medical advice today; numbness between your legs or new bladder or bowel trouble needs urgent help.
precautions-none_recorded = Noted: none of these applies. You can change this in /settings.
precautions-noted = 🩺 Noted, thank you. What you told me stays between us; change it in /settings in our private chat.
precautions-changed = 🩺 <b>Changed for you</b> (our suggestion, not the source routine's):
precautions-left_out = • Left out: { $names }
precautions-swapped = • A standing stretch instead of: { $names }
precautions-none = ✅ None of these
precautions-done = Continue ▶️
precautions-leave_out = 🚫 Leave out { $exercise }
precautions-left_out_now = Left out of your warm-ups from now on: { $exercise }. Put it back any time in /settings.
precautions-page =
    🩺 <b>Your precautions</b> (for you, in every chat; from your next warm-up)
    { $precautions }
    
    🚫 Left out after sharp pain: { $left_out }
    
    Tap a precaution to tick or untick it, or an exercise to put it back.
precautions-nothing_left_out = none
precautions-put_back = ↩️ Put back { $exercise }
checkin-before = How is your back right now? Tap or type 0 (no pain) to 10 (the worst).
checkin-after = How is your back now? Tap or type 0 to 10.
checkin-recorded_before = Back before: { $pain }/10
checkin-recorded_after = Back after: { $pain }/10
checkin-change = Back: { $before }/10 before, { $after }/10 after
checkin-skipped = Check-in skipped.
checkin-flare_up =
    { $pain }/10 is a lot. The gentle warm-up ({ $minutes } minutes of easy breathing, no foam rolling) may suit today better.
    If the pain is sharp, or comes with numbness or tingling, stop and see a doctor.
checkin-rest_today =
    { $pain }/10 is a lot. Resting today is a good choice; the routine will be here tomorrow. If you would rather move a little, the only warm-up I'd suggest today is the gentle one ({ $minutes } minutes of easy breathing, no foam rolling, no deep stretches).
    If the pain is sharp, or comes with numbness or tingling, stop and see a doctor.
checkin-full_caution = If you choose the full routine anyway: go slowly, leave out any exercise that makes the pain worse, and stop at once on sharp pain, numbness or tingling.
# When to seek care today: NICE NG59 (Low back pain and sciatica in over 16s, 2016,
# 1.1.1: alternative diagnoses and red flags), and NHS "Back pain: urgent advice" (nhs.uk).
checkin-seek_care = ⚠️ <b>Get medical help today</b> if this pain is new and severe, follows a fall or injury, or comes with a fever, numbness in the groin or between the legs, weakness in a leg, or trouble controlling your bladder or bowels. For loss of bladder or bowel control, go to an emergency department or call emergency services now.
checkin-after_sharp_pain = Last time you stopped at { $exercise } because of sharp pain. If it still hurts today, rest, or skip that exercise with ⏭ Skip when it comes; if the pain keeps coming back, see a doctor or physiotherapist.
checkin-go_gently = { $pain }/10: go gently, and only as far as is comfortable. If the pain is sharp, or comes with numbness or tingling, stop and see a doctor.
# Sharp pain during a warm-up: stop, and when to get help (NICE NG59 1.1; NHS "Back pain").
sharp_pain =
    ⚠️ <b>Stopped.</b> Sharp pain is a signal to stop, not to push through.
    • Rest in a position that eases it.
    • If it does not settle, keeps coming back, or comes with numbness, tingling or weakness in a leg, see a doctor or physiotherapist.
    • Get urgent help for loss of bladder or bowel control, or numbness between the legs.
    I can't tell what is causing it. When you are pain-free, /warmup is here.
