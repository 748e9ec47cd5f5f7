//! The boot screen: the saves and every pack load on the task pool while the
//! leaves fall, then the title fades in. Nothing is read while the app is
//! built, so a large pack never holds up the first frame.

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};

use super::GameConfig;
use super::pack_library::LoadedLibrary;
use super::save::{DataDir, Notices, Saves};
use super::screens::Screen;
use super::theme::prelude::*;
use super::transition::RequestScreen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Boot), start_loading);
    app.add_systems(Update, finish_loading.run_if(in_state(Screen::Boot)));
}

/// What the loading task hands back.
struct Loaded {
    saves: Saves,
    library: LoadedLibrary,
}

#[derive(Resource)]
struct Loading(Task<Loaded>);

fn start_loading(mut commands: Commands, config: Res<GameConfig>, data: Res<DataDir>) {
    commands
        .spawn(widgets::screen_root("Boot screen", Screen::Boot))
        .with_children(|root| {
            root.spawn(widgets::hint("Loading packs…"));
        });
    let config = config.clone();
    let data = data.clone();
    let task = AsyncComputeTaskPool::get().spawn(async move {
        // The settings say which packs are chosen: read them first.
        let saves = Saves::load(&data);
        let library = LoadedLibrary::load(&config, &saves.settings.packs);
        Loaded { saves, library }
    });
    commands.insert_resource(Loading(task));
}

fn finish_loading(
    mut commands: Commands,
    loading: Option<ResMut<Loading>>,
    mut notices: ResMut<Notices>,
    mut requests: MessageWriter<RequestScreen>,
) {
    let Some(mut loading) = loading else { return };
    let Some(loaded) = check_ready(&mut loading.0) else {
        return;
    };
    commands.remove_resource::<Loading>();
    loaded.saves.install(&mut commands, &mut notices);
    loaded.library.install(&mut commands, &mut notices);
    requests.write(RequestScreen::to(Screen::Title));
}
