//! Screenshots for the demo, the party bots and the packs-screen shot: one
//! way to save the window to a file and to count the pictures not yet
//! written (a harness waits for them before it moves on or exits).

use std::path::PathBuf;

use bevy::ecs::component::Mutable;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

/// A harness's record of the pictures it asked for.
pub trait Album: Resource {
    /// One of its pictures is written.
    fn written(&mut self);
}

/// Saves the primary window to `path` (creating its folder) and tells the
/// album `A` once the file is written.
pub fn capture<A>(commands: &mut Commands, path: PathBuf)
where
    A: Album + Component<Mutability = Mutable>,
{
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    commands
        .spawn((Name::new("Screenshot"), Screenshot::primary_window()))
        .observe(save_to_disk(path))
        .observe(|_: On<ScreenshotCaptured>, mut album: ResMut<A>| album.written());
}
