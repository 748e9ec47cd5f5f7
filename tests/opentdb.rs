//! OpenTDB import: HTML entities are decoded, bad files give positioned errors.

use leafquiz::engine::opentdb::{decode, import};
use proptest::prelude::*;

fn file_with(question: &str, answer: &str, wrong: &[&str]) -> String {
    serde_json::json!({
        "response_code": 0,
        "results": [{
            "category": "Entertainment: Television",
            "type": "multiple",
            "difficulty": "easy",
            "question": question,
            "correct_answer": answer,
            "incorrect_answers": wrong,
        }]
    })
    .to_string()
}

#[test]
fn named_and_numeric_entities_are_decoded() {
    let text = file_with(
        "Who said &quot;Hi&quot; in &#039;Meet&#039;?",
        "Nick &amp; Charlie",
        &["Tao&#x27;s", "Elle", "Caf&eacute;"],
    );
    let pack = import("t.json", &text).unwrap();
    let q = &pack.questions[0];
    assert_eq!(q.prompt, "Who said \"Hi\" in 'Meet'?");
    assert_eq!(q.answer, "Nick & Charlie");
    assert_eq!(q.wrong, vec!["Tao's", "Elle", "Café"]);
    assert_eq!(pack.meta.title, "OpenTDB: Entertainment: Television");
}

#[test]
fn a_broken_file_reports_line_and_column() {
    let err = import(
        "t.json",
        "{\n  \"response_code\": 0,\n  \"results\": [ {\"question\": 1 } ]\n}",
    )
    .unwrap_err();
    assert_eq!(err.line, 3, "{err}");
    assert!(err.column > 1);
    let err = import("t.json", "{\"response_code\": 1, \"results\": []}").unwrap_err();
    assert!(err.message.contains("response_code"), "{err}");
}

proptest! {
    #[test]
    fn decoding_inverts_html_encoding(s in "\\PC{0,40}") {
        let encoded = html_escape::encode_quoted_attribute(&s).into_owned();
        prop_assert_eq!(decode(&encoded), s.clone());
        let text = file_with(&encoded, &html_escape::encode_text(&s), &["x"]);
        let pack = import("p.json", &text).unwrap();
        prop_assert_eq!(&pack.questions[0].prompt, &s);
        prop_assert_eq!(&pack.questions[0].answer, &s);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let _ = import("p.json", &s);
    }
}
