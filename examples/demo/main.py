# examples/demo/main.py: the example program `make demo` compiles with
# kraitc and then runs warm (from its __pycache__) with krait.
from textstats import analyse, report
from textstats.sample import SAMPLE


def main():
    stats = analyse(SAMPLE)
    for line in report(stats, top=5):
        print(line)


if __name__ == "__main__":
    main()
