//! The structural diff between a generated and a coach-approved program, on the project's
//! sample program (4 weeks of 3 days): each kind of edit a coach makes gives exactly the
//! expected changes, every path points at what it describes, and the diff is JSON data.

use replog_core::{
    Catalog, ChangeKind, Program, ProgramDiff, Set, Week, diff_programs, normalize_name,
};
use serde_json::{Value, json};

fn sample() -> Program {
    let text = include_str!("../../../examples/data/sample-program.json");
    let catalog: Catalog = serde_json::from_str(text).expect("the sample program parses");
    catalog.programs.into_iter().next().expect("one program")
}

/// (kind, path, before, after) of every change.
fn summary(diff: &ProgramDiff) -> Vec<(ChangeKind, &str, Option<&Value>, Option<&Value>)> {
    diff.changes
        .iter()
        .map(|c| (c.kind, c.path.as_str(), c.before.as_ref(), c.after.as_ref()))
        .collect()
}

/// Every path resolves in the program it points into, to the value the change carries.
fn assert_paths_resolve(diff: &ProgramDiff, generated: &Program, approved: &Program) {
    let (generated, approved) = (
        serde_json::to_value(generated).unwrap(),
        serde_json::to_value(approved).unwrap(),
    );
    for change in &diff.changes {
        let (document, pointer, expected) = match change.kind {
            ChangeKind::Removed => (&generated, change.path.clone(), change.before.as_ref()),
            ChangeKind::Moved => (
                &approved,
                format!("{}/sort_order", change.path),
                change.after.as_ref(),
            ),
            ChangeKind::Added | ChangeKind::Changed => {
                (&approved, change.path.clone(), change.after.as_ref())
            }
        };
        let found = document.pointer(&pointer);
        // a member with a default (rep_type `reps`, is_loop false) is left out of the JSON
        let defaulted = found.is_none()
            && matches!(expected, Some(Value::String(s)) if s == "reps")
            || found.is_none() && expected == Some(&json!(false));
        assert!(
            defaulted || found == expected,
            "{}: {pointer} holds {found:?}, the change says {expected:?}",
            change.description
        );
    }
}

#[test]
fn an_identical_program_has_no_changes() {
    let program = sample();
    let diff = diff_programs(&program, &program.clone());
    assert!(diff.is_empty(), "{:#?}", diff.changes);
    assert_eq!(diff.summary, Default::default());
}

#[test]
fn a_changed_set_is_one_change_at_its_path() {
    let generated = sample();
    let mut approved = generated.clone();
    approved.weeks[1].days[0].exercises[2].sets[1].reps = Some(3);
    approved.weeks[1].days[0].exercises[2].sets[1].rpe = Some(8.5);
    let diff = diff_programs(&generated, &approved);
    assert_eq!(
        summary(&diff),
        [
            (
                ChangeKind::Changed,
                "/weeks/1/days/0/exercises/2/sets/1/reps",
                Some(&json!(5)),
                Some(&json!(3))
            ),
            (
                ChangeKind::Added,
                "/weeks/1/days/0/exercises/2/sets/1/rpe",
                None,
                Some(&json!(8.5))
            ),
        ]
    );
    assert_eq!(
        diff.changes[0].description,
        "week 2 day 1, Back Squat set 2: reps changed from 5 to 3"
    );
    assert_eq!(
        diff.changes[1].description,
        "week 2 day 1, Back Squat set 2: rpe set to 8.5"
    );
    assert_eq!((diff.summary.changed, diff.summary.added), (1, 1));
    assert_paths_resolve(&diff, &generated, &approved);
}

#[test]
fn amrap_and_removed_fields() {
    let generated = sample();
    let mut approved = generated.clone();
    let set = &mut approved.weeks[0].days[0].exercises[0].sets[2];
    set.reps = Some(3); // the AMRAP set becomes a plain triple
    set.notes = None;
    let diff = diff_programs(&generated, &approved);
    assert_eq!(
        summary(&diff),
        [
            (
                ChangeKind::Changed,
                "/weeks/0/days/0/exercises/0/sets/2/reps",
                Some(&Value::Null),
                Some(&json!(3))
            ),
            (
                ChangeKind::Removed,
                "/weeks/0/days/0/exercises/0/sets/2/notes",
                Some(&json!("AMRAP, stop at RPE 9")),
                None
            ),
        ]
    );
    assert_paths_resolve(&diff, &generated, &approved);
}

#[test]
fn a_reordered_exercise_is_moved_not_removed_and_added() {
    let generated = sample();
    let mut approved = generated.clone();
    // Suitcase Carry from last to first, the day renumbered 1..4 as a coach's UI does
    let day = &mut approved.weeks[0].days[0];
    let carry = day.exercises.pop().unwrap();
    day.exercises.insert(0, carry);
    for (i, exercise) in day.exercises.iter_mut().enumerate() {
        exercise.sort_order = u32::try_from(i).unwrap() + 1;
    }
    let diff = diff_programs(&generated, &approved);
    assert_eq!(
        summary(&diff),
        [(
            ChangeKind::Moved,
            "/weeks/0/days/0/exercises/0",
            Some(&json!(4)),
            Some(&json!(1))
        )],
        "the others kept their relative order: renumbering them is not a change"
    );
    assert_eq!(
        diff.changes[0].description,
        "week 1 day 1, Suitcase Carry: moved from position 4 to 1"
    );
    assert_eq!(diff.summary.moved, 1);
    assert_paths_resolve(&diff, &generated, &approved);

    // Reordered by sort_order alone, the array untouched: the same move.
    let mut approved = generated.clone();
    for (exercise, order) in approved.weeks[0].days[0]
        .exercises
        .iter_mut()
        .zip([2, 3, 4, 1])
    {
        exercise.sort_order = order;
    }
    let diff = diff_programs(&generated, &approved);
    assert_eq!(
        summary(&diff),
        [(
            ChangeKind::Moved,
            "/weeks/0/days/0/exercises/3",
            Some(&json!(4)),
            Some(&json!(1))
        )]
    );
}

#[test]
fn a_swapped_exercise_is_removed_and_added() {
    let generated = sample();
    let mut approved = generated.clone();
    // the coach swaps Box Jump for Broad Jump, and only changes the spelling of Back Squat
    approved.weeks[0].days[0].exercises[1].exercise = "Broad Jump".to_owned();
    approved.weeks[0].days[0].exercises[2].exercise = "back-squat".to_owned();
    let diff = diff_programs(&generated, &approved);
    let box_jump = serde_json::to_value(&generated.weeks[0].days[0].exercises[1]).unwrap();
    let broad_jump = serde_json::to_value(&approved.weeks[0].days[0].exercises[1]).unwrap();
    assert_eq!(
        summary(&diff),
        [
            (
                ChangeKind::Changed,
                "/weeks/0/days/0/exercises/2/exercise",
                Some(&json!("Back Squat")),
                Some(&json!("back-squat"))
            ),
            (
                ChangeKind::Added,
                "/weeks/0/days/0/exercises/1",
                None,
                Some(&broad_jump)
            ),
            (
                ChangeKind::Removed,
                "/weeks/0/days/0/exercises/1",
                Some(&box_jump),
                None
            ),
        ]
    );
    assert_eq!(
        diff.changes[1].description,
        "week 1 day 1: Broad Jump added"
    );
    assert_eq!(
        diff.changes[2].description,
        "week 1 day 1: Box Jump removed"
    );
    assert_eq!(diff.summary.exercises_added, ["Broad Jump"]);
    assert_eq!(diff.summary.exercises_removed, ["Box Jump"]);
    assert_paths_resolve(&diff, &generated, &approved);
}

#[test]
fn an_added_week_and_a_removed_day() {
    let generated = sample();
    let mut approved = generated.clone();
    let mut deload: Week = approved.weeks[3].clone();
    deload.number = 5;
    deload.label = Some("deload".to_owned());
    approved.weeks.push(deload);
    approved.weeks[2].days.remove(1);
    let diff = diff_programs(&generated, &approved);
    let removed_day = serde_json::to_value(&generated.weeks[2].days[1]).unwrap();
    let added_week = serde_json::to_value(&approved.weeks[4]).unwrap();
    assert_eq!(
        summary(&diff),
        [
            (
                ChangeKind::Removed,
                "/weeks/2/days/1",
                Some(&removed_day),
                None
            ),
            (ChangeKind::Added, "/weeks/4", None, Some(&added_week)),
        ]
    );
    assert_eq!(diff.changes[0].description, "week 3 day 3 removed");
    assert_eq!(diff.changes[1].description, "week 5 added");
    assert_eq!((diff.summary.added, diff.summary.removed), (1, 1));
    assert_eq!(
        diff.summary.exercises_removed,
        Vec::<String>::new(),
        "a whole day is not a swap"
    );
    assert_paths_resolve(&diff, &generated, &approved);
}

#[test]
fn a_repeated_lift_in_a_day_matches_by_occurrence() {
    let generated = sample();
    let mut approved = generated.clone();
    // generated: a back-off set block of Back Squat after the main one; the coach edits the
    // back-off only
    let mut generated = generated;
    let mut back_off = generated.weeks[0].days[0].exercises[2].clone();
    back_off.sort_order = 5;
    back_off.superset = None;
    back_off.sets = vec![Set::reps(8)];
    generated.weeks[0].days[0].exercises.push(back_off.clone());
    back_off.sets[0].reps = Some(10);
    approved.weeks[0].days[0].exercises.push(back_off);
    let diff = diff_programs(&generated, &approved);
    assert_eq!(
        summary(&diff),
        [(
            ChangeKind::Changed,
            "/weeks/0/days/0/exercises/4/sets/0/reps",
            Some(&json!(8)),
            Some(&json!(10))
        )]
    );
}

#[test]
fn program_fields_and_progression_rules() {
    let generated = sample();
    let mut approved = generated.clone();
    approved.name = "Month 4 - Tommy (coach edit)".to_owned();
    approved.progression_rules[1].increment = 5.0;
    let rule = approved.progression_rules.remove(2);
    assert_eq!(normalize_name(&rule.exercise), "bench press");
    let diff = diff_programs(&generated, &approved);
    assert_eq!(
        summary(&diff),
        [
            (
                ChangeKind::Changed,
                "/name",
                Some(&json!(generated.name)),
                Some(&json!(approved.name))
            ),
            (
                ChangeKind::Changed,
                "/progression_rules/1/increment",
                Some(&json!(10.0)),
                Some(&json!(5.0))
            ),
            (
                ChangeKind::Removed,
                "/progression_rules/2",
                Some(&serde_json::to_value(&rule).unwrap()),
                None
            ),
        ]
    );
    assert_eq!(
        diff.changes[1].description,
        "progression rule for Back Squat: increment changed from 10.0 to 5.0"
    );
    assert_paths_resolve(&diff, &generated, &approved);
}

#[test]
fn the_diff_is_snake_case_json_and_round_trips() {
    let generated = sample();
    let mut approved = generated.clone();
    approved.weeks[0].days[0].exercises.swap(0, 1);
    approved.weeks[0].days[0].exercises[1].notes = Some("Start lighter.".to_owned());
    approved.weeks[1].days.pop();
    let diff = diff_programs(&generated, &approved);
    let json = serde_json::to_value(&diff).unwrap();
    let kinds: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"added") && kinds.contains(&"removed"),
        "{kinds:?}"
    );
    assert_eq!(json["summary"]["removed"], 1);
    assert!(json["changes"][0].get("description").is_some());
    let back: ProgramDiff = serde_json::from_value(json).unwrap();
    assert_eq!(back, diff);

    let schema = serde_json::to_value(schemars::schema_for!(ProgramDiff)).unwrap();
    let text = schema.to_string();
    for word in ["\"moved\"", "\"changed\"", "exercises_added", "description"] {
        assert!(text.contains(word), "{word} in {text}");
    }
}
