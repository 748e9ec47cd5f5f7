//! Engine benchmarks: load+validate and one question, on the Heartstopper pack
//! (the baseline) and on synthetic packs of 10³–10⁶ facts.
//! Run: `cargo bench --no-default-features --bench engine`, then
//! `python3 benches/summary.py` for medians and ratios.

use std::hint::black_box;

use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use leafquiz::engine::generate::render;
use leafquiz::engine::synthetic::synthetic_pack;
use leafquiz::engine::validate::fact_count;
use leafquiz::engine::{FactBase, Session, SessionConfig, load_pack_bytes};
use rand::SeedableRng;

fn heartstopper_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questions/heartstopper.ron"
    ))
    .unwrap()
}

/// Game after game: a game never repeats a fact, so when one runs out of
/// fresh questions the next starts (its set-up counts, spread over its questions).
struct Games {
    base: Arc<FactBase>,
    seed: u64,
    session: Session,
    /// Questions per game; `usize::MAX` plays each game until its pool is spent.
    length: usize,
    asked: usize,
}

impl Games {
    fn new(base: Arc<FactBase>, length: usize) -> Games {
        let session = Session::new(base.clone(), config(1));
        Games {
            base,
            seed: 1,
            session,
            length,
            asked: 0,
        }
    }

    fn next_question(&mut self) -> Option<leafquiz::engine::Question> {
        if self.asked < self.length {
            self.asked += 1;
            if let Some(q) = self.session.next_question() {
                return Some(q);
            }
        }
        self.seed += 1;
        self.asked = 1;
        self.session = Session::new(self.base.clone(), config(self.seed));
        self.session.next_question()
    }
}

fn config(seed: u64) -> SessionConfig {
    SessionConfig {
        seed,
        ..SessionConfig::default()
    }
}

fn bench_heartstopper(c: &mut Criterion) {
    let text = heartstopper_text();
    c.bench_function("load_validate/heartstopper", |b| {
        b.iter(|| {
            black_box(load_pack_bytes("heartstopper.ron", black_box(text.as_bytes())).unwrap())
        })
    });
    let pack = load_pack_bytes("heartstopper.ron", text.as_bytes())
        .unwrap()
        .pack;
    c.bench_function("build_factbase/heartstopper", |b| {
        b.iter(|| black_box(FactBase::build([&pack])))
    });
    let base = Arc::new(FactBase::build([&pack]));
    // Generation alone: every candidate in turn becomes a question.
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    let mut next = 0usize;
    c.bench_function("render/heartstopper", |b| {
        b.iter(|| {
            next = (next + 7919) % base.candidates().len();
            let candidate = &base.candidates()[next];
            black_box(render(&base, candidate, next as u32, &mut rng, 0).ok())
        })
    });
    // A question in a game: selection (each fact once, balance, interest) and generation.
    let mut games = Games::new(base.clone(), usize::MAX);
    c.bench_function("question/heartstopper", |b| {
        b.iter(|| black_box(games.next_question()))
    });
    // The same in 20-question games, as players play them: the game's set-up
    // spread over its questions, and few candidates set aside.
    let mut games = Games::new(base, 20);
    c.bench_function("question/heartstopper_game20", |b| {
        b.iter(|| black_box(games.next_question()))
    });
}

fn bench_synthetic(c: &mut Criterion) {
    for facts in [1_000usize, 10_000, 100_000, 1_000_000] {
        let pack = synthetic_pack(facts);
        let label = format!("1e{}", (facts as f64).log10().round());
        eprintln!("synthetic {label}: {} facts", fact_count(&pack));
        let base = Arc::new(FactBase::build([&pack]));
        let mut games = Games::new(base, usize::MAX);
        c.bench_function(&format!("question/synthetic_{label}"), |b| {
            b.iter(|| black_box(games.next_question()))
        });
        let text = ron::ser::to_string(&pack).unwrap();
        let mut group = c.benchmark_group("load_validate");
        if facts >= 100_000 {
            group.sample_size(10);
        }
        group.bench_function(format!("synthetic_{label}"), |b| {
            b.iter_batched(
                || (),
                |_| black_box(load_pack_bytes("synthetic.ron", text.as_bytes()).unwrap()),
                BatchSize::PerIteration,
            )
        });
        group.finish();
    }
}

criterion_group!(benches, bench_heartstopper, bench_synthetic);
criterion_main!(benches);
