//! Shared helpers for the engine tests: the real pack, random packs, and an
//! oracle that checks a question against the pack tables directly (not
//! through the engine's truth set).
#![allow(dead_code)]

use std::collections::HashSet;

use leafquiz::engine::model::*;
use leafquiz::engine::text::normalise;
use leafquiz::engine::{Question, QuestionKind, load_pack_file};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub fn heartstopper() -> Pack {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("questions/heartstopper.ron");
    load_pack_file(&path)
        .expect("the Heartstopper pack loads")
        .pack
}

/// A pack of `tests/fixtures/packs/`.
pub fn fixture_pack(name: &str) -> Pack {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/packs")
        .join(name);
    load_pack_file(&path).expect("the fixture pack loads").pack
}

fn src() -> String {
    "s".into()
}

/// A valid random pack with `n` characters; names collide on purpose
/// (aliases, same-name entities) to stress the label and alias rules.
pub fn random_pack(seed: u64, n: usize) -> Pack {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let n = n.max(6);
    let first = [
        "Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo",
    ];
    let last = ["Moss", "Reed", "Vale", "Park", "Lowe", "Hart"];
    let name = |rng: &mut ChaCha8Rng, i: usize| {
        format!(
            "{} {} {}",
            first[rng.random_range(0..first.len())],
            last[rng.random_range(0..last.len())],
            i % 97
        )
    };
    let mut pack = Pack::new(Meta {
        id: format!("rnd{seed}"),
        title: format!("Random {seed}"),
        description: String::new(),
        version: "1".into(),
        language: "en".into(),
        authors: vec![],
        licence: String::new(),
        series: Some(format!("Show {seed}")),
        season_word: None,
        sources: vec![Source {
            id: "s".into(),
            title: "Random source".into(),
            note: None,
        }],
    });
    for i in 0..n {
        let aliases = if rng.random_bool(0.2) {
            vec![format!("Alias {}", i)]
        } else {
            vec![]
        };
        pack.people.push(Person {
            plural: false,
            id: format!("p{i}"),
            name: name(&mut rng, i),
            aliases,
            source: src(),
        });
        let group = [Group::Main, Group::Recurring, Group::Guest][rng.random_range(0..3)];
        pack.characters.push(Character {
            age: None,
            pronouns: [None, Some("he".to_string()), Some("she".to_string())][i % 3].clone(),
            id: format!("c{i}"),
            name: format!("Char {}", name(&mut rng, i)),
            aliases: vec![],
            group,
            description: None,
            source: src(),
        });
    }
    for i in 0..n {
        // Some actors play two characters, some characters have two actors.
        pack.roles.push(Role {
            interest: None,
            actor: format!("p{i}"),
            character: format!("c{i}"),
            seasons: vec![1 + rng.random_range(0..2)],
            voice: false,
            cameo: false,
            source: src(),
        });
        if rng.random_bool(0.15) {
            let other = rng.random_range(0..n);
            if other != i {
                pack.roles.push(Role {
                    interest: None,
                    actor: format!("p{i}"),
                    character: format!("c{other}"),
                    seasons: vec![1],
                    voice: false,
                    cameo: false,
                    source: src(),
                });
            }
        }
    }
    let episodes = 4 + rng.random_range(0..8);
    for e in 0..episodes {
        let season = 1 + (e / 5) as u32;
        pack.episodes.push(Episode {
            // Half the episodes are worth asking by title (and some have plots).
            interest: (e % 2 == 0).then_some(4),
            id: format!("e{e}"),
            season,
            number: 1 + (e % 5) as u32,
            title: format!("Title {}", rng.random_range(0..1000)),
            directors: vec![format!("p{}", rng.random_range(0..3))],
            writers: vec!["p0".into()],
            released: Some(format!("2020-0{}-1{}", 1 + e % 9, e % 10)),
            plot: (0..rng.random_range(1..4))
                .map(|k| format!("event {k} of {e} happens"))
                .collect(),
            source: src(),
        });
    }
    pack.episodes.dedup_by(|a, b| a.title == b.title);
    pack.albums.push(Album {
        label: None,
        id: "al0".into(),
        title: "Album A".into(),
        artists: vec![],
        released: None,
        source: src(),
    });
    pack.albums.push(Album {
        label: None,
        id: "al1".into(),
        title: "Album B".into(),
        artists: vec!["p1".into()],
        released: None,
        source: src(),
    });
    for t in 0..(6 + rng.random_range(0..10)) {
        let album = format!("al{}", t % 2);
        let artists = if t % 2 == 0 {
            vec![format!("p{}", rng.random_range(0..n))]
        } else {
            vec![]
        };
        pack.tracks.push(Track {
            interest: None,
            album,
            number: t as u32 + 1,
            title: format!("Song {t}"),
            artists,
            duration: Some(format!("{}:{:02}", 1 + t % 4, (t * 7) % 60)),
            source: src(),
        });
    }
    let roles = ["Director", "Writer", "Composer", "Editor", "Producer"];
    for i in 0..n.min(12) {
        pack.crew.push(Credit {
            interest: None,
            work: None,
            role: roles[i % roles.len()].into(),
            person: format!("p{i}"),
            seasons: vec![],
            source: src(),
        });
    }
    for i in 0..6 {
        pack.places.push(FilmingPlace {
            interest: None,
            at: None,
            place: format!("Place {}", i % 5),
            location: None,
            filmed: format!("scene {i}"),
            episode: None,
            source: src(),
        });
    }
    for i in 0..5 {
        pack.awards.push(Award {
            interest: None,
            year: 2020 + i,
            ceremony: format!("Awards {}", i % 2),
            category: format!("Category {i}"),
            nominees: vec![if i % 2 == 0 {
                Nominee::Series
            } else {
                Nominee::Person(format!("p{i}"))
            }],
            result: if i % 3 == 0 {
                AwardResult::Won
            } else {
                AwardResult::Nominated
            },
            source: src(),
        });
    }
    for i in 0..4 {
        pack.numbers.push(Quantity {
            interest: None,
            ask: None,
            statement: None,
            min: None,
            max: None,
            id: format!("n{i}"),
            name: format!("count of thing {i}"),
            value: rng.random_range(1.0..500.0),
            unit: ["%", "viewers", "hours", ""][i].into(),
            precision: (i % 3) as u8,
            episode: None,
            source: src(),
        });
    }
    for i in 0..6 {
        pack.dates.push(DatedEvent {
            interest: None,
            chain: None,
            id: format!("d{i}"),
            event: format!(
                "the {} {} was {}",
                [
                    "harbour", "museum", "bridge", "festival", "library", "stadium"
                ][i],
                ["opened", "renamed", "rebuilt", "founded", "moved", "closed"]
                    [(i + seed as usize) % 6],
                ["north", "south", "east", "west", "uptown", "downtown"][i]
            ),
            date: format!("20{:02}-0{}-1{}", 10 + i, 1 + i, i),
            source: src(),
        });
    }
    // Cities 8 and 9 take part in no fact: never a wrong option.
    for i in 0..10 {
        pack.entities.push(Entity {
            plural: i % 4 == 3,
            id: format!("city{i}"),
            name: format!("City {i}"),
            kind: "city".into(),
            aliases: vec![],
            source: src(),
        });
    }
    pack.relations.push(RelationDef {
        asked: true,
        objects: Default::default(),
        id: "from".into(),
        ask_object: "Which city is {subject} from?".into(),
        ask_subject: Some("Who is from {object}?".into()),
        ask_not: None,
        statement: "{subject} is from {object}".into(),
    });
    for i in 0..n.min(10) {
        pack.facts.push(CustomFact {
            interest: None,
            episode: None,
            subject: format!("p{i}"),
            relation: "from".into(),
            object: format!("city{}", rng.random_range(0..8)),
            source: src(),
        });
    }
    // A relation with several objects per subject, all listed; some facts are
    // spoilers of a later episode.
    pack.relations.push(RelationDef {
        asked: true,
        objects: Objects::AllListed,
        id: "visited".into(),
        ask_object: "Which city {has|have} {subject} visited?".into(),
        ask_subject: Some("Who visited {object}?".into()),
        ask_not: None,
        statement: "{subject} visited {object}".into(),
    });
    for i in 0..n.min(12) {
        for k in 0..rng.random_range(1..4) {
            pack.facts.push(CustomFact {
                interest: None,
                // The last episode left after titles were deduplicated.
                episode: (k == 2)
                    .then(|| pack.episodes.last().map(|e| e.id.clone()))
                    .flatten(),
                subject: format!("p{i}"),
                relation: "visited".into(),
                object: format!("city{}", (i + 3 * k) % 8),
                source: src(),
            });
        }
    }
    pack.facts.sort_by(|a, b| {
        (&a.relation, &a.subject, &a.object).cmp(&(&b.relation, &b.subject, &b.object))
    });
    pack.facts.dedup_by(|a, b| {
        a.relation == b.relation && a.subject == b.subject && a.object == b.object
    });
    pack.questions.push(HandWritten {
        interest: None,
        prompt: "What colour is the sky?".into(),
        answer: "Blue".into(),
        wrong: vec!["Green".into(), "Red".into(), "Plaid".into()],
        explanation: None,
        difficulty: None,
        episode: None,
        source: src(),
    });
    pack
}

/// All normalised names of a person or character (name and aliases) with this label.
fn person_keys(pack: &Pack, id: &str) -> Vec<String> {
    pack.people
        .iter()
        .filter(|p| p.id == id)
        .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
        .map(|n| normalise(n))
        .collect()
}

fn character_keys(pack: &Pack, id: &str) -> Vec<String> {
    pack.characters
        .iter()
        .filter(|p| p.id == id)
        .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
        .map(|n| normalise(n))
        .collect()
}

/// Checks a question against the pack tables: for each kind where the true
/// set can be computed independently, the answer is in it and no wrong option is.
/// Returns a description of the first violation.
pub fn oracle(pack: &Pack, q: &Question) -> Result<(), String> {
    let opts: Vec<String> = q.options.iter().map(|o| normalise(o)).collect();
    let distinct: HashSet<&String> = opts.iter().collect();
    if distinct.len() != opts.len() {
        return Err(format!("duplicate labels in {:?}", q.options));
    }
    if q.answer >= q.options.len() || q.options.len() < 2 {
        return Err("answer index out of range".into());
    }
    if !(0.0..=1.0).contains(&q.difficulty) {
        return Err(format!("difficulty {}", q.difficulty));
    }
    let truth: Option<HashSet<String>> = match q.kind {
        QuestionKind::ActorOfCharacter => {
            let ch = &q.facts[0].object;
            let chars: Vec<&Character> = pack.characters.iter().filter(|c| &c.name == ch).collect();
            Some(
                pack.roles
                    .iter()
                    .filter(|r| chars.iter().any(|c| c.id == r.character))
                    .flat_map(|r| person_keys(pack, &r.actor))
                    .collect(),
            )
        }
        QuestionKind::CharacterOfActor => {
            let actor = normalise(&q.facts[0].subject);
            let ids: Vec<&str> = pack
                .people
                .iter()
                .filter(|p| {
                    normalise(&p.name) == actor || p.aliases.iter().any(|a| normalise(a) == actor)
                })
                .map(|p| p.id.as_str())
                .collect();
            // Options may name a character by its kinship description ("Nick's mother").
            Some(
                pack.roles
                    .iter()
                    .filter(|r| ids.contains(&r.actor.as_str()))
                    .flat_map(|r| {
                        let description = pack
                            .characters
                            .iter()
                            .filter(|c| c.id == r.character)
                            .filter_map(|c| c.description.as_deref().map(normalise));
                        character_keys(pack, &r.character)
                            .into_iter()
                            .chain(description)
                    })
                    .collect(),
            )
        }
        QuestionKind::CharacterDescription => {
            // Every character the pack describes so, by name or alias.
            let description = normalise(&q.facts[0].object);
            Some(
                pack.characters
                    .iter()
                    .filter(|c| {
                        c.description.as_deref().map(normalise) == Some(description.clone())
                    })
                    .flat_map(|c| character_keys(pack, &c.id))
                    .collect(),
            )
        }
        QuestionKind::PlotEpisode => {
            let plot = &q.facts[0].subject;
            Some(
                pack.episodes
                    .iter()
                    .filter(|e| e.plot.contains(plot))
                    .map(|e| normalise(&e.title))
                    .collect(),
            )
        }
        QuestionKind::TrackArtist => {
            let title = &q.facts[0].subject;
            let tracks: Vec<&Track> = pack.tracks.iter().filter(|t| &t.title == title).collect();
            Some(
                tracks
                    .iter()
                    .flat_map(|t| t.artists.iter().flat_map(|a| person_keys(pack, a)))
                    .collect(),
            )
        }
        QuestionKind::ArtistTrack => {
            let artist = normalise(&q.facts[0].object);
            let ids: Vec<&str> = pack
                .people
                .iter()
                .filter(|p| normalise(&p.name) == artist)
                .map(|p| p.id.as_str())
                .collect();
            Some(
                pack.tracks
                    .iter()
                    .filter(|t| t.artists.iter().any(|a| ids.contains(&a.as_str())))
                    .map(|t| normalise(&t.title))
                    .collect(),
            )
        }
        QuestionKind::CrewPerson => {
            let role = normalise(&q.facts[0].object);
            Some(
                pack.crew
                    .iter()
                    .filter(|c| normalise(&c.role) == role)
                    .flat_map(|c| person_keys(pack, &c.person))
                    .collect(),
            )
        }
        QuestionKind::CrewRole => {
            let person = normalise(&q.facts[0].subject);
            let ids: Vec<&str> = pack
                .people
                .iter()
                .filter(|p| normalise(&p.name) == person)
                .map(|p| p.id.as_str())
                .collect();
            Some(
                pack.crew
                    .iter()
                    .filter(|c| ids.contains(&c.person.as_str()))
                    .map(|c| normalise(&c.role))
                    .collect(),
            )
        }
        QuestionKind::PlaceOfScene => {
            let scene = normalise(&q.facts[0].subject);
            Some(
                pack.places
                    .iter()
                    .filter(|p| normalise(&p.filmed) == scene)
                    .map(|p| normalise(&p.place))
                    .collect(),
            )
        }
        QuestionKind::SceneAtPlace => {
            let place = normalise(&q.facts[0].object);
            Some(
                pack.places
                    .iter()
                    .filter(|p| normalise(&p.place) == place)
                    .map(|p| normalise(&p.filmed))
                    .collect(),
            )
        }
        QuestionKind::EpisodeTitle => {
            let (s, e) = parse_se(&q.facts[0].subject);
            Some(
                pack.episodes
                    .iter()
                    .filter(|x| x.season == s && x.number == e)
                    .map(|x| normalise(&x.title))
                    .collect(),
            )
        }
        QuestionKind::CustomObject => {
            let subject = normalise(&q.facts[0].subject);
            let rel = &q.facts[0].relation;
            let names = entity_names(pack);
            Some(
                pack.facts
                    .iter()
                    .filter(|f| {
                        &f.relation == rel
                            && names
                                .get(&f.subject)
                                .is_some_and(|n| normalise(n) == subject)
                    })
                    .filter_map(|f| names.get(&f.object).map(|n| normalise(n)))
                    .collect(),
            )
        }
        QuestionKind::CustomSubject => {
            let object = normalise(&q.facts[0].object);
            let rel = &q.facts[0].relation;
            let names = entity_names(pack);
            Some(
                pack.facts
                    .iter()
                    .filter(|f| {
                        &f.relation == rel
                            && names.get(&f.object).is_some_and(|n| normalise(n) == object)
                    })
                    .filter_map(|f| names.get(&f.subject).map(|n| normalise(n)))
                    .collect(),
            )
        }
        QuestionKind::HandWritten => {
            let hw = pack
                .questions
                .iter()
                .find(|h| h.prompt == q.prompt)
                .ok_or("unknown hand-written question")?;
            Some(std::iter::once(normalise(&hw.answer)).collect())
        }
        _ => None,
    };
    if let Some(truth) = truth {
        if !truth.contains(&opts[q.answer]) {
            return Err(format!(
                "{:?}: answer {:?} not in true set {:?}",
                q.kind, q.options[q.answer], truth
            ));
        }
        for (i, o) in opts.iter().enumerate() {
            if i != q.answer && truth.contains(o) {
                return Err(format!(
                    "{:?}: wrong option {:?} is also true ({})",
                    q.kind, q.options[i], q.prompt
                ));
            }
        }
    }
    Ok(())
}

fn parse_se(s: &str) -> (u32, u32) {
    // "season 1 episode 3"
    let w: Vec<&str> = s.split_whitespace().collect();
    (w[1].parse().unwrap_or(0), w[3].parse().unwrap_or(0))
}

fn entity_names(pack: &Pack) -> std::collections::HashMap<String, String> {
    pack.people
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .chain(
            pack.characters
                .iter()
                .map(|p| (p.id.clone(), p.name.clone())),
        )
        .chain(pack.entities.iter().map(|p| (p.id.clone(), p.name.clone())))
        .chain(
            pack.episodes
                .iter()
                .map(|p| (p.id.clone(), p.title.clone())),
        )
        .collect()
}
