//! Headless app tests of the game: no window, no renderer. `MinimalPlugins`,
//! `StatesPlugin` and the game's plugins, driven by simulated key presses
//! and clicks with a manual clock.
#![cfg(feature = "game")]

use std::path::Path;

use bevy::prelude::*;
use leafquiz::engine::PlayHistory;
use leafquiz::engine::scoring::{Outcome, Scoreboard};
use leafquiz::game::GameConfig;
use leafquiz::game::demo::DemoConfig;
use leafquiz::game::quiz::{Mode, Quiz, Setup};
use leafquiz::game::save::{
    HIGH_SCORES_FILE, HISTORY_FILE, HighScores, Notices, PlayStats, RELAXED, SETTINGS_FILE,
    SETTINGS_SETTLE, Settings,
};
use leafquiz::game::screens::{PartyPhase, Pause, Place, Screen, SoloPhase};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

mod app_common;
use app_common::{DT, headless_app, press, run_until_exit, screen, settle};

fn new_app(dir: &Path, demo: Option<DemoConfig>) -> App {
    headless_app(GameConfig {
        data_dir: Some(dir.to_path_buf()),
        demo,
        ..default()
    })
}

fn quiz(app: &App) -> &Quiz {
    app.world().resource::<Quiz>()
}

/// Title → mode select → first question, with `n` classic questions.
fn start_game(app: &mut App, n: u32) {
    settle(app);
    assert_eq!(screen(app), Screen::Title);
    press(app, KeyCode::Enter);
    settle(app);
    assert_eq!(screen(app), SoloPhase::ModeSelect);
    {
        let mut setup = app.world_mut().resource_mut::<Setup>();
        setup.mode = Mode::Classic;
        setup.questions = n;
    }
    // Five rows, then "Start".
    for _ in 0..5 {
        press(app, KeyCode::ArrowDown);
    }
    press(app, KeyCode::Enter);
    settle(app);
    assert_eq!(screen(app), SoloPhase::Question);
}

#[test]
fn whole_game_flow_and_score_follow_the_scoreboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(dir.path(), None);
    start_game(&mut app, 4);
    let mut expected = Scoreboard::default();
    let keys = [
        KeyCode::Digit1,
        KeyCode::KeyB,
        KeyCode::Digit3,
        KeyCode::KeyD,
    ];
    for (i, key) in keys.into_iter().enumerate() {
        assert_eq!(screen(&app), SoloPhase::Question, "question {i}");
        // Let some time pass so the speed bonus is not the maximum.
        for _ in 0..(30 * (i + 1)) {
            app.update();
        }
        let q = quiz(&app).current().cloned().expect("a question");
        let (t, limit) = (quiz(&app).round().time_left(), quiz(&app).round().limit());
        let chosen = i;
        let outcome = if chosen == q.answer {
            Outcome::Correct
        } else {
            Outcome::Wrong
        };
        press(&mut app, key);
        // The timer ticks once more in the frame of the key press, before the answer.
        let award = expected.record(outcome, q.difficulty, t - DT.as_secs_f32(), limit);
        let last = quiz(&app).round().last().cloned().unwrap();
        assert_eq!(last.outcome, outcome);
        assert_eq!(last.award, award);
        settle(&mut app);
        assert_eq!(screen(&app), SoloPhase::Reveal);
        press(&mut app, KeyCode::Enter);
        settle(&mut app);
    }
    assert_eq!(screen(&app), SoloPhase::Results);
    let board = &quiz(&app).board;
    assert_eq!(board.score, expected.score);
    assert_eq!(board.answered, 4);
    assert_eq!(board.correct, expected.correct);
    assert_eq!(board.best_streak, expected.best_streak);
}

#[test]
fn a_timeout_counts_as_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(dir.path(), None);
    start_game(&mut app, 3);
    let limit = quiz(&app).round().limit();
    let frames = (limit / DT.as_secs_f32()) as usize + 10;
    for _ in 0..frames {
        app.update();
    }
    let last = quiz(&app).round().last().cloned().expect("timed out");
    assert_eq!(last.outcome, Outcome::TimedOut);
    assert_eq!(last.award.total, 0);
    assert_eq!(quiz(&app).board.answered, 1);
    assert_eq!(quiz(&app).board.correct, 0);
    settle(&mut app);
    assert_eq!(screen(&app), SoloPhase::Reveal);
}

/// The number key that answers option `i`.
fn option_key(i: usize) -> KeyCode {
    [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
    ][i]
}

fn pause(app: &App) -> Pause {
    *app.world().resource::<State<Pause>>().get()
}

#[test]
fn pause_stops_the_timer() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(dir.path(), None);
    start_game(&mut app, 3);
    press(&mut app, KeyCode::Escape);
    assert_eq!(pause(&app), Pause::Paused);
    let t = quiz(&app).round().time_left();
    for _ in 0..600 {
        app.update();
    }
    assert_eq!(
        quiz(&app).round().time_left(),
        t,
        "the timer must not run while paused"
    );
    // Answer keys do nothing while paused.
    press(&mut app, KeyCode::Digit1);
    assert!(quiz(&app).current().is_some());
    press(&mut app, KeyCode::Escape);
    assert_eq!(pause(&app), Pause::Running);
    for _ in 0..30 {
        app.update();
    }
    assert!(quiz(&app).round().time_left() < t);
    // Pause again and quit to the title through the menu.
    press(&mut app, KeyCode::Escape);
    press(&mut app, KeyCode::ArrowDown);
    press(&mut app, KeyCode::Enter);
    settle(&mut app);
    assert_eq!(screen(&app), Screen::Title);
}

/// Plays a classic game answering every question right, then types `name`.
fn play_and_enter_name(app: &mut App, n: u32, name: &[KeyCode]) {
    start_game(app, n);
    for _ in 0..n {
        let answer = quiz(app).current().unwrap().answer;
        press(app, option_key(answer));
        settle(app);
        press(app, KeyCode::Enter);
        settle(app);
    }
    assert_eq!(screen(app), SoloPhase::Results);
    assert!(
        app.world()
            .resource::<leafquiz::game::screens::NameEntry>()
            .active,
        "a first score is a high score"
    );
    for k in name {
        press(app, *k);
    }
    press(app, KeyCode::Enter);
}

/// Title → Settings, by keys.
fn open_settings(app: &mut App) {
    settle(app);
    // Title: Settings is the fifth button.
    for _ in 0..4 {
        press(app, KeyCode::ArrowDown);
    }
    press(app, KeyCode::Enter);
    settle(app);
    assert_eq!(screen(app), Screen::Settings);
}

#[test]
fn settings_and_high_scores_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = new_app(dir.path(), None);
        open_settings(&mut app);
        let before = app.world().resource::<Settings>().timer;
        press(&mut app, KeyCode::ArrowRight); // timer up
        press(&mut app, KeyCode::ArrowDown);
        press(&mut app, KeyCode::ArrowDown);
        press(&mut app, KeyCode::ArrowDown);
        press(&mut app, KeyCode::Enter); // reduced motion on
        let s = app.world().resource::<Settings>().clone();
        assert_ne!(s.timer, before);
        assert!(s.reduced_motion);
        press(&mut app, KeyCode::Escape);
        settle(&mut app);
        assert_eq!(screen(&app), Screen::Title);
        play_and_enter_name(&mut app, 2, &[KeyCode::KeyA, KeyCode::KeyN, KeyCode::KeyN]);
        app.update();
        assert!(dir.path().join(SETTINGS_FILE).exists());
        assert!(dir.path().join(HIGH_SCORES_FILE).exists());
    }
    let mut app = new_app(dir.path(), None);
    settle(&mut app);
    let s = app.world().resource::<Settings>();
    assert!(s.reduced_motion);
    assert_ne!(s.timer, Settings::default().timer);
    let scores = app.world().resource::<HighScores>();
    let all: Vec<_> = scores.tables.values().flatten().collect();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name, "ann");
    assert!(all[0].score > 0);
    assert!(app.world().resource::<Notices>().0.is_empty());
}

#[test]
fn settings_are_written_once_they_settle_not_on_every_press() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(dir.path(), None);
    open_settings(&mut app);
    let file = dir.path().join(SETTINGS_FILE);
    // Two quick presses on the timer row (of five values, so not back to the
    // start): nothing is written yet.
    for _ in 0..2 {
        press(&mut app, KeyCode::ArrowRight);
    }
    assert!(
        !file.exists(),
        "written while the player was still changing it"
    );
    // Half a second later, once, with the final value.
    let frames = (SETTINGS_SETTLE.as_secs_f32() / DT.as_secs_f32()) as usize + 2;
    for _ in 0..frames {
        app.update();
    }
    let saved: Settings = ron::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved.timer, app.world().resource::<Settings>().timer);
    assert_ne!(saved.timer, Settings::default().timer);
}

#[test]
fn answers_are_saved_and_the_next_game_asks_fresh_facts() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Vec::new();
    {
        let mut app = new_app(dir.path(), None);
        start_game(&mut app, 3);
        for i in 0..3 {
            let q = quiz(&app).current().cloned().expect("a question");
            first.push(q.fact_key);
            // Right, wrong, right.
            let chosen = if i == 1 { (q.answer + 1) % 4 } else { q.answer };
            press(&mut app, option_key(chosen));
            settle(&mut app);
            press(&mut app, KeyCode::Enter);
            settle(&mut app);
        }
        assert_eq!(screen(&app), SoloPhase::Results);
    }
    let saved: PlayHistory =
        ron::from_str(&std::fs::read_to_string(dir.path().join(HISTORY_FILE)).unwrap()).unwrap();
    assert_eq!(saved.games, 1);
    let answers: Vec<_> = first.iter().map(|k| &saved.facts[k]).collect();
    assert!(answers.iter().all(|r| r.asked == 1));
    assert_eq!(answers.iter().map(|r| r.correct).sum::<u32>(), 2);
    // A new run of the game starts a second game that puts those facts off.
    let mut app = new_app(dir.path(), None);
    start_game(&mut app, 3);
    let q = quiz(&app).current().cloned().unwrap();
    assert!(
        !first.contains(&q.fact_key),
        "a fact of the last game came back at once"
    );
    assert_eq!(app.world().resource::<PlayStats>().0.games, 2);
}

#[test]
fn a_corrupt_save_is_kept_aside_and_defaults_are_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(SETTINGS_FILE),
        "(timer: 12, this is not ron",
    )
    .unwrap();
    std::fs::write(dir.path().join(HIGH_SCORES_FILE), [0xff, 0xfe, 0x00]).unwrap();
    let mut app = new_app(dir.path(), None);
    // Building the app reads nothing: the boot screen loads the saves.
    assert!(
        !dir.path()
            .join(format!("{SETTINGS_FILE}.corrupt-1"))
            .exists()
    );
    assert!(
        app.world()
            .resource::<leafquiz::game::Packs>()
            .base
            .is_empty()
    );
    settle(&mut app);
    assert!(
        !app.world()
            .resource::<leafquiz::game::Packs>()
            .base
            .is_empty()
    );
    assert_eq!(*app.world().resource::<Settings>(), Settings::default());
    assert_eq!(*app.world().resource::<HighScores>(), HighScores::default());
    assert!(
        dir.path()
            .join(format!("{SETTINGS_FILE}.corrupt-1"))
            .exists()
    );
    assert!(
        dir.path()
            .join(format!("{HIGH_SCORES_FILE}.corrupt-1"))
            .exists()
    );
    let notices = app.world().resource::<Notices>().0.clone();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices[0].contains("settings"));
    assert_eq!(screen(&app), Screen::Title);
    // The notice is on the title screen.
    let mut texts = app.world_mut().query::<&Text>();
    assert!(texts.iter(app.world()).any(|t| t.0.contains("damaged")));
}

#[test]
fn mouse_clicks_drive_the_menus() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(dir.path(), None);
    settle(&mut app);
    let click = |app: &mut App, label: &str| {
        let mut q = app.world_mut().query::<(Entity, &Text, &ChildOf)>();
        let button = q
            .iter(app.world())
            .find(|(_, t, _)| t.0 == label)
            .map(|(_, _, p)| p.parent())
            .unwrap_or_else(|| panic!("no {label} button"));
        app.world_mut()
            .entity_mut(button)
            .insert(Interaction::Pressed);
        app.update();
        app.world_mut().entity_mut(button).insert(Interaction::None);
        settle(app);
    };
    click(&mut app, "Party");
    assert_eq!(screen(&app), PartyPhase::Lobby);
    press(&mut app, KeyCode::Escape);
    settle(&mut app);
    click(&mut app, "Play");
    assert_eq!(screen(&app), SoloPhase::ModeSelect);
    click(&mut app, "Start");
    assert_eq!(screen(&app), SoloPhase::Question);
    let answer = quiz(&app).current().unwrap().answer;
    let mut cards = app
        .world_mut()
        .query::<(Entity, &leafquiz::game::screens::AnswerCard)>();
    let card = cards
        .iter(app.world())
        .find(|(_, c)| c.0 == answer)
        .unwrap()
        .0;
    app.world_mut()
        .entity_mut(card)
        .insert(Interaction::Pressed);
    app.update();
    assert_eq!(quiz(&app).round().last().unwrap().outcome, Outcome::Correct);
    settle(&mut app);
    assert_eq!(screen(&app), SoloPhase::Reveal);
}

#[test]
fn demo_plays_a_whole_game_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(
        dir.path(),
        Some(DemoConfig {
            seed: 5,
            questions: 3,
            screenshots: None,
            exit_when_done: true,
        }),
    );
    let seen = run_until_exit(&mut app, 20_000);
    assert_eq!(
        app.should_exit(),
        Some(AppExit::Success),
        "screens seen: {seen:?}"
    );
    let order: [Place; 6] = [
        Screen::Title.into(),
        SoloPhase::ModeSelect.into(),
        SoloPhase::Question.into(),
        SoloPhase::Reveal.into(),
        SoloPhase::Results.into(),
        Screen::HighScores.into(),
    ];
    let mut it = seen.iter();
    for s in order {
        assert!(it.any(|x| *x == s), "{s:?} missing from {seen:?}");
    }
    assert_eq!(quiz(&app).board.answered, 3);
    let scores = app.world().resource::<HighScores>();
    if quiz(&app).board.score > 0 {
        assert!(
            scores
                .tables
                .values()
                .flatten()
                .any(|e| e.name == "Leafbot")
        );
    }
}

#[test]
fn soak_random_input_across_all_screens() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(dir.path(), None);
    let mut rng = ChaCha8Rng::seed_from_u64(0x50a4);
    let keys = [
        KeyCode::ArrowUp,
        KeyCode::ArrowDown,
        KeyCode::ArrowLeft,
        KeyCode::ArrowRight,
        KeyCode::Enter,
        KeyCode::Enter,
        KeyCode::Escape,
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
        KeyCode::KeyA,
        KeyCode::KeyD,
        KeyCode::KeyX,
        KeyCode::Space,
        KeyCode::Backspace,
    ];
    let mut seen = std::collections::HashSet::new();
    let mut held: Option<KeyCode> = None;
    for frame in 0..100_000u32 {
        {
            let mut input = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
            input.clear();
            if let Some(k) = held.take() {
                input.release(k);
            }
            if rng.random_bool(0.08) {
                let k = keys[rng.random_range(0..keys.len())];
                input.press(k);
                held = Some(k);
            }
        }
        // Now and then a click on a random button.
        if frame % 97 == 0 {
            let mut q = app.world_mut().query_filtered::<Entity, With<Button>>();
            let buttons: Vec<Entity> = q.iter(app.world()).collect();
            if !buttons.is_empty() {
                let b = buttons[rng.random_range(0..buttons.len())];
                app.world_mut().entity_mut(b).insert(Interaction::Pressed);
            }
        }
        // Never quit: the soak keeps going (an AppExit request is just ignored here).
        app.update();
        seen.insert(screen(&app));
    }
    for s in [
        Place::from(Screen::Title),
        SoloPhase::ModeSelect.into(),
        SoloPhase::Question.into(),
        SoloPhase::Reveal.into(),
        Screen::Settings.into(),
    ] {
        assert!(seen.contains(&s), "soak never reached {s:?}: {seen:?}");
    }
}

#[test]
fn a_relaxed_game_has_no_clock_and_no_speed_points() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(dir.path(), None);
    settle(&mut app);
    app.world_mut().resource_mut::<Settings>().timer = RELAXED;
    start_game(&mut app, 2);
    assert!(quiz(&app).relaxed());
    // Ten minutes on one question: still there, nothing timed out.
    for _ in 0..(600.0 / DT.as_secs_f32()) as usize {
        app.update();
    }
    assert_eq!(screen(&app), SoloPhase::Question);
    assert!(
        quiz(&app).round().last().is_none(),
        "a relaxed question never times out"
    );
    let answer = quiz(&app).current().unwrap().answer;
    press(&mut app, option_key(answer));
    let last = quiz(&app).round().last().cloned().unwrap();
    assert_eq!(last.outcome, Outcome::Correct);
    assert_eq!(last.award.speed_bonus, 0, "no speed points without a clock");
    assert!(last.award.total > 0);
    // Its own high-score table: a slow reader is not ranked against the clock.
    assert!(quiz(&app).setup.mode_key().ends_with("-relaxed"));
}

#[test]
fn enter_on_the_mode_row_starts_the_game_as_the_footer_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(dir.path(), None);
    settle(&mut app);
    press(&mut app, KeyCode::Enter);
    settle(&mut app);
    assert_eq!(screen(&app), SoloPhase::ModeSelect);
    let before = app.world().resource::<Setup>().mode;
    // The Mode row has the focus: Enter starts, it does not cycle the mode.
    press(&mut app, KeyCode::Enter);
    settle(&mut app);
    assert_eq!(screen(&app), SoloPhase::Question);
    assert_eq!(quiz(&app).setup.mode, before);
    // ← → still change a row.
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(dir.path(), None);
    settle(&mut app);
    press(&mut app, KeyCode::Enter);
    settle(&mut app);
    press(&mut app, KeyCode::ArrowRight);
    assert_ne!(app.world().resource::<Setup>().mode, before);
    assert_eq!(screen(&app), SoloPhase::ModeSelect);
}
