//! The question in play, as a solo game and a party game both hold it: the
//! session that draws questions, the open question and its clock, the last
//! finished question and whether the packs ran out. What a game records about
//! a finished question (`Finished`) is its own.

use super::{Question, Session};

pub struct Round<Finished> {
    session: Session,
    current: Option<Question>,
    /// Seconds to answer; 0 for no clock (a relaxed game).
    limit: f32,
    /// Seconds since the open question could be answered.
    clock: f32,
    last: Option<Finished>,
    exhausted: bool,
}

impl<Finished> Round<Finished> {
    pub fn new(session: Session) -> Self {
        Round {
            session,
            current: None,
            limit: 0.0,
            clock: 0.0,
            last: None,
            exhausted: false,
        }
    }

    /// Opens the next question with `limit` seconds (0: no clock); `None`,
    /// and exhausted from then on, when the packs have nothing left to ask.
    pub fn draw(&mut self, limit: f32) -> Option<&Question> {
        self.current = self.session.next_question();
        self.limit = limit.max(0.0);
        self.clock = 0.0;
        if self.current.is_none() {
            self.exhausted = true;
        }
        self.current.as_ref()
    }

    /// The open question.
    pub fn current(&self) -> Option<&Question> {
        self.current.as_ref()
    }

    /// Runs the open question's clock (it stops when the question closes).
    pub fn advance(&mut self, seconds: f32) {
        if self.current.is_some() {
            self.clock += seconds.max(0.0);
        }
    }

    /// Closes the open question, which is then the caller's to score.
    pub fn close(&mut self) -> Option<Question> {
        self.current.take()
    }

    /// Records what became of the closed question.
    pub fn finish(&mut self, finished: Finished) -> &Finished {
        self.last.insert(finished)
    }

    pub fn last(&self) -> Option<&Finished> {
        self.last.as_ref()
    }

    /// A new game from the same session: no open or finished question.
    pub fn restart(&mut self) {
        self.current = None;
        self.last = None;
        self.exhausted = false;
        self.clock = 0.0;
    }

    /// Seconds to answer; 0 when there is no clock.
    pub fn limit(&self) -> f32 {
        self.limit
    }

    pub fn timed(&self) -> bool {
        self.limit > 0.0
    }

    /// Seconds since the open question could be answered.
    pub fn clock(&self) -> f32 {
        self.clock
    }

    /// When an answer given now counts: never after the limit.
    pub fn answer_time(&self) -> f32 {
        if self.timed() {
            self.clock.min(self.limit)
        } else {
            self.clock
        }
    }

    /// Seconds left to answer (0 with no clock).
    pub fn time_left(&self) -> f32 {
        (self.limit - self.clock).max(0.0)
    }

    /// The clock has run out (never without one).
    pub fn out_of_time(&self) -> bool {
        self.timed() && self.clock >= self.limit
    }

    /// The packs had no question left to draw.
    pub fn exhausted(&self) -> bool {
        self.exhausted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{FactBase, SessionConfig, load_pack_bytes};
    use std::sync::Arc;

    fn round() -> Round<usize> {
        let (name, text) = crate::engine::load::EMBEDDED_PACKS[0];
        let pack = load_pack_bytes(name, text.as_bytes()).expect("the built-in pack loads");
        Round::new(Session::new(
            Arc::new(FactBase::build([&pack.pack])),
            SessionConfig::default(),
        ))
    }

    #[test]
    fn the_clock_runs_only_while_a_question_is_open() {
        let mut r = round();
        r.advance(3.0);
        assert_eq!(r.clock(), 0.0);
        assert!(r.draw(10.0).is_some());
        r.advance(4.0);
        assert_eq!((r.clock(), r.time_left()), (4.0, 6.0));
        r.advance(8.0);
        assert!(r.out_of_time());
        assert_eq!((r.answer_time(), r.time_left()), (10.0, 0.0));
        let q = r.close().expect("the open question");
        r.advance(1.0);
        assert_eq!(r.clock(), 12.0);
        assert_eq!(*r.finish(q.answer), q.answer);
        assert_eq!(r.last(), Some(&q.answer));
    }

    #[test]
    fn without_a_clock_time_never_runs_out() {
        let mut r = round();
        r.draw(0.0).expect("a question");
        r.advance(1000.0);
        assert!(!r.timed() && !r.out_of_time());
        assert_eq!(r.answer_time(), 1000.0);
    }

    #[test]
    fn a_round_knows_when_the_packs_ran_out() {
        let mut r = round();
        let mut drawn = 0;
        while r.draw(5.0).is_some() {
            drawn += 1;
            assert!(drawn < 10_000, "a session ends");
        }
        assert!(r.exhausted() && r.current().is_none() && drawn > 0);
        r.restart();
        assert!(!r.exhausted() && r.last().is_none());
    }
}
