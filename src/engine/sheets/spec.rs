//! The sheets of a spreadsheet pack: file names, columns and one example row
//! each (what `leafquiz new --csv` writes). docs/packs.md explains each one.

/// One CSV file of a spreadsheet pack.
pub struct Sheet {
    pub file: &'static str,
    pub columns: &'static [&'static str],
    pub required: &'static [&'static str],
    pub example: &'static [&'static str],
}

pub const PACK: Sheet = Sheet {
    file: "pack.csv",
    columns: &["field", "value"],
    required: &["field", "value"],
    example: &[],
};

/// pack.csv's rows (field, example value).
pub const PACK_FIELDS: &[(&str, &str)] = &[
    ("id", "harbour_lights"),
    ("title", "Harbour Lights"),
    ("series", "Harbour Lights"),
    (
        "description",
        "Questions about the (made-up) series Harbour Lights: replace these rows with your own.",
    ),
    ("version", "1.0.0"),
    ("language", "en"),
    ("authors", "Your Name"),
    ("licence", "CC-BY-SA-4.0"),
];

pub const SOURCES: Sheet = Sheet {
    file: "sources.csv",
    columns: &["source", "title", "note", "default for"],
    required: &["source", "title"],
    example: &[
        "wiki",
        "Wikipedia, “Harbour Lights (TV series)”",
        "cast, episodes and awards",
        "all",
    ],
};

pub const PEOPLE: Sheet = Sheet {
    file: "people.csv",
    columns: &["name", "aliases", "plural", "source"],
    required: &["name"],
    example: &["Ann Example", "Annie Example", "", ""],
};

pub const CHARACTERS: Sheet = Sheet {
    file: "characters.csv",
    columns: &[
        "character",
        "group",
        "description",
        "pronouns",
        "age",
        "aliases",
        "source",
    ],
    required: &["character"],
    example: &[
        "Rosa Vale",
        "Main",
        "the lighthouse keeper",
        "she",
        "Adult",
        "Rosa",
        "",
    ],
};

pub const CAST: Sheet = Sheet {
    file: "cast.csv",
    columns: &[
        "actor",
        "character",
        "group",
        "seasons",
        "voice",
        "cameo",
        "interest",
        "source",
    ],
    required: &["actor", "character"],
    example: &["Ann Example", "Rosa Vale", "", "1; 2", "", "", "", ""],
};

pub const EPISODES: Sheet = Sheet {
    file: "episodes.csv",
    columns: &[
        "season",
        "number",
        "title",
        "directors",
        "writers",
        "released",
        "interest",
        "source",
    ],
    required: &["season", "number", "title"],
    example: &[
        "1",
        "1",
        "The Keeper",
        "Ben Director",
        "Cleo Writer; Dan Writer",
        "4 March 2021",
        "",
        "",
    ],
};

pub const PLOT: Sheet = Sheet {
    file: "plot.csv",
    columns: &["episode", "what happens", "source"],
    required: &["episode", "what happens"],
    example: &[
        "S1E1",
        "Rosa finds a message in a bottle below the lighthouse",
        "",
    ],
};

pub const AWARDS: Sheet = Sheet {
    file: "awards.csv",
    columns: &[
        "year", "ceremony", "category", "nominees", "result", "interest", "source",
    ],
    required: &["year", "ceremony", "category", "nominees", "result"],
    example: &[
        "2022",
        "British Academy Television Awards",
        "Best Drama Series",
        "Harbour Lights",
        "Nominated",
        "",
        "",
    ],
};

pub const ALBUMS: Sheet = Sheet {
    file: "albums.csv",
    columns: &["album", "artists", "label", "released", "source"],
    required: &["album"],
    example: &[
        "Harbour Lights (Soundtrack)",
        "",
        "the soundtrack album",
        "2021-03-04",
        "",
    ],
};

pub const TRACKS: Sheet = Sheet {
    file: "tracks.csv",
    columns: &[
        "album", "number", "title", "artists", "duration", "interest", "source",
    ],
    required: &["album", "number", "title"],
    example: &[
        "Harbour Lights (Soundtrack)",
        "1",
        "Lamp Room",
        "The Example Band",
        "3:21",
        "",
        "",
    ],
};

pub const CREW: Sheet = Sheet {
    file: "crew.csv",
    columns: &["role", "person", "seasons", "work", "interest", "source"],
    required: &["role", "person"],
    example: &["Composer", "Eve Composer", "", "", "", ""],
};

pub const PLACES: Sheet = Sheet {
    file: "places.csv",
    columns: &[
        "place", "location", "filmed", "at", "episode", "interest", "source",
    ],
    required: &["place", "filmed"],
    example: &[
        "Portland Bill Lighthouse",
        "Dorset",
        "the lighthouse scenes",
        "",
        "S1E1",
        "",
        "",
    ],
};

pub const NUMBERS: Sheet = Sheet {
    file: "numbers.csv",
    columns: &[
        "name",
        "value",
        "unit",
        "precision",
        "ask",
        "statement",
        "min",
        "max",
        "episode",
        "interest",
        "source",
    ],
    required: &["name", "value"],
    example: &[
        "episodes in the first season",
        "6",
        "episodes",
        "0",
        "How many episodes does the first season have?",
        "The first season has {value}.",
        "1",
        "",
        "",
        "",
        "",
    ],
};

pub const DATES: Sheet = Sheet {
    file: "dates.csv",
    columns: &["event", "date", "chain", "interest", "source"],
    required: &["event", "date"],
    example: &[
        "the first season was released",
        "4 March 2021",
        "release",
        "",
        "",
    ],
};

pub const ENTITIES: Sheet = Sheet {
    file: "entities.csv",
    columns: &["name", "kind", "aliases", "plural", "source"],
    required: &["name", "kind"],
    example: &["Portland", "town", "", "", ""],
};

pub const RELATIONS: Sheet = Sheet {
    file: "relations.csv",
    columns: &[
        "relation",
        "ask object",
        "ask subject",
        "ask not",
        "statement",
        "objects",
        "asked",
    ],
    required: &["relation", "statement"],
    example: &[
        "lives in",
        "Where does {subject} live?",
        "Who lives in {object}?",
        "Who does NOT live in {object}?",
        "{subject} lives in {object}.",
        "One",
        "yes",
    ],
};

pub const FACTS: Sheet = Sheet {
    file: "facts.csv",
    columns: &[
        "subject",
        "relation",
        "object",
        "subject kind",
        "object kind",
        "episode",
        "interest",
        "source",
    ],
    required: &["subject", "relation", "object"],
    example: &[
        "Rosa Vale",
        "lives in",
        "Portland",
        "character",
        "town",
        "",
        "",
        "",
    ],
};

pub const QUESTIONS: Sheet = Sheet {
    file: "questions.csv",
    columns: &[
        "prompt",
        "answer",
        "wrong 1",
        "wrong 2",
        "wrong 3",
        "explanation",
        "difficulty",
        "episode",
        "interest",
        "source",
    ],
    required: &["prompt", "answer", "wrong 1"],
    example: &[
        "What colour is the lighthouse in Harbour Lights?",
        "Red and white",
        "Black and white",
        "Yellow",
        "Blue and white",
        "The lighthouse is painted red and white.",
        "",
        "",
        "",
        "",
    ],
};

/// Every sheet, in the order they are read.
pub const SHEETS: &[&Sheet] = &[
    &PACK,
    &SOURCES,
    &PEOPLE,
    &CHARACTERS,
    &ENTITIES,
    &RELATIONS,
    &EPISODES,
    &PLOT,
    &CAST,
    &ALBUMS,
    &TRACKS,
    &CREW,
    &AWARDS,
    &PLACES,
    &NUMBERS,
    &DATES,
    &FACTS,
    &QUESTIONS,
];

/// The empty sheets with their headers and one example row each, as
/// (file name, CSV text).
pub fn templates() -> Vec<(&'static str, String)> {
    SHEETS
        .iter()
        .map(|sheet| {
            let mut w = csv::Writer::from_writer(Vec::new());
            // Writing to a Vec cannot fail.
            let _ = w.write_record(sheet.columns);
            if sheet.file == PACK.file {
                for (f, v) in PACK_FIELDS {
                    let _ = w.write_record([f, v]);
                }
            } else {
                let _ = w.write_record(sheet.example);
            }
            let bytes = w.into_inner().unwrap_or_default();
            (sheet.file, String::from_utf8(bytes).unwrap_or_default())
        })
        .collect()
}
