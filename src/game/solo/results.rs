//! Results: score, accuracy, best streak, accuracy per kind, time; a new
//! high score asks for a name typed on the keyboard.

use bevy::prelude::*;

use crate::game::GameSet;

use crate::game::Packs;
use crate::game::input::Actions;
use crate::game::quiz::Quiz;
use crate::game::save::{HighScores, ScoreEntry};
use crate::game::screens::{Place, Screen, SoloPhase};
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

pub const NAME_LEN: usize = 16;

/// The name being typed for a new high score.
#[derive(Resource, Debug, Clone, Default)]
pub struct NameEntry {
    pub active: bool,
    pub name: String,
    /// Rank in the table once saved.
    pub rank: Option<usize>,
}

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum ResultsAction {
    HighScores,
    Again,
    Title,
}

#[derive(Component)]
struct NameText;
#[derive(Component)]
struct EntryPanel;
#[derive(Component)]
struct ButtonSlot;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<NameEntry>();
    app.add_systems(OnEnter(SoloPhase::Results), spawn);
    app.add_systems(
        Update,
        (type_name, act)
            .chain()
            .in_set(GameSet::Logic)
            .run_if(in_state(SoloPhase::Results)),
    );
}

fn key(packs: &Packs, quiz: &Quiz) -> String {
    HighScores::key(&packs.id, &quiz.setup.mode_key())
}

fn spawn(
    mut commands: Commands,
    quiz: Option<Res<Quiz>>,
    packs: Res<Packs>,
    scores: Res<HighScores>,
    mut entry: ResMut<NameEntry>,
) {
    *entry = NameEntry::default();
    let root = commands
        .spawn(widgets::screen_root("Results screen", SoloPhase::Results))
        .id();
    let Some(quiz) = quiz else {
        commands.entity(root).with_children(|r| {
            r.spawn(widgets::heading("No game played yet"));
            r.spawn((widgets::row("Result buttons"), ButtonSlot))
                .with_children(buttons);
        });
        return;
    };
    let b = &quiz.board;
    entry.active = !packs.base.is_empty() && scores.qualifies(&key(&packs, &quiz), b.score);
    let secs = quiz.seconds_played.round() as u32;
    commands.entity(root).with_children(|root| {
        root.spawn(widgets::panel("Results panel", 80.0))
            .with_children(|p| {
                p.spawn(widgets::heading(
                    if quiz.round().exhausted() && b.answered == 0 {
                        "No questions to ask"
                    } else {
                        "Well played!"
                    },
                ));
                p.spawn(widgets::text(
                    "Mode",
                    quiz.setup.mode.name(),
                    widgets::BODY,
                    palette::INK_SOFT,
                ));
                if quiz.round().exhausted() && b.answered > 0 {
                    // A game asks each fact once: a small pack can run out.
                    p.spawn(widgets::text(
                        "Ran short",
                        format!("The packs ran out of fresh questions after {}.", b.answered),
                        widgets::SMALL,
                        palette::INK_SOFT,
                    ));
                }
                p.spawn((
                    Name::new("Final score"),
                    Text::new(format!("{} points", b.score)),
                    widgets::bold(widgets::TITLE * 0.8),
                    TextColor(palette::PINK_DEEP),
                    TextShadow {
                        offset: Vec2::new(2.0, 3.0),
                        color: palette::BLUE.with_alpha(0.6),
                    },
                ));
                p.spawn(widgets::row("Stats")).with_children(|r| {
                    r.spawn(stat(
                        "Accuracy",
                        format!(
                            "{:.0}%  ({}/{})",
                            b.accuracy() * 100.0,
                            b.correct,
                            b.answered
                        ),
                    ));
                    r.spawn(stat("Best streak", b.best_streak.to_string()));
                    r.spawn(stat("Time", format!("{}:{:02}", secs / 60, secs % 60)));
                });
                if !quiz.per_kind.is_empty() {
                    p.spawn(widgets::row("Per kind")).with_children(|r| {
                        for (label, (right, asked)) in &quiz.per_kind {
                            let share = *right as f32 / (*asked).max(1) as f32;
                            let c = if share >= 0.67 {
                                palette::TURQUOISE
                            } else if share >= 0.34 {
                                palette::ORANGE
                            } else {
                                palette::PINK
                            };
                            r.spawn((
                                Name::new("Kind accuracy"),
                                Node {
                                    padding: UiRect::axes(px(12), px(4)),
                                    border_radius: BorderRadius::all(px(12)),
                                    ..default()
                                },
                                BackgroundColor(c.with_alpha(0.4)),
                                children![(
                                    Name::new("Kind text"),
                                    Text::new(format!("{label}  {right}/{asked}")),
                                    widgets::font(widgets::SMALL + 1.0),
                                    TextColor(palette::INK)
                                )],
                            ));
                        }
                    });
                }
                if entry.active {
                    p.spawn((
                        Name::new("Name entry"),
                        EntryPanel,
                        Node {
                            flex_direction: FlexDirection::Column,
                            align_items: AlignItems::Center,
                            row_gap: px(8),
                            padding: UiRect::all(px(14)),
                            border_radius: BorderRadius::all(px(18)),
                            ..default()
                        },
                        BackgroundColor(palette::BLUE.with_alpha(0.25)),
                        children![
                            (
                                Name::new("New high score"),
                                Text::new("New high score! Type your name"),
                                widgets::bold(widgets::BODY + 2.0),
                                TextColor(palette::BLUE_DEEP)
                            ),
                            (
                                Name::new("Name field"),
                                NameText,
                                Text::new("_"),
                                widgets::bold(widgets::H2),
                                TextColor(palette::INK),
                                Node {
                                    min_width: px(320),
                                    padding: UiRect::axes(px(16), px(6)),
                                    border: UiRect::all(px(3)),
                                    border_radius: BorderRadius::all(px(12)),
                                    justify_content: JustifyContent::Center,
                                    ..default()
                                },
                                BackgroundColor(palette::PAPER),
                                BorderColor::all(palette::BLUE_DEEP),
                            ),
                            widgets::hint("Enter to save  ·  Backspace to erase"),
                        ],
                    ));
                }
                let mut slot = p.spawn((widgets::row("Result buttons"), ButtonSlot));
                if !entry.active {
                    slot.with_children(buttons);
                }
            });
    });
}

fn stat(label: &'static str, value: String) -> impl Bundle {
    (
        Name::new("Stat"),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            padding: UiRect::axes(px(18), px(6)),
            border_radius: BorderRadius::all(px(16)),
            min_width: px(150),
            ..default()
        },
        BackgroundColor(palette::CREAM_DEEP),
        children![
            (
                Name::new("Stat label"),
                Text::new(label),
                widgets::font(widgets::SMALL),
                TextColor(palette::INK_SOFT)
            ),
            (
                Name::new("Stat value"),
                Text::new(value),
                widgets::bold(widgets::BODY + 2.0),
                TextColor(palette::INK)
            ),
        ],
    )
}

fn buttons(r: &mut ChildSpawnerCommands) {
    r.spawn(widgets::button("High scores", ResultsAction::HighScores, 0));
    r.spawn(widgets::button("Play again", ResultsAction::Again, 1));
    r.spawn(widgets::button("Title", ResultsAction::Title, 2));
}

#[allow(clippy::too_many_arguments)]
fn type_name(
    mut commands: Commands,
    input: Res<Actions>,
    mut entry: ResMut<NameEntry>,
    quiz: Option<Res<Quiz>>,
    packs: Res<Packs>,
    mut scores: ResMut<HighScores>,
    mut field: Query<&mut Text, With<NameText>>,
    panels: Query<Entity, With<EntryPanel>>,
    slots: Query<Entity, With<ButtonSlot>>,
) {
    if !entry.active {
        return;
    }
    for c in input.typed.chars() {
        if entry.name.chars().count() < NAME_LEN
            && (c.is_alphanumeric() || c == ' ' || c == '-')
            && !(c == ' ' && entry.name.is_empty())
        {
            entry.name.push(c);
        }
    }
    if input.backspace {
        entry.name.pop();
    }
    if input.confirm {
        let name = entry.name.trim().to_string();
        let name = if name.is_empty() {
            "Player".to_string()
        } else {
            name
        };
        if let Some(quiz) = quiz {
            let b = &quiz.board;
            entry.rank = scores.insert(
                &key(&packs, &quiz),
                ScoreEntry {
                    name,
                    score: b.score,
                    correct: b.correct,
                    answered: b.answered,
                    difficulty: quiz.setup.difficulty,
                },
            );
        }
        entry.active = false;
        for e in &panels {
            commands.entity(e).despawn();
        }
        for e in &slots {
            commands.entity(e).with_children(buttons);
        }
        return;
    }
    for mut t in &mut field {
        let v = format!("{}_", entry.name);
        if t.0 != v {
            t.0 = v;
        }
    }
}

fn act(
    mut activated: MessageReader<Activated>,
    actions: Query<&ResultsAction>,
    input: Res<Actions>,
    entry: Res<NameEntry>,
    mut requests: MessageWriter<RequestScreen>,
) {
    if input.back && !entry.active {
        requests.write(RequestScreen::to(Screen::Title));
        return;
    }
    for Activated(e) in activated.read() {
        let to: Place = match actions.get(*e) {
            Ok(ResultsAction::HighScores) => Screen::HighScores.into(),
            Ok(ResultsAction::Again) => SoloPhase::ModeSelect.into(),
            Ok(ResultsAction::Title) => Screen::Title.into(),
            Err(_) => continue,
        };
        requests.write(RequestScreen::to(to));
    }
}
