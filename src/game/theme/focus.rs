//! One focused widget per screen, moved by arrows (or mouse hover);
//! Enter or a click activates it; Left/Right adjust a settings row.

use bevy::prelude::*;

use super::palette;
use crate::game::input::{Actions, InputSet};
use crate::game::transition::Transition;

/// Can take the focus; lower `order` comes first.
#[derive(Component, Debug, Clone, Copy)]
pub struct Focusable {
    pub order: u32,
    /// Left/Right adjust it instead of moving the focus.
    pub adjustable: bool,
}

impl Focusable {
    pub fn new(order: u32) -> Self {
        Focusable {
            order,
            adjustable: false,
        }
    }
    pub fn row(order: u32) -> Self {
        Focusable {
            order,
            adjustable: true,
        }
    }
}

/// The focused widget.
#[derive(Component, Debug)]
pub struct Focused;

/// Focusables of a modal layer (pause menu): while any exist, only they take focus.
#[derive(Component, Debug)]
pub struct Modal;

/// A "−"/"+" button inside an adjustable row (its parent).
#[derive(Component, Debug, Clone, Copy)]
pub struct StepButton(pub i32);

/// The text showing a row's current value.
#[derive(Component, Debug)]
pub struct RowValue;

/// Colours of a focusable widget.
#[derive(Component, Debug, Clone, Copy)]
pub struct WidgetColours {
    pub normal: Color,
    pub focused: Color,
    pub border: Color,
    pub focused_border: Color,
}

impl WidgetColours {
    pub fn button() -> Self {
        WidgetColours {
            normal: palette::PAPER,
            focused: palette::PINK,
            border: palette::CREAM_DEEP,
            focused_border: palette::PINK_DEEP,
        }
    }
    pub fn row() -> Self {
        WidgetColours {
            normal: palette::PAPER,
            focused: palette::CREAM_DEEP,
            border: palette::CREAM_DEEP,
            focused_border: palette::BLUE_DEEP,
        }
    }
}

/// A widget was activated (Enter on the focus, or a click).
#[derive(Message, Debug, Clone, Copy)]
pub struct Activated(pub Entity);

/// An adjustable row was stepped by `delta`.
#[derive(Message, Debug, Clone, Copy)]
pub struct Adjusted {
    pub entity: Entity,
    pub delta: i32,
}

/// Screens read [`Activated`]/[`Adjusted`] after this set.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct FocusSet;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<Activated>().add_message::<Adjusted>();
    app.add_systems(
        PreUpdate,
        (clicks, navigate).chain().after(InputSet).in_set(FocusSet),
    );
    app.add_systems(PostUpdate, paint);
}

type FocusItem<'a> = (Entity, &'a Focusable, Has<Focused>, Has<Modal>);

fn navigate(
    mut commands: Commands,
    actions: Res<Actions>,
    transition: Res<Transition>,
    items: Query<FocusItem>,
    mut activated: MessageWriter<Activated>,
    mut adjusted: MessageWriter<Adjusted>,
) {
    let modal = items.iter().any(|(_, _, _, m)| m);
    let mut list: Vec<(u32, Entity, bool, bool)> = items
        .iter()
        .filter(|i| i.3 == modal)
        .map(|(e, f, has, _)| (f.order, e, has, f.adjustable))
        .collect();
    if list.is_empty() {
        return;
    }
    list.sort_unstable_by_key(|i| i.0);
    let current = list.iter().position(|i| i.2);
    let Some(cur) = current else {
        // Nothing focused yet (new screen or modal): focus the first.
        for (e, _, has, m) in &items {
            if has && m != modal {
                commands.entity(e).remove::<Focused>();
            }
        }
        commands.entity(list[0].1).insert(Focused);
        return;
    };
    if transition.busy() {
        return;
    }
    let (_, entity, _, adjustable) = list[cur];
    let mut step = 0i32;
    if actions.up || (!adjustable && actions.left) {
        step = -1;
    }
    if actions.down || (!adjustable && actions.right) {
        step = 1;
    }
    if step != 0 {
        let next = (cur as i32 + step).rem_euclid(list.len() as i32) as usize;
        move_focus(&mut commands, &items, list[next].1);
    } else if adjustable && (actions.left || actions.right) {
        adjusted.write(Adjusted {
            entity,
            delta: if actions.left { -1 } else { 1 },
        });
    } else if actions.confirm {
        if adjustable {
            adjusted.write(Adjusted { entity, delta: 1 });
        }
        activated.write(Activated(entity));
    }
}

fn move_focus(commands: &mut Commands, items: &Query<FocusItem>, to: Entity) {
    for (e, _, has, _) in items {
        if has && e != to {
            commands.entity(e).remove::<Focused>();
        }
    }
    commands.entity(to).insert(Focused);
}

type ClickItem<'a> = (
    Entity,
    &'a Interaction,
    Option<&'a StepButton>,
    Option<&'a ChildOf>,
);

fn clicks(
    mut commands: Commands,
    transition: Res<Transition>,
    changed: Query<ClickItem, Changed<Interaction>>,
    items: Query<FocusItem>,
    mut activated: MessageWriter<Activated>,
    mut adjusted: MessageWriter<Adjusted>,
) {
    if transition.busy() {
        return;
    }
    let modal = items.iter().any(|i| i.3);
    for (e, interaction, step, parent) in &changed {
        let target = if step.is_some() {
            parent.map(|p| p.parent())
        } else {
            Some(e)
        };
        let Some(target) = target else { continue };
        let Ok((_, _, focused, is_modal)) = items.get(target) else {
            continue;
        };
        if is_modal != modal {
            continue;
        }
        match interaction {
            Interaction::Hovered if !focused => move_focus(&mut commands, &items, target),
            Interaction::Pressed => {
                move_focus(&mut commands, &items, target);
                match step {
                    Some(s) => {
                        adjusted.write(Adjusted {
                            entity: target,
                            delta: s.0,
                        });
                    }
                    None => {
                        activated.write(Activated(target));
                    }
                }
            }
            _ => {}
        }
    }
}

fn paint(
    mut q: Query<(
        &WidgetColours,
        Has<Focused>,
        &mut BackgroundColor,
        &mut BorderColor,
    )>,
) {
    for (c, focused, mut bg, mut border) in &mut q {
        let (want_bg, want_border) = if focused {
            (c.focused, c.focused_border)
        } else {
            (c.normal, c.border)
        };
        if bg.0 != want_bg {
            bg.0 = want_bg;
        }
        let b = BorderColor::all(want_border);
        if *border != b {
            *border = b;
        }
    }
}
