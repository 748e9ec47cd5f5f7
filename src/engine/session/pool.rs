//! The candidates a game has not tried yet, in interest tiers: a draw picks a
//! tier by the weight the level gives interest, then a candidate in it.

use super::HEADLINE_INTEREST;
use crate::engine::facts::FactBase;

/// Interest tiers: a draw picks a tier, then a candidate in it, so leaning
/// towards interesting facts costs the same however big the pool.
pub(super) const TIERS: usize = 6;
/// Per candidate: the interest a tier stands for (its middle), most
/// interesting first, to the powers 0, 1 and 2; the headlines (tier 0) are
/// drawn several times as often at the easier levels.
pub(super) const TIER_WEIGHT: [[f32; TIERS]; 3] = [
    [1.0; TIERS],
    [2.0, 0.9, 0.7, 0.5, 0.3, 0.1],
    [4.0, 0.81, 0.49, 0.25, 0.09, 0.01],
];

fn tier_of(interest: f32) -> usize {
    if interest >= HEADLINE_INTEREST {
        return 0;
    }
    1 + (((1.0 - interest) * 5.0) as usize).min(4)
}

/// A place in the pool.
#[derive(Debug, Clone, Copy)]
pub(super) struct Slot {
    pub tier: usize,
    pub at: usize,
}

/// The candidates not yet tried, by interest tier; `tiers[t][..left_in[t]]`
/// are left.
pub(super) struct Pool {
    pub tiers: [Vec<u32>; TIERS],
    pub left_in: [usize; TIERS],
    pub left: usize,
}

impl Pool {
    pub fn new(base: &FactBase, candidates: &[u32]) -> Pool {
        let mut tiers: [Vec<u32>; TIERS] = Default::default();
        for &c in candidates {
            tiers[tier_of(base.ratings[c as usize].interest)].push(c);
        }
        Pool {
            left_in: tiers.each_ref().map(Vec::len),
            left: candidates.len(),
            tiers,
        }
    }

    /// Takes the candidate out of the pool.
    pub fn take(&mut self, slot: Slot) -> u32 {
        let tier = &mut self.tiers[slot.tier];
        let c = tier[slot.at];
        self.left_in[slot.tier] -= 1;
        self.left -= 1;
        tier.swap(slot.at, self.left_in[slot.tier]);
        c
    }
}
