// tools/bench/maxrss.c: runs a command and writes its peak resident set
// size in KB (ru_maxrss from wait4) to a file; `tools/bench/run --startup`
// builds and uses it when /usr/bin/time is missing.
//
// usage: maxrss OUTFILE COMMAND [ARG...]; exits with the command's status.
//
// Why a C program: a child forked from the Python runner starts with the
// runner's RSS as its high-water mark (fork copies it, exec keeps it), so
// wait4 in the runner would report at least ~13 MB for any command. Forked
// from this small process, the floor is well under 1 MB.
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: maxrss OUTFILE COMMAND [ARG...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("maxrss: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror("maxrss: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("maxrss: wait4");
        return 2;
    }
    FILE *out = fopen(argv[1], "w");
    if (out == NULL) {
        perror("maxrss: open");
        return 2;
    }
    fprintf(out, "%ld\n", usage.ru_maxrss);
    fclose(out);
    if (WIFSIGNALED(status)) {
        return 128 + WTERMSIG(status);
    }
    return WEXITSTATUS(status);
}
