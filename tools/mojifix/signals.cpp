// signals.cpp — what a signal does to a run: temporary files removed, progress bar cleared.
#include <signal.h>
#include <unistd.h>

#include "cli.hpp"
#include "console.hpp"
#include "inplace.hpp"

namespace mojifix::cli {

namespace {

void on_fatal_signal(int sig) {
  remove_temporary_files();
  if (progress_bar_visible()) {
    static const char clear[] = "\r\033[K";
    (void)!::write(STDERR_FILENO, clear, sizeof clear - 1);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

}  // namespace

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    // Keep a signal ignored when the caller ignores it (nohup, background jobs).
    if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(sig, &sa, nullptr);
  }
  signal(SIGXFSZ, SIG_IGN);  // an over-size write then fails with EFBIG, reported per file
}

}  // namespace mojifix::cli
