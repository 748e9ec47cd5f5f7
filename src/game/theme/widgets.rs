//! Small widget constructors returning bundles. Sizes are logical pixels at a
//! 720-pixel-high window; `UiScale` follows the window height and text size.

use bevy::prelude::*;

use super::focus::{Focusable, RowValue, StepButton, WidgetColours};
use super::{BOLD, palette};

pub const TITLE: f32 = 76.0;
pub const H1: f32 = 42.0;
pub const H2: f32 = 30.0;
pub const BODY: f32 = 23.0;
pub const SMALL: f32 = 17.0;

pub fn font(size: f32) -> TextFont {
    TextFont {
        font_size: FontSize::Px(size),
        ..default()
    }
}

pub fn bold(size: f32) -> TextFont {
    TextFont {
        font: BOLD.into(),
        font_size: FontSize::Px(size),
        ..default()
    }
}

/// A full-window column, despawned when `screen` (a state: a screen, or a
/// phase of solo or party play) is left.
pub fn screen_root<S: States>(name: &'static str, screen: S) -> impl Bundle {
    (
        Name::new(name),
        DespawnOnExit(screen),
        Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            row_gap: px(14),
            padding: UiRect::all(px(24)),
            ..default()
        },
    )
}

/// A rounded paper card that holds a screen's content.
pub fn panel(name: &'static str, width_percent: f32) -> impl Bundle {
    (
        Name::new(name),
        Node {
            width: percent(width_percent),
            max_width: px(1100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: px(12),
            padding: UiRect::axes(px(36), px(26)),
            border_radius: BorderRadius::all(px(28)),
            ..default()
        },
        BackgroundColor(palette::PAPER.with_alpha(0.93)),
        BoxShadow::new(palette::SHADOW, px(0), px(6), px(0), px(22)),
    )
}

/// A row of children.
pub fn row(name: &'static str) -> impl Bundle {
    (
        Name::new(name),
        Node {
            flex_direction: FlexDirection::Row,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            column_gap: px(12),
            flex_wrap: FlexWrap::Wrap,
            ..default()
        },
    )
}

/// A column of children.
pub fn column(name: &'static str) -> impl Bundle {
    (
        Name::new(name),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            row_gap: px(10),
            ..default()
        },
    )
}

/// Text that wraps inside its parent.
pub fn text(name: &'static str, s: impl Into<String>, size: f32, colour: Color) -> impl Bundle {
    (
        Name::new(name),
        Text::new(s),
        font(size),
        TextColor(colour),
        TextLayout::new(Justify::Center, LineBreak::WordBoundary),
        Node {
            width: percent(100),
            ..default()
        },
    )
}

pub fn heading(s: impl Into<String>) -> impl Bundle {
    (
        Name::new("Heading"),
        Text::new(s),
        bold(H1),
        TextColor(palette::INK),
        TextLayout::new(Justify::Center, LineBreak::WordBoundary),
        Node {
            width: percent(100),
            ..default()
        },
    )
}

pub fn label(s: impl Into<String>) -> impl Bundle {
    text("Label", s, BODY, palette::INK)
}

pub fn hint(s: impl Into<String>) -> impl Bundle {
    text("Hint", s, SMALL, palette::INK_SOFT)
}

/// A focusable button carrying `action`.
pub fn button(label: impl Into<String>, action: impl Component, order: u32) -> impl Bundle {
    (
        Name::new("Button"),
        Button,
        action,
        Focusable::new(order),
        WidgetColours::button(),
        Node {
            min_width: px(260),
            padding: UiRect::axes(px(28), px(11)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(px(3)),
            border_radius: BorderRadius::all(px(22)),
            ..default()
        },
        BackgroundColor(palette::PAPER),
        BorderColor::all(palette::CREAM_DEEP),
        BoxShadow::new(palette::SHADOW, px(0), px(3), px(0), px(8)),
        children![(
            Name::new("Button label"),
            Text::new(label),
            bold(BODY + 3.0),
            TextColor(palette::INK),
            TextLayout::new(Justify::Center, LineBreak::WordBoundary)
        )],
    )
}

/// A small round "−"/"+" button inside a row.
fn step(delta: i32) -> impl Bundle {
    (
        Name::new(if delta < 0 { "Step down" } else { "Step up" }),
        Button,
        StepButton(delta),
        Node {
            width: px(40),
            height: px(40),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border_radius: BorderRadius::MAX,
            ..default()
        },
        BackgroundColor(palette::BLUE),
        children![(
            Name::new("Step glyph"),
            Text::new(if delta < 0 { "−" } else { "+" }),
            bold(BODY + 2.0),
            TextColor(palette::INK)
        )],
    )
}

/// "label   [−] value [+]": Left/Right or the buttons step it.
pub fn stepper(
    label: impl Into<String>,
    action: impl Component + Clone,
    order: u32,
) -> impl Bundle {
    (
        Name::new("Setting row"),
        Button,
        action.clone(),
        Focusable::row(order),
        WidgetColours::row(),
        Node {
            width: percent(100),
            padding: UiRect::axes(px(20), px(6)),
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            column_gap: px(12),
            border: UiRect::all(px(3)),
            border_radius: BorderRadius::all(px(18)),
            ..default()
        },
        BackgroundColor(palette::PAPER),
        BorderColor::all(palette::CREAM_DEEP),
        children![
            (
                Name::new("Row label"),
                Text::new(label),
                font(BODY),
                TextColor(palette::INK),
                Node {
                    flex_grow: 1.0,
                    flex_shrink: 1.0,
                    ..default()
                }
            ),
            step(-1),
            (
                Name::new("Row value"),
                RowValue,
                action,
                Text::new(""),
                bold(BODY),
                TextColor(palette::BLUE_DEEP),
                TextLayout::new(Justify::Center, LineBreak::WordBoundary),
                Node {
                    min_width: px(200),
                    max_width: percent(45),
                    justify_content: JustifyContent::Center,
                    ..default()
                },
            ),
            step(1),
        ],
    )
}

/// A pill with a letter, a shape and a colour (never colour alone).
pub fn badge(index: usize, colour_blind: bool) -> impl Bundle {
    let colour = palette::answer_colour(index, colour_blind);
    (
        Name::new("Answer badge"),
        Node {
            padding: UiRect::axes(px(12), px(4)),
            column_gap: px(6),
            align_items: AlignItems::Center,
            border_radius: BorderRadius::all(px(14)),
            flex_shrink: 0.0,
            ..default()
        },
        BackgroundColor(palette::INK.with_alpha(0.88)),
        children![
            (
                Name::new("Shape"),
                Text::new(palette::SHAPES[index % 4]),
                font(BODY),
                TextColor(colour)
            ),
            (
                Name::new("Letter"),
                Text::new(palette::LETTERS[index % 4]),
                bold(BODY),
                TextColor(palette::PAPER)
            ),
        ],
    )
}
