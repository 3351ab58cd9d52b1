# A signal handler runs during a long regular expression match and its
# exception ends the match (the engine checks every 4096 steps).
import re, signal
def stop(*a):
    raise TimeoutError("match interrupted")
signal.signal(signal.SIGALRM, stop)
signal.setitimer(signal.ITIMER_REAL, 0.2)
try:
    re.match(r"(a+)+b", "a" * 40)
    print("finished")
except TimeoutError as e:
    print("TimeoutError", e)
signal.setitimer(signal.ITIMER_REAL, 0)
print(re.match(r"(a+)+b", "aaab").group(), re.findall(r"\d+", "a1b22c333" * 3))
