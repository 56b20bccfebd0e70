package rammer;

import java.awt.Color;
import robocode.AdvancedRobot;
import robocode.HitRobotEvent;
import robocode.Rules;
import robocode.ScannedRobotEvent;
import robocode.util.Utils;

/**
 * A ram bot: radar locked on its target, it drives at full speed to where the target is going
 * (ramming scores double its damage) and shoots with linear aim (it assumes the target keeps its
 * heading and speed), cheap bullets far off and full power point-blank. It goes straight at the
 * target, so a gun that leads its targets hits it easily; its weight is in close combat.
 * No randomness at all.
 */
public class Rammer extends AdvancedRobot {
  @Override
  public void run() {
    setColors(new Color(150, 20, 20), Color.BLACK, Color.RED);
    setAdjustGunForRobotTurn(true);
    setAdjustRadarForGunTurn(true);
    while (true) {
      // Lost (or never had) the target: sweep until the radar finds one again.
      if (getRadarTurnRemainingRadians() == 0) setTurnRadarRightRadians(Double.POSITIVE_INFINITY);
      execute();
    }
  }

  @Override
  public void onScannedRobot(ScannedRobotEvent e) {
    double bearing = getHeadingRadians() + e.getBearingRadians();
    // Twice the angle to the target: the radar overshoots and keeps it inside the sweep.
    setTurnRadarRightRadians(2 * Utils.normalRelativeAngle(bearing - getRadarHeadingRadians()));
    double x = getX() + Math.sin(bearing) * e.getDistance();
    double y = getY() + Math.cos(bearing) * e.getDistance();
    charge(e, x, y);
    shoot(e, x, y);
  }

  /** Heads for where the target will be when we could get there, at full speed. */
  private void charge(ScannedRobotEvent e, double x, double y) {
    double[] p = lead(e, x, y, Rules.MAX_VELOCITY);
    double dx = p[0] - getX();
    double dy = p[1] - getY();
    setTurnRightRadians(Utils.normalRelativeAngle(Math.atan2(dx, dy) - getHeadingRadians()));
    setMaxVelocity(Rules.MAX_VELOCITY);
    setAhead(Math.hypot(dx, dy) + 40); // through it, not up to it
  }

  private void shoot(ScannedRobotEvent e, double x, double y) {
    double power = e.getDistance() < 120 ? 3 : e.getDistance() < 300 ? 2 : 0.8;
    power = Math.min(power, Math.max(0.1, getEnergy() - 0.5)); // never disable ourselves by firing
    double[] p = lead(e, x, y, Rules.getBulletSpeed(power));
    double aim = Math.atan2(p[0] - getX(), p[1] - getY());
    if (getGunHeat() == 0 && Math.abs(getGunTurnRemainingRadians()) < 0.1 && getEnergy() > 1) setFire(power);
    setTurnGunRightRadians(Utils.normalRelativeAngle(aim - getGunHeadingRadians()));
  }

  /**
   * Linear prediction: where the target, going on at its heading and speed (stopped by the
   * walls), is when something leaving us at `speed` px/turn reaches it.
   */
  private double[] lead(ScannedRobotEvent e, double x, double y, double speed) {
    double w = getBattleFieldWidth();
    double h = getBattleFieldHeight();
    double dx = Math.sin(e.getHeadingRadians()) * e.getVelocity();
    double dy = Math.cos(e.getHeadingRadians()) * e.getVelocity();
    double px = x;
    double py = y;
    for (int t = 1; t < 100 && t * speed < Math.hypot(px - getX(), py - getY()); t++) {
      px = Math.max(18, Math.min(w - 18, px + dx));
      py = Math.max(18, Math.min(h - 18, py + dy));
    }
    return new double[] {px, py};
  }

  @Override
  public void onHitRobot(HitRobotEvent e) {
    // Point-blank: turn the gun on it and fire as hard as we can; the next scan keeps charging.
    double bearing = getHeadingRadians() + e.getBearingRadians();
    setTurnGunRightRadians(Utils.normalRelativeAngle(bearing - getGunHeadingRadians()));
    if (getGunHeat() == 0 && getEnergy() > 3.5) setFire(3);
  }
}
