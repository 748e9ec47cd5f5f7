//! Party rules (engine level): joining, leaving, secret locks, round scoring, ties, wagers.

use leafquiz::engine::party::*;
use proptest::prelude::*;

fn party(n: u8) -> (Party, Vec<PlayerId>) {
    let mut p = Party::new();
    let ids = (0..n)
        .map(|k| p.join(InputSource::Keys(k), None).unwrap())
        .collect();
    (p, ids)
}

#[test]
fn up_to_eight_players_join_each_source_once() {
    let (mut p, ids) = party(8);
    assert_eq!(ids.len(), 8);
    assert_eq!(p.join(InputSource::Gamepad(1), None), Err(JoinError::Full));
    let (mut q, _) = party(2);
    assert_eq!(
        q.join(InputSource::Keys(0), None),
        Err(JoinError::SourceTaken)
    );
    // Distinct colours and friendly default names.
    let colours: std::collections::HashSet<u8> = p.players.iter().map(|x| x.colour).collect();
    assert_eq!(colours.len(), 8);
    assert_eq!(p.players[0].name, "Maple");
    p.leave(ids[3]);
    assert_eq!(p.players.len(), 7);
    assert!(p.join(InputSource::Gamepad(9), Some("Pad".into())).is_ok());
}

#[test]
fn unjoined_clusters_are_ignored_and_clusters_never_cross() {
    let (mut p, ids) = party(2);
    p.start_question(RoundType::Classic, 1, 20.0, vec![]);
    assert_eq!(p.press(InputSource::Keys(5), 1, 1.0), PressOutcome::Ignored);
    assert_eq!(
        p.press(InputSource::Keys(0), 1, 1.0),
        PressOutcome::Locked(ids[0])
    );
    // A second press of the same player changes nothing.
    assert_eq!(
        p.press(InputSource::Keys(0), 2, 1.5),
        PressOutcome::AlreadyDone(ids[0])
    );
    assert_eq!(p.locked_players(), vec![ids[0]]);
    assert!(!p.all_done());
    p.press(InputSource::Keys(1), 0, 2.0);
    assert!(p.all_done());
    let r = p.resolve();
    assert!(r[0].correct && !r[1].correct);
    assert_eq!(r[0].choice, Some(1));
}

#[test]
fn classic_pays_more_for_faster_correct_answers() {
    for n in [2u8, 4, 8] {
        let (mut p, _) = party(n);
        p.start_question(RoundType::Classic, 0, 20.0, vec![]);
        for k in 0..n {
            p.press(InputSource::Keys(k), 0, 1.0 + k as f32);
        }
        let r = p.resolve();
        for w in r.windows(2) {
            assert!(w[0].delta > w[1].delta, "{r:?}");
        }
    }
}

#[test]
fn fastest_finger_ranks_correct_answers_and_locks_out_wrong_ones() {
    let (mut p, ids) = party(4);
    p.start_question(RoundType::FastestFinger, 2, 20.0, vec![]);
    p.press(InputSource::Keys(0), 1, 0.5); // wrong: locked out
    assert_eq!(
        p.press(InputSource::Keys(0), 2, 0.6),
        PressOutcome::AlreadyDone(ids[0])
    );
    p.press(InputSource::Keys(2), 2, 1.0);
    p.press(InputSource::Keys(1), 2, 1.0); // same frame as player 2: join order breaks the tie
    p.press(InputSource::Keys(3), 2, 3.0);
    let r = p.resolve();
    assert_eq!(r[0].delta, 0);
    assert_eq!(r[1].delta, 1000, "joined before player 2, same time");
    assert_eq!(r[2].delta, 750);
    assert_eq!(r[3].delta, 500);
}

#[test]
fn buzz_and_steal_gives_the_buzzer_the_first_go_then_others_steal() {
    let (mut p, ids) = party(3);
    p.points_for_test(ids[1], 1000);
    p.start_question(RoundType::BuzzAndSteal, 3, 20.0, vec![]);
    assert_eq!(
        p.press(InputSource::Keys(1), 0, 0.4),
        PressOutcome::Buzzed(ids[1])
    );
    assert_eq!(p.buzzer(), Some(ids[1]));
    // Others cannot answer while the buzzer answers.
    assert_eq!(
        p.press(InputSource::Keys(0), 3, 0.5),
        PressOutcome::AlreadyDone(ids[0])
    );
    p.press(InputSource::Keys(1), 2, 1.0); // wrong
    // Now the others may steal.
    assert_eq!(
        p.press(InputSource::Keys(2), 3, 1.5),
        PressOutcome::Locked(ids[2])
    );
    p.press(InputSource::Keys(0), 3, 2.0);
    let r = p.resolve();
    assert_eq!(r[1].delta, -250);
    assert_eq!(r[2].delta, 500, "first steal");
    assert_eq!(r[0].delta, 0);
}

#[test]
fn a_player_leaving_mid_question_keeps_standings_consistent() {
    let (mut p, ids) = party(4);
    p.start_question(RoundType::Classic, 0, 20.0, vec![]);
    p.press(InputSource::Keys(1), 0, 1.0);
    p.leave(ids[1]);
    assert!(!p.locked_players().contains(&ids[1]));
    for k in [0u8, 2, 3] {
        p.press(InputSource::Keys(k), 0, 2.0);
    }
    let r = p.resolve();
    assert_eq!(r.len(), 3);
    let standings = p.standings();
    assert_eq!(standings.len(), 3);
    assert!(standings.windows(2).all(|w| w[0].points >= w[1].points));
}

#[test]
fn a_disconnected_gamepad_pauses_only_its_player() {
    let mut p = Party::new();
    let a = p.join(InputSource::Gamepad(7), None).unwrap();
    let b = p.join(InputSource::Keys(0), None).unwrap();
    p.set_connected(InputSource::Gamepad(7), false);
    p.start_question(RoundType::Classic, 0, 20.0, vec![]);
    assert_eq!(
        p.press(InputSource::Gamepad(7), 0, 1.0),
        PressOutcome::Ignored
    );
    p.press(InputSource::Keys(0), 0, 1.0);
    assert!(p.all_done(), "the paused player is not waited for");
    p.set_connected(InputSource::Gamepad(7), true);
    assert_eq!(p.player(a).unwrap().name, "Maple");
    assert!(p.player(b).is_some());
}

proptest! {
    #[test]
    fn wagers_never_take_more_than_the_bet(start in 0i64..5000, pct in 0u32..250, correct: bool) {
        let (mut p, ids) = party(2);
        p.points_for_test(ids[0], start);
        let mut wagers = Vec::new();
        Party::set_wager(ids[0], pct, &mut wagers);
        p.start_question(RoundType::FinalWager, 1, 20.0, wagers);
        p.press(InputSource::Keys(0), if correct { 1 } else { 0 }, 1.0);
        p.resolve();
        let after = p.player(ids[0]).unwrap().points;
        let bet = start * pct.min(100) as i64 / 100;
        prop_assert!(after >= start - bet && after <= start + bet && after >= 0);
    }

    #[test]
    fn same_frame_ties_resolve_by_join_order(n in 2u8..=8, answer in 0usize..4) {
        let (mut p, _) = party(n);
        p.start_question(RoundType::FastestFinger, answer, 20.0, vec![]);
        for k in (0..n).rev() {
            p.press(InputSource::Keys(k), answer, 1.0);
        }
        let r = p.resolve();
        for w in r.windows(2) {
            prop_assert!(w[0].delta >= w[1].delta);
        }
        prop_assert_eq!(r[0].delta, 1000);
    }
}

#[test]
fn relaxed_rounds_replace_races_and_keep_the_rest() {
    use RoundType::*;
    let rounds = [Classic, FastestFinger, BuzzAndSteal, FinalWager];
    assert_eq!(
        RoundType::relaxed(&rounds),
        vec![Classic, Classic, Classic, FinalWager]
    );
    assert!(RoundType::relaxed(&rounds).iter().all(|r| !r.is_race()));
}

/// A whole party game at engine level, as `leafquiz host --headless` runs it:
/// every round's questions, a wager before each question of the final round,
/// standings after each round, then the podium; the points are the rules'
/// own sums.
#[test]
fn a_party_game_runs_its_plan_from_lobby_to_podium() {
    use leafquiz::engine::party_game::{PartyGame, PartyPlan, Stage};
    use leafquiz::engine::{Difficulty, FactBase, load_pack_bytes};
    use std::sync::Arc;

    let (name, text) = leafquiz::engine::load::EMBEDDED_PACKS[0];
    let pack = load_pack_bytes(name, text.as_bytes()).unwrap().pack;
    let mut game = PartyGame::new(
        Arc::new(FactBase::build([&pack])),
        Difficulty::Medium,
        false,
        3,
        Default::default(),
    );
    let a = game.party.join(InputSource::Keys(0), None).unwrap();
    let b = game.party.join(InputSource::Keys(1), None).unwrap();
    let plan = PartyPlan {
        rounds: vec![RoundType::Classic, RoundType::FinalWager],
        questions_per_round: 2,
        min_players: 2,
    };
    game.start_game(plan);
    let mut stage = game.next_question_screen();
    let mut seen = vec![stage];
    let mut expected = [0i64; 2];
    while stage != Stage::Podium {
        stage = match stage {
            Stage::Wager => game.ask_screen(),
            Stage::Question => {
                let answer = game.current().unwrap().answer;
                // Player a is always right, b always wrong, both at 2 s.
                game.party.press(InputSource::Keys(0), answer, 2.0);
                game.party
                    .press(InputSource::Keys(1), (answer + 1) % 3, 2.0);
                game.finish_question();
                for r in &game.round().last().unwrap().results {
                    expected[if r.player == a { 0 } else { 1 }] += r.delta;
                }
                Stage::Reveal
            }
            Stage::Reveal => game.after_reveal(),
            Stage::Standings => game.after_standings(),
            other => panic!("unexpected {other:?}"),
        };
        seen.push(stage);
        assert!(seen.len() < 50, "the game ends: {seen:?}");
    }
    use Stage::*;
    assert_eq!(
        seen,
        vec![
            Question, Reveal, Question, Reveal, Standings, Wager, Question, Reveal, Wager,
            Question, Reveal, Standings, Podium
        ]
    );
    let points = |id| game.party.player(id).unwrap().points;
    assert_eq!((points(a), points(b)), (expected[0], expected[1]));
    assert!(points(a) > 0 && points(b) <= 0);
}
