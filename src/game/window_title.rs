//! The window's title names the packs in play ("leafquiz · Heartstopper"),
//! and follows a change of packs.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::Packs;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        retitle.run_if(resource_exists::<Packs>.and_then(resource_changed::<Packs>)),
    );
}

/// "leafquiz · Heartstopper + The Solar System"; past three packs, a count.
pub fn title_for(packs: &Packs) -> String {
    const SHOWN: usize = 3;
    let names = &packs.names;
    match names.len() {
        0 => "leafquiz".into(),
        n if n <= SHOWN => format!("leafquiz · {}", names.join(" + ")),
        n => format!(
            "leafquiz · {} + {} more",
            names[..SHOWN - 1].join(" + "),
            n - (SHOWN - 1)
        ),
    }
}

fn retitle(packs: Res<Packs>, mut windows: Query<&mut Window, With<PrimaryWindow>>) {
    let title = title_for(&packs);
    for mut window in &mut windows {
        if window.title != title {
            window.title.clone_from(&title);
        }
    }
}
