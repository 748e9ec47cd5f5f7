//! The reveal: the right card highlighted, a wrong choice marked, the
//! explanation with its source, each wrong option's own true fact and the
//! points with their breakdown.

use bevy::prelude::*;

use crate::game::GameSet;

use crate::engine::scoring::Outcome;
use crate::game::quiz::{Answered, Quiz};
use crate::game::save::Settings;
use crate::game::screens::SoloPhase;
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

#[derive(Component, Debug, Clone, Copy)]
struct NextButton;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(SoloPhase::Reveal), spawn);
    app.add_systems(
        Update,
        next.in_set(GameSet::Logic)
            .run_if(in_state(SoloPhase::Reveal).and_then(resource_exists::<Quiz>)),
    );
}

fn spawn(mut commands: Commands, quiz: Option<Res<Quiz>>, settings: Res<Settings>) {
    let Some(quiz) = quiz else { return };
    let Some(a) = quiz.round().last() else { return };
    let (headline, colour) = match a.outcome {
        Outcome::Correct => ("Correct!", palette::RIGHT),
        Outcome::Wrong => ("Not quite", palette::WRONG),
        Outcome::TimedOut => ("Time's up", palette::ORANGE),
    };
    let last = quiz.finished();
    commands
        .spawn(widgets::screen_root("Reveal screen", SoloPhase::Reveal))
        .with_children(|root| {
            root.spawn(widgets::row("Headline")).with_children(|r| {
                r.spawn((
                    Name::new("Headline text"),
                    Text::new(headline),
                    widgets::bold(widgets::H1),
                    TextColor(colour),
                ));
                r.spawn((
                    Name::new("Points"),
                    Node {
                        padding: UiRect::axes(px(16), px(4)),
                        border_radius: BorderRadius::all(px(18)),
                        ..default()
                    },
                    BackgroundColor(if a.award.total > 0 {
                        palette::TURQUOISE.with_alpha(0.35)
                    } else {
                        palette::CREAM_DEEP
                    }),
                    children![(
                        Name::new("Points text"),
                        Text::new(points_text(a)),
                        widgets::bold(widgets::H2),
                        TextColor(palette::INK),
                    )],
                ));
            });
            root.spawn(widgets::text(
                "Breakdown",
                breakdown_text(a),
                widgets::SMALL + 1.0,
                palette::INK_SOFT,
            ));
            root.spawn(widgets::text(
                "Prompt",
                a.question.prompt.clone(),
                widgets::BODY,
                palette::INK,
            ));
            root.spawn((
                Name::new("Options"),
                Node {
                    width: percent(92),
                    max_width: px(1300),
                    display: Display::Grid,
                    grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
                    row_gap: px(10),
                    column_gap: px(12),
                    ..default()
                },
            ))
            .with_children(|g| {
                for (i, option) in a.question.options.iter().enumerate().take(4) {
                    spawn_option(g, a, i, option, settings.colour_blind);
                }
            });
            root.spawn(widgets::panel("Explanation", 92.0))
                .with_children(|p| {
                    p.spawn(widgets::text(
                        "Explanation text",
                        a.question.explanation.clone(),
                        widgets::BODY,
                        palette::INK,
                    ));
                    if !a.question.source.is_empty() {
                        p.spawn(widgets::text(
                            "Source",
                            format!("Source: {}", a.question.source),
                            widgets::SMALL,
                            palette::INK_SOFT,
                        ));
                    }
                });
            root.spawn(widgets::button(
                if last { "See results" } else { "Next question" },
                NextButton,
                0,
            ));
        });
}

fn spawn_option(
    g: &mut ChildSpawnerCommands,
    a: &Answered,
    i: usize,
    option: &str,
    colour_blind: bool,
) {
    let right = i == a.question.answer;
    let picked = a.chosen == Some(i);
    let colour = palette::answer_colour(i, colour_blind);
    let (bg, border, mark) = if right {
        (
            palette::RIGHT.mix(&palette::PAPER, 0.75),
            palette::RIGHT,
            if picked {
                "✓ your answer"
            } else {
                "✓ right answer"
            },
        )
    } else if picked {
        (
            palette::WRONG.mix(&palette::PAPER, 0.8),
            palette::WRONG,
            "✗ your answer",
        )
    } else {
        (
            colour.mix(&palette::PAPER, 0.75),
            colour.mix(&palette::PAPER, 0.4),
            "",
        )
    };
    let fact = if right {
        None
    } else {
        a.question.option_facts.get(i).cloned().flatten()
    };
    g.spawn((
        Name::new("Revealed option"),
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::axes(px(14), px(8)),
            row_gap: px(4),
            border: UiRect::all(px(if right || picked { 5 } else { 2 })),
            border_radius: BorderRadius::all(px(18)),
            ..default()
        },
        BackgroundColor(bg),
        BorderColor::all(border),
    ))
    .with_children(|c| {
        c.spawn((
            Name::new("Option head"),
            Node {
                align_items: AlignItems::Center,
                column_gap: px(10),
                flex_wrap: FlexWrap::Wrap,
                ..default()
            },
        ))
        .with_children(|r| {
            r.spawn(widgets::badge(i, colour_blind));
            r.spawn((
                Name::new("Option"),
                Text::new(option),
                widgets::bold(widgets::BODY - 1.0),
                TextColor(palette::INK),
                TextLayout::new(Justify::Left, LineBreak::WordBoundary),
            ));
            if !mark.is_empty() {
                r.spawn((
                    Name::new("Mark"),
                    Text::new(mark),
                    widgets::bold(widgets::SMALL),
                    TextColor(border),
                ));
            }
        });
        if let Some(f) = fact {
            c.spawn((
                Name::new("Option fact"),
                Text::new(f.to_string()),
                widgets::font(widgets::SMALL - 1.0),
                TextColor(palette::INK_SOFT),
                TextLayout::new(Justify::Left, LineBreak::WordBoundary),
            ));
        }
    });
}

pub fn points_text(a: &Answered) -> String {
    if a.award.total > 0 {
        format!("+{} points", a.award.total)
    } else {
        "0 points".into()
    }
}

pub fn breakdown_text(a: &Answered) -> String {
    if a.outcome == Outcome::Correct {
        format!(
            "base {} + speed {} × streak {:.1}",
            a.award.base, a.award.speed_bonus, a.award.multiplier
        )
    } else {
        "the streak starts again".into()
    }
}

fn next(
    mut activated: MessageReader<Activated>,
    buttons: Query<(), With<NextButton>>,
    mut quiz: ResMut<Quiz>,
    mut requests: MessageWriter<RequestScreen>,
) {
    for Activated(e) in activated.read() {
        if buttons.get(*e).is_err() {
            continue;
        }
        let to = if quiz.finished() || !quiz.draw() {
            SoloPhase::Results
        } else {
            SoloPhase::Question
        };
        requests.write(RequestScreen::to(to));
        return;
    }
}
