//! Warm Heartstopper colours.

use bevy::prelude::*;

pub const CREAM: Color = Color::srgb_u8(0xFD, 0xF6, 0xEC);
pub const CREAM_DEEP: Color = Color::srgb_u8(0xF7, 0xE8, 0xD6);
pub const PAPER: Color = Color::srgb_u8(0xFF, 0xFB, 0xF5);
pub const PINK: Color = Color::srgb_u8(0xF5, 0xA9, 0xB8);
pub const PINK_DEEP: Color = Color::srgb_u8(0xE0, 0x6C, 0x8A);
pub const BLUE: Color = Color::srgb_u8(0x7E, 0xC8, 0xE3);
pub const BLUE_DEEP: Color = Color::srgb_u8(0x3E, 0x8E, 0xB5);
pub const ORANGE: Color = Color::srgb_u8(0xF4, 0xA2, 0x59);
pub const TURQUOISE: Color = Color::srgb_u8(0x3C, 0xBC, 0xB4);
pub const INK: Color = Color::srgb_u8(0x3D, 0x2C, 0x3E);
pub const INK_SOFT: Color = Color::srgb_u8(0x7B, 0x63, 0x75);
pub const RIGHT: Color = Color::srgb_u8(0x2E, 0xA8, 0x6A);
pub const WRONG: Color = Color::srgb_u8(0xD1, 0x49, 0x5B);
pub const SHADOW: Color = Color::srgba(0.35, 0.2, 0.25, 0.18);

/// Answer card colours: the warm series palette, and a colour-blind-safe
/// alternative (Okabe–Ito orange, sky blue, bluish green, reddish purple).
pub const ANSWER: [Color; 4] = [PINK, BLUE, ORANGE, TURQUOISE];
pub const ANSWER_SAFE: [Color; 4] = [
    Color::srgb_u8(0xE6, 0x9F, 0x00),
    Color::srgb_u8(0x56, 0xB4, 0xE9),
    Color::srgb_u8(0x00, 0x9E, 0x73),
    Color::srgb_u8(0xCC, 0x79, 0xA7),
];
/// Shape glyphs (DejaVu Sans has them) so colour is never the only cue.
pub const SHAPES: [&str; 4] = ["●", "▲", "■", "◆"];
pub const LETTERS: [&str; 4] = ["A", "B", "C", "D"];

pub fn answer_colour(index: usize, colour_blind: bool) -> Color {
    let p = if colour_blind { ANSWER_SAFE } else { ANSWER };
    p[index % 4]
}
