//! The small notice at the bottom of every screen: a broken pack's error, or
//! which packs were reloaded.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::game::theme::prelude::*;

/// Seconds an error toast stays up.
pub const TOAST_SECONDS: f32 = 6.0;
/// Seconds a "reloaded" toast stays up.
pub const RELOAD_TOAST_SECONDS: f32 = 2.5;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PackToast>();
    app.add_systems(Startup, spawn_toast);
    app.add_systems(Update, (count_down, show_toast).chain());
}

/// The small notice at the bottom of every screen.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct PackToast {
    pub text: String,
    pub is_error: bool,
    /// Seconds left on screen.
    pub left: f32,
    /// The pack the error belongs to (cleared when it is fixed).
    pub path: Option<PathBuf>,
}

impl PackToast {
    pub fn visible(&self) -> bool {
        self.left > 0.0 && !self.text.is_empty()
    }
}

#[derive(Component)]
struct ToastNode;

#[derive(Component)]
struct ToastText;

#[derive(Component)]
struct ToastCard;

/// An error without its help text (for one-line notices).
pub fn short_error(err: &str) -> String {
    err.split(" (help: ").next().unwrap_or(err).to_string()
}

/// The toast's time on screen runs in real time, even while a game is paused.
fn count_down(time: Res<Time<Real>>, mut toast: ResMut<PackToast>) {
    if toast.left > 0.0 {
        toast.left = (toast.left - time.delta_secs()).max(0.0);
    }
}

fn spawn_toast(mut commands: Commands) {
    commands.spawn((
        Name::new("Pack toast"),
        ToastNode,
        GlobalZIndex(50),
        Visibility::Hidden,
        Node {
            position_type: PositionType::Absolute,
            bottom: px(16),
            left: percent(10),
            width: percent(80),
            justify_content: JustifyContent::Center,
            ..default()
        },
        children![(
            Name::new("Pack toast card"),
            ToastCard,
            Node {
                max_width: percent(100),
                padding: UiRect::axes(px(18), px(8)),
                border: UiRect::all(px(2)),
                border_radius: BorderRadius::all(px(14)),
                ..default()
            },
            BackgroundColor(palette::PAPER.with_alpha(0.96)),
            BorderColor::all(palette::ORANGE),
            BoxShadow::new(palette::SHADOW, px(0), px(3), px(0), px(10)),
            children![(
                ToastText,
                Text::new(""),
                widgets::font(widgets::SMALL),
                TextColor(palette::INK),
                TextLayout::new(Justify::Center, LineBreak::WordBoundary),
            )],
        )],
    ));
}

fn show_toast(
    toast: Res<PackToast>,
    mut node: Query<&mut Visibility, With<ToastNode>>,
    mut text: Query<(&mut Text, &mut TextColor), With<ToastText>>,
    mut cards: Query<&mut BorderColor, With<ToastCard>>,
) {
    let want = if toast.visible() {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    };
    for mut v in &mut node {
        if *v != want {
            *v = want;
        }
    }
    if !toast.is_changed() {
        return;
    }
    let colour = if toast.is_error {
        palette::WRONG
    } else {
        palette::BLUE_DEEP
    };
    for (mut t, mut c) in &mut text {
        if t.0 != toast.text {
            t.0 = toast.text.clone();
        }
        c.0 = colour;
    }
    for mut b in &mut cards {
        *b = BorderColor::all(if toast.is_error {
            palette::ORANGE
        } else {
            palette::BLUE
        });
    }
}
