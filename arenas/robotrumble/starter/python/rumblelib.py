"""The RobotRumble standard library, rewritten for codearena.

Same names and behaviour as the original's Python API (robot-rumble docs, "The complete API
reference"), so a robot written for robotrumble.org runs here unchanged: Direction, Coords,
Team, ObjType, Obj, State, ActionType, Action, MAP_SIZE, SPAWN_COORDS, debug. Coordinates:
x grows east, y grows south; North is (0, -1).
"""
import enum
import math
import sys

MAP_SIZE = 19


class Direction(enum.Enum):
    North = "North"
    South = "South"
    East = "East"
    West = "West"

    def __repr__(self):
        return str(self)

    @property
    def opposite(self):
        return _OPPOSITE[self]

    @property
    def to_coords(self):
        return Coords(*_STEP[self])

    @property
    def rotate_cw(self):
        return _CW[self]

    @property
    def rotate_ccw(self):
        return _CW[_OPPOSITE[self]]


_STEP = {Direction.North: (0, -1), Direction.East: (1, 0), Direction.South: (0, 1), Direction.West: (-1, 0)}
_OPPOSITE = {Direction.North: Direction.South, Direction.South: Direction.North,
             Direction.East: Direction.West, Direction.West: Direction.East}
_CW = {Direction.North: Direction.East, Direction.East: Direction.South,
       Direction.South: Direction.West, Direction.West: Direction.North}


class Coords(tuple):
    def __new__(cls, x, y):
        if not isinstance(x, int) or not isinstance(y, int):
            raise TypeError("Coords needs two ints")
        return super().__new__(cls, (x, y))

    def __repr__(self):
        return f"({self[0]}, {self[1]})"

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def is_spawn(self):
        return self in SPAWN_COORDS

    def is_hill(self):
        # No king-of-the-hill mode here.
        return False

    def distance_to(self, other):
        return math.hypot(other.x - self.x, other.y - self.y)

    def walking_distance_to(self, other):
        return abs(other.x - self.x) + abs(other.y - self.y)

    def coords_around(self):
        return [self + d for d in Direction]

    def direction_to(self, other):
        # The direction along the larger difference; ties go as in the original library:
        # west when the other is west-ish, otherwise south or north before east.
        dx, dy = other.x - self.x, other.y - self.y
        if dx <= 0 and abs(dy) <= -dx:
            return Direction.West
        if dy > 0 and abs(dx) <= dy:
            return Direction.South
        if dy < 0 and abs(dx) <= -dy:
            return Direction.North
        return Direction.East

    def __add__(self, other):
        if isinstance(other, Direction):
            other = other.to_coords
        if not isinstance(other, Coords):
            raise TypeError("Coords + needs Coords or Direction")
        return Coords(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        if isinstance(other, Direction):
            other = other.to_coords
        if not isinstance(other, Coords):
            raise TypeError("Coords - needs Coords or Direction")
        return Coords(self.x - other.x, self.y - other.y)

    def __mul__(self, n):
        if not isinstance(n, int):
            raise TypeError("Coords * needs an int")
        return Coords(self.x * n, self.y * n)


SPAWN_COORDS = set()  # filled from the first request (the arena sends its map)
HILL_COORDS = set()


class Team(enum.Enum):
    Red = "Red"
    Blue = "Blue"

    def __repr__(self):
        return str(self)

    @property
    def opposite(self):
        return Team.Blue if self is Team.Red else Team.Red


class ObjType(enum.Enum):
    Unit = "Unit"
    Terrain = "Terrain"

    def __repr__(self):
        return str(self)


class Obj:
    """A unit or a wall. team and health are None for walls."""

    __slots__ = ("id", "coords", "obj_type", "team", "health")

    def __init__(self, id, coords, obj_type, team=None, health=None):
        self.id, self.coords, self.obj_type, self.team, self.health = id, coords, obj_type, team, health

    def __repr__(self):
        if self.obj_type is ObjType.Unit:
            return f"<{self.obj_type} id={self.id} coords={self.coords} {self.team} health={self.health}>"
        return f"<{self.obj_type} id={self.id} coords={self.coords}>"


class State:
    def __init__(self, request):
        self.turn = request["turn"]
        self.our_team = Team.Red if request["team"] == "red" else Team.Blue
        self.other_team = self.our_team.opposite
        self._by_id = {}
        self._by_coords = {}
        self._teams = {Team.Red: [], Team.Blue: []}
        for w in request["map"]["walls"]:
            self._add(Obj(w["id"], Coords(w["x"], w["y"]), ObjType.Terrain))
        for u in request["units"]:
            team = Team.Red if u["team"] == "red" else Team.Blue
            self._add(Obj(u["id"], Coords(u["x"], u["y"]), ObjType.Unit, team, u["health"]))
            self._teams[team].append(u["id"])

    def _add(self, obj):
        self._by_id[obj.id] = obj
        self._by_coords[obj.coords] = obj

    def obj_by_id(self, id):
        return self._by_id.get(id)

    def ids_by_team(self, team):
        return list(self._teams[team])

    def objs_by_team(self, team):
        return [self._by_id[i] for i in self._teams[team]]

    def id_by_coords(self, coords):
        obj = self._by_coords.get(coords)
        return obj.id if obj else None

    def obj_by_coords(self, coords):
        return self._by_coords.get(coords)


class ActionType(enum.Enum):
    Attack = "Attack"
    Move = "Move"

    def __repr__(self):
        return str(self)


class Action:
    def __init__(self, type, direction):
        if not isinstance(type, ActionType) or not isinstance(direction, Direction):
            raise TypeError("Action needs an ActionType and a Direction")
        self.type, self.direction = type, direction

    def __repr__(self):
        return f"<{self.type} {self.direction}>"

    @staticmethod
    def move(direction):
        return Action(ActionType.Move, direction)

    @staticmethod
    def attack(direction):
        return Action(ActionType.Attack, direction)


class Debug:
    """debug.inspect / debug.locate: the original shows them in its web viewer; here they go to
    stderr, which the tournament keeps."""

    def inspect(self, key, val):
        print(f"inspect {key}={val}", file=sys.stderr)

    def locate(self, unit):
        print(f"locate {getattr(unit, 'id', unit)}", file=sys.stderr)


debug = Debug()

__all__ = ["MAP_SIZE", "Direction", "Coords", "SPAWN_COORDS", "HILL_COORDS", "Team", "ObjType", "Obj",
           "State", "ActionType", "Action", "debug"]
