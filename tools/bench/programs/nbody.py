# Float arithmetic on objects: a 3-vector class with operator methods and a
# handful of bodies pulled together by gravity, stepped with a fixed time
# step. Every operation allocates a new vector.


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z


class Body:
    def __init__(self, pos, vel, mass):
        self.pos = pos
        self.vel = vel
        self.mass = mass


def make_system():
    # A made-up star with four planets on roughly circular orbits.
    bodies = [Body(Vec(0.0, 0.0, 0.0), Vec(0.0, 0.0, 0.0), 40.0)]
    for i in range(1, 5):
        r = 1.5 * i
        speed = (40.0 / r) ** 0.5
        tilt = 0.01 * i
        bodies.append(Body(Vec(r, 0.0, tilt), Vec(0.0, speed, -tilt), 0.002 * i))
    # Cancel the total momentum so the system stays in place.
    p = Vec(0.0, 0.0, 0.0)
    for b in bodies:
        p = p + b.vel * b.mass
    bodies[0].vel = p * (-1.0 / bodies[0].mass)
    return bodies


def energy(bodies):
    e = 0.0
    for i, a in enumerate(bodies):
        e += 0.5 * a.mass * a.vel.dot(a.vel)
        for b in bodies[i + 1:]:
            d = a.pos - b.pos
            e -= a.mass * b.mass / d.dot(d) ** 0.5
    return e


def advance(bodies, dt, steps):
    pairs = [(a, b) for i, a in enumerate(bodies) for b in bodies[i + 1:]]
    for _ in range(steps):
        for a, b in pairs:
            d = a.pos - b.pos
            dist2 = d.dot(d)
            mag = dt / (dist2 * dist2 ** 0.5)
            a.vel = a.vel - d * (b.mass * mag)
            b.vel = b.vel + d * (a.mass * mag)
        for body in bodies:
            body.pos = body.pos + body.vel * dt


def main():
    bodies = make_system()
    e0 = energy(bodies)
    advance(bodies, 0.001, 40000)
    e1 = energy(bodies)
    print("energy %.9f %.9f" % (e0, e1))
    print("star %.6f %.6f %.6f" % (bodies[0].pos.x, bodies[0].pos.y, bodies[0].pos.z))


main()
