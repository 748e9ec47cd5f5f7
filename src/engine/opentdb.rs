//! OpenTDB interchange: export generated questions in OpenTDB's JSON shape,
//! and import OpenTDB files as packs of hand-written questions.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::diagnostic::{Diagnostic, Locator, Severity};
use super::load::{LoadedPack, PackError};
use super::model::{HandWritten, Meta, Pack, Source};
use super::question::Question;

#[derive(Debug, Deserialize)]
struct OpenTdbFile {
    #[serde(default)]
    response_code: i64,
    results: Vec<OpenTdbQuestion>,
}

#[derive(Debug, Deserialize)]
struct OpenTdbQuestion {
    #[serde(default)]
    category: String,
    #[serde(default)]
    difficulty: String,
    question: String,
    correct_answer: String,
    incorrect_answers: Vec<String>,
}

/// OpenTDB's default encoding: HTML entities for markup characters and quotes.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#039;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Decodes HTML entities (named and numeric), as OpenTDB files contain them.
pub fn decode(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

fn difficulty_name(d: f32) -> &'static str {
    if d < 0.4 {
        "easy"
    } else if d < 0.67 {
        "medium"
    } else {
        "hard"
    }
}

/// `{"response_code":0,"results":[...]}` for the questions; `titles` maps pack id to title (the category).
pub fn export(questions: &[Question], titles: &BTreeMap<String, String>) -> String {
    let results: Vec<serde_json::Value> = questions
        .iter()
        .map(|q| {
            let category = titles
                .get(&*q.pack)
                .cloned()
                .unwrap_or_else(|| q.pack.to_string());
            let incorrect: Vec<String> = q
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != q.answer)
                .map(|(_, o)| encode(o))
                .collect();
            serde_json::json!({
                "type": if q.options.len() == 2 { "boolean" } else { "multiple" },
                "difficulty": difficulty_name(q.difficulty),
                "category": encode(&category),
                "question": encode(&q.prompt),
                "correct_answer": encode(q.answer_text()),
                "incorrect_answers": incorrect,
            })
        })
        .collect();
    serde_json::json!({ "response_code": 0, "results": results }).to_string()
}

/// OpenTDB files in a folder: `*.json`.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// Parses OpenTDB JSON into a pack of hand-written questions.
pub fn import(file: &str, text: &str) -> Result<Pack, Diagnostic> {
    let parsed: OpenTdbFile = serde_json::from_str(text).map_err(|e| Diagnostic {
        severity: Severity::Error,
        file: file.into(),
        line: e.line().max(1),
        column: e.column().max(1),
        message: format!("not an OpenTDB file: {e}"),
        help: "expected {\"response_code\":0,\"results\":[{\"question\":..,\"correct_answer\":..,\"incorrect_answers\":[..]}]}".into(),
    })?;
    if parsed.response_code != 0 {
        let locator = Locator::new(text);
        let (line, column) = locator.position(text.find("response_code").unwrap_or(0));
        return Err(Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line,
            column,
            message: format!(
                "OpenTDB response_code is {}, not 0: the file holds no questions",
                parsed.response_code
            ),
            help: "download the questions again".into(),
        });
    }
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("opentdb")
        .to_string();
    let category = parsed
        .results
        .first()
        .map(|q| decode(&q.category))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| stem.clone());
    let questions = parsed
        .results
        .into_iter()
        .filter(|q| !q.incorrect_answers.is_empty())
        .map(|q| HandWritten {
            interest: None,
            prompt: decode(&q.question),
            answer: decode(&q.correct_answer),
            wrong: q.incorrect_answers.iter().map(|w| decode(w)).collect(),
            explanation: Some(format!("The answer is {}.", decode(&q.correct_answer))),
            difficulty: Some(match q.difficulty.as_str() {
                "easy" => 0.25,
                "hard" => 0.8,
                _ => 0.5,
            }),
            episode: None,
            source: "opentdb".into(),
        })
        .collect::<Vec<_>>();
    let mut pack = Pack::new(Meta {
        id: format!("opentdb_{stem}"),
        title: format!("OpenTDB: {category}"),
        description: "Questions imported from an OpenTDB file".into(),
        version: "1.0.0".into(),
        language: "en".into(),
        authors: vec!["Open Trivia Database contributors".into()],
        licence: "CC BY-SA 4.0".into(),
        series: None,
        season_word: None,
        sources: vec![Source {
            id: "opentdb".into(),
            title: format!("Open Trivia Database ({file})"),
            note: None,
        }],
    });
    pack.questions = questions;
    Ok(pack)
}

pub fn load_file(path: &Path) -> Result<LoadedPack, PackError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| PackError {
        path: path.to_path_buf(),
        source_text: String::new(),
        diagnostics: vec![super::load::error_at(
            &file,
            1,
            1,
            format!("cannot read: {e}"),
            "check the file exists and is UTF-8",
        )],
    })?;
    match import(&file, &text) {
        Ok(pack) => Ok(LoadedPack {
            path: path.to_path_buf(),
            pack,
            warnings: vec![],
        }),
        Err(d) => Err(PackError {
            path: path.to_path_buf(),
            source_text: text,
            diagnostics: vec![d],
        }),
    }
}
