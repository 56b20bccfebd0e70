package codearena.robocode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import robocode.BattleResults;
import robocode.control.BattleSpecification;
import robocode.control.BattlefieldSpecification;
import robocode.control.RobocodeEngine;
import robocode.control.RobotSpecification;
import robocode.control.events.BattleAdaptor;
import robocode.control.events.BattleCompletedEvent;
import robocode.control.events.BattleErrorEvent;
import robocode.control.events.BattleMessageEvent;
import robocode.control.events.RoundEndedEvent;
import robocode.control.events.RoundStartedEvent;
import robocode.control.events.TurnEndedEvent;
import robocode.control.snapshot.BulletState;
import robocode.control.snapshot.IBulletSnapshot;
import robocode.control.snapshot.IRobotSnapshot;
import robocode.control.snapshot.ITurnSnapshot;

/**
 * Plays battles on one RobocodeEngine and turns what the engine reports into protocol lines:
 * frames while it runs, faults of seats (by robot name in the engine's messages), the result.
 * One listener for the engine's whole life; `play` is called for one battle at a time.
 */
final class Battle extends BattleAdaptor {
  /** Battle options (the sim request's args). */
  record Args(int width, int height, int rounds, double gunCoolingRate, long inactivityTime, boolean hideEnemyNames) {
    static final Args DEFAULT = new Args(800, 600, 10, 0.1, 450, false);
  }

  /** One seat's result, in the fields of the wire protocol. */
  record Seat(int score, int survival, int lastSurvivorBonus, int bulletDamage, int bulletDamageBonus, int ramDamage,
      int ramDamageBonus, int firsts, int seconds, int thirds, int skippedTurns) {
    static final Seat ZERO = new Seat(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    String json() {
      return "{\"score\":" + score + ",\"survival\":" + survival + ",\"lastSurvivorBonus\":" + lastSurvivorBonus
          + ",\"bulletDamage\":" + bulletDamage + ",\"bulletDamageBonus\":" + bulletDamageBonus + ",\"ramDamage\":"
          + ramDamage + ",\"ramDamageBonus\":" + ramDamageBonus + ",\"firsts\":" + firsts + ",\"seconds\":" + seconds
          + ",\"thirds\":" + thirds + ",\"skippedTurns\":" + skippedTurns + "}";
    }
  }

  /** A fault of a seat: kind "crash" or "timeout". */
  record Fault(int seat, String kind, String detail) {}

  record Outcome(Seat[] seats, int turns, int rounds, boolean restart, List<Fault> faults, String error) {}

  private final RobocodeEngine engine;
  /** The battle being played (null between battles): listener callbacks run on the battle thread. */
  private volatile Running cur;

  Battle(RobocodeEngine engine) {
    this.engine = engine;
    engine.addBattleListener(this);
  }

  private static final class Running {
    final String sim;
    final int frameEvery;
    final int w, h;
    /** playing index (robot index in the battle) → seat */
    final int[] seatOf;
    final int seats;
    /** robot names in the battle, longest first, with their playing index: messages name robots */
    final List<Map.Entry<String, Integer>> names = new ArrayList<>();
    final Map<String, Fault> faults = new LinkedHashMap<>();
    final double[] base;
    /** Turns each robot (playing index) skipped: over its time budget, so load-dependent. */
    final int[] skipped;
    String pendingDetail = "";
    boolean banned;
    int turns, rounds;
    ITurnSnapshot last;
    boolean lastSent;
    BattleResults[] results;

    Running(String sim, int frameEvery, int w, int h, int[] seatOf, int seats) {
      this.sim = sim;
      this.frameEvery = frameEvery;
      this.w = w;
      this.h = h;
      this.seatOf = seatOf;
      this.seats = seats;
      this.base = new double[seatOf.length];
      this.skipped = new int[seatOf.length];
    }
  }

  /**
   * Plays one battle. seatSelectors[i] is seat i's robot ("<class> <token>*", or a sample's
   * class name); a seat whose robot the repository no longer returns (banned earlier in this
   * JVM) scores 0 with a crash fault. Frames (frameEvery > 0) and faults are emitted when `sim`
   * is not null.
   */
  Outcome play(String sim, long seed, String[] seatSelectors, int frameEvery, Args a) {
    int n = seatSelectors.length;
    List<RobotSpecification> specs = new ArrayList<>();
    List<Integer> seatOf = new ArrayList<>();
    List<Fault> missing = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      RobotSpecification[] found = engine.getLocalRepository(seatSelectors[s]);
      if (found.length == 1) {
        specs.add(found[0]);
        seatOf.add(s);
      } else {
        missing.add(new Fault(s, "crash", "robot " + seatSelectors[s].replace("*", "")
            + " cannot be loaded: it was banned earlier in this engine (a security violation); restart the engine"));
      }
    }
    if (sim != null) for (Fault f : missing) Out.line(faultJson(sim, f));
    Seat[] out = new Seat[n];
    Arrays.fill(out, Seat.ZERO);
    if (specs.isEmpty()) return new Outcome(out, 0, 0, true, missing, null);
    Running r = new Running(sim, frameEvery, a.width(), a.height(), seatOf.stream().mapToInt(Integer::intValue).toArray(), n);
    // Equal names get " (1)", " (2)" in the battle, in playing order.
    Map<String, Integer> count = new LinkedHashMap<>();
    for (RobotSpecification sp : specs) count.merge(battleName(sp), 1, Integer::sum);
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int k = 0; k < specs.size(); k++) {
      String nv = battleName(specs.get(k));
      String name = count.get(nv) > 1 ? nv + " (" + seen.merge(nv, 1, Integer::sum) + ")" : nv;
      r.names.add(Map.entry(name, k));
    }
    r.names.sort((x, y) -> y.getKey().length() - x.getKey().length());
    BattleSpecification spec = new BattleSpecification(new BattlefieldSpecification(a.width(), a.height()), a.rounds(),
        a.inactivityTime(), a.gunCoolingRate(), 50, a.hideEnemyNames(), specs.toArray(new RobotSpecification[0]), null);
    // Read by the engine at the start of every battle: start positions and Utils.getRandom().
    System.setProperty("RANDOMSEED", Long.toString(seed));
    cur = r;
    try {
      engine.runBattle(spec, true);
    } finally {
      cur = null;
    }
    List<Fault> faults = new ArrayList<>(missing);
    faults.addAll(r.faults.values());
    faults.sort((x, y) -> x.seat() - y.seat());
    if (r.results == null)
      return new Outcome(out, r.turns, r.rounds, r.banned || !missing.isEmpty(), faults, "the engine did not complete the battle");
    for (int k = 0; k < r.results.length && k < r.seatOf.length; k++) {
      BattleResults b = r.results[k];
      out[r.seatOf[k]] = new Seat(b.getScore(), b.getSurvival(), b.getLastSurvivorBonus(), b.getBulletDamage(),
          b.getBulletDamageBonus(), b.getRamDamage(), b.getRamDamageBonus(), b.getFirsts(), b.getSeconds(), b.getThirds(),
          r.skipped[k]);
    }
    return new Outcome(out, r.turns, r.rounds, r.banned || !missing.isEmpty(), faults, null);
  }

  /** How the engine's messages name a robot: "pkg.Cls version*" (* = a development-path robot). */
  static String battleName(RobotSpecification sp) {
    String name = sp.getName();
    boolean dev = name.endsWith("*");
    if (dev) name = name.substring(0, name.length() - 1);
    String v = sp.getVersion();
    return name + (v == null || v.isEmpty() ? "" : " " + v) + (dev ? "*" : "");
  }

  static String resultJson(String sim, Outcome o) {
    StringBuilder b = new StringBuilder("{\"type\":\"result\",\"sim\":").append(Json.q(sim)).append(",\"turns\":")
        .append(o.turns()).append(",\"rounds\":").append(o.rounds()).append(",\"restart\":").append(o.restart())
        .append(",\"seats\":[");
    for (int s = 0; s < o.seats().length; s++) b.append(s > 0 ? "," : "").append(o.seats()[s].json());
    return b.append("]}").toString();
  }

  static String faultJson(String sim, Fault f) {
    return "{\"type\":\"fault\",\"sim\":" + Json.q(sim) + ",\"seat\":" + f.seat() + ",\"kind\":\"" + f.kind()
        + "\",\"detail\":" + Json.q(f.detail()) + "}";
  }

  // --- listener (battle thread) -------------------------------------------------------------

  @Override
  public void onRoundStarted(RoundStartedEvent e) {
    Running r = cur;
    if (r == null) return;
    r.lastSent = true;
    for (IRobotSnapshot rs : e.getStartSnapshot().getRobots()) {
      int k = rs.getRobotIndex();
      if (k >= 0 && k < r.base.length) r.base[k] = rs.getScoreSnapshot().getTotalScore();
    }
  }

  @Override
  public void onTurnEnded(TurnEndedEvent e) {
    Running r = cur;
    if (r == null) return;
    r.turns++;
    ITurnSnapshot s = e.getTurnSnapshot();
    countSkipped(r, s);
    if (r.frameEvery <= 0 || r.sim == null) return;
    if (s.getTurn() % r.frameEvery == 0) {
      Out.line(frame(r, s));
      r.lastSent = true;
    } else {
      r.last = s;
      r.lastSent = false;
    }
  }

  @Override
  public void onRoundEnded(RoundEndedEvent e) {
    Running r = cur;
    if (r == null) return;
    r.rounds++;
    if (!r.lastSent && r.last != null) Out.line(frame(r, r.last));
    r.last = null;
    r.lastSent = true;
  }

  @Override
  public void onBattleCompleted(BattleCompletedEvent e) {
    Running r = cur;
    if (r != null) r.results = e.getIndexedResults();
  }

  @Override
  public void onBattleMessage(BattleMessageEvent e) {
    classify(e.getMessage());
  }

  @Override
  public void onBattleError(BattleErrorEvent e) {
    classify(e.getError());
  }

  /** The engine reports robot trouble only as text naming the robot, several robots' lines in
   *  one message at times: each line is mapped to the seat it names. */
  private void classify(String text) {
    if (text == null) return;
    System.err.println("[engine] " + text); // the engine's own words, for whoever reads stderr
    for (String line : text.split("\\R")) classifyLine(line);
  }

  private void classifyLine(String text) {
    Running r = cur;
    text = text.replaceFirst("^[.\\s]+", "").strip(); // progress dots the engine prints before a message
    if (text.isEmpty()) return;
    if (r == null) return;
    String kind = null;
    if (text.contains("has caused a security violation") || text.contains("has been banned")) {
      kind = "crash";
      r.banned = true;
    } else if (text.contains("is not stopping") || text.contains("cannot be stopped")) kind = "timeout";
    else if (text.contains("OutOfMemoryError") || text.contains("StackOverflowError")) kind = "crash";
    int k = robotNamed(r, text);
    if (k < 0) {
      // e.g. "Robots are only allowed to create up to 5 threads!": the ban message naming the
      // robot follows; keep the cause for it.
      if (text.startsWith("Preventing") || text.contains("allowed")) r.pendingDetail = text;
      return;
    }
    if (text.startsWith("Preventing ")) {
      r.pendingDetail = text;
      return;
    }
    if (kind == null) return;
    int seat = r.seatOf[k];
    String key = seat + "/" + kind;
    String detail = r.pendingDetail.isEmpty() ? text : r.pendingDetail + "\n" + text;
    r.pendingDetail = "";
    Fault old = r.faults.get(key);
    if (old != null) detail = old.detail().length() > 1500 ? old.detail() : old.detail() + "\n" + detail;
    r.faults.put(key, new Fault(seat, kind, Build.cap(detail)));
    if (r.sim != null && old == null) Out.line(faultJson(r.sim, r.faults.get(key)));
  }

  /** Robocode tells a robot that it skipped a turn only in the robot's own output
   *  ("SYSTEM: <name> skipped turn <n>"): counted here, so a result shows when timing, not the
   *  seed alone, shaped a battle. */
  private static void countSkipped(Running r, ITurnSnapshot s) {
    for (IRobotSnapshot rs : s.getRobots()) {
      String out = rs.getOutputStreamSnapshot();
      int k = rs.getRobotIndex();
      if (out == null || out.isEmpty() || k < 0 || k >= r.skipped.length) continue;
      for (int i = out.indexOf("SYSTEM: "); i >= 0; i = out.indexOf("SYSTEM: ", i + 1)) {
        int end = out.indexOf('\n', i);
        if (out.substring(i, end < 0 ? out.length() : end).contains(" skipped turn ")) r.skipped[k]++;
      }
    }
  }

  private static int robotNamed(Running r, String text) {
    for (Map.Entry<String, Integer> n : r.names) if (text.contains(n.getKey())) return n.getValue();
    return -1;
  }

  private static String frame(Running r, ITurnSnapshot s) {
    IRobotSnapshot[] robots = s.getRobots();
    String[] bySeat = new String[r.seats];
    for (IRobotSnapshot rs : robots) {
      int k = rs.getRobotIndex();
      if (k < 0 || k >= r.seatOf.length) continue;
      double score = r.base[k] + rs.getScoreSnapshot().getCurrentScore();
      bySeat[r.seatOf[k]] = "[" + Json.num(rs.getX(), 1) + "," + Json.num(rs.getY(), 1) + ","
          + Json.num(rs.getBodyHeading(), 3) + "," + Json.num(rs.getGunHeading(), 3) + ","
          + Json.num(rs.getRadarHeading(), 3) + "," + Json.num(rs.getEnergy(), 1) + "," + Json.num(score, 1) + ","
          + (rs.getState().isAlive() ? 1 : 0) + "]";
    }
    StringBuilder b = new StringBuilder(256).append("{\"type\":\"frame\",\"sim\":").append(Json.q(r.sim))
        .append(",\"frame\":{\"round\":").append(s.getRound()).append(",\"turn\":").append(s.getTurn())
        .append(",\"w\":").append(r.w).append(",\"h\":").append(r.h).append(",\"robots\":[");
    for (int seat = 0; seat < r.seats; seat++) {
      // A seat not in the battle (its robot was banned earlier) is drawn dead at the origin.
      b.append(seat > 0 ? "," : "").append(bySeat[seat] != null ? bySeat[seat] : "[0,0,0,0,0,0,0,0]");
    }
    b.append("],\"bullets\":[");
    boolean first = true;
    for (IBulletSnapshot bl : s.getBullets()) {
      BulletState st = bl.getState();
      if (bl.isExplosion() || st == BulletState.INACTIVE || st == BulletState.EXPLODED) continue;
      int owner = bl.getOwnerIndex();
      int hit = st == BulletState.HIT_VICTIM || st == BulletState.HIT_BULLET || st == BulletState.HIT_WALL ? 1 : 0;
      if (hit == 1 && bl.getFrame() > 0) continue; // the explosion's later animation frames
      b.append(first ? "" : ",").append('[').append(Json.num(bl.getX(), 1)).append(',').append(Json.num(bl.getY(), 1))
          .append(',').append(Json.num(bl.getPower(), 1)).append(',')
          .append(owner >= 0 && owner < r.seatOf.length ? r.seatOf[owner] : -1).append(',').append(hit).append(']');
      first = false;
    }
    return b.append("]}}").toString();
  }
}
