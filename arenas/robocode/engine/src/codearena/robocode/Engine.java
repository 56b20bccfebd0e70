package codearena.robocode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import robocode.control.RobocodeEngine;

/**
 * `engine` mode: builds every --player, says `ready`, then plays one sim per request line until
 * `quit` or end of input. A bad request gets an `error` line and the engine goes on.
 */
final class Engine {
  static final int MAX_LINE = 64 * 1024;
  static final int MAX_SEATS = 64;
  private static final Set<String> ARG_KEYS =
      Set.of("width", "height", "rounds", "gunCoolingRate", "inactivityTime", "hideEnemyNames");

  static final class BadRequest extends Exception {
    BadRequest(String message) {
      super(message);
    }
  }

  private Engine() {}

  static int run(File wd, String[] args) throws IOException {
    Map<String, File> players = new LinkedHashMap<>();
    for (int k = 0; k < args.length; k++) {
      String a = args[k];
      String v = a.equals("--player") && k + 1 < args.length ? args[++k] : a.startsWith("--player=") ? a.substring(9) : null;
      int eq = v == null ? -1 : v.indexOf('=');
      if (eq <= 0 || !v.substring(0, eq).matches("[A-Za-z0-9_.-]{1,64}") || players.containsKey(v.substring(0, eq))) {
        System.err.println("usage: codearena-robocode engine --player ID=DIR [--player ID=DIR ...] (unique ids of letters, digits, _ . -); bad: " + a);
        return 2;
      }
      players.put(v.substring(0, eq), new File(v.substring(eq + 1)));
    }
    Map<String, Build.Result> built = new LinkedHashMap<>();
    List<File> dirs = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, File> p : players.entrySet()) {
      File out = new File(wd, "players/s" + i);
      Build.Result b = Build.build(p.getValue(), "s" + i, out);
      built.put(p.getKey(), b);
      if (b.ok()) dirs.add(out);
      i++;
    }
    RobocodeEngine engine = Main.startEngine(wd, dirs);
    StringBuilder ready = new StringBuilder("{\"type\":\"ready\",\"players\":[");
    boolean first = true;
    for (Map.Entry<String, Build.Result> e : built.entrySet()) {
      Build.Result b = Main.accepted(engine, e.getValue());
      e.setValue(b);
      ready.append(first ? "" : ",").append("{\"id\":").append(Json.q(e.getKey())).append(",\"ok\":").append(b.ok())
          .append(",\"robot\":").append(Json.q(b.robot())).append(",\"detail\":").append(Json.q(b.detail())).append('}');
      first = false;
    }
    Out.line(ready.append("],\"ms\":").append(Main.uptimeMs()).append('}').toString());
    Battle battle = new Battle(engine);
    InputStream in = new BufferedInputStream(System.in);
    for (;;) {
      String line;
      try {
        line = readLine(in);
      } catch (BadRequest e) {
        Out.line(error("", e.getMessage()));
        continue;
      }
      if (line == null) break;
      if (line.isBlank()) continue;
      String sim = "";
      try {
        Object o = Json.parse(line);
        if (!(o instanceof Map<?, ?> req)) throw new BadRequest("a request must be a JSON object");
        if (req.get("sim") instanceof String s) sim = s;
        Object op = req.get("op");
        if ("quit".equals(op)) break;
        if (!"sim".equals(op)) throw new BadRequest("unknown op " + op + "; send {\"op\":\"sim\",...} or {\"op\":\"quit\"}");
        sim(battle, built, req);
      } catch (Json.Invalid e) {
        Out.line(error(sim, "request is not valid JSON: " + e.getMessage()));
      } catch (BadRequest e) {
        Out.line(error(sim, e.getMessage()));
      } catch (RuntimeException | Error e) {
        // An engine problem: say so and keep serving (the host restarts an engine that dies).
        Out.line(error(sim, "the engine failed: " + e));
      }
    }
    engine.close();
    return 0;
  }

  static String error(String sim, String detail) {
    return "{\"type\":\"error\",\"sim\":" + Json.q(sim) + ",\"detail\":" + Json.q(Build.cap(detail)) + "}";
  }

  /** One line of at most 64 KB (a longer one is skipped and refused); null at end of input. */
  static String readLine(InputStream in) throws IOException, BadRequest {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    boolean tooLong = false;
    for (;;) {
      int c = in.read();
      if (c < 0) {
        if (b.size() == 0 && !tooLong) return null;
        break;
      }
      if (c == '\n') break;
      if (b.size() >= MAX_LINE) tooLong = true;
      else b.write(c);
    }
    if (tooLong) throw new BadRequest("request line longer than 64 KB");
    return b.toString(StandardCharsets.UTF_8);
  }

  private static void sim(Battle battle, Map<String, Build.Result> built, Map<?, ?> req) throws BadRequest {
    for (Object k : req.keySet())
      if (!Set.of("op", "sim", "seed", "players", "frameEvery", "args").contains(k)) throw new BadRequest("unknown field " + k);
    if (!(req.get("sim") instanceof String sim) || sim.isEmpty() || sim.length() > 128)
      throw new BadRequest("sim must be a string of 1 to 128 characters");
    long seed = integer(req.get("seed"), "seed", -(1L << 53), 1L << 53);
    if (!(req.get("players") instanceof List<?> ps) || ps.isEmpty() || ps.size() > MAX_SEATS)
      throw new BadRequest("players must be an array of 1 to " + MAX_SEATS + " player ids");
    String[] selectors = new String[ps.size()];
    for (int s = 0; s < ps.size(); s++) {
      Build.Result b = ps.get(s) instanceof String id ? built.get(id) : null;
      if (b == null) throw new BadRequest("players[" + s + "]: unknown player " + ps.get(s) + "; known: " + built.keySet());
      if (!b.ok()) throw new BadRequest("players[" + s + "]: player " + ps.get(s) + " was not built (ready said ok:false)");
      selectors[s] = b.selector();
    }
    int frameEvery = req.containsKey("frameEvery") ? (int) integer(req.get("frameEvery"), "frameEvery", 0, 100000) : 0;
    Battle.Args a = args(req.get("args"));
    Battle.Outcome o = battle.play(sim, seed, selectors, frameEvery, a);
    if (o.error() != null) Out.line(error(sim, o.error()));
    else Out.line(Battle.resultJson(sim, o));
  }

  static Battle.Args args(Object raw) throws BadRequest {
    Battle.Args d = Battle.Args.DEFAULT;
    if (raw == null) return d;
    if (!(raw instanceof Map<?, ?> m)) throw new BadRequest("args must be an object");
    for (Object k : m.keySet()) if (!ARG_KEYS.contains(k)) throw new BadRequest("args: unknown key " + k + "; known: " + ARG_KEYS);
    Object hide = m.get("hideEnemyNames");
    if (hide != null && !(hide instanceof Boolean)) throw new BadRequest("args.hideEnemyNames must be true or false");
    return new Battle.Args(
        m.containsKey("width") ? (int) integer(m.get("width"), "args.width", 400, 5000) : d.width(),
        m.containsKey("height") ? (int) integer(m.get("height"), "args.height", 400, 5000) : d.height(),
        m.containsKey("rounds") ? (int) integer(m.get("rounds"), "args.rounds", 1, 10000) : d.rounds(),
        m.containsKey("gunCoolingRate") ? number(m.get("gunCoolingRate"), "args.gunCoolingRate", 0.01, 10) : d.gunCoolingRate(),
        m.containsKey("inactivityTime") ? integer(m.get("inactivityTime"), "args.inactivityTime", 1, 1_000_000) : d.inactivityTime(),
        hide != null ? (Boolean) hide : d.hideEnemyNames());
  }

  static long integer(Object v, String name, long min, long max) throws BadRequest {
    if (!(v instanceof Double d) || d != Math.rint(d) || d < min || d > max)
      throw new BadRequest(name + " must be an integer from " + min + " to " + max);
    return d.longValue();
  }

  static double number(Object v, String name, double min, double max) throws BadRequest {
    if (!(v instanceof Double d) || d < min || d > max) throw new BadRequest(name + " must be a number from " + min + " to " + max);
    return d;
  }
}
