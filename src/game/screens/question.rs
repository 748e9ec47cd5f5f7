//! The question: prompt, four answer cards, a draining timer, score and streak.

use bevy::prelude::*;

use crate::game::GameSet;

use super::Screen;
use crate::engine::scoring::Outcome;
use crate::game::audio::Cue;
use crate::game::input::Actions;
use crate::game::leaves::LeafBurst;
use crate::game::quiz::{Mode, Quiz};
use crate::game::save::{AnswerPlayed, Settings};
use crate::game::theme::focus::WidgetColours;
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

/// Answer card `i`.
#[derive(Component, Debug, Clone, Copy)]
pub struct AnswerCard(pub usize);

#[derive(Component)]
struct TimerFill;
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum HudText {
    Timer,
    Score,
    Streak,
    Progress,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Question), spawn);
    app.add_systems(
        Update,
        (
            (tick, answer).chain().in_set(GameSet::Logic),
            hud.in_set(GameSet::Paint),
        )
            .run_if(in_state(Screen::Question).and_then(resource_exists::<Quiz>)),
    );
}

fn spawn(
    mut commands: Commands,
    quiz: Option<Res<Quiz>>,
    settings: Res<Settings>,
    mut requests: MessageWriter<RequestScreen>,
) {
    let Some(q) = quiz.as_ref().and_then(|q| q.current.clone()) else {
        requests.write(RequestScreen(Screen::Results));
        return;
    };
    let quiz = quiz.unwrap();
    commands
        .spawn(widgets::screen_root("Question screen", Screen::Question))
        .with_children(|root| {
            // Top bar: progress and category on the left, score and streak on the right.
            root.spawn((
                Name::new("Top bar"),
                Node {
                    width: percent(92),
                    max_width: px(1300),
                    justify_content: JustifyContent::SpaceBetween,
                    align_items: AlignItems::Center,
                    column_gap: px(16),
                    ..default()
                },
            ))
            .with_children(|bar| {
                bar.spawn(widgets::row("Progress")).with_children(|r| {
                    r.spawn((
                        HudText::Progress,
                        Name::new("Progress text"),
                        Text::new(quiz.progress_text()),
                        widgets::bold(widgets::BODY),
                        TextColor(palette::INK),
                    ));
                    r.spawn(chip(q.kind.label(), palette::BLUE));
                });
                bar.spawn(widgets::row("Score")).with_children(|r| {
                    r.spawn((
                        HudText::Streak,
                        Name::new("Streak text"),
                        Text::new(""),
                        widgets::bold(widgets::BODY),
                        TextColor(palette::PINK_DEEP),
                    ));
                    r.spawn((
                        HudText::Score,
                        Name::new("Score text"),
                        Text::new(""),
                        widgets::bold(widgets::BODY + 4.0),
                        TextColor(palette::INK),
                    ));
                });
            });
            // Timer bar.
            root.spawn((
                Name::new("Timer"),
                Node {
                    width: percent(92),
                    max_width: px(1300),
                    align_items: AlignItems::Center,
                    column_gap: px(12),
                    ..default()
                },
            ))
            .with_children(|t| {
                t.spawn((
                    Name::new("Timer track"),
                    Node {
                        flex_grow: 1.0,
                        height: px(16),
                        border_radius: BorderRadius::MAX,
                        overflow: Overflow::clip(),
                        ..default()
                    },
                    BackgroundColor(palette::CREAM_DEEP),
                ))
                .with_children(|track| {
                    track.spawn((
                        Name::new("Timer fill"),
                        TimerFill,
                        Node {
                            width: percent(100),
                            height: percent(100),
                            border_radius: BorderRadius::MAX,
                            ..default()
                        },
                        BackgroundColor(palette::TURQUOISE),
                    ));
                });
                t.spawn((
                    HudText::Timer,
                    Name::new("Timer text"),
                    Text::new(""),
                    widgets::bold(widgets::BODY),
                    TextColor(palette::INK),
                    Node {
                        min_width: px(52),
                        ..default()
                    },
                ));
            });
            // Prompt.
            root.spawn(widgets::panel("Prompt card", 92.0))
                .with_children(|p| {
                    p.spawn((
                        Name::new("Prompt"),
                        Text::new(q.prompt.clone()),
                        widgets::bold(widgets::H2 + 2.0),
                        TextColor(palette::INK),
                        TextLayout::new(Justify::Center, LineBreak::WordBoundary),
                        Node {
                            width: percent(100),
                            ..default()
                        },
                    ));
                });
            // Answers, 2 × 2.
            root.spawn((
                Name::new("Answers"),
                Node {
                    width: percent(92),
                    max_width: px(1300),
                    display: Display::Grid,
                    grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
                    row_gap: px(14),
                    column_gap: px(14),
                    ..default()
                },
            ))
            .with_children(|g| {
                for (i, option) in q.options.iter().enumerate().take(4) {
                    g.spawn(card(i, option, settings.colour_blind));
                }
            });
            root.spawn(widgets::hint(
                "1–4 or A–D to answer  ·  arrows + Enter  ·  Esc to pause",
            ));
        });
}

fn chip(text: &str, colour: Color) -> impl Bundle {
    (
        Name::new("Chip"),
        Node {
            padding: UiRect::axes(px(12), px(3)),
            border_radius: BorderRadius::all(px(12)),
            ..default()
        },
        BackgroundColor(colour.with_alpha(0.45)),
        children![(
            Name::new("Chip text"),
            Text::new(text),
            widgets::font(widgets::SMALL),
            TextColor(palette::INK)
        )],
    )
}

/// An answer card: badge (letter + shape) and the option, on its colour.
pub fn card(i: usize, option: &str, colour_blind: bool) -> impl Bundle {
    let colour = palette::answer_colour(i, colour_blind);
    (
        Name::new(format!("Answer card {}", palette::LETTERS[i % 4])),
        Button,
        AnswerCard(i),
        Focusable::new(i as u32),
        WidgetColours {
            normal: colour.mix(&palette::PAPER, 0.25),
            focused: colour.mix(&palette::PAPER, 0.05),
            border: colour,
            focused_border: palette::INK,
        },
        Node {
            min_height: px(84),
            padding: UiRect::axes(px(18), px(12)),
            align_items: AlignItems::Center,
            column_gap: px(14),
            border: UiRect::all(px(4)),
            border_radius: BorderRadius::all(px(24)),
            ..default()
        },
        BackgroundColor(colour),
        BorderColor::all(colour),
        BoxShadow::new(palette::SHADOW, px(0), px(4), px(0), px(10)),
        children![
            widgets::badge(i, colour_blind),
            (
                Name::new("Option text"),
                Text::new(option),
                widgets::bold(widgets::BODY + 1.0),
                TextColor(palette::INK),
                TextLayout::new(Justify::Left, LineBreak::WordBoundary),
                Node {
                    flex_shrink: 1.0,
                    ..default()
                },
            )
        ],
    )
}

fn tick(
    time: Res<Time>,
    mut quiz: ResMut<Quiz>,
    mut requests: MessageWriter<RequestScreen>,
    mut cues: MessageWriter<Cue>,
    mut played: MessageWriter<AnswerPlayed>,
) {
    if quiz.paused || quiz.current.is_none() {
        return;
    }
    let dt = time.delta_secs();
    quiz.elapsed += dt;
    let before = quiz.time_left;
    if !quiz.relaxed() {
        quiz.time_left -= dt;
    }
    if before.ceil() != quiz.time_left.ceil() && quiz.time_left > 0.0 && quiz.time_left <= 5.0 {
        cues.write(Cue::Tick);
    }
    if quiz.setup.mode == Mode::Blitz {
        quiz.blitz_left -= dt;
        if quiz.blitz_left <= 0.0 {
            // Time is up for the whole game: the open question is not counted.
            quiz.current = None;
            requests.write(RequestScreen(Screen::Results));
            return;
        }
    }
    if !quiz.relaxed() && quiz.time_left <= 0.0 {
        quiz.time_left = 0.0;
        if let Some(done) = quiz.answer(None) {
            played.write(AnswerPlayed {
                question: done.question.clone(),
                correct: false,
            });
        }
        cues.write(Cue::Wrong);
        requests.write(RequestScreen(Screen::Reveal));
    }
}

#[allow(clippy::too_many_arguments)]
fn answer(
    input: Res<Actions>,
    mut activated: MessageReader<Activated>,
    cards: Query<(
        &AnswerCard,
        Option<&bevy::ui::UiGlobalTransform>,
        Option<&ComputedNode>,
    )>,
    mut quiz: ResMut<Quiz>,
    mut requests: MessageWriter<RequestScreen>,
    mut bursts: MessageWriter<LeafBurst>,
    mut cues: MessageWriter<Cue>,
    mut played: MessageWriter<AnswerPlayed>,
) {
    let mut chosen = input.answer;
    for Activated(e) in activated.read() {
        if let Ok((c, _, _)) = cards.get(*e) {
            chosen = Some(c.0);
        }
    }
    let Some(i) = chosen else { return };
    if quiz.paused || quiz.current.as_ref().is_none_or(|q| i >= q.options.len()) {
        return;
    }
    let Some(done) = quiz.answer(Some(i)) else {
        return;
    };
    played.write(AnswerPlayed {
        question: done.question.clone(),
        correct: done.outcome == Outcome::Correct,
    });
    if done.outcome == Outcome::Correct {
        cues.write(Cue::Correct);
        if let Some((_, Some(tf), Some(node))) = cards.iter().find(|(c, _, _)| c.0 == i) {
            bursts.write(LeafBurst {
                at: tf.translation * node.inverse_scale_factor,
                count: 36,
            });
        }
    } else {
        cues.write(Cue::Wrong);
    }
    requests.write(RequestScreen(Screen::Reveal));
}

fn hud(
    quiz: Res<Quiz>,
    mut fill: Query<(&mut Node, &mut BackgroundColor), With<TimerFill>>,
    mut texts: Query<(&HudText, &mut Text)>,
) {
    let relaxed = quiz.relaxed();
    let share = if relaxed {
        1.0
    } else {
        (quiz.time_left / quiz.limit).clamp(0.0, 1.0)
    };
    for (mut node, mut bg) in &mut fill {
        node.width = percent(share * 100.0);
        bg.0 = if relaxed {
            palette::CREAM_DEEP
        } else if quiz.time_left <= 5.0 {
            palette::WRONG
        } else if share < 0.5 {
            palette::ORANGE
        } else {
            palette::TURQUOISE
        };
    }
    let set = |t: &mut Text, v: String| {
        if t.0 != v {
            t.0 = v;
        }
    };
    for (which, mut t) in &mut texts {
        let v = match which {
            // No limit: the slot beside the bar is as wide as "20s".
            HudText::Timer if relaxed => "∞".into(),
            HudText::Timer => format!("{:.0}s", quiz.time_left.max(0.0).ceil()),
            HudText::Score => format!("{} pts", quiz.board.score),
            HudText::Streak if quiz.board.streak >= 2 => format!("streak {}", quiz.board.streak),
            HudText::Streak => String::new(),
            HudText::Progress => quiz.progress_text(),
        };
        set(&mut t, v);
    }
}
