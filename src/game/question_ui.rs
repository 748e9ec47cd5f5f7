//! The question as solo and party play both show it: the prompt card, the
//! grid of answer cards (letter, shape and colour), and the timer bar with
//! its colours. Solo play lets the player pick a card; party play shows the
//! same cards while the players answer on their own keys.

use bevy::prelude::*;

use super::theme::focus::WidgetColours;
use super::theme::prelude::*;

/// Answer card `i`.
#[derive(Component, Debug, Clone, Copy)]
pub struct AnswerCard(pub usize);

/// The draining part of a timer bar.
#[derive(Component, Debug)]
pub struct TimerFill;

/// Seconds left at which the bar turns red.
pub const HURRY_SECONDS: f32 = 5.0;

/// The prompt on its paper card.
pub fn prompt_card(prompt: &str, size: f32, width_percent: f32) -> impl Bundle {
    (
        widgets::panel("Prompt card", width_percent),
        children![(
            Name::new("Prompt"),
            Text::new(prompt),
            widgets::bold(size),
            TextColor(palette::INK),
            TextLayout::new(Justify::Center, LineBreak::WordBoundary),
            Node {
                width: percent(100),
                ..default()
            },
        )],
    )
}

/// The 2 × 2 grid the answer cards go in.
pub fn answer_grid(width_percent: f32, max_width: f32, gap: f32) -> impl Bundle {
    (
        Name::new("Answers"),
        Node {
            width: percent(width_percent),
            max_width: px(max_width),
            display: Display::Grid,
            grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
            row_gap: px(gap),
            column_gap: px(gap),
            ..default()
        },
    )
}

/// An answer card: badge (letter + shape) and the option, on its colour.
/// Shown only; add [`pickable`] where the player picks it.
pub fn answer_card(i: usize, option: &str, colour_blind: bool) -> impl Bundle {
    let colour = palette::answer_colour(i, colour_blind);
    (
        Name::new(format!("Answer card {}", palette::LETTERS[i % 4])),
        AnswerCard(i),
        Node {
            min_height: px(84),
            padding: UiRect::axes(px(18), px(12)),
            align_items: AlignItems::Center,
            column_gap: px(14),
            border: UiRect::all(px(4)),
            border_radius: BorderRadius::all(px(24)),
            ..default()
        },
        // As a pickable card looks when not focused.
        BackgroundColor(colour.mix(&palette::PAPER, 0.25)),
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

/// What makes answer card `i` a button the player can focus and press (solo
/// play; in party play the host's keys must not mark an answer).
pub fn pickable(i: usize, colour_blind: bool) -> impl Bundle {
    let colour = palette::answer_colour(i, colour_blind);
    (
        Button,
        Focusable::new(i as u32),
        WidgetColours {
            normal: colour.mix(&palette::PAPER, 0.25),
            focused: colour.mix(&palette::PAPER, 0.05),
            border: colour,
            focused_border: palette::INK,
        },
    )
}

/// A timer bar's track with its [`TimerFill`]; grows to fill its row.
pub fn timer_bar(height: f32) -> impl Bundle {
    (
        Name::new("Timer track"),
        Node {
            flex_grow: 1.0,
            height: px(height),
            border_radius: BorderRadius::MAX,
            overflow: Overflow::clip(),
            ..default()
        },
        BackgroundColor(palette::CREAM_DEEP),
        children![(
            Name::new("Timer fill"),
            TimerFill,
            Node {
                width: percent(100),
                height: percent(100),
                border_radius: BorderRadius::MAX,
                ..default()
            },
            BackgroundColor(palette::TURQUOISE),
        )],
    )
}

/// The clock of the question on screen: `None` when it has no clock.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub left: f32,
    pub limit: f32,
}

/// Paints the timer bars: full and cream without a clock; else draining,
/// turquoise, orange under half, red in the last [`HURRY_SECONDS`].
pub fn paint_timer<'a>(
    clock: Option<Clock>,
    fills: impl Iterator<Item = (Mut<'a, Node>, Mut<'a, BackgroundColor>)>,
) {
    let (share, colour) = match clock {
        None => (1.0, palette::CREAM_DEEP),
        Some(c) => {
            let left = c.left.max(0.0);
            let share = if c.limit > 0.0 {
                (left / c.limit).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let colour = if left <= HURRY_SECONDS {
                palette::WRONG
            } else if share < 0.5 {
                palette::ORANGE
            } else {
                palette::TURQUOISE
            };
            (share, colour)
        }
    };
    let width = percent(share * 100.0);
    for (mut node, mut bg) in fills {
        if node.width != width {
            node.width = width;
        }
        if bg.0 != colour {
            bg.0 = colour;
        }
    }
}
