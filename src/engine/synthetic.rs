//! Synthetic packs of a chosen size, for benchmarks and scale tests.

use super::model::*;

/// A valid pack with about `facts` facts spread over people, characters,
/// roles, episodes with plot facts, tracks, crew and custom facts.
pub fn synthetic_pack(facts: usize) -> Pack {
    let s = || "src".to_string();
    // One "unit" adds 10 facts: person, character, role, 1 plot, track, credit, entity, 2 custom facts, episode (every unit).
    let units = (facts / 10).max(8);
    let mut pack = Pack {
        meta: Meta {
            id: format!("synthetic_{facts}"),
            title: format!("Synthetic {facts}"),
            description: String::new(),
            version: "1".into(),
            language: "en".into(),
            authors: vec![],
            licence: String::new(),
            series: Some("Synthetic Show".into()),
            season_word: None,
            sources: vec![Source {
                id: "src".into(),
                title: "Generated".into(),
                note: None,
            }],
        },
        people: Vec::with_capacity(units),
        characters: Vec::with_capacity(units),
        roles: Vec::with_capacity(units),
        episodes: Vec::with_capacity(units),
        awards: vec![],
        albums: vec![Album {
            label: None,
            id: "album".into(),
            title: "Synthetic Album".into(),
            artists: vec![],
            released: None,
            source: s(),
        }],
        tracks: Vec::with_capacity(units),
        crew: Vec::with_capacity(units),
        places: vec![],
        numbers: vec![],
        dates: vec![],
        entities: Vec::with_capacity(units),
        relations: vec![RelationDef {
            asked: true,
            // Each person has two objects below, both listed.
            objects: Objects::AllListed,
            id: "rel".into(),
            ask_object: "Which thing goes with {subject}?".into(),
            ask_subject: Some("Who goes with {object}?".into()),
            ask_not: None,
            statement: "{subject} goes with {object}".into(),
        }],
        facts: Vec::with_capacity(units * 2),
        questions: vec![],
    };
    let groups = [Group::Main, Group::Recurring, Group::Guest];
    for i in 0..units {
        pack.people.push(Person {
            plural: false,
            id: format!("p{i}"),
            name: format!("Person {i}"),
            aliases: vec![],
            source: s(),
        });
        pack.characters.push(Character {
            age: None,
            pronouns: None,
            id: format!("c{i}"),
            name: format!("Character {i}"),
            aliases: vec![],
            group: groups[i % 3],
            description: None,
            source: s(),
        });
        // Numbers in names never pair up across a fact (Person 5 plays Character 5
        // would be a giveaway the checks rightly reject).
        pack.roles.push(Role {
            interest: None,
            actor: format!("p{}", (i + 1) % units),
            character: format!("c{i}"),
            seasons: vec![1 + (i / 1000) as u32],
            voice: false,
            cameo: false,
            source: s(),
        });
        pack.episodes.push(Episode {
            interest: None,
            id: format!("e{i}"),
            season: 1 + (i / 20) as u32,
            number: 1 + (i % 20) as u32,
            title: format!("Episode title {i}"),
            directors: vec![format!("p{}", i % 7)],
            writers: vec![],
            released: None,
            plot: vec![format!("thing number {} happens", i + 7)],
            source: s(),
        });
        pack.tracks.push(Track {
            interest: None,
            album: "album".into(),
            number: i as u32 + 1,
            title: format!("Song {i}"),
            artists: vec![format!("p{}", (i + 3) % 50)],
            duration: None,
            source: s(),
        });
        pack.crew.push(Credit {
            interest: None,
            work: None,
            role: format!("Role {}", (i + 5) % 40),
            person: format!("p{i}"),
            seasons: vec![],
            source: s(),
        });
        pack.entities.push(Entity {
            plural: false,
            id: format!("x{i}"),
            name: format!("Thing {i}"),
            kind: "thing".into(),
            aliases: vec![],
            source: s(),
        });
        pack.facts.push(CustomFact {
            interest: None,
            episode: None,
            subject: format!("p{i}"),
            relation: "rel".into(),
            object: format!("x{}", (i + 11) % units),
            source: s(),
        });
        pack.facts.push(CustomFact {
            interest: None,
            episode: None,
            subject: format!("p{i}"),
            relation: "rel".into(),
            object: format!("x{}", (i + 1) % units),
            source: s(),
        });
    }
    pack
}
