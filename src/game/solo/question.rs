//! The question: prompt, four answer cards, a draining timer, score and streak.

use bevy::prelude::*;

use crate::game::GameSet;

use super::pause::Pause;
use crate::engine::scoring::Outcome;
use crate::game::audio::Cue;
use crate::game::input::Actions;
use crate::game::leaves::LeafBurst;
use crate::game::question_ui::{self, AnswerCard, TimerFill};
use crate::game::quiz::{Mode, Quiz};
use crate::game::save::{AnswerPlayed, Settings};
use crate::game::screens::SoloPhase;
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum HudText {
    Timer,
    Score,
    Streak,
    Progress,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(SoloPhase::Question), spawn);
    app.add_systems(
        Update,
        (
            (tick, answer)
                .chain()
                .in_set(GameSet::Logic)
                .run_if(in_state(Pause::Running)),
            hud.in_set(GameSet::Paint),
        )
            .run_if(in_state(SoloPhase::Question).and_then(resource_exists::<Quiz>)),
    );
}

fn spawn(
    mut commands: Commands,
    quiz: Option<Res<Quiz>>,
    settings: Res<Settings>,
    mut requests: MessageWriter<RequestScreen>,
) {
    let Some(q) = quiz.as_ref().and_then(|q| q.current().cloned()) else {
        requests.write(RequestScreen::to(SoloPhase::Results));
        return;
    };
    let quiz = quiz.unwrap();
    commands
        .spawn(widgets::screen_root("Question screen", SoloPhase::Question))
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
                t.spawn(question_ui::timer_bar(16.0));
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
            root.spawn(question_ui::prompt_card(&q.prompt, widgets::H2 + 2.0, 92.0));
            root.spawn(question_ui::answer_grid(92.0, 1300.0, 14.0))
                .with_children(|g| {
                    let cb = settings.colour_blind;
                    for (i, option) in q.options.iter().enumerate().take(4) {
                        g.spawn((
                            question_ui::answer_card(i, option, cb),
                            question_ui::pickable(i, cb),
                        ));
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

fn tick(
    time: Res<Time>,
    mut quiz: ResMut<Quiz>,
    mut requests: MessageWriter<RequestScreen>,
    mut cues: MessageWriter<Cue>,
    mut played: MessageWriter<AnswerPlayed>,
) {
    if quiz.current().is_none() {
        return;
    }
    let dt = time.delta_secs();
    quiz.seconds_played += dt;
    let before = quiz.round.time_left();
    quiz.round.advance(dt);
    let left = quiz.round.time_left();
    if quiz.round.timed() && before.ceil() != left.ceil() && left > 0.0 && left <= 5.0 {
        cues.write(Cue::Tick);
    }
    if quiz.setup.mode == Mode::Blitz {
        quiz.blitz_left -= dt;
        if quiz.blitz_left <= 0.0 {
            // Time is up for the whole game: the open question is not counted.
            quiz.round.close();
            requests.write(RequestScreen::to(SoloPhase::Results));
            return;
        }
    }
    if quiz.round.out_of_time() {
        if let Some(done) = quiz.answer(None) {
            played.write(AnswerPlayed {
                question: done.question.clone(),
                correct: false,
            });
        }
        cues.write(Cue::Wrong);
        requests.write(RequestScreen::to(SoloPhase::Reveal));
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
    if quiz.current().is_none_or(|q| i >= q.options.len()) {
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
    requests.write(RequestScreen::to(SoloPhase::Reveal));
}

fn hud(
    quiz: Res<Quiz>,
    mut fill: Query<(&mut Node, &mut BackgroundColor), With<TimerFill>>,
    mut texts: Query<(&HudText, &mut Text)>,
) {
    let relaxed = quiz.relaxed();
    let clock = (!relaxed).then_some(question_ui::Clock {
        left: quiz.round().time_left(),
        limit: quiz.round().limit(),
    });
    question_ui::paint_timer(clock, fill.iter_mut());
    let set = |t: &mut Text, v: String| {
        if t.0 != v {
            t.0 = v;
        }
    };
    for (which, mut t) in &mut texts {
        let v = match which {
            // No limit: the slot beside the bar is as wide as "20s".
            HudText::Timer if relaxed => "∞".into(),
            HudText::Timer => format!("{:.0}s", quiz.round().time_left().ceil()),
            HudText::Score => format!("{} pts", quiz.board.score),
            HudText::Streak if quiz.board.streak >= 2 => format!("streak {}", quiz.board.streak),
            HudText::Streak => String::new(),
            HudText::Progress => quiz.progress_text(),
        };
        set(&mut t, v);
    }
}
