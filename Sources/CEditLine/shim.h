#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
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
