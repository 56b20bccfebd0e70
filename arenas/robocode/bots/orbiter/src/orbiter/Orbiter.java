package orbiter;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;
import robocode.AdvancedRobot;
import robocode.HitWallEvent;
import robocode.Rules;
import robocode.ScannedRobotEvent;
import robocode.util.Utils;

/**
 * The strongest reference robot. Radar locked on its target; orbits it at a middle distance,
 * dodging when the target fires (an energy drop of 0.1–3 is a bullet) and changing speed at
 * random so that neither head-on nor linear aim works well; aims with a guess-factor gun
 * (it learns where in its reachable arc the target tends to be) and picks power by distance.
 * Duel-minded: in a melee it fights whichever robot it locked on first.
 */
public class Orbiter extends AdvancedRobot {
  private static final double ORBIT = 400;
  private static final double MARGIN = 45;

  private Rectangle2D.Double field;
  private int direction = 1;
  private double targetEnergy = 100;
  private final GuessFactorGun gun = new GuessFactorGun(this);

  @Override
  public void run() {
    setColors(new Color(20, 110, 60), new Color(10, 40, 20), new Color(120, 255, 160));
    setAdjustGunForRobotTurn(true);
    setAdjustRadarForGunTurn(true);
    double w = getBattleFieldWidth();
    double h = getBattleFieldHeight();
    field = new Rectangle2D.Double(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN);
    while (true) {
      if (getRadarTurnRemainingRadians() == 0) setTurnRadarRightRadians(Double.POSITIVE_INFINITY);
      execute();
    }
  }

  @Override
  public void onScannedRobot(ScannedRobotEvent e) {
    double bearing = getHeadingRadians() + e.getBearingRadians();
    setTurnRadarRightRadians(2 * Utils.normalRelativeAngle(bearing - getRadarHeadingRadians()));
    move(e, bearing);
    shoot(e, bearing);
    targetEnergy = e.getEnergy();
  }

  /** Orbits the target; reverses on some of its shots and now and then anyway. */
  private void move(ScannedRobotEvent e, double bearing) {
    double drop = targetEnergy - e.getEnergy();
    boolean fired = drop >= Rules.MIN_BULLET_POWER - 1e-9 && drop <= Rules.MAX_BULLET_POWER + 1e-9;
    if ((fired && chance() < 0.6) || chance() < 0.02) direction = -direction;
    // A new top speed now and then (mostly full speed) spoils aim that assumes constant speed.
    if (chance() < 0.1) setMaxVelocity(chance() < 0.6 ? 8 : 3 + 5 * chance());
    double bend = Math.max(-0.5, Math.min(0.5, (e.getDistance() - ORBIT) / ORBIT));
    double angle = bearing + direction * (Math.PI / 2 - bend);
    // Bend toward the target until a point ahead is inside the margins: the target is inside.
    for (int i = 0; i < 40 && !field.contains(project(angle, 130)); i++) {
      angle += 0.08 * Math.signum(Utils.normalRelativeAngle(bearing - angle));
    }
    double turn = Utils.normalRelativeAngle(angle - getHeadingRadians());
    double ahead = 100;
    if (Math.abs(turn) > Math.PI / 2) {
      turn = Utils.normalRelativeAngle(turn + Math.PI);
      ahead = -ahead;
    }
    setTurnRightRadians(turn);
    setAhead(ahead);
  }

  /** Bullet power by distance and energy; the guess-factor gun picks the angle. */
  private void shoot(ScannedRobotEvent e, double bearing) {
    double power = Math.min(3, Math.max(1.1, 450 / e.getDistance()));
    if (getEnergy() < 15) power = Math.min(power, 0.6);
    power = Math.min(power, e.getEnergy() > 4 ? (e.getEnergy() + 2) / 6 : Math.max(0.1, e.getEnergy() / 4));
    double aim = gun.aim(e, bearing, power);
    // Fire with last turn's aim (bullets leave before this turn's gun rotation) if it was close.
    if (getGunHeat() == 0 && Math.abs(getGunTurnRemainingRadians()) < 0.05 && getEnergy() > power) setFire(power);
    setTurnGunRightRadians(Utils.normalRelativeAngle(aim - getGunHeadingRadians()));
  }

  private Point2D.Double project(double angle, double length) {
    return new Point2D.Double(getX() + Math.sin(angle) * length, getY() + Math.cos(angle) * length);
  }

  @Override
  public void onHitWall(HitWallEvent e) {
    direction = -direction;
  }

  /** This round's own generator, seeded from the start position (drawn by the arena from the
   *  sim's seed): Utils.getRandom() is shared with the other robots, whose threads call it in
   *  an order that varies from run to run. */
  private Random random;

  private double chance() {
    if (random == null)
      random = new Random(Double.doubleToLongBits(getX()) * 31 + Double.doubleToLongBits(getY()) * 17 + getRoundNum());
    return random.nextDouble();
  }
}
