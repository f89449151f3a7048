/* kh_commands.h — the drafting commands beside render: `kehoach check` (the plan against the
   decree's rules, findings by file and line) and `kehoach new` (next year's plan folder from
   this year's). Each takes the arguments after the command's name and returns the exit status. */
#ifndef KH_COMMANDS_H
#define KH_COMMANDS_H

/* kehoach check PLAN [--format text|json]: 0 no errors, 1 errors found, 2 the plan cannot be
   loaded (reported as a finding) or bad usage, 3 an internal failure. */
int kh_check_command(int argc, char **argv);

/* kehoach new PLAN --year YYYY -o NEWDIR [--shift-ranges] [--dry-run]: 0 done, 2 bad input or usage (NEWDIR
   exists, the plan does not load), 3 an I/O failure (nothing is left behind). */
int kh_new_command(int argc, char **argv);
#endif
