//! The quiz engine: fact model, pack loading and validation, question
//! generation, sessions and scoring. Free of Bevy so it is tested headless and
//! shared by the game and the command-line tools.

pub mod checks;
pub(crate) mod compile;
pub mod diagnostic;
pub mod facts;
pub mod generate;
pub mod history;
pub mod kinds;
pub mod load;
pub mod model;
pub mod opentdb;
pub mod party;
pub mod party_game;
pub mod phrase;
pub mod question;
pub mod review;
pub mod round;
pub mod scoring;
pub mod session;
pub mod sheets;
pub mod synthetic;
pub mod text;
pub mod validate;

pub use diagnostic::{Diagnostic, Severity};
pub use facts::FactBase;
pub use history::PlayHistory;
pub use load::{LoadedPack, PackError, load_all, load_pack_bytes, load_pack_file};
pub use model::Pack;
pub use question::{Question, QuestionKind};
pub use round::Round;
pub use session::{Difficulty, Session, SessionConfig, SpoilerHorizon};
