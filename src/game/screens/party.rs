//! `Screen::Party` is party play's lobby; it and the party screens live in
//! [`crate::game::party`].

use bevy::prelude::*;

pub(super) fn plugin(_app: &mut App) {}
