package wallrider;

import java.awt.Color;
import robocode.AdvancedRobot;
import robocode.HitRobotEvent;
import robocode.ScannedRobotEvent;
import robocode.util.Utils;

/**
 * A middling reference robot: drives round the battlefield along the walls at full speed, its
 * radar spinning, and fires straight at (head-on) whatever it saw last, harder when close.
 * Full speed along a wall makes head-on aim miss; a gun that leads its target hits it often.
 */
public class WallRider extends AdvancedRobot {
  /** Distance (px) from the walls of the lane it drives along. */
  private static final double LANE = 40;

  private double targetBearing = Double.NaN; // absolute, radians
  private double targetDistance;
  private long seenAt = -100;
  private int direction = 1; // 1 = clockwise round the field, -1 = anticlockwise

  @Override
  public void run() {
    setColors(new Color(120, 70, 30), new Color(200, 150, 60), Color.ORANGE);
    setAdjustGunForRobotTurn(true);
    setAdjustRadarForGunTurn(true);
    setTurnRadarRightRadians(Double.POSITIVE_INFINITY); // spin for ever, see everyone
    while (true) {
      drive();
      aimAndFire();
      execute();
    }
  }

  /** Heads for the next corner of the lane, going round the field. */
  private void drive() {
    double w = getBattleFieldWidth();
    double h = getBattleFieldHeight();
    double x = getX();
    double y = getY();
    // Lane corners in clockwise order (y grows upwards): bottom-left, top-left, top-right, bottom-right.
    double[][] corners = {{LANE, LANE}, {LANE, h - LANE}, {w - LANE, h - LANE}, {w - LANE, LANE}};
    // The wall we are closest to tells which side of the lane we are on (same clockwise order:
    // left side runs corner 0 -> 1, top 1 -> 2, right 2 -> 3, bottom 3 -> 0).
    double left = x;
    double top = h - y;
    double right = w - x;
    double bottom = y;
    double min = Math.min(Math.min(left, top), Math.min(right, bottom));
    int side = min == left ? 0 : min == top ? 1 : min == right ? 2 : 3;
    int next = direction > 0 ? (side + 1) % 4 : side;
    double[] c = corners[next];
    if (Math.hypot(c[0] - x, c[1] - y) < 30) c = corners[direction > 0 ? (next + 1) % 4 : (next + 3) % 4];
    double angle = Math.atan2(c[0] - x, c[1] - y);
    double turn = Utils.normalRelativeAngle(angle - getHeadingRadians());
    setTurnRightRadians(turn);
    // Crawl while turning sharply so the corner is taken without hitting the wall.
    setAhead(Math.abs(turn) > 0.6 ? 10 : 150);
  }

  private void aimAndFire() {
    if (Double.isNaN(targetBearing) || getTime() - seenAt > 10) return;
    if (getGunHeat() == 0 && Math.abs(getGunTurnRemainingRadians()) < 0.1) {
      setFire(targetDistance < 200 ? 3 : targetDistance < 500 ? 2 : 1);
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
  public void onHitRobot(HitRobotEvent e) {
    direction = -direction; // someone in the lane: go round the other way
  }
}
