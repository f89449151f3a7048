/* Signals that end a run: the temporary output file is removed first (see kh_signals.h). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "kh_i18n.h"
#include "kh_message.h"
#include "kh_package.h"
#include "kh_signals.h"

static const int stop_signals[] = {SIGTERM, SIGINT, SIGHUP};
#define NSTOP (sizeof stop_signals / sizeof stop_signals[0])

/* Made before any handler can run: a handler only writes bytes that are ready. */
static char time_limit_msg[1200];
static size_t time_limit_len;

/* The lines a stop signal prints, in the user's language: translated when the handlers are
   installed, since gettext cannot run in a handler. */
static char stop_msgs[3][160];
static size_t stop_lens[3];

static void make_stop_messages(void)
{
    static const char *const names[3] = {"SIGTERM", "SIGINT", "SIGHUP"};
    for (int i = 0; i < 3; i++) {
        int n = snprintf(stop_msgs[i], sizeof stop_msgs[i], _("kehoach: stopped by %s\n"), names[i]);
        stop_lens[i] = n < 0 ? 0 : (size_t)n < sizeof stop_msgs[i] ? (size_t)n : sizeof stop_msgs[i] - 1;
    }
}

static const char *stop_message(int sig, size_t *len)
{
    int i = sig == SIGTERM ? 0 : sig == SIGINT ? 1 : 2;
    *len = stop_lens[i];
    return stop_msgs[i];
}

static void say(const char *msg, size_t len)
{
    if (write(STDERR_FILENO, msg, len) < 0) {
        /* nothing more can be said */
    }
}

/* The temporary output file, if one is being written and not yet renamed into place. */
static void remove_leftover(void)
{
    const char *tmp = kh_write_atomic_tmp();
    if (tmp)
        unlink(tmp);
}

static void on_stop(int sig)
{
    remove_leftover();
    size_t len;
    const char *msg = stop_message(sig, &len);
    say(msg, len);
    /* End by the same signal, as the shell and a parent process expect (status 128+N). */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);   /* not reached: the default action of these signals ends the process */
}

static void on_time_limit(int sig)
{
    (void)sig;
    if (kh_write_atomic_committed())
        return;   /* the document is in place: the run is over, let it end as it would */
    remove_leftover();
    say(time_limit_msg, time_limit_len);
    _exit(2);
}

/* Every handler blocks all the signals handled here while it runs: they never interleave. */
static void handle(int sig, void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGALRM);
    for (size_t i = 0; i < NSTOP; i++)
        sigaddset(&sa.sa_mask, stop_signals[i]);
    sa.sa_flags = SA_RESTART;
    sigaction(sig, &sa, NULL);
}

void kh_signals_install(void)
{
    make_stop_messages();
    for (size_t i = 0; i < NSTOP; i++) {
        struct sigaction old;
        if (sigaction(stop_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;   /* nohup, or a shell's background job: the user asked for it to go on */
        handle(stop_signals[i], on_stop);
    }
}

void kh_signals_time_limit(const char *what, unsigned seconds)
{
    if (!seconds)
        return;
    char name[KH_MSG_QUOTED_SIZE];
    kh_msg_escape(name, sizeof name, what, strlen(what), KH_MSG_MAX_CHARS, 0);
    int n = snprintf(time_limit_msg, sizeof time_limit_msg,
                     _("kehoach: %s: time limit of %u s exceeded (a plan or template that never ends?)\n"),
                     name, seconds);
    time_limit_len = n < 0 ? 0 : (size_t)n < sizeof time_limit_msg ? (size_t)n : sizeof time_limit_msg - 1;
    if (time_limit_len && time_limit_msg[time_limit_len - 1] != '\n')
        time_limit_msg[time_limit_len - 1] = '\n';
    handle(SIGALRM, on_time_limit);
    alarm(seconds);
}

void kh_signals_time_limit_stop(void)
{
    alarm(0);
}

void kh_signals_block(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    for (size_t i = 0; i < NSTOP; i++)
        sigaddset(&set, stop_signals[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

void kh_signals_restore(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

void kh_signals_wait_set(sigset_t *set)
{
    sigaddset(set, SIGALRM);
    for (size_t i = 0; i < NSTOP; i++) {
        struct sigaction old;
        if (sigaction(stop_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;   /* ignored by the user's choice (nohup): it must not stop the run now either */
        sigaddset(set, stop_signals[i]);
    }
}
