// leafquiz controller: one WebSocket to the host (docs/remote.md).
// Everything from the host is shown with textContent, never as markup.
"use strict";

const LETTERS = ["A", "B", "C", "D"];
const SHAPES = ["●", "▲", "■", "◆"];
const PLAYER_SHAPES = ["●", "▲", "■", "◆", "★", "♥", "♣", "♠"];
const PLAYER_COLOURS = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"];
const INK_ON = [true, true, false, true, false, false, true, true];
const TOKEN_KEY = "leafquiz-token";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
let socket = null;
let me = { phone: null, audience: false, name: "" };
let view = null;
let chosen = null;       // the slot this phone locked for the open question
let buzzed = false;
let lastQuestion = null;
let retry = 0;

$("room").value = params.get("room") || "";
$("name").value = localStorage.getItem("leafquiz-name") || "";

function say(text) { $("status").textContent = text; }

function send(msg) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg));
}

function connect(join) {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws`);
  socket.onopen = () => { retry = 0; send(join()); };
  socket.onmessage = (e) => {
    let msg;
    try { msg = JSON.parse(e.data); } catch { return; }
    receive(msg);
  };
  socket.onclose = () => {
    if (me.phone === null) return;
    say("Connection lost: reconnecting…");
    // Back to the same seat with the saved token.
    retry = Math.min(retry + 1, 5);
    setTimeout(() => connect(joinMessage), 500 * retry);
  };
}

function joinMessage() {
  return {
    type: "join",
    room: $("room").value,
    name: $("name").value,
    token: localStorage.getItem(TOKEN_KEY),
  };
}

$("join-form").addEventListener("submit", (e) => {
  e.preventDefault();
  localStorage.setItem("leafquiz-name", $("name").value);
  say("Joining…");
  connect(joinMessage);
});

function receive(msg) {
  switch (msg.type) {
    case "welcome":
      me = { phone: msg.phone, audience: msg.audience, name: msg.name };
      localStorage.setItem(TOKEN_KEY, msg.token);
      $("join-screen").hidden = true;
      $("play-screen").hidden = false;
      showBadge(null);
      say(msg.audience ? "You are in the audience: vote on every question." : "You're in! Watch the big screen.");
      break;
    case "badge":
      if (msg.colour === null) me.audience = true;
      showBadge(msg.colour);
      break;
    case "screen":
      show(msg);
      break;
    case "ack":
      say(me.audience ? "Vote counted." : buzzed && chosen === null ? "Buzzed! Now pick your answer." : "Locked in.");
      break;
    case "result":
      say(msg.correct ? `Right! +${msg.points} points (total ${msg.total})` :
        `Not this time: ${msg.points} points (total ${msg.total})`);
      break;
    case "error":
      if (msg.code === "wrong_room" || msg.code === "bad_name") {
        localStorage.removeItem(TOKEN_KEY);
        me.phone = null;
      }
      say(msg.message);
      break;
  }
}

function showBadge(colour) {
  const b = $("badge");
  b.hidden = false;
  if (colour === null || colour === undefined) {
    b.textContent = me.audience ? `${me.name} · audience` : me.name;
    b.style.background = "";
    b.style.color = "";
    return;
  }
  b.textContent = `${PLAYER_SHAPES[colour % 8]}${colour + 1} ${me.name}`;
  b.style.background = PLAYER_COLOURS[colour % 8];
  b.style.color = INK_ON[colour % 8] ? "#2b2330" : "#ffffff";
}

function show(v) {
  view = v;
  const q = v.question;
  if (q && q.number !== lastQuestion) {
    lastQuestion = q.number;
    chosen = null;
    buzzed = false;
  }
  $("round").textContent = v.round || "";
  $("prompt").textContent = q ? q.prompt : phaseText(v.phase);
  const options = $("options");
  options.replaceChildren();
  if (q && (v.phase === "question" || v.phase === "reveal")) {
    q.options.forEach((text, i) => options.append(optionButton(q, i, text, v.phase)));
  }
  $("buzz").hidden = !(q && q.buzz && v.phase === "question" && !me.audience && !buzzed);
  $("wager").hidden = !(v.phase === "wager" && !me.audience);
  $("ready").hidden = me.audience || !["lobby", "standings", "reveal"].includes(v.phase);
  const standings = $("standings");
  standings.hidden = !(v.phase === "standings" || v.phase === "podium" || v.phase === "lobby");
  standings.replaceChildren(...v.standings.map((s) => {
    const li = document.createElement("li");
    li.textContent = `${PLAYER_SHAPES[s.colour % 8]} ${s.name}: ${s.points}${s.away ? " (away)" : ""}`;
    return li;
  }));
  // The audience's split, beside (not over) this phone's own result.
  const votes = v.audience_split.reduce((a, n) => a + n, 0);
  const split = $("split");
  split.hidden = !(v.phase === "reveal" && votes > 0);
  split.textContent = split.hidden ? "" :
    `Audience: ${v.audience_split.map((n, i) => `${LETTERS[i]} ${Math.round(100 * n / votes)} %`).join(" · ")}`;
}

function phaseText(phase) {
  return {
    lobby: "Waiting for the game to start…",
    wager: "Final round: how much of your points will you bet?",
    standings: "Standings",
    podium: "Final standings",
  }[phase] || "";
}

function optionButton(q, i, text, phase) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `option opt-${i}`;
  const mark = document.createElement("span");
  mark.className = "mark";
  mark.setAttribute("aria-hidden", "true");
  mark.textContent = `${SHAPES[i]} ${LETTERS[i]}`;
  const label = document.createElement("span");
  label.textContent = text;
  b.append(mark, label);
  b.setAttribute("aria-label", `${LETTERS[i]}: ${text}`);
  b.setAttribute("aria-pressed", String(chosen === i));
  if (phase === "reveal") {
    b.disabled = true;
    const verdict = document.createElement("span");
    verdict.className = "verdict";
    if (q.answer === i) {
      b.classList.add("right");
      verdict.textContent = "✓";
      b.setAttribute("aria-label", `${LETTERS[i]}: ${text}, the right answer`);
    } else if (chosen === i) {
      b.classList.add("wrong");
      verdict.textContent = "✗";
    }
    b.append(verdict);
  } else {
    b.disabled = chosen !== null || (q.buzz && !buzzed && !me.audience);
    b.addEventListener("click", () => {
      chosen = i;
      send(me.audience ? { type: "vote", question: q.number, slot: i } : { type: "answer", question: q.number, slot: i });
      show(view);
    });
  }
  return b;
}

$("buzz").addEventListener("click", () => {
  if (!view || !view.question) return;
  buzzed = true;
  send({ type: "buzz", question: view.question.number });
  show(view);
});

$("wager-range").addEventListener("input", (e) => {
  $("wager-value").textContent = e.target.value;
  send({ type: "wager", percent: Number(e.target.value), lock: false });
});

$("wager-lock").addEventListener("click", () => {
  send({ type: "wager", percent: Number($("wager-range").value), lock: true });
  say("Wager locked.");
});

$("ready").addEventListener("click", () => send({ type: "ready" }));

// Rejoin at once after a reload when this browser already has a seat.
if (localStorage.getItem(TOKEN_KEY) && $("room").value) connect(joinMessage);
