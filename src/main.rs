use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use leafquiz::cli;

/// leafquiz: a trivia quiz game that makes questions from fact packs.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the game (the default).
    Play(leafquiz::PlayArgs),
    /// Validate packs: exit 0 when valid, 1 with diagnostics otherwise.
    Check {
        /// Pack files or folders (default: questions/).
        paths: Vec<PathBuf>,
        /// Fail on lint warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Print generated questions.
    Ask {
        /// A pack file (repeatable; default: every pack in questions/).
        #[arg(long = "pack")]
        packs: Vec<PathBuf>,
        /// A folder of packs (repeatable).
        #[arg(long = "pack-dir")]
        pack_dirs: Vec<PathBuf>,
        /// An OpenTDB JSON file to load as hand-written questions (repeatable).
        #[arg(long = "import-opentdb")]
        opentdb: Vec<PathBuf>,
        #[arg(long, default_value_t = 10)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Only these kinds (repeatable), e.g. actor-of-character.
        #[arg(long = "kind")]
        kinds: Vec<String>,
        /// easy, medium, hard or ramp.
        #[arg(long, default_value = "medium")]
        difficulty: String,
        /// Spoiler horizon: nothing after this episode, e.g. S1E4.
        #[arg(long)]
        spoilers: Option<String>,
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
        /// A play history file: questions of the last games it records are
        /// put off until nothing fresh is left, and this run is added to it.
        #[arg(long)]
        history: Option<PathBuf>,
    },
    /// A sample of questions with the generator's findings beside each, and the
    /// facts that never become a fair question.
    Review {
        /// Pack files or folders (default: questions/).
        paths: Vec<PathBuf>,
        #[arg(long, default_value_t = 40)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Counts per table and question kind, and facts no question reaches;
    /// with --played, what players got right and wrong.
    Stats {
        paths: Vec<PathBuf>,
        /// The questions players found hardest and easiest (from the data folder).
        #[arg(long)]
        played: bool,
        /// Settings, scores and history folder (default: the platform's data folder).
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// Write the answers recorded to this file, to share with friends.
        #[arg(long)]
        export: Option<PathBuf>,
        /// Add a friend's exported answers to the history.
        #[arg(long)]
        import: Option<PathBuf>,
    },
    /// Write a commented scaffold pack, or with --csv the empty sheets of a
    /// spreadsheet pack.
    New {
        /// The pack file to write (e.g. my_pack.ron).
        #[arg(required_unless_present = "csv")]
        path: Option<PathBuf>,
        /// A folder for the sheets (one CSV file per table, each with its
        /// header and an example row).
        #[arg(long, value_name = "DIR", conflicts_with = "path")]
        csv: Option<PathBuf>,
    },
    /// Build a pack from spreadsheets: `leafquiz import csv DIR -o PACK.ron`.
    Import {
        /// Only `csv`: a folder with one CSV file per table (see docs/packs.md).
        format: String,
        /// The folder of sheets.
        dir: PathBuf,
        /// The pack file to write.
        #[arg(short = 'o', long = "out")]
        out: PathBuf,
    },
    /// Host a party game for phones (`--headless`: no window), printing the
    /// join address and room code. Protocol: docs/remote.md.
    #[cfg(feature = "remote")]
    Host(leafquiz::remote::headless::HostArgs),
    /// Export generated questions (opentdb), or a pack as sheets (csv).
    Export {
        /// `opentdb` (questions as OpenTDB JSON) or `csv` (the pack's facts as
        /// sheets, to import again).
        #[arg(long, default_value = "opentdb")]
        format: String,
        /// The folder for the sheets (csv).
        #[arg(short = 'o', long = "out")]
        out: Option<PathBuf>,
        #[arg(long = "pack")]
        packs: Vec<PathBuf>,
        #[arg(long = "pack-dir")]
        pack_dirs: Vec<PathBuf>,
        #[arg(long, default_value_t = 10)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

fn main() -> ExitCode {
    // Start-up times in `--bench-frames` count from here.
    #[cfg(feature = "game")]
    leafquiz::game::bench::mark_start();
    let cli = Cli::parse();
    let code = match cli
        .command
        .unwrap_or(Command::Play(leafquiz::PlayArgs::default()))
    {
        Command::Play(args) => leafquiz::play(args),
        Command::Check { paths, strict } => cli::check(&paths, strict),
        Command::Ask {
            packs,
            pack_dirs,
            opentdb,
            count,
            seed,
            kinds,
            difficulty,
            spoilers,
            json,
            history,
        } => cli::ask(&cli::AskArgs {
            packs,
            pack_dirs,
            opentdb,
            count,
            seed,
            kinds,
            difficulty,
            spoilers,
            json,
            history,
        }),
        Command::Stats {
            paths,
            played,
            data_dir,
            export,
            import,
        } => {
            if played || export.is_some() || import.is_some() {
                cli::played(&cli::PlayedArgs {
                    data_dir: data_dir.or_else(leafquiz::default_data_dir),
                    export,
                    import,
                })
            } else {
                cli::stats(&paths)
            }
        }
        Command::Review { paths, count, seed } => cli::review(&paths, count, seed),
        Command::New { path, csv } => match (csv, path) {
            (Some(dir), _) => cli::new_csv(&dir),
            (None, Some(path)) => cli::new_pack(&path),
            (None, None) => 2,
        },
        Command::Import { format, dir, out } => {
            if format != "csv" {
                eprintln!("error: unknown format `{format}`; only `csv` is supported");
                2
            } else {
                cli::import_csv(&dir, &out)
            }
        }
        #[cfg(feature = "remote")]
        Command::Host(args) => leafquiz::remote::headless::run(&args),
        Command::Export {
            format,
            out,
            packs,
            pack_dirs,
            count,
            seed,
        } => match format.as_str() {
            "opentdb" => cli::export_opentdb(&packs, &pack_dirs, count, seed),
            "csv" => cli::export_csv(&packs, &pack_dirs, out.as_deref()),
            _ => {
                eprintln!("error: unknown format `{format}`; use `opentdb` or `csv`");
                2
            }
        },
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}
