# difflib (its junk heuristics and the line/char markup use re): unified and
# context diffs, ndiff with intraline hints, SequenceMatcher ratios and
# opcodes, get_close_matches.
import difflib

a = """one
two
three
four
five six
seven""".splitlines(keepends=True)
b = """zero
one
tree
four
five  six
seven
eight""".splitlines(keepends=True)
print(''.join(difflib.unified_diff(a, b, 'a.txt', 'b.txt', 'then', 'now')))
print(''.join(difflib.context_diff(a, b, 'a.txt', 'b.txt', n=1)))
print(''.join(difflib.ndiff(a, b)))
print(''.join(difflib.restore(difflib.ndiff(a, b), 2)) == ''.join(b))
sm = difflib.SequenceMatcher(None, 'private Thread currentThread;',
                             'private volatile Thread currentThread;')
print(round(sm.ratio(), 4), round(sm.quick_ratio(), 4), round(sm.real_quick_ratio(), 4))
print(sm.get_opcodes())
print(sm.get_matching_blocks())
sm = difflib.SequenceMatcher(lambda c: c == ' ', 'a b c d', 'a  b x d')
print(sm.get_opcodes(), list(sm.get_grouped_opcodes(1)))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
print(difflib.get_close_matches('wheel', ['while', 'wheat', 'whale', 'heel'], n=2, cutoff=0.5))
print(difflib.IS_LINE_JUNK('  #  \n'), difflib.IS_LINE_JUNK('x\n'), difflib.IS_CHARACTER_JUNK(' '))
d = difflib.Differ()
print(list(d.compare(['abcdefg\n'], ['abcxefgh\n'])))
print(list(difflib.unified_diff(['a'], ['a'])))
print(''.join(difflib.unified_diff(['x\n', 'y\n'], ['x\n', 'z\n'], lineterm='\n', n=0)))
