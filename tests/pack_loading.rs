//! Pack loading and validation: positioned, helpful errors; no panics on any input.

mod common;

use leafquiz::engine::diagnostic::Locator;
use leafquiz::engine::{Severity, load_pack_bytes};
use proptest::prelude::*;

fn heartstopper_text() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("questions/heartstopper.ron"),
    )
    .unwrap()
}

fn first_error(text: &str) -> leafquiz::engine::Diagnostic {
    let e = load_pack_bytes("p.ron", text.as_bytes()).expect_err("should fail");
    e.first_error().clone()
}

#[test]
fn the_heartstopper_pack_is_valid() {
    let p = load_pack_bytes("heartstopper.ron", heartstopper_text().as_bytes()).unwrap();
    assert_eq!(p.pack.meta.id, "heartstopper");
    assert_eq!(p.pack.episodes.len(), 8);
    assert!(p.warnings.iter().all(|w| w.severity == Severity::Warning));
}

const SMALL: &str = r#"Pack(
    meta: Meta(id: "t", title: "T", sources: [Source(id: "s", title: "S")]),
    people: [
        Person(id: "ana", name: "Ana", source: "s"),
    ],
    characters: [
        Character(id: "al", name: "Al", group: Main, source: "s"),
    ],
    roles: [
        Role(actor: "ana", character: "al", source: "s"),
    ],
)"#;

#[test]
fn the_built_in_packs_are_compiled_into_the_executable() {
    use leafquiz::engine::load::{EMBEDDED_DIR, EMBEDDED_PACKS};
    // Loaded from the executable, as a copied binary in any folder does.
    let (good, bad) = leafquiz::engine::load_all(&[std::path::PathBuf::from(EMBEDDED_DIR)]);
    assert!(bad.is_empty());
    assert_eq!(good.len(), EMBEDDED_PACKS.len());
    assert_eq!(good[0].pack.meta.id, "heartstopper");
    // The copy is the file: an edit to questions/ is in the next build.
    assert_eq!(EMBEDDED_PACKS[0].1, heartstopper_text());
}

#[test]
fn a_pack_saved_with_a_byte_order_mark_loads() {
    // Windows Notepad saves UTF-8 with a BOM; errors keep their positions.
    let with_bom = format!("\u{feff}{SMALL}");
    let p = load_pack_bytes("bom.ron", with_bom.as_bytes()).expect("a BOM is not an error");
    assert_eq!(p.pack.meta.id, "t");
    let broken = with_bom.replace(r#"Role(actor: "ana""#, r#"Role(actor: "anna""#);
    let d = first_error(&broken);
    assert_eq!((d.line, d.column), (10, 21), "{d}");
}

#[test]
fn a_dangling_reference_names_line_column_and_a_fix() {
    let text = SMALL.replace(r#"Role(actor: "ana""#, r#"Role(actor: "anna""#);
    let d = first_error(&text);
    assert_eq!((d.line, d.column), (10, 21), "{d}");
    assert!(d.message.contains("\"anna\""), "{d}");
    assert!(d.help.contains("did you mean \"ana\""), "{d}");
}

#[test]
fn a_duplicate_id_points_at_the_second_definition() {
    let text = SMALL
        .replace(r#"Character(id: "al""#, r#"Character(id: "ana""#)
        .replace(r#"character: "al""#, r#"character: "ana""#);
    let d = first_error(&text);
    assert_eq!(d.line, 7, "{d}");
    assert!(d.message.contains("used twice"), "{d}");
}

#[test]
fn an_unknown_field_is_reported_where_it_is() {
    let text = SMALL.replace(r#"group: Main"#, r#"grup: Main"#);
    let d = first_error(&text);
    assert_eq!(d.line, 7, "{d}");
    assert!(d.help.contains("group"), "{d}");
}

#[test]
fn a_syntax_error_has_a_position() {
    let text = SMALL.replace(r#"name: "Ana", source"#, r#"name: "Ana" source"#);
    let d = first_error(&text);
    assert_eq!(d.line, 4, "{d}");
}

#[test]
fn a_bad_source_and_a_bad_date_are_errors() {
    let d = first_error(&SMALL.replace(
        r#"Role(actor: "ana", character: "al", source: "s")"#,
        r#"Role(actor: "ana", character: "al", source: "nope")"#,
    ));
    assert!(d.message.contains("nope") && d.line == 10, "{d}");
    let with_episode = SMALL.replace("    roles:", "    episodes: [Episode(id: \"e1\", season: 1, number: 1, title: \"One\", released: Some(\"2022-02-30\"), source: \"s\")],\n    roles:");
    let d = first_error(&with_episode);
    assert!(d.message.contains("not a date"), "{d}");
}

#[test]
fn lint_warns_about_typos_pending_results_and_missing_sources() {
    let text = SMALL.replace(
        r#"        Person(id: "ana", name: "Ana", source: "s"),"#,
        r#"        Person(id: "ana", name: "Ana", source: "s"),
        Person(id: "seb", name: "Sebastian Croft", source: "s"),
        Person(id: "seb2", name: "Sebastican Croft"),"#,
    ).replace("    roles:", "    awards: [Award(year: 2023, ceremony: \"X\", category: \"Y\", nominees: [Series], result: Pending, source: \"s\")],\n    roles:");
    let p = load_pack_bytes("p.ron", text.as_bytes()).expect("warnings only");
    let messages: Vec<String> = p.warnings.iter().map(|w| w.message.clone()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("look like the same name")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("Pending")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("no source")),
        "{messages:?}"
    );
}

#[test]
fn dates_that_all_share_a_chain_are_warned_to_give_no_timeline() {
    let dates = |chain: &str| {
        (1..=5)
            .map(|i| {
                format!(
                    "DatedEvent(id: \"d{i}\", event: \"event {i} happened\", date: \"200{i}-01-01\"{chain}, source: \"s\"),"
                )
            })
            .collect::<Vec<_>>()
            .join("\n        ")
    };
    let with = |chain: &str| {
        SMALL.replace(
            "    roles:",
            &format!("    dates: [\n        {}\n    ],\n    roles:", dates(chain)),
        )
    };
    let chained = with(", chain: Some(\"making\")");
    let p = load_pack_bytes("p.ron", chained.as_bytes()).expect("warnings only");
    let w = p
        .warnings
        .iter()
        .find(|w| w.message.contains("no timeline question"))
        .unwrap_or_else(|| panic!("{:#?}", p.warnings));
    assert!(w.help.contains("chain"), "{w}");
    let line = chained.lines().position(|l| l.contains("dates:")).unwrap() + 1;
    assert_eq!(w.line, line, "{w}");
    let free = with("");
    let p = load_pack_bytes("p.ron", free.as_bytes()).expect("warnings only");
    assert!(
        !p.warnings
            .iter()
            .any(|w| w.message.contains("no timeline question")),
        "{:#?}",
        p.warnings
    );
}

fn positions_are_inside(text: &str, e: &leafquiz::engine::PackError) {
    let lines = text.lines().count().max(1);
    for d in &e.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d}");
        assert!(d.line <= lines + 1, "{d} beyond {lines} lines");
    }
    // Rendering with the caret never panics either.
    let _ = leafquiz::engine::diagnostic::render(&e.diagnostics, &e.source_text, false);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic_and_always_give_a_position(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        match load_pack_bytes("r.ron", &bytes) {
            Ok(_) => {}
            Err(e) => {
                prop_assert!(!e.diagnostics.is_empty());
                positions_are_inside(&String::from_utf8_lossy(&bytes), &e);
            }
        }
    }

    #[test]
    fn mutated_packs_never_panic_and_errors_are_positioned(cut in 0usize..30_000, len in 0usize..40, insert in "[\\[\\]()\",:a-z0-9 ]{0,6}") {
        let text = heartstopper_text();
        let at = Locator::new(&text);
        let _ = at;
        let mut start = cut.min(text.len());
        while !text.is_char_boundary(start) { start -= 1; }
        let mut end = (start + len).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{}{}", &text[..start], insert, &text[end..]);
        if let Err(e) = load_pack_bytes("m.ron", mutated.as_bytes()) {
            prop_assert!(e.diagnostics.iter().any(|d| d.severity == Severity::Error));
            positions_are_inside(&mutated, &e);
        }
    }

    #[test]
    fn random_small_packs_with_broken_ids_never_panic(seed in 0u64..10_000, n in 6usize..12, victim in 0usize..200) {
        let pack = common::random_pack(seed, n);
        let text = ron::ser::to_string_pretty(&pack, Default::default()).unwrap();
        // Break one quoted id occurrence.
        let quotes: Vec<usize> = text.match_indices("\"p").map(|(i, _)| i).collect();
        let mutated = if quotes.is_empty() { text.clone() } else {
            let i = quotes[victim % quotes.len()];
            format!("{}\"zz{}", &text[..i], &text[i + 1..])
        };
        if let Err(e) = load_pack_bytes("m.ron", mutated.as_bytes()) {
            positions_are_inside(&mutated, &e);
        }
    }
}

#[test]
fn a_pack_with_thousands_of_errors_reports_a_bounded_list_and_a_count() {
    let mut text = String::from(
        "Pack(meta: Meta(id: \"m\", title: \"M\", sources: [Source(id: \"s\", title: \"S\")]), roles: [\n",
    );
    for i in 0..3000 {
        text.push_str(&format!(
            "    Role(actor: \"nobody{i}\", character: \"nothing{i}\", source: \"s\"),\n"
        ));
    }
    text.push_str("])\n");
    let e = load_pack_bytes("many.ron", text.as_bytes()).unwrap_err();
    assert!(
        e.diagnostics.len() <= leafquiz::engine::validate::MAX_DIAGNOSTICS + 2,
        "{} diagnostics",
        e.diagnostics.len()
    );
    assert!(
        e.diagnostics
            .iter()
            .any(|d| d.message.contains("more errors not shown"))
    );
    assert_eq!(e.first_error().line, 2, "{}", e.first_error());
}

// ------------------------------------------------- the mistakes new authors make

/// 1-based (line, column) where `needle` starts in `text`.
fn pos_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    Locator::new(text).position(offset)
}

fn all_errors(text: &str) -> Vec<leafquiz::engine::Diagnostic> {
    load_pack_bytes("p.ron", text.as_bytes())
        .expect_err("should fail")
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

#[test]
fn a_facts_missing_subject_names_the_entities_table_and_the_nearest_id() {
    let text = r#"Pack(
    meta: Meta(id: "t", title: "T", sources: [Source(id: "s", title: "S")]),
    people: [Person(id: "alice", name: "Alice", source: "s")],
    entities: [Entity(id: "phobos", name: "Phobos", kind: "moon", source: "s"), Entity(id: "mars", name: "Mars", kind: "planet", source: "s")],
    relations: [Relation(id: "orbits", ask_object: "What does {subject} orbit?", statement: "{subject} orbits {object}.")],
    facts: [Fact(subject: "phobo", relation: "orbits", object: "mars", source: "s")],
)"#;
    let d = first_error(text);
    assert_eq!((d.line, d.column), pos_of(text, "\"phobo\""), "{d}");
    assert!(d.message.contains("any entry of `entities`"), "{d}");
    assert!(d.message.contains("a fact's subject is an entity"), "{d}");
    assert!(d.help.contains("did you mean \"phobos\""), "{d}");
}

#[test]
fn a_duplicate_id_shows_both_places_and_nothing_follows_from_it() {
    // "ana" is a person and a character; the role's `character: "ana"` is
    // not reported as a second error.
    let text = SMALL
        .replace(r#"Character(id: "al""#, r#"Character(id: "ana""#)
        .replace(r#"character: "al""#, r#"character: "ana""#);
    let errors = all_errors(&text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let d = &errors[0];
    assert_eq!((d.line, d.column), pos_of(&text, r#""ana", name: "Al""#));
    assert!(d.message.contains("first in `people` at line 4"), "{d}");
    assert!(d.message.contains("again here in `characters`"), "{d}");
}

#[test]
fn a_number_in_quotes_says_to_remove_the_quotes() {
    let text = r#"Pack(
    meta: Meta(id: "t", title: "T", sources: [Source(id: "s", title: "S")]),
    numbers: [Quantity(id: "n", name: "views", value: "88", unit: "", source: "s")],
)"#;
    let d = first_error(text);
    assert_eq!((d.line, d.column), pos_of(text, "\"88\""), "{d}");
    assert!(
        d.help
            .contains("remove the quotes: numbers are written without them"),
        "{d}"
    );
    let text = SMALL.replace(
        r#"Role(actor: "ana", character: "al", source"#,
        r#"Role(actor: "ana", character: "al", seasons: ["1"], source"#,
    );
    let d = first_error(&text);
    assert_eq!((d.line, d.column), pos_of(&text, "\"1\""), "{d}");
    assert!(d.help.contains("remove the quotes"), "{d}");
}

#[test]
fn two_commas_in_a_row_are_named_as_such() {
    let text = SMALL.replace(
        r#"Person(id: "ana", name: "Ana", source: "s"),"#,
        r#"Person(id: "ana", name: "Ana", source: "s"),,"#,
    );
    let d = first_error(&text);
    assert_eq!(
        (d.line, d.column),
        pos_of(&text, ",,").map_col(|c| c + 1),
        "{d}"
    );
    assert_eq!(d.message, "two commas in a row", "{d}");
    assert!(d.help.contains("remove one of the commas"), "{d}");
}

trait MapCol {
    fn map_col(self, f: impl Fn(usize) -> usize) -> Self;
}
impl MapCol for (usize, usize) {
    fn map_col(self, f: impl Fn(usize) -> usize) -> Self {
        (self.0, f(self.1))
    }
}

#[test]
fn an_unclosed_bracket_names_where_it_was_opened() {
    let text = SMALL.replace(
        r#"Person(id: "ana", name: "Ana", source: "s"),"#,
        r#"Person(id: "ana", name: "Ana", source: "s"],"#,
    );
    let d = first_error(&text);
    assert_eq!(
        (d.line, d.column),
        pos_of(&text, "\"s\"],").map_col(|c| c + 3),
        "{d}"
    );
    let (l, c) = pos_of(&text, "(id: \"ana\"");
    assert!(
        d.message.contains(&format!(
            "the ( opened at line {l}, column {c} is not closed"
        )),
        "{d}"
    );
    assert!(d.help.contains("add )"), "{d}");
    // At the end of the file.
    let text = SMALL.trim_end_matches(')');
    let d = first_error(text);
    assert_eq!((d.line, d.column), (1, 5), "{d}");
    assert!(d.message.contains("never closed"), "{d}");
}

#[test]
fn a_fixed_word_in_quotes_says_to_write_it_bare() {
    let text = SMALL.replace("group: Main", "group: \"Main\"");
    let d = first_error(&text);
    assert_eq!((d.line, d.column), pos_of(&text, "\"Main\""), "{d}");
    assert!(
        d.message.contains("`group` takes one of a few fixed words"),
        "{d}"
    );
    assert_eq!(d.help, "write group: Main", "{d}");
}

#[test]
fn an_optional_value_without_some_says_to_wrap_it() {
    let text = SMALL.replace("group: Main,", "group: Main, description: \"his sister\",");
    let d = first_error(&text);
    assert_eq!((d.line, d.column), pos_of(&text, "\"his sister\""), "{d}");
    assert!(d.message.contains("`description` is optional"), "{d}");
    assert!(d.help.contains("description: Some(\"his sister\")"), "{d}");
}

#[test]
fn a_quote_inside_text_is_named_at_the_start_of_the_text() {
    let text = SMALL.replace(
        "group: Main,",
        "group: Main, description: Some(\"the \"best\" one\"),",
    );
    let d = first_error(&text);
    assert_eq!((d.line, d.column), pos_of(&text, "\"the "), "{d}");
    assert!(
        d.message
            .contains("a \" inside this text ends the text early"),
        "{d}"
    );
    assert!(d.help.contains("\\\""), "{d}");
}

#[test]
fn two_episodes_with_one_number_show_both_and_say_renumber() {
    let text = r#"Pack(
    meta: Meta(id: "t", title: "T", sources: [Source(id: "s", title: "S")]),
    episodes: [
        Episode(id: "e1", season: 1, number: 1, title: "Meet", source: "s"),
        Episode(id: "e2", season: 1, number: 2, title: "Crush", source: "s"),
        Episode(id: "e3", season: 1, number: 1, title: "Kiss", source: "s"),
    ],
)"#;
    let errors = all_errors(text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let d = &errors[0];
    assert_eq!((d.line, d.column), pos_of(text, "\"e3\""), "{d}");
    assert!(
        d.message.contains(
            "season 1 episode 1 is listed twice: \"Meet\" at line 4 and \"Kiss\" at line 6"
        ),
        "{d}"
    );
    assert_eq!(d.help, "renumber one of them");
}

#[test]
fn a_relation_with_few_objects_asks_for_facts_and_diagnostics_come_in_file_order() {
    let text = r#"Pack(
    meta: Meta(id: "t", title: "T", sources: [Source(id: "s", title: "S")]),
    entities: [Entity(id: "io", name: "Io", kind: "moon", source: "s"), Entity(id: "jupiter", name: "Jupiter", kind: "planet", source: "s")],
    relations: [Relation(id: "orbits", ask_object: "What does {subject} orbit?", statement: "{subject} orbits {object}.")],
    facts: [Fact(subject: "io", relation: "orbits", object: "jupiter", source: "s")],
    dates: [DatedEvent(id: "d", event: "x", date: "2020-13-01", source: "s")],
)"#;
    let e = load_pack_bytes("p.ron", text.as_bytes()).expect_err("bad date");
    let w = e
        .diagnostics
        .iter()
        .find(|d| d.message.contains("distinct objects"))
        .expect("the relation warning");
    assert!(
        w.help
            .contains("add facts of \"orbits\" with other objects"),
        "{w}"
    );
    assert!(w.help.contains("more entities do not help"), "{w}");
    let lines: Vec<usize> = e.diagnostics.iter().map(|d| d.line).collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted, "{:#?}", e.diagnostics);
    assert!(
        e.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && d.line == 6)
    );
}
