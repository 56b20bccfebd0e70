package surfer;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import robocode.AdvancedRobot;
import robocode.Bullet;
import robocode.BulletHitEvent;
import robocode.HitByBulletEvent;
import robocode.Rules;
import robocode.ScannedRobotEvent;
import robocode.util.Utils;

/**
 * Wave surfing, the light version: an energy drop of 0.1–3 between two scans is a shot, seen as
 * a wave growing from where the enemy stood at bullet speed. For the nearest wave we simulate
 * orbiting clockwise and anticlockwise until the wave passes, and go the way whose arrival spot
 * (as a guess factor: the angle off the wave's line over the widest reachable angle) has been hit
 * least. Each hit is counted, smoothed over the neighbouring bins, so spots that were hit
 * are avoided from then on; the counts are static and so learn across the battle's rounds.
 */
final class WaveSurfing {
  private static final int BINS = 47;
  private static final int MIDDLE = (BINS - 1) / 2;
  /** Hits by guess factor; head-on starts slightly dangerous, as most simple guns aim there. */
  private static final double[] HITS = new double[BINS];

  static {
    HITS[MIDDLE] = 0.5;
  }

  /** How far ahead (px) the wall check looks. */
  private static final double STICK = 160;
  /** Closer than this, the orbit bends away from the enemy. */
  private static final double CLOSE = 350;

  private final AdvancedRobot me;
  private final Rectangle2D.Double field;
  private final List<Wave> waves = new ArrayList<>();
  /** Our sideways direction as the enemy saw it, and its bearing from us, over the last scans. */
  private final int[] directions = new int[3];
  private final double[] bearings = new double[3];
  private int scans;
  private Point2D.Double enemy;
  private double enemyEnergy = 100;

  WaveSurfing(AdvancedRobot me) {
    this.me = me;
    field = new Rectangle2D.Double(18, 18, me.getBattleFieldWidth() - 36, me.getBattleFieldHeight() - 36);
  }

  void onScan(ScannedRobotEvent e, double bearing) {
    Point2D.Double here = position();
    double lateral = me.getVelocity() * Math.sin(e.getBearingRadians());
    System.arraycopy(directions, 0, directions, 1, 2);
    System.arraycopy(bearings, 0, bearings, 1, 2);
    directions[0] = lateral >= 0 ? 1 : -1;
    bearings[0] = bearing + Math.PI;
    scans++;
    double drop = enemyEnergy - e.getEnergy();
    // The bullet left last turn, aimed at us as we were two scans ago (it had seen us then).
    if (enemy != null && scans > 2 && drop >= Rules.MIN_BULLET_POWER - 1e-9 && drop <= Rules.MAX_BULLET_POWER + 1e-9) {
      double speed = Rules.getBulletSpeed(drop);
      waves.add(new Wave(enemy, me.getTime() - 1, speed, bearings[2], directions[2]));
    }
    enemyEnergy = e.getEnergy();
    enemy = project(here, bearing, e.getDistance());
    for (Iterator<Wave> it = waves.iterator(); it.hasNext(); ) {
      Wave w = it.next();
      if (w.travelled(me.getTime()) > here.distance(w.origin) + 50) it.remove(); // it has passed us
    }
    surf(here);
  }

  /** A bullet of ours hit it: that energy drop is not a shot. */
  void onBulletHit(BulletHitEvent e) {
    enemyEnergy = e.getEnergy();
  }

  /** Its bullet hit us: count the spot on that bullet's wave, and its energy gain is no shot. */
  void onHitByBullet(HitByBulletEvent e) {
    Bullet b = e.getBullet();
    enemyEnergy += Rules.getBulletHitBonus(b.getPower());
    Point2D.Double at = new Point2D.Double(b.getX(), b.getY());
    for (Iterator<Wave> it = waves.iterator(); it.hasNext(); ) {
      Wave w = it.next();
      boolean reached = Math.abs(w.travelled(me.getTime()) - w.origin.distance(at)) < 50;
      if (reached && Math.abs(w.speed - b.getVelocity()) < 0.01) {
        int hit = bin(w, at);
        for (int i = 0; i < BINS; i++) HITS[i] += 1.0 / ((hit - i) * (hit - i) + 1);
        it.remove();
        return;
      }
    }
  }

  private void surf(Point2D.Double here) {
    Wave wave = nearest(here);
    int way;
    if (wave == null) {
      way = directions[0]; // nothing in the air: keep orbiting the same way
    } else {
      way = danger(wave, -1) < danger(wave, 1) ? -1 : 1;
    }
    Point2D.Double from = wave == null ? enemy : wave.origin;
    drive(orbit(here, from, way));
  }

  /** The wave that reaches us next (and has not passed us yet). */
  private Wave nearest(Point2D.Double here) {
    Wave best = null;
    double closest = Double.POSITIVE_INFINITY;
    for (Wave w : waves) {
      double gap = here.distance(w.origin) - w.travelled(me.getTime());
      if (gap > w.speed && gap < closest) {
        closest = gap;
        best = w;
      }
    }
    return best;
  }

  /** How often we were hit at the spot we reach by orbiting `way` until the wave passes. */
  private double danger(Wave w, int way) {
    Point2D.Double p = position();
    double heading = me.getHeadingRadians();
    double velocity = me.getVelocity();
    long time = me.getTime();
    for (int t = 0; t < 200; t++) {
      double turn = Utils.normalRelativeAngle(orbit(p, w.origin, way) - heading);
      int ahead = 1;
      if (Math.cos(turn) < 0) {
        turn = Utils.normalRelativeAngle(turn + Math.PI);
        ahead = -1;
      }
      double maxTurn = Rules.getTurnRateRadians(velocity);
      heading = Utils.normalRelativeAngle(heading + Math.max(-maxTurn, Math.min(maxTurn, turn)));
      // Rules: accelerate by 1, brake by 2.
      velocity += velocity * ahead < 0 ? 2 * ahead : ahead;
      velocity = Math.max(-Rules.MAX_VELOCITY, Math.min(Rules.MAX_VELOCITY, velocity));
      p = project(p, heading, velocity);
      time++;
      if (p.distance(w.origin) < w.travelled(time) + w.speed) break;
    }
    return HITS[bin(w, p)];
  }

  /** The heading that orbits `centre` going `way` (1 clockwise), bent away from the walls. */
  private double orbit(Point2D.Double p, Point2D.Double centre, int way) {
    double distance = p.distance(centre);
    double bend = distance < CLOSE ? 0.5 * (CLOSE - distance) / CLOSE : 0;
    double angle = absoluteBearing(centre, p) + way * (Math.PI / 2 - bend);
    for (int i = 0; i < 120 && !field.contains(project(p, angle, STICK)); i++) angle += way * 0.05;
    return angle;
  }

  /** Heads along `angle`, forwards or backwards, whichever needs less turning. */
  private void drive(double angle) {
    double turn = Utils.normalRelativeAngle(angle - me.getHeadingRadians());
    double ahead = 100;
    if (Math.abs(turn) > Math.PI / 2) {
      turn = Utils.normalRelativeAngle(turn + Math.PI);
      ahead = -ahead;
    }
    me.setTurnRightRadians(turn);
    me.setAhead(ahead);
  }

  private static int bin(Wave w, Point2D.Double at) {
    double offset = Utils.normalRelativeAngle(absoluteBearing(w.origin, at) - w.bearing);
    double factor = offset / Math.asin(Rules.MAX_VELOCITY / w.speed) * w.direction;
    return (int) Math.max(0, Math.min(BINS - 1, Math.round(factor * MIDDLE + MIDDLE)));
  }

  private Point2D.Double position() {
    return new Point2D.Double(me.getX(), me.getY());
  }

  private static double absoluteBearing(Point2D.Double from, Point2D.Double to) {
    return Math.atan2(to.x - from.x, to.y - from.y);
  }

  private static Point2D.Double project(Point2D.Double p, double angle, double length) {
    return new Point2D.Double(p.x + Math.sin(angle) * length, p.y + Math.cos(angle) * length);
  }

  /** An enemy shot: where and when it left, how fast, and how we stood to it when it aimed. */
  private static final class Wave {
    final Point2D.Double origin;
    final long time;
    final double speed;
    final double bearing;
    final int direction;

    Wave(Point2D.Double origin, long time, double speed, double bearing, int direction) {
      this.origin = origin;
      this.time = time;
      this.speed = speed;
      this.bearing = bearing;
      this.direction = direction;
    }

    double travelled(long now) {
      return (now - time) * speed;
    }
  }
}
