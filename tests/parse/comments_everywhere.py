# leading
x = (  # after paren
    1,  # after item
    # own line
    2
)  # after close
def f(  # c
    a,  # c
):  # c
    # c
    pass  # c
@dec  # c
# between decorator and def
def g(): pass
