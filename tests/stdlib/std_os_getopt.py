# getopt from CPython's library: short and long options, arguments,
# abbreviations, errors, and gnu_getopt with POSIXLY_CORRECT read from
# os.environ.
import getopt
import os

print(getopt.getopt(["-a", "-b", "val", "-cfoo", "rest", "-d"], "ab:c:d"))
print(getopt.getopt(["--alpha", "--beta=2", "--gam", "x", "arg"], "", ["alpha", "beta=", "gamma="]))
print(getopt.getopt(["-a", "--", "-b"], "ab"))
for args, short, long in ((["-z"], "a", []), (["-b"], "b:", []), (["--nope"], "", ["yes"]),
                          (["--al"], "", ["alpha", "alps"]), (["--alpha=1"], "", ["alpha"]),
                          (["--beta"], "", ["beta="])):
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print("GetoptError", e.msg, repr(e.opt), str(e))
print(getopt.gnu_getopt(["arg1", "-a", "arg2", "--beta", "v"], "a", ["beta="]))
os.environ["POSIXLY_CORRECT"] = "1"
print(getopt.gnu_getopt(["arg1", "-a", "arg2"], "a"))
del os.environ["POSIXLY_CORRECT"]
print(getopt.gnu_getopt(["+", "-a"], "+a"))
print(getopt.error is getopt.GetoptError)
