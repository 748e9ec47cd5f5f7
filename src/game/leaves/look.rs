//! Leaf meshes and materials, made when the renderer's asset stores exist.

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::{DEPTHS, shapes};
use crate::game::theme::palette;

/// Autumn colours plus the series' pinks and blues.
pub const COLOURS: [Color; 9] = [
    Color::srgb_u8(0xD9, 0x6C, 0x3B), // rust
    Color::srgb_u8(0xE8, 0x9F, 0x3A), // amber
    Color::srgb_u8(0xF2, 0xC1, 0x4E), // gold
    Color::srgb_u8(0xB8, 0x4A, 0x3E), // red-brown
    Color::srgb_u8(0xC9, 0x8B, 0x4E), // tan
    palette::PINK,
    palette::PINK_DEEP,
    palette::BLUE,
    palette::TURQUOISE,
];

#[derive(Resource, Debug, Clone)]
pub struct LeafLook {
    pub meshes: Vec<Handle<Mesh>>,
    /// `materials[depth][colour]`.
    pub materials: Vec<Vec<Handle<ColorMaterial>>>,
}

impl LeafLook {
    pub fn pick(
        &self,
        rng: &mut ChaCha8Rng,
        depth: usize,
    ) -> (Mesh2d, MeshMaterial2d<ColorMaterial>) {
        let m = rng.random_range(0..self.meshes.len());
        let mats = &self.materials[depth.min(self.materials.len() - 1)];
        let c = rng.random_range(0..mats.len());
        (
            Mesh2d(self.meshes[m].clone()),
            MeshMaterial2d(mats[c].clone()),
        )
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, make_look);
}

fn make_look(
    mut commands: Commands,
    meshes: Option<ResMut<Assets<Mesh>>>,
    materials: Option<ResMut<Assets<ColorMaterial>>>,
) {
    let (Some(mut meshes), Some(mut materials)) = (meshes, materials) else {
        return;
    };
    let meshes: Vec<Handle<Mesh>> = (0..shapes::SHAPES)
        .map(|s| meshes.add(leaf_mesh(s)))
        .collect();
    let materials = (0..DEPTHS)
        .map(|d| {
            // Far leaves are paler (mixed toward the cream background) and softer.
            let fade = [0.55, 0.3, 0.0][d];
            COLOURS
                .iter()
                .map(|c| {
                    materials.add(ColorMaterial::from(
                        c.mix(&palette::CREAM, fade).with_alpha(1.0 - 0.15 * fade),
                    ))
                })
                .collect()
        })
        .collect();
    commands.insert_resource(LeafLook { meshes, materials });
}

/// A filled leaf with a slightly darker midrib baked in as vertex colours.
pub fn leaf_mesh(which: usize) -> Mesh {
    let outline = shapes::outline(which);
    let n = outline.len();
    let centre = shapes::centre(which);
    let mut positions: Vec<[f32; 3]> = outline.iter().map(|p| [p.x, p.y, 0.0]).collect();
    positions.push([centre.x, centre.y, 0.0]);
    let uvs: Vec<[f32; 2]> = positions.iter().map(|p| [p[0] + 0.5, 0.5 - p[1]]).collect();
    // Edges full colour, centre a touch lighter: reads as a soft, rounded leaf.
    let mut colours: Vec<[f32; 4]> = vec![[0.92, 0.92, 0.92, 1.0]; n];
    colours.push([1.0, 1.0, 1.0, 1.0]);
    let normals = vec![[0.0, 0.0, 1.0]; n + 1];
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, normals)
    .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, uvs)
    .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, colours)
    .with_inserted_indices(Indices::U32(shapes::fan(n)))
}
