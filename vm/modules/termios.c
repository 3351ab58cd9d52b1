// vm/modules/termios.c: the termios module: tcgetattr/tcsetattr with
// CPython's 7-item attribute lists (the cc list holds 1-byte bytes, and ints
// for VMIN and VTIME outside canonical mode), tcsendbreak, tcdrain, tcflush,
// tcflow, tcgetwinsize/tcsetwinsize, termios.error(errno, strerror), and
// the constants of <termios.h> and the tty ioctls.
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "_signal.h"
#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../int.h"
#include "../list.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "posix.h"

#ifndef VSWTCH
#define VSWTCH VSWTC
#endif

#define FUNC(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static KValue termios_error; // termios.error

// Raises termios.error(errno, strerror(errno)); returns KV_NULL.
static KValue tc_error(void) {
    int e = errno;
    KValue msg = kstr_from_cstr(strerror(e));
    KValue t = msg ? ktuple_pack(2, kval_from_int(e), msg) : KV_NULL;
    kval_xdecref(msg);
    if (t) {
        kerr_set_value((KType *)kval_obj(termios_error), t);
        kval_decref(t);
    }
    return KV_NULL;
}

FUNC(tc_getattr) {
    (void)self, (void)nargs, (void)kw;
    int fd;
    struct termios t;
    if (kposix_fileno_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    if (tcgetattr(fd, &t) < 0) {
        return tc_error();
    }
    KValue cc = klist_new(NCCS);
    for (int i = 0; cc && i < NCCS; i++) {
        char ch = (char)t.c_cc[i];
        int as_int = !(t.c_lflag & ICANON) && (i == VMIN || i == VTIME);
        KValue v = as_int ? kval_from_int(t.c_cc[i]) : kbytes_from_data(&ch, 1);
        if (!v) {
            kval_decref(cc);
            return KV_NULL;
        }
        klist_items(cc)[i] = v;
    }
    if (!cc) {
        return KV_NULL;
    }
    KValue items[7] = {kint_from_i64(t.c_iflag), kint_from_i64(t.c_oflag), kint_from_i64(t.c_cflag),
                       kint_from_i64(t.c_lflag), kint_from_i64(cfgetispeed(&t)),
                       kint_from_i64(cfgetospeed(&t)), cc};
    KValue r = klist_new(0);
    for (int i = 0; i < 7; i++) {
        if (r && (!items[i] || klist_append(r, items[i]) < 0)) {
            kval_decref(r);
            r = KV_NULL;
        }
        kval_xdecref(items[i]);
    }
    return r;
}

// tcsetattr(fd, when, attributes)
FUNC(tc_setattr) {
    (void)self, (void)kw;
    int fd, when;
    if (kargs_count("tcsetattr", nargs, 3, 3) < 0 || kposix_fileno_arg(args[0], &fd) < 0 ||
        kposix_int_arg(args[1], &when) < 0) {
        return KV_NULL;
    }
    KValue attrs = args[2];
    if (!klist_check(attrs) || klist_len(attrs) != 7) {
        kerr_set(&kexc_TypeError, "tcsetattr, arg 3: must be 7 element list");
        return KV_NULL;
    }
    struct termios t;
    if (tcgetattr(fd, &t) < 0) {
        return tc_error();
    }
    long v[6];
    for (int i = 0; i < 6; i++) {
        if (knum_as_long(klist_items(attrs)[i], &v[i]) < 0) {
            return KV_NULL;
        }
    }
    KValue cc = klist_items(attrs)[6];
    if (!klist_check(cc) || klist_len(cc) != NCCS) {
        kerr_format(&kexc_TypeError, "tcsetattr: attributes[6] must be %d element list", NCCS);
        return KV_NULL;
    }
    t.c_iflag = (tcflag_t)v[0];
    t.c_oflag = (tcflag_t)v[1];
    t.c_cflag = (tcflag_t)v[2];
    t.c_lflag = (tcflag_t)v[3];
    for (int i = 0; i < NCCS; i++) {
        KValue c = klist_items(cc)[i];
        const char *p;
        ssize_t n;
        long x;
        if (kbytes_check(c) && (p = kbytes_data(c, &n), n == 1)) {
            t.c_cc[i] = (cc_t)p[0];
        } else if (kint_check(c) && knum_as_long(c, &x) == 0) {
            t.c_cc[i] = (cc_t)x;
        } else {
            if (!kerr_occurred()) {
                kerr_set(&kexc_TypeError,
                         "tcsetattr: elements of attributes must be characters or integers");
            }
            return KV_NULL;
        }
    }
    if (cfsetispeed(&t, (speed_t)v[4]) < 0 || cfsetospeed(&t, (speed_t)v[5]) < 0 ||
        tcsetattr(fd, when, &t) < 0) {
        return tc_error();
    }
    return kval_newref(KV_NONE);
}

// The shared body of tcsendbreak, tcflush and tcflow: f(fd, int).
static KValue fd_int_call(const char *name, const KValue *args, size_t nargs,
                          int (*f)(int, int)) {
    int fd, x;
    if (kargs_count(name, nargs, 2, 2) < 0 || kposix_fileno_arg(args[0], &fd) < 0 ||
        kposix_int_arg(args[1], &x) < 0) {
        return KV_NULL;
    }
    return f(fd, x) < 0 ? tc_error() : kval_newref(KV_NONE);
}

FUNC(tc_sendbreak) {
    (void)self, (void)kw;
    return fd_int_call("tcsendbreak", args, nargs, tcsendbreak);
}

FUNC(tc_flush) {
    (void)self, (void)kw;
    return fd_int_call("tcflush", args, nargs, tcflush);
}

FUNC(tc_flow) {
    (void)self, (void)kw;
    return fd_int_call("tcflow", args, nargs, tcflow);
}

FUNC(tc_drain) {
    (void)self, (void)nargs, (void)kw;
    int fd, r;
    if (kposix_fileno_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    do {
        r = tcdrain(fd);
    } while (r < 0 && errno == EINTR && ksignal_retry());
    if (r < 0) {
        return kerr_occurred() ? KV_NULL : tc_error();
    }
    return kval_newref(KV_NONE);
}

FUNC(tc_getwinsize) {
    (void)self, (void)nargs, (void)kw;
    int fd;
    struct winsize w;
    if (kposix_fileno_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) {
        return tc_error();
    }
    return ktuple_pack(2, kval_from_int(w.ws_row), kval_from_int(w.ws_col));
}

// tcsetwinsize(fd, (rows, columns))
FUNC(tc_setwinsize) {
    (void)self, (void)kw;
    int fd;
    if (kargs_count("tcsetwinsize", nargs, 2, 2) < 0 || kposix_fileno_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    KValue seq = args[1];
    if ((!klist_check(seq) && !ktuple_check(seq)) || kobj_len(seq) != 2) {
        kerr_set(&kexc_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
        return KV_NULL;
    }
    long v[2];
    for (int i = 0; i < 2; i++) {
        KValue idx = kval_from_int(i);
        KValue x = kobj_getitem(seq, idx);
        int r = x ? knum_as_long(x, &v[i]) : -1;
        kval_xdecref(x);
        if (r < 0) {
            return KV_NULL;
        }
        if (v[i] < 0 || v[i] > 0xFFFF) {
            kerr_set(&kexc_OverflowError, "winsize value(s) out of range.");
            return KV_NULL;
        }
    }
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) {
        return tc_error();
    }
    w.ws_row = (unsigned short)v[0];
    w.ws_col = (unsigned short)v[1];
    if (ioctl(fd, TIOCSWINSZ, &w) < 0) {
        return tc_error();
    }
    return kval_newref(KV_NONE);
}

static const KMethodDef termios_functions[] = {
    {"tcgetattr", tc_getattr, KMETH_O, NULL},
    {"tcsetattr", tc_setattr, KMETH_FAST, NULL},
    {"tcsendbreak", tc_sendbreak, KMETH_FAST, NULL},
    {"tcdrain", tc_drain, KMETH_O, NULL},
    {"tcflush", tc_flush, KMETH_FAST, NULL},
    {"tcflow", tc_flow, KMETH_FAST, NULL},
    {"tcgetwinsize", tc_getwinsize, KMETH_O, NULL},
    {"tcsetwinsize", tc_setwinsize, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

#define C(name) KMOD_INT(name)
static const KModInt constants[] = {
    C(B0), C(B1000000), C(B110), C(B115200), C(B1152000), C(B1200),
    C(B134), C(B150), C(B1500000), C(B1800), C(B19200), C(B200),
    C(B2000000), C(B230400), C(B2400), C(B2500000), C(B300), C(B3000000),
    C(B3500000), C(B38400), C(B4000000), C(B460800), C(B4800), C(B50),
    C(B500000), C(B57600), C(B576000), C(B600), C(B75), C(B921600),
    C(B9600), C(BRKINT), C(BS0), C(BS1), C(BSDLY), C(CBAUD),
    C(CBAUDEX), C(CDSUSP), C(CEOF), C(CEOL), C(CEOT), C(CERASE),
    C(CFLUSH), C(CIBAUD), C(CINTR), C(CKILL), C(CLNEXT), C(CLOCAL),
    C(CQUIT), C(CR0), C(CR1), C(CR2), C(CR3), C(CRDLY),
    C(CREAD), C(CRPRNT), C(CRTSCTS), C(CS5), C(CS6), C(CS7),
    C(CS8), C(CSIZE), C(CSTART), C(CSTOP), C(CSTOPB), C(CSUSP),
    C(CWERASE), C(ECHO), C(ECHOCTL), C(ECHOE), C(ECHOK), C(ECHOKE),
    C(ECHONL), C(ECHOPRT), C(EXTA), C(EXTB), C(FF0), C(FF1),
    C(FFDLY), C(FIOASYNC), C(FIOCLEX), C(FIONBIO), C(FIONCLEX), C(FIONREAD),
    C(FLUSHO), C(HUPCL), C(ICANON), C(ICRNL), C(IEXTEN), C(IGNBRK),
    C(IGNCR), C(IGNPAR), C(IMAXBEL), C(INLCR), C(INPCK), C(IOCSIZE_MASK),
    C(IOCSIZE_SHIFT), C(ISIG), C(ISTRIP), C(IUCLC), C(IXANY), C(IXOFF),
    C(IXON), C(NCC), C(NCCS), C(NL0), C(NL1), C(NLDLY),
    C(NOFLSH), C(N_MOUSE), C(N_PPP), C(N_SLIP), C(N_STRIP), C(N_TTY),
    C(OCRNL), C(OFDEL), C(OFILL), C(OLCUC), C(ONLCR), C(ONLRET),
    C(ONOCR), C(OPOST), C(PARENB), C(PARMRK), C(PARODD), C(PENDIN),
    C(TAB0), C(TAB1), C(TAB2), C(TAB3), C(TABDLY), C(TCFLSH),
    C(TCGETA), C(TCGETS), C(TCIFLUSH), C(TCIOFF), C(TCIOFLUSH), C(TCION),
    C(TCOFLUSH), C(TCOOFF), C(TCOON), C(TCSADRAIN), C(TCSAFLUSH), C(TCSANOW),
    C(TCSBRK), C(TCSBRKP), C(TCSETA), C(TCSETAF), C(TCSETAW), C(TCSETS),
    C(TCSETSF), C(TCSETSW), C(TCXONC), C(TIOCCONS), C(TIOCEXCL), C(TIOCGETD),
    C(TIOCGICOUNT), C(TIOCGLCKTRMIOS), C(TIOCGPGRP), C(TIOCGSERIAL), C(TIOCGSOFTCAR), C(TIOCGWINSZ),
    C(TIOCINQ), C(TIOCLINUX), C(TIOCMBIC), C(TIOCMBIS), C(TIOCMGET), C(TIOCMIWAIT),
    C(TIOCMSET), C(TIOCM_CAR), C(TIOCM_CD), C(TIOCM_CTS), C(TIOCM_DSR), C(TIOCM_DTR),
    C(TIOCM_LE), C(TIOCM_RI), C(TIOCM_RNG), C(TIOCM_RTS), C(TIOCM_SR), C(TIOCM_ST),
    C(TIOCNOTTY), C(TIOCNXCL), C(TIOCOUTQ), C(TIOCPKT), C(TIOCPKT_DATA), C(TIOCPKT_DOSTOP),
    C(TIOCPKT_FLUSHREAD), C(TIOCPKT_FLUSHWRITE), C(TIOCPKT_NOSTOP), C(TIOCPKT_START), C(TIOCPKT_STOP), C(TIOCSCTTY),
    C(TIOCSERCONFIG), C(TIOCSERGETLSR), C(TIOCSERGETMULTI), C(TIOCSERGSTRUCT), C(TIOCSERGWILD), C(TIOCSERSETMULTI),
    C(TIOCSERSWILD), C(TIOCSER_TEMT), C(TIOCSETD), C(TIOCSLCKTRMIOS), C(TIOCSPGRP), C(TIOCSSERIAL),
    C(TIOCSSOFTCAR), C(TIOCSTI), C(TIOCSWINSZ), C(TOSTOP), C(VDISCARD), C(VEOF),
    C(VEOL), C(VEOL2), C(VERASE), C(VINTR), C(VKILL), C(VLNEXT),
    C(VMIN), C(VQUIT), C(VREPRINT), C(VSTART), C(VSTOP), C(VSUSP),
    C(VSWTC), C(VSWTCH), C(VT0), C(VT1), C(VTDLY), C(VTIME), C(VWERASE),
    C(XCASE), C(XTABS),
};
#undef C

KValue kmod_termios_create(void) {
    if (!termios_error &&
        !(termios_error = kmod_new_exception("termios", "error", &kexc_Exception))) {
        return KV_NULL;
    }
    KValue m = kmod_new("termios");
    if (!m || kmod_add_functions(m, termios_functions) < 0 ||
        kmod_add(m, "error", termios_error) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    if (kmod_add_ints(m, constants, KMOD_NINTS(constants)) < 0) {
        kval_decref(m);
        return KV_NULL;
    }
    return m;
}
