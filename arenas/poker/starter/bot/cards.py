"""Cards, a 7-card hand evaluator and Monte Carlo win probability.

A card is an int: rank * 4 + suit, rank 0..12 for 2..A, suit 0..3 for s h d c.
"""
RANKS = "23456789TJQKA"
SUITS = "shdc"
DECK = list(range(52))

# Hand categories, higher is better.
HIGH_CARD, PAIR, TWO_PAIR, TRIPS, STRAIGHT, FLUSH, FULL_HOUSE, QUADS, STRAIGHT_FLUSH = range(9)


def parse(card):
    """'As' -> 50."""
    return RANKS.index(card[0]) * 4 + SUITS.index(card[1])


def name(card):
    return RANKS[card >> 2] + SUITS[card & 3]


def straight_high(rank_set):
    """Highest straight's top rank in a set of ranks, 3 for the wheel (A-2-3-4-5), -1 if none."""
    for top in range(12, 3, -1):
        if all(top - i in rank_set for i in range(5)):
            return top
    if {12, 0, 1, 2, 3} <= rank_set:
        return 3
    return -1


def evaluate(cards):
    """Value of the best five of 5-7 cards, as a tuple: compare with <, >, ==."""
    counts = [0] * 13
    suit_cards = ([], [], [], [])
    for c in cards:
        counts[c >> 2] += 1
        suit_cards[c & 3].append(c >> 2)
    for ranks in suit_cards:
        if len(ranks) >= 5:
            top = straight_high(set(ranks))
            if top >= 0:
                return (STRAIGHT_FLUSH, top)
            flush = tuple(sorted(ranks, reverse=True)[:5])
            break
    else:
        flush = None
    # (count, rank) for every rank present, most copies first, then highest.
    groups = sorted(((n, r) for r, n in enumerate(counts) if n), reverse=True)
    (n1, r1), rest = groups[0], groups[1:]
    if n1 == 4:
        return (QUADS, r1, max(r for _, r in rest))
    if n1 == 3 and rest and rest[0][0] >= 2:
        return (FULL_HOUSE, r1, rest[0][1])
    if flush:
        return (FLUSH,) + flush
    top = straight_high({r for _, r in groups})
    if top >= 0:
        return (STRAIGHT, top)
    if n1 == 3:
        return (TRIPS, r1) + tuple(sorted((r for _, r in rest), reverse=True)[:2])
    if n1 == 2 and rest[0][0] == 2:
        r2 = rest[0][1]
        return (TWO_PAIR, r1, r2, max(r for _, r in rest[1:]))
    if n1 == 2:
        return (PAIR, r1) + tuple(sorted((r for _, r in rest), reverse=True)[:3])
    return (HIGH_CARD,) + tuple(sorted((r for _, r in groups), reverse=True)[:5])


def win_probability(hole, board, opponents, samples, rng):
    """Share of random deals we win (ties count as a share) against `opponents` random hands."""
    known = set(hole) | set(board)
    deck = [c for c in DECK if c not in known]
    need = 5 - len(board)
    score = 0.0
    for _ in range(samples):
        drawn = rng.sample(deck, need + 2 * opponents)
        full_board = board + drawn[:need]
        mine = evaluate(hole + full_board)
        best, ties = True, 1
        for i in range(opponents):
            theirs = evaluate(drawn[need + 2 * i: need + 2 * i + 2] + full_board)
            if theirs > mine:
                best = False
                break
            if theirs == mine:
                ties += 1
        if best:
            score += 1.0 / ties
    return score / samples
