//! The `Screen` state with its solo and party sub-states, and the screens
//! outside a game, one file each; solo play's screens are in `game::solo`,
//! party play's in `game::party`. Every screen's root has `DespawnOnExit`.

use bevy::prelude::*;

mod high_scores;
mod packs;
mod settings;
mod title;

pub use crate::game::question_ui::AnswerCard;
pub use crate::game::solo::{NameEntry, Pause};

/// Where the game is: the screens outside a game, and solo or party play
/// (whose own screens are the sub-states [`SoloPhase`] and [`PartyPhase`]).
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Loading the saves and packs (`game::boot`), before the title fades in.
    #[default]
    Boot,
    Title,
    Solo,
    Party,
    HighScores,
    Settings,
    Packs,
}

/// The screens of a solo game, from choosing a mode to the results.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Solo)]
pub enum SoloPhase {
    #[default]
    ModeSelect,
    Question,
    Reveal,
    Results,
}

/// The screens of a party game: the lobby, then wager (final round),
/// question and reveal, standings after each round, the podium.
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Party)]
pub enum PartyPhase {
    #[default]
    Lobby,
    Wager,
    Question,
    Reveal,
    Standings,
    Podium,
}

/// One screen, however deep: what a transition goes to and what the demo,
/// the bots and the tests ask for. `Place::from(Screen::Solo)` is the solo
/// game's first screen, so one place has one spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Screen(Screen),
    Solo(SoloPhase),
    Party(PartyPhase),
}

impl From<Screen> for Place {
    fn from(screen: Screen) -> Place {
        match screen {
            Screen::Solo => Place::Solo(SoloPhase::default()),
            Screen::Party => Place::Party(PartyPhase::default()),
            other => Place::Screen(other),
        }
    }
}

impl From<SoloPhase> for Place {
    fn from(phase: SoloPhase) -> Place {
        Place::Solo(phase)
    }
}

impl From<crate::engine::party_game::Stage> for PartyPhase {
    fn from(stage: crate::engine::party_game::Stage) -> PartyPhase {
        use crate::engine::party_game::Stage;
        match stage {
            Stage::Lobby => PartyPhase::Lobby,
            Stage::Wager => PartyPhase::Wager,
            Stage::Question => PartyPhase::Question,
            Stage::Reveal => PartyPhase::Reveal,
            Stage::Standings => PartyPhase::Standings,
            Stage::Podium => PartyPhase::Podium,
        }
    }
}

impl From<PartyPhase> for crate::engine::party_game::Stage {
    fn from(phase: PartyPhase) -> crate::engine::party_game::Stage {
        use crate::engine::party_game::Stage;
        match phase {
            PartyPhase::Lobby => Stage::Lobby,
            PartyPhase::Wager => Stage::Wager,
            PartyPhase::Question => Stage::Question,
            PartyPhase::Reveal => Stage::Reveal,
            PartyPhase::Standings => Stage::Standings,
            PartyPhase::Podium => Stage::Podium,
        }
    }
}

impl From<crate::engine::party_game::Stage> for Place {
    fn from(stage: crate::engine::party_game::Stage) -> Place {
        Place::Party(stage.into())
    }
}

impl From<PartyPhase> for Place {
    fn from(phase: PartyPhase) -> Place {
        Place::Party(phase)
    }
}

/// A place is on a top-level screen when it is that screen or one of its phases.
impl PartialEq<Screen> for Place {
    fn eq(&self, screen: &Screen) -> bool {
        self.screen() == *screen
    }
}

impl PartialEq<SoloPhase> for Place {
    fn eq(&self, phase: &SoloPhase) -> bool {
        *self == Place::Solo(*phase)
    }
}

impl PartialEq<PartyPhase> for Place {
    fn eq(&self, phase: &PartyPhase) -> bool {
        *self == Place::Party(*phase)
    }
}

impl Place {
    /// The top-level screen this place is on.
    pub fn screen(self) -> Screen {
        match self {
            Place::Screen(s) => s,
            Place::Solo(_) => Screen::Solo,
            Place::Party(_) => Screen::Party,
        }
    }

    /// Where a world is now (for tests and tools outside a system).
    pub fn of(world: &World) -> Place {
        let screen = *world.resource::<State<Screen>>().get();
        let solo = world.get_resource::<State<SoloPhase>>().map(|s| *s.get());
        let party = world.get_resource::<State<PartyPhase>>().map(|s| *s.get());
        Place::resolve(screen, solo, party)
    }

    fn resolve(screen: Screen, solo: Option<SoloPhase>, party: Option<PartyPhase>) -> Place {
        match (screen, solo, party) {
            (Screen::Solo, Some(p), _) => Place::Solo(p),
            (Screen::Party, _, Some(p)) => Place::Party(p),
            (s, _, _) => Place::from(s),
        }
    }

    /// File name of the demo's screenshot of this place.
    pub fn shot_name(self) -> Option<&'static str> {
        Some(match self {
            Place::Screen(Screen::Title) => "title",
            Place::Solo(SoloPhase::ModeSelect) => "mode_select",
            Place::Solo(SoloPhase::Question) => "question",
            Place::Solo(SoloPhase::Reveal) => "reveal",
            Place::Solo(SoloPhase::Results) => "results",
            Place::Screen(Screen::HighScores) => "highscores",
            Place::Screen(Screen::Settings) => "settings",
            _ => return None,
        })
    }
}

/// Reads where the game is, for systems that act differently per screen
/// (the demo player, the party bots, screenshots, the ambient leaves).
#[derive(bevy::ecs::system::SystemParam)]
pub struct Here<'w> {
    screen: Option<Res<'w, State<Screen>>>,
    solo: Option<Res<'w, State<SoloPhase>>>,
    party: Option<Res<'w, State<PartyPhase>>>,
}

impl Here<'_> {
    /// Where the game is (booting until the states exist).
    pub fn place(&self) -> Place {
        self.get().unwrap_or(Place::Screen(Screen::Boot))
    }

    /// Where the game is, if the app has its states.
    pub fn get(&self) -> Option<Place> {
        let screen = *self.screen.as_ref()?.get();
        Some(Place::resolve(
            screen,
            self.solo.as_ref().map(|s| *s.get()),
            self.party.as_ref().map(|s| *s.get()),
        ))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_sub_state::<SoloPhase>()
        .add_sub_state::<PartyPhase>();
    app.add_plugins((
        title::plugin,
        high_scores::plugin,
        settings::plugin,
        packs::plugin,
    ));
}
