//! Hidden: `LEAFQUIZ_PACKS_SHOT=file.png` opens the packs screen, saves a
//! screenshot of it and exits (the demo bot never goes there).

use std::path::PathBuf;

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    if let Some(path) = std::env::var_os("LEAFQUIZ_PACKS_SHOT") {
        app.insert_resource(PacksShot {
            path: path.into(),
            seconds: 0.0,
        });
        app.add_systems(Update, packs_shot);
    }
}

#[derive(Resource)]
struct PacksShot {
    path: PathBuf,
    seconds: f32,
}

impl crate::game::capture::Album for PacksShot {
    fn written(&mut self) {}
}

fn packs_shot(
    mut commands: Commands,
    screen: Res<State<crate::game::screens::Screen>>,
    transition: Res<crate::game::transition::Transition>,
    time: Res<Time<Real>>,
    mut shot: ResMut<PacksShot>,
    mut requests: MessageWriter<crate::game::transition::RequestScreen>,
    mut exit: MessageWriter<AppExit>,
) {
    use crate::game::screens::Screen;
    if transition.busy() {
        return;
    }
    match screen.get() {
        Screen::Title if shot.seconds == 0.0 => {
            shot.seconds = 0.001;
            requests.write(crate::game::transition::RequestScreen::to(Screen::Packs));
        }
        Screen::Packs => {
            let before = shot.seconds;
            shot.seconds += time.delta_secs();
            if before < 1.5 && shot.seconds >= 1.5 {
                crate::game::capture::capture::<PacksShot>(&mut commands, shot.path.clone());
            }
            if shot.seconds >= 3.5 {
                exit.write(AppExit::Success);
            }
        }
        _ => {}
    }
}
