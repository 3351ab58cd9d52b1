# An interpreter loop in Python: a tiny stack machine whose instructions
# are (opcode, argument) tuples dispatched by an if/elif chain, running
# an assembled program that counts primes by trial division and sums a
# series. Measures tuple unpacking, list push/pop, comparisons of small
# ints and a hot while loop, the shape of many real interpreters.

PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JUMP, JUMP_IF_FALSE, HALT, DUP, POP = range(13)


def assemble(lines):
    # Two passes: labels ("name:") get the index of the next instruction,
    # then jump arguments naming a label are replaced by that index.
    labels = {}
    raw = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(raw)
            continue
        parts = line.split()
        raw.append((parts[0], parts[1] if len(parts) > 1 else None))
    names = {"push": PUSH, "load": LOAD, "store": STORE, "add": ADD, "sub": SUB,
             "mul": MUL, "mod": MOD, "lt": LT, "jump": JUMP, "jz": JUMP_IF_FALSE,
             "halt": HALT, "dup": DUP, "pop": POP}
    code = []
    for op, arg in raw:
        if op in ("jump", "jz"):
            arg = labels[arg]
        elif arg is not None:
            arg = int(arg)
        code.append((names[op], arg))
    return code


def run(code, env):
    # Runs 'code' on the variables 'env' until HALT; returns them and the
    # number of instructions executed.
    stack = []
    pc = 0
    steps = 0
    while True:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == LOAD:
            stack.append(env[arg])
        elif op == PUSH:
            stack.append(arg)
        elif op == STORE:
            env[arg] = stack.pop()
        elif op == ADD:
            b = stack.pop()
            stack[-1] += b
        elif op == SUB:
            b = stack.pop()
            stack[-1] -= b
        elif op == MUL:
            b = stack.pop()
            stack[-1] *= b
        elif op == MOD:
            b = stack.pop()
            stack[-1] %= b
        elif op == LT:
            b = stack.pop()
            stack[-1] = 1 if stack[-1] < b else 0
        elif op == JUMP:
            pc = arg
        elif op == JUMP_IF_FALSE:
            if not stack.pop():
                pc = arg
        elif op == DUP:
            stack.append(stack[-1])
        elif op == POP:
            stack.pop()
        elif op == HALT:
            return env, steps
        else:
            raise ValueError("bad opcode %d" % op)


# Variables: 0 n, 1 count, 2 d, 3 is_prime, 4 limit, 5 sum
PROGRAM = """
    push 2
    store 0
    push 0
    store 1
outer:
    load 0
    load 4
    lt
    jz done
    push 1
    store 3
    push 2
    store 2
inner:
    load 2
    load 2
    mul
    load 0
    push 1
    add
    lt
    jz tested
    load 0
    load 2
    mod
    jz composite
    load 2
    push 1
    add
    store 2
    jump inner
composite:
    push 0
    store 3
tested:
    load 1
    load 3
    add
    store 1
    load 5
    load 0
    load 3
    mul
    add
    push 1000003
    mod
    store 5
    load 0
    push 1
    add
    store 0
    jump outer
done:
    halt
"""


def main():
    code = assemble(PROGRAM.splitlines())
    results = []
    total_steps = 0
    for limit in (2000, 7000, 14000):
        env, steps = run(code, [0, 0, 0, 0, limit, 0])
        total_steps += steps
        results.append((env[1], env[5]))
    print("instructions", len(code), "steps", total_steps, "results", results)


main()
