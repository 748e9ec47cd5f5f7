//! The pack browser: every pack found (built in, the user's packs folder,
//! `--pack-dir`, OpenTDB imports) as a card with its size or its error; choose
//! one or several to mix. The choice is saved in the settings.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::prelude::*;

use crate::game::GameSet;
use bevy::ui::UiGlobalTransform;

use super::Screen;
use crate::game::Packs;
use crate::game::input::Actions;
use crate::game::pack_library::{PackEntry, PackLibrary};
use crate::game::save::Settings;
use crate::game::theme::focus::WidgetColours;
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

const HINT: &str = "↑ ↓ choose  ·  Enter or Space to add or remove  ·  Esc back";

#[derive(Component, Debug, Clone, Copy)]
struct BackButton;

/// A pack's card; the index into [`PackLibrary::entries`].
#[derive(Component, Debug, Clone, Copy)]
pub struct PackCard(pub usize);

/// The tick circle of a card.
#[derive(Component, Debug, Clone, Copy)]
struct CardCheck(usize);

/// The glyph inside the tick circle.
#[derive(Component, Debug, Clone, Copy)]
struct CheckGlyph(usize);

/// The scrolling list; remembers which library generation it shows.
#[derive(Component, Debug)]
struct CardList {
    generation: u64,
}

#[derive(Component)]
struct SummaryText;

/// The hint line, replaced for a while by a message.
#[derive(Component)]
struct StatusText;

/// A message shown instead of the hint for a few seconds.
#[derive(Resource, Debug, Default)]
struct Status {
    text: String,
    left: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Status>();
    app.add_systems(OnEnter(Screen::Packs), spawn);
    app.add_systems(
        Update,
        (
            (act, wheel).chain().in_set(GameSet::Logic),
            (rebuild_cards, paint_cards, keep_focus_visible)
                .chain()
                .in_set(GameSet::Paint),
        )
            .run_if(in_state(Screen::Packs)),
    );
}

fn spawn(mut commands: Commands, library: Res<PackLibrary>, mut status: ResMut<Status>) {
    *status = Status::default();
    let folder = match &library.user_dir {
        Some(dir) => format!("Your packs folder: {}", dir.display()),
        None => "Your packs folder is not used in this run (no data folder).".to_string(),
    };
    commands
        .spawn(widgets::screen_root("Packs screen", Screen::Packs))
        .with_children(|root| {
            root.spawn(widgets::panel("Packs panel", 84.0))
                .with_children(|p| {
                    p.spawn(widgets::heading("Question packs"));
                    p.spawn((
                        widgets::text("Packs folder", folder, widgets::SMALL, palette::INK_SOFT),
                        PacksFolderText,
                    ));
                    p.spawn((
                        widgets::text("Packs summary", "", widgets::BODY - 2.0, palette::BLUE_DEEP),
                        SummaryText,
                    ));
                    p.spawn((
                        Name::new("Pack list"),
                        CardList {
                            generation: library.generation,
                        },
                        ScrollPosition::default(),
                        Node {
                            width: percent(100),
                            max_height: px(330),
                            flex_direction: FlexDirection::Column,
                            row_gap: px(10),
                            padding: UiRect::axes(px(4), px(4)),
                            overflow: Overflow::scroll_y(),
                            ..default()
                        },
                    ))
                    .with_children(|list| spawn_cards(list, &library, None));
                    p.spawn(widgets::button("Back", BackButton, 10_000));
                    p.spawn((widgets::hint(HINT), StatusText));
                });
        });
}

/// The folder line (a marker so tests can read it).
#[derive(Component)]
pub struct PacksFolderText;

fn left_text(
    name: &'static str,
    s: impl Into<String>,
    font: TextFont,
    colour: Color,
) -> impl Bundle {
    (
        Name::new(name),
        Text::new(s),
        font,
        TextColor(colour),
        TextLayout::new(Justify::Left, LineBreak::WordBoundary),
    )
}

fn spawn_cards(list: &mut ChildSpawnerCommands, library: &PackLibrary, focus: Option<usize>) {
    if library.entries.is_empty() {
        list.spawn(widgets::label(
            "No packs found. Put .ron packs in your packs folder: they appear here by themselves.",
        ));
    }
    for (i, entry) in library.entries.iter().enumerate() {
        let mut card = list.spawn((
            Name::new("Pack card"),
            Button,
            PackCard(i),
            Focusable::new(i as u32),
            WidgetColours::row(),
            Node {
                width: percent(100),
                padding: UiRect::axes(px(16), px(10)),
                column_gap: px(16),
                align_items: AlignItems::Center,
                border: UiRect::all(px(3)),
                border_radius: BorderRadius::all(px(18)),
                flex_shrink: 0.0,
                ..default()
            },
            BackgroundColor(palette::PAPER),
            BorderColor::all(palette::CREAM_DEEP),
        ));
        if focus == Some(i) {
            card.insert(Focused);
        }
        card.with_children(|c| {
            c.spawn((
                Name::new("Pack tick"),
                CardCheck(i),
                Node {
                    width: px(38),
                    height: px(38),
                    flex_shrink: 0.0,
                    justify_content: JustifyContent::Center,
                    align_items: AlignItems::Center,
                    border: UiRect::all(px(3)),
                    border_radius: BorderRadius::MAX,
                    ..default()
                },
                BackgroundColor(palette::PAPER),
                BorderColor::all(palette::CREAM_DEEP),
                children![(
                    Name::new("Tick glyph"),
                    CheckGlyph(i),
                    Text::new(""),
                    widgets::bold(widgets::BODY),
                    TextColor(palette::PAPER),
                )],
            ));
            c.spawn((
                Name::new("Pack info"),
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 1.0,
                    flex_shrink: 1.0,
                    row_gap: px(2),
                    ..default()
                },
            ))
            .with_children(|info| card_info(info, entry));
        });
    }
}

fn card_info(info: &mut ChildSpawnerCommands, entry: &PackEntry) {
    info.spawn((
        Name::new("Pack title row"),
        Node {
            column_gap: px(12),
            align_items: AlignItems::Baseline,
            flex_wrap: FlexWrap::Wrap,
            ..default()
        },
    ))
    .with_children(|row| {
        row.spawn(left_text(
            "Pack title",
            entry.title(),
            widgets::bold(widgets::BODY),
            palette::INK,
        ));
        row.spawn(left_text(
            "Pack origin",
            entry.origin.label(),
            widgets::font(widgets::SMALL - 2.0),
            palette::INK_SOFT,
        ));
    });
    if let Some(s) = &entry.summary {
        if !s.description.is_empty() {
            info.spawn(left_text(
                "Pack description",
                s.description.clone(),
                widgets::font(widgets::SMALL),
                palette::INK_SOFT,
            ));
        }
        info.spawn(left_text(
            "Pack stats",
            s.stats(),
            widgets::bold(widgets::SMALL),
            palette::BLUE_DEEP,
        ));
    }
    if let Some(err) = &entry.error {
        let text = if entry.playable() {
            format!("⚠ The last good version is still in play. {err}")
        } else {
            format!("⚠ Skipped: {err}")
        };
        info.spawn((
            left_text(
                "Pack error",
                text,
                widgets::font(widgets::SMALL - 1.0),
                palette::WRONG,
            ),
            PackErrorText,
        ));
    }
}

/// A card's error line.
#[derive(Component)]
pub struct PackErrorText;

/// Adds or removes pack `i` from the choice; at least one stays chosen.
fn toggle(i: usize, library: &PackLibrary, settings: &mut Settings) -> Result<(), &'static str> {
    let entry = library.entries.get(i).ok_or("No such pack.")?;
    let id = entry
        .id()
        .filter(|_| entry.playable())
        .ok_or("This pack has an error: fix the file and it loads by itself.")?;
    let mut chosen = library.effective_selection(&settings.packs);
    if let Some(pos) = chosen.iter().position(|c| c == id) {
        if chosen.len() == 1 {
            return Err("At least one pack must stay selected.");
        }
        chosen.remove(pos);
    } else {
        chosen.push(id.to_string());
    }
    let all = library.playable_ids();
    let save = if all.iter().all(|a| chosen.contains(a)) {
        Vec::new()
    } else {
        all.into_iter().filter(|a| chosen.contains(a)).collect()
    };
    if settings.packs != save {
        settings.packs = save;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn act(
    mut activated: MessageReader<Activated>,
    back: Query<(), With<BackButton>>,
    cards: Query<&PackCard>,
    focused: Query<&PackCard, With<Focused>>,
    input: Res<Actions>,
    library: Res<PackLibrary>,
    mut settings: ResMut<Settings>,
    mut status: ResMut<Status>,
    time: Res<Time>,
    mut requests: MessageWriter<RequestScreen>,
) {
    status.left = (status.left - time.delta_secs()).max(0.0);
    let mut go_back = input.back;
    let mut toggles: Vec<usize> = Vec::new();
    for Activated(e) in activated.read() {
        if back.get(*e).is_ok() {
            go_back = true;
        } else if let Ok(card) = cards.get(*e) {
            toggles.push(card.0);
        }
    }
    if input.typed.contains(' ') {
        toggles.extend(focused.iter().map(|c| c.0));
    }
    for i in toggles {
        if let Err(msg) = toggle(i, &library, &mut settings) {
            *status = Status {
                text: msg.to_string(),
                left: 3.0,
            };
        }
    }
    if go_back {
        requests.write(RequestScreen::to(Screen::Title));
    }
}

/// Redraws the cards when the library changed (a pack was edited, added or
/// removed), keeping the focus on the same place.
fn rebuild_cards(
    mut commands: Commands,
    library: Res<PackLibrary>,
    mut lists: Query<(Entity, &mut CardList)>,
    focused: Query<&PackCard, With<Focused>>,
    cards: Query<Entity, With<PackCard>>,
) {
    for (list, mut shown) in &mut lists {
        if shown.generation == library.generation {
            continue;
        }
        shown.generation = library.generation;
        let focus = focused
            .iter()
            .next()
            .map(|c| c.0.min(library.entries.len().saturating_sub(1)));
        for card in &cards {
            commands.entity(card).remove::<Focused>();
        }
        commands.entity(list).despawn_related::<Children>();
        commands
            .entity(list)
            .with_children(|l| spawn_cards(l, &library, focus));
    }
}

#[allow(clippy::type_complexity, clippy::too_many_arguments)]
fn paint_cards(
    library: Res<PackLibrary>,
    settings: Res<Settings>,
    packs: Res<Packs>,
    status: Res<Status>,
    mut checks: Query<(&CardCheck, &mut BackgroundColor, &mut BorderColor)>,
    mut glyphs: Query<(&CheckGlyph, &mut Text), (Without<SummaryText>, Without<StatusText>)>,
    mut summary: Query<&mut Text, (With<SummaryText>, Without<StatusText>)>,
    mut hint: Query<(&mut Text, &mut TextColor), (With<StatusText>, Without<SummaryText>)>,
) {
    let chosen = library.effective_selection(&settings.packs);
    let is_chosen = |i: usize| {
        library
            .entries
            .get(i)
            .filter(|e| e.playable())
            .and_then(|e| e.id())
            .is_some_and(|id| chosen.iter().any(|c| c == id))
    };
    let broken = |i: usize| library.entries.get(i).is_some_and(|e| !e.playable());
    for (check, mut bg, mut border) in &mut checks {
        let (b, c) = if is_chosen(check.0) {
            (palette::PINK_DEEP, palette::PINK_DEEP)
        } else if broken(check.0) {
            (palette::ORANGE, palette::ORANGE)
        } else {
            (palette::PAPER, palette::CREAM_DEEP)
        };
        if bg.0 != b {
            bg.0 = b;
        }
        let c = BorderColor::all(c);
        if *border != c {
            *border = c;
        }
    }
    for (glyph, mut text) in &mut glyphs {
        let want = if is_chosen(glyph.0) {
            "✓"
        } else if broken(glyph.0) {
            "!"
        } else {
            ""
        };
        if text.0 != want {
            text.0 = want.to_string();
        }
    }
    let playable = library.entries.iter().filter(|e| e.playable()).count();
    let in_play = (0..library.entries.len()).filter(|i| is_chosen(*i)).count();
    let questions = packs.base.len();
    let line = format!(
        "Playing {in_play} of {playable} pack{} · {questions} possible question{}",
        if playable == 1 { "" } else { "s" },
        if questions == 1 { "" } else { "s" },
    );
    for mut t in &mut summary {
        if t.0 != line {
            t.0 = line.clone();
        }
    }
    let (line, colour) = if status.left > 0.0 {
        (status.text.as_str(), palette::PINK_DEEP)
    } else {
        (HINT, palette::INK_SOFT)
    };
    for (mut t, mut c) in &mut hint {
        if t.0 != line {
            t.0 = line.to_string();
            c.0 = colour;
        }
    }
}

/// Scrolls the list so the focused card is in view.
/// Only when the focus moves, so the mouse wheel can still scroll away.
#[allow(clippy::type_complexity)]
fn keep_focus_visible(
    focused: Query<(Entity, &ComputedNode, &UiGlobalTransform), (With<PackCard>, With<Focused>)>,
    mut lists: Query<(&ComputedNode, &UiGlobalTransform, &mut ScrollPosition), With<CardList>>,
    mut done: Local<Option<Entity>>,
) {
    let Some((entity, card, card_at)) = focused.iter().next() else {
        return;
    };
    if *done == Some(entity) || card.size().y <= 0.0 {
        return;
    }
    *done = Some(entity);
    for (list, list_at, mut scroll) in &mut lists {
        let inv = list.inverse_scale_factor();
        let card_top = card_at.translation.y - card.size().y / 2.0;
        let card_bottom = card_at.translation.y + card.size().y / 2.0;
        let list_top = list_at.translation.y - list.size().y / 2.0;
        let list_bottom = list_at.translation.y + list.size().y / 2.0;
        let delta = if card_top < list_top {
            card_top - list_top
        } else if card_bottom > list_bottom {
            (card_bottom - list_bottom).min(card_top - list_top)
        } else {
            0.0
        };
        if delta.abs() > 0.5 {
            scroll.0.y = (scroll.0.y + delta * inv).max(0.0);
        }
    }
}

/// Mouse wheel scrolling of the list.
fn wheel(
    wheel: Option<Res<Messages<MouseWheel>>>,
    mut cursor: Local<bevy::ecs::message::MessageCursor<MouseWheel>>,
    mut lists: Query<&mut ScrollPosition, With<CardList>>,
) {
    let Some(wheel) = wheel else { return };
    let mut dy = 0.0;
    for e in cursor.read(&wheel) {
        dy += match e.unit {
            MouseScrollUnit::Line => e.y * 40.0,
            MouseScrollUnit::Pixel => e.y,
        };
    }
    if dy != 0.0 {
        for mut s in &mut lists {
            s.0.y = (s.0.y - dy).max(0.0);
        }
    }
}
