//! End-to-end tests of the command-line tools.

use assert_cmd::Command;

fn leafquiz() -> Command {
    let mut c = Command::cargo_bin("leafquiz").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn stdout(c: &mut Command) -> String {
    String::from_utf8(c.assert().get_output().stdout.clone()).unwrap()
}

/// `check PATH` exits 1; its diagnostics.
fn check_fails(path: &std::path::Path) -> String {
    let out = leafquiz().arg("check").arg(path).assert().code(1);
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

#[test]
fn check_accepts_the_built_in_packs() {
    leafquiz().args(["check"]).assert().success();
    leafquiz()
        .args(["check", "tests/fixtures/river_league.ron"])
        .assert()
        .success();
}

#[test]
fn check_rejects_a_broken_pack_with_file_line_column_and_caret() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Pack(\n    meta: Meta(id: \"b\", title: \"B\", sources: [Source(id: \"s\", title: \"S\")]),\n    people: [Person(id: \"p\", name: \"P\", source: \"t\")],\n)\n").unwrap();
    let err = check_fails(&path);
    assert!(err.contains("broken.ron:3:"), "{err}");
    assert!(
        err.contains("the source \"t\" is not in `meta.sources`"),
        "{err}"
    );
    assert!(err.contains('^'), "caret under the fault: {err}");
    assert!(err.contains("did you mean \"s\""), "{err}");
}

#[test]
fn check_strict_fails_on_lint_warnings_only_when_asked() {
    // The Heartstopper pack has pending award results: warnings.
    leafquiz()
        .args(["check", "questions/heartstopper.ron"])
        .assert()
        .success();
    leafquiz()
        .args(["check", "--strict", "questions/heartstopper.ron"])
        .assert()
        .code(1);
}

#[test]
fn new_writes_a_scaffold_that_checks_and_asks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my_show.ron");
    let p = path.to_str().unwrap();
    leafquiz().args(["new", p]).assert().success();
    leafquiz().args(["check", "--strict", p]).assert().success();
    let out = stdout(leafquiz().args(["ask", "--pack", p, "--count", "3", "--json"]));
    assert_eq!(out.lines().count(), 3, "{out}");
    // Refuses to overwrite.
    leafquiz().args(["new", p]).assert().code(1);
}

#[test]
fn ask_json_has_the_documented_fields_and_is_deterministic() {
    let run = || stdout(leafquiz().args(["ask", "--count", "5", "--seed", "9", "--json"]));
    let a = run();
    assert_eq!(a, run());
    for line in a.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for field in [
            "kind",
            "prompt",
            "options",
            "answer",
            "difficulty",
            "explanation",
            "source",
            "facts",
        ] {
            assert!(v.get(field).is_some(), "missing {field} in {line}");
        }
        let n = v["options"].as_array().unwrap().len();
        assert!((v["answer"].as_u64().unwrap() as usize) < n);
        let f = &v["facts"][0];
        assert!(f["subject"].is_string() && f["relation"].is_string() && f["object"].is_string());
    }
}

#[test]
fn ask_filters_by_kind_and_rejects_unknown_kinds() {
    let out = stdout(leafquiz().args([
        "ask",
        "--count",
        "4",
        "--kind",
        "actor-of-character",
        "--json",
    ]));
    assert!(
        out.lines()
            .all(|l| l.contains("\"kind\":\"actor-of-character\"")),
        "{out}"
    );
    leafquiz()
        .args(["ask", "--kind", "nonsense"])
        .assert()
        .code(2);
}

#[test]
fn pack_dir_loads_good_packs_and_skips_broken_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/river_league.ron",
        dir.path().join("river.ron"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.ron"),
        "Pack(meta: Meta(id: \"x\", title: \"X\"), people: [",
    )
    .unwrap();
    let out = leafquiz()
        .args([
            "ask",
            "--pack-dir",
            dir.path().to_str().unwrap(),
            "--count",
            "400",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("broken.ron:1:"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("River League Almanac"),
        "river pack questions present"
    );
    assert!(text.contains("Heartstopper"), "built-in pack still loads");
}

#[test]
fn stats_lists_tables_kinds_and_unreachable_facts() {
    let out = stdout(leafquiz().args(["stats", "questions/heartstopper.ron"]));
    for needle in [
        "people",
        "episodes",
        "actor-of-character",
        "total candidates",
        "facts no question can reach",
    ] {
        assert!(out.contains(needle), "{needle} missing from {out}");
    }
}

#[test]
fn export_and_import_opentdb_round_trip() {
    let out = stdout(leafquiz().args([
        "export", "--format", "opentdb", "--count", "8", "--seed", "4",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["response_code"], 0);
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 8);
    for r in results {
        for field in [
            "category",
            "type",
            "difficulty",
            "question",
            "correct_answer",
            "incorrect_answers",
        ] {
            assert!(r.get(field).is_some(), "missing {field}");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("trivia.json");
    std::fs::write(&file, &out).unwrap();
    let asked = stdout(leafquiz().args([
        "ask",
        "--import-opentdb",
        file.to_str().unwrap(),
        "--kind",
        "hand-written",
        "--count",
        "8",
        "--json",
    ]));
    assert_eq!(asked.lines().count(), 8, "{asked}");
    // Entities are decoded on import: no `&quot;` or `&#039;` left.
    assert!(
        !asked.contains("&quot;") && !asked.contains("&#039;"),
        "{asked}"
    );
}

#[test]
fn review_shows_a_sample_with_findings_and_what_is_never_asked() {
    let out = stdout(leafquiz().args([
        "review",
        "tests/fixtures/packs/solar_system.ron",
        "--count",
        "12",
        "--seed",
        "3",
    ]));
    assert!(out.contains("# The Solar System"), "{out}");
    // Twelve numbered questions, each with its four options.
    for n in 1..=12 {
        assert!(
            out.contains(&format!("\n{n}. [")),
            "question {n} missing:\n{out}"
        );
    }
    assert_eq!(
        out.matches("   * ").count(),
        12,
        "one marked answer per question"
    );
    assert!(out.contains("Never asked"));
    assert!(out.contains("Facts no question reaches"));
}

#[test]
fn check_reports_questions_the_generator_never_asks() {
    // A pack whose only relation gives its answers away: clubs named after their towns.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("towns.ron");
    let mut text = String::from(
        "Pack(meta: Meta(id: \"towns\", title: \"Towns\", sources: [Source(id: \"s\", title: \"S\")]),\n entities: [\n",
    );
    let towns = ["Ashford", "Bexley", "Crayford", "Dartmouth", "Edenbridge"];
    for t in towns {
        text.push_str(&format!(
            "  Entity(id: \"c_{t}\", name: \"{t} Rowers\", kind: \"club\", plural: true, source: \"s\"),\n  Entity(id: \"t_{t}\", name: \"{t}\", kind: \"town\", source: \"s\"),\n"
        ));
    }
    text.push_str(" ],\n relations: [Relation(id: \"in\", ask_object: \"In which town {is|are} {subject} based?\", statement: \"{subject} {is|are} based in {object}\")],\n facts: [\n");
    for t in towns {
        text.push_str(&format!(
            "  Fact(subject: \"c_{t}\", relation: \"in\", object: \"t_{t}\", source: \"s\"),\n"
        ));
    }
    text.push_str(" ],\n)\n");
    std::fs::write(&path, text).unwrap();
    let out = leafquiz()
        .args(["check", path.to_str().unwrap()])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("5 of 5 `custom-object` questions are never asked")
            && err.contains("the answer is in the prompt"),
        "{err}"
    );
    leafquiz()
        .args(["check", "--strict", path.to_str().unwrap()])
        .assert()
        .code(1);
}

/// A history as the game saves it: two questions, one mostly missed.
const HISTORY: &str = r#"(
    games: 3,
    facts: {
        11: (prompt: "Who plays Nick Nelson?", answer: "Kit Connor", kind: "actor-of-character", pack: "heartstopper", asked: 4, correct: 4, last_game: 3, estimate: 0.07),
        22: (prompt: "Who performs “Cola”?", answer: "Beabadoobee", kind: "track-artist", pack: "heartstopper", asked: 4, correct: 1, last_game: 2, estimate: 0.45),
    },
)"#;

#[test]
fn stats_played_ranks_questions_and_shares_the_numbers() {
    let mine = tempfile::tempdir().unwrap();
    std::fs::write(mine.path().join("history.ron"), HISTORY).unwrap();
    let dir = mine.path().to_str().unwrap();
    let out = stdout(leafquiz().args(["stats", "--played", "--data-dir", dir]));
    assert!(out.contains("3 games, 8 answers to 2 questions"), "{out}");
    let hardest = out.find("Hardest").unwrap();
    let cola = out[hardest..].find("Cola").unwrap();
    let nick = out[hardest..].find("Nick").unwrap();
    assert!(cola < nick, "the most missed question comes first:\n{out}");
    assert!(out.contains(" 75% wrong of   4"), "{out}");

    // A friend imports the export: the answers add up, recency does not travel.
    let shared = mine.path().join("shared.ron");
    leafquiz()
        .args(["stats", "--data-dir", dir, "--export"])
        .arg(&shared)
        .assert()
        .success();
    let friend = tempfile::tempdir().unwrap();
    std::fs::write(friend.path().join("history.ron"), HISTORY).unwrap();
    let fdir = friend.path().to_str().unwrap();
    leafquiz()
        .args(["stats", "--data-dir", fdir, "--import"])
        .arg(&shared)
        .assert()
        .success();
    let out = stdout(leafquiz().args(["stats", "--played", "--data-dir", fdir]));
    assert!(out.contains("16 answers to 2 questions"), "{out}");

    // A damaged history is kept aside, not lost, and the tool still runs.
    std::fs::write(friend.path().join("history.ron"), "(games: 3, facts: {").unwrap();
    let out = leafquiz()
        .args(["stats", "--played", "--data-dir", fdir])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("kept aside"), "{err}");
    assert!(friend.path().join("history.ron.corrupt-1").exists());
}

#[test]
fn an_interest_outside_one_to_five_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("interest.ron");
    let good = std::fs::read_to_string("tests/fixtures/packs/solar_system.ron").unwrap();
    // Mark the first fact as a headline, and the second with a typo.
    let first = good.find("Fact(").expect("a fact");
    let second = first + 5 + good[first + 5..].find("Fact(").expect("two facts");
    let mut text = good.clone();
    text.insert_str(second + 5, "interest: Some(9), ");
    text.insert_str(first + 5, "interest: Some(5), ");
    std::fs::write(&path, &text).unwrap();
    let err = check_fails(&path);
    let line = text[..text.find("Some(9)").unwrap()].lines().count();
    assert!(err.contains(&format!("interest.ron:{line}:")), "{err}");
    assert!(err.contains("interest 9 is outside 1..5"), "{err}");
    assert!(!err.contains("interest 5"), "{err}");
}

/// The facts (as their JSON) of `ask --json` with a history file.
fn asked_facts(history: &std::path::Path, seed: &str) -> Vec<String> {
    let out = stdout(
        leafquiz()
            .args(["ask", "--count", "25", "--json", "--seed", seed])
            .arg("--history")
            .arg(history),
    );
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["facts"].to_string()
        })
        .collect()
}

#[test]
fn ask_with_a_history_file_does_not_repeat_facts_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history.ron");
    let first = asked_facts(&history, "1");
    assert_eq!(first.len(), 25);
    assert!(history.exists(), "the run is recorded");
    // Another seed might share facts by chance; the history must rule it out.
    let second = asked_facts(&history, "2");
    assert_eq!(second.len(), 25);
    let repeated: Vec<&String> = second.iter().filter(|f| first.contains(f)).collect();
    assert!(repeated.is_empty(), "asked again: {repeated:?}");
    // Without the history the second seed does meet the first run's facts.
    let plain = stdout(leafquiz().args(["ask", "--count", "25", "--json", "--seed", "2"]));
    assert!(plain.lines().any(|l| {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        first.contains(&v["facts"].to_string())
    }));
}

#[test]
fn ask_keeps_a_damaged_history_file_aside_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history.ron");
    std::fs::write(&history, "PlayHistory(games: oops").unwrap();
    let out = leafquiz()
        .args(["ask", "--count", "3"])
        .arg("--history")
        .arg(&history)
        .assert()
        .success();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("kept aside"), "{err}");
    let kept: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(kept.len(), 2, "the damaged file and a fresh history");
}

#[test]
fn sheets_round_trip_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = dir.path().join("sheets");
    let pack = dir.path().join("harbour.ron");
    let out = stdout(leafquiz().arg("new").arg("--csv").arg(&sheets));
    assert!(out.contains("wrote 18 sheets"), "{out}");
    // Never overwrites a sheet.
    leafquiz()
        .arg("new")
        .arg("--csv")
        .arg(&sheets)
        .assert()
        .code(1);
    let out = stdout(
        leafquiz()
            .args(["import", "csv"])
            .arg(&sheets)
            .arg("-o")
            .arg(&pack),
    );
    assert!(out.contains("passes `check`"), "{out}");
    leafquiz().arg("check").arg(&pack).assert().success();
    let text = std::fs::read_to_string(&pack).unwrap();
    assert!(text.starts_with("// Harbour Lights"), "{text}");
    assert!(text.contains("// cast.csv"), "commented per table");

    // A built-in-style pack goes out as sheets and comes back as a pack
    // that passes `check --strict` like the original.
    let exported = dir.path().join("river");
    leafquiz()
        .args([
            "export",
            "--format",
            "csv",
            "--pack",
            "tests/fixtures/river_league.ron",
            "-o",
        ])
        .arg(&exported)
        .assert()
        .success();
    let again = dir.path().join("river.ron");
    leafquiz()
        .args(["import", "csv"])
        .arg(&exported)
        .arg("-o")
        .arg(&again)
        .assert()
        .success();
    leafquiz().arg("check").arg(&again).assert().success();
    let asked = stdout(
        leafquiz()
            .args(["ask", "--count", "5", "--pack"])
            .arg(&again),
    );
    assert!(
        asked.lines().filter(|l| l.contains('?')).count() >= 5,
        "{asked}"
    );
}

#[test]
fn import_names_the_sheet_row_and_column_of_a_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = dir.path().join("sheets");
    leafquiz()
        .arg("new")
        .arg("--csv")
        .arg(&sheets)
        .assert()
        .success();
    std::fs::write(
        sheets.join("episodes.csv"),
        "season,number,title,directors\n1,1,The Keeper,Ben Director\n1,1,The Storm,Ben Director\n",
    )
    .unwrap();
    let out = leafquiz()
        .args(["import", "csv"])
        .arg(&sheets)
        .arg("-o")
        .arg(dir.path().join("x.ron"))
        .assert()
        .code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("episodes.csv:3:2: error: season 1 episode 1 is also on row 2"),
        "{err}"
    );
    assert!(err.contains("renumber"), "{err}");
    assert!(
        !dir.path().join("x.ron").exists(),
        "nothing written on errors"
    );
}
