//! Fair timing. The host's clock is the only clock: an answer counts from
//! when the server received it. A phone far from the access point would
//! lose every race by its network delay alone, so the server measures each
//! phone's round trip (WebSocket pings every 2 s, which browsers answer by
//! themselves) and moves the answer back by half the median of the last
//! five round trips — the time its message spent on the way — but never by
//! more than [`MAX_COMPENSATION`], so a phone that delays its pongs gains
//! little.

use std::time::{Duration, Instant};

/// The most an answer is moved back for network delay.
pub const MAX_COMPENSATION: Duration = Duration::from_millis(150);
const KEPT: usize = 5;

#[derive(Debug, Clone, Default)]
pub struct RoundTrip {
    /// The last round trips, newest last.
    samples: Vec<Duration>,
}

impl RoundTrip {
    /// A ping's payload: when it was sent, as nanoseconds since `epoch`.
    pub fn ping(&self, epoch: Instant, now: Instant) -> axum::body::Bytes {
        let nanos = now.saturating_duration_since(epoch).as_nanos() as u64;
        axum::body::Bytes::copy_from_slice(&nanos.to_le_bytes())
    }

    /// A pong came back with a ping's payload.
    pub fn pong(&mut self, payload: &[u8], epoch: Instant, now: Instant) {
        let Ok(bytes) = <[u8; 8]>::try_from(payload) else {
            return;
        };
        let sent = epoch + Duration::from_nanos(u64::from_le_bytes(bytes));
        let Some(rtt) = now.checked_duration_since(sent) else {
            return; // a forged time from the future
        };
        self.samples.push(rtt);
        if self.samples.len() > KEPT {
            self.samples.remove(0);
        }
    }

    /// Half the median round trip, capped.
    pub fn compensation(&self) -> Duration {
        if self.samples.is_empty() {
            return Duration::ZERO;
        }
        let mut s = self.samples.clone();
        s.sort();
        (s[s.len() / 2] / 2).min(MAX_COMPENSATION)
    }

    /// Seconds into the question for an answer received `now`.
    pub fn answer_time(&self, started: Instant, now: Instant) -> f32 {
        let sent = now.checked_sub(self.compensation()).unwrap_or(now);
        sent.saturating_duration_since(started).as_secs_f32()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_move_back_by_half_the_median_round_trip_within_a_cap() {
        let epoch = Instant::now();
        let mut rt = RoundTrip::default();
        assert_eq!(rt.compensation(), Duration::ZERO);
        for ms in [80, 100, 90, 2000, 100] {
            let sent = epoch + Duration::from_secs(1);
            let payload = rt.ping(epoch, sent);
            rt.pong(&payload, epoch, sent + Duration::from_millis(ms));
        }
        // Median 100 ms (the 2 s outlier does not count): 50 ms back.
        assert_eq!(rt.compensation(), Duration::from_millis(50));
        let started = epoch + Duration::from_secs(10);
        let at = rt.answer_time(started, started + Duration::from_millis(1050));
        assert!((at - 1.0).abs() < 1e-3, "{at}");
        // Never before the question started.
        assert_eq!(rt.answer_time(started, started), 0.0);
        for _ in 0..5 {
            let payload = rt.ping(epoch, epoch);
            rt.pong(&payload, epoch, epoch + Duration::from_secs(5));
        }
        assert_eq!(rt.compensation(), MAX_COMPENSATION);
        // Garbage and forged payloads are ignored.
        rt.pong(b"junk", epoch, epoch);
        let future = rt.ping(epoch, epoch + Duration::from_secs(99));
        rt.pong(&future, epoch, epoch);
        assert_eq!(rt.compensation(), MAX_COMPENSATION);
    }
}
