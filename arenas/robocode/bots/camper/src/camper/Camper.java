package camper;

import java.awt.Color;
import robocode.AdvancedRobot;
import robocode.HitByBulletEvent;
import robocode.ScannedRobotEvent;
import robocode.util.Utils;

/**
 * A weak reference robot: drives to the nearest corner and camps there, its radar spinning,
 * firing head-on (straight at where it saw its target) and harder when the target is close.
 * A corner halves the angles it can be shot from, but a still target is easy to hit: after a
 * few hits it runs along the wall to the next corner and camps again. No randomness at all.
 */
public class Camper extends AdvancedRobot {
  /** Distance (px) of the camping spot from both walls of its corner. */
  private static final double INSET = 30;
  /** Hits taken in one corner before moving on to the next. */
  private static final int HITS_PER_CORNER = 4;

  private int corner = -1; // 0 bottom-left, 1 top-left, 2 top-right, 3 bottom-right (clockwise)
  private int hits;
  private double targetBearing = Double.NaN; // absolute, radians
  private double targetDistance;
  private long seenAt = -100;

  @Override
  public void run() {
    setColors(new Color(90, 90, 40), new Color(60, 60, 20), Color.YELLOW);
    setAdjustGunForRobotTurn(true);
    setAdjustRadarForGunTurn(true);
    setTurnRadarRightRadians(Double.POSITIVE_INFINITY); // spin for ever, see everyone
    corner = nearestCorner();
    while (true) {
      drive();
      aimAndFire();
      execute();
    }
  }

  private int nearestCorner() {
    boolean left = getX() < getBattleFieldWidth() / 2;
    boolean bottom = getY() < getBattleFieldHeight() / 2;
    return left ? (bottom ? 0 : 1) : (bottom ? 3 : 2);
  }

  /** Heads for the camping spot of the current corner; stops there. */
  private void drive() {
    double w = getBattleFieldWidth();
    double h = getBattleFieldHeight();
    double cx = corner == 0 || corner == 1 ? INSET : w - INSET;
    double cy = corner == 0 || corner == 3 ? INSET : h - INSET;
    double dx = cx - getX();
    double dy = cy - getY();
    double distance = Math.hypot(dx, dy);
    if (distance < 4) {
      setAhead(0);
      return;
    }
    double turn = Utils.normalRelativeAngle(Math.atan2(dx, dy) - getHeadingRadians());
    double ahead = distance;
    // Backwards when that needs less turning, so it gets there sooner.
    if (Math.abs(turn) > Math.PI / 2) {
      turn = Utils.normalRelativeAngle(turn + Math.PI);
      ahead = -ahead;
    }
    setTurnRightRadians(turn);
    // Creep while turning hard so it does not overshoot into the wall.
    setAhead(Math.abs(turn) > 0.5 ? Math.signum(ahead) * Math.min(Math.abs(ahead), 5) : ahead);
  }

  private void aimAndFire() {
    if (Double.isNaN(targetBearing) || getTime() - seenAt > 8) return;
    if (getGunHeat() == 0 && Math.abs(getGunTurnRemainingRadians()) < 0.08 && getEnergy() > 3) {
      setFire(targetDistance < 250 ? 3 : targetDistance < 500 ? 2 : 1.2);
    }
    setTurnGunRightRadians(Utils.normalRelativeAngle(targetBearing - getGunHeadingRadians()));
  }

  @Override
  public void onScannedRobot(ScannedRobotEvent e) {
    targetBearing = getHeadingRadians() + e.getBearingRadians();
    targetDistance = e.getDistance();
    seenAt = e.getTime();
  }

  @Override
  public void onHitByBullet(HitByBulletEvent e) {
    if (++hits < HITS_PER_CORNER) return;
    hits = 0;
    corner = (corner + 1) % 4; // the next corner clockwise: a run along one wall
  }
}
