# os: sysconf/confstr/pathconf/fpathconf and their name tables, then edge
# arguments across posix (huge and negative sizes, fds and ids, empty
# paths, bad exec arguments): each gives CPython's exception, never a crash.
import os
r, w = os.pipe()
cases = [
 lambda: os.read(r, 2**62), lambda: os.urandom(2**62), lambda: os.pread(r, 10, -1), lambda: os.sendfile(w, r, None, -1),
 lambda: os.lseek(r, 0, 99), lambda: os.utime('/nonexistent-krait', (1e300, 1)), lambda: os.utime('/nonexistent-krait', ns=(2**80, 1)),
 lambda: os.makedev(-1, -1), lambda: os.major(-1), lambda: os.major(2**70), lambda: os.strerror(-1), lambda: os.strerror(2**40),
 lambda: os.write(w, b'x' * 0), lambda: os.closerange(2**40, 3), lambda: os.ftruncate(r, -1), lambda: os.truncate('/nonexist', -1),
 lambda: os.kill(0, 2**40), lambda: os.waitpid(2**40, 0), lambda: os.dup2(r, 2**40),
 lambda: os.set_inheritable(99999, True), lambda: os.get_blocking(99999), lambda: os.pipe2(-1),
 lambda: os.chdir(''), lambda: os.mkdir(''), lambda: os.readlink(''), lambda: os.symlink('', ''), lambda: os.open('', 0), lambda: os.stat(''),
 lambda: os.execv('', ['a']), lambda: os.execv('/bin/true', [1]), lambda: os.execve('/bin/true', ['a'], {1: 2}), lambda: os.execve('/bin/true', ['a'], {'a=b': 'c'}),
 lambda: os.execve('/bin/true', ['a'], {'': 'c'}), lambda: os.putenv('a', 1), lambda: os.system(1), lambda: os.nice(2**40),
 lambda: os.WEXITSTATUS(2**40), lambda: os.waitstatus_to_exitcode(2**40), lambda: os.get_terminal_size(99999), lambda: os.get_terminal_size(-1),
 lambda: os.fstat(-1), lambda: os.fsync(-1), lambda: os.fsync(object()), lambda: os.device_encoding(-1), lambda: os.ttyname(r),
 lambda: os.lockf(r, 99, 0), lambda: os.access('/', 99), lambda: os.chmod('/nonexist', 2**40), lambda: os.mkfifo('/nonexist/x'),
 lambda: os.stat_result((1,)*10, {'st_atime': object()}).st_atime, lambda: os.utime('/nonexistent-krait', (float('nan'), 1)), lambda: os.utime('/nonexistent-krait', (1, float('inf'))),
 lambda: os.register_at_fork(before=print, after_in_child=None), lambda: os.getpgid(2**40), lambda: os.statvfs(-1), lambda: os.fspath(None),
]
for i, f in enumerate(cases):
    try:
        res = f()
        print(i, 'ok', type(res).__name__)
    except BaseException as e:
        print(i, type(e).__name__, str(e)[:70])
os.close(r)
os.close(w)
print(list(os.sysconf_names)[:5] == sorted(os.sysconf_names)[:5], len(os.sysconf_names) > 100, len(os.confstr_names), len(os.pathconf_names))
print(os.sysconf('SC_PAGE_SIZE') > 0, os.sysconf(os.sysconf_names['SC_CLK_TCK']), os.sysconf('SC_NPROCESSORS_ONLN') == os.cpu_count())
print(os.confstr('CS_PATH'), os.confstr('CS_GNU_LIBC_VERSION').startswith('glibc'))
print(os.pathconf('/', 'PC_NAME_MAX'), os.fpathconf(0, 'PC_PIPE_BUF') > 0, os.pathconf('/', os.pathconf_names['PC_PATH_MAX']))
for f in [lambda: os.sysconf('BOGUS'), lambda: os.sysconf(1.5), lambda: os.confstr(None), lambda: os.pathconf('/nonexist', 'PC_NAME_MAX'), lambda: os.sysconf(), lambda: os.pathconf('/'), lambda: os.fpathconf(-1, 'PC_NAME_MAX'), lambda: os.sysconf(-100), lambda: os.confstr(99999)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(os.sysconf_names == {k: v for k, v in os.sysconf_names.items()}, list(os.pathconf_names)[:3])
