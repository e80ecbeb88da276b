"""A routine shaped by a person's settings: the choices on offer, and what the coach guides."""

from __future__ import annotations

from bot.coaching import coach
from bot.coaching.coach import Cursor
from bot.coaching.plan import Changes, Dose, Prefs, personalise
from bot.coaching.precautions import Answers, changes_for
from bot.config import PROJECT_ROOT
from bot.content import Levels, load_content
from bot.content.doses import options

CONTENT = load_content(PROJECT_ROOT / "content")
FULL = CONTENT.default_routine
RULES = CONTENT.rules.doses
NO_LEVELS = Levels()  # the doses alone; the levels' own tests pass CONTENT.levels


def _step(routine_id: str, exercise_id: str):  # type: ignore[no-untyped-def]
    return next(s for s in CONTENT.routines[routine_id].steps if s.id == exercise_id)


def test_the_sources_ranges_are_the_whole_choice() -> None:
    """Quadratus lumborum: 2-3 sets of 20-30 s in the source, so exactly those."""
    offered = options(_step("lower-back", "quadratus-lumborum-stretch").prescription, RULES)
    assert offered.seconds == (20, 25, 30)
    assert offered.sets == (2, 3)
    side = options(_step("lower-back", "side-breathing").prescription, RULES)
    assert side.sets == (3, 4)
    assert side.reps == (5, 6, 7, 8, 9, 10)


def test_a_suggestion_moves_within_its_band() -> None:
    """A suggested 30 s hold: half to one and a half times, from the ladder; one set or two."""
    offered = options(_step("lower-back", "psoas-stretch").prescription, RULES)
    assert offered.seconds == (15, 20, 25, 30, 40, 45)
    assert offered.sets == (1, 2)
    breathing = options(_step("lower-back", "diaphragmatic-breathing").prescription, RULES)
    assert breathing.reps == (3, 4, 5, 6, 7)


def test_nothing_chosen_is_the_routine_itself() -> None:
    """With nothing chosen and no levels, the routine comes back unchanged."""
    assert personalise(FULL, Prefs(), RULES, NO_LEVELS, full=True) is FULL


def test_a_dose_shapes_the_full_warmup_only() -> None:
    """A chosen dose sets the full warm-up's hold, timer and sets; the quick one stays as it is."""
    prefs = Prefs().with_dose("quadratus-lumborum-stretch", Dose(seconds=25, sets=2))
    full = personalise(FULL, prefs, RULES, NO_LEVELS, full=True)
    rx = full.steps[1].prescription
    assert (rx.guided_seconds, rx.guided_sets) == (25, 2)
    assert coach.timer_seconds(full.steps[1]) == 25
    assert len(coach.sub_steps(1, full.steps[1])) == 2
    quick = CONTENT.quick_routine
    assert personalise(quick, prefs, RULES, NO_LEVELS, full=False) is quick


def test_a_value_off_the_band_is_ignored() -> None:
    """Stored choices outside what content offers now (content changed) are not trusted."""
    prefs = Prefs().with_dose("quadratus-lumborum-stretch", Dose(seconds=45, sets=9))
    rx = personalise(FULL, prefs, RULES, NO_LEVELS, full=True).steps[1].prescription
    assert (rx.guided_seconds, rx.guided_sets) == (30, 3)


def test_a_set_under_way_stays_in_the_plan() -> None:
    """Fewer sets chosen during set 3 keep that set valid; Done on it goes to the next exercise."""
    prefs = Prefs().with_dose("quadratus-lumborum-stretch", Dose(sets=2))
    shaped = personalise(FULL, prefs, RULES, NO_LEVELS, full=True, at=Cursor(1, 3))
    assert coach.is_valid(shaped, Cursor(1, 3))
    assert coach.advance(shaped, Cursor(1, 3), coach.Action.DONE) == Cursor(2, 1, coach.Side.LEFT)


def test_without_a_roller_the_alternatives_come_last() -> None:
    """Without a foam roller, the standing alternatives replace the roller steps and come
    after every floor exercise (down to the floor once); the others keep their order."""
    shaped = personalise(FULL, Prefs(roller=False), RULES, NO_LEVELS, full=True)
    ids = [step.id for step in shaped.steps]
    assert ids[6:] == ["standing-outer-hip-stretch", "standing-quad-stretch"]
    assert ids[:6] == [step.id for step in FULL.steps if step.needs is None]
    assert all(step.needs is None for step in shaped.steps)
    assert all(step.alternative for step in shaped.steps[6:])


def test_a_new_person_starts_at_the_bottom_of_the_sources_range() -> None:
    """A new person starts at the bottom of the source's range; with no levels, the suggestion."""
    shaped = personalise(FULL, Prefs(), RULES, CONTENT.levels, full=True)
    ql, side = shaped.steps[1].prescription, shaped.steps[7].prescription
    assert (ql.guided_seconds, ql.guided_sets, ql.level, ql.levels) == (20, 2, 1, 4)
    assert (side.guided_reps, side.guided_sets) == (5, 3)
    assert shaped.steps[0].prescription.guided_seconds == 30  # no levels: the suggestion


def test_a_level_never_goes_past_the_top() -> None:
    """A stored level above the top is guided as the top level."""
    prefs = Prefs().with_level("quadratus-lumborum-stretch", 9)
    rx = personalise(FULL, prefs, RULES, CONTENT.levels, full=True).steps[1].prescription
    assert (rx.guided_seconds, rx.guided_sets, rx.level) == (30, 3, 4)


def test_a_dose_chosen_by_hand_wins_over_the_level_until_the_level_moves() -> None:
    """A dose chosen by hand wins over the level until the level next moves."""
    prefs = Prefs().with_dose("quadratus-lumborum-stretch", Dose(seconds=30))
    rx = personalise(FULL, prefs, RULES, CONTENT.levels, full=True).steps[1].prescription
    assert (rx.guided_seconds, rx.guided_sets, rx.by_hand) == (30, 2, True)
    moved = prefs.with_level("quadratus-lumborum-stretch", 1)
    rx = personalise(FULL, moved, RULES, CONTENT.levels, full=True).steps[1].prescription
    assert (rx.guided_seconds, rx.guided_sets, rx.by_hand) == (25, 2, False)


def test_changes_join_every_ticked_precaution_and_left_out_exercise() -> None:
    """Unit: what is left out wins over a swap of the same exercise, and order is stable."""
    picked = Answers(precautions=("pregnancy", "bones"), left_out=("quads-foam-roll",))
    assert changes_for(CONTENT.safety, picked) == Changes(
        left_out=(
            "quadratus-lumborum-stretch",
            "quads-foam-roll",
            "sit-back",
            "thoracic-spine-mobility",
        ),
        swapped=("tfl-foam-roll",),
    )
    assert changes_for(CONTENT.safety, Answers(precautions=())) == Changes()
    assert not Changes()
    assert Changes(swapped=("tfl-foam-roll",))


def test_precautions_leave_out_and_swap_in_the_plan() -> None:
    """Unit: a left-out exercise is gone from the shaped routine, a swapped one is its
    standing stretch (last, after the floor exercises), and the others keep their order."""
    changes = Changes(left_out=("thoracic-spine-mobility",), swapped=("quads-foam-roll",))
    shaped = personalise(FULL, Prefs(changes=changes), RULES, NO_LEVELS, full=True)
    ids = [step.id for step in shaped.steps]
    assert ids == [
        *(s.id for s in FULL.steps if s.id not in ("thoracic-spine-mobility", "quads-foam-roll")),
        "standing-quad-stretch",
    ]
