package codearena.robocode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, bounded JSON reader and the writer helpers the driver needs (the image has no JSON
 * library). Objects become LinkedHashMap, arrays ArrayList, numbers Double, plus String, Boolean
 * and null. Input is what the host sends and what codebases hold (robot.json, params.json): it
 * is bounded in size by the caller and in depth here, and anything not JSON is refused.
 */
final class Json {
  static final int MAX_DEPTH = 32;

  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  static Object parse(String text) throws Invalid {
    Json p = new Json(text);
    p.ws();
    Object v = p.value(0);
    p.ws();
    if (p.i != p.s.length()) throw p.fail("unexpected text after the value");
    return v;
  }

  private Invalid fail(String what) {
    return new Invalid(what + " at offset " + i);
  }

  private void ws() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      i++;
    }
  }

  private Object value(int depth) throws Invalid {
    if (depth > MAX_DEPTH) throw fail("nested deeper than " + MAX_DEPTH);
    if (i >= s.length()) throw fail("unexpected end");
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return word("true", Boolean.TRUE);
      case 'f':
        return word("false", Boolean.FALSE);
      case 'n':
        return word("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw fail("unexpected character '" + c + "'");
    }
  }

  private Object word(String w, Object v) throws Invalid {
    if (!s.startsWith(w, i)) throw fail("unexpected word");
    i += w.length();
    return v;
  }

  private Map<String, Object> object(int depth) throws Invalid {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    ws();
    if (i < s.length() && s.charAt(i) == '}') {
      i++;
      return m;
    }
    for (;;) {
      ws();
      if (i >= s.length() || s.charAt(i) != '"') throw fail("expected a key");
      String k = string();
      if (m.containsKey(k)) throw fail("duplicate key \"" + k + "\"");
      ws();
      if (i >= s.length() || s.charAt(i) != ':') throw fail("expected ':'");
      i++;
      ws();
      m.put(k, value(depth + 1));
      ws();
      if (i >= s.length()) throw fail("unexpected end");
      char c = s.charAt(i++);
      if (c == '}') return m;
      if (c != ',') throw fail("expected ',' or '}'");
    }
  }

  private List<Object> array(int depth) throws Invalid {
    List<Object> a = new ArrayList<>();
    i++;
    ws();
    if (i < s.length() && s.charAt(i) == ']') {
      i++;
      return a;
    }
    for (;;) {
      ws();
      a.add(value(depth + 1));
      ws();
      if (i >= s.length()) throw fail("unexpected end");
      char c = s.charAt(i++);
      if (c == ']') return a;
      if (c != ',') throw fail("expected ',' or ']'");
    }
  }

  private String string() throws Invalid {
    StringBuilder b = new StringBuilder();
    i++;
    for (;;) {
      if (i >= s.length()) throw fail("unterminated string");
      char c = s.charAt(i++);
      if (c == '"') return b.toString();
      if (c < 0x20) throw fail("control character in a string");
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i >= s.length()) throw fail("unterminated string");
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) throw fail("bad \\u escape");
          int v = 0;
          for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(i++), 16);
            if (d < 0) throw fail("bad \\u escape");
            v = v * 16 + d;
          }
          b.append((char) v);
        }
        default -> throw fail("bad escape \\" + e);
      }
    }
  }

  private Double number() throws Invalid {
    int start = i;
    if (s.charAt(i) == '-') i++;
    if (i >= s.length()) throw fail("bad number");
    if (s.charAt(i) == '0') i++;
    else if (!digits()) throw fail("bad number");
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      if (!digits()) throw fail("bad number");
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
      if (!digits()) throw fail("bad number");
    }
    double d = Double.parseDouble(s.substring(start, i));
    if (!Double.isFinite(d)) throw fail("number out of range");
    return d;
  }

  private boolean digits() {
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
    return i > start;
  }

  // --- writing ---------------------------------------------------------------------------

  static String q(String v) {
    if (v == null) return "null";
    StringBuilder b = new StringBuilder(v.length() + 2).append('"');
    for (int k = 0; k < v.length(); k++) {
      char c = v.charAt(k);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c == '\n') b.append("\\n");
      else if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !validSurrogate(v, k))
        b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  /** A lone surrogate would make the line invalid UTF-8; escaped, it stays valid JSON. */
  private static boolean validSurrogate(String v, int k) {
    char c = v.charAt(k);
    if (Character.isHighSurrogate(c)) return k + 1 < v.length() && Character.isLowSurrogate(v.charAt(k + 1));
    return k > 0 && Character.isHighSurrogate(v.charAt(k - 1));
  }

  /** A number rounded to `decimals` places; never NaN or Infinity on the wire. */
  static String num(double d, int decimals) {
    if (!Double.isFinite(d)) return "0";
    double f = Math.pow(10, decimals);
    double r = Math.round(d * f) / f;
    if (r == Math.rint(r) && Math.abs(r) < 1e15) return Long.toString((long) r);
    return Double.toString(r);
  }
}
