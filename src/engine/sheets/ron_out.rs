//! A pack as RON text an author can read and edit: a header saying where it
//! came from, one comment per table naming its sheet, one line per record.

use ron::ser::PrettyConfig;
use serde::Serialize;

use crate::engine::model::Pack;

fn one_line<T: Serialize>(x: &T) -> String {
    let config = PrettyConfig::new()
        .struct_names(true)
        .compact_structs(true)
        .compact_arrays(true)
        .escape_strings(false)
        .new_line(" ".to_string())
        .indentor(String::new());
    ron::ser::to_string_pretty(x, config).unwrap_or_default()
}

fn table<T: Serialize>(out: &mut String, field: &str, note: &str, items: &[T]) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("\n    // {note}\n    {field}: [\n"));
    for x in items {
        out.push_str("        ");
        out.push_str(&one_line(x));
        out.push_str(",\n");
    }
    out.push_str("    ],\n");
}

/// The pack as commented RON; `header` lines become `//` comments at the top.
pub fn to_ron(pack: &Pack, header: &[String]) -> String {
    let mut out = String::new();
    for line in header {
        if line.is_empty() {
            out.push_str("//\n");
        } else {
            out.push_str(&format!("// {line}\n"));
        }
    }
    let meta = ron::ser::to_string_pretty(
        &pack.meta,
        PrettyConfig::new()
            .struct_names(true)
            .escape_strings(false)
            .indentor("    ".to_string()),
    )
    .unwrap_or_default()
    .replace('\n', "\n    ");
    out.push_str("\nPack(\n    meta: ");
    out.push_str(&meta);
    out.push_str(",\n");
    table(
        &mut out,
        "people",
        "people.csv, and everyone named in cast, episodes (directors, writers), albums, tracks, crew and awards",
        &pack.people,
    );
    table(
        &mut out,
        "characters",
        "characters.csv, and the characters of cast.csv",
        &pack.characters,
    );
    table(&mut out, "roles", "cast.csv", &pack.roles);
    table(
        &mut out,
        "episodes",
        "episodes.csv, with the plot lines of plot.csv",
        &pack.episodes,
    );
    table(&mut out, "awards", "awards.csv", &pack.awards);
    table(
        &mut out,
        "albums",
        "albums.csv, and the albums of tracks.csv",
        &pack.albums,
    );
    table(&mut out, "tracks", "tracks.csv", &pack.tracks);
    table(&mut out, "crew", "crew.csv", &pack.crew);
    table(&mut out, "places", "places.csv", &pack.places);
    table(&mut out, "numbers", "numbers.csv", &pack.numbers);
    table(&mut out, "dates", "dates.csv", &pack.dates);
    table(
        &mut out,
        "entities",
        "entities.csv, and the subjects and objects of facts.csv given a kind",
        &pack.entities,
    );
    table(&mut out, "relations", "relations.csv", &pack.relations);
    table(&mut out, "facts", "facts.csv", &pack.facts);
    table(&mut out, "questions", "questions.csv", &pack.questions);
    out.push_str(")\n");
    out
}
