//! Spreadsheet packs: one CSV file per table, with names instead of ids.
//! `import` builds a normal pack from the sheets (people and characters are
//! created from the name columns, sources default per sheet, dates are
//! normalised); `export` writes a pack back as sheets, and importing them
//! gives the same facts. The sheets and their columns: `spec`, docs/packs.md.

mod dates;
mod export;
mod import;
mod read;
mod ron_out;
pub mod spec;

pub use dates::parse as parse_date;
pub use export::export;
pub use import::{Imported, import_dir, import_sheets};
pub use ron_out::to_ron;
pub use spec::{SHEETS, Sheet, templates};
