//! Player colours (Okabe–Ito, safe for colour-blind players), shape badges
//! and text sizes legible from across a room.

use bevy::prelude::*;

use crate::engine::party::{InputSource, Player};
use crate::game::theme::prelude::*;

/// Okabe–Ito: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, grey.
pub const PLAYER_COLOURS: [Color; 8] = [
    Color::srgb_u8(0xE6, 0x9F, 0x00),
    Color::srgb_u8(0x56, 0xB4, 0xE9),
    Color::srgb_u8(0x00, 0x9E, 0x73),
    Color::srgb_u8(0xF0, 0xE4, 0x42),
    Color::srgb_u8(0x00, 0x72, 0xB2),
    Color::srgb_u8(0xD5, 0x5E, 0x00),
    Color::srgb_u8(0xCC, 0x79, 0xA7),
    Color::srgb_u8(0x99, 0x99, 0x99),
];
/// A shape per player so colour is never the only cue.
pub const PLAYER_SHAPES: [&str; 8] = ["●", "▲", "■", "◆", "★", "♥", "♣", "♠"];

/// Text sizes (logical px at 720 high).
pub const HEAD: f32 = 44.0;
pub const PROMPT: f32 = 34.0;
pub const BIG: f32 = 30.0;
pub const TEXT: f32 = 26.0;
pub const MIN: f32 = 24.0;

pub fn colour(p: &Player) -> Color {
    PLAYER_COLOURS[p.colour as usize % 8]
}

/// Ink or white, whichever reads on the player's colour.
pub fn on_colour(p: &Player) -> Color {
    match p.colour % 8 {
        2 | 4 | 5 => Color::WHITE,
        _ => palette::INK,
    }
}

/// "★5": the player's shape and number.
pub fn mark(p: &Player) -> String {
    format!("{}{}", PLAYER_SHAPES[p.colour as usize % 8], p.colour + 1)
}

/// "1 2 3 4", "pad".
pub fn keys_text(source: InputSource) -> String {
    match source {
        InputSource::Keys(c) => crate::engine::party::DEFAULT_CLUSTERS
            .get(c as usize)
            .map_or(String::new(), |k| k.join(" ")),
        InputSource::Gamepad(_) => "gamepad".into(),
        InputSource::Phone(_) => "phone".into(),
    }
}

/// A round badge with the player's shape and number on their colour.
pub fn badge(p: &Player, size: f32) -> impl Bundle {
    (
        Name::new("Player badge"),
        Node {
            min_width: px(size * 2.2),
            padding: UiRect::axes(px(10), px(2)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(px(3)),
            border_radius: BorderRadius::MAX,
            flex_shrink: 0.0,
            ..default()
        },
        BackgroundColor(colour(p)),
        BorderColor::all(palette::INK.with_alpha(0.7)),
        children![(
            Name::new("Badge text"),
            Text::new(mark(p)),
            widgets::bold(size),
            TextColor(on_colour(p)),
        )],
    )
}

/// Badge and name in a row.
pub fn name_tag(p: &Player, size: f32) -> impl Bundle {
    (
        Name::new("Name tag"),
        Node {
            align_items: AlignItems::Center,
            column_gap: px(8),
            ..default()
        },
        children![
            badge(p, size),
            (
                Name::new("Player name"),
                Text::new(p.name.clone()),
                widgets::bold(size),
                TextColor(palette::INK),
            )
        ],
    )
}

/// Plain text of a size and colour.
pub fn txt(s: impl Into<String>, size: f32, colour: Color) -> impl Bundle {
    (
        Name::new("Text"),
        Text::new(s),
        widgets::font(size),
        TextColor(colour),
    )
}

pub fn bold(s: impl Into<String>, size: f32, colour: Color) -> impl Bundle {
    (
        Name::new("Text"),
        Text::new(s),
        widgets::bold(size),
        TextColor(colour),
    )
}

/// A wrapping, centred line across its parent.
pub fn line(s: impl Into<String>, size: f32, colour: Color) -> impl Bundle {
    (
        Name::new("Line"),
        Text::new(s),
        widgets::font(size),
        TextColor(colour),
        TextLayout::new(Justify::Center, LineBreak::WordBoundary),
        Node {
            max_width: percent(94),
            ..default()
        },
    )
}
