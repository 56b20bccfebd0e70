package codearena.robocode;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds one codebase (robot.json, optional params.json, src/**.java) into a private class dir
 * the engine loads robots from. Everything in the codebase is hostile: files are read without
 * following symlinks and with size caps; javac runs in-process with annotation processing off,
 * so no code of the codebase runs here (the robot class is loaded but never initialised).
 */
final class Build {
  static final String ROBOCODE_JAR = "/usr/share/java/robocode.jar";
  static final int MAX_DETAIL = 4096;
  static final long MAX_JSON_BYTES = 64 * 1024;
  static final int MAX_SOURCES = 500;
  static final long MAX_SOURCE_BYTES = 4L * 1024 * 1024;

  /** selector is how the engine's repository names the built robot: "<class> <token>*". */
  record Result(boolean ok, String robot, String detail, String selector) {}

  static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }

  private Build() {}

  /** Builds `codebase` into `out` (created; made read-only afterwards). `token` becomes the
   *  robot's version, so equal class names of two codebases never shadow each other. */
  static Result build(File codebase, String token, File out) {
    String robot = "";
    try {
      robot = robotClass(codebase);
      compile(codebase, robot, out);
      writeProperties(out, robot, token);
      readOnly(out.toPath());
      return new Result(true, robot, "", robot + " " + token + "*");
    } catch (Failure e) {
      return new Result(false, robot, cap(e.getMessage()), "");
    } catch (IOException | RuntimeException e) {
      return new Result(false, robot, cap("build failed: " + e), "");
    }
  }

  static String cap(String s) {
    if (s == null) return "";
    return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL - 20) + "\n... (truncated)";
  }

  /** A small JSON file of the codebase: a regular file (no symlink), at most 64 KB. */
  static Object readJson(File codebase, String name, boolean required) throws Failure, IOException {
    Path p = codebase.toPath().resolve(name);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      if (required) throw new Failure(name + " is missing; write {\"robot\": \"mypackage.MyRobot\"} at the codebase root");
      return null;
    }
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) throw new Failure(name + " must be a regular file, not a link or directory");
    if (Files.size(p) > MAX_JSON_BYTES) throw new Failure(name + " is larger than 64 KB");
    try {
      return Json.parse(Files.readString(p, StandardCharsets.UTF_8));
    } catch (Json.Invalid e) {
      throw new Failure(name + " is not valid JSON: " + e.getMessage());
    } catch (java.nio.charset.MalformedInputException e) {
      throw new Failure(name + " is not UTF-8 text");
    }
  }

  static String robotClass(File codebase) throws Failure, IOException {
    Object j = readJson(codebase, "robot.json", true);
    if (!(j instanceof Map<?, ?> m) || !(m.get("robot") instanceof String r))
      throw new Failure("robot.json must be an object with a string \"robot\": the robot's class, e.g. {\"robot\": \"mypackage.MyRobot\"}");
    if (!r.contains(".") || !SourceVersion.isName(r))
      throw new Failure("robot.json: \"" + r + "\" is not a fully qualified Java class name in a package (e.g. mypackage.MyRobot)");
    return r;
  }

  private static String pkg(String cls) {
    return cls.substring(0, cls.lastIndexOf('.'));
  }

  /** params.json → `<robot's package>.Params`, one public static final double per entry. */
  static String paramsSource(File codebase, String robot) throws Failure, IOException {
    Object j = readJson(codebase, "params.json", false);
    if (j == null) return null;
    if (!(j instanceof Map<?, ?> m)) throw new Failure("params.json must be an object of {\"name\": {\"value\": number, ...}}");
    StringBuilder b = new StringBuilder("package ").append(pkg(robot)).append(";\n\n")
        .append("/** Generated from params.json by the build; edit params.json, not this file. */\n")
        .append("public final class Params {\n  private Params() {}\n");
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String k = (String) e.getKey();
      if (!SourceVersion.isIdentifier(k) || SourceVersion.isKeyword(k))
        throw new Failure("params.json: key \"" + k + "\" is not a Java identifier (letters, digits, _; not a keyword); rename it");
      if (!(e.getValue() instanceof Map<?, ?> p) || !(p.get("value") instanceof Double v))
        throw new Failure("params.json: \"" + k + "\" must be an object with a number \"value\", e.g. {\"value\": 1.5, \"min\": 0, \"max\": 3}");
      if (p.get("min") instanceof Double lo && v < lo || p.get("max") instanceof Double hi && v > hi)
        throw new Failure("params.json: \"" + k + "\" value " + v + " is outside its [min, max]; change the value or the bounds");
      b.append("  public static final double ").append(k).append(" = ").append(Double.toString(v)).append(";\n");
    }
    return b.append("}\n").toString();
  }

  static List<File> sources(File codebase) throws Failure, IOException {
    Path src = codebase.toPath().resolve("src");
    if (!Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) throw new Failure("src/ is missing; put the robot's .java files under src/<package>/");
    List<File> files = new ArrayList<>();
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(src)) { // Files.walk does not follow symlinks by default
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (!p.toString().endsWith(".java") || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
        bytes += Files.size(p);
        files.add(p.toFile());
        if (files.size() > MAX_SOURCES) throw new Failure("src/ holds more than " + MAX_SOURCES + " .java files");
        if (bytes > MAX_SOURCE_BYTES) throw new Failure("src/ holds more than 4 MB of .java files");
      }
    }
    if (files.isEmpty()) throw new Failure("src/ holds no .java files; put the robot's sources under src/<package>/");
    files.sort(null);
    return files;
  }

  static void compile(File codebase, String robot, File out) throws Failure, IOException {
    List<File> files = sources(codebase);
    File classes = out;
    Files.createDirectories(classes.toPath());
    String params = paramsSource(codebase, robot);
    if (params != null) {
      File gen = new File(out.getParentFile(), out.getName() + ".gen/" + pkg(robot).replace('.', '/') + "/Params.java");
      Files.createDirectories(gen.getParentFile().toPath());
      Files.writeString(gen.toPath(), params, StandardCharsets.UTF_8);
      files.add(gen);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) throw new Failure("no Java compiler in this image (a JDK, not a JRE, is needed)");
    StringWriter log = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromFiles(files);
      List<String> opts = List.of("-proc:none", "-encoding", "UTF-8", "-nowarn", "-Xmaxerrs", "30", "-implicit:class",
          "-classpath", ROBOCODE_JAR, "-sourcepath", "", "-d", classes.getPath());
      boolean ok = javac.getTask(log, fm, null, opts, null, units).call();
      if (!ok) {
        String prefix = codebase.getPath().endsWith("/") ? codebase.getPath() : codebase.getPath() + "/";
        throw new Failure(log.toString().replace(prefix, "").strip());
      }
    }
    String rel = robot.replace('.', '/') + ".class";
    if (!new File(classes, rel).isFile())
      throw new Failure("robot.json names " + robot + " but src/ defines no such class (expected " + rel.replace(".class", ".java") + ")");
    isRobot(classes, robot);
  }

  /** Loaded without initialisation: no static initialiser of the codebase runs here. */
  static void isRobot(File classes, String robot) throws Failure, IOException {
    try (URLClassLoader l = new URLClassLoader(new URL[] {classes.toURI().toURL()}, Build.class.getClassLoader())) {
      Class<?> c = Class.forName(robot, false, l);
      Class<?> basic = Class.forName("robocode.robotinterfaces.IBasicRobot", false, Build.class.getClassLoader());
      if (!basic.isAssignableFrom(c))
        throw new Failure(robot + " is not a robot: it must extend robocode.Robot or robocode.AdvancedRobot");
      if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers()))
        throw new Failure(robot + " must be a public, non-abstract class");
      try {
        if (!Modifier.isPublic(c.getConstructor().getModifiers())) throw new NoSuchMethodException();
      } catch (NoSuchMethodException e) {
        throw new Failure(robot + " needs a public constructor without arguments");
      }
    } catch (ClassNotFoundException | LinkageError e) {
      throw new Failure(robot + " could not be loaded: " + e);
    }
  }

  static void writeProperties(File classes, String robot, String token) throws IOException {
    String simple = robot.substring(robot.lastIndexOf('.') + 1);
    File f = new File(classes, robot.replace('.', '/') + ".properties");
    String text = "robot.classname=" + robot + "\nrobot.name=" + simple + "\nrobot.version=" + token
        + "\nrobocode.version=1.9.3.9\nrobot.java.source.included=false\nrobot.description=codearena build\n";
    Files.writeString(f.toPath(), text, StandardCharsets.ISO_8859_1);
  }

  /** No robot may keep data between battles (getDataFile writes next to its classes). */
  static void readOnly(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) p.toFile().setWritable(false, false);
    }
  }

  /** Deletes a tree this driver made (making its dirs writable again first). */
  static void delete(File f) {
    if (f.isDirectory() && !Files.isSymbolicLink(f.toPath())) {
      f.setWritable(true, true);
      File[] kids = f.listFiles();
      if (kids != null) for (File k : kids) delete(k);
    }
    f.delete();
  }
}
