// The RobotRumble standard library, rewritten for codearena: the names and behaviour of the
// original's JavaScript API (robot-rumble docs, "The complete API reference"; every identifier in
// camelCase), so a robot written for robotrumble.org runs here unchanged. x grows east, y grows
// south; North is (0, -1). Lodash (`_`) is not available.
'use strict';

const MAP_SIZE = 19;

class Enum {
  static values() {
    return Object.values(this).filter((v) => v instanceof this);
  }
  toString() {
    return `${this.constructor.name}.${this.enumKey}`;
  }
  toJSON() {
    return this.enumKey;
  }
}
function closeEnum(cls, names) {
  cls.enumValues = names.map((name, ordinal) => {
    const v = new cls();
    v.enumKey = name;
    v.ordinal = ordinal;
    cls[name] = v;
    return v;
  });
  cls.valueOf = (s) => cls.enumValues.find((v) => v.enumKey === s);
}

class Direction extends Enum {
  get opposite() {
    return Direction[{ North: 'South', South: 'North', East: 'West', West: 'East' }[this.enumKey]];
  }
  get toCoords() {
    const [x, y] = { North: [0, -1], East: [1, 0], South: [0, 1], West: [-1, 0] }[this.enumKey];
    return new Coords(x, y);
  }
  get rotateCw() {
    return Direction[{ North: 'East', East: 'South', South: 'West', West: 'North' }[this.enumKey]];
  }
  get rotateCcw() {
    return this.opposite.rotateCw;
  }
}
closeEnum(Direction, ['East', 'West', 'South', 'North']);

const SPAWN_COORDS = new Set();
const SPAWN_KEYS = new Set();
const HILL_COORDS = new Set();

class Coords {
  constructor(x, y) {
    if (typeof x !== 'number' || typeof y !== 'number') throw new TypeError('Coords needs two numbers');
    this.x = x;
    this.y = y;
  }
  toString() {
    return `(${this.x}, ${this.y})`;
  }
  isSpawn() {
    return SPAWN_KEYS.has(this.toString());
  }
  isHill() {
    return false; // no king-of-the-hill mode here
  }
  distanceTo(o) {
    return Math.hypot(o.x - this.x, o.y - this.y);
  }
  walkingDistanceTo(o) {
    return Math.abs(o.x - this.x) + Math.abs(o.y - this.y);
  }
  coordsAround() {
    return Direction.enumValues.map((d) => this.add(d));
  }
  // Along the larger difference; ties as in the original library: west when the other is
  // west-ish, otherwise south or north before east.
  directionTo(o) {
    const dx = o.x - this.x;
    const dy = o.y - this.y;
    if (dx <= 0 && Math.abs(dy) <= -dx) return Direction.West;
    if (dy > 0 && Math.abs(dx) <= dy) return Direction.South;
    if (dy < 0 && Math.abs(dx) <= -dy) return Direction.North;
    return Direction.East;
  }
  add(o) {
    const c = o instanceof Direction ? o.toCoords : o;
    if (!(c instanceof Coords)) throw new TypeError('Coords.add needs Coords or a Direction');
    return new Coords(this.x + c.x, this.y + c.y);
  }
  sub(o) {
    const c = o instanceof Direction ? o.toCoords : o;
    if (!(c instanceof Coords)) throw new TypeError('Coords.sub needs Coords or a Direction');
    return new Coords(this.x - c.x, this.y - c.y);
  }
  mul(n) {
    return new Coords(this.x * n, this.y * n);
  }
}

class Team extends Enum {
  get opposite() {
    return this === Team.Red ? Team.Blue : Team.Red;
  }
}
closeEnum(Team, ['Red', 'Blue']);

class ObjType extends Enum {}
closeEnum(ObjType, ['Unit', 'Terrain']);

class Obj {
  constructor(id, coords, objType, team, health) {
    this.id = id;
    this.coords = coords;
    this.objType = objType;
    this.team = team;
    this.health = health;
  }
  toString() {
    return this.objType === ObjType.Unit
      ? `<${this.objType} id=${this.id} coords=${this.coords} ${this.team} health=${this.health}>`
      : `<${this.objType} id=${this.id} coords=${this.coords}>`;
  }
}

const teamOf = (s) => (s === 'red' ? Team.Red : Team.Blue);

class State {
  constructor(request) {
    this.turn = request.turn;
    this.ourTeam = teamOf(request.team);
    this.otherTeam = this.ourTeam.opposite;
    this._byId = new Map();
    this._byCoords = new Map();
    this._teams = new Map([
      [Team.Red, []],
      [Team.Blue, []],
    ]);
    for (const w of request.map.walls) this._add(new Obj(w.id, new Coords(w.x, w.y), ObjType.Terrain));
    for (const u of request.units) {
      const team = teamOf(u.team);
      this._add(new Obj(u.id, new Coords(u.x, u.y), ObjType.Unit, team, u.health));
      this._teams.get(team).push(u.id);
    }
  }
  _add(obj) {
    this._byId.set(obj.id, obj);
    this._byCoords.set(obj.coords.toString(), obj);
  }
  objById(id) {
    return this._byId.get(id);
  }
  idsByTeam(team) {
    return [...this._teams.get(team)];
  }
  objsByTeam(team) {
    return this._teams.get(team).map((id) => this._byId.get(id));
  }
  idByCoords(coords) {
    return this._byCoords.get(coords.toString())?.id;
  }
  objByCoords(coords) {
    return this._byCoords.get(coords.toString());
  }
}

class ActionType extends Enum {}
closeEnum(ActionType, ['Attack', 'Move']);

class Action {
  constructor(type, direction) {
    if (!(type instanceof ActionType) || !(direction instanceof Direction))
      throw new TypeError('Action needs an ActionType and a Direction');
    this.type = type;
    this.direction = direction;
  }
  toString() {
    return `<${this.type} ${this.direction}>`;
  }
  static move(direction) {
    return new Action(ActionType.Move, direction);
  }
  static attack(direction) {
    return new Action(ActionType.Attack, direction);
  }
}

// The original shows these in its web viewer; here they go to stderr, which the tournament keeps.
const debug = {
  inspect: (key, val) => process.stderr.write(`inspect ${key}=${val}\n`),
  locate: (unit) => process.stderr.write(`locate ${unit?.id}\n`),
};

function setSpawn(points) {
  for (const p of points) {
    const c = new Coords(p.x, p.y);
    SPAWN_COORDS.add(c);
    SPAWN_KEYS.add(c.toString());
  }
}

module.exports = {
  globals: { MAP_SIZE, Direction, Coords, SPAWN_COORDS, HILL_COORDS, Team, ObjType, Obj, State, ActionType, Action, debug },
  setSpawn,
};
