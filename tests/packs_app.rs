//! Headless app tests of the pack library, the packs screen and hot reload:
//! `MinimalPlugins`, `StatesPlugin` and the game's plugins with a manual clock.
#![cfg(feature = "game")]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use leafquiz::game::pack_library::{PackLibrary, PackToast};
use leafquiz::game::save::{Notices, Settings};
use leafquiz::game::screens::Screen;
use leafquiz::game::{GameConfig, Packs};

mod app_common;
use app_common::{headless_app, press, screen, settle};
/// Frames in one second of game time.
const ONE_SECOND: usize = 1000 / 16;

fn fixture() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/river_league.ron"),
    )
    .unwrap()
}

/// A game on the title screen, its saves and packs loaded.
fn new_app(data: &Path, pack_dirs: &[&Path]) -> App {
    let mut app = headless_app(GameConfig {
        data_dir: Some(data.to_path_buf()),
        pack_dirs: pack_dirs.iter().map(|p| p.to_path_buf()).collect(),
        ..default()
    });
    settle(&mut app);
    app
}

/// Title → Packs (third item of the menu).
fn open_packs_screen(app: &mut App) {
    settle(app);
    assert_eq!(screen(app), Screen::Title);
    press(app, KeyCode::ArrowDown);
    press(app, KeyCode::ArrowDown);
    press(app, KeyCode::Enter);
    settle(app);
    assert_eq!(screen(app), Screen::Packs);
}

fn library(app: &App) -> &PackLibrary {
    app.world().resource::<PackLibrary>()
}

fn title_of(app: &App, path: &Path) -> Option<String> {
    library(app)
        .entry(path)
        .and_then(|e| e.summary.as_ref().map(|s| s.title.clone()))
}

fn error_of(app: &App, path: &Path) -> Option<String> {
    library(app).entry(path).and_then(|e| e.error.clone())
}

fn texts(app: &mut App) -> Vec<String> {
    let mut q = app.world_mut().query::<&Text>();
    q.iter(app.world()).map(|t| t.0.clone()).collect()
}

/// The card whose title is `title`.
fn card_of(app: &mut App, title: &str) -> Entity {
    let mut texts = app.world_mut().query::<(Entity, &Text)>();
    let mut e = texts
        .iter(app.world())
        .find(|(_, t)| t.0 == title)
        .map(|(e, _)| e)
        .unwrap_or_else(|| panic!("no card {title}"));
    loop {
        let w = app.world().entity(e);
        if w.get::<Name>().is_some_and(|n| n.as_str() == "Pack card") {
            return e;
        }
        e = w.get::<ChildOf>().expect("inside a card").parent();
    }
}

/// Runs frames until `done` holds; fails after one second of game time.
/// Each frame also lets a little real time pass: reloading runs on the task
/// pool, not on the manual clock.
fn within_a_second(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    for _ in 0..ONE_SECOND {
        std::thread::sleep(Duration::from_millis(5));
        app.update();
        if done(app) {
            return;
        }
    }
    panic!("not within one second: {what}");
}

/// Writes a file so that its modification time surely differs from the last.
fn rewrite(path: &Path, text: &str) {
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(path, text).unwrap();
}

fn pack_dir_with_river() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("river_league.ron");
    std::fs::write(&file, fixture()).unwrap();
    (dir, file)
}

#[test]
fn an_edited_pack_reloads_and_a_broken_edit_keeps_the_last_good_version() {
    let data = tempfile::tempdir().unwrap();
    let (packs_dir, file) = pack_dir_with_river();
    let mut app = new_app(data.path(), &[packs_dir.path()]);
    // Listed with its size.
    let entry = library(&app)
        .entry(&file)
        .expect("the pack is listed")
        .clone();
    let summary = entry.summary.clone().unwrap();
    assert_eq!(summary.title, "The River League (fictional)");
    assert!(summary.facts > 0 && summary.kinds > 0 && summary.candidates > 0);
    assert!(entry.error.is_none());
    // The user's packs folder is created.
    assert!(data.path().join("packs").is_dir());
    open_packs_screen(&mut app);
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t == "The River League (fictional)"));
    assert!(shown.iter().any(|t| t == &summary.stats()));
    assert!(
        shown
            .iter()
            .any(|t| t.contains(&data.path().join("packs").display().to_string()))
    );

    // Edit the title: the new version is in play within a second.
    let base_before = app.world().resource::<Packs>().base.clone();
    let renamed = fixture().replace("The River League (fictional)", "The Renamed River League");
    rewrite(&file, &renamed);
    within_a_second(&mut app, "the edit reloads", |app| {
        title_of(app, &file).as_deref() == Some("The Renamed River League")
    });
    app.update();
    let base_after = app.world().resource::<Packs>().base.clone();
    assert!(
        !Arc::ptr_eq(&base_before, &base_after),
        "the fact base is rebuilt"
    );
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t == "The Renamed River League")
    );
    let toast = app.world().resource::<PackToast>().clone();
    assert!(toast.visible() && !toast.is_error, "{toast:?}");

    // Break it: the last good version stays, the error is shown.
    let broken = renamed.replace("version: \"1.0.0\",", "version: 1.0.0.0,");
    assert_ne!(broken, renamed);
    rewrite(&file, &broken);
    within_a_second(&mut app, "the error shows", |app| {
        error_of(app, &file).is_some()
    });
    app.update();
    let err = error_of(&app, &file).unwrap();
    let at = format!("{}:8:", file.display());
    assert!(err.starts_with(&at), "{err}");
    assert!(err.contains(": error: "), "{err}");
    let entry = library(&app).entry(&file).unwrap();
    assert!(entry.playable(), "the last good version stays in play");
    assert_eq!(title_of(&app, &file).unwrap(), "The Renamed River League");
    assert!(Arc::ptr_eq(
        &base_after,
        &app.world().resource::<Packs>().base
    ));
    let toast = app.world().resource::<PackToast>().clone();
    assert!(toast.visible() && toast.is_error && toast.text.starts_with(&at));
    assert!(
        texts(&mut app).iter().any(|t| t.contains(&at)),
        "on the packs screen"
    );

    // The toast goes after a few seconds.
    for _ in 0..(8 * ONE_SECOND) {
        app.update();
    }
    assert!(!app.world().resource::<PackToast>().visible());

    // Fix it: the error clears.
    rewrite(&file, &fixture());
    within_a_second(&mut app, "the error clears", |app| {
        error_of(app, &file).is_none()
    });
    app.update();
    assert_eq!(
        title_of(&app, &file).unwrap(),
        "The River League (fictional)"
    );
    assert!(!texts(&mut app).iter().any(|t| t.contains(&at)));
    assert!(!app.world().resource::<PackToast>().is_error);
}

#[test]
fn a_broken_pack_is_listed_with_its_error_and_the_others_load() {
    let data = tempfile::tempdir().unwrap();
    let (packs_dir, river) = pack_dir_with_river();
    let bad = packs_dir.path().join("broken.ron");
    std::fs::write(&bad, "Pack(\n    meta: Meta(id: \"broken\",\n").unwrap();
    let mut app = new_app(data.path(), &[packs_dir.path()]);
    let lib = library(&app);
    let e = lib.entry(&bad).expect("the broken pack is listed");
    assert!(!e.playable());
    let err = e.error.clone().unwrap();
    assert!(err.starts_with(&format!("{}:", bad.display())), "{err}");
    assert!(lib.entry(&river).unwrap().playable());
    let ids = lib.playable_ids();
    assert!(ids.contains(&"river_league".to_string()));
    assert!(ids.contains(&"heartstopper".to_string()));
    assert!(!ids.contains(&"broken".to_string()));
    // Played: every valid pack.
    assert_eq!(
        app.world().resource::<Packs>().id,
        "heartstopper+river_league"
    );
    assert!(
        app.world()
            .resource::<Notices>()
            .0
            .iter()
            .any(|n| n.contains("broken.ron"))
    );
    open_packs_screen(&mut app);
    assert!(texts(&mut app).iter().any(|t| t.contains(&err)));

    // A pack dropped into the folder appears; a removed one goes.
    let added = packs_dir.path().join("second.ron");
    std::fs::write(
        &added,
        fixture()
            .replace("id: \"river_league\"", "id: \"second_league\"")
            .replace("The River League (fictional)", "Second League"),
    )
    .unwrap();
    std::fs::remove_file(&bad).unwrap();
    within_a_second(&mut app, "the folder is seen again", |app| {
        library(app).entry(&added).is_some() && library(app).entry(&bad).is_none()
    });
    app.update();
    assert!(texts(&mut app).iter().any(|t| t == "Second League"));
    assert_eq!(
        app.world().resource::<Packs>().id,
        "heartstopper+river_league+second_league"
    );
}

#[test]
fn the_choice_of_packs_is_used_and_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let (packs_dir, _river) = pack_dir_with_river();
    {
        let mut app = new_app(data.path(), &[packs_dir.path()]);
        assert!(app.world().resource::<Settings>().packs.is_empty());
        open_packs_screen(&mut app);
        // The built-in pack comes first and has the focus: Space drops it.
        assert_eq!(library(&app).entries[0].id(), Some("heartstopper"));
        press(&mut app, KeyCode::Space);
        assert_eq!(
            app.world().resource::<Settings>().packs,
            vec!["river_league".to_string()]
        );
        app.update();
        let packs = app.world().resource::<Packs>();
        assert_eq!(packs.id, "river_league");
        assert_eq!(packs.title, "The River League (fictional)");
        // The last one cannot be dropped.
        press(&mut app, KeyCode::ArrowDown);
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            app.world().resource::<Settings>().packs,
            vec!["river_league".to_string()]
        );
        assert!(
            texts(&mut app)
                .iter()
                .any(|t| t.contains("At least one pack"))
        );
        // A click adds the built-in pack back: both again (saved as "all").
        let card = card_of(&mut app, "Heartstopper");
        app.world_mut()
            .entity_mut(card)
            .insert(Interaction::Pressed);
        app.update();
        app.world_mut().entity_mut(card).insert(Interaction::None);
        app.update();
        assert!(app.world().resource::<Settings>().packs.is_empty());
        assert_eq!(
            app.world().resource::<Packs>().id,
            "heartstopper+river_league"
        );
        // The click focused it: drop the built-in one again and leave.
        press(&mut app, KeyCode::Space);
        press(&mut app, KeyCode::Escape);
        settle(&mut app);
        assert_eq!(screen(&app), Screen::Title);
    }
    let app = new_app(data.path(), &[packs_dir.path()]);
    assert_eq!(
        app.world().resource::<Settings>().packs,
        vec!["river_league".to_string()]
    );
    let packs = app.world().resource::<Packs>();
    assert_eq!(packs.id, "river_league");
    // The solo game draws from the chosen pack only.
    let mut quiz = leafquiz::game::quiz::Quiz::new(
        packs,
        app.world()
            .resource::<leafquiz::game::quiz::Setup>()
            .clone(),
        7,
        20.0,
        Default::default(),
    );
    assert!(quiz.draw());
    assert!(
        packs
            .base
            .packs()
            .iter()
            .all(|p| p.meta.id == "river_league"),
    );
}

#[test]
fn the_window_title_names_the_packs_in_play() {
    let data = tempfile::tempdir().unwrap();
    let (packs_dir, _river) = pack_dir_with_river();
    // The window is there from the first frame, as in the game.
    let mut app = headless_app(GameConfig {
        data_dir: Some(data.path().to_path_buf()),
        pack_dirs: vec![packs_dir.path().to_path_buf()],
        ..default()
    });
    let window = app
        .world_mut()
        .spawn((Window::default(), bevy::window::PrimaryWindow))
        .id();
    settle(&mut app);
    let title = |app: &App| app.world().get::<Window>(window).unwrap().title.clone();
    assert_eq!(
        title(&app),
        "leafquiz · Heartstopper + The River League (fictional)"
    );
    // A pack dropped into the folder joins the game and the title.
    std::fs::write(
        packs_dir.path().join("second.ron"),
        fixture()
            .replace("id: \"river_league\"", "id: \"second_league\"")
            .replace("The River League (fictional)", "Second League"),
    )
    .unwrap();
    within_a_second(&mut app, "the new pack is played", |app| {
        title(app).ends_with("+ Second League")
    });
}
