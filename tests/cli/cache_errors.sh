#!/usr/bin/env bash
# tests/cli/cache_errors.sh: a file that does not compile is reported as
# python3.11 -m compileall reports it (with -q: "*** Error compiling ...";
# with -qq: nothing), every other file is still compiled, and the exit
# status is 1. A __pycache__ that cannot be made is an error too.
source tests/cli/lib/common.bash
skip_without_codegen
cd "$SCRATCH" || exit 1
for q in "" -q -qq; do
    rm -rf p k
    mkdir -p p k
    printf 'x = (\n' >p/bad.py
    printf 'y = 1\n' >p/good.py
    cp p/*.py k/
    exp=$(/usr/bin/python3.11 -m compileall $q p | sed "s/'p/'k/g; s/\"p/\"k/g")
    act=$("$KRAITC" $q k)
    status=$?
    [ "$status" -eq 1 ] || fail "kraitc $q: exit status $status"
    [ "$act" = "$exp" ] || fail "kraitc $q printed:
$act
python3.11 -m compileall printed:
$exp"
    [ -f k/__pycache__/good.krait-1.pyc ] || fail "kraitc $q: good.py not compiled"
    [ -f k/__pycache__/bad.krait-1.pyc ] && fail "kraitc $q: bad.py has a cache"
done

mkdir -p w
printf 'z = 3\n' >w/m.py
printf 'in the way\n' >w/__pycache__
out=$("$KRAITC" -q w/m.py)
[ $? -eq 1 ] || fail "unwritable cache: exit status not 1"
case "$out" in
*NotADirectoryError*) ;;
*) fail "unwritable cache reported as: $out" ;;
esac
exit 0
