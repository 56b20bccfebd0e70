// Rule-based poker bot (a middle rung): a preflop chart by hand tier and seat, then after the
// flop a read of what the hand is — made hand (category, and whether the hole cards make it)
// plus draws counted as outs (4 per card to come for 9 outs is the "rule of 2 and 4") — turned
// into a rough equity and played against the pot odds: bet two thirds of the pot for value,
// semi-bluff big draws when checked to, call when the price is right, fold the rest. No
// simulation and no opponent model. Deterministic. CommonJS, no dependencies (Node 18).
// Protocol: one JSON message per stdin line; reply to "act" with one {"action", "amount"?} line.
'use strict';
const readline = require('node:readline');

const RANKS = '23456789TJQKA';
const card = (s) => ({ rank: RANKS.indexOf(s[0]), suit: s[1] });

/** Preflop tier, 1 (best) to 5 (trash): pairs by rank, then high cards, suitedness, gap. */
function tier([a, b]) {
  const hi = Math.max(a.rank, b.rank), lo = Math.min(a.rank, b.rank);
  const suited = a.suit === b.suit;
  if (hi === lo) return hi >= 10 ? 1 : hi >= 7 ? 2 : hi >= 4 ? 3 : 4;
  if (hi === 12 && lo >= 11) return 1; // A-K
  if (hi === 12 && lo >= 9) return suited ? 2 : 3; // A-Q, A-J
  if (lo >= 9) return suited ? 2 : 3; // two broadway cards
  if (hi === 12) return suited ? 3 : 4; // any ace
  if (suited && hi - lo <= 2 && lo >= 3) return 4; // suited connectors
  return hi - lo <= 1 && lo >= 6 ? 4 : 5;
}

/** Whether five of these ranks run in a row (the ace also plays low, in A-2-3-4-5). */
function straight(ranks) {
  const has = new Set(ranks);
  if (has.has(12)) has.add(-1);
  for (let top = 12; top >= 3; top--) {
    let k = 0;
    while (k < 5 && has.has(top - k)) k++;
    if (k === 5) return true;
  }
  return false;
}

/** Made-hand category of some cards: 0 high card, 1 pair, 2 two pair, 3 trips, 4 straight,
 *  5 flush, 6 full house, 7 quads, 8 straight flush (kickers are not ranked: rules, not showdown). */
function category(cards) {
  const counts = new Array(13).fill(0);
  const bySuit = {};
  for (const c of cards) {
    counts[c.rank]++;
    (bySuit[c.suit] ??= []).push(c.rank);
  }
  const flushSuit = Object.values(bySuit).find((r) => r.length >= 5);
  if (flushSuit && straight(flushSuit)) return 8;
  const sorted = counts.filter((n) => n > 0).sort((x, y) => y - x);
  if (sorted[0] === 4) return 7;
  if (sorted[0] === 3 && sorted[1] >= 2) return 6;
  if (flushSuit) return 5;
  if (straight(cards.map((c) => c.rank))) return 4;
  if (sorted[0] === 3) return 3;
  if (sorted[0] === 2 && sorted[1] === 2) return 2;
  return sorted[0] === 2 ? 1 : 0;
}

/** Cards that would complete a flush or a straight draw the hole cards take part in. */
function outs(hole, board) {
  const all = [...hole, ...board];
  const flushDraw = hole.some((h) => all.filter((c) => c.suit === h.suit).length === 4);
  const ranks = all.map((c) => c.rank);
  const boardRanks = board.map((c) => c.rank);
  let straightOuts = 0;
  if (!straight(ranks)) {
    for (let r = 0; r < 13; r++) {
      if (!ranks.includes(r) && straight([...ranks, r]) && !straight([...boardRanks, r])) straightOuts += 4;
    }
  }
  return (flushDraw ? 9 : 0) + Math.min(straightOuts, 8);
}

/** Rough share of the pot the hand wins against one opponent. */
function equity(hole, board) {
  const made = category([...hole, ...board]);
  const boardMade = category(board);
  const top = Math.max(...board.map((c) => c.rank));
  let e;
  if (made >= 4 && made > boardMade) e = 0.9;
  else if (made === 3 && made > boardMade) e = 0.85;
  else if (made === 2 && boardMade < 2) e = 0.8;
  else if (made >= 1 && made > boardMade) {
    const pair = hole[0].rank === hole[1].rank ? hole[0].rank : hole.find((h) => board.some((b) => b.rank === h.rank))?.rank ?? -1;
    e = pair > top ? 0.8 : pair === top ? 0.68 : 0.45;
  } else e = Math.max(...hole.map((h) => h.rank)) >= 11 ? 0.25 : 0.15;
  const toCome = 5 - board.length;
  return Math.min(0.95, e + ((1 - e) * outs(hole, board) * 2 * toCome) / 100);
}

function act(req) {
  const legal = Object.fromEntries(req.legal_actions.map((a) => [a.action, a]));
  const passive = () => (legal.check ? { action: 'check' } : { action: 'call' });
  const giveUp = () => (legal.check ? { action: 'check' } : { action: 'fold' });
  const raiseTo = (to) =>
    legal.raise ? { action: 'raise', amount: Math.round(Math.min(legal.raise.max, Math.max(legal.raise.min, to))) } : passive();
  const hole = req.hole_cards.map(card);
  const board = req.board.map(card);
  const bb = req.big_blind;
  const opponents = req.players.filter((p) => p.id !== req.you && !p.folded).length;
  const toCall = req.to_call;

  if (req.street === 'preflop') {
    const t = tier(hole);
    const raised = req.current_bet > bb;
    // Heads-up every hand is a blind battle: open wide. Late seats open wider than early ones.
    const late = ['BTN', 'CO', 'SB'].includes(req.players[req.seat].position);
    const openTier = req.players.length === 2 ? 4 : late ? 3 : 2;
    if (!raised) {
      if (t <= openTier) return raiseTo(3 * bb + (opponents - 1) * bb);
      if (t <= 4 && toCall <= bb) return passive();
      return giveUp();
    }
    if (t === 1) return raiseTo(3 * req.current_bet);
    if (t === 2) return passive(); // strong enough to call even a shove from a wide range
    // A shove comes from a wide range: middling pairs and big cards are ahead of it often enough.
    if (t === 3 && (toCall <= 4 * bb || legal.call?.amount >= req.starting_stack / 2)) return passive();
    return giveUp();
  }

  // More opponents means a made hand is more often beaten.
  const e = Math.pow(equity(hole, board), Math.max(1, opponents) ** 0.6);
  const pot = req.pot;
  if (e >= 0.65) return raiseTo(req.current_bet + (pot + toCall) * 0.66);
  if (toCall === 0) {
    const draw = outs(hole, board) >= 8 && board.length < 5;
    return draw && opponents === 1 ? raiseTo(pot * 0.5) : { action: 'check' };
  }
  return e >= toCall / (pot + toCall) ? passive() : giveUp();
}

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
  if (msg.type !== 'act') return;
  let reply;
  try {
    reply = act(msg);
  } catch (err) {
    process.stderr.write(`${err && err.stack}\n`);
    reply = msg.legal_actions.some((a) => a.action === 'check') ? { action: 'check' } : { action: 'fold' };
  }
  process.stdout.write(`${JSON.stringify(reply)}\n`);
});
