package codearena.robocode;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import robocode.control.RobocodeEngine;

/**
 * `battle` mode, for agents inside their workspace: DIR against reference bots, other codebases
 * or Robocode samples, with a readable table (or JSON lines with --json). Exit 0 when the
 * battles were played, 1 when DIR or an opponent does not build, 2 on bad arguments.
 */
final class Cli {
  static final String BOTS = Main.HOME + "/bots";

  private record Entrant(String label, File dir, String sample) {}

  private Cli() {}

  static int run(File wd, String[] args) throws IOException {
    List<String> pos = new ArrayList<>();
    int rounds = 10, width = 800, height = 600;
    long seed = 1;
    boolean json = false;
    try {
      for (int k = 0; k < args.length; k++) {
        String a = args[k];
        switch (a) {
          case "--json" -> json = true;
          case "--rounds" -> rounds = (int) Engine.integer(num(args, ++k), "--rounds", 1, 10000);
          case "--seed" -> seed = Engine.integer(num(args, ++k), "--seed", -(1L << 53), 1L << 53);
          case "--width" -> width = (int) Engine.integer(num(args, ++k), "--width", 400, 5000);
          case "--height" -> height = (int) Engine.integer(num(args, ++k), "--height", 400, 5000);
          default -> {
            if (a.startsWith("--")) throw new Engine.BadRequest("unknown option " + a);
            pos.add(a);
          }
        }
      }
      if (pos.isEmpty()) throw new Engine.BadRequest("give the codebase directory to play, e.g. codearena-robocode battle .");
    } catch (Engine.BadRequest e) {
      System.err.println("codearena-robocode battle: " + e.getMessage()
          + "\nusage: codearena-robocode battle DIR [OPPONENT ...] [--rounds N] [--seed S] [--width W --height H] [--json]\n"
          + "  OPPONENT: a codebase directory, a reference bot (" + String.join(", ", refBots()) + ") or a sample (sample.Walls)");
      return 2;
    }
    List<Entrant> opponents = new ArrayList<>();
    for (String o : pos.subList(1, pos.size())) {
      File ref = new File(BOTS, o);
      if (o.matches("sample\\.[A-Za-z0-9_]+")) opponents.add(new Entrant(o, null, o));
      else if (new File(o).isDirectory()) opponents.add(new Entrant(o, new File(o), null));
      else if (o.matches("[A-Za-z0-9_-]+") && ref.isDirectory()) opponents.add(new Entrant(o, ref, null));
      else {
        System.err.println("codearena-robocode battle: unknown opponent " + o + "; give a codebase directory, a reference bot ("
            + String.join(", ", refBots()) + ") or a Robocode sample (sample.Walls, sample.Tracker, ...)");
        return 2;
      }
    }
    boolean eachRef = opponents.isEmpty();
    if (eachRef) for (String r : refBots()) opponents.add(new Entrant(r, new File(BOTS, r), null));
    List<Entrant> all = new ArrayList<>();
    all.add(new Entrant("yours", new File(pos.get(0)), null));
    all.addAll(opponents);
    // Build every codebase once; tokens b0, b1, ... keep equal class names apart.
    String[] selectors = new String[all.size()];
    List<File> dirs = new ArrayList<>();
    List<String> robots = new ArrayList<>();
    for (int k = 0; k < all.size(); k++) {
      Entrant e = all.get(k);
      if (e.sample() != null) {
        selectors[k] = e.sample();
        robots.add(e.sample());
        continue;
      }
      File out = new File(wd, "players/b" + k);
      Build.Result b = Build.build(e.dir(), "b" + k, out);
      if (!b.ok()) {
        System.err.println((k == 0 ? "your robot (" + e.dir() + ")" : e.label()) + " does not build:\n" + b.detail());
        return 1;
      }
      selectors[k] = b.selector();
      robots.add(b.robot());
      dirs.add(out);
    }
    RobocodeEngine engine = Main.startEngine(wd, dirs);
    Battle battle = new Battle(engine);
    Battle.Args a = new Battle.Args(width, height, rounds, 0.1, 450, false);
    List<int[]> battles = new ArrayList<>();
    if (eachRef) for (int k = 1; k < all.size(); k++) battles.add(new int[] {0, k});
    else {
      int[] every = new int[all.size()];
      Arrays.setAll(every, k -> k);
      battles.add(every);
    }
    for (int[] seats : battles) {
      String[] sel = Arrays.stream(seats).mapToObj(k -> selectors[k]).toArray(String[]::new);
      Battle.Outcome o = battle.play(null, seed, sel, 0, a);
      String[] labels = Arrays.stream(seats).mapToObj(k -> all.get(k).label() + " (" + robots.get(k) + ")").toArray(String[]::new);
      if (json) printJson(labels, seed, a, o);
      else printTable(labels, seed, a, o);
    }
    engine.close();
    return 0;
  }

  private static Object num(String[] args, int k) throws Engine.BadRequest {
    if (k >= args.length) throw new Engine.BadRequest(args[k - 1] + " needs a number");
    try {
      return Double.valueOf(args[k]);
    } catch (NumberFormatException e) {
      throw new Engine.BadRequest(args[k - 1] + " needs a number, not " + args[k]);
    }
  }

  static List<String> refBots() {
    String[] names = new File(BOTS).list();
    if (names == null) return List.of();
    List<String> l = new ArrayList<>(Arrays.asList(names));
    l.removeIf(n -> !new File(BOTS, n + "/robot.json").isFile());
    l.sort(null);
    return l;
  }

  /** Ranks as codearena does: score, then firsts (Robocode's own getRank() is not reliable). */
  private static Integer[] order(Battle.Seat[] seats) {
    Integer[] idx = new Integer[seats.length];
    Arrays.setAll(idx, k -> k);
    Arrays.sort(idx, Comparator.<Integer>comparingInt(k -> -seats[k].score()).thenComparingInt(k -> -seats[k].firsts()));
    return idx;
  }

  private static void printTable(String[] labels, long seed, Battle.Args a, Battle.Outcome o) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%d rounds, %dx%d, seed %d, %d turns%n", o.rounds(), a.width(), a.height(), seed, o.turns()));
    int w = Math.max(5, Arrays.stream(labels).mapToInt(String::length).max().orElse(5));
    b.append(String.format("%-4s  %-" + w + "s  %6s  %8s  %10s  %6s%n", "rank", "robot", "score", "survival", "bullet dmg", "firsts"));
    Integer[] idx = order(o.seats());
    for (int r = 0; r < idx.length; r++) {
      Battle.Seat s = o.seats()[idx[r]];
      b.append(String.format("%-4d  %-" + w + "s  %6d  %8d  %10d  %6d%n", r + 1, labels[idx[r]], s.score(), s.survival(),
          s.bulletDamage(), s.firsts()));
    }
    for (Battle.Fault f : o.faults()) b.append(String.format("fault of %s (%s): %s%n", labels[f.seat()], f.kind(), f.detail()));
    if (o.error() != null) b.append("error: ").append(o.error()).append('\n');
    Out.line(b.toString());
  }

  private static void printJson(String[] labels, long seed, Battle.Args a, Battle.Outcome o) {
    StringBuilder b = new StringBuilder("{\"type\":\"battle\",\"seed\":").append(seed).append(",\"width\":").append(a.width())
        .append(",\"height\":").append(a.height()).append(",\"robots\":[");
    for (int k = 0; k < labels.length; k++) b.append(k > 0 ? "," : "").append(Json.q(labels[k]));
    b.append("],\"result\":").append(Battle.resultJson("battle", o)).append(",\"faults\":[");
    for (int k = 0; k < o.faults().size(); k++) b.append(k > 0 ? "," : "").append(Battle.faultJson("battle", o.faults().get(k)));
    b.append("]");
    if (o.error() != null) b.append(",\"error\":").append(Json.q(o.error()));
    Out.line(b.append('}').toString());
  }
}
