//! The scoring rules.

use leafquiz::engine::scoring::*;
use proptest::prelude::*;

#[test]
fn correct_answers_score_base_speed_and_streak() {
    let a = score_answer(Outcome::Correct, 0.5, 10.0, 20.0, 0);
    assert_eq!((a.base, a.speed_bonus, a.total), (200, 50, 250));
    let b = score_answer(Outcome::Correct, 0.5, 10.0, 20.0, 3);
    assert_eq!(b.total, (250.0f32 * 1.3).round() as u32);
}

#[test]
fn wrong_and_timeout_score_nothing_and_reset_the_streak() {
    let mut s = Scoreboard::default();
    s.record(Outcome::Correct, 0.0, 5.0, 10.0);
    s.record(Outcome::Correct, 0.0, 5.0, 10.0);
    assert_eq!(s.streak, 2);
    let a = s.record(Outcome::TimedOut, 1.0, 0.0, 10.0);
    assert_eq!(a.total, 0);
    assert_eq!(s.streak, 0);
    assert_eq!(s.best_streak, 2);
    assert_eq!((s.answered, s.correct), (3, 2));
}

#[test]
fn the_streak_multiplier_is_capped() {
    assert_eq!(streak_multiplier(0), 1.0);
    assert_eq!(streak_multiplier(10), 2.0);
    assert_eq!(streak_multiplier(1000), 2.0);
}

#[test]
fn fastest_finger_descends() {
    assert!(fastest_finger_points(0) > fastest_finger_points(1));
    assert!(fastest_finger_points(1) > fastest_finger_points(2));
    assert_eq!(fastest_finger_points(7), 250);
}

proptest! {
    #[test]
    fn points_are_bounded_and_monotonic_in_time(d in 0.0f32..=1.0, left in 0.0f32..30.0, streak in 0u32..50) {
        let a = score_answer(Outcome::Correct, d, left, 30.0, streak);
        prop_assert!(a.total >= BASE_POINTS && a.total <= ((BASE_POINTS + DIFFICULTY_POINTS + MAX_SPEED_BONUS) as f32 * MAX_MULTIPLIER) as u32);
        let later = score_answer(Outcome::Correct, d, left * 0.5, 30.0, streak);
        prop_assert!(later.total <= a.total);
        prop_assert_eq!(score_answer(Outcome::Wrong, d, left, 30.0, streak).total, 0);
    }

    #[test]
    fn a_wager_never_takes_more_than_the_bet(points in -1000i64..1_000_000, pct in 0u32..300, correct: bool) {
        let after = settle_wager(points, pct, correct);
        let have = points.max(0);
        let stake = have * pct.min(100) as i64 / 100;
        prop_assert!(after >= have - stake && after >= 0);
        prop_assert!(after <= have + stake);
    }
}
