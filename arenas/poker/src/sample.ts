// A random legal reply to an act request, as a bot would write it: whole games in-process for
// the tests and the conformance suite. Folds rarely so hands reach showdowns and side pots.
import type { Rng } from '@codearena/protocol';
import type { ActRequest, LegalAction } from './api.ts';

export function sampleMove(observation: unknown, rng: Rng): unknown {
  const legal = (observation as ActRequest | null)?.legal_actions;
  if (!Array.isArray(legal) || legal.length === 0) return { action: 'fold' };
  const pick = (a: LegalAction['action']) => legal.find((l) => l.action === a);
  const roll = rng.next();
  const raise = pick('raise');
  if (raise && raise.action === 'raise' && roll < 0.25) {
    // Mostly small raises, sometimes all-in.
    const amount = rng.next() < 0.15 ? raise.max : raise.min + Math.floor((raise.max - raise.min) * rng.next() ** 3);
    return { action: 'raise', amount };
  }
  if (roll < 0.35 && pick('call')) return { action: 'fold' };
  return { action: pick('check') ? 'check' : 'call' };
}
