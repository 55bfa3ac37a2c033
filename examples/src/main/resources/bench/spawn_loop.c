/*
 * The reference the prockit benchmark compares against: the kernel's limit for spawning from C.
 * Compiled by io.prockit.examples.bench.CLoop with gcc at run time, into a temporary directory.
 *
 *   spawn_loop spawn N PROGRAM
 *       posix_spawn(PROGRAM) + waitpid, N times, environment passed; prints one line per spawn:
 *       the microseconds it took.
 *   spawn_loop concurrent K PIPES SECONDS
 *       starts K children "sleep SECONDS" (PIPES=1: three pipes per child, parent ends kept open;
 *       PIPES=2: no pipes, but a pidfd per child held open, as prockit holds one to watch each child),
 *       prints "start_us <microseconds to start all>", then SIGKILLs and reaps each of them and
 *       prints "reaped <count>".
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int spawn_loop(long n, const char *program) {
    char *argv[] = {(char *) program, NULL};
    for (long i = 0; i < n; i++) {
        double t0 = now_us();
        pid_t pid;
        int err = posix_spawn(&pid, program, NULL, NULL, argv, environ);
        if (err != 0) {
            fprintf(stderr, "posix_spawn(%s): %s\n", program, strerror(err));
            return 1;
        }
        int status;
        while (waitpid(pid, &status, 0) < 0) {
        }
        printf("%.1f\n", now_us() - t0);
    }
    return 0;
}

static int concurrent(long k, int pipes, const char *seconds) {
    pid_t *pids = calloc((size_t) k, sizeof(pid_t));
    int *fds = pipes == 1 ? calloc((size_t) k * 3, sizeof(int)) : NULL;
    int *pidfds = pipes == 2 ? calloc((size_t) k, sizeof(int)) : NULL;
    char *argv[] = {"sleep", (char *) seconds, NULL};
    long started = 0;
    int rc = 0;
    double t0 = now_us();
    for (long i = 0; i < k; i++) {
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        int childEnds[3] = {-1, -1, -1};
        if (pipes == 1) {
            for (int s = 0; s < 3; s++) {
                int p[2];
                if (pipe2(p, O_CLOEXEC) != 0) {
                    perror("pipe2");
                    rc = 1;
                    break;
                }
                int childEnd = s == 0 ? p[0] : p[1];
                fds[i * 3 + s] = s == 0 ? p[1] : p[0];
                childEnds[s] = childEnd;
                posix_spawn_file_actions_adddup2(&fa, childEnd, s);
            }
        }
        if (rc == 0) {
            int err = posix_spawnp(&pids[i], "sleep", &fa, NULL, argv, environ);
            if (err != 0) {
                fprintf(stderr, "posix_spawnp(sleep): %s\n", strerror(err));
                rc = 1;
            } else {
                started++;
                if (pipes == 2) {
#ifdef SYS_pidfd_open
                    pidfds[i] = (int) syscall(SYS_pidfd_open, pids[i], 0);
                    if (pidfds[i] < 0) {
                        perror("pidfd_open");
                        rc = 1;
                    }
#else
                    fprintf(stderr, "no pidfd_open in these headers\n");
                    rc = 1;
#endif
                }
            }
        }
        posix_spawn_file_actions_destroy(&fa);
        for (int s = 0; s < 3; s++) {
            if (childEnds[s] >= 0) {
                close(childEnds[s]);
            }
        }
        if (rc != 0) {
            break;
        }
    }
    printf("start_us %.0f\n", now_us() - t0);
    fflush(stdout);
    long reaped = 0;
    for (long i = 0; i < started; i++) {
        kill(pids[i], SIGKILL);
    }
    for (long i = 0; i < started; i++) {
        int status;
        while (waitpid(pids[i], &status, 0) < 0) {
        }
        reaped++;
    }
    printf("reaped %ld\n", reaped);
    if (pidfds) {
        for (long i = 0; i < started; i++) {
            if (pidfds[i] >= 0) {
                close(pidfds[i]);
            }
        }
    }
    return rc;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "spawn") == 0) {
        return spawn_loop(atol(argv[2]), argv[3]);
    }
    if (argc == 5 && strcmp(argv[1], "concurrent") == 0) {
        return concurrent(atol(argv[2]), atoi(argv[3]), argv[4]);
    }
    fprintf(stderr, "usage: spawn_loop spawn N PROGRAM | concurrent K PIPES SECONDS\n");
    return 2;
}
