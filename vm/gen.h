// vm/gen.h: generators. A generator owns a copy of the frame of the call
// that created it (RETURN_GENERATOR moves the frame into it); resuming links
// that frame on top of the running one and re-enters the interpreter.
#ifndef KRAIT_VM_GEN_H
#define KRAIT_VM_GEN_H

#include "frame.h"
#include "object.h"
#include "state.h"

enum { KGEN_CREATED, KGEN_SUSPENDED, KGEN_RUNNING, KGEN_FINISHED };

typedef struct KGen {
    KOBJ_HEAD;
    KValue name, qualname;
    KValue code;
    int state;
    KExcInfo exc_state;
    KFrame frame; // followed by the frame's slots
} KGen;

// Moves the running frame 'f' into a new generator (the caller then pops
// 'f', whose slots are left empty). NULL on error.
KValue kgen_new_from_frame(KFrame *f);
// The interpreter's notes that a generator frame yielded / finished.
void kgen_frame_suspended(KFrame *f);
void kgen_frame_finished(KFrame *f);
// Sends 'value' into 'receiver' (a generator or any iterator): 0 with
// '*result' the next yielded value, 1 with '*result' the return value when
// it finished, -1 on error.
int kgen_send(KValue receiver, KValue value, KValue *result);

#endif
