// herokupp: safe Heroku actions and confirmed deploys from the command line.
#include "commands.hpp"

#include <unistd.h>

#include <iostream>

int main(int argc, char** argv) {
  herokupp::cli::Environment env;
  env.interactive = ::isatty(STDOUT_FILENO) != 0 && ::isatty(STDERR_FILENO) != 0;
  env.handle_signals = true;
  return herokupp::cli::run_cli(argc, argv, std::cout, std::cerr, env);
}
