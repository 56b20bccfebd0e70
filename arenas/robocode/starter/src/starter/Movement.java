package starter;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;
import robocode.AdvancedRobot;
import robocode.util.Utils;

/**
 * Movement: drives sideways to the target (hard to hit with head-on aim), bends the path to
 * keep Params.preferredDistance, reverses now and then (hard to hit with linear aim), and bends
 * away from walls. Drives backwards when that needs less turning.
 */
final class Movement {
  /** How far ahead (px) the wall check looks. */
  private static final double LOOK_AHEAD = 120;

  private final AdvancedRobot me;
  private final Rectangle2D.Double field;
  private final Random random;
  private int direction = 1;
  private long nextReverse;

  Movement(AdvancedRobot me) {
    this.me = me;
    random = new Random(startSeed(me));
    double m = Params.wallMargin;
    field = new Rectangle2D.Double(m, m, me.getBattleFieldWidth() - 2 * m, me.getBattleFieldHeight() - 2 * m);
    scheduleReverse();
  }

  void turn(Target target) {
    if (me.getTime() >= nextReverse) reverse();
    if (target.isStale(me.getTime())) {
      // Nobody seen yet: keep moving in a wide circle so we are not a sitting target.
      me.setTurnRightRadians(0.1 * direction);
      me.setAhead(100 * direction);
      return;
    }
    double toTarget = target.bearingFrom(me);
    // Positive when too far: bend toward the target; negative: bend away. Capped at ±0.6 rad.
    double error = (target.distanceFrom(me) - Params.preferredDistance) / Params.preferredDistance;
    double bend = Math.max(-1, Math.min(1, error)) * 0.6;
    double angle = toTarget + direction * (Math.PI / 2 - bend);
    angle = awayFromWalls(angle, toTarget);
    drive(angle);
  }

  /** Turns the wanted direction toward the target until a point ahead lies inside the margins. */
  private double awayFromWalls(double angle, double toTarget) {
    for (int i = 0; i < 40 && !field.contains(ahead(angle)); i++) {
      angle += 0.08 * Math.signum(Utils.normalRelativeAngle(toTarget - angle));
    }
    return angle;
  }

  private Point2D.Double ahead(double angle) {
    return new Point2D.Double(me.getX() + Math.sin(angle) * LOOK_AHEAD, me.getY() + Math.cos(angle) * LOOK_AHEAD);
  }

  /** Heads along `angle`, forwards or backwards, whichever needs less turning. */
  private void drive(double angle) {
    double turn = Utils.normalRelativeAngle(angle - me.getHeadingRadians());
    double distance = 100;
    if (Math.abs(turn) > Math.PI / 2) {
      turn = Utils.normalRelativeAngle(turn + Math.PI);
      distance = -distance;
    }
    me.setTurnRightRadians(turn);
    me.setAhead(distance);
  }

  void reverse() {
    direction = -direction;
    scheduleReverse();
  }

  private void scheduleReverse() {
    double period = Params.reversePeriod * (0.5 + random.nextDouble());
    nextReverse = me.getTime() + Math.max(1, Math.round(period));
  }

  /**
   * A seed for this robot's own generator, from its start position (which the arena draws from
   * the sim's seed) and the round. Not Utils.getRandom(): that generator is shared by every
   * robot, and robots run in threads of their own, so whose call comes first varies from run
   * to run and the same seed would not replay the same battle.
   */
  static long startSeed(AdvancedRobot me) {
    return Double.doubleToLongBits(me.getX()) * 31 + Double.doubleToLongBits(me.getY()) * 17 + me.getRoundNum();
  }
}
