//! Sound cues. The game always sends [`Cue`]s; with the `sound` feature they
//! play small synthesised WAVs (embedded from `assets/sounds/`) at the
//! settings' volume.

use bevy::prelude::*;

use super::theme::prelude::{Activated, Adjusted};
use super::transition::TransitionStarted;

#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Select,
    Correct,
    Wrong,
    /// Each of the last five seconds.
    Tick,
    Leaves,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<Cue>();
    app.add_systems(Update, ui_cues);
    #[cfg(feature = "sound")]
    app.add_plugins(sound::plugin);
}

fn ui_cues(
    mut activated: MessageReader<Activated>,
    mut adjusted: MessageReader<Adjusted>,
    mut started: MessageReader<TransitionStarted>,
    mut cues: MessageWriter<Cue>,
) {
    if activated.read().count() + adjusted.read().count() > 0 {
        cues.write(Cue::Select);
    }
    if started.read().count() > 0 {
        cues.write(Cue::Leaves);
    }
}

#[cfg(feature = "sound")]
mod sound {
    use std::sync::Arc;

    use bevy::audio::Volume;
    use bevy::prelude::*;

    use super::Cue;
    use crate::game::save::Settings;

    #[derive(Resource)]
    struct Sounds([Handle<AudioSource>; 5]);

    const FILES: [&[u8]; 5] = [
        include_bytes!("../../assets/sounds/select.wav"),
        include_bytes!("../../assets/sounds/correct.wav"),
        include_bytes!("../../assets/sounds/wrong.wav"),
        include_bytes!("../../assets/sounds/tick.wav"),
        include_bytes!("../../assets/sounds/leaves.wav"),
    ];

    pub(super) fn plugin(app: &mut App) {
        app.add_systems(Startup, load);
        app.add_systems(PostUpdate, play.run_if(resource_exists::<Sounds>));
    }

    fn load(mut commands: Commands, sources: Option<ResMut<Assets<AudioSource>>>) {
        let Some(mut sources) = sources else { return };
        let handles = FILES.map(|bytes| {
            sources.add(AudioSource {
                bytes: Arc::from(bytes),
            })
        });
        commands.insert_resource(Sounds(handles));
    }

    fn play(
        mut commands: Commands,
        mut cues: MessageReader<Cue>,
        sounds: Res<Sounds>,
        settings: Res<Settings>,
    ) {
        let volume = settings.linear_volume();
        let mut played = [false; 5];
        for cue in cues.read() {
            let i = *cue as usize;
            if volume <= 0.0 || played[i] {
                continue;
            }
            played[i] = true;
            let gain = if *cue == Cue::Leaves { 0.5 } else { 1.0 };
            commands.spawn((
                Name::new("Sound cue"),
                AudioPlayer::new(sounds.0[i].clone()),
                PlaybackSettings::DESPAWN.with_volume(Volume::Linear(volume * gain)),
            ));
        }
    }
}
