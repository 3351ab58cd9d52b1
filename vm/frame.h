// vm/frame.h: the frames of running Python code. A frame lives on the
// thread's data stack (or inside a generator): its header, then 'framesize'
// slots: the code's localsplus (arguments, locals, cells, free variables)
// and then the value stack. Python-to-Python calls push a frame and stay in
// the same C loop.
#ifndef KRAIT_VM_FRAME_H
#define KRAIT_VM_FRAME_H

#include "code.h"
#include "object.h"
#include "state.h"

enum { KFRAME_OWNED_BY_THREAD, KFRAME_OWNED_BY_GENERATOR };

// What returning from a frame the loop pushed for a C-level protocol
// (eval_inline.c) does with the result in the calling frame.
enum {
    KFRAME_RET_PLAIN, // push the result
    KFRAME_RET_INIT,  // __init__ of CALL on a class: None expected, the instance stays
    KFRAME_RET_BINOP, // a class's __op__ for BINARY_OP: NotImplemented continues the protocol
};

struct KFrame {
    KCode *code;         // borrowed: 'func' owns it
    KValue func;         // owned
    KValue globals;      // borrowed from 'func'
    KValue builtins;     // borrowed from 'func'
    KValue locals;       // owned: module and class bodies; KV_NULL otherwise
    KFrame *previous;
    uint32_t *ip;        // the next instruction (saved when the frame is not running)
    KValue *sp;          // first free value-stack slot (saved)
    KValue frame_obj;    // a KFrameObject once Python asked for it, else KV_NULL
    uint8_t owner;
    uint8_t is_entry;    // returning from this frame returns from keval_frame
    uint8_t ret_kind;    // KFRAME_RET_*: plain unless pushed by eval_inline.c
    uint8_t pad[5];
    KValue localsplus[]; // framesize slots
};

static inline KValue *kframe_stack_base(KFrame *f) {
    return f->localsplus + f->code->nlocalsplus;
}
// The index of the instruction being run (or last run).
static inline int kframe_lasti(KFrame *f) {
    return (int)(f->ip - f->code->code) - 1;
}

// Pushes a frame for 'func' (owned reference stolen) on the data stack with
// every slot KV_NULL, materialising its code first when it comes from a
// cache and never ran (kcode_materialise). NULL with MemoryError, or
// ImportError for a corrupt cache.
KFrame *kframe_push(KThreadState *ts, KValue func_steal, KValue locals);
// Releases the frame's references and pops it off the data stack.
void kframe_pop(KThreadState *ts, KFrame *f);
// Releases the references held by the frame's slots and stack.
void kframe_clear(KFrame *f);
// Size in bytes of a frame for 'code'.
size_t kframe_size(const KCode *code);
int kframe_line(KFrame *f);
// The Python frame object for 'f' (sys._getframe), new reference.
KValue kframe_object(KFrame *f);

#endif
