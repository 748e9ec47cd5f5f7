//! A token bucket per connection: a phone may send short bursts, and a flood
//! is dropped (with one warning a second) and finally disconnected, so one
//! phone can never stall the host or the other phones.

use std::time::{Duration, Instant};

/// Messages a phone may send at once, and per second after that.
pub const BURST: f64 = 20.0;
pub const PER_SECOND: f64 = 10.0;
/// Dropped messages in a row after which the connection is closed.
pub const CLOSE_AFTER: u32 = 500;

#[derive(Debug, Clone)]
pub struct RateLimit {
    tokens: f64,
    last: Option<Instant>,
    dropped_in_a_row: u32,
    last_warning: Option<Instant>,
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit {
            tokens: BURST,
            last: None,
            dropped_in_a_row: 0,
            last_warning: None,
        }
    }
}

impl RateLimit {
    /// Whether a message arriving `now` may be handled.
    pub fn allow(&mut self, now: Instant) -> bool {
        if let Some(last) = self.last {
            let secs = now.saturating_duration_since(last).as_secs_f64();
            self.tokens = (self.tokens + secs * PER_SECOND).min(BURST);
        }
        self.last = Some(now);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            self.dropped_in_a_row = 0;
            true
        } else {
            self.dropped_in_a_row += 1;
            false
        }
    }

    /// A dropped message gets a warning at most once a second.
    pub fn should_warn(&mut self, now: Instant) -> bool {
        let due = self
            .last_warning
            .is_none_or(|w| now.saturating_duration_since(w) >= Duration::from_secs(1));
        if due {
            self.last_warning = Some(now);
        }
        due
    }

    /// The phone keeps flooding: close it.
    pub fn should_close(&self) -> bool {
        self.dropped_in_a_row >= CLOSE_AFTER
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_passes_a_flood_is_cut_and_patience_is_rewarded() {
        let t0 = Instant::now();
        let mut r = RateLimit::default();
        let passed = (0..100).filter(|_| r.allow(t0)).count();
        assert_eq!(passed, BURST as usize);
        assert!(r.should_warn(t0) && !r.should_warn(t0));
        let later = t0 + Duration::from_millis(500);
        assert_eq!((0..100).filter(|_| r.allow(later)).count(), 5);
        for _ in 0..CLOSE_AFTER {
            r.allow(later);
        }
        assert!(r.should_close());
        assert!(r.allow(later + Duration::from_secs(3)));
        assert!(!r.should_close());
    }
}
