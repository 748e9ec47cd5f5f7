//! Leaf outlines (unit size, tip up, stem down) and their triangle fans.

use bevy::math::Vec2;

pub const SHAPES: usize = 3;
const POINTS: usize = 72;

/// Outline of shape `which` (0 maple, 1 oval, 2 heart), centred near the origin.
pub fn outline(which: usize) -> Vec<Vec2> {
    (0..POINTS)
        .map(|i| {
            let t = i as f32 / POINTS as f32 * std::f32::consts::TAU;
            match which % SHAPES {
                0 => maple(t),
                1 => oval(t),
                _ => heart(t),
            }
        })
        .collect()
}

/// A five-lobed maple-ish leaf in polar form with serrated edges.
fn maple(t: f32) -> Vec2 {
    use std::f32::consts::{FRAC_PI_2, PI};
    let lobes = [
        (FRAC_PI_2, 1.0),
        (FRAC_PI_2 + 1.05, 0.8),
        (FRAC_PI_2 - 1.05, 0.8),
        (FRAC_PI_2 + 2.05, 0.55),
        (FRAC_PI_2 - 2.05, 0.55),
    ];
    let mut r: f32 = 0.32;
    for (a, len) in lobes {
        let mut d = (t - a).abs() % (2.0 * PI);
        if d > PI {
            d = 2.0 * PI - d;
        }
        r = r.max(0.3 + len * 0.62 * (-(d / 0.32).powi(2)).exp());
    }
    // Serrations, and a short stem at the bottom.
    r += 0.035 * (t * 15.0).sin().abs();
    let mut d = (t + FRAC_PI_2).abs() % (2.0 * PI);
    if d > PI {
        d = 2.0 * PI - d;
    }
    if d < 0.09 {
        r = 0.55;
    }
    Vec2::new(r * t.cos(), r * t.sin() + 0.05)
}

/// A pointed oval (birch-like) leaf.
fn oval(t: f32) -> Vec2 {
    let x = 0.38 * t.sin() * (1.0 - 0.25 * t.cos());
    let y = 0.62 * t.cos();
    // Pointed tip: pinch the top.
    let pinch = 1.0 - 0.35 * t.cos().max(0.0).powi(6);
    Vec2::new(x * pinch, y)
}

/// A heart.
fn heart(t: f32) -> Vec2 {
    let x = 16.0 * t.sin().powi(3);
    let y = 13.0 * t.cos() - 5.0 * (2.0 * t).cos() - 2.0 * (3.0 * t).cos() - (4.0 * t).cos();
    Vec2::new(x / 30.0, y / 30.0 + 0.05)
}

/// Triangle-fan indices around a centre vertex appended at index `n`.
pub fn fan(n: usize) -> Vec<u32> {
    let mut idx = Vec::with_capacity(n * 3);
    for i in 0..n {
        idx.extend_from_slice(&[n as u32, i as u32, ((i + 1) % n) as u32]);
    }
    idx
}

/// The fan centre of shape `which`.
pub fn centre(which: usize) -> Vec2 {
    match which % SHAPES {
        0 => Vec2::new(0.0, 0.05),
        1 => Vec2::ZERO,
        _ => Vec2::new(0.0, 0.0),
    }
}
