//! Phones as controllers: a server inside the game serves a controller page
//! and a WebSocket on the local network. No Bevy types: the game and
//! `leafquiz host --headless` drive it through [`server::Host`]. The
//! protocol is in `docs/remote.md`.

pub mod headless;
pub mod link;
pub mod protocol;
pub mod qr;
pub mod rate;
pub mod room;
pub mod server;
pub mod timing;

pub use server::{DEFAULT_PORT, Host, OpenQuestion, PhoneEvent, ServerConfig};
