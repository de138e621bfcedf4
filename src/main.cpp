#include "cli.hpp"

int main(int argc, char** argv) {
  return knotplan::run_command_line(argc, argv);
}
