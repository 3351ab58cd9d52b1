# Tests match on JSON-like nested data: commands, event dicts with nested lists, AST-like tuples evaluated recursively, captures with as.

def handle(cmd):
    match cmd.split():
        case []:
            return "empty"
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", other]:
            return f"can't go {other}"
        case ["take", *objects] if objects:
            return f"taking {', '.join(objects)}"
        case ["drop", obj, "in", container]:
            return f"dropping {obj} into {container}"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb!r}"

for c in ["", "go north", "go up", "take", "take lamp key", "drop lamp in box", "exit", "dance wildly"]:
    print(repr(c), "->", handle(c))

def event(e):
    match e:
        case {"type": "click", "pos": {"x": x, "y": y}, **extra}:
            return f"click at {x},{y} extra={sorted(extra)}"
        case {"type": "keys", "keys": [first, *rest]}:
            return f"keys first={first} rest={rest}"
        case {"type": "batch", "events": [*events]}:
            return [event(sub) for sub in events]
        case {"type": str(t)}:
            return f"unhandled type {t}"
        case _:
            return "malformed"

print(event({"type": "click", "pos": {"x": 1, "y": 2}, "button": 1, "ts": 0}))
print(event({"type": "keys", "keys": ["a", "b", "c"]}))
print(event({"type": "keys", "keys": []}))
print(event({"type": "batch", "events": [{"type": "click", "pos": {"x": 0, "y": 0}}, {"type": "scroll"}, {"nope": 1}]}))
print(event({"type": 5}), event([]))

def evaluate(node, env):
    match node:
        case ("num", value):
            return value
        case ("var", str(name)):
            return env[name]
        case ("neg", operand):
            return -evaluate(operand, env)
        case ("add" | "sub" | "mul" | "div" as op, left, right):
            l, r = evaluate(left, env), evaluate(right, env)
            match op:
                case "add":
                    return l + r
                case "sub":
                    return l - r
                case "mul":
                    return l * r
                case "div" if r == 0:
                    return float("inf")
                case "div":
                    return l / r
        case ("let", name, value, body):
            return evaluate(body, {**env, name: evaluate(value, env)})
        case _:
            raise ValueError(f"bad node {node!r}")

expr = ("let", "x", ("num", 5), ("add", ("mul", ("var", "x"), ("num", 2)), ("neg", ("var", "y"))))
print(evaluate(expr, {"y": 3}), evaluate(("div", ("num", 1), ("num", 0)), {}), evaluate(("div", ("num", 9), ("num", 2)), {}))
try:
    evaluate(("pow", ("num", 1), ("num", 2)), {})
except ValueError as e:
    print(type(e).__name__, e)

def shape(v):
    match v:
        case [[_, _], [_, _]] as m:
            return f"2x2 matrix {m}"
        case [[*row], *rows] if all(len(r) == len(row) for r in rows):
            return f"{1 + len(rows)}x{len(row)} matrix"
        case [int() | float() as n, *_] as vec:
            return f"vector of {len(vec)} starting {n}"
        case {"shape": (int(h), int(w))}:
            return f"declared {h}x{w}"
    return "unknown"

print(shape([[1, 2], [3, 4]]), shape([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), shape([1.5, 2]), shape({"shape": (3, 4)}), shape([[1], [2, 3]]), shape("str"))
