#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <signal.h>
#include <editline/readline.h>

// The readline-compatible globals, set through functions so Swift never touches C globals.
static inline void ceditline_configure(const char *name, rl_completion_func_t *completer) {
    rl_readline_name = name;
    rl_attempted_completion_function = completer;
    rl_basic_word_break_characters = " \t\n\"'=";
}

static inline const char *ceditline_line_buffer(void) { return rl_line_buffer; }

// Tell readline our list is the whole answer (no fallback to file names).
static inline void ceditline_completion_done(void) { rl_attempted_completion_over = 1; }

// Make sure multibyte (Chinese) input is read as UTF-8 even when LANG is unset.
static inline void ceditline_use_utf8_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
    }
}

// Ctrl-C at the prompt clears the line instead of ending the program (Ctrl-D or quit leave).
// SIGINT only sets a flag; while libedit waits for a key its own handler (EL_SIGNAL, set by its
// readline) interrupts the read, readline returns NULL, and the flag tells that from Ctrl-D.
// `restart`: outside a prompt (a command running) no system call is cut short by it; while a PIN
// is read (no libedit there) the read must be, so that Ctrl-C cancels it.
static volatile sig_atomic_t ceditline_interrupted = 0;

static void ceditline_on_interrupt(int signo) { (void)signo; ceditline_interrupted = 1; }

static inline void ceditline_catch_interrupt(int restart) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ceditline_on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = restart ? SA_RESTART : 0;
    sigaction(SIGINT, &action, NULL);
    // A parent that blocked SIGINT (a test runner, a service manager) passes the mask on: unblock it.
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
}

// Whether SIGINT is caught by Workshop now (the REPL is running) rather than ending the program.
static inline int ceditline_interrupt_caught(void) {
    struct sigaction current;
    if (sigaction(SIGINT, NULL, &current) != 0) return 0;
    return current.sa_handler == ceditline_on_interrupt;
}

// Whether Ctrl-C was pressed since the last call; clears it.
static inline int ceditline_take_interrupt(void) {
    int was = ceditline_interrupted;
    ceditline_interrupted = 0;
    return was;
}
