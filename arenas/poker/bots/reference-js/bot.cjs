// Reference poker bot: Monte Carlo equity against opponents' hands sampled from ranges that
// narrow with how they bet (and with what the hand_end lines taught us about each of them),
// then value bets sized to equity, calls by pot odds, position-aware bluffs. Deterministic: the
// sample counts are fixed and the random stream is seeded by the request, so a game replays
// exactly. CommonJS with no dependencies (runs on Node 18 in the container).
// Protocol: one JSON message per stdin line; reply to "act" with one {"action", "amount"?} line.
'use strict';
const readline = require('node:readline');
const { evaluate, category } = require('./eval.cjs');

const PREFLOP_SAMPLES = 700;
const POSTFLOP_SAMPLES = 1500;
const RANKS = '23456789TJQKA';
const SUITS = 'shdc';
const parseCard = (s) => RANKS.indexOf(s[0]) * 4 + SUITS.indexOf(s[1]);

function seededRandom(text) {
  let a = 2166136261;
  for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 16777619);
  return () => {
    a = (a + 0x6d2b79f5) | 0; // mulberry32
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- preflop hand classes: 169 of them, ranked by equity against one random hand ----------
const classOf = (a, b) => {
  const hi = Math.max(a >> 2, b >> 2), lo = Math.min(a >> 2, b >> 2);
  return (a & 3) === (b & 3) ? hi * 13 + lo : lo * 13 + hi; // suited above the diagonal
};
/** Share of all starting hands at least as good as this class (0 best … 1 worst). */
const PERCENTILE = new Float64Array(169);
(function rankClasses() {
  const rnd = seededRandom('preflop-table');
  const eq = [];
  for (let hi = 0; hi < 13; hi++) {
    for (let lo = 0; lo <= hi; lo++) {
      for (const suited of hi === lo ? [false] : [true, false]) {
        const a = hi * 4, b = lo * 4 + (suited ? 0 : 1);
        const deck = [];
        for (let c = 0; c < 52; c++) if (c !== a && c !== b) deck.push(c);
        let score = 0;
        const n = 300;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < 7; j++) { const k = j + Math.floor(rnd() * (deck.length - j)); [deck[j], deck[k]] = [deck[k], deck[j]]; }
          const board = deck.slice(2, 7);
          const me = evaluate([a, b, ...board]), them = evaluate([deck[0], deck[1], ...board]);
          score += me > them ? 1 : me === them ? 0.5 : 0;
        }
        eq.push({ key: classOf(a, b), equity: score / n, combos: hi === lo ? 6 : suited ? 4 : 12 });
      }
    }
  }
  eq.sort((x, y) => y.equity - x.equity);
  let seen = 0;
  for (const c of eq) { seen += c.combos; PERCENTILE[c.key] = seen / 1326; }
})();

// ---- what we learn about each opponent over the sim --------------------------------------
const model = new Map();
const stats = (id) => {
  if (!model.has(id)) model.set(id, { hands: 0, vpip: 0, pfr: 0, bets: 0, calls: 0, faced: 0, folds: 0, facedRaise: 0, foldsToRaise: 0, shownBets: 0, shownBluffs: 0, betLevels: [] });
  return model.get(id);
};
function learn(handEnd) {
  const seenIn = new Set(), vol = new Set(), raised = new Set();
  let street = '', currentBet = 0, bigBlind = Infinity;
  for (const e of handEnd.history) {
    if (e.street !== street) { street = e.street; currentBet = 0; }
    seenIn.add(e.player);
    const s = stats(e.player);
    if (e.action !== 'small_blind' && e.action !== 'big_blind' && e.street !== 'preflop') {
      if (e.action === 'raise') s.bets++;
      if (e.action === 'call') s.calls++;
    }
    // Facing a bet after the flop: how often does it give up?
    if (e.street !== 'preflop' && currentBet > e.to - e.added && !e.fault) {
      s.faced++;
      if (e.action === 'fold') s.folds++;
    }
    // Facing a raise before the flop (more than the big blind to match).
    if (e.street === 'preflop' && currentBet > bigBlind && currentBet > e.to - e.added && !e.fault) {
      s.facedRaise++;
      if (e.action === 'fold') s.foldsToRaise++;
    }
    if (e.action === 'big_blind') bigBlind = e.to;
    if (e.street === 'preflop' && (e.action === 'call' || e.action === 'raise')) vol.add(e.player);
    if (e.street === 'preflop' && e.action === 'raise') raised.add(e.player);
    currentBet = Math.max(currentBet, e.to);
  }
  // Showdowns tell how strong its bets after the flop really were.
  const board = (handEnd.board || []).map(parseCard);
  for (const shown of handEnd.showdown || []) {
    const hole = shown.hole_cards.map(parseCard);
    const s = stats(shown.player);
    const streets = new Set(handEnd.history.filter((e) => e.player === shown.player && e.street !== 'preflop' && e.action === 'raise').map((e) => e.street));
    for (const st of streets) {
      const level = madeLevel(hole, board.slice(0, BOARD_AT[st]));
      s.shownBets++;
      if (level === 0) s.shownBluffs++;
      else s.betLevels.push(level);
    }
  }
  for (const id of seenIn) {
    const s = stats(id);
    s.hands++;
    if (vol.has(id)) s.vpip++;
    if (raised.has(id)) s.pfr++;
  }
}
/** Share of bets after the flop the opponent folds to (a prior of 1 in 3 until we know). */
const foldRate = (id) => { const s = stats(id); return (s.folds + 2) / (s.faced + 6); };
/** Share of preflop raises the opponent folds to. */
const foldToRaise = (id) => { const s = stats(id); return (s.foldsToRaise + 2) / (s.facedRaise + 6); };
/** How wide an opponent's range is given its preflop action this hand (share of hands kept). */
function preflopWidth(id, raises, called) {
  const s = stats(id);
  const seen = s.hands >= 12;
  if (raises >= 2) return seen ? clamp(s.pfr / s.hands / 3, 0.03, 0.25) : 0.07;
  if (raises === 1) return seen ? clamp((s.pfr / s.hands) * 1.1, 0.06, 0.7) : 0.22;
  if (called) return seen ? clamp(s.vpip / s.hands, 0.15, 1) : 0.5;
  return 1;
}
/** Chance a bet after the flop is made without a hand (a bluff or a draw), from its showdowns. */
function bluffiness(id) {
  const s = stats(id);
  return (s.shownBluffs + 1) / (s.shownBets + 4);
}
/** How much the hole cards make of a board: 0 nothing, 1 a weak pair, 2 top pair or an
 *  overpair, 3 two pair, 4 trips or better (all counted only where the hole cards play). */
function madeLevel(hole, board) {
  const value = evaluate([...hole, ...board]);
  const cat = category(value);
  if (cat <= category(evaluate(board))) return 0;
  if (cat >= 3) return 4;
  if (cat === 2) return 3;
  const pairRank = (value >> 12) & 15;
  return board.every((c) => c >> 2 <= pairRank) ? 2 : 1;
}
/** The weakest made hand it usually bets with (its showdowns teach us; at least a weak pair). */
function betLevel(id, raiseOverBet) {
  const levels = stats(id).betLevels.slice().sort((x, y) => x - y);
  const learned = levels.length >= 4 ? levels[Math.floor(levels.length / 4)] : 1;
  return Math.min(4, learned + (raiseOverBet ? 1 : 0));
}
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

// ---- equity against the ranges ------------------------------------------------------------
function opponentsOf(req) {
  return req.players.filter((p) => p.id !== req.you && !p.folded).map((p) => {
    const mine = req.history.filter((e) => e.player === p.id);
    const pre = mine.filter((e) => e.street === 'preflop');
    const raises = pre.filter((e) => e.action === 'raise').length;
    const called = pre.some((e) => e.action === 'call');
    // Streets on which it bet or raised after the flop, with the board as it stood then.
    const aggressive = [];
    let street = '', bet = 0;
    for (const e of req.history) {
      if (e.street !== street) { street = e.street; bet = 0; }
      // A raise over someone's bet shows more than a bet into nobody.
      if (e.player === p.id && e.street !== 'preflop' && e.action === 'raise') aggressive.push({ street: e.street, level: betLevel(p.id, bet > 0) });
      bet = Math.max(bet, e.to);
    }
    return { id: p.id, width: preflopWidth(p.id, raises, called), aggressive, bluff: bluffiness(p.id) };
  });
}

const BOARD_AT = { flop: 3, turn: 4, river: 5 };

/** Every hand the opponent may hold, weighted by how well it fits its betting this hand. The
 *  streets it bet on are behind us, so their boards are known and each weight is exact. */
function rangeOf(o, dead, board) {
  const cards = [], weights = [];
  let total = 0;
  for (let a = 0; a < 52; a++) {
    if (dead[a]) continue;
    for (let b = a + 1; b < 52; b++) {
      if (dead[b] || PERCENTILE[classOf(a, b)] > o.width) continue;
      let w = 1;
      for (const { street, level } of o.aggressive) {
        if (madeLevel([a, b], board.slice(0, BOARD_AT[street])) < level) w *= o.bluff; // a bluff or a draw
      }
      total += w;
      cards.push(a, b);
      weights.push(total);
    }
  }
  return { cards, weights, total };
}

function equity(req, opponents, samples, rnd) {
  const hole = req.hole_cards.map(parseCard);
  const board = req.board.map(parseCard);
  const dead = new Uint8Array(52);
  for (const c of [...hole, ...board]) dead[c] = 1;
  const ranges = opponents.map((o) => {
    const r = rangeOf(o, dead, board);
    return r.total > 0 ? r : rangeOf({ width: 1, aggressive: [], bluff: 1 }, dead, board);
  });
  const used = new Int32Array(52); // sample number that last used a card
  const full = board.slice();
  const hands = opponents.map(() => [0, 0]);
  let score = 0;
  for (let i = 1; i <= samples; i++) {
    // Opponents' hands first (from their ranges), then the rest of the board from what is left.
    for (let j = 0; j < ranges.length; j++) {
      const r = ranges[j];
      for (let tries = 0; tries < 50; tries++) {
        const u = rnd() * r.total;
        let lo = 0, hi = r.weights.length - 1;
        while (lo < hi) { const mid = (lo + hi) >> 1; if (r.weights[mid] > u) hi = mid; else lo = mid + 1; }
        const a = r.cards[2 * lo], b = r.cards[2 * lo + 1];
        if (used[a] === i || used[b] === i) continue;
        used[a] = used[b] = i;
        hands[j][0] = a; hands[j][1] = b;
        break;
      }
    }
    full.length = board.length;
    while (full.length < 5) {
      const c = Math.floor(rnd() * 52);
      if (dead[c] || used[c] === i) continue;
      used[c] = i;
      full.push(c);
    }
    const mine = evaluate([...hole, ...full]);
    let best = true, ties = 1;
    for (const [a, b] of hands) {
      const theirs = evaluate([a, b, ...full]);
      if (theirs > mine) { best = false; break; }
      if (theirs === mine) ties++;
    }
    if (best) score += 1 / ties;
  }
  return score / samples;
}

// ---- decisions ----------------------------------------------------------------------------
function act(req) {
  const legal = Object.fromEntries(req.legal_actions.map((a) => [a.action, a]));
  const rnd = seededRandom(`${req.hand}|${req.street}|${req.hole_cards}|${req.history.length}|${req.you}`);
  const opponents = opponentsOf(req);
  const n = Math.max(1, opponents.length);
  const e = equity(req, opponents, req.street === 'preflop' ? PREFLOP_SAMPLES : POSTFLOP_SAMPLES, rnd);
  const rel = e * (n + 1); // 1 = our fair share of the pot against this many hands
  const bb = req.big_blind;
  const pot = req.pot;
  const toCall = req.to_call;
  const me = req.players[req.seat];
  const potOdds = toCall / (pot + toCall);
  const raise = (to) => legal.raise ? { action: 'raise', amount: Math.round(clamp(to, legal.raise.min, legal.raise.max)) } : passive();
  const passive = () => (legal.check ? { action: 'check' } : { action: 'call' });
  const giveUp = () => (legal.check ? { action: 'check' } : { action: 'fold' });
  // Last to act after the flop: the button, or the big blind heads-up before it.
  const inPosition = opponents.every((o) => {
    const seat = req.players.find((p) => p.id === o.id).seat;
    const k = req.players.length;
    return (seat - req.button - 1 + k) % k < (req.seat - req.button - 1 + k) % k;
  });

  if (req.street === 'preflop') {
    const raisedPot = req.current_bet > bb;
    if (!raisedPot) {
      // Steal more from players who fold to raises; the fewer players behind, the more.
      const preFolds = opponents.reduce((m, o) => m * foldToRaise(o.id), 1);
      const openAt = (inPosition ? 1.05 : 1.2) - (preFolds > 0.4 ? 0.35 * preFolds : 0);
      if (rel >= openAt) return raise(req.current_bet + (2 + 0.5 * n) * bb + (pot - 1.5 * bb));
      if (legal.check) return { action: 'check' };
      return rel >= 0.95 && toCall <= bb ? passive() : giveUp();
    }
    if (rel >= 1.55) return raise(3 * req.current_bet + (pot - req.current_bet - me.bet));
    return e >= potOdds + 0.04 ? passive() : giveUp();
  }

  // Against players who rarely fold, bluffs lose and thin value bets win; against folders, the reverse.
  const folds = opponents.reduce((m, o) => Math.min(m, foldRate(o.id)), 1);
  if (toCall === 0) {
    const valueAt = folds < 0.25 ? 1.15 : 1.3;
    if (rel >= valueAt) return raise(me.bet + pot * (e > 0.8 ? 0.9 : folds < 0.25 ? 0.8 : 0.6));
    // A semi-bluff or a stab when checked to, mostly in position, more against folders.
    const stab = (inPosition ? 0.3 : 0.12) * folds * 3;
    if (n === 1 && req.street !== 'river' && rnd() < stab) return raise(me.bet + pot * 0.5);
    if (n === 1 && req.street === 'river' && e < 0.25 && rnd() < stab * 0.7) return raise(me.bet + pot * 0.7);
    return { action: 'check' };
  }
  if (rel >= 1.6 && e > 0.7) return raise(req.current_bet + (pot + toCall) * 0.8);
  // Drawing streets keep some implied value; the river does not.
  const margin = req.street === 'river' ? 0.02 : -0.02;
  return e >= potOdds + margin ? passive() : giveUp();
}

// ---- protocol -----------------------------------------------------------------------------
const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  if (!line.trim()) return;
  let msg;
  try {
    msg = JSON.parse(line);
  } catch {
    process.stderr.write(`ignoring a line that is not JSON: ${line.slice(0, 80)}\n`);
    return;
  }
  if (msg.type === 'act') {
    let reply;
    try {
      reply = act(msg);
    } catch (err) {
      process.stderr.write(`${err && err.stack}\n`);
      reply = msg.legal_actions.some((a) => a.action === 'check') ? { action: 'check' } : { action: 'fold' };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  } else if (msg.type === 'hand_end') {
    learn(msg);
  }
});
