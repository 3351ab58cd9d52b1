# A mixed "real" program: a tokenizer, a recursive-descent parser building
# a small tree of node objects, and a tree-walking interpreter for a tiny
# language of assignments, arithmetic, comparisons and while loops. The
# programs it runs are generated from templates, so parsing and
# evaluation both take a good share of the time.


class Token:
    __slots__ = ("kind", "text")

    def __init__(self, kind, text):
        self.kind = kind
        self.text = text


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c in " \t\n":
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(Token("num", src[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(Token(word if word in ("while", "do", "end", "print") else "name", word))
            i = j
        elif src.startswith(("==", "!=", "<=", ">="), i):
            tokens.append(Token(src[i:i + 2], src[i:i + 2]))
            i += 2
        elif c in "+-*/%()<>=;":
            tokens.append(Token(c, c))
            i += 1
        else:
            raise SyntaxError("bad character %r" % c)
    tokens.append(Token("eof", ""))
    return tokens


class Num:
    def __init__(self, value):
        self.value = value

    def eval(self, env):
        return self.value


class Var:
    def __init__(self, name):
        self.name = name

    def eval(self, env):
        return env[self.name]


class BinOp:
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def eval(self, env):
        a = self.left.eval(env)
        b = self.right.eval(env)
        op = self.op
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return a // b
        if op == "%":
            return a % b
        if op == "<":
            return int(a < b)
        if op == ">":
            return int(a > b)
        if op == "<=":
            return int(a <= b)
        if op == ">=":
            return int(a >= b)
        if op == "==":
            return int(a == b)
        return int(a != b)


class Assign:
    def __init__(self, name, expr):
        self.name = name
        self.expr = expr

    def run(self, env, out):
        env[self.name] = self.expr.eval(env)


class Print:
    def __init__(self, expr):
        self.expr = expr

    def run(self, env, out):
        out.append(self.expr.eval(env))


class While:
    def __init__(self, cond, body):
        self.cond = cond
        self.body = body

    def run(self, env, out):
        while self.cond.eval(env):
            for stmt in self.body:
                stmt.run(env, out)


class Parser:
    LEVELS = [("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%")]

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos].kind

    def take(self, kind):
        tok = self.tokens[self.pos]
        if tok.kind != kind:
            raise SyntaxError("expected %s, got %s" % (kind, tok.kind))
        self.pos += 1
        return tok

    def block(self, stop):
        # block: statement* ending at a token of kind 'stop'
        stmts = []
        while self.peek() != stop:
            stmts.append(self.statement())
        return stmts

    def statement(self):
        # statement: 'while' expr 'do' block 'end' | 'print' expr ';' | name '=' expr ';'
        kind = self.peek()
        if kind == "while":
            self.pos += 1
            cond = self.expr(0)
            self.take("do")
            body = self.block("end")
            self.take("end")
            return While(cond, body)
        if kind == "print":
            self.pos += 1
            e = self.expr(0)
            self.take(";")
            return Print(e)
        name = self.take("name").text
        self.take("=")
        e = self.expr(0)
        self.take(";")
        return Assign(name, e)

    def expr(self, level):
        # expr at 'level': operand (op operand)*, left-associative
        if level == len(self.LEVELS):
            return self.atom()
        left = self.expr(level + 1)
        ops = self.LEVELS[level]
        while self.peek() in ops:
            op = self.tokens[self.pos].kind
            self.pos += 1
            left = BinOp(op, left, self.expr(level + 1))
        return left

    def atom(self):
        # atom: number | name | '(' expr ')' | '-' atom
        tok = self.tokens[self.pos]
        self.pos += 1
        if tok.kind == "num":
            return Num(int(tok.text))
        if tok.kind == "name":
            return Var(tok.text)
        if tok.kind == "-":
            return BinOp("-", Num(0), self.atom())
        if tok.kind == "(":
            e = self.expr(0)
            self.take(")")
            return e
        raise SyntaxError("unexpected " + tok.kind)


TEMPLATE = """
n = {n}; a = 0; b = 1; i = 0;
while i < n do t = (a + b) % 1000003; a = b; b = t; i = i + 1; end
print a;
s = 0; k = 1;
while k <= n * {m} do
  s = s + (k * k - 3 * k + {m}) % 97;
  k = k + 1;
end
print s;
x = {seed}; c = 0;
while x != 1 do
  r = x % 2;
  while r == 0 do x = x / 2; c = c + 1; r = x % 2; end
  while r * (x > 1) do x = 3 * x + 1; c = c + 1; r = 0; end
end
print c; print -(-(n) - -{m}) * ((2 + 3) * (4 - 6)) / 7;
"""


def main():
    results = []
    source_chars = 0
    for round in range(650):
        src = TEMPLATE.format(n=40 + round % 17, m=3 + round % 5, seed=27 + round)
        source_chars += len(src)
        program = Parser(tokenize(src)).block("eof")
        out = []
        env = {}
        for stmt in program:
            stmt.run(env, out)
        results.append(sum(out) % 1000003)
    print("chars", source_chars, "rounds", len(results), "checksum", sum(results), results[:4])


main()
