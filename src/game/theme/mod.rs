//! Look and feel: palette, widgets and keyboard/mouse focus.

use bevy::prelude::*;

pub mod focus;
pub mod palette;
pub mod widgets;

pub mod prelude {
    pub use super::focus::{Activated, Adjusted, Focusable, Focused, Modal, RowValue, StepButton};
    pub use super::palette;
    pub use super::widgets;
}

/// The bold face (inserted by the renderer setup; the regular face replaces the default font).
pub const BOLD: Handle<Font> = bevy::asset::uuid_handle!("6a0c6f5e-2b1d-4f2a-9d0e-1eaf5c0b7a11");

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(focus::plugin);
}
