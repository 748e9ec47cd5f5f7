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
