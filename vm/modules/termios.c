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

static const KModInt constants[] = {
    KMOD_INT(B0), KMOD_INT(B1000000), KMOD_INT(B110), KMOD_INT(B115200), KMOD_INT(B1152000), KMOD_INT(B1200),
    KMOD_INT(B134), KMOD_INT(B150), KMOD_INT(B1500000), KMOD_INT(B1800), KMOD_INT(B19200), KMOD_INT(B200),
    KMOD_INT(B2000000), KMOD_INT(B230400), KMOD_INT(B2400), KMOD_INT(B2500000), KMOD_INT(B300), KMOD_INT(B3000000),
    KMOD_INT(B3500000), KMOD_INT(B38400), KMOD_INT(B4000000), KMOD_INT(B460800), KMOD_INT(B4800), KMOD_INT(B50),
    KMOD_INT(B500000), KMOD_INT(B57600), KMOD_INT(B576000), KMOD_INT(B600), KMOD_INT(B75), KMOD_INT(B921600),
    KMOD_INT(B9600), KMOD_INT(BRKINT), KMOD_INT(BS0), KMOD_INT(BS1), KMOD_INT(BSDLY), KMOD_INT(CBAUD),
    KMOD_INT(CBAUDEX), KMOD_INT(CDSUSP), KMOD_INT(CEOF), KMOD_INT(CEOL), KMOD_INT(CEOT), KMOD_INT(CERASE),
    KMOD_INT(CFLUSH), KMOD_INT(CIBAUD), KMOD_INT(CINTR), KMOD_INT(CKILL), KMOD_INT(CLNEXT), KMOD_INT(CLOCAL),
    KMOD_INT(CQUIT), KMOD_INT(CR0), KMOD_INT(CR1), KMOD_INT(CR2), KMOD_INT(CR3), KMOD_INT(CRDLY),
    KMOD_INT(CREAD), KMOD_INT(CRPRNT), KMOD_INT(CRTSCTS), KMOD_INT(CS5), KMOD_INT(CS6), KMOD_INT(CS7),
    KMOD_INT(CS8), KMOD_INT(CSIZE), KMOD_INT(CSTART), KMOD_INT(CSTOP), KMOD_INT(CSTOPB), KMOD_INT(CSUSP),
    KMOD_INT(CWERASE), KMOD_INT(ECHO), KMOD_INT(ECHOCTL), KMOD_INT(ECHOE), KMOD_INT(ECHOK), KMOD_INT(ECHOKE),
    KMOD_INT(ECHONL), KMOD_INT(ECHOPRT), KMOD_INT(EXTA), KMOD_INT(EXTB), KMOD_INT(FF0), KMOD_INT(FF1),
    KMOD_INT(FFDLY), KMOD_INT(FIOASYNC), KMOD_INT(FIOCLEX), KMOD_INT(FIONBIO), KMOD_INT(FIONCLEX), KMOD_INT(FIONREAD),
    KMOD_INT(FLUSHO), KMOD_INT(HUPCL), KMOD_INT(ICANON), KMOD_INT(ICRNL), KMOD_INT(IEXTEN), KMOD_INT(IGNBRK),
    KMOD_INT(IGNCR), KMOD_INT(IGNPAR), KMOD_INT(IMAXBEL), KMOD_INT(INLCR), KMOD_INT(INPCK), KMOD_INT(IOCSIZE_MASK),
    KMOD_INT(IOCSIZE_SHIFT), KMOD_INT(ISIG), KMOD_INT(ISTRIP), KMOD_INT(IUCLC), KMOD_INT(IXANY), KMOD_INT(IXOFF),
    KMOD_INT(IXON), KMOD_INT(NCC), KMOD_INT(NCCS), KMOD_INT(NL0), KMOD_INT(NL1), KMOD_INT(NLDLY),
    KMOD_INT(NOFLSH), KMOD_INT(N_MOUSE), KMOD_INT(N_PPP), KMOD_INT(N_SLIP), KMOD_INT(N_STRIP), KMOD_INT(N_TTY),
    KMOD_INT(OCRNL), KMOD_INT(OFDEL), KMOD_INT(OFILL), KMOD_INT(OLCUC), KMOD_INT(ONLCR), KMOD_INT(ONLRET),
    KMOD_INT(ONOCR), KMOD_INT(OPOST), KMOD_INT(PARENB), KMOD_INT(PARMRK), KMOD_INT(PARODD), KMOD_INT(PENDIN),
    KMOD_INT(TAB0), KMOD_INT(TAB1), KMOD_INT(TAB2), KMOD_INT(TAB3), KMOD_INT(TABDLY), KMOD_INT(TCFLSH),
    KMOD_INT(TCGETA), KMOD_INT(TCGETS), KMOD_INT(TCIFLUSH), KMOD_INT(TCIOFF), KMOD_INT(TCIOFLUSH), KMOD_INT(TCION),
    KMOD_INT(TCOFLUSH), KMOD_INT(TCOOFF), KMOD_INT(TCOON), KMOD_INT(TCSADRAIN), KMOD_INT(TCSAFLUSH), KMOD_INT(TCSANOW),
    KMOD_INT(TCSBRK), KMOD_INT(TCSBRKP), KMOD_INT(TCSETA), KMOD_INT(TCSETAF), KMOD_INT(TCSETAW), KMOD_INT(TCSETS),
    KMOD_INT(TCSETSF), KMOD_INT(TCSETSW), KMOD_INT(TCXONC), KMOD_INT(TIOCCONS), KMOD_INT(TIOCEXCL), KMOD_INT(TIOCGETD),
    KMOD_INT(TIOCGICOUNT), KMOD_INT(TIOCGLCKTRMIOS), KMOD_INT(TIOCGPGRP), KMOD_INT(TIOCGSERIAL), KMOD_INT(TIOCGSOFTCAR), KMOD_INT(TIOCGWINSZ),
    KMOD_INT(TIOCINQ), KMOD_INT(TIOCLINUX), KMOD_INT(TIOCMBIC), KMOD_INT(TIOCMBIS), KMOD_INT(TIOCMGET), KMOD_INT(TIOCMIWAIT),
    KMOD_INT(TIOCMSET), KMOD_INT(TIOCM_CAR), KMOD_INT(TIOCM_CD), KMOD_INT(TIOCM_CTS), KMOD_INT(TIOCM_DSR), KMOD_INT(TIOCM_DTR),
    KMOD_INT(TIOCM_LE), KMOD_INT(TIOCM_RI), KMOD_INT(TIOCM_RNG), KMOD_INT(TIOCM_RTS), KMOD_INT(TIOCM_SR), KMOD_INT(TIOCM_ST),
    KMOD_INT(TIOCNOTTY), KMOD_INT(TIOCNXCL), KMOD_INT(TIOCOUTQ), KMOD_INT(TIOCPKT), KMOD_INT(TIOCPKT_DATA), KMOD_INT(TIOCPKT_DOSTOP),
    KMOD_INT(TIOCPKT_FLUSHREAD), KMOD_INT(TIOCPKT_FLUSHWRITE), KMOD_INT(TIOCPKT_NOSTOP), KMOD_INT(TIOCPKT_START), KMOD_INT(TIOCPKT_STOP), KMOD_INT(TIOCSCTTY),
    KMOD_INT(TIOCSERCONFIG), KMOD_INT(TIOCSERGETLSR), KMOD_INT(TIOCSERGETMULTI), KMOD_INT(TIOCSERGSTRUCT), KMOD_INT(TIOCSERGWILD), KMOD_INT(TIOCSERSETMULTI),
    KMOD_INT(TIOCSERSWILD), KMOD_INT(TIOCSER_TEMT), KMOD_INT(TIOCSETD), KMOD_INT(TIOCSLCKTRMIOS), KMOD_INT(TIOCSPGRP), KMOD_INT(TIOCSSERIAL),
    KMOD_INT(TIOCSSOFTCAR), KMOD_INT(TIOCSTI), KMOD_INT(TIOCSWINSZ), KMOD_INT(TOSTOP), KMOD_INT(VDISCARD), KMOD_INT(VEOF),
    KMOD_INT(VEOL), KMOD_INT(VEOL2), KMOD_INT(VERASE), KMOD_INT(VINTR), KMOD_INT(VKILL), KMOD_INT(VLNEXT),
    KMOD_INT(VMIN), KMOD_INT(VQUIT), KMOD_INT(VREPRINT), KMOD_INT(VSTART), KMOD_INT(VSTOP), KMOD_INT(VSUSP),
    KMOD_INT(VSWTC), KMOD_INT(VSWTCH), KMOD_INT(VT0), KMOD_INT(VT1), KMOD_INT(VTDLY), KMOD_INT(VTIME), KMOD_INT(VWERASE),
    KMOD_INT(XCASE), KMOD_INT(XTABS),
};

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
