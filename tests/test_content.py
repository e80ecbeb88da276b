"""Content files load, and a broken one stops start-up naming the file and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.chat import render
from bot.coaching import coach
from bot.config import PROJECT_ROOT
from bot.content import ContentError, load_content

CONTENT = PROJECT_ROOT / "content"
ROUTINE = "lower-back.yaml"
LOCALE = "locales/en"
WARMUP = f"{LOCALE}/warmup.ftl"
WORDS = f"{LOCALE}/routine-lower-back.ftl"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_content_file_loads() -> None:
    """The shipped texts and every routine file pass validation."""
    content = load_content(CONTENT)
    assert set(content.routines) == {p.stem for p in (CONTENT / "routines").glob("*.yaml")}
    assert content.default_routine.id == "lower-back"


def test_the_lower_back_routine_keeps_the_sources_numbers() -> None:
    """Eight exercises in the article's order, with its own sets, holds and reps."""
    routine = load_content(CONTENT).routines["lower-back"]
    assert [step.name for step in routine.steps] == [
        "Upper-back twist (thoracic spine mobility)",
        "Knees-to-chest stretch (quadratus lumborum)",
        "Seated hip-flexor stretch (psoas)",
        "Outer-hip foam roll (TFL)",
        "Front-of-thigh foam roll (quads)",
        "Kneeling front-of-hip stretch (quads and psoas)",
        "Belly breathing on all fours (diaphragmatic breathing)",
        "Side-opening breath on all fours (diaphragmatic breathing to the side)",
    ]
    quadratus, side_breathing = routine.steps[1].prescription, routine.steps[7].prescription
    assert (str(quadratus.sets), str(quadratus.hold_seconds)) == ("2-3", "20-30")
    assert (str(side_breathing.sets), str(side_breathing.reps)) == ("3-4", "5-10")
    assert quadratus.from_source
    assert side_breathing.from_source
    chosen = [step.name for step in routine.steps if not step.prescription.from_source]
    assert len(chosen) == 6  # every number the article does not give is marked as ours
    assert 10 <= coach.estimated_minutes(routine) <= 20


# Our additions to and changes of the source's instructions, as they are worded in the routine
# files: each must sit in a line that says it is ours, and never in a cue, which is short and
# unmarked. A new addition joins this list.
OURS = (
    "cushion",
    "into the twist",
    "slow breaths",
    "as hard as is comfortable",
    "breathe in through your nose",
    "change arms",
    "small and easy",
)
MARKS = ("Our suggestion:", "Our change:")


def test_what_is_ours_is_marked_where_a_person_reads_it() -> None:
    """Every known addition or change sits in a line marked as ours, in every routine; no cue
    carries one; the alternatives and our numbers are flagged; the source's anatomy slip
    about the psoas is not repeated."""
    content = load_content(CONTENT)
    steps = [
        each
        for routine in content.routines.values()
        for step in routine.steps
        for each in (step, step.instead)
        if each is not None
    ]
    found = set()
    for step in steps:
        for line in step.instructions:
            if ours := [phrase for phrase in OURS if phrase in line.lower()]:
                found.update(ours)
                assert line.startswith(MARKS), (step.id, line)
        assert not [p for line in step.cue for p in OURS if p in line.lower()], step.id
        assert "under the obliques" not in step.why
        assert step.alternative == (step.id.startswith("standing-")), step.id
    assert found == set(OURS)  # the list names nothing the files no longer say


def test_each_exercise_flags_what_goes_beyond_the_source_and_the_bot_says_so() -> None:
    """Every exercise says which of its targets and why are ours (`ours`, required, with a
    reason), and the whole how behind More marks exactly those as "our reading"."""
    content = load_content(CONTENT)
    flagged = 0
    for routine in content.routines.values():
        for index, step in enumerate(routine.steps):
            side = coach.Side.LEFT if step.prescription.per_side else None
            text = render.step(content.texts, routine, coach.Cursor(index, 1, side), more=True)
            assert ("Works (our reading):" in text) == ("targets" in step.ours), step.id
            assert ("Why (our reading):" in text) == ("why" in step.ours), step.id
            assert all(reason.strip() for reason in step.ours.values())
            flagged += len(step.ours)
    assert flagged >= 10


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        (f"routines/{ROUTINE}", "      hold_seconds: 30\n", "      hold_secs: 30\n", "hold_secs"),
        (f"routines/{ROUTINE}", "sets: 2-3", "sets: 3-2", "steps.1.prescription.sets"),
        (f"routines/{ROUTINE}", "sets: 2-3", "sets: lots", "steps.1.prescription.sets"),
        (f"routines/{ROUTINE}", "      reps: 5\n", "", "steps.6.prescription"),
        (  # an exercise's words are missing from its routine's file of a language
            f"routines/{ROUTINE}",
            "  - id: psoas-stretch\n",
            "  - id: psoas-stretch-two\n",
            "psoas-stretch-two",
        ),
        (f"routines/{ROUTINE}", "id: tfl-foam-roll", "id: psoas-stretch", "steps:"),
        (  # a step done once cannot name a side
            WORDS,
            "blow it out hard through your mouth.",
            "blow it out hard through your { $side } mouth.",
            "steps.1",
        ),
        ("poses/psoas-stretch.yaml", "elevation: 28", "elevation: 90", "camera.elevation"),
        ("poses/psoas-stretch.yaml", "side: left", "side: null", "side"),
        (
            "poses/sit-back.yaml",
            "knee_l: 90,",
            "knee_l: -30,",
            "keys.0.joints.knee_l",
        ),
        (WARMUP, "Step { $number }/{ $total }", "Step { $numbr }/{ $total }", "step_header"),
        (f"routines/{ROUTINE}", "    ours: {}\n", "", "ours"),  # every exercise decides
        (WARMUP, "buttons-start_over = 🔄 Start over\n", "", "buttons.start_over"),
        ("locales/en/start.ftl", "fallback =", "fallbak =", "fallbak"),
        (WARMUP, "outcomes-done = ✅ Done", "outcomes-done = { $done ✅", "Expected token"),
        ("rules.yaml", "  flare_up_at: 7 ", "  flare_up_at: 11 ", "checkin.flare_up_at"),
        ("rules.yaml", "  bar_width: 10 ", "  bar_wdth: 10 ", "timer.bar_wdth"),
        ("rules.yaml", '"07:30", ', '"7.30", ', "reminders.presets.2"),
        ("rules.yaml", "  quick: quick ", "  quick: express ", "routines.quick"),
        # A precaution may name only exercises there are, swap only one with an `instead`, and
        # must have its words.
        (
            "safety.yaml",
            "legs\n    leave_out: []",
            "legs\n    leave_out: [cat-cow]",
            "legs: cat-cow",
        ),
        ("safety.yaml", "swap: [quads-foam-roll]", "swap: [psoas-stretch]", "psoas-stretch"),
        ("safety.yaml", "  - id: legs", "  - id: knees", "precautions.labels.knees"),
        ("safety.yaml", "  - id: legs", "  - id: bones", "used twice"),
    ],
)
def test_a_broken_file_fails_naming_file_and_field(
    content_copy: Path, file: str, old: str, new: str, field: str
) -> None:
    """Typos, impossible ranges, missing fields and unknown placeholders are caught at load."""
    _edit(content_copy / file, old, new)
    with pytest.raises(ContentError) as error:
        load_content(content_copy)
    message = str(error.value)
    # A message missing from the texts is named by its language's folder and its path.
    assert message.startswith(str(content_copy)), message
    assert str(content_copy / file) in message or str(content_copy / LOCALE) in message
    assert field in message


def test_invalid_yaml_names_the_file(content_copy: Path) -> None:
    """A file that is not YAML at all is reported with its path."""
    (content_copy / "rules.yaml").write_text("timer: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"rules\.yaml: not valid YAML"):
        load_content(content_copy)


def test_exactly_one_default_routine_is_required(content_copy: Path) -> None:
    """Without a default routine, /warmup would not know what to start."""
    _edit(content_copy / "routines" / ROUTINE, "default: true", "default: false")
    with pytest.raises(ContentError, match="default"):
        load_content(content_copy)


def test_missing_routines_folder_is_reported(content_copy: Path) -> None:
    """No routine files at all is a clear error, not an empty bot."""
    shutil.rmtree(content_copy / "routines")
    (content_copy / "routines").mkdir()
    with pytest.raises(ContentError, match="no routine files"):
        load_content(content_copy)


def test_texts_hold_no_rules() -> None:
    """The texts carry only words: no field of it is a number or a routine choice."""
    texts = load_content(CONTENT).texts.model_dump()

    def leaves(tree: object) -> list[object]:
        if isinstance(tree, dict):
            return [leaf for value in tree.values() for leaf in leaves(value)]
        if isinstance(tree, list):
            return [leaf for value in tree for leaf in leaves(value)]
        return [tree]

    assert all(isinstance(leaf, str) for leaf in leaves(texts))
