//! Wager, question and reveal screens of party play. Presses go to the
//! engine; the screen shows who has locked in, never what.

use bevy::prelude::*;

use crate::game::GameSet;

use super::input::{PartyPresses, ordered};
use super::look::{self, BIG, MIN, PROMPT, TEXT};
use super::{PartyGame, WAGER_STEP};
use crate::engine::party::{InputSource, Party, PlayerId, RoundType};
use crate::game::audio::Cue;
use crate::game::input::Actions;
use crate::game::question_ui::{self, TimerFill};
use crate::game::save::{AnswerPlayed, Settings};
use crate::game::screens::PartyPhase;
use crate::game::theme::prelude::*;
use crate::game::transition::RequestScreen;

/// A player's lock indicator on the question screen. It holds the player
/// only: what they chose is never on screen before the reveal.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockBadge(pub PlayerId);
#[derive(Component, Debug, Clone, Copy)]
struct LockStatus(PlayerId);
#[derive(Component, Debug, Clone, Copy)]
struct WagerText(PlayerId);
#[derive(Component, Debug, Clone, Copy)]
struct WagerCard(PlayerId);
#[derive(Component)]
struct TimerText;
#[derive(Component)]
struct BuzzText;
#[derive(Component, Debug, Clone, Copy)]
pub struct RevealNext;
/// The audience's split on the reveal, when phones watch (hidden until then).
#[derive(Component, Debug, Clone, Copy)]
pub struct AudienceLine;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(PartyPhase::Wager), spawn_wager);
    app.add_systems(OnEnter(PartyPhase::Question), spawn_question);
    app.add_systems(OnEnter(PartyPhase::Reveal), spawn_reveal);
    let ready = resource_exists::<PartyGame>;
    app.add_systems(
        Update,
        (
            (
                wager.in_set(GameSet::Logic),
                paint_wager.in_set(GameSet::Paint),
            )
                .run_if(in_state(PartyPhase::Wager).and_then(ready)),
            (
                question.in_set(GameSet::Logic),
                paint_question.in_set(GameSet::Paint),
            )
                .run_if(in_state(PartyPhase::Question).and_then(ready)),
            reveal_next
                .in_set(GameSet::Logic)
                .run_if(in_state(PartyPhase::Reveal).and_then(ready)),
        ),
    );
}

/// What a round asks of the players (`relaxed`: the room plays without a clock).
pub fn rules(round: RoundType, relaxed: bool) -> &'static str {
    match round {
        RoundType::Classic if relaxed => {
            "Everyone answers in secret, in their own time. Right scores 500, plus streaks."
        }
        RoundType::Classic => {
            "Everyone answers in secret. Right and fast scores 500–1000, plus streaks."
        }
        RoundType::FastestFinger => {
            "First right answer 1000, then 750, 500, 250. A wrong answer locks you out."
        }
        RoundType::BuzzAndSteal => {
            "Press any key to buzz, then answer alone (+1000, wrong −250). Others may then steal (+500)."
        }
        RoundType::FinalWager => "Right: win your wager. Wrong: lose it.",
    }
}

fn top_bar(root: &mut ChildSpawnerCommands, left: String, right: String) {
    root.spawn((
        Name::new("Top bar"),
        Node {
            width: percent(94),
            max_width: px(1260),
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            ..default()
        },
    ))
    .with_children(|b| {
        b.spawn(look::bold(left, TEXT, palette::INK));
        b.spawn((TimerText, look::bold(right, BIG, palette::INK)));
    });
}

// ---------------------------------------------------------------- wager

fn spawn_wager(mut commands: Commands, game: Res<PartyGame>) {
    commands
        .spawn(widgets::screen_root("Party wager", PartyPhase::Wager))
        .with_children(|root| {
            top_bar(root, game.round_text(), String::new());
            root.spawn(look::bold("Final wager", look::HEAD, palette::INK));
            root.spawn(look::line(
                "Bet 0–100 % of your points before the question. Right: win it. Wrong: lose it.",
                TEXT,
                palette::INK,
            ));
            root.spawn(look::line(
                "Your 1st key: −10 %   ·   2nd key: +10 %   ·   4th key: confirm",
                TEXT,
                palette::BLUE_DEEP,
            ));
            root.spawn((
                Name::new("Wagers"),
                Node {
                    width: percent(94),
                    max_width: px(1240),
                    display: Display::Grid,
                    grid_template_columns: RepeatedGridTrack::flex(4, 1.0),
                    row_gap: px(10),
                    column_gap: px(10),
                    ..default()
                },
            ))
            .with_children(|g| {
                for p in &game.party.players {
                    g.spawn((
                        Name::new("Wager card"),
                        WagerCard(p.id),
                        Node {
                            flex_direction: FlexDirection::Column,
                            align_items: AlignItems::Center,
                            row_gap: px(4),
                            padding: UiRect::all(px(10)),
                            border: UiRect::all(px(4)),
                            border_radius: BorderRadius::all(px(20)),
                            ..default()
                        },
                        BackgroundColor(palette::PAPER),
                        BorderColor::all(look::colour(p)),
                    ))
                    .with_children(|c| {
                        c.spawn(look::name_tag(p, TEXT));
                        c.spawn((
                            WagerText(p.id),
                            look::bold("", TEXT, palette::INK),
                            TextLayout::new(Justify::Center, LineBreak::WordBoundary),
                        ));
                    });
                }
            });
        });
}

/// The wager of a player, in percent.
pub fn wager_of(game: &PartyGame, id: PlayerId) -> u32 {
    game.wagers.iter().find(|w| w.0 == id).map_or(0, |w| w.1)
}

fn wager(
    time: Res<Time>,
    presses: Res<PartyPresses>,
    mut game: ResMut<PartyGame>,
    mut requests: MessageWriter<RequestScreen>,
) {
    game.wager_left -= time.delta_secs();
    for (source, slot) in ordered(&game, &presses) {
        let Some(p) = game.party.player_for(source).filter(|p| p.connected) else {
            continue;
        };
        let id = p.id;
        if game.wager_confirmed.contains(&id) {
            continue;
        }
        let now = wager_of(&game, id);
        let g = &mut *game;
        match slot {
            0 => Party::set_wager(id, now.saturating_sub(WAGER_STEP), &mut g.wagers),
            1 => Party::set_wager(id, (now + WAGER_STEP).min(100), &mut g.wagers),
            3 => g.wager_confirmed.push(id),
            _ => {}
        }
    }
    let all = game
        .party
        .players
        .iter()
        .filter(|p| p.connected)
        .all(|p| game.wager_confirmed.contains(&p.id));
    if all || (!game.relaxed && game.wager_left <= 0.0) {
        let to = game.ask_screen();
        requests.write(RequestScreen::to(to));
    }
}

fn paint_wager(
    game: Res<PartyGame>,
    mut texts: Query<(&WagerText, &mut Text)>,
    mut cards: Query<(&WagerCard, &mut BackgroundColor)>,
    mut timer: Query<&mut Text, (With<TimerText>, Without<WagerText>)>,
) {
    for (WagerText(id), mut t) in &mut texts {
        let Some(p) = game.party.player(*id) else {
            continue;
        };
        let pct = wager_of(&game, *id);
        let stake = p.points.max(0) * pct as i64 / 100;
        let done = game.wager_confirmed.contains(id);
        let v = format!(
            "{} pts · bet {pct} % = {stake}\n{}",
            p.points,
            if done { "✓ confirmed" } else { "choosing…" }
        );
        if t.0 != v {
            t.0 = v;
        }
    }
    for (WagerCard(id), mut bg) in &mut cards {
        let c = match game.party.player(*id) {
            Some(p) if game.wager_confirmed.contains(id) => {
                look::colour(p).mix(&palette::PAPER, 0.45)
            }
            _ => palette::PAPER,
        };
        if bg.0 != c {
            bg.0 = c;
        }
    }
    for mut t in &mut timer {
        let v = if game.relaxed {
            "no clock".to_string()
        } else {
            format!("{:.0} s", game.wager_left.max(0.0).ceil())
        };
        if t.0 != v {
            t.0 = v;
        }
    }
}

// ---------------------------------------------------------------- question

fn spawn_question(
    mut commands: Commands,
    game: Res<PartyGame>,
    settings: Res<Settings>,
    mut requests: MessageWriter<RequestScreen>,
) {
    let Some(q) = game.current().cloned() else {
        requests.write(RequestScreen::to(PartyPhase::Podium));
        return;
    };
    let round = game.round_type();
    commands
        .spawn(widgets::screen_root("Party question", PartyPhase::Question))
        .with_children(|root| {
            top_bar(
                root,
                format!(
                    "{}  ·  Question {} of {}",
                    game.round_text(),
                    game.asked_in_round,
                    game.setup.questions_per_round
                ),
                String::new(),
            );
            root.spawn((
                Name::new("Timer"),
                Node {
                    width: percent(94),
                    max_width: px(1260),
                    ..default()
                },
                children![question_ui::timer_bar(14.0)],
            ));
            root.spawn(question_ui::prompt_card(&q.prompt, PROMPT, 94.0));
            root.spawn(question_ui::answer_grid(94.0, 1260.0, 12.0))
                .with_children(|g| {
                    for (i, option) in q.options.iter().enumerate().take(4) {
                        // Shown, not pickable: the players answer on their own keys.
                        g.spawn(question_ui::answer_card(i, option, settings.colour_blind));
                    }
                });
            root.spawn((
                BuzzText,
                look::line(rules(round, game.relaxed), MIN, palette::INK_SOFT),
            ));
            root.spawn((
                Name::new("Lock strip"),
                Node {
                    column_gap: px(10),
                    row_gap: px(8),
                    flex_wrap: FlexWrap::Wrap,
                    justify_content: JustifyContent::Center,
                    ..default()
                },
            ))
            .with_children(|s| {
                for p in &game.party.players {
                    s.spawn((
                        Name::new("Lock badge"),
                        LockBadge(p.id),
                        Node {
                            align_items: AlignItems::Center,
                            column_gap: px(6),
                            padding: UiRect::axes(px(10), px(4)),
                            border: UiRect::all(px(3)),
                            border_radius: BorderRadius::all(px(18)),
                            ..default()
                        },
                        BackgroundColor(palette::PAPER),
                        BorderColor::all(look::colour(p)),
                    ))
                    .with_children(|b| {
                        b.spawn(look::badge(p, MIN));
                        b.spawn(look::bold(p.name.clone(), MIN, palette::INK));
                        b.spawn((LockStatus(p.id), look::txt("", MIN, palette::INK)));
                    });
                }
            });
        });
}

#[allow(clippy::too_many_arguments)]
fn question(
    time: Res<Time>,
    actions: Res<Actions>,
    presses: Res<PartyPresses>,
    mut game: ResMut<PartyGame>,
    mut requests: MessageWriter<RequestScreen>,
    mut cues: MessageWriter<Cue>,
    mut played: MessageWriter<AnswerPlayed>,
) {
    let Some(n) = game.current().map(|q| q.options.len().min(4)) else {
        return;
    };
    game.round.advance(time.delta_secs());
    let at = game.round.answer_time();
    for (source, slot) in ordered(&game, &presses) {
        if slot >= n {
            continue;
        }
        if let crate::engine::party::PressOutcome::Locked(_) = game.party.press(source, slot, at) {
            cues.write(Cue::Select);
        }
    }
    // In a relaxed room the host may end a question someone has walked away
    // from (Enter; a gamepad's South is an answer, not the host's confirm).
    let pad_pressed = presses
        .0
        .iter()
        .any(|(s, _)| matches!(s, InputSource::Gamepad(_)));
    let host_reveals = game.relaxed && actions.confirm && !pad_pressed;
    if game.party.all_done() || game.round.out_of_time() || host_reveals {
        game.finish_question();
        if let Some(r) = game.round().last() {
            for result in &r.results {
                played.write(AnswerPlayed {
                    question: r.question.clone(),
                    correct: result.correct,
                });
            }
        }
        requests.write(RequestScreen::to(PartyPhase::Reveal));
    }
}

type FillFilter = (With<TimerFill>, Without<LockBadge>);
type TimerFilter = (With<TimerText>, Without<LockStatus>, Without<BuzzText>);
type BuzzFilter = (With<BuzzText>, Without<LockStatus>, Without<TimerText>);

/// What a player's lock indicator says (never the choice).
pub fn lock_state(game: &PartyGame, id: PlayerId) -> &'static str {
    let Some(p) = game.party.player(id) else {
        return "";
    };
    let locked = game.party.locked_players().contains(&id);
    if !p.connected {
        "away"
    } else if locked {
        "✓ locked"
    } else if game.party.buzzer() == Some(id) {
        "buzzed!"
    } else {
        "…"
    }
}

fn paint_question(
    game: Res<PartyGame>,
    mut badges: Query<(&LockBadge, &mut BackgroundColor)>,
    mut statuses: Query<(&LockStatus, &mut Text)>,
    mut fill: Query<(&mut Node, &mut BackgroundColor), FillFilter>,
    mut timer: Query<&mut Text, TimerFilter>,
    mut buzz: Query<&mut Text, BuzzFilter>,
) {
    let locked = game.party.locked_players();
    for (LockBadge(id), mut bg) in &mut badges {
        let c = match game.party.player(*id) {
            Some(p) if !p.connected => palette::CREAM_DEEP.with_alpha(0.6),
            Some(p) if locked.contains(id) || game.party.buzzer() == Some(*id) => {
                look::colour(p).mix(&palette::PAPER, 0.35)
            }
            _ => palette::PAPER.with_alpha(0.75),
        };
        if bg.0 != c {
            bg.0 = c;
        }
    }
    for (LockStatus(id), mut t) in &mut statuses {
        let v = lock_state(&game, *id);
        if t.0 != v {
            t.0 = v.to_string();
        }
    }
    let left = game.round().time_left();
    let clock = (!game.relaxed).then_some(question_ui::Clock {
        left,
        limit: game.round().limit(),
    });
    question_ui::paint_timer(clock, fill.iter_mut());
    for mut t in &mut timer {
        let v = if game.relaxed {
            "no clock · Enter reveals".to_string()
        } else {
            format!("{:.0} s", left.ceil())
        };
        if t.0 != v {
            t.0 = v;
        }
    }
    if game.round_type() == RoundType::BuzzAndSteal {
        let name = |id: PlayerId| {
            game.party
                .player(id)
                .map_or(String::new(), |p| p.name.clone())
        };
        let v = match game.party.buzzer() {
            None if locked.is_empty() => "Press any of your keys to buzz!".to_string(),
            None => "Steal! Everyone else may answer now.".to_string(),
            Some(b) if locked.contains(&b) => {
                format!("{} missed: the others may steal!", name(b))
            }
            Some(b) => format!("{} buzzed and answers alone…", name(b)),
        };
        for mut t in &mut buzz {
            if t.0 != v {
                t.0 = v.clone();
            }
        }
    }
}

// ---------------------------------------------------------------- reveal

/// "+850", "0", "−250".
pub fn delta_text(d: i64) -> String {
    match d {
        d if d > 0 => format!("+{d}"),
        d if d < 0 => format!("−{}", -d),
        _ => "0".into(),
    }
}

fn spawn_reveal(mut commands: Commands, game: Res<PartyGame>, settings: Res<Settings>) {
    let Some(last) = game.round().last().cloned() else {
        return;
    };
    let q = &last.question;
    let more_in_round =
        game.asked_in_round < game.setup.questions_per_round && !game.round().exhausted();
    commands
        .spawn(widgets::screen_root("Party reveal", PartyPhase::Reveal))
        .with_children(|root| {
            top_bar(
                root,
                format!(
                    "{}  ·  Question {} of {}",
                    game.round_text(),
                    game.asked_in_round,
                    game.setup.questions_per_round
                ),
                String::new(),
            );
            root.spawn((
                Name::new("Prompt"),
                Text::new(q.prompt.clone()),
                widgets::bold(BIG - 2.0),
                TextColor(palette::INK),
                TextLayout::new(Justify::Center, LineBreak::WordBoundary),
                Node {
                    max_width: percent(94),
                    ..default()
                },
            ));
            root.spawn((
                Name::new("Options"),
                Node {
                    width: percent(94),
                    max_width: px(1260),
                    display: Display::Grid,
                    grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
                    row_gap: px(10),
                    column_gap: px(10),
                    ..default()
                },
            ))
            .with_children(|g| {
                for (i, option) in q.options.iter().enumerate().take(4) {
                    let right = i == q.answer;
                    let colour = palette::answer_colour(i, settings.colour_blind);
                    let (bg, border) = if right {
                        (palette::RIGHT.mix(&palette::PAPER, 0.7), palette::RIGHT)
                    } else {
                        (
                            colour.mix(&palette::PAPER, 0.75),
                            colour.mix(&palette::PAPER, 0.3),
                        )
                    };
                    g.spawn((
                        Name::new("Revealed option"),
                        Node {
                            flex_direction: FlexDirection::Column,
                            padding: UiRect::axes(px(12), px(6)),
                            row_gap: px(6),
                            border: UiRect::all(px(if right { 6 } else { 2 })),
                            border_radius: BorderRadius::all(px(18)),
                            ..default()
                        },
                        BackgroundColor(bg),
                        BorderColor::all(border),
                    ))
                    .with_children(|c| {
                        c.spawn(widgets::row("Option head")).with_children(|r| {
                            r.spawn(widgets::badge(i, settings.colour_blind));
                            r.spawn((
                                look::bold(option.clone(), MIN, palette::INK),
                                TextLayout::new(Justify::Left, LineBreak::WordBoundary),
                            ));
                            if right {
                                r.spawn(look::bold("✓ right", MIN, palette::RIGHT));
                            }
                        });
                        c.spawn((
                            Name::new("Voters"),
                            Node {
                                column_gap: px(6),
                                row_gap: px(4),
                                flex_wrap: FlexWrap::Wrap,
                                min_height: px(30),
                                ..default()
                            },
                        ))
                        .with_children(|v| {
                            for r in last.results.iter().filter(|r| r.choice == Some(i)) {
                                if let Some(p) = game.party.player(r.player) {
                                    v.spawn(look::badge(p, MIN - 2.0));
                                }
                            }
                        });
                    });
                }
            });
            root.spawn((
                Name::new("Points"),
                Node {
                    column_gap: px(10),
                    row_gap: px(8),
                    flex_wrap: FlexWrap::Wrap,
                    justify_content: JustifyContent::Center,
                    max_width: percent(96),
                    ..default()
                },
            ))
            .with_children(|s| {
                for r in &last.results {
                    let Some(p) = game.party.player(r.player) else {
                        continue;
                    };
                    let extra = match (r.choice, last.round) {
                        (None, _) => " (no answer)".to_string(),
                        (_, RoundType::FinalWager) => {
                            format!(
                                " (bet {} %)",
                                last.wagers.iter().find(|w| w.0 == p.id).map_or(0, |w| w.1)
                            )
                        }
                        _ if last.buzzer == Some(p.id) => " (buzzed)".to_string(),
                        _ => String::new(),
                    };
                    s.spawn((
                        Name::new("Player points"),
                        Node {
                            align_items: AlignItems::Center,
                            column_gap: px(6),
                            padding: UiRect::axes(px(10), px(3)),
                            border_radius: BorderRadius::all(px(16)),
                            ..default()
                        },
                        BackgroundColor(palette::PAPER.with_alpha(0.9)),
                    ))
                    .with_children(|b| {
                        b.spawn(look::badge(p, MIN - 2.0));
                        b.spawn(look::bold(p.name.clone(), MIN, palette::INK));
                        b.spawn(look::bold(
                            delta_text(r.delta),
                            TEXT,
                            if r.delta > 0 {
                                palette::RIGHT
                            } else if r.delta < 0 {
                                palette::WRONG
                            } else {
                                palette::INK_SOFT
                            },
                        ));
                        if !extra.is_empty() {
                            b.spawn(look::txt(extra, MIN - 4.0, palette::INK_SOFT));
                        }
                    });
                }
            });
            root.spawn((
                AudienceLine,
                look::bold("", MIN, palette::BLUE_DEEP),
                Node {
                    display: Display::None,
                    ..default()
                },
            ));
            root.spawn(widgets::button(
                if more_in_round {
                    "Next question"
                } else {
                    "Standings"
                },
                RevealNext,
                0,
            ));
        });
}

fn reveal_next(
    mut activated: MessageReader<Activated>,
    buttons: Query<(), With<RevealNext>>,
    actions: Res<Actions>,
    mut game: ResMut<PartyGame>,
    mut requests: MessageWriter<RequestScreen>,
) {
    let clicked = activated.read().any(|Activated(e)| buttons.get(*e).is_ok());
    if !clicked {
        let _ = actions;
        return;
    }
    let to = game.after_reveal();
    requests.write(RequestScreen::to(to));
}
