# Tests compile(..., 'single') interactive mode: expression statements echo their repr via sys.displayhook, None is not echoed, _ is set in builtins.

import sys
import builtins
for src in ["1 + 1", "'text'", "None", "x = 5", "x", "[1, 2]", "print('printed')", "(1, None)", "if True:\n    42\n", "for i in range(2): i\n"]:
    print("---", repr(src))
    exec(compile(src, "<single>", "single"), globals())
print("--- _ is", builtins._)
def hook(value):
    print(f"custom hook saw {value!r}")
old = sys.displayhook
sys.displayhook = hook
exec(compile("6 * 7", "<single>", "single"))
exec(compile("None", "<single>", "single"))
sys.displayhook = old
exec(compile("'restored'", "<single>", "single"))
try:
    compile("1\n2\n", "<single>", "single")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("", "<single>", "single")
    print("empty single compiled")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
exec(compile("1 + 1", "<exec>", "exec"))
print("exec mode printed nothing above")
print(eval(compile("3 ** 3", "<eval>", "eval")))
